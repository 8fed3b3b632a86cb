"""Quotes and speakers on the seed article (the measured bar of the quotes feature)."""

from __future__ import annotations

from persnews import QuoteKind
from persnews.quotes import find_quotes


def test_seed_has_exactly_five_quotes_by_qasemi(seed_text: str) -> None:
    quotes = find_quotes(seed_text)
    assert len(quotes) == 5
    assert [q.speaker_name for q in quotes] == ["قاسمی"] * 5
    assert [q.cue.text for q in quotes if q.cue] == ["اعلام شده است", "گفت", "افزود", "افزود", "گفت"]
    assert [q.kind for q in quotes] == [QuoteKind.INDIRECT] + [QuoteKind.DIRECT] * 4
    assert [q.speaker.text for q in quotes if q.speaker] == [
        "سخنگوی وزارت امور خارجه",
        "قاسمی",
        "قاسمی",
        "وی",
        "سخنگوی وزارت خارجه ایران",
    ]


def test_seed_indirect_report_in_paragraph_three(seed_text: str) -> None:
    q = find_quotes(seed_text)[0]
    assert q.content.text.startswith("نشست سه جانبه سرگئی لاوروف")
    assert q.content.text.endswith("در مسکو برگزار می شود")
    assert seed_text[q.content.start : q.content.end] == q.content.text


def test_seed_colon_quotes_run_to_the_paragraph_end(seed_text: str) -> None:
    quotes = find_quotes(seed_text)[1:]
    for q in quotes:
        end = seed_text.find("\n", q.content.start)
        assert q.content.end == (end if end >= 0 else len(seed_text))
        assert q.content.text.endswith(".")
    assert quotes[0].content.text.startswith("محور مقاومت ضدتروریستی")
    assert quotes[3].content.text.startswith("شش سال توطئه بزرگ")


def test_unify_letters_is_the_letter_table() -> None:
    from persnews._cues import LETTERS, unify_letters

    text = "مسؤول ئ ي ك ة ى ـ\u200cاو رئيس"
    assert unify_letters(text) == text.translate(LETTERS)
    assert len(unify_letters(text)) == len(text)


def test_a_book_sized_text_is_read_in_parts_without_losing_quotes() -> None:
    import persnews

    paragraph = "سخنگوی دولت گفت: «جلسه فردا برگزار می‌شود.»"
    count = 100_000 // len(paragraph) * 2  # twice the size of one part
    text = "تیتر خبر\n\n" + "\n\n".join([paragraph] * count)
    article = persnews.parse(text, steps=["segment", "quotes"])
    assert len(article.quotes) == count
    step = len(paragraph) + 2
    first = len("تیتر خبر\n\n")
    for n, quote in enumerate(article.quotes):
        assert quote.content.start == first + n * step + len("سخنگوی دولت گفت: «")
        assert quote.content.text == "جلسه فردا برگزار می‌شود."
        assert quote.speaker is not None
        assert quote.speaker.text == "سخنگوی دولت"


def test_the_credited_agency_is_never_the_speaker_when_no_comma_follows_it() -> None:
    text = (
        "تیتر خبر\n\nبه گزارش خبرگزاری فارس به نقل از روابط عمومی شرکت ملی گاز علی رضایی "
        "مدیرعامل این شرکت گفت: مصرف گاز ۱۰ درصد افزایش یافت."
    )
    (q,) = find_quotes(text)
    assert q.speaker is not None
    assert q.speaker.text.startswith("روابط عمومی شرکت ملی گاز علی رضایی")
    assert q.content.text == "مصرف گاز ۱۰ درصد افزایش یافت."
