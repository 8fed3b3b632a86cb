"""Parsing many articles: :func:`parse_many` and :class:`ParseError`.

:func:`parse_many` is a lazy iterator over results in input order.  With
``workers > 1`` it parses in worker processes; each worker loads the heavy
resources (hazm's lexicon, the tagger model, the data files) once, when it
starts, and then parses chunk after chunk.  A failure in one article gives a
:class:`ParseError` for that article and the others go on.

For more than one machine see the Dask and Spark recipes in the cookbook:
the same :func:`persnews.parse` runs inside each partition.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import pickle
import traceback as _traceback
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from persnews.model import Article

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from persnews.typing import Step

__all__ = ["ParseError", "parse_many"]

OnError = Literal["raise", "return"]

# A short article parsed once in each worker, so that every lazily loaded
# resource is in memory before the first real article arrives.
_WARM_UP_TEXT = (
    "ظریف به مسکو می‌رود\n\n"
    "به گزارش ایرنا، محمدجواد ظریف وزیر امور خارجه روز دوشنبه ۱۲ مهر ۱۴۰۳ گفت: "
    "«گفتگوها ادامه دارد.» وی افزود که ۲۵ درصد کار انجام شده است.\n"
)


class ParseError(Exception):
    """The failure of one article in :func:`parse_many`.

    Returned in place of the article (``on_error="return"``, the default) or
    raised (``on_error="raise"``).  It pickles, compares by value and has a
    JSON-ready :meth:`to_dict`, so a batch job can store it next to the
    articles that did parse.

    Attributes:
        index: the position of the article in the input (from 0).
        message: what went wrong, e.g. ``"parse() expects the article text as
            str, got NoneType"``.
        type: the name of the exception raised inside the parser, e.g.
            ``"TypeError"``.
        traceback: the formatted traceback from where it was raised (may be
            empty).

    Example:
        >>> from persnews import parse_many
        >>> [type(r).__name__ for r in parse_many(["خبر فوری\\n\\nبه گزارش ایسنا، جلسه برگزار شد.", None])]
        ['Article', 'ParseError']

    .. versionadded:: 0.1.0
    """

    def __init__(self, index: int, message: str, type: str, traceback: str = "") -> None:
        super().__init__(index, message, type, traceback)
        self.index = index
        self.message = message
        self.type = type
        self.traceback = traceback

    @classmethod
    def from_exception(cls, index: int, exc: BaseException) -> ParseError:
        """The error object for ``exc`` raised while parsing article ``index``."""
        tb = "".join(_traceback.format_exception(exc))
        return cls(index, str(exc), type(exc).__name__, tb)

    def __str__(self) -> str:
        return f"article {self.index}: {self.type}: {self.message}"

    def __repr__(self) -> str:
        return f"ParseError(index={self.index!r}, message={self.message!r}, type={self.type!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ParseError):
            return NotImplemented
        return (self.index, self.message, self.type, self.traceback) == (
            other.index,
            other.message,
            other.type,
            other.traceback,
        )

    def __hash__(self) -> int:
        return hash((self.index, self.message, self.type))

    def to_dict(self) -> dict[str, Any]:
        """``{"index", "type", "message"}``: a JSON-ready record of the failure."""
        return {"index": self.index, "type": self.type, "message": self.message}


Result: TypeAlias = Article | ParseError


def _parse_one(index: int, text: object, kwargs: Mapping[str, Any]) -> Result:
    from persnews.pipeline import parse

    try:
        return parse(text, **kwargs)  # type: ignore[arg-type]
    except Exception as exc:  # reported for this article only
        return ParseError.from_exception(index, exc)


# --- worker processes ----------------------------------------------------------
#
# The parse settings are sent once per worker through the pool's initializer
# (a user gazetteer can be large) and kept for the life of that process.  This
# is set only inside worker processes, never in the caller's.
_worker_kwargs: dict[str, Any] = {}


def _init_worker(kwargs: dict[str, Any]) -> None:
    _worker_kwargs.clear()
    _worker_kwargs.update(kwargs)
    # Load every lazy resource now, once; a failure here shows up again,
    # per article, when the real texts are parsed.
    _parse_one(-1, _WARM_UP_TEXT, kwargs)


def _parse_chunk(start: int, texts: Sequence[object]) -> list[Result]:
    return [_parse_one(start + i, t, _worker_kwargs) for i, t in enumerate(texts)]


def _check_texts(texts: object) -> Iterable[object]:
    if isinstance(texts, (str, bytes, bytearray)):
        raise TypeError(
            "parse_many() expects an iterable of texts, not one text: use parse() for one article"
        )
    if not isinstance(texts, Iterable):
        raise TypeError(f"parse_many() expects an iterable of str, got {type(texts).__name__}")
    return texts


def _check_int(name: str, value: object, default: int) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")
    return value


def parse_many(
    texts: Iterable[str],
    *,
    workers: int | None = 1,
    reference_date: dt.date | None = None,
    on_error: OnError = "return",
    chunksize: int = 16,
    steps: Sequence[Step | str] | None = None,
    mp_context: str | None = None,
    **parse_options: Any,
) -> Iterator[Article | ParseError]:
    """Parse many articles, lazily, in input order.

    Texts are read from ``texts`` only as fast as results are consumed (at
    most a few chunks per worker ahead), so a generator over a million files
    or database rows is fine.

    Args:
        texts: the articles, each a ``str``.  A non-``str`` item gives a
            :class:`ParseError` for that item.
        workers: the number of worker processes; ``1`` (the default) parses
            in the calling process, ``None`` uses one per CPU.
        reference_date: the publication day passed to :func:`persnews.parse`
            for every article.
        on_error: ``"return"`` yields a :class:`ParseError` in place of an
            article that failed and goes on; ``"raise"`` raises it (the
            iterator then stops).
        chunksize: how many articles a worker is sent at a time (with
            ``workers > 1``); bigger chunks cost less overhead, smaller ones
            keep memory and latency down.
        steps: the pipeline steps, as for :func:`persnews.parse`.  With
            ``workers > 1`` they must pickle (module-level functions or
            registered names, not lambdas).
        mp_context: the :mod:`multiprocessing` start method (``"spawn"``,
            ``"fork"``, ``"forkserver"``); ``None`` takes ``"forkserver"``
            where the platform has it and Python's default elsewhere.
            Steps defined in an interactive session need ``"fork"``.
        **parse_options: further keyword arguments of :func:`persnews.parse`
            (``gazetteer``, ``ner_model``, ``speech_verbs``, ``options``).

    Returns:
        An iterator yielding, for each input text in order, its
        :class:`~persnews.Article` or a :class:`ParseError`.

    Raises:
        TypeError: ``texts`` is one ``str`` rather than an iterable of them,
            an argument has the wrong type, or (with ``workers > 1``) the
            settings do not pickle.
        ValueError: ``workers`` or ``chunksize`` is below 1, or ``on_error``
            is neither ``"raise"`` nor ``"return"``.
        ParseError: with ``on_error="raise"``, when an article fails.

    Example:
        >>> from persnews import parse_many
        >>> texts = ["ظریف به مسکو می‌رود\\n\\nبه گزارش ایرنا، ظریف فردا به مسکو می‌رود.",
        ...          "نشست خبری\\n\\nبه گزارش ایسنا، سخنگوی دولت امروز نشست خبری برگزار کرد."]
        >>> [a.source_agency.text for a in parse_many(texts, workers=2)]
        ['ایرنا', 'ایسنا']

    .. versionadded:: 0.1.0
    """
    items = _check_texts(texts)
    n_workers = _check_int("workers", workers, os.cpu_count() or 1)
    size = _check_int("chunksize", chunksize, 16)
    if on_error not in ("raise", "return"):
        raise ValueError(f'on_error must be "raise" or "return", got {on_error!r}')
    if reference_date is not None and not isinstance(reference_date, dt.date):
        raise TypeError(
            f"reference_date must be a datetime.date or None, got {type(reference_date).__name__}"
        )
    kwargs: dict[str, Any] = {"reference_date": reference_date, "steps": steps, **parse_options}
    results: Iterator[Result]
    if n_workers == 1:
        results = (_parse_one(i, t, kwargs) for i, t in enumerate(items))
    else:
        try:
            pickle.dumps(kwargs)
        except Exception as exc:
            raise TypeError(
                "with workers > 1 the parse settings are sent to worker processes and must pickle "
                f"(use module-level functions, not lambdas, as steps): {exc}"
            ) from exc
        results = _in_processes(items, kwargs, n_workers, size, mp_context)
    return results if on_error == "return" else _raising(results)


def _raising(results: Iterator[Result]) -> Iterator[Article | ParseError]:
    for r in results:
        if isinstance(r, ParseError):
            raise r
        yield r


def _in_processes(
    items: Iterable[object],
    kwargs: dict[str, Any],
    workers: int,
    chunksize: int,
    mp_context: str | None,
) -> Iterator[Result]:
    """Chunks in flight in a process pool, results yielded in input order.

    At most ``2 * workers`` chunks are in flight.  If a worker dies (killed
    for memory, or a crash in a compiled library), the pool is replaced and
    the unfinished articles are parsed again one at a time, so the one that
    kills a worker is found and reported, and the others are not lost.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if mp_context is None:
        # fork() in a process that runs threads (the pool's own management
        # thread, or the caller's) can deadlock; a fork server forks from a
        # clean single-threaded process (Python 3.14's default on Linux).
        methods = multiprocessing.get_all_start_methods()
        mp_context = "forkserver" if "forkserver" in methods else None
    context = multiprocessing.get_context(mp_context)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(kwargs,))

    source = iter(items)
    next_index = 0
    window = 2 * workers
    pending: deque[tuple[int, list[object], Future[list[Result]]]] = deque()
    # Articles that were in flight when a worker died, retried one at a time.
    suspects: deque[tuple[int, object]] = deque()
    exhausted = False
    pool = new_pool()

    def fill() -> None:
        nonlocal exhausted, next_index
        while not exhausted and len(pending) < window:
            chunk = list(itertools.islice(source, chunksize))
            if not chunk:
                exhausted = True
                return
            pending.append((next_index, chunk, pool.submit(_parse_chunk, next_index, chunk)))
            next_index += len(chunk)

    try:
        fill()
        while pending or suspects:
            if suspects:
                index, text = suspects.popleft()
                try:
                    results = pool.submit(_parse_chunk, index, [text]).result()
                except BrokenProcessPool:
                    pool.shutdown(wait=True, cancel_futures=True)
                    pool = new_pool()
                    results = [
                        ParseError(index, "the worker process died while parsing this article", "WorkerDied")
                    ]
                if not suspects:
                    fill()
                yield from results
                continue
            future = pending[0][2]
            try:
                results = future.result()
            except BrokenProcessPool:
                # Every chunk in flight is lost with the pool: retry their
                # articles alone, in order, in a fresh pool.
                pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool()
                for s, c, _ in pending:
                    suspects.extend((s + i, t) for i, t in enumerate(c))
                pending.clear()
                continue
            pending.popleft()
            fill()
            yield from results
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
