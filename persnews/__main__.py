"""The command-line front: ``python -m persnews FILE|DIR|- ...``.

Reads articles (UTF-8 text files, every ``*.txt`` under a folder, or ``-``
for standard input), parses them and writes one JSON document per article to
standard output (JSON lines, UTF-8, Persian letters as they are).  This is the
only module of persnews that reads files or prints; the library never
imports it.

Exit status: 0 when every input was read and parsed, 1 when some input could
not be read or decoded, or failed to parse (the others are still written),
2 for a wrong command line.

Example::

    python -m persnews article.txt
    python -m persnews --workers 4 --reference-date 2024-10-03 crawl/ > articles.jsonl
    cat article.txt | python -m persnews --indent 2 -
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pathlib
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from typing import IO, Any, Protocol

__all__ = ["main"]


class _ByteSource(Protocol):
    def read(self) -> bytes: ...


class _ByteSink(Protocol):
    def write(self, data: bytes, /) -> int: ...

    def flush(self) -> None: ...


_PROG = "persnews"
#: Show progress only for runs of at least this many articles.
_PROGRESS_MIN = 2


class _Input:
    """One article to read: a path, or ``None`` for standard input."""

    __slots__ = ("path",)

    def __init__(self, path: pathlib.Path | None) -> None:
        self.path = path

    @property
    def name(self) -> str:
        return "<stdin>" if self.path is None else str(self.path)

    def read(self, stdin: _ByteSource | None) -> str:
        """The text, decoded as UTF-8 with line endings untouched.

        Raises:
            OSError: the file cannot be read.
            UnicodeDecodeError: it is not UTF-8.
        """
        if self.path is not None:
            return self.path.read_bytes().decode("utf-8")
        if stdin is None:
            raise OSError("standard input is closed")
        return stdin.read().decode("utf-8")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return n


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=_PROG,
        description=(
            "Parse Persian news articles into JSON: title, source agency, paragraphs, quotes, "
            "entities, times, amounts and events, with character offsets into the text."
        ),
        epilog="Writes one JSON document per line (JSON lines) in input order.",
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="FILE|DIR|-",
        help="a UTF-8 text file, a folder (every *.txt under it, recursively, in sorted order) "
        "or - for standard input",
    )
    p.add_argument(
        "--reference-date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the publication day, for resolving relative times such as فردا",
    )
    p.add_argument(
        "--workers",
        type=_positive,
        default=1,
        metavar="N",
        help="parse in N processes (default 1)",
    )
    p.add_argument(
        "--indent",
        type=int,
        metavar="N",
        help="pretty-print with N spaces of indentation (one input only)",
    )
    progress = p.add_mutually_exclusive_group()
    progress.add_argument(
        "--progress",
        action="store_true",
        default=None,
        help="show progress on standard error (default: when it is a terminal)",
    )
    progress.add_argument("--no-progress", dest="progress", action="store_false", help="never show progress")
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    return p


def _version() -> str:
    from persnews._version import __version__

    return __version__


def _collect(args: Sequence[str], errors: list[str]) -> list[_Input]:
    """The inputs named on the command line, folders expanded."""
    out: list[_Input] = []
    for arg in args:
        if arg == "-":
            out.append(_Input(None))
            continue
        path = pathlib.Path(arg)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                errors.append(f"{arg}: no *.txt files in this folder")
            out.extend(_Input(p) for p in found)
        elif path.exists():
            out.append(_Input(path))
        else:
            errors.append(f"{arg}: no such file or folder")
    return out


def _describe(exc: BaseException) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return (
            f"not UTF-8 text ({exc.reason} at byte {exc.start}); "
            "convert it first, e.g. iconv -f WINDOWS-1256 -t UTF-8"
        )
    if isinstance(exc, OSError):
        return f"cannot read it: {exc.strerror or exc}"
    return str(exc)


class _Progress:
    """A one-line counter on standard error, redrawn at most ten times a second."""

    def __init__(self, stream: IO[str], total: int, enabled: bool) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.done = 0
        self.started = time.monotonic()
        self.drawn = 0.0

    def step(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.drawn >= 0.1 or self.done == self.total:
            self.drawn = now
            rate = self.done / max(now - self.started, 1e-9)
            width = len(str(self.total))
            self.stream.write(f"\r{_PROG}: {self.done:{width}d}/{self.total} articles, {rate:.1f}/s")
            self.stream.flush()

    def break_line(self) -> None:
        """End the counter's line so that a message can be written below it."""
        if self.enabled and self.drawn:
            self.stream.write("\n")
            self.drawn = 0.0

    def close(self) -> None:
        self.break_line()
        self.stream.flush()


def _write(out: _ByteSink, document: dict[str, Any], indent: int | None) -> None:
    line = json.dumps(document, ensure_ascii=False, indent=indent)
    out.write(line.encode("utf-8") + b"\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Args:
        argv: the arguments after the program name (default ``sys.argv[1:]``).

    Returns:
        0 when every input was read and parsed; 1 when some could not be
        (each is named on standard error); 2 for a wrong command line.

    Example:
        >>> main(["--version"])  # doctest: +SKIP
        persnews 0.1.0
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2

    stdout: _ByteSink = getattr(sys.stdout, "buffer", None) or _TextToBytes(sys.stdout)
    stdin: _ByteSource | None = None
    if sys.stdin is not None:
        stdin = getattr(sys.stdin, "buffer", None) or _TextToBytes(sys.stdin)
    stderr = sys.stderr
    progress: _Progress | None = None

    def complain(message: str) -> None:
        if progress is not None:
            progress.break_line()
        stderr.write(f"{_PROG}: error: {message}\n")
        stderr.flush()

    errors: list[str] = []
    inputs = _collect(args.inputs, errors)
    if sum(1 for i in inputs if i.path is None) > 1:
        complain("- (standard input) can be given only once")
        return 2
    if args.indent is not None and len(inputs) > 1:
        complain(f"--indent writes a single document; {len(inputs)} inputs were given")
        return 2
    for message in errors:
        complain(message)
    if not inputs:
        return 1

    show = args.progress if args.progress is not None else _isatty(stderr)
    progress = _Progress(stderr, len(inputs), bool(show) and len(inputs) >= _PROGRESS_MIN)
    failed = bool(errors)
    # Where each article in flight came from: a path, or None for standard input.
    sources: deque[_Input] = deque()

    def texts() -> Iterator[str]:
        nonlocal failed
        for item in inputs:
            try:
                text = item.read(stdin)
            except (OSError, UnicodeDecodeError) as exc:
                failed = True
                complain(f"{item.name}: {_describe(exc)}")
                progress.step()
                continue
            sources.append(item)
            yield text

    from persnews.batch import ParseError, parse_many

    try:
        for result in parse_many(texts(), workers=args.workers, reference_date=args.reference_date):
            item = sources.popleft()
            if isinstance(result, ParseError):
                failed = True
                complain(f"{item.name}: could not be parsed: {result.type}: {result.message}")
            else:
                document = result.to_dict()
                document["source"] = None if item.path is None else str(item.path)
                _write(stdout, document, args.indent)
            progress.step()
        stdout.flush()
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly.
        _silence_stdout()
        return 1
    except KeyboardInterrupt:
        progress.close()
        complain("interrupted")
        return 130
    progress.close()
    return 1 if failed else 0


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _silence_stdout() -> None:
    # Python flushes stdout at exit; point it at /dev/null so that flush does
    # not fail again on the closed pipe.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class _TextToBytes:
    """A bytes view of a text stream that has no ``.buffer`` (as in some test runners)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, data: bytes, /) -> int:
        return self.stream.write(data.decode("utf-8"))

    def read(self) -> bytes:
        return self.stream.read().encode("utf-8", "surrogateescape")

    def flush(self) -> None:
        self.stream.flush()


if __name__ == "__main__":
    sys.exit(main())
