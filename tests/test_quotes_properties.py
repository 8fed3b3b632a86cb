"""Quotes: invariants on any input, the API's contract, entities, the lexicon and linear time."""

from __future__ import annotations

import attrs
import pytest
from conftest import best_of_three
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from persnews import Entity, EntityKind, Mention, QuoteKind
from persnews._cues import conjugate, key, lexicon
from persnews.quotes import extract_quotes, find_quotes
from persnews.segment import segment_article

# Pieces quotes are made of, so random texts hit the patterns and their edges.
PIECES = [
    "گفت",
    "گفت:",
    " گفت که ",
    "افزود: ",
    "وی ",
    "این مسئول ",
    "اظهار داشت",
    "خاطر نشان کرد:",
    "با بیان اینکه ",
    "با اشاره به ",
    "به گفته ",
    "به گزارش ایرنا، ",
    "به نقل از ",
    "گفتنی است، ",
    " از ",
    " خبر داد",
    " را ",
    " دانست",
    "خواستار ",
    " شد",
    "سخنگوی وزارت خارجه ",
    "قاسمی ",
    "«",
    "»",
    '"',
    "“",
    "”",
    ":",
    "،",
    ".",
    "؟",
    "\n",
    "\n\n",
    " ",
    "\u200c",
    "(",
    ")",
    "ما هستیم ",
    "خبرگزاری فارس: ",
    "تاکید ",
    "بر ",
    "١٢",
    "ي",
    "ك",
    "ـ",
    "\u064b",
    "\u200f",
]

texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join) | st.text(max_size=300)


def _check_spans(text: str) -> None:
    for q in find_quotes(text):
        assert q.content.text
        assert text[q.content.start : q.content.end] == q.content.text
        for span in (q.cue, q.speaker):
            if span is not None:
                assert text[span.start : span.end] == span.text
        assert isinstance(q.kind, QuoteKind)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_never_raises_and_spans_slice_the_text(text: str) -> None:
    _check_spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "«",
        "»»»",
        "گفت:",
        ":",
        "وی افزود:",
        "تیتر\n\nگفت:",
        "\ud800 گفت: \udfff",
        "\x00\x01 وزیر گفت: \x7f",
        "تیتر\n\nوزیر گفت: «" + "متن " * 50,
        "تیتر\n\n«\n\n«\n\n«\n\nوزیر گفت: «الف",
        "English text only. He said: nothing.",
    ],
)
def test_edge_inputs(text: str) -> None:
    _check_spans(text)


def test_round_trips_through_dicts(seed_text: str) -> None:
    from persnews import Quote

    for q in find_quotes(seed_text):
        data = q.to_dict()
        assert set(data) == {"content", "cue", "speaker", "speaker_name", "speaker_entity", "kind"}
        assert Quote.from_dict(data) == q


# --- the API's contract -------------------------------------------------------------


def test_bytes_are_refused_with_advice() -> None:
    with pytest.raises(TypeError, match="decode it first"):
        find_quotes("وزیر گفت: بله".encode())  # type: ignore[arg-type]


def test_non_text_is_refused() -> None:
    with pytest.raises(TypeError, match="str"):
        find_quotes(None)  # type: ignore[arg-type]


def test_speech_verbs_must_be_strings() -> None:
    with pytest.raises(TypeError, match="not one str"):
        find_quotes("متن", speech_verbs="گفت")
    with pytest.raises(TypeError, match="must hold str"):
        find_quotes("متن", speech_verbs=[1])  # type: ignore[list-item]


def test_extract_quotes_checks_its_arguments() -> None:
    article, normalized = segment_article("تیتر\n\nمتن.")
    with pytest.raises(TypeError, match="Article"):
        extract_quotes("متن", normalized)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Normalized"):
        extract_quotes(article, "متن")  # type: ignore[arg-type]


def test_extra_speech_verbs() -> None:
    text = "تیتر\n\nترامپ در شبکه اجتماعی توییت کرد: انتخابات تقلبی بود."
    assert find_quotes(text) == ()
    (q,) = find_quotes(text, speech_verbs=["توییت کرد"])
    assert (q.content.text, q.cue.text if q.cue else None, q.speaker_name) == (
        "انتخابات تقلبی بود.",
        "توییت کرد",
        "ترامپ",
    )


def test_offsets_are_into_the_original_text() -> None:
    # Arabic letters, Persian digits and a kashida are normalised, but spans stay on the caller's text.
    text = "تيتر\n\nرئيس پليس راهور گفـت: ۱۲ نفر بازداشت شدند."
    (q,) = find_quotes(text)
    assert q.cue is not None
    assert q.speaker is not None
    assert (q.cue.text, q.speaker.text, q.content.text) == ("گفـت", "رئيس پليس راهور", "۱۲ نفر بازداشت شدند.")


# --- entities ------------------------------------------------------------------------


def _mentions(text: str, form: str, kind: EntityKind) -> tuple[Mention, ...]:
    out = []
    i = text.find(form)
    while i >= 0:
        out.append(Mention(i, i + len(form), form, kind))
        i = text.find(form, i + len(form))
    return tuple(out)


def test_speakers_link_to_entities() -> None:
    text = "تیتر\n\nظریف گفت: مذاکرات ادامه دارد.\n\nوی افزود: توافق نزدیک است."
    article, normalized = segment_article(text)
    zarif = Entity("e7", "محمدجواد ظریف", EntityKind.PERSON, _mentions(text, "ظریف", EntityKind.PERSON))
    article = attrs.evolve(article, entities=(zarif,))
    quotes = extract_quotes(article, normalized)
    assert [(q.speaker_name, q.speaker_entity) for q in quotes] == [("محمدجواد ظریف", "e7")] * 2


def test_role_speaker_links_to_the_entity_holding_it() -> None:
    text = "تیتر\n\nسخنگوی وزارت امور خارجه گفت: نشست فردا است.\n\nبهرام قاسمی افزود: سه وزیر شرکت می‌کنند."
    article, normalized = segment_article(text)
    qasemi = Entity("e2", "بهرام قاسمی", EntityKind.PERSON, _mentions(text, "بهرام قاسمی", EntityKind.PERSON))
    ministry = Entity(
        "e1",
        "وزارت امور خارجه",
        EntityKind.ORGANIZATION,
        _mentions(text, "وزارت امور خارجه", EntityKind.ORGANIZATION),
    )
    article = attrs.evolve(article, entities=(ministry, qasemi))
    quotes = extract_quotes(article, normalized)
    assert [(q.speaker_name, q.speaker_entity) for q in quotes] == [("بهرام قاسمی", "e2")] * 2


def test_no_entities_leaves_speaker_entity_empty(seed_text: str) -> None:
    assert {q.speaker_entity for q in find_quotes(seed_text)} == {None}


# --- the lexicon ---------------------------------------------------------------------


def test_at_least_eighty_speech_constructions() -> None:
    constructions = {form.construction for form in lexicon().cues.values()}
    assert len(constructions) >= 80


@pytest.mark.parametrize(
    "form",
    [
        "گفت",
        "گفتند",
        "می‌گوید",
        "می گویند",
        "گفته است",
        "گفته‌اند",
        "گفته بود",
        "می‌گفت",
        "نگفت",
        "نمی‌گوید",
        "خواهد گفت",
        "اظهار داشت",
        "اظهارداشت",
        "اظهار‌داشت",
        "اظهار نداشت",
        "اظهار می‌دارد",
        "خاطرنشان کرد",
        "خاطر نشان کرد",
        "یادآور شد",
        "یادآورشد",
        "تصریح کرد",
        "تأکید کرد",
        "عنوان کرد",
        "اعلام شده است",
        "معتقد است",
        "معتقدند",
        "فرمودند",
        "برمی‌شمارد",
        "بر می‌شمارد",
        "نیفزود",
    ],
)
def test_speech_forms_are_cues(form: str) -> None:
    from persnews.normalize import normalize

    assert key(normalize(form).text) in lexicon().cues


def test_conjugation_covers_every_tense() -> None:
    forms = {f for f, _, _ in conjugate("افزود", "افزای")}
    assert {"افزود", "افزودند", "میافزاید", "میافزود", "افزودهاست", "افزودهبود", "خواهدافزود"} <= forms
    assert {"نیفزود", "نمیافزاید"} <= forms


def test_reporter_voice_and_agency_phrases_are_known() -> None:
    attribution = lexicon().attribution
    assert attribution[key("گفتنی است")] == "reporter"
    assert attribution[key("به گزارش")] == "agency"
    assert attribution[key("به گفته")] == "source"
    assert attribution[key("با بیان اینکه")] == "frame"


# --- linear time -----------------------------------------------------------------------


NEAR_MATCHES = [
    "وی افزود: ",
    "گفت ",
    "«",
    "»",
    "« ",
    "\n\n«",
    "با بیان اینکه ",
    "به گفته ",
    "خواستار ",
    " را ",
    " از ",
    "این مسئول ",
    "رئیس ",
    "سخنگوی وزارت خارجه گفت: ما هستیم.\n\n",
    "ما هستیم.\n\n",
    "قاسمی افزود: بله.\n\n",
]


@pytest.mark.parametrize("unit", NEAR_MATCHES)
def test_linear_on_near_matches(unit: str) -> None:
    n = max(200, 6_000 // len(unit))
    small = best_of_three(lambda: find_quotes("تیتر\n\n" + unit * n))
    large = best_of_three(lambda: find_quotes("تیتر\n\n" + unit * (4 * n)))
    # Linear growth gives a ratio near 4; quadratic gives 16.  Allow noise.
    assert large / max(small, 1e-3) < 9, f"{unit!r}: {small:.4f}s for n, {large:.4f}s for 4n"


def test_one_megabyte_article_in_linear_time(seed_text: str) -> None:
    body = seed_text.split("\n", 3)[-1]
    quarter = "تیتر\n\n" + body * (250_000 // len(body))
    whole = "تیتر\n\n" + body * (1_000_000 // len(body))
    small = best_of_three(lambda: find_quotes(quarter))
    large = best_of_three(lambda: find_quotes(whole))
    assert large / small < 6.5


# Characters the quote tokenizer treats differently: letters (some unified in
# keys), ZWNJ, kashida, marks, digits, punctuation, spaces of every kind.
TOKEN_CHARS = (
    list("ابپتیيكئؤآأإةۀى")
    + list("\u200c\u0640\u064b\u0650\u0670")
    + list("09۱٢")
    + list(".,:;!?()«»\"“”،؛؟…-–—/*：'")
    + list(" \n\t\u00a0\u2028\x1c\x1f")
    + ["a", "é", "²", "_", "\u088f", "\U0001f600"]
)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(TOKEN_CHARS), max_size=30), st.data())
def test_tokenizer_agrees_with_its_pattern(text: str, data: st.DataObject) -> None:
    """The string-method tokenizer finds the tokens and keys that the token pattern does."""
    from persnews.quotes import _tokenize, _tokenize_slow

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    try:
        expected = _tokenize_slow(text, start, end)
    except IndexError:  # a token of kashida alone has an empty key
        with pytest.raises(IndexError):
            _tokenize(text, start, end)
        return
    assert _tokenize(text, start, end) == expected


def test_tokenizer_on_a_news_sentence() -> None:
    from persnews.quotes import _tokenize

    text = "سخنگوی وزارت‌خارجه گفت: «مذاکرات 12.5 ساعت طول کشید.» (غربی-عربی)"
    found = _tokenize(text, 0, len(text))
    assert found.texts == [
        "سخنگوی", "وزارت‌خارجه", "گفت", ":", "«", "مذاکرات", "12.5", "ساعت", "طول", "کشید", ".", "»",
        "(", "غربی", "-", "عربی", ")",
    ]  # fmt: skip
    assert found.keys[1] == "وزارتخارجه"
    assert found.starts[1:3] == [7, 19]
    assert found.points == [3, 4, 11]
    assert found.words[:4] == [True, True, True, False]
