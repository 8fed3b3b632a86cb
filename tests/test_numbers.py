"""Persian numbers: words, digits of every script, mixed forms, ordinals, indefinite magnitudes."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import persnews
from persnews.normalize import to_persian_digits
from persnews.numbers import NumberReading, number_to_words, parse_number, read_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("صفر", 0),
        ("یک", 1),
        ("نه", 9),
        ("ده", 10),
        ("یازده", 11),
        ("نوزده", 19),
        ("بیست و پنج", 25),
        ("نود و نه", 99),
        ("صد", 100),
        ("یکصد", 100),
        ("صد و یک", 101),
        ("سیصد و بیست و پنج", 325),
        ("نهصد و نود و نه", 999),
        ("هزار", 1000),
        ("یک‌هزار", 1000),
        ("هزار و دویست و پنجاه", 1250),
        ("سه هزار و پانصد", 3500),
        ("بیست و یک هزار", 21000),
        ("سیصد و بیست و پنج هزار و ششصد", 325600),
        ("دو میلیون و سیصد هزار", 2_300_000),
        ("یک میلیون و هزار", 1_001_000),
        ("دو میلیارد و پانصد میلیون", 2_500_000_000),
        ("هزار میلیارد", 10**12),
        ("یک تریلیون", 10**12),
        # news writes "thousand and two hundred billion" for 1,200 billion
        ("هزار و دویست میلیارد", 1_200_000_000_000),
        ("هزار و ۵۰۰ میلیارد", 1_500_000_000_000),
        # digits of every script, with separators
        ("12000", 12000),
        ("۱۲۰۰۰", 12000),
        ("١٢٠٠٠", 12000),
        ("12,000", 12000),
        ("۱۲٬۰۰۰", 12000),
        ("1.000.000", 1_000_000),
        ("۲.۵", 2.5),
        ("۲٫۵", 2.5),
        ("۵/۲", 5.2),
        ("٥/٢", 5.2),
        # digits with scale words
        ("۲.۵ میلیون", 2_500_000),
        ("۲٫۵ میلیون", 2_500_000),
        ("۵/۲ میلیون", 5_200_000),
        ("830 میلیارد", 830_000_000_000),
        ("۶ هزار و ۱۲۷", 6127),
        ("۱۷۱ میلیون و ۶۱۹ هزار", 171_619_000),
        ("12,000 میلیارد", 12_000_000_000_000),
        # halves and the decimal word
        ("نیم", 0.5),
        ("یک و نیم", 1.5),
        ("یک و نیم میلیون", 1_500_000),
        ("دو میلیون و نیم", 2_500_000),
        ("نیم میلیون", 500_000),
        ("دو ممیز پنج", 2.5),
        ("دو ممیز بیست و پنج", 2.25),
        ("منفی پنج", -5),
        ("-12", -12),
        # colloquial spellings
        ("هیجده", 18),
        ("پونزده", 15),
        ("ملیون", 1_000_000),
        ("  سه هزار  ", 3000),
    ],
)
def test_parse_number(text: str, value: int | float) -> None:
    result = parse_number(text)
    assert result == value
    assert isinstance(result, int) == isinstance(value, int)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("اول", 1),
        ("اولین", 1),
        ("نخست", 1),
        ("نخستین", 1),
        ("یکم", 1),
        ("دوم", 2),
        ("دومین", 2),
        ("سوم", 3),
        ("سومین", 3),
        ("چهاردهم", 14),
        ("بیست و دوم", 22),
        ("بیست و سوم", 23),
        ("سی‌ام", 30),
        ("سی ام", 30),
        ("سی‌امین", 30),
        ("صدم", 100),
        ("هزارمین", 1000),
        ("۱۴ام", 14),
        ("14مین", 14),
    ],
)
def test_ordinals(text: str, value: int) -> None:
    assert parse_number(text) == value
    assert read_number(text) == NumberReading(value, approximate=False, ordinal=True)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("صدها", 100),
        ("هزاران", 1000),
        ("ده‌ها", 10),
        ("ده ها", 10),
        ("دهها", 10),
        ("میلیون‌ها", 1_000_000),
        ("میلیاردها", 1_000_000_000),
        ("ده‌ها میلیون", 10_000_000),
        ("صدها میلیون", 100_000_000),
        ("صدها هزار", 100_000),
        ("چند هزار", 2000),
        ("چندین میلیون", 2_000_000),
    ],
)
def test_indefinite_magnitudes_are_lower_bounds(text: str, value: int) -> None:
    assert parse_number(text) == value
    assert read_number(text) == NumberReading(value, approximate=True, ordinal=False)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "سلام",
        "سهم",  # "share", not the ordinal of سه
        "سیم",  # "wire"
        "دوام",  # "durability"
        "چند",  # "a few" without a scale word
        "بیست و سی",
        "سه و چهار",
        "۱۰ و ۲۰",
        "پنج دو",
        "۱۳۹۵/۰۹/۱۴",
        "10:30",
        "2,5",
        "صد دلار",
        "و",
    ],
)
def test_not_a_number_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number(text)


@pytest.mark.parametrize(
    ("bad", "message"),
    [(b"12", "decode it first"), (12, "expects str, got int"), (None, "expects str, got NoneType")],
)
def test_wrong_type_raises_type_error(bad: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        parse_number(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=message):
        read_number(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "صفر"),
        (7, "هفت"),
        (13, "سیزده"),
        (40, "چهل"),
        (101, "صد و یک"),
        (1000, "هزار"),
        (1250, "هزار و دویست و پنجاه"),
        (2000, "دو هزار"),
        (1_000_000, "یک میلیون"),
        (2_300_000, "دو میلیون و سیصد هزار"),
        (10**12, "یک تریلیون"),
        (-5, "منفی پنج"),
    ],
)
def test_number_to_words(n: int, words: str) -> None:
    assert number_to_words(n) == words


@pytest.mark.parametrize(
    ("n", "words"),
    [(1, "یکم"), (3, "سوم"), (14, "چهاردهم"), (23, "بیست و سوم"), (30, "سی\u200cام"), (100, "صدم")],
)
def test_number_to_words_ordinal(n: int, words: str) -> None:
    assert number_to_words(n, ordinal=True) == words


def test_number_to_words_errors() -> None:
    with pytest.raises(TypeError, match="expects an int"):
        number_to_words(2.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expects an int"):
        number_to_words(True)
    with pytest.raises(ValueError, match="at least 1"):
        number_to_words(0, ordinal=True)


@settings(max_examples=500)
@given(st.integers(min_value=0, max_value=10**12))
def test_round_trip_words(n: int) -> None:
    assert parse_number(number_to_words(n)) == n


@settings(max_examples=200)
@given(st.integers(min_value=1, max_value=10**9))
def test_round_trip_ordinals(n: int) -> None:
    reading = read_number(number_to_words(n, ordinal=True))
    assert reading == NumberReading(n, approximate=False, ordinal=True)


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**15))
def test_round_trip_digits_every_script(n: int) -> None:
    grouped = f"{n:,}"
    assert parse_number(str(n)) == n
    assert parse_number(to_persian_digits(grouped).replace(",", "٬")) == n
    assert parse_number(grouped) == n


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_any_text_gives_a_number_or_value_error(text: str) -> None:
    with contextlib.suppress(ValueError):
        parse_number(text)


# --- line-by-line lexing ------------------------------------------------------------


def _shifted(text: str) -> list[tuple[int, int, int, str]]:
    from persnews.numbers import lex_lines

    return [(t.kind, base + t.start, base + t.end, t.key) for base, toks, _ in lex_lines(text) for t in toks]


def test_lex_lines_offsets_count_from_each_line() -> None:
    from persnews.numbers import NUM, WORD, lex_lines

    text = "سه نفر\n\n۱۲ آذر"
    lines = [(base, [(t.kind, t.start, t.end, t.key) for t in toks]) for base, toks, _ in lex_lines(text)]
    assert lines == [
        (0, [(WORD, 0, 2, "سه"), (WORD, 3, 6, "نفر")]),
        (8, [(NUM, 0, 2, "12"), (WORD, 3, 6, "اذر")]),  # keys unify آ and ا
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("سه نفر ۱۲٫۵ آذر\n\r\u200c.،«»a7"), max_size=80))
def test_lex_lines_are_the_tokens_of_lex_without_breaks(text: str) -> None:
    from persnews.numbers import BREAK, lex

    # A line's own breaks (\r) stay in it; only \n separates lines.
    whole = [(t.kind, t.start, t.end, t.key) for t in lex(text)]
    assert _shifted(text) == [t for t in whole if not (t[0] == BREAK and text[t[1]] == "\n")]


def _by_regex(text: str) -> list[tuple[int, int, int, str]]:
    """The tokens the regular expression alone finds (the reference of the faster reading)."""
    from persnews.numbers import _KEY_PAIRS, Tokens, _lex_regex

    for src, dst in _KEY_PAIRS:
        text = text.replace(src, dst)
    toks = Tokens()
    _lex_regex(text, 0, toks)
    return [tuple(t) for t in toks]


def test_words_between_spaces_are_read_without_the_regular_expression() -> None:
    from persnews.numbers import NUM, PUNCT, WORD, lex

    text = "«سه‌هزار» نفر، ۱۲. می‌گویند (۱۴ كشور) 12:30 -5"
    toks = [tuple(t) for t in lex(text)]
    assert toks == _by_regex(text)
    assert toks == [
        (PUNCT, 0, 1, "«"),
        (WORD, 1, 3, "سه"),  # two number words joined by ZWNJ are two tokens
        (WORD, 4, 8, "هزار"),
        (PUNCT, 8, 9, "»"),
        (WORD, 10, 13, "نفر"),
        (PUNCT, 13, 14, "،"),
        (NUM, 15, 17, "12"),
        (PUNCT, 17, 18, "."),
        (WORD, 19, 27, "میگویند"),
        (PUNCT, 28, 29, "("),
        (NUM, 29, 31, "14"),
        (WORD, 32, 36, "کشور"),
        (PUNCT, 36, 37, ")"),
        (NUM, 38, 43, "12:30"),
        (PUNCT, 44, 45, "-"),
        (NUM, 45, 46, "5"),
    ]


def test_lone_marks_are_marks_to_the_regular_expression() -> None:
    from persnews.numbers import _LONE_MARKS, PUNCT

    for mark in _LONE_MARKS:
        assert _by_regex(mark) == [(PUNCT, 0, 1, mark)]


_LEXER_ALPHABET = "سه نفر ۱۲٫۵ آذر يك هزار\n\r\t\u00a0\u200c\u064b.،,:«»()-/a7۳%"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_LEXER_ALPHABET), max_size=60) | st.text(max_size=30))
def test_tokens_are_those_of_the_regular_expression(text: str) -> None:
    from persnews.numbers import lex

    assert [tuple(t) for t in lex(text)] == _by_regex(text)


def test_without_the_letters_shortcut_tokens_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where Python's Unicode tables are newer than the regex module's, every word is read by the
    regular expression."""
    from persnews import numbers

    text = "جلسه ۱۴ آذر ۱۳۹۵، سه‌هزار نفر «حاضر» بودند."
    fast = numbers.lex(text)
    monkeypatch.setattr(numbers, "_letters_agree_cache", False)
    assert numbers.lex(text) == fast


def test_a_digit_newer_than_pythons_unicode_tables_has_no_value() -> None:
    # U+16D70 is a decimal digit to the regex module (Unicode 16) but not to every Python's int().
    from persnews.numbers import digits_value

    assert digits_value("\U00016d70") is None
    assert digits_value("12") == 12
    assert persnews.parse("قیمت \U00016d70\U00016d71 تومان شد").amounts == ()


def test_lines_are_shared_by_the_steps_of_one_parse_only() -> None:
    """The times and amounts steps read a line once per normalised text; another text
    with the same line (or the same text parsed again) reads it anew."""
    from persnews.normalize import normalize
    from persnews.numbers import _RECENT

    line = "قیمت نفت ۲۵ درصد در سه ماه گذشته افزایش یافت"
    first, second = normalize(line), normalize(line)
    read = _RECENT.read(first, first.text)
    assert _RECENT.read(first, first.text) is read
    again = _RECENT.read(second, second.text)
    assert again is not read
    assert again == read
