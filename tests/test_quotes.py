"""Quotes and speakers on the seed article (the measured bar of the quotes feature)."""

from __future__ import annotations

import pytest

import persnews
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


# --- subjects before an object with را, and roles opening narration (full parse: entities known) ---


def _said(body: str) -> list[tuple[str | None, str | None, str]]:
    import persnews

    return [
        (q.speaker.text if q.speaker else None, q.speaker_name, q.content.text)
        for q in persnews.parse("تیتر\n\n" + body).quotes
    ]


Said = list[tuple[str | None, str | None, str]]

# body -> (speaker as written, speaker_name, content) of each quote
SAID: dict[str, tuple[str, Said]] = {
    # the object (برگزاری این کنفرانس) opens with a noun, not a demonstrative
    "subject_ends_with_the_person": (
        "آیت‌الله خامنه‌ای برگزاری این کنفرانس را نجات رژیم صهیونیستی دانستند.",
        [("آیت‌الله خامنه‌ای", "خامنه‌ای", "برگزاری این کنفرانس را نجات رژیم صهیونیستی")],
    ),
    "subject_ends_with_the_surname": (
        "محمدجواد ظریف امروز وارد مسکو شد.\n\nظریف برگزاری این نشست را گامی مثبت دانست.",
        [("ظریف", "محمدجواد ظریف", "برگزاری این نشست را گامی مثبت")],
    ),
    "plural_object_is_no_part_of_the_speaker": (
        "حضرت آیت‌الله خامنه‌ای گروههای فلسطینی را به وحدت فراخواندند و از آنها خواستند تا مراقب دشمنان باشند.",
        [("حضرت آیت‌الله خامنه‌ای", "خامنه‌ای", "تا مراقب دشمنان باشند")],
    ),
    # اظهارات رهبر انقلاب ...: «اظهارات» is no person for a later ایشان to stand for
    "noun_before_a_role_names_no_one": (
        "اظهارات رهبر انقلاب در رسانه‌های جهان بازتاب گسترده‌ای داشت.\n\nایشان گفت: آمریکا شکست خورده است.",
        [("ایشان", None, "آمریکا شکست خورده است.")],
    ),
    "leaders_epithet_wise": (
        "رهبر فرزانه انقلاب در دیدار با مردم گفت: ما پیروزیم.",
        [("رهبر فرزانه انقلاب", "رهبر فرزانه انقلاب", "ما پیروزیم.")],
    ),
    "leaders_epithet_islamic": (
        "رهبر انقلاب اسلامی در دیدار با مردم گفت: ما پیروزیم.",
        [("رهبر انقلاب اسلامی", "رهبر انقلاب اسلامی", "ما پیروزیم.")],
    ),
    "role_ends_the_subject_past_a_preposition": (
        "فرمانده ارتش تایلند وقوع کودتا در این کشور را محال خواند.",
        [("فرمانده ارتش تایلند", "فرمانده ارتش تایلند", "وقوع کودتا در این کشور را محال")],
    ),
    "role_in_apposition_stays_in_the_subject": (
        "محمدجواد ظریف وزیر امور خارجه برگزاری این نشست را مثبت دانست.",
        [("محمدجواد ظریف وزیر امور خارجه", "محمدجواد ظریف", "برگزاری این نشست را مثبت")],
    ),
    # قائم مقام (deputy) opens a role; قائم alone is no one's name
    "deputy_is_a_role": (
        "قائم مقام وزیر نفت در امور بین‌الملل گفت: صادرات افزایش یافت.",
        [("قائم مقام وزیر نفت", "قائم مقام وزیر نفت", "صادرات افزایش یافت.")],
    ),
    "deputy_links_to_the_person_named_before": (
        "سید احمد علوی قائم مقام تولیت آستان قدس رضوی امروز از مجتمع بازدید کرد.\n\n"
        "قائم مقام تولیت آستان قدس رضوی گفت: این مجتمع افتتاح شد.",
        [("قائم مقام تولیت آستان قدس رضوی", "سید احمد علوی", "این مجتمع افتتاح شد.")],
    ),
}


@pytest.mark.parametrize("name", sorted(SAID))
def test_speaker_and_content(name: str) -> None:
    body, expected = SAID[name]
    assert _said(body) == expected


@pytest.mark.parametrize(
    "credit",
    [
        "به گزارش خبرنگار اجتماعی فارس ",
        "به گزارش خبرنگار گروه سیاسی خبرگزاری فارس ",
        "به گزارش ایرنا ",
        # ZWNJ chaos: Arabic letters and a ZWNJ after the space
        "به گزارش خبرنگار اجتماعي فارس \u200c",
    ],
)
def test_a_credited_outlet_without_a_comma_is_no_part_of_the_speaker(credit: str) -> None:
    speaker = "علی\u200cرضا مظاهری معاون فرهنگی دانشگاه آزاد اسلامی"
    body = credit + speaker + " در نشستی خبری \u200cگفت: چهار دستگاه برتر شدند."
    assert _said(body) == [(speaker, "علی\u200cرضا مظاهری", "چهار دستگاه برتر شدند.")]


def test_a_demonstrative_subject_keeps_its_noun_before_the_object() -> None:
    body = (
        "سیده فاطمه موسوی مسئول بسیج بانوان استان گفت: برنامه‌ها آغاز شد.\n\n"
        "این مسئول هدف بسیج را پاسداری از انقلاب دانست."
    )
    assert _said(body)[1] == ("این مسئول", "سیده فاطمه موسوی", "هدف بسیج را پاسداری از انقلاب")
    body = (
        "روزنامه دیلی‌تلگراف در گزارشی نوشت: «قمار در انگلیس افزایش یافته است.»\n\n"
        "این روزنامه دولت تونی بلر را مقصر این امر عنوان کرده و نوشت: «دولت مقصر است.»"
    )
    assert _said(body)[1] == ("این روزنامه", "روزنامه دیلی‌تلگراف", "دولت مقصر است.")


@pytest.mark.parametrize("part", ["در ادامه این بیانیه", "در پایان این بیانیه", "در بخش پایانی این بیانیه"])
def test_a_part_of_a_statement_is_said_by_its_issuer(part: str) -> None:
    # the body that issued the statement ends before the statement (وزارت خارجه بیانیه‌ای ...)
    body = f"وزارت خارجه بیانیه‌ای صادر کرد.\n\n{part} آمده است: ما با این طرح مخالفیم."
    assert _said(body) == [(part.removeprefix("در "), "وزارت خارجه", "ما با این طرح مخالفیم.")]


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("یک مقام آمریکایی که نخواست نامش فاش شود", "مقام آمریکایی"),
        ("یک منبع آگاه که خواست نامش فاش نشود", "یک منبع آگاه"),
    ],
)
def test_an_unnamed_source_keeps_its_noun_phrase(source: str, name: str) -> None:
    # نخواست (did not want) is no cue of its own inside the source's phrase
    assert _said(f"{source} گفت: مذاکرات ادامه دارد.") == [
        (source.split(" که ")[0], name, "مذاکرات ادامه دارد.")
    ]


def test_a_modal_after_a_comma_opens_no_subject() -> None:
    body = (
        "محمود احمدی‌نژاد رئیس جمهور امروز در جمع مربیان سخن گفت.\n\n"
        "احمدی‌نژاد با بیان اینکه ما نمی‌گوییم مربی خارجی نیاید، ولی نباید مربیان خودمان را کوچک کنیم، "
        "گفت: باید از مربیان مجرب استفاده کنیم."
    )
    # before, «نباید» was the speaker of the second quote
    assert _said(body)[1] == (None, "محمود احمدی‌نژاد", "باید از مربیان مجرب استفاده کنیم.")


@pytest.mark.parametrize(
    ("body", "speaker", "span"),
    [
        # a nominal subheading glued to the paragraph: the person after it speaks, through the
        # frame and the cue that follows it
        (
            "پاکسازی ۳ هزار هکتار از اراضی آلوده به مین محمدرضا آشتیانی با اشاره به اینکه این کار"
            " ادامه دارد، گفت: ما برای پاکسازی مرزها آماده‌ایم.",
            "محمدرضا آشتیانی",
            ("محمدرضا آشتیانی", 60),
        ),
        # the headline of what a minister did, glued to the paragraph: the minister after it speaks
        (
            "هشدار وزیر دفاع به کشورهای مداخله‌گر وزیر دفاع در ادامه سخنانش با بیان اینکه هشدار ما جدی است،"
            " تصریح کرد: هر اقدام جاهلانه پاسخ قاطع می‌گیرد.",
            "وزیر دفاع",
            ("وزیر دفاع", 54),
        ),
        # a person in the object of را is no subject: the quoted name before it is
        (
            "«مجید تخت روانچی» نماینده ایران در سازمان ملل سردار قاسم سلیمانی را قهرمان منطقه توصیف کرد.",
            "مجید تخت روانچی",
            ("«مجید تخت روانچی» نماینده ایران", 17),
        ),
    ],
)
def test_a_subject_that_cannot_speak_gives_way_to_the_person_after_it(
    body: str, speaker: str, span: tuple[str, int]
) -> None:
    text = "نشست برگزار شد.\n\n" + body
    quotes = persnews.parse(text).quotes
    assert quotes
    assert {q.speaker_name for q in quotes} == {speaker}
    first = quotes[0].speaker
    assert first is not None
    assert (first.text, first.start) == span
    assert text[first.start : first.end] == first.text


def test_a_person_inside_a_body_name_is_no_glued_subject() -> None:
    text = (
        "نشست برگزار شد.\n\n"
        "مسئول بنیاد نیکوکاری از حضور هزار خانواده تحت پوشش کمیته امداد امام خمینی در سنندج خبر داد."
    )
    (quote,) = persnews.parse(text).quotes
    assert quote.speaker_name == "مسئول بنیاد نیکوکاری"
    assert quote.content.text == "حضور هزار خانواده تحت پوشش کمیته امداد امام خمینی در سنندج"


@pytest.mark.parametrize("credit", ["بنا بر همین گزارش ", "بر اساس این گزارش ", "بنا به این گزارش، "])
def test_this_report_names_no_outlet_and_the_speaker_follows_it(credit: str) -> None:
    body = credit + "سید رمضان جعفری، مدیر شعب پست بانک هرمزگان گفت: کارمندان باید شاداب باشند."
    assert _said(body) == [
        ("سید رمضان جعفری، مدیر شعب پست بانک هرمزگان", "سید رمضان جعفری", "کارمندان باید شاداب باشند.")
    ]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # ولی ("but") opens clauses, yet belongs to this role
        ("نماینده ولی فقیه در آذربایجان‌شرقی گفت: مردم در انتخابات شرکت کنند.", "نماینده ولی فقیه"),
        # the older spelling of مسئول is the same role noun
        (
            "مسوول بنیاد احسان کمیته امداد سنندج گفت: جشن نیکوکاری برگزار می‌شود.",
            "مسوول بنیاد احسان کمیته امداد سنندج",
        ),
        ("وزیر ولی گفت: کار تمام است.", "وزیر"),
    ],
)
def test_a_role_keeps_its_words(body: str, speaker: str) -> None:
    ((said, name, _),) = _said(body)
    assert said == speaker
    assert name == speaker


def test_a_cue_in_a_relative_clause_makes_no_quote_of_its_own() -> None:
    body = (
        "عضو شورای شهر تهران با انتقاد از برخی از اخبار که بیان می‌کند که شرایط شهر ری مناسب است"
        " گفت: به این شهر رسیدگی نشده است."
    )
    assert _said(body) == [("عضو شورای شهر تهران", "عضو شورای شهر تهران", "به این شهر رسیدگی نشده است.")]


@pytest.mark.parametrize("connective", ["بنابراین، ", "لذا ", "در نتیجه ", "از طرف دیگر، ", "با این وجود "])
def test_a_connective_before_the_speaker_is_no_part_of_it(connective: str) -> None:
    assert _said(connective + "وزیر نیرو گفت: طرح آبرسانی تکمیل می‌شود.") == [
        ("وزیر نیرو", "وزیر نیرو", "طرح آبرسانی تکمیل می‌شود.")
    ]


@pytest.mark.parametrize("credit", ["خبرگزاری فارس - ", "خبرگزاری فارس _ ", "خبرگزاری فارس، "])
def test_an_outlet_set_off_by_a_dash_is_a_credit_not_a_speaker(credit: str) -> None:
    assert _said(credit + "یک استاد دانشگاه تهران گفت: وام‌ها کافی نیست.") == [
        ("یک استاد دانشگاه تهران", "استاد دانشگاه تهران", "وام‌ها کافی نیست.")
    ]


def test_the_person_a_body_is_named_after_is_not_its_officer() -> None:
    from persnews._cues import key, lexicon
    from persnews._speakers import parse_phrase

    keys = [key(w) for w in ["مدیر", "کمیته", "امداد", "امام", "خمینی", "سنندج"]]
    # خمینی and امام are known as a speaker's name elsewhere in the article
    phrase = parse_phrase(keys, lexicon(), frozenset({key("امام"), key("خمینی")}))
    assert (phrase.name, phrase.role) == (None, (0, 6))


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a person named after a glued headline that ends in a verb
        (
            "برخورد با خلاف قانون طبیعی است سیدصادق موسوی، مدیرکل دفتر جشنواره‌ها گفت: قانون باید اجرا شود.",
            "سیدصادق موسوی، مدیرکل دفتر جشنواره‌ها",
        ),
        # the pronoun after که opens the clause of the cue
        ("پرسش خبرنگار با تعجب آدامز مواجه شد به نحوی که وی در پاسخ گفت: این نخستین بار است.", "وی"),
        # an adverb that opens the sentence is no speaker
        ("متاسفانه وزیر نیرو گفت: آب کم است.", "وزیر نیرو"),
    ],
)
def test_the_speaker_after_a_headline_a_clause_or_an_adverb(body: str, speaker: str) -> None:
    assert [said for said, _, _ in _said(body)] == [speaker]


@pytest.mark.parametrize("time", ["دیروز ", "صبح امروز ", "هفته گذشته "])
def test_a_time_that_opens_the_sentence_is_no_part_of_the_speaker(time: str) -> None:
    assert _said(time + "وزیر نیرو از افزایش تعرفه برق خبر داد.") == [
        ("وزیر نیرو", "وزیر نیرو", "افزایش تعرفه برق")
    ]


@pytest.mark.parametrize(
    ("body", "said"),
    [
        # a cue that opens the frame's clause names no one to say it: part of the clause
        (
            "علی رضایی با بیان اینکه می‌گویند مردم در انتخابات حضور داشتند گفت: فقط اقلیتی از مردم رای دادند.",
            [
                ("علی رضایی", "علی رضایی", "می‌گویند مردم در انتخابات حضور داشتند"),
                ("علی رضایی", "علی رضایی", "فقط اقلیتی از مردم رای دادند."),
            ],
        ),
        # a person's cue inside the clause is a quote of its own, ending with the clause
        (
            "وزیر کشور با اشاره به اینکه رئیس‌جمهور گفته است انتخابات سالم است، افزود: ما آماده‌ایم.",
            [
                ("وزیر کشور", "وزیر کشور", "رئیس‌جمهور گفته است انتخابات سالم است"),
                ("رئیس‌جمهور", "رئیس‌جمهور", "انتخابات سالم است"),
                ("وزیر کشور", "وزیر کشور", "ما آماده‌ایم."),
            ],
        ),
        # a cue of the clause's own subject (دانست) is no quote: the clause is the speaker's
        (
            "وی با بیان اینکه دولت خود را متولی بازنشستگان می‌داند، بیان کرد: این کار ادامه دارد.",
            [
                ("وی", None, "دولت خود را متولی بازنشستگان می‌داند"),
                ("وی", None, "این کار ادامه دارد."),
            ],
        ),
        # a cue followed by a comma and a clause is the main verb (what the cue after it makes is
        # not asserted here)
        (
            "علاوی با تاکید بر اینکه ملت عراق باید متحد باشد هشدار داد، دخالت خارجی دموکراسی را"
            " به خطر می‌اندازد و کارشناسان اعلام کردند که نگران هستند.",
            [
                ("علاوی", "علاوی", "ملت عراق باید متحد باشد"),
                ("علاوی", "علاوی", "دخالت خارجی دموکراسی را به خطر می‌اندازد"),
            ],
        ),
    ],
)
def test_cues_inside_the_clause_of_a_frame(body: str, said: Said) -> None:
    assert _said(body)[: len(said)] == said


@pytest.mark.parametrize(
    "occasion",
    [
        "در این مراسم که با حضور مسئولان استان برگزار شد، ",
        # commas inside the relative clause list who was there; the one after its verb ends it
        "در این دیدارها که معاون رئیس جمهور، وزیر کشور و نمایندگان قم نیز حضور داشتند، ",
        "در این جلسه، ",
    ],
)
def test_the_speaker_after_an_occasion_and_its_relative_clause(occasion: str) -> None:
    body = occasion + "علی رضایی گفت: حفظ انقلاب هدف همه ماست."
    assert _said(body) == [("علی رضایی", "علی رضایی", "حفظ انقلاب هدف همه ماست.")]


def test_a_person_quoted_inside_a_frame_is_not_whom_a_later_pronoun_means() -> None:
    body = (
        "داوودی با بیان اینکه رهبر انقلاب تصریح فرمودند که دولت آتی باید نقاط ضعف را نداشته باشد"
        " گفت: ما به نقاط قوت توجه کردیم.\n\nوی افزود: تورم مهم‌ترین مشکل است."
    )
    assert _said(body) == [
        ("داوودی", "داوودی", "رهبر انقلاب تصریح فرمودند که دولت آتی باید نقاط ضعف را نداشته باشد"),
        # the colon after گفت marks the main verb: the clause before it is quoted whole
        # (تصریح فرمودند: an honorific light verb)
        ("رهبر انقلاب", "رهبر انقلاب", "دولت آتی باید نقاط ضعف را نداشته باشد"),
        ("داوودی", "داوودی", "ما به نقاط قوت توجه کردیم."),
        ("وی", "داوودی", "تورم مهم‌ترین مشکل است."),
    ]


def test_a_person_quoted_inside_a_colon_quote_is_not_whom_a_later_pronoun_means() -> None:
    body = "علی رضایی گفت: وزیر کشور اعلام کرد که انتخابات سالم است.\n\nوی افزود: مردم باید رای بدهند."
    said = _said(body)
    assert said[-1] == ("وی", "علی رضایی", "مردم باید رای بدهند.")


@pytest.mark.parametrize(
    ("glued", "speaker", "name"),
    [
        # a subheading glued to its paragraph runs on into the person and the roles after a comma
        (
            "عدالت شهری مبنای فعالیت مدیریت شهری میثم مظفر، عضو شورای شهر تهران و رئیس کمیته بودجه این"
            " شورا نیز اظهار کرد: پژوهش یک رویکرد است.",
            "میثم مظفر، عضو شورای شهر تهران و رئیس کمیته بودجه این شورا",
            "میثم مظفر",
        ),
        (
            "تعیین محورهای جشنواره فرهاد محبتی، دبیر اجرایی جشنواره، گفت: پژوهش یک رویکرد است.",
            "فرهاد محبتی، دبیر اجرایی جشنواره",
            "فرهاد محبتی",
        ),
        (
            "لزوم بهره‌گیری از تجارب جهانی در مدیریت شهری مهدی جمالی‌نژاد، معاون عمران وزارت کشور نیز"
            " گفت: پژوهش یک رویکرد است.",
            "مهدی جمالی‌نژاد، معاون عمران وزارت کشور",
            "مهدی جمالی‌نژاد",
        ),
    ],
)
def test_the_person_before_the_roles_after_a_glued_subheading(glued: str, speaker: str, name: str) -> None:
    said = _said("علی رضایی گفت: سلام.\n\n" + glued)
    assert said[1:] == [(speaker, name, "پژوهش یک رویکرد است.")]


def test_a_desk_named_like_an_outlet_is_no_part_of_the_speaker() -> None:
    body = "به گزارش خبرنگار حوزه دولت خبرگزاری فارس عبدالرضا رحمانی فضلی امروز اظهار داشت: کمیته تشکیل شد."
    assert _said(body) == [("عبدالرضا رحمانی فضلی", "عبدالرضا رحمانی فضلی", "کمیته تشکیل شد.")]


def test_a_part_of_a_document_speaks_for_the_document() -> None:
    body = "وزارت خارجه بیانیه‌ای صادر کرد. در بخشی از این قطعنامه آمده است: ما آماده‌ایم."
    speaker, _name, content = _said(body)[0]
    assert (speaker, content) == ("بخشی از این قطعنامه", "ما آماده‌ایم.")


def test_the_custodian_of_a_shrine_is_a_role() -> None:
    body = (
        "آیت‌الله عباس واعظ‌طبسی امروز اظهار کرد: علم مهم است.\n\n"
        "تولیت آستان قدس رضوی با بیان اینکه تولید علم شعار شده است، گفت: این مسئله جدی است."
    )
    # not «آستان قدس رضوی», the body in the role
    assert [name for _, name, _ in _said(body)] == ["عباس واعظ‌طبسی"] * 3


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("در پایان جلسه وزیر کشور گفت: کار تمام است.", "وزیر کشور"),
        ("در ابتدای مراسم رئیس دانشگاه گفت: کار تمام است.", "رئیس دانشگاه"),
        ("در ادامه این نشست علی رضایی گفت: کار تمام است.", "علی رضایی"),
        ("در ابتدای این دیدار نیز، علی رضایی گفت: کار تمام است.", "علی رضایی"),
        ("در ادامه نشست خبری وی گفت: کار تمام است.", "وی"),
    ],
)
def test_a_part_of_an_occasion_is_no_part_of_the_speaker(body: str, speaker: str) -> None:
    assert [said for said, _, _ in _said(body)] == [speaker]


@pytest.mark.parametrize("opener", ["البته ", "حتی "])
def test_a_name_after_an_adverb_and_before_its_role_speaks(opener: str) -> None:
    body = opener + "شهریار افندی‌زاده، معاون حمل و نقل وزیر راه می‌گوید: بلیت جایگزین می‌شود."
    assert _said(body) == [
        ("شهریار افندی‌زاده، معاون حمل و نقل وزیر راه", "شهریار افندی‌زاده", "بلیت جایگزین می‌شود.")
    ]
