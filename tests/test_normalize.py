"""Normalisation: each rewrite with the reason it exists, and spans mapping back.

The table below is the behaviour a reader of Persian news expects; every row
says why it is there.  ``|`` in an expected text stands for a ZWNJ.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import threading
from typing import Any

import pytest

import persnews
from persnews import _zwnj
from persnews.normalize import (
    Normalized,
    fix_presentation_forms,
    fix_spacing,
    fix_zwnj,
    join_affixes,
    normalize,
    to_ascii_digits,
    to_persian_digits,
)

ZWNJ = "\u200c"


def z(text: str) -> str:
    """Write ``|`` as ZWNJ, so the table stays readable."""
    return text.replace("|", ZWNJ)


CASES = [
    # Letters
    pytest.param("ظريف و علي", {}, "ظریف و علی", id="arabic yeh becomes Persian yeh"),
    pytest.param("كشور كانادا", {}, "کشور کانادا", id="arabic kaf becomes Persian kaf"),
    pytest.param("ﺑﯿﮋن ﺟﻨﺘﯽ", {}, "بیژن جنتی", id="presentation forms from a PDF become letters"),
    pytest.param("ﻻﺭﯾﺠﺎﻧﯽ", {}, "لاریجانی", id="a lam-alef ligature becomes two letters"),
    pytest.param("ﻋﺒﺪﷲ", {}, "عبدالله", id="the Allah ligature becomes its four letters"),
    pytest.param("مدرسة", {}, "مدرسه", id="teh marbuta becomes heh"),
    pytest.param("خانۀ ملت", {}, "خانه ملت", id="heh with yeh above becomes heh, one for one"),
    pytest.param("موسى", {}, "موسی", id="alef maksura becomes yeh"),
    pytest.param("إيران و أمريكا", {}, "ایران و امریکا", id="hamza on alef is dropped"),
    # Digits
    pytest.param("ساعت ١٢", {}, "ساعت ۱۲", id="arabic-indic digits become Persian by default"),
    pytest.param("سال 2024", {}, "سال 2024", id="ascii digits are kept by default"),
    pytest.param(
        "تورم ۱۲٫۵ درصد", {"digits": "ascii"}, "تورم 12.5 درصد", id="ascii mode writes the decimal as a dot"
    ),
    pytest.param(
        "۴۲٬۵۰۰ تومان",
        {"digits": "ascii"},
        "42,500 تومان",
        id="ascii mode writes the thousands sign as a comma",
    ),
    pytest.param("سال 2024", {"digits": "persian"}, "سال ۲۰۲۴", id="persian mode rewrites ascii digits"),
    pytest.param("۱۲٫۵ درصد", {}, "۱۲٫۵ درصد", id="Persian decimal separator is kept"),
    # Kashida, diacritics, invisible marks
    pytest.param("ایـــران", {}, "ایران", id="kashida stretching a word is removed"),
    pytest.param("حَذفِ اِعرابٌ", {}, "حذف اعراب", id="short vowels and tanwin are removed"),
    pytest.param("سلام\u200f دنیا", {}, "سلام دنیا", id="right-to-left mark is removed"),
    pytest.param("سلام\u00a0دنیا", {}, "سلام دنیا", id="non-breaking space becomes a space"),
    pytest.param("\ufeffسلام", {}, "سلام", id="byte order mark is removed"),
    pytest.param("ب\u200dا", {}, "با", id="zero width joiner is removed"),
    # ZWNJ repair
    pytest.param("کتاب\u200c\u200cها", {}, z("کتاب|ها"), id="doubled ZWNJ becomes one"),
    pytest.param("کشور\u200cها", {}, "کشورها", id="ZWNJ after a non-joining letter has no effect and goes"),
    pytest.param(
        "\u200cسلام\u200c به \u200cهمه\u200c", {}, "سلام به همه", id="ZWNJ at word edges and next to spaces"
    ),
    pytest.param("کتاب\u200c ها", {}, z("کتاب|ها"), id="ZWNJ before a space goes, then the suffix joins"),
    # Joining prefixes
    pytest.param("ظریف به مسکو می رود", {}, z("ظریف به مسکو می|رود"), id="mi prefix joins a present verb"),
    pytest.param("این کار نمی شود", {}, z("این کار نمی|شود"), id="nemi prefix joins a verb"),
    pytest.param("نمی دانم چه می گفت", {}, z("نمی|دانم چه می|گفت"), id="mi prefix joins a past verb"),
    pytest.param("دیده می شود", {}, z("دیده می|شود"), id="passive auxiliary takes the prefix"),
    pytest.param("می توان گفت", {}, z("می|توان گفت"), id="impersonal mitavan from the extra forms"),
    pytest.param("جام می را سر کشید", {}, "جام می را سر کشید", id="mi meaning wine stays a word"),
    pytest.param("ماه می سال ۲۰۲۴", {}, "ماه می سال ۲۰۲۴", id="mi as the month May stays"),
    # Joining suffixes
    pytest.param("کتاب ها", {}, z("کتاب|ها"), id="plural ha joins a noun"),
    pytest.param("همکاری های دو کشور", {}, z("همکاری|های دو کشور"), id="plural with ezafe joins"),
    pytest.param("آن ها", {}, z("آن|ها"), id="pronoun plural joins"),
    pytest.param(
        "بندر ها",
        {},
        "بندرها",
        id="after a non-joining letter the suffix is attached without ZWNJ (hazm 367)",
    ),
    pytest.param("صد ها نفر", {}, "صدها نفر", id="number word plural attached directly"),
    pytest.param("بزرگ ترین", {}, z("بزرگ|ترین"), id="superlative joins an adjective"),
    pytest.param("ماشین های سنگین تر", {}, z("ماشین|های سنگین|تر"), id="comparative joins an adjective"),
    pytest.param("سبزی تر و تازه", {}, "سبزی تر و تازه", id="tar meaning fresh stays a word"),
    pytest.param("اعلام شده است", {}, "اعلام شده است", id="participle and copula stay two words"),
    pytest.param("اعلام کرده بودند", {}, "اعلام کرده بودند", id="past perfect auxiliary stays apart"),
    pytest.param("گفته اند", {}, z("گفته|اند"), id="perfect clitic joins a participle"),
    pytest.param("ما آماده ایم", {}, z("ما آماده|ایم"), id="copula clitic joins an adjective in silent heh"),
    pytest.param("زمین\u200cلرزه ای", {}, z("زمین|لرزه|ای"), id="indefinite ei joins a ZWNJ compound"),
    pytest.param("خانه اش", {}, z("خانه|اش"), id="possessive clitic joins"),
    pytest.param("زندگی اش", {}, z("زندگی|اش"), id="possessive clitic joins a word in yeh"),
    pytest.param("گفت که ای کاش", {}, "گفت که ای کاش", id="ei after a function word is the vocative"),
    pytest.param("میرود", {}, "میرود", id="no ZWNJ is inserted inside a written-together word"),
    # Spacing
    pytest.param("او گفت :«ما آماده ایم »", {}, z("او گفت: «ما آماده|ایم»"), id="colon and guillemets"),
    pytest.param("سلام ، خوبی ؟", {}, "سلام، خوبی؟", id="no space before Persian comma and question mark"),
    pytest.param("تهران،ایران", {}, "تهران، ایران", id="one space after a Persian comma"),
    pytest.param("« سلام »", {}, "«سلام»", id="no padding inside guillemets"),
    pytest.param("گفت«سلام»و رفت", {}, "گفت «سلام» و رفت", id="one space around guillemets"),
    pytest.param("( یادداشت )", {}, "(یادداشت)", id="no padding inside parentheses"),
    pytest.param(
        "خبرگزاری (ایرنا)گزارش داد", {}, "خبرگزاری (ایرنا) گزارش داد", id="one space after a parenthesis"
    ),
    pytest.param("سلام   دنیا\t!", {}, "سلام دنیا!", id="runs of spaces collapse and none before a bang"),
    pytest.param(
        "او رفت.سپس آمد", {}, "او رفت. سپس آمد", id="one space after a full stop before a Persian word"
    ),
    pytest.param("چرا ؟!", {}, "چرا؟!", id="a run of marks stays together"),
    pytest.param("بند اول.\n\nبند دوم.", {}, "بند اول.\n\nبند دوم.", id="paragraph break survives exactly"),
    pytest.param(
        "بند اول. \n \nبند دوم.",
        {},
        "بند اول.\n\nبند دوم.",
        id="spaces on a blank line go, the blank line stays",
    ),
    pytest.param("  سلام  ", {}, "سلام", id="spaces at the edges of the text go"),
    # What must not be damaged
    pytest.param("https://x.com/a.b?c=1", {}, "https://x.com/a.b?c=1", id="URL is untouched"),
    pytest.param("نشانی a.b@x.ir است", {}, "نشانی a.b@x.ir است", id="e-mail address is untouched"),
    pytest.param(
        "12.5 و 1,000 و 1395/09/14", {}, "12.5 و 1,000 و 1395/09/14", id="numbers and dates are untouched"
    ),
    pytest.param("با Node.js نوشته شد", {}, "با Node.js نوشته شد", id="dotted Latin name is untouched"),
    pytest.param("ساعت 10:30 صبح", {}, "ساعت 10:30 صبح", id="clock time is untouched"),
    pytest.param("کد .NET", {}, "کد .NET", id="a dot starting a Latin word keeps its space"),
    pytest.param("f(x) و g(y)", {}, "f(x) و g(y)", id="Latin parentheses are untouched"),
    pytest.param("۱۳۹۵ ه.ش", {}, "۱۳۹۵ ه.ش", id="one-letter abbreviation keeps its dots"),
    pytest.param("۱۲، ۱۳ و ۱۴", {}, "۱۲، ۱۳ و ۱۴", id="list of numbers keeps its spacing"),
    pytest.param("۱۲ ،۵", {}, "۱۲،۵", id="Arabic comma as a decimal separator stays inside the number"),
]


@pytest.mark.parametrize(("text", "options", "expected"), CASES)
def test_normalisation_table(text: str, options: dict[str, Any], expected: str) -> None:
    n = normalize(text, **options)
    assert n.text == expected
    assert normalize(n.text, **options).text == expected
    assert n.original == text


def test_table_has_enough_cases() -> None:
    assert len(CASES) >= 40


SPANS = [
    pytest.param("ظريف مي رود .", "می\u200cرود", "مي رود", id="joined verb maps to the spaced original"),
    pytest.param("ایـــران بزرگ", "ایران", "ایـــران", id="word with kashida maps to the stretched original"),
    pytest.param("ﻋﺒﺪﷲ ﮔﻔﺖ", "عبدالله", "ﻋﺒﺪﷲ", id="a word with a ligature maps to its shorter original"),
    pytest.param("کتابِ خوب", "کتاب", "کتابِ", id="a removed trailing diacritic stays with its word"),
    pytest.param("بندر ها", "بندرها", "بندر ها", id="attached plural covers the removed space"),
    pytest.param("سلام  ،  دنیا", "دنیا", "دنیا", id="word after collapsed spaces"),
    pytest.param("سلام  ،  دنیا", "،", "،", id="comma keeps its own offset"),
    pytest.param("\u200fسلام\u200f", "سلام", "سلام", id="span never includes a removed mark at its edges"),
    pytest.param("گفت«سلام»", "«سلام»", "«سلام»", id="quoted words after an inserted space"),
    pytest.param(
        "كتاب\u200c\u200cهاي ما", "کتاب\u200cهای", "كتاب\u200c\u200cهاي", id="doubled ZWNJ inside the word"
    ),
    pytest.param("١٢٫٥ درصد", "12.5", "١٢٫٥", id="rewritten digits map one to one"),
]


@pytest.mark.parametrize(("text", "token", "expected"), SPANS)
def test_token_maps_back_to_original(text: str, token: str, expected: str) -> None:
    n = normalize(text, digits="ascii")
    start = n.text.index(token)
    span = n.span(start, start + len(token))
    assert span.text == expected
    assert text[span.start : span.end] == expected
    assert n.to_normalized(span.start) == start


def test_span_offsets_in_a_news_sentence() -> None:
    text = "وزير امور خارجه كشورمان فردا در نشست سه جانبه شركت مي كند ."
    n = normalize(text)
    assert n.text == "وزیر امور خارجه کشورمان فردا در نشست سه جانبه شرکت می\u200cکند."
    start = n.text.index("می\u200cکند")
    span = n.span(start, start + 6)
    assert (span.start, span.end, span.text) == (51, 57, "مي كند")
    assert n.span(len(n.text) - 1, len(n.text)).text == "."
    assert n.to_original(0, 0) == (0, 0)


def test_to_original_rejects_out_of_range() -> None:
    n = normalize("سلام")
    with pytest.raises(ValueError, match="outside"):
        n.to_original(2, 9)
    with pytest.raises(ValueError, match="outside"):
        n.to_original(3, 2)
    with pytest.raises(ValueError, match="outside"):
        n.to_normalized(-1)


def test_kept_diacritic_is_not_swallowed_by_a_span() -> None:
    n = normalize("کتابِ خوب", diacritics=False)
    assert n.text == "کتابِ خوب"
    assert n.span(0, 4).text == "کتاب"


@pytest.mark.parametrize(
    ("option", "text", "expected"),
    [
        pytest.param("invisible", "سلام\u200fدنیا", "سلام\u200fدنیا", id="invisible"),
        pytest.param("arabic_letters", "كتاب", "كتاب", id="arabic_letters"),
        pytest.param("presentation_forms", "ﺑﯿﮋن", "ﺑﯿﮋن", id="presentation_forms"),
        pytest.param("kashida", "ایـران", "ایـران", id="kashida"),
        pytest.param("diacritics", "کِتاب", "کِتاب", id="diacritics"),
        pytest.param("zwnj", "کشور\u200cها", "کشور\u200cها", id="zwnj"),
        pytest.param("spacing", "سلام  ،دنیا", "سلام  ،دنیا", id="spacing"),
        pytest.param("affixes", "کتاب ها می رود", "کتاب ها می رود", id="affixes"),
    ],
)
def test_each_sub_step_can_be_switched_off(option: str, text: str, expected: str) -> None:
    switched: dict[str, Any] = {option: False}
    assert normalize(text, **switched).text == expected
    assert normalize(text).text != expected


def test_sub_steps_are_plain_functions() -> None:
    text, edits = fix_presentation_forms("ﻻ ﺑﺎ")
    assert text == "لا با"
    assert (tuple(edits.in_starts), tuple(edits.in_ends)) == ((0,), (1,))
    assert fix_zwnj("کتاب\u200c\u200cها")[0] == "کتاب\u200cها"
    assert fix_spacing("سلام ، دنیا")[0] == "سلام، دنیا"
    assert join_affixes("کتاب ها")[0] == "کتاب\u200cها"
    text, edits = join_affixes("بندر ها")
    assert text == "بندرها"
    assert (tuple(edits.in_starts), tuple(edits.in_ends)) == ((4,), (5,))


def test_default_digits_keep_ascii() -> None:
    assert normalize("2024 و ٢٠٢٤ و ۲۰۲۴").text == "2024 و ۲۰۲۴ و ۲۰۲۴"
    assert normalize("2024 و ٢٠٢٤", digits="ascii").text == "2024 و 2024"


def test_digit_helpers() -> None:
    assert to_ascii_digits("۱۲٫۵ و ٣٤٬٠٠٠") == "12.5 و 34,000"
    assert to_persian_digits("سال 2024 و ٢٠٢٥") == "سال ۲۰۲۴ و ۲۰۲۵"
    assert to_ascii_digits("") == ""
    assert persnews.to_ascii_digits is to_ascii_digits


@pytest.mark.parametrize("bad", [b"\xd8\xb3", bytearray(b"x"), None, 12, ["متن"]])
def test_wrong_types_raise_type_error(bad: object) -> None:
    for fn in (normalize, to_ascii_digits, to_persian_digits):
        message = "decode it first" if isinstance(bad, (bytes, bytearray)) else "expects str"
        with pytest.raises(TypeError, match=message):
            fn(bad)  # type: ignore[arg-type]


def test_unknown_digit_mode_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="digits"):
        normalize("۱۲", digits="roman")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\ud800", "\x00\x01", "\u200c" * 5, "«»()،.!؟:"])
def test_odd_input_never_raises(text: str) -> None:
    n = normalize(text)
    assert isinstance(n, Normalized)
    assert normalize(n.text).text == n.text


def test_seed_article(seed_text: str) -> None:
    n = normalize(seed_text, digits="ascii")
    assert normalize(n.text, digits="ascii").text == n.text
    assert n.text.lstrip("\n").startswith("ظریف به مسکو می\u200cرود\n\n")
    assert "به گزارش آران نیوز، در ادامه نشست\u200cهای سه جانبه" in n.text
    assert "اعلام شده است" in n.text
    assert "در 5 سال گذشته" in n.text
    assert n.text.count("\n\n") == seed_text.count("\n\n")
    start = n.text.index("تلاش\u200cهای فراوانی")
    assert n.span(start, start + 8).text == "تلاش های"


# --- the lexicon -----------------------------------------------------------


def test_lexicon_comes_from_hazm_without_importing_it() -> None:
    code = (
        "import sys, persnews\n"
        "assert persnews.normalize('کتاب ها').text == 'کتاب\\u200cها'\n"
        "from persnews import _zwnj\n"
        "assert _zwnj.lexicon().from_hazm\n"
        "assert 'hazm' not in sys.modules, sorted(m for m in sys.modules if 'hazm' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


FALLBACK = [
    pytest.param("ظریف به مسکو می رود", z("ظریف به مسکو می|رود"), id="verb ending joins"),
    pytest.param("جام می را", "جام می را", id="object marker is no verb"),
    pytest.param("کتاب ها", z("کتاب|ها"), id="plural joins"),
    pytest.param("بندر ها", "بندرها", id="non-joining letter attaches"),
    pytest.param("گفته اند", z("گفته|اند"), id="clitic after heh joins"),
    pytest.param("اعلام شده است", "اعلام شده است", id="copula stays"),
    pytest.param("سبزی تر و تازه", "سبزی تر و تازه", id="fresh stays"),
    pytest.param("که ها", "که ها", id="function word takes no suffix"),
]


@pytest.mark.parametrize(("text", "expected"), FALLBACK)
def test_rules_without_hazm(text: str, expected: str) -> None:
    rules = _zwnj.rules_for(_zwnj.load_lexicon(None))
    assert not rules.lexicon.from_hazm
    assert join_affixes(text, rules=rules)[0] == expected


def test_lexicon_loads_once_across_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_zwnj, "_cache", {})
    loads: list[int] = []
    real = _zwnj.load_lexicon

    def counting(data_dir: Any) -> _zwnj.Lexicon:
        loads.append(1)
        return real(data_dir)

    monkeypatch.setattr(_zwnj, "load_lexicon", counting)
    found: list[_zwnj.JoinRules] = []
    threads = [threading.Thread(target=lambda: found.append(_zwnj.rules())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(loads) == 1
    assert len({id(r) for r in found}) == 1


def test_lexicon_facts() -> None:
    lex = _zwnj.lexicon()
    assert {"رود", "شود", "رفت", "گفته", "توان"} <= lex.verb_forms
    assert "را" not in lex.verb_forms
    assert "کتاب" in lex.words
    assert "رفت" in lex.past_stems
    assert lex.tags["بزرگ"] & _zwnj.ADJECTIVE


def test_missing_hazm_gives_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    assert _zwnj._hazm_data_dir() is None
    assert not _zwnj.load_lexicon(_zwnj._hazm_data_dir()).from_hazm
