"""The result classes: value semantics, validation at the boundary, dict/JSON round trips."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import attrs
import pytest

from persnews import (
    SCHEMA_VERSION,
    Amount,
    AmountKind,
    Argument,
    Article,
    Entity,
    EntityKind,
    Event,
    EventKind,
    Mention,
    Paragraph,
    Quote,
    Sentence,
    SourceAgency,
    Span,
    TimeExpression,
    TimeKind,
    Token,
)

TEXT = "قاسمی گفت: نشست فردا در مسکو برگزار می‌شود."


def _article() -> Article:
    tokens = (Token(0, 5, "قاسمی", norm="قاسمی"), Token(6, 9, "گفت", norm="گفت"))
    sentence = Sentence(0, len(TEXT), TEXT, tokens=tokens)
    return Article(
        TEXT,
        title=None,
        paragraphs=[Paragraph(0, len(TEXT), TEXT, sentences=[sentence])],
        source_agency=SourceAgency(0, 5, "قاسمی", name="قاسمی"),
        entities=[
            Entity("e1", "قاسمی", EntityKind.PERSON, [Mention(0, 5, "قاسمی", EntityKind.PERSON)]),
            Entity("e2", "مسکو", "LOCATION", [Mention(24, 28, "مسکو", EntityKind.LOCATION)], subtype="city"),
        ],
        quotes=[
            Quote(
                content=Span(11, len(TEXT), TEXT[11:]),
                cue=Span(6, 9, "گفت"),
                speaker=Mention(0, 5, "قاسمی", EntityKind.PERSON),
                speaker_name="قاسمی",
                speaker_entity="e1",
                kind="direct",
            )
        ],
        times=[
            TimeExpression(
                16, 20, "فردا", kind=TimeKind.RELATIVE, date=dt.date(2016, 12, 16), jalali=(1395, 9, 26)
            )
        ],
        amounts=[Amount(0, 5, "قاسمی", value=2.5, unit="USD", kind=AmountKind.CURRENCY, approximate=True)],
        events=[
            Event(
                EventKind.MEETING,
                Span(11, 15, "نشست"),
                participants=[Argument(0, 5, "قاسمی", entity="e1")],
                location=Argument(24, 28, "مسکو", entity="e2"),
                time=Argument(16, 20, "فردا"),
            )
        ],
        reference_date=dt.date(2016, 12, 15),
        extras={"topic": ["سیاست"]},
    )


def test_every_span_slices_the_text() -> None:
    article = _article()
    for span in article.spans():
        assert TEXT[span.start : span.end] == span.text


def test_json_round_trip_is_lossless() -> None:
    article = _article()
    data = json.loads(json.dumps(article.to_dict(), ensure_ascii=False))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["quotes"][0]["content"] == {"start": 11, "end": len(TEXT), "text": TEXT[11:]}
    assert data["quotes"][0]["kind"] == "direct"
    assert data["entities"][1]["kind"] == "LOCATION"
    assert data["times"][0]["date"] == "2016-12-16"
    assert data["lead"] == {"text": TEXT, "start": 0, "end": len(TEXT)}
    assert Article.from_dict(data) == article


def test_results_pickle_hash_and_compare_by_value() -> None:
    article = _article()
    assert pickle.loads(pickle.dumps(article)) == article
    assert hash(article) == hash(_article())
    assert article == _article()


def test_results_are_frozen() -> None:
    article = _article()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.text = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        article.extras["new"] = 1  # type: ignore[index]


def test_span_text_must_match_its_length() -> None:
    with pytest.raises(ValueError, match="characters"):
        Span(0, 3, "ab")
    with pytest.raises(ValueError, match="before its start"):
        Span(3, 1, "")
    with pytest.raises(ValueError, match=">= 0"):
        Span(-1, 1, "ab")
    with pytest.raises(TypeError, match="int"):
        Span("0", 1, "a")  # type: ignore[arg-type]


def test_from_dict_rejects_spans_that_do_not_slice_the_text() -> None:
    data = _article().to_dict()
    data["quotes"][0]["content"] = {"start": 0, "end": 3, "text": "abc"}
    with pytest.raises(ValueError, match="does not slice"):
        Article.from_dict(data)


def test_from_dict_rejects_unknown_schema_and_wrong_types() -> None:
    with pytest.raises(ValueError, match="schema_version"):
        Article.from_dict({"schema_version": 99, "text": ""})
    with pytest.raises(TypeError, match="mapping"):
        Article.from_dict([("text", "")])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="str"):
        Article.from_dict({"text": 5})
    with pytest.raises(ValueError, match="missing required key"):
        Quote.from_dict({"cue": None})


def test_lead_and_sentences_are_derived() -> None:
    article = _article()
    assert article.lead == article.paragraphs[0]
    assert [s.text for s in article.sentences] == [TEXT]
    assert Article("").lead is None
    assert article.entity("e2") is not None
    assert article.entity("e2").name == "مسکو"  # type: ignore[union-attr]
    assert article.entity("e9") is None


def test_span_helpers() -> None:
    outer, inner = Span(0, 10, "a" * 10), Span(2, 4, "aa")
    assert outer.contains(inner)
    assert not inner.contains(outer)
    assert outer.overlaps(inner)
    assert not Span(0, 2, "aa").overlaps(Span(2, 4, "aa"))
    assert len(outer) == 10
