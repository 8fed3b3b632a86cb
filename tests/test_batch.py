"""parse_many: many articles, lazily, in input order, in worker processes."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import pickle
from collections.abc import Iterable, Iterator

import attrs
import pytest

import persnews
from persnews.batch import ParseError, parse_many

TEXTS = [
    "ظریف به مسکو می‌رود\n\nبه گزارش ایرنا، وزیر امور خارجه فردا به مسکو می‌رود.",
    "نشست خبری سخنگوی دولت\n\nبه گزارش ایسنا، سخنگوی دولت امروز در نشست خبری شرکت کرد.",
    "افزایش قیمت نان\n\nتهران - ایرنا - قیمت نان در تهران ۲۰ درصد افزایش یافت.",
    "",
    "بازدید از نمایشگاه کتاب\n\nبه گزارش خبرگزاری فارس، رئیس‌جمهور از نمایشگاه کتاب بازدید کرد.",
]


def _articles(results: Iterable[persnews.Article | ParseError]) -> list[persnews.Article]:
    """The results, checked to be articles (no error among them)."""
    out = list(results)
    assert all(isinstance(r, persnews.Article) for r in out), [r for r in out if isinstance(r, ParseError)]
    return out  # type: ignore[return-value]


def _tag(article: persnews.Article, context: persnews.Context) -> persnews.Article:
    """A step that marks what it saw (module level, so that it pickles)."""
    return attrs.evolve(article, extras={**article.extras, "chars": len(article.text)})


def _die_on_marker(article: persnews.Article, context: persnews.Context) -> persnews.Article:
    """A step that kills its worker process, as a crash in compiled code would."""
    if "KILL-WORKER" in article.text:
        os._exit(3)
    return article


def test_results_come_in_input_order_and_equal_parse() -> None:
    expected = [persnews.parse(t) for t in TEXTS]
    assert list(parse_many(TEXTS)) == expected


@pytest.mark.slow
def test_worker_processes_give_the_same_results_in_order() -> None:
    texts = TEXTS * 7
    results = _articles(parse_many(texts, workers=2, chunksize=3))
    assert results == [persnews.parse(t) for t in texts]
    assert [r.source_agency.text if r.source_agency else None for r in results[:3]] == [
        "ایرنا",
        "ایسنا",
        "ایرنا",
    ]


def test_reference_date_and_steps_reach_every_article() -> None:
    day = dt.date(2024, 10, 3)
    results = _articles(parse_many(TEXTS[:2], reference_date=day, steps=[*persnews.DEFAULT_STEPS, _tag]))
    assert [r.reference_date for r in results] == [day, day]
    assert [r.extras["chars"] for r in results] == [len(TEXTS[0]), len(TEXTS[1])]


@pytest.mark.slow
def test_steps_and_options_reach_worker_processes() -> None:
    day = dt.date(2024, 10, 3)
    results = _articles(parse_many(TEXTS, workers=2, reference_date=day, steps=["segment", _tag]))
    assert [r.extras["chars"] for r in results] == [len(t) for t in TEXTS]
    assert {r.reference_date for r in results} == {day}
    assert all(r.source_agency is None for r in results)  # the agency step was left out


def _numbered() -> Iterator[str]:
    for i in itertools.count():
        yield f"خبر شماره {i}\n\nبه گزارش ایرنا، این خبر شماره {i} است."


def test_input_is_read_lazily_in_process() -> None:
    first = _articles(itertools.islice(parse_many(_numbered()), 3))
    assert [a.title.text for a in first if a.title] == ["خبر شماره 0", "خبر شماره 1", "خبر شماره 2"]


@pytest.mark.slow
def test_input_is_read_lazily_with_workers() -> None:
    pulled = 0

    def counting() -> Iterator[str]:
        nonlocal pulled
        for text in _numbered():
            pulled += 1
            yield text

    results = parse_many(counting(), workers=2, chunksize=4)
    first = _articles(itertools.islice(results, 5))
    assert [a.title.text for a in first if a.title][-1] == "خبر شماره 4"
    # Two chunks were consumed; each was replaced as it was, so the window of
    # 2 chunks per worker stays full: 2 * 2 + 2 chunks of 4 texts were read.
    assert pulled == (2 * 2 + 2) * 4
    results.close()  # type: ignore[attr-defined]


def test_a_bad_item_gives_an_error_for_that_item_only() -> None:
    texts: list[object] = [TEXTS[0], None, b"\xd8\xae\xd8\xa8\xd8\xb1", TEXTS[1]]
    results = list(parse_many(texts))  # type: ignore[arg-type]
    assert isinstance(results[0], persnews.Article)
    assert isinstance(results[3], persnews.Article)
    assert results[3].text == TEXTS[1]
    none_error, bytes_error = results[1], results[2]
    assert isinstance(none_error, ParseError)
    assert (none_error.index, none_error.type) == (1, "TypeError")
    assert "NoneType" in none_error.message
    assert isinstance(bytes_error, ParseError)
    assert (bytes_error.index, bytes_error.type) == (2, "TypeError")
    assert "decode it first" in bytes_error.message


@pytest.mark.slow
def test_a_bad_item_in_a_worker_gives_an_error_for_that_item_only() -> None:
    texts: list[object] = [*TEXTS, None, *TEXTS]
    results = list(parse_many(texts, workers=2, chunksize=2))  # type: ignore[arg-type]
    errors = [r for r in results if isinstance(r, ParseError)]
    assert [(e.index, e.type) for e in errors] == [(5, "TypeError")]
    assert [r.text for r in results if isinstance(r, persnews.Article)] == [*TEXTS, *TEXTS]


def test_on_error_raise_stops_at_the_failing_article() -> None:
    results = parse_many([TEXTS[0], None, TEXTS[1]], on_error="raise")  # type: ignore[list-item]
    assert _articles([next(results)])[0].text == TEXTS[0]
    with pytest.raises(ParseError, match=r"article 1: TypeError: .*NoneType") as info:
        next(results)
    assert info.value.index == 1


@pytest.mark.slow
def test_a_worker_that_dies_costs_only_its_article() -> None:
    texts = [*TEXTS, "KILL-WORKER\n\nبه گزارش ایسنا، این متن کارگر را از کار می‌اندازد.", *TEXTS]
    steps = [*persnews.DEFAULT_STEPS, _die_on_marker]
    results = list(parse_many(texts, workers=2, chunksize=2, steps=steps))
    assert len(results) == len(texts)
    died = results[len(TEXTS)]
    assert isinstance(died, ParseError)
    assert (died.index, died.type) == (len(TEXTS), "WorkerDied")
    others = [r for i, r in enumerate(results) if i != len(TEXTS)]
    assert others == [persnews.parse(t) for t in [*TEXTS, *TEXTS]]


def test_parse_error_pickles_compares_and_serialises() -> None:
    err = ParseError(4, "parse() expects the article text as str, got int", "TypeError")
    assert pickle.loads(pickle.dumps(err)) == err
    assert err.to_dict() == {
        "index": 4,
        "type": "TypeError",
        "message": "parse() expects the article text as str, got int",
    }
    assert str(err) == "article 4: TypeError: parse() expects the article text as str, got int"
    assert err != ParseError(5, err.message, err.type)


def test_results_pickle_and_write_as_json_lines() -> None:
    lines = [json.dumps(a.to_dict(), ensure_ascii=False) for a in parse_many(TEXTS)]
    assert "\\u" not in lines[0]
    back = [persnews.Article.from_dict(json.loads(line)) for line in lines]
    assert back == [persnews.parse(t) for t in TEXTS]
    assert [pickle.loads(pickle.dumps(a)) for a in back] == back


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"texts": "یک متن"}, TypeError, "not one text"),
        ({"texts": b"bytes"}, TypeError, "not one text"),
        ({"texts": 42}, TypeError, "iterable of str, got int"),
        ({"texts": [], "workers": 0}, ValueError, "workers must be at least 1"),
        ({"texts": [], "workers": 2.5}, TypeError, "workers must be an int"),
        ({"texts": [], "chunksize": 0}, ValueError, "chunksize must be at least 1"),
        ({"texts": [], "on_error": "ignore"}, ValueError, "on_error must be"),
        ({"texts": [], "reference_date": "2024-10-03"}, TypeError, "reference_date must be"),
        ({"texts": [], "workers": 2, "steps": [lambda a, c: a]}, TypeError, "must pickle"),
    ],
)
def test_wrong_arguments_are_refused_at_once(
    kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    texts = kwargs.pop("texts")
    with pytest.raises(error, match=message):
        parse_many(texts, **kwargs)  # type: ignore[arg-type]


def test_no_texts_gives_no_results() -> None:
    assert list(parse_many([])) == []
    assert list(parse_many(iter(()), workers=2)) == []
