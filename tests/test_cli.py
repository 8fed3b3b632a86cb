"""``python -m persnews``: files, folders and stdin in; JSON lines out."""

from __future__ import annotations

import io
import json
import os
import pathlib
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

import persnews
from persnews.__main__ import main

SEED = pathlib.Path(__file__).parent / "data" / "seed_article.txt"
ZARIF = "ظریف به مسکو می‌رود\n\nبه گزارش ایرنا، وزیر امور خارجه فردا به مسکو می‌رود.\n"
SPOKESMAN = "نشست خبری\n\nبه گزارش ایسنا، سخنگوی دولت امروز در نشست خبری شرکت کرد.\n"


class Run:
    """The outcome of one ``main(argv)`` call: status, stdout and stderr."""

    def __init__(self, status: int, out: str, err: str) -> None:
        self.status, self.out, self.err = status, out, err

    def docs(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.out.splitlines()]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    def call(*argv: str) -> Run:
        status = main(list(argv))
        captured = capsys.readouterr()
        return Run(status, captured.out, captured.err)

    return call


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def articles(tmp_path: pathlib.Path) -> pathlib.Path:
    """A crawl folder: two articles, one nested, and a file that is not *.txt."""
    (tmp_path / "crawl" / "2016").mkdir(parents=True)
    (tmp_path / "crawl" / "a.txt").write_text(ZARIF, encoding="utf-8")
    (tmp_path / "crawl" / "2016" / "b.txt").write_text(SPOKESMAN, encoding="utf-8")
    (tmp_path / "crawl" / "notes.md").write_text("# not an article", encoding="utf-8")
    return tmp_path / "crawl"


Runner = Callable[..., Run]


def test_one_file_gives_one_json_line_with_the_article(run: Runner) -> None:
    result = run(str(SEED))
    assert result.status == 0
    [doc] = result.docs()
    text = SEED.read_text(encoding="utf-8")
    assert doc["source"] == str(SEED)
    assert doc["title"]["text"] == "ظریف به مسکو می رود"
    assert doc["source_agency"]["text"] == "آران نیوز"
    assert len(doc["paragraphs"]) == 8
    assert persnews.Article.from_dict(doc) == persnews.parse(text)


def test_output_is_utf8_not_escaped(run: Runner) -> None:
    result = run(str(SEED))
    assert "ظریف به مسکو می رود" in result.out
    assert "\\u0638" not in result.out
    assert result.out.count("\n") == 1


def test_a_folder_is_read_recursively_in_sorted_order(run: Runner, articles: pathlib.Path) -> None:
    result = run(str(articles))
    assert result.status == 0
    docs = result.docs()
    assert [d["source"] for d in docs] == [str(articles / "2016" / "b.txt"), str(articles / "a.txt")]
    assert [d["title"]["text"] for d in docs] == ["نشست خبری", "ظریف به مسکو می‌رود"]


def test_stdin_is_read_with_a_dash(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ZARIF.encode("utf-8")), encoding="utf-8"))
    result = run("-")
    assert result.status == 0
    [doc] = result.docs()
    assert doc["source"] is None
    assert doc["text"] == ZARIF
    assert doc["source_agency"]["text"] == "ایرنا"


def test_undecodable_stdin_is_reported(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("خبر".encode("cp1256")), encoding="utf-8"))
    result = run("-")
    assert result.status == 1
    assert result.err.startswith("persnews: error: <stdin>: not UTF-8 text (")
    assert result.out == ""


def test_indent_pretty_prints_a_single_document(run: Runner) -> None:
    result = run("--indent", "2", str(SEED))
    assert result.status == 0
    assert result.out.startswith('{\n  "schema_version": 1,\n')
    assert json.loads(result.out)["title"]["text"] == "ظریف به مسکو می رود"


def test_indent_refuses_several_inputs(run: Runner, articles: pathlib.Path) -> None:
    result = run("--indent", "2", str(articles))
    assert result.status == 2
    assert "--indent writes a single document; 2 inputs were given" in result.err
    assert result.out == ""


def test_reference_date_reaches_the_parser(run: Runner) -> None:
    result = run("--reference-date", "2016-12-15", str(SEED))
    assert result.status == 0
    assert result.docs()[0]["reference_date"] == "2016-12-15"


def test_a_wrong_reference_date_is_a_usage_error(run: Runner) -> None:
    result = run("--reference-date", "15/12/2016", str(SEED))
    assert result.status == 2
    assert "expected a date as YYYY-MM-DD, got '15/12/2016'" in result.err


def test_a_wrong_worker_count_is_a_usage_error(run: Runner) -> None:
    result = run("--workers", "0", str(SEED))
    assert result.status == 2
    assert "expected a whole number of at least 1, got '0'" in result.err


@pytest.mark.slow
def test_workers_give_the_same_lines_in_the_same_order(run: Runner, articles: pathlib.Path) -> None:
    serial = run(str(articles), str(SEED))
    parallel = run("--workers", "2", str(articles), str(SEED))
    assert (serial.status, parallel.status) == (0, 0)
    assert len(serial.docs()) == 3
    assert parallel.out == serial.out


def test_an_undecodable_file_is_named_and_the_rest_still_written(run: Runner, tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "windows-1256.txt"
    bad.write_bytes("خبر".encode("cp1256"))
    good = tmp_path / "good.txt"
    good.write_text(ZARIF, encoding="utf-8")
    result = run(str(bad), str(good))
    assert result.status == 1
    assert f"persnews: error: {bad}: not UTF-8 text (" in result.err
    assert "convert it first" in result.err
    assert [d["source"] for d in result.docs()] == [str(good)]


def test_a_missing_file_exits_non_zero_with_a_clear_message(run: Runner, tmp_path: pathlib.Path) -> None:
    missing = tmp_path / "nowhere.txt"
    result = run(str(missing))
    assert result.status == 1
    assert result.err == f"persnews: error: {missing}: no such file or folder\n"
    assert result.out == ""


def test_an_unreadable_file_exits_non_zero(
    run: Runner, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(ZARIF, encoding="utf-8")
    real_read_bytes = pathlib.Path.read_bytes

    def read_bytes(path: pathlib.Path) -> bytes:
        if path == locked:  # as for a file without read permission (root could read it anyway)
            raise PermissionError(13, "Permission denied", str(path))
        return real_read_bytes(path)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    result = run(str(locked))
    assert result.status == 1
    assert result.err == f"persnews: error: {locked}: cannot read it: Permission denied\n"


def test_a_folder_is_not_read_as_a_file(run: Runner, tmp_path: pathlib.Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run(str(tmp_path / "empty"))
    assert result.status == 1
    assert "no *.txt files in this folder" in result.err


def test_stdin_given_twice_is_a_usage_error(run: Runner) -> None:
    result = run("-", "-")
    assert result.status == 2
    assert "can be given only once" in result.err


def test_progress_is_drawn_on_a_terminal(
    run: Runner, articles: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = _Tty()
    monkeypatch.setattr(sys, "stderr", terminal)
    result = run(str(articles))
    assert result.status == 0
    assert "\rpersnews: 2/2 articles, " in terminal.getvalue()
    assert terminal.getvalue().endswith("\n")
    assert len(result.docs()) == 2


def test_no_progress_when_stderr_is_not_a_terminal(run: Runner, articles: pathlib.Path) -> None:
    result = run(str(articles))
    assert result.status == 0
    assert result.err == ""


def test_progress_can_be_forced(run: Runner, articles: pathlib.Path) -> None:
    result = run("--progress", str(articles))
    assert "persnews: 2/2 articles, " in result.err


def test_version(run: Runner) -> None:
    result = run("--version")
    assert result.status == 0
    assert result.out == f"persnews {persnews.__version__}\n"


def test_runs_as_a_module_in_a_subprocess(tmp_path: pathlib.Path) -> None:
    """The real entry point: stdout is UTF-8 whatever the locale says."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    proc = subprocess.run(
        [sys.executable, "-m", "persnews", str(SEED)], capture_output=True, env=env, check=False, timeout=120
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    doc = json.loads(proc.stdout.decode("utf-8"))
    assert doc["title"]["text"] == "ظریف به مسکو می رود"

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    proc = subprocess.run(
        [sys.executable, "-m", "persnews", str(bad)], capture_output=True, env=env, check=False, timeout=120
    )
    assert proc.returncode == 1
    assert proc.stdout == b""
    assert b"not UTF-8 text (invalid start byte at byte 0)" in proc.stderr
