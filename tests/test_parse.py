"""parse(): bad input gets a clear answer, any str gives a valid Article."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import persnews
from persnews import Article, Context, Pipeline

LETTERS = list("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكةۀأإءئؤ۰۱۲۳۴۵۶۷۸۹٠١٢٣0123456789")
MARKS = ["\u200c", "\u200d", "\u200f", "\u0640", "\u064e", "\u0651", " ", "  ", "\t", "\n", "\n\n", "\r\n"]
PUNCTUATION = list("«»:،.؟!()-")
WORDS = ["گفت", "افزود", "به گزارش", "ایرنا", "وی"]
PERSIAN = st.sampled_from(LETTERS + MARKS + PUNCTUATION + WORDS)
PERSIANISH = st.lists(PERSIAN, max_size=200).map("".join)


def _check_spans(article: Article, text: str) -> None:
    assert article.text == text
    for span in article.spans():
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text())
def test_any_str_parses_and_spans_slice_it(text: str) -> None:
    _check_spans(persnews.parse(text), text)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(PERSIANISH)
def test_persian_like_noise_parses_and_round_trips(text: str) -> None:
    article = persnews.parse(text)
    _check_spans(article, text)
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (b"\xd8\xb8", "decode it first"),
        (bytearray(b"x"), "decode it first"),
        (None, "parse\\(\\) expects str, got NoneType"),
        (42, "got int"),
        (["متن"], "got list"),
    ],
)
def test_wrong_types_raise_type_error(value: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        persnews.parse(value)  # type: ignore[arg-type]


def test_reference_date_must_be_a_date() -> None:
    with pytest.raises(TypeError, match="reference_date"):
        persnews.parse("متن", reference_date="2016-12-15")  # type: ignore[arg-type]
    article = persnews.parse("متن", reference_date=dt.datetime(2016, 12, 15, 10, 0))
    assert article.reference_date == dt.date(2016, 12, 15)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n\t ",
        "Hello world. Nothing Persian here.",
        "\ud800 lone surrogate \udfff",
        "\x00\x01\x1b[31m",
        "»\n» بند اول\n» بند دوم",
    ],
)
def test_degenerate_text_gives_a_valid_article(text: str) -> None:
    article = persnews.parse(text)
    _check_spans(article, text)
    if not text.strip():
        assert article.title is None
        assert article.paragraphs == ()


def test_steps_can_be_dropped_reordered_and_added() -> None:
    def word_count(article: Article, context: Context) -> Article:
        n = sum(len(s.tokens) for s in article.sentences)
        return attrs.evolve(article, extras={**article.extras, "words": n})

    text = "تیتر\n\nبه گزارش ایرنا، وزیر آمد."
    only_segment = persnews.parse(text, steps=["segment"])
    assert only_segment.source_agency is None
    assert only_segment.title is not None
    custom = persnews.parse(text, steps=[*persnews.DEFAULT_STEPS, word_count])
    assert custom.extras["words"] == 7
    assert custom.source_agency is not None
    assert Pipeline(["segment", word_count])(text).extras == {"words": 7}


def test_bad_steps_are_rejected() -> None:
    with pytest.raises(ValueError, match="unknown step 'nope'"):
        persnews.parse("x", steps=["nope"])
    with pytest.raises(TypeError, match="callable"):
        persnews.parse("x", steps=[42])  # type: ignore[list-item]

    def broken(article: Article, context: Context) -> Article:
        return "oops"  # type: ignore[return-value]

    with pytest.raises(TypeError, match="expected an Article"):
        persnews.parse("x", steps=[broken])
