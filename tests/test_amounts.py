"""Amounts: money, percentages, people and measures, with their value and unit."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from persnews.amounts import extract_amounts, find_amounts, known_units
from persnews.model import AmountKind
from persnews.normalize import normalize

CUR, PCT, PPL, MEAS, CNT = (
    AmountKind.CURRENCY,
    AmountKind.PERCENT,
    AmountKind.PEOPLE,
    AmountKind.MEASURE,
    AmountKind.COUNT,
)

CASES = [
    ("بودجه ۸۳۰ میلیارد تومان است.", "۸۳۰ میلیارد تومان", 830_000_000_000, "IRT", CUR, False),
    ("830 میلیارد تومان اعتبار", "830 میلیارد تومان", 830_000_000_000, "IRT", CUR, False),
    ("اهدای صدها میلیون دلار نفتی", "صدها میلیون دلار", 100_000_000, "USD", CUR, True),
    ("ده‌ها میلیون یورو هزینه شد.", "ده‌ها میلیون یورو", 10_000_000, "EUR", CUR, True),
    ("مبلغ ۱۷۱ میلیون و ۶۱۹ هزار ریال", "۱۷۱ میلیون و ۶۱۹ هزار ریال", 171_619_000, "IRR", CUR, False),
    ("هزار و ۲۰۰ میلیارد تومان", "هزار و ۲۰۰ میلیارد تومان", 1_200_000_000_000, "IRT", CUR, False),
    ("قرارداد ۵ میلیارد دلاری امضا شد.", "۵ میلیارد دلاری", 5_000_000_000, "USD", CUR, False),
    ("قیمت ۲۵ ریال سعودی است.", "۲۵ ریال سعودی", 25, "SAR", CUR, False),
    ("یک دلار کانادا", "یک دلار کانادا", 1, "CAD", CUR, False),
    ("بیست و پنج هزار ریال عوارض", "بیست و پنج هزار ریال", 25_000, "IRR", CUR, False),
    ("نرخ بیکاری ۱۲٫۵ درصد است.", "۱۲٫۵ درصد", 12.5, "percent", PCT, False),
    ("رشد ۲/۴درصد بود.", "۲/۴درصد", 2.4, "percent", PCT, False),
    ("رشد 12% بود.", "12%", 12, "percent", PCT, False),
    ("رشد ۴۷ درصدی داشت.", "۴۷ درصدی", 47, "percent", PCT, False),
    ("این سه نفر گفتند.", "سه نفر", 3, "person", PPL, False),
    ("۱۰ میلیون و ۸۰۰ هزار نفر بیمه شدند.", "۱۰ میلیون و ۸۰۰ هزار نفر", 10_800_000, "person", PPL, False),
    ("یک‌هزار و ۵۹۱ نفر اعزام شدند.", "یک‌هزار و ۵۹۱ نفر", 1591, "person", PPL, False),
    ("هزاران نفر راهپیمایی کردند.", "هزاران نفر", 1000, "person", PPL, True),
    ("چند هزار نفر آمدند.", "چند هزار نفر", 2000, "person", PPL, True),
    ("سه تن از مجروحان مرخص شدند.", "سه تن", 3, "person", PPL, False),
    ("۱۲ کشته و", "۱۲ کشته", 12, "killed", PPL, False),
    ("۲۰ زخمی داشت.", "۲۰ زخمی", 20, "injured", PPL, False),
    ("تولید ۵/۲ میلیون بشکه در روز", "۵/۲ میلیون بشکه", 5_200_000, "barrel", MEAS, False),
    ("۵۰۰ هزار تن گندم", "۵۰۰ هزار تن", 500_000, "t", MEAS, False),
    ("۲ میلیون تن از این میزان", "۲ میلیون تن", 2_000_000, "t", MEAS, False),
    ("۳ هزار کیلومتر مرز آبی", "۳ هزار کیلومتر", 3000, "km", MEAS, False),
    ("۶۰۰ متر مربع زیربنا", "۶۰۰ متر مربع", 600, "m2", MEAS, False),
    ("۱۴ هزار هکتار اراضی", "۱۴ هزار هکتار", 14_000, "ha", MEAS, False),
    ("۱۰۰۰ مگاوات برق", "۱۰۰۰ مگاوات", 1000, "MW", MEAS, False),
    ("زلزله ۵.۲ ریشتری", "۵.۲ ریشتری", 5.2, "richter", MEAS, False),
    ("زلزله ۵.۲ ریشتر", "۵.۲ ریشتر", 5.2, "richter", MEAS, False),
    ("۲ هزار واحد مسکونی", "۲ هزار واحد", 2000, "unit", CNT, False),
    ("۱۹ فروند هواپیما", "۱۹ فروند", 19, "craft", CNT, False),
    ("۴۰ مورد تخلف", "۴۰ مورد", 40, "case", CNT, False),
    # not amounts: no unit, an ordinal, a date
    ("۱۴ آذر ۱۳۹۵", None, None, None, None, None),
    ("سومین نفر", None, None, None, None, None),
    ("مذاکرات ۵ ساعت طول کشید.", None, None, None, None, None),
]


@pytest.mark.parametrize(("sentence", "text", "value", "unit", "kind", "approximate"), CASES)
def test_amount(
    sentence: str,
    text: str | None,
    value: float | None,
    unit: str | None,
    kind: AmountKind | None,
    approximate: bool | None,
) -> None:
    found = find_amounts(sentence)
    if text is None:
        assert found == ()
        return
    assert len(found) == 1, found
    a = found[0]
    assert sentence[a.start : a.end] == a.text == text
    assert (a.value, a.unit, a.kind, a.approximate) == (value, unit, kind, approximate)
    assert isinstance(a.value, int) == isinstance(value, int)


def test_seed_article(seed_text: str) -> None:
    found = find_amounts(seed_text)
    assert [(a.text, a.value, a.unit, a.kind, a.approximate) for a in found] == [
        ("سه نفر", 3, "person", PPL, False),
        ("صدها میلیون دلار", 100_000_000, "USD", CUR, True),
    ]
    for a in found:
        assert seed_text[a.start : a.end] == a.text


def test_several_amounts_in_order_with_original_offsets() -> None:
    text = "صادرات نفت به 2 ميليون بشكه رسيد و درآمد 40 درصد بيشتر و 5 ميليارد دلار شد."
    found = find_amounts(text)
    assert [(a.text, a.value, a.unit) for a in found] == [
        ("2 ميليون بشكه", 2_000_000, "barrel"),
        ("40 درصد", 40, "percent"),
        ("5 ميليارد دلار", 5_000_000_000, "USD"),
    ]
    assert all(text[a.start : a.end] == a.text for a in found)


def test_known_units_reads_the_data_file() -> None:
    units = known_units()
    assert units["دلار"] == ("USD", CUR)
    assert units["تومان"] == ("IRT", CUR)
    assert units["درصد"] == ("percent", PCT)
    assert units["نفر"] == ("person", PPL)
    assert units["بشکه"] == ("barrel", MEAS)


def test_extract_amounts_any_digit_mode() -> None:
    text = "۵/۲ میلیون بشکه و 40 درصد"
    expected = find_amounts(text)
    assert len(expected) == 2
    for mode in ("ascii", "persian", "keep"):
        assert extract_amounts(normalize(text, digits=mode)) == expected


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: find_amounts(b"x"), "decode it first"),  # type: ignore[arg-type]
        (lambda: find_amounts(3), "expects str"),  # type: ignore[arg-type]
        (lambda: extract_amounts("x"), "expects a Normalized"),  # type: ignore[arg-type]
    ],
)
def test_wrong_types(call: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        call()  # type: ignore[operator]


_WORDS = st.sampled_from(
    ["۵", "2.5", "5/2", "هزار", "میلیون", "و", "صدها", "دلار", "درصد", "%", "نفر", "تن", "از", "نیم", "\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_WORDS, max_size=30).map(" ".join)))
def test_never_raises_and_spans_slice_the_text(text: str) -> None:
    for a in find_amounts(text):
        assert text[a.start : a.end] == a.text
        assert a.unit is not None
        assert a.kind is not None


@pytest.mark.parametrize("text", ["\ud800 ۵ دلار \udfff", "\x00۵\x00دلار", "\u0301۵ دلار", "۵\u200cدلار"])
def test_odd_text(text: str) -> None:
    found = find_amounts(text)
    assert all(text[a.start : a.end] == a.text for a in found)
