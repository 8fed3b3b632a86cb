"""The recipes of docs/cookbook.md run as they stand and print what they say."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import re
from collections.abc import Callable

import pytest

import persnews
from persnews import batch

DOCS = pathlib.Path(__file__).parent.parent / "docs"
COOKBOOK = DOCS / "cookbook.md"

pytestmark = pytest.mark.skipif(not COOKBOOK.exists(), reason="docs/ is not beside the tests")

#: Runs the named recipe; returns the lines it printed.
Runner = Callable[[str], list[str]]


def _recipe(name: str) -> str:
    """The Python block after ``<!-- recipe: name -->`` in the cookbook."""
    page = COOKBOOK.read_text(encoding="utf-8")
    match = re.search(rf"<!-- recipe: {name} -->\s*```python\n(.*?)```", page, re.DOTALL)
    assert match, f"docs/cookbook.md has no recipe block named {name!r}"
    return match.group(1)


@pytest.fixture
def run_recipe(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Runner:
    """Run a recipe in an empty folder; return what it printed, line by line."""
    monkeypatch.chdir(tmp_path)
    # The recipes use the top-level names; they live in persnews.batch.
    monkeypatch.setattr(persnews, "parse_many", batch.parse_many, raising=False)
    monkeypatch.setattr(persnews, "ParseError", batch.ParseError, raising=False)

    def run(name: str) -> list[str]:
        exec(compile(_recipe(name), f"docs/cookbook.md:{name}", "exec"), {"__name__": "recipe"})
        return capsys.readouterr().out.splitlines()

    return run


def test_custom_step_recipe(run_recipe: Runner) -> None:
    assert run_recipe("custom-step") == ["14 ['نفت']"]


def test_gazetteer_recipe_matches_through_normalisation(run_recipe: Runner) -> None:
    # The text writes پالايشگاه with an Arabic yeh; the offsets are into it.
    assert run_recipe("gazetteer") == [
        "پالایشگاه آبادان ORGANIZATION 31 47 پالايشگاه آبادان",
        "عسلویه LOCATION 51 57 عسلویه",
    ]


def test_json_lines_recipe(run_recipe: Runner, tmp_path: pathlib.Path) -> None:
    assert run_recipe("jsonl") == [
        "ظریف به مسکو می‌رود",
        "failed: parse() expects str, got NoneType",
        "نشست خبری",
    ]
    lines = (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    assert json.loads(lines[1]) == {
        "error": {
            "index": 1,
            "type": "TypeError",
            "message": "parse() expects str, got NoneType",
        }
    }
    assert "\\u" not in lines[0]


def test_parquet_recipe(run_recipe: Runner, tmp_path: pathlib.Path) -> None:
    pytest.importorskip("pyarrow", reason="pyarrow is not installed (the Parquet recipe needs it)")
    assert run_recipe("parquet") == ["['ایرنا', 'ایسنا']"]
    assert (tmp_path / "quotes.parquet").exists()


@pytest.mark.slow
@pytest.mark.parametrize("scheduler", ["sync", "processes"])
def test_dask_recipe_with_the_local_scheduler(
    run_recipe: Runner, tmp_path: pathlib.Path, scheduler: str
) -> None:
    dask = pytest.importorskip("dask", reason="the dask extra is not installed: pip install persnews[dask]")
    pytest.importorskip("dask.bag", reason="the dask extra is not installed: pip install persnews[dask]")
    records = [
        {
            "id": 1,
            "text": "ظریف به مسکو می‌رود\n\nبه گزارش ایرنا، وزیر امور خارجه فردا به مسکو می‌رود.",
            "reference_date": "2016-12-15",
        },
        {
            "id": 2,
            "text": "نشست خبری\n\nبه گزارش ایسنا، سخنگوی دولت امروز در نشست خبری شرکت کرد.",
            "reference_date": None,
        },
        {"id": 3, "text": "", "reference_date": "2016-12-16"},
    ]
    for part, chunk in enumerate((records[:2], records[2:])):
        with (tmp_path / f"articles-{part}.jsonl").open("w", encoding="utf-8") as fh:
            for record in chunk:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    with dask.config.set(scheduler=scheduler):
        assert run_recipe("dask") == []
    written = sorted(tmp_path.glob("parsed-*.jsonl"))
    assert len(written) == 2
    rows = [json.loads(line) for f in written for line in f.read_text(encoding="utf-8").splitlines()]
    by_id = {row["id"]: row["article"] for row in rows}
    assert sorted(by_id) == [1, 2, 3]
    assert by_id[1]["source_agency"]["text"] == "ایرنا"
    assert by_id[1]["reference_date"] == "2016-12-15"
    assert by_id[3]["paragraphs"] == []
    for record in records:
        day = record["reference_date"]
        expected = persnews.parse(
            str(record["text"]), reference_date=None if day is None else dt.date.fromisoformat(str(day))
        )
        assert persnews.Article.from_dict(by_id[record["id"]]) == expected
