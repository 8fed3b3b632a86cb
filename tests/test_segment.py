"""Title, paragraphs, sentences and tokens, always as offsets into the caller's text."""

from __future__ import annotations

import pytest

import persnews
from persnews import normalize, split_sentences, tokenize


def test_seed_article_layout(seed_text: str) -> None:
    article = persnews.parse(seed_text)
    assert article.title is not None
    assert article.title.text == "ظریف به مسکو می رود"
    assert seed_text[article.title.start : article.title.end] == "ظریف به مسکو می رود"
    assert len(article.paragraphs) == 8
    assert article.lead == article.paragraphs[0]
    assert article.lead is not None
    assert article.lead.text.startswith("وزیر امور خارجه کشورمان فردا")
    assert article.paragraphs[-1].text.startswith("گفتنی است،")
    assert len(article.sentences) == 8
    assert article.source_agency is not None
    assert article.source_agency.text == "آران نیوز"


def test_title_is_first_line_only_when_more_follows() -> None:
    assert persnews.parse("فقط یک خط خبری.").title is None
    article = persnews.parse("تیتر خبر\nمتن اول.\nمتن دوم.")
    assert article.title is not None
    assert article.title.text == "تیتر خبر"
    assert [p.text for p in article.paragraphs] == ["متن اول.", "متن دوم."]


def test_a_long_sentence_first_line_is_not_a_title() -> None:
    lead = " ".join(["کلمه"] * 25) + "."
    article = persnews.parse(lead + "\n\nپاراگراف دوم.")
    assert article.title is None
    assert len(article.paragraphs) == 2


def _sentences(text: str) -> list[str]:
    n = normalize(text, digits="ascii")
    return [s.text for s in split_sentences(n, 0, len(n.text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("او آمد. ما رفتیم.", ["او آمد.", "ما رفتیم."], id="period"),
        pytest.param("آیا آمد؟ بله!", ["آیا آمد؟", "بله!"], id="persian-question-and-exclamation"),
        pytest.param("نرخ ۱۲.۵ درصد شد. پایان.", ["نرخ ۱۲.۵ درصد شد.", "پایان."], id="decimal-number"),
        pytest.param(
            "او گفت: «ما آمدیم. شما بروید.» سپس رفت.",
            ["او گفت: «ما آمدیم. شما بروید.» سپس رفت."],
            id="no-split-inside-guillemets",
        ),
        pytest.param(
            "نماینده ج.ا.ا. در سازمان ملل سخن گفت. او رفت.",
            ["نماینده ج.ا.ا. در سازمان ملل سخن گفت.", "او رفت."],
            id="one-letter-abbreviation",
        ),
        pytest.param(
            "He went to the U.S. yesterday. Then left.",
            ["He went to the U.S. yesterday.", "Then left."],
            id="latin-abbreviation",
        ),
        pytest.param("وی گفت... و رفت.", ["وی گفت...", "و رفت."], id="ellipsis"),
        pytest.param("«کی می‌آیی؟» او پرسید.", ["«کی می‌آیی؟» او پرسید."], id="question-inside-quote"),
        pytest.param("او آمد (دیروز. شاید) و رفت.", ["او آمد (دیروز. شاید) و رفت."], id="parentheses"),
        pytest.param(
            "«بی‌پایان. جمله دوم.", ["«بی‌پایان.", "جمله دوم."], id="unclosed-guillemet-does-not-swallow"
        ),
        pytest.param("بدون نقطه", ["بدون نقطه"], id="no-terminator"),
    ],
)
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_tokens_map_back_to_the_original_spelling() -> None:
    text = "علي‌اكبر ولايتي مي رود؛ ۱۲٫۵ درصد https://x.ir/a.b و info@x.ir"
    tokens = tokenize(normalize(text, digits="ascii"))
    texts = [t.text for t in tokens]
    assert texts[:2] == ["علي‌اكبر", "ولايتي"]
    assert texts[-6:] == ["؛", "۱۲٫۵", "درصد", "https://x.ir/a.b", "و", "info@x.ir"]
    by_text = {t.text: t for t in tokens}
    assert by_text["علي‌اكبر"].norm == "علی‌اکبر"
    assert by_text["ولايتي"].norm == "ولایتی"
    assert by_text["۱۲٫۵"].norm == "12.5"
    assert "https://x.ir/a.b" in by_text
    assert "info@x.ir" in by_text
    for t in tokens:
        assert text[t.start : t.end] == t.text


def test_paragraph_offsets_survive_arabic_letters_and_invisible_marks() -> None:
    text = "تيتر\u200f\n\nخبرگزاري فارس: وزير گفت: سلام.\n\n\u200eپاراگراف دوم."
    article = persnews.parse(text)
    assert article.title is not None
    assert article.title.text == "تيتر"
    assert [p.text for p in article.paragraphs] == ["خبرگزاري فارس: وزير گفت: سلام.", "پاراگراف دوم."]
    assert article.source_agency is not None
    assert article.source_agency.name == "خبرگزاری فارس"
    for span in article.spans():
        assert text[span.start : span.end] == span.text
