"""Entity rules: where the name after a head noun, a title or a given name ends."""

from __future__ import annotations

import pytest

from persnews.entities import find_entities, tag_words
from persnews.model import EntityKind


def runs(sentence: str) -> list[tuple[str, str]]:
    """The (text, type) runs :func:`tag_words` finds in a space-separated sentence."""
    words = sentence.split()
    return [(" ".join(words[s:e]), t) for s, e, t in tag_words(words)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a preposition-like noun ends the body's name
        (
            "نشست کمیسیون امنیت ملی تحت نظارت هیئت رئیسه برگزار شد .",
            [("کمیسیون امنیت ملی", "ORG")],
        ),
        # a second و lists another body, unless the name goes on after it
        (
            "بدهی شرکت ملی پالایش و پخش و خزانه‌داری به دولت رسید .",
            [("شرکت ملی پالایش و پخش", "ORG")],
        ),
        (
            "سازمان راهداری و حمل و نقل جاده‌ای اعلام کرد جاده‌ها باز است .",
            [("سازمان راهداری و حمل و نقل جاده‌ای", "ORG")],
        ),
    ],
)
def test_name_after_head_noun_ends(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert runs(sentence) == expected


def test_plural_after_head_noun_is_no_name() -> None:
    assert runs("در گروه میوه‌های تازه بهای سیب افزایش یافت .") == []
    assert runs("اعضای هیات مدیره‌های سابق بانک‌ها بازداشت شدند .") == []


def test_weak_head_before_place_leaves_the_place() -> None:
    assert runs("کارشناسان حوزه اقتصادی ایران این گزارش را نقد کردند .") == [("ایران", "LOC")]


def test_future_auxiliary_ends_a_place_phrase() -> None:
    assert runs("ما در ورزشگاه خواهیم بود .") == []


def test_unit_of_parliament_runs_with_it() -> None:
    assert runs("عضو کمیسیون کشاورزی مجلس اعلام کرد که این لایحه رد شد .") == [
        ("کمیسیون کشاورزی مجلس", "ORG")
    ]
    assert runs("عضو کمیسیون امنیت ملی و سیاست خارجی مجلس گفت : این طرح بررسی می‌شود .") == [
        ("کمیسیون امنیت ملی و سیاست خارجی مجلس", "ORG")
    ]


def test_unit_of_parliament_names_the_parliament() -> None:
    entities = find_entities("عضو کمیسیون کشاورزی مجلس اعلام کرد که این لایحه رد شد.")
    assert [(e.name, e.kind) for e in entities if e.kind is not EntityKind.ROLE] == [
        ("کمیسیون کشاورزی", EntityKind.ORGANIZATION),
        ("مجلس", EntityKind.ORGANIZATION),
    ]


def test_office_before_a_body_names_the_body_from_its_head() -> None:
    assert runs("معاون فنی شهرداری شیراز گفت : کار آغاز شده است .") == [("شهرداری شیراز", "ORG")]
    assert runs("مدیرکل خدمات شهری شهرداری کرج از اجرای طرح خبر داد .") == [("شهرداری کرج", "ORG")]


def test_person_name_ends_before_a_glued_preposition() -> None:
    assert runs("به گزارش ایسنا ، علی لاریجانی دردقیقه پایانی جلسه سخن گفت .") == [
        ("ایسنا", "ORG"),
        ("علی لاریجانی", "PER"),
    ]


def test_place_and_the_country_it_lies_in_make_one_run() -> None:
    assert runs("این هنرمند در شهر ناپل ایتالیا درگذشت .") == [("شهر ناپل ایتالیا", "LOC")]
    assert runs("زلزله شهرستان مسجد سلیمان استان خوزستان را لرزاند .") == [
        ("شهرستان مسجد سلیمان استان خوزستان", "LOC")
    ]
    assert runs("هیئت ایرانی از تهران و مسکو دیدار کرد .") == [("تهران", "LOC"), ("مسکو", "LOC")]


def test_each_place_of_a_run_stays_an_entity() -> None:
    entities = find_entities("این هنرمند در شهر ناپل ایتالیا درگذشت.")
    assert [(e.name, e.kind, [(m.text, m.start, m.end) for m in e.mentions]) for e in entities] == [
        ("ناپل", EntityKind.LOCATION, [("ناپل", 18, 22)]),
        ("ایتالیا", EntityKind.LOCATION, [("ایتالیا", 23, 30)]),
    ]


def test_team_named_by_generic_words_is_no_name() -> None:
    assert runs("تیم ملی جوانان دیروز راهی اردن شد .") == [("اردن", "LOC")]
    assert runs("تیم کشورمان در این دیدار پیروز شد .") == []


def test_object_before_a_participle_is_no_surname() -> None:
    assert runs("ضارب روی مریم اسید پاشیده و گریخته است .") == [("مریم", "PER")]
    assert runs("محمدرضا عارف دیروز گفت .") == [("محمدرضا عارف", "PER")]


def test_military_unit_named_by_its_number() -> None:
    assert runs("نیروهای تیپ 65 هوابرد به منطقه اعزام شدند .") == [("تیپ 65 هوابرد", "ORG")]
    assert runs("گردان 2 از تیپ 703 لشکر 20 عراق منهدم شد .") == [("تیپ 703 لشکر 20 عراق", "ORG")]
    assert runs("رزمندگان لشکر 27 در این عملیات حضور داشتند .") == [("لشکر 27", "ORG")]


def test_quoted_name_after_organisation_head() -> None:
    assert runs("مدیرعامل شرکت « سپهر داده » استعفا کرد .") == [("شرکت « سپهر داده »", "ORG")]
    assert runs('او به شبکه تلویزیونی " افق نو " گفت .') == [('شبکه تلویزیونی " افق نو "', "ORG")]


def test_quoted_names_listed_after_plural_head() -> None:
    assert runs('شرکت‌های مجاز شامل " آوا رسانه " ، " نیکان تجارت " و " ره‌پویان " هستند .') == [
        ("آوا رسانه", "ORG"),
        ("نیکان تجارت", "ORG"),
        ("ره‌پویان", "ORG"),
    ]


def test_quoted_outlet_after_report_cue() -> None:
    assert runs("به گزارش « پیام نو » ، این طرح اجرا شد .") == [("پیام نو", "ORG")]


def test_name_after_title_ends_before_a_frequent_word() -> None:
    assert runs("حمله به حریم شیخ عیسی قاسم خط قرمز مردم است .") == [("عیسی قاسم", "PER")]


def test_name_ends_before_a_time_of_day() -> None:
    assert runs("به گزارش ایسنا ، علی خاوری پیش‌از‌ظهر امروز گفت : جاده باز است .") == [
        ("ایسنا", "ORG"),
        ("علی خاوری", "PER"),
    ]


def test_less_common_given_names_open_a_name() -> None:
    assert runs("در این مسابقه فرزان عاشورزاده و مهنوش کیومرثی اول شدند .") == [
        ("فرزان عاشورزاده", "PER"),
        ("مهنوش کیومرثی", "PER"),
    ]


def test_clubs_of_other_sports_are_known() -> None:
    assert runs("تیم مهرام تهران در دیدار با شیمیدر قم پیروز شد .") == [
        ("تیم مهرام تهران", "ORG"),
        ("شیمیدر قم", "ORG"),
    ]
    assert runs("در لیگ برتر فوتسال گیتی پسند از سد حفاری اهواز گذشت .") == [
        ("گیتی پسند", "ORG"),
        ("حفاری اهواز", "ORG"),
    ]


def test_border_is_outside_the_country_it_names() -> None:
    assert runs("صدها پناهجو در مرز مقدونیه سرگردان مانده‌اند .") == [("مقدونیه", "LOC")]


def test_blessing_in_brackets_goes_on_the_name() -> None:
    assert runs("سخنان حضرت زینب (س) در کوفه ماندگار شد .") == [("حضرت زینب (س)", "PER"), ("کوفه", "LOC")]
    assert runs("سخنان حضرت علی ( ع ) را خواند .") == [("حضرت علی ( ع )", "PER")]


def test_king_after_a_given_name_goes_on_the_name() -> None:
    assert runs("این قرارداد به امضای مظفرالدین شاه رسید .") == [("مظفرالدین شاه", "PER")]


def test_holiday_phrases_hold_no_name() -> None:
    assert runs("همزمان با عید سعید غدیر کلنگ این مرکز به زمین زده شد .") == []
    assert runs("دیدار ایران با روز تاسوعای حسینی همزمان است .") == [("ایران", "LOC")]
    assert runs("سعید معروف کاپیتان تیم است .") == [("سعید معروف", "PER")]


def test_press_review_line_quoting_someone() -> None:
    assert runs("همدلی از قول وزیر : بودجه عمرانی افزایش می‌یابد") == [("همدلی", "ORG")]
    assert runs("هفت صبح : بازار مسکن در رکود") == [("هفت صبح", "ORG")]
    assert runs("همدلی میان مردم افزایش یافت .") == []


def test_majlis_commissions_and_governments_are_known() -> None:
    assert runs("کمیسیون تلفیق مجلس امروز تشکیل جلسه داد .") == [("کمیسیون تلفیق مجلس", "ORG")]
    assert runs("دولت یازدهم برنامه ششم را ارائه کرد .") == [("دولت یازدهم", "ORG")]


def test_dateline_dash_is_no_part_of_the_place() -> None:
    assert tag_words(["تهران", "", "ایرنا", "-", "وزیر", "گفت"]) == [(0, 1, "LOC"), (2, 3, "ORG")]


def test_public_figures_named_by_surname() -> None:
    assert runs("پوگبا و ابراهیموویچ در این دیدار غایب بودند .") == [
        ("پوگبا", "PER"),
        ("ابراهیموویچ", "PER"),
    ]
    assert runs("کیارستمی در پاریس درگذشت .") == [("کیارستمی", "PER"), ("پاریس", "LOC")]


def test_more_universities_and_companies_are_known() -> None:
    assert runs("دانشجویان دانشگاه بوعلی سینا تجمع کردند .") == [("دانشگاه بوعلی سینا", "ORG")]
    assert runs("شرکت توانیر اعلام کرد .") == [("شرکت توانیر", "ORG")]


def test_a_frequent_noun_alone_is_no_person_without_support() -> None:
    from persnews import find_entities

    for text in (
        "رضایتمندی مردم از خدمات شهرداری ۸۰ درصد است.",
        "وی افزود: رضایت‌مندی شهروندان مهم است.",
        "مدیرکل گفت رضایت‌بخش بودن خدمات مهم است.",
    ):
        assert [(e.name, e.kind.value) for e in find_entities(text)] == []
    # a surname that is no frequent noun stays a person
    assert [(e.name, e.kind.value) for e in find_entities("وی ادامه داد: کریمی در جلسه حضور داشت.")] == [
        ("کریمی", "PERSON")
    ]


def entities_of(text: str) -> list[tuple[str, str]]:
    return [(e.name, e.kind.value) for e in find_entities(text)]


@pytest.mark.parametrize(
    "text",
    [
        # a given name that is also a frequent noun, where the tagger reads no person
        "وی در طول عمر پربرکت خود خدمات زیادی کرد.",
        "خانواده جان باختگان حادثه تجلیل شدند.",
        "مدیر شهرسازی گفت: صدور پروانه ساختمانی برای این واحدها در شهرداری انجام شد.",
        # an honouring adjective after a title is no name
        "این شهید بزرگوار در ابتدا معتقد بود که راه درست است.",
        "یاد شهدای گرانقدر را گرامی داشتند.",
        # the Leadership as an office, not a person
        "مطابق قانون اساسی، رهبری برای تعیین سیاست ها موظف است.",
    ],
)
def test_a_common_reading_makes_no_person(text: str) -> None:
    assert entities_of(text) == []


def test_a_given_name_that_is_a_noun_still_opens_a_name_the_tagger_reads() -> None:
    assert entities_of("جان کری وزیر خارجه آمریکا گفت که مذاکره ادامه دارد.")[0] == ("جان کری", "PERSON")
    # a title after it opens the name
    assert entities_of("جشن میلاد حضرت زهرا (س) برگزار شد.") == [("حضرت زهرا (س)", "PERSON")]


def test_an_epithet_before_a_name_stays_out_of_it() -> None:
    text = "در منزل مادر شهید ارجمند غلامعلی پیچک حضور یافت."
    assert entities_of(text) == [("غلامعلی پیچک", "PERSON")]
    # an unknown martyr is no one's name
    assert entities_of("پیکر دو شهید گمنام در دانشگاه تبریز به خاک سپرده شد.") == [
        ("دانشگاه تبریز", "ORGANIZATION"),
        ("تبریز", "LOCATION"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a desk of the outlet, though حوزه is also an outlet's name
        (
            "وی در گفت‌وگو با خبرنگار حوزه احزاب خبرگزاری فارس گفت: کار تمام است.",
            [("خبرگزاری فارس", "ORGANIZATION")],
        ),
        ("به گزارش حوزه دولت خبرگزاری فارس، جلسه تمام شد.", [("خبرگزاری فارس", "ORGANIZATION")]),
        # a desk whose name holds و, and an outlet told something: the outlet, not the province
        (
            "رضا عزتیان در گفت‌وگو با خبرنگار بهداشت و درمان فارس، اظهار داشت: آبمیوه ها مضر است.",
            [("رضا عزتیان", "PERSON"), ("فارس", "ORGANIZATION")],
        ),
        ("این کارگردان سینما به فارس گفت: فیلم آماده است.", [("فارس", "ORGANIZATION")]),
        ("وی به فارس و خوزستان سفر کرد.", [("فارس", "LOCATION"), ("خوزستان", "LOCATION")]),
    ],
)
def test_an_outlet_its_desk_and_the_place_of_the_same_name(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert entities_of(text) == expected


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # a ministry's domain listed with commas goes on the body's name, with the place it serves
        (
            "سرپرست اداره صنعت، معدن و تجارت قیروکارزین گفت: بازار آرام است.",
            "اداره صنعت، معدن و تجارت قیروکارزین",
        ),
        ("وزیر تعاون، کار و رفاه اجتماعی گفت: بیمه بیکاری پرداخت شد.", "وزارت تعاون، کار و رفاه اجتماعی"),
    ],
)
def test_a_ministry_domain_with_commas_is_one_name(text: str, body: str) -> None:
    assert (body, "ORGANIZATION") in entities_of(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place named after a known person is the place, not the person
        ("مردم در میدان امام خمینی تجمع کردند.", [("میدان امام خمینی", "LOCATION")]),
        ("مراسم در حسینیه امام خمینی (ره) برگزار شد.", [("حسینیه امام خمینی", "LOCATION")]),
        ("نماز در مصلی امام خمینی برگزار شد.", [("مصلی امام خمینی", "LOCATION")]),
        # the honorific of the person it is named after goes on the place's name
        ("در خیابان دکتر شریعتی تصادف شد.", [("خیابان دکتر شریعتی", "LOCATION")]),
        # the person alone stays a person
        ("امام خمینی (ره) فرمودند که کار تمام است.", [("امام خمینی (ره)", "PERSON")]),
        # a place noun alone names no place
        ("مراسم در مساجد، حسینیه و هیئت های مذهبی استان برگزار می شود.", []),
    ],
)
def test_a_place_named_after_a_person(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities_of(text) == expected


def test_a_body_named_with_the_district_it_serves() -> None:
    assert entities_of("فرمانده سپاه ناحیه گچساران گفت: کار تمام شد.") == [
        ("فرمانده سپاه ناحیه گچساران", "ROLE"),
        ("سپاه ناحیه گچساران", "ORGANIZATION"),
        ("گچساران", "LOCATION"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a village no gazetteer knows, listed after a plural noun of places with a known one
        (
            "آب‌رسانی به روستاهای گلستانک، نیم‌ور و دلیجان انجام شد.",
            [("گلستانک", "LOCATION"), ("نیم‌ور", "LOCATION"), ("دلیجان", "LOCATION")],
        ),
        (
            "مسابقه در شهرهای یزد، اشکذر، میبد و اردکان برگزار شد.",
            [("یزد", "LOCATION"), ("اشکذر", "LOCATION"), ("میبد", "LOCATION"), ("اردکان", "LOCATION")],
        ),
        # a list holding a common noun is no list of places
        (
            "او درباره تحریم، تروریسم، فلسطین و سوریه سخن گفت.",
            [("فلسطین", "LOCATION"), ("سوریه", "LOCATION")],
        ),
        # adjectives after a plural noun of places are no places
        ("استان‌های شمالی، غربی و شرقی کشور بارانی است.", []),
        ("کارگاه‌ها در حوزه‌های اقتصادی، اجتماعی و فرهنگی فعال است.", []),
        # a word before a number is a code, not a place
        (
            "نامه را به خیابان ولیعصر، پارک ملت و کدپستی ۱۲۳۴۵ بفرستید.",
            [("خیابان ولیعصر", "LOCATION"), ("پارک ملت", "LOCATION")],
        ),
    ],
)
def test_a_name_listed_with_places_is_a_place(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a director-general heads the اداره کل of the field and province named after the office
        (
            "مدیرکل هواشناسی استان گیلان گفت: فردا باران می‌بارد.",
            [
                ("مدیرکل هواشناسی استان گیلان", "ROLE"),
                ("اداره کل هواشناسی استان گیلان", "ORGANIZATION"),
                ("گیلان", "LOCATION"),
            ],
        ),
        # an adjective of the office is not part of the body's name, and the role goes on past it
        (
            "مدیرکل سابق راه و شهرسازی استان یزد گفت: جاده باز است.",
            [
                ("مدیرکل سابق راه و شهرسازی استان یزد", "ROLE"),
                ("اداره کل راه و شهرسازی استان یزد", "ORGANIZATION"),
                ("یزد", "LOCATION"),
            ],
        ),
        # ... and the nominal part of a compound verb after a body is no outlet (انتخاب)
        (
            "رئیس جدید شورای شهر کرمان انتخاب شد.",
            [
                ("رئیس جدید شورای شهر کرمان", "ROLE"),
                ("شورای شهر کرمان", "ORGANIZATION"),
                ("کرمان", "LOCATION"),
            ],
        ),
        # a ministry's domain in either order, and the place right after it
        (
            "سخنگوی اداره کل میراث فرهنگی، صنایع‌دستی و گردشگری لرستان گفت: موزه باز شد.",
            [
                ("سخنگوی اداره کل میراث فرهنگی، صنایع‌دستی و گردشگری لرستان", "ROLE"),
                ("اداره کل میراث فرهنگی، صنایع‌دستی و گردشگری لرستان", "ORGANIZATION"),
                ("لرستان", "LOCATION"),
            ],
        ),
    ],
)
def test_the_body_an_office_heads(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities_of(text) == expected


def test_a_bureau_named_by_its_chief_and_by_itself_is_one_entity() -> None:
    text = (
        "مدیرکل منابع طبیعی استان قم گفت: جنگل آسیب دید. "
        "به گزارش روابط عمومی اداره کل منابع طبیعی استان قم، بازدید انجام شد."
    )
    (bureau,) = [e for e in find_entities(text) if e.kind is EntityKind.ORGANIZATION]
    assert bureau.name == "اداره کل منابع طبیعی استان قم"
    assert [m.text for m in bureau.mentions] == ["منابع طبیعی استان قم", "اداره کل منابع طبیعی استان قم"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body's name goes on over the province it serves (استان + a known place)
        (
            "روابط عمومی اداره کل منابع طبیعی استان قم اعلام کرد که بازدید انجام شد.",
            [("اداره کل منابع طبیعی استان قم", "ORGANIZATION"), ("قم", "LOCATION")],
        ),
        (
            "شورای اسلامی شهر یاسوج امروز تشکیل جلسه داد.",
            [("شورای اسلامی شهر یاسوج", "ORGANIZATION"), ("یاسوج", "LOCATION")],
        ),
        # a head noun in the Arabic plural names bodies of a kind, not one body
        ("روسای ادارات دولتی استان قم در جلسه حضور داشتند.", [("قم", "LOCATION")]),
    ],
)
def test_a_body_and_the_province_it_serves(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the city a place named after a person lies in is a place of its own
        (
            "مسابقات در سالن شهید بهشتی کرج برگزار شد.",
            [("سالن شهید بهشتی", "LOCATION"), ("کرج", "LOCATION")],
        ),
        ("روستای زاغمرز بهشهر آب ندارد.", [("زاغمرز", "LOCATION"), ("بهشهر", "LOCATION")]),
        # a place named by common words keeps its city (مسجد جامع یزد), as one after an ezafe
        ("نماز جمعه در مسجد جامع یزد اقامه شد.", [("مسجد جامع یزد", "LOCATION")]),
        ("مردم در میدان شهدای ساری جمع شدند.", [("میدان شهدای ساری", "LOCATION")]),
        # an industrial estate, a watershed, a central district: a noun before a place's name
        ("کارخانه در شهرک صنعتی کاسپین ساخته شد.", [("کاسپین", "LOCATION")]),
        ("عملیات در حوزه آبخیز گلپایگان انجام شد.", [("گلپایگان", "LOCATION")]),
        ("این روستا در بخش مرکزی قلعه‌گنج قرار دارد.", [("قلعه‌گنج", "LOCATION")]),
    ],
)
def test_a_place_and_the_city_it_lies_in(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "of the province" after a body's name is no part of it ...
        ("مردم می‌توانند به یگان حفاظت استان خبر بدهند.", [("یگان حفاظت", "ORGANIZATION")]),
        (
            "بنیاد شهید و امور ایثارگران استان اعلام کرد که کار تمام شد.",
            [("بنیاد شهید و امور ایثارگران", "ORGANIZATION")],
        ),
        # ... unless an ezafe takes it in
        ("سپاه شهدای استان اعلام کرد که رزمایش برگزار شد.", [("سپاه شهدای استان", "ORGANIZATION")]),
        # a continuous participle is a verb: اداره کار می‌کرده names no body
        ("او سال‌ها در اداره کار می‌کرده است.", []),
    ],
)
def test_where_a_body_name_ends(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a common noun after an honorific names no one ...
        ("یادواره شهدای دانش‌آموز و فرهنگی شهرستان برگزار شد.", []),
        # ... but an Arabic name goes on with its article, and a name the tagger reads on
        ("حجت‌الاسلام شیخ عبد الحمید صالحی سخنرانی کرد.", [("عبد الحمید صالحی", "PERSON")]),
        ("شهید قهرمان احمدی در جبهه بود.", [("قهرمان احمدی", "PERSON")]),
        # the government alone is no name
        ("حمایت دولت از کشاورزان ادامه دارد.", []),
        # a unit named by adjectives only is no name of its own
        (
            "عضو شورای مرکزی کمیته امداد گفت: کار تمام شد.",
            [("عضو شورای مرکزی کمیته امداد", "ROLE"), ("کمیته امداد", "ORGANIZATION")],
        ),
        ("به نوشته پایگاه اینترنتی سازمان ملل متحد، آب کم است.", [("سازمان ملل متحد", "ORGANIZATION")]),
    ],
)
def test_common_nouns_after_a_title_or_a_unit(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place noun that is also a given name opens a foreign person's name
        (
            "پل برمر حاکم آمریکایی عراق گفت که انتخابات برگزار می‌شود.",
            [("پل برمر", "PERSON"), ("عراق", "LOCATION")],
        ),
        # ... and stays a bridge before a name of ours
        ("تصادف روی پل حافظ رخ داد.", [("پل حافظ", "LOCATION")]),
    ],
)
def test_a_bridge_or_a_first_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb with a preverb ends a body's name: no ب, and می inside it
        ("این بازیکنان باید به باشگاه قبلی برگردند.", []),
        ("بازیکنان به سالن بازمی‌گردند.", []),
        # "are" and adjectives of time follow a body's name, never on it
        ("سازمان ملی جوانان عبارت‌اند از نهادهای دولتی.", [("سازمان ملی جوانان", "ORGANIZATION")]),
        ("اداره‌کل راه و شهرسازی فعلی مسئول این پروژه است.", [("اداره‌کل راه و شهرسازی", "ORGANIZATION")]),
        # ... and a person is named after such a description
        ("فولاد، تیم کنونی پاتوسی به او علاقه دارد.", [("فولاد", "ORGANIZATION"), ("پاتوسی", "PERSON")]),
        # but a surname spelled like one stays a name after a given name
        (
            "در این مراسم علیرضا گوروئی فرماندار، ابراهیم پیرامون مدیرعامل شرکت بهره‌برداری نفت و گاز"
            " مسجدسلیمان و سایر مدیران حضور داشتند.",
            [
                ("علیرضا گوروئی", "PERSON"),
                ("ابراهیم پیرامون", "PERSON"),
                ("مدیرعامل شرکت بهره‌برداری نفت و گاز مسجدسلیمان", "ROLE"),
                ("شرکت بهره‌برداری نفت و گاز مسجدسلیمان", "ORGANIZATION"),
                ("مسجدسلیمان", "LOCATION"),
            ],
        ),
        # the provincial capital is no body: the province is the place
        ("همایش در مرکز استان مازندران برگزار شد.", [("مازندران", "LOCATION")]),
    ],
)
def test_what_follows_a_name_is_not_part_of_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # بنیاد شهید is a body the gazetteer knows: the word after its title names no martyr
        ("جامعه هدف بنیاد شهید حقوق خود را از بانک دریافت می‌کنند.", [("بنیاد شهید", "ORGANIZATION")]),
        # ... and a person after it is named apart
        (
            "رئیس بنیاد شهید محمد احمدی گفت: کار تمام است.",
            [("رئیس بنیاد شهید", "ROLE"), ("بنیاد شهید", "ORGANIZATION"), ("محمد احمدی", "PERSON")],
        ),
        # a body named after a martyr keeps the martyr's name
        (
            "دانشگاه شهید بهشتی میزبان همایش بود.",
            [("دانشگاه شهید بهشتی", "ORGANIZATION"), ("بهشتی", "PERSON")],
        ),
    ],
)
def test_a_known_body_ending_on_a_title_honours_no_one(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a plural, an indefinite or a verb form of a common word names no place or body
        "جشن در میدان موزه‌ای شهر برگزار شد.",
        "مجلس معتقدند که قانون باید اصلاح شود.",
        "این کارگروه ویژه‌ای برای بررسی تشکیل داد.",
    ],
)
def test_an_inflected_common_word_after_a_head_is_no_name(text: str) -> None:
    assert entities_of(text) == []


def test_a_word_the_lexicon_lacks_still_names_a_place_after_its_head() -> None:
    assert entities_of("مراسم در گلزار شهدای کلگه برگزار شد.") == [("گلزار شهدای کلگه", "LOCATION")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second place noun starts a place of its own
        ("مراسم در پارک بزرگ میدان امام خمینی برگزار شد.", [("میدان امام خمینی", "LOCATION")]),
        # a head written twice names the body from its second
        (
            "فرمانده جدید پایگاه پایگاه شهید بابایی اصفهان معرفی شد.",
            [
                ("پایگاه شهید بابایی اصفهان", "ORGANIZATION"),
                ("بابایی", "PERSON"),
                ("اصفهان", "LOCATION"),
            ],
        ),
    ],
)
def test_heads_written_again(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities_of(text) == expected


def test_and_glued_on_a_noun_is_no_name() -> None:
    from persnews.entities import _glued_and, _resources, _Sentence

    sent = _Sentence(["وپیامبر", "وحیدی", "والی", "ودیپلماسی"], _resources())
    assert [_glued_and(sent, i) for i in range(4)] == [True, False, False, True]


def test_a_basij_resistance_district_is_one_body() -> None:
    assert entities_of("مرحله هشتم رزمایش کمک‌های مومنانه ناحیه مقاومت بسیج گچساران آغاز شد.") == [
        ("ناحیه مقاومت بسیج گچساران", "ORGANIZATION"),
        ("گچساران", "LOCATION"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word the lexicon lists without any information, after a county or village noun
        ("حفار غیرمجاز در شهرستان گرمه دستگیر شد.", [("گرمه", "LOCATION")]),
        # ... but not an adjective, nor after a noun as loose as بخش ("part")
        ("این طرح در شهرستان مرزی اجرا شد.", []),
        ("بخش عمده‌ای از کار انجام شد.", []),
    ],
)
def test_a_rare_word_after_a_county_names_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a modal and the participle of a light verb end a body's name
        ("کمیته انضباطی باید درباره این تخلف تصمیم بگیرد.", [("کمیته انضباطی", "ORGANIZATION")]),
        ("معاونت آبزی پروری مرتبط بوده است.", [("معاونت آبزی پروری", "ORGANIZATION")]),
        ("شهرداری سعی کرده است مشکل را حل کند.", []),
        # so do a noun with a possessive ending, "the said" and "finally"
        ("کمیسیون برنامه و بودجه نظرش را اعلام کرد.", [("کمیسیون برنامه و بودجه", "ORGANIZATION")]),
        ("شرکت مذکور اهتمام ویژه‌ای دارد.", []),
    ],
)
def test_a_modal_or_a_participle_ends_a_body_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities_of(text) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "در سخنرانی می‌شود فراوان از بخشش و نیکوکاری گفت اما عمل مهم است.",
        "استاد حوزه با تاکید بر ضرورت پیروی از رهبری گفت: باید متحد باشیم.",
    ],
)
def test_what_one_speaks_of_is_no_speaker(sentence: str) -> None:
    # از ... گفت: the words between از and the speech verb are its topic
    assert [e.name for e in find_entities("تیتر\n\n" + sentence) if e.kind is EntityKind.PERSON] == []


def test_a_surname_before_a_speech_verb_after_and_still_speaks() -> None:
    ents = find_entities("تیتر\n\nوزیر آمد و قاسمی گفت: کار تمام است.")
    assert [(e.name, e.kind) for e in ents] == [("قاسمی", EntityKind.PERSON)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what the people named are (a plural of a frequent noun) ends their names
        ("هادی حجازی و بابک حمیدیان بازیگران این فیلم هستند.", ["هادی حجازی", "بابک حمیدیان"]),
        # a surname in -یان stays
        ("غلامعسکر کریمیان در مراسم حضور یافت.", ["غلامعسکر کریمیان"]),
    ],
)
def test_a_plural_of_people_after_a_name_ends_it(sentence: str, expected: list[str]) -> None:
    people = [e.name for e in find_entities("تیتر\n\n" + sentence) if e.kind is EntityKind.PERSON]
    assert people == expected


Named = list[tuple[str, EntityKind]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # (تیم ملی alone names no body)
        ("من بازیکن تیم ملی هستم و به آینده امیدوارم.", []),
        # پورت and و spell پورتو, a club and a city, but name nothing
        ("این کابل از پورت و سوئیچ عبور می‌کند.", [("کابل", EntityKind.LOCATION)]),
    ],
)
def test_a_copula_or_a_conjunction_ends_no_name(sentence: str, expected: Named) -> None:
    assert [(e.name, e.kind) for e in find_entities("تیتر\n\n" + sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        # an adjective or a superlative after a place noun names nothing
        ("نیروهای انگلیسی در چهار استان جنوبی عراق حضور داشتند.", ["عراق"]),
        ("ریش سفیدان روستا اصلی‌ترین دلایل فقر را کم‌آبی می‌دانند.", []),
        ("فرماندار شهرستان مرزی مریوان گفت: مرز باز است.", ["مریوان"]),
        # a county may be named so when the name stands alone
        ("مدیران شهرستان دشتی، از طرح بازدید کردند.", ["دشتی"]),
    ],
)
def test_an_adjective_after_a_place_noun(sentence: str, places: list[str]) -> None:
    found = [e.name for e in find_entities("تیتر\n\n" + sentence) if e.kind is EntityKind.LOCATION]
    assert found == places


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("وی از روستای «تیمورآباد» بازدید کرد.", ["تیمورآباد"]),
        ('مسابقه در شهر "نومی" ژاپن برگزار می‌شود.', ["نومی", "ژاپن"]),
        # بخش is more often a section than a district
        ("این فیلم در بخش «نگاه اول» جشنواره دیده شد.", []),
    ],
)
def test_a_quoted_name_after_an_administrative_noun_is_the_place(sentence: str, places: list[str]) -> None:
    found = [e.name for e in find_entities("تیتر\n\n" + sentence) if e.kind is EntityKind.LOCATION]
    assert found == places


def test_the_country_inside_a_body_s_name_is_no_place() -> None:
    text = "تیتر\n\nجانشین فرماندهی منطقه پدافند هوایی شرق کشور گفت: سایت راداری فعال است."
    assert [(e.name, e.kind) for e in find_entities(text) if e.kind is not EntityKind.ROLE] == [
        ("پدافند هوایی شرق کشور", EntityKind.ORGANIZATION)
    ]


@pytest.mark.parametrize("written", ["حرم امام (ره)", "حرم امام(ره)", "مرقد امام ( ره )"])
def test_the_shrine_of_the_imam_with_his_blessing_is_a_place(written: str) -> None:
    text = f"تیتر\n\nمراسم در {written} برگزار شد."
    found = [(e.name, e.kind) for e in find_entities(text)]
    assert found == [(written.split("(")[0].strip(), EntityKind.LOCATION)]


@pytest.mark.parametrize(
    ("sentence", "bodies"),
    [
        # a weak head and an adjective, then only a place: a domain, no body
        ("۶۰ کیلومتر از این پروژه در حوزه قراردادی گلستان واقع شده است.", []),
        # a known body stays
        ("مدیر حوزه هنری استان گفت: کار تمام است.", ["حوزه هنری"]),
    ],
)
def test_a_weak_head_and_an_adjective_name_no_body(sentence: str, bodies: list[str]) -> None:
    found = [e.name for e in find_entities("تیتر\n\n" + sentence) if e.kind is EntityKind.ORGANIZATION]
    assert found == bodies


def test_a_commission_of_parliament_and_the_parliament() -> None:
    text = "تیتر\n\nعضو کمیسیون اقتصادی مجلس شورای اسلامی گفت: تورم بالاست."
    bodies = [
        (e.name, [m.text for m in e.mentions])
        for e in find_entities(text)
        if e.kind is EntityKind.ORGANIZATION
    ]
    # not «کمیسیون اقتصادی مجلس» and a body named «شورای اسلامی»
    assert bodies == [("کمیسیون اقتصادی", ["کمیسیون اقتصادی"]), ("مجلس شورای اسلامی", ["مجلس شورای اسلامی"])]


@pytest.mark.parametrize(
    "sentence",
    ["این لایحه در کمیسیون مورد بررسی قرار گرفت.", "وی با اشاره به کمیسیون متبوعش گفت: تورم بالاست."],
)
def test_a_head_and_what_is_done_to_it_name_no_body(sentence: str) -> None:
    assert find_entities("تیتر\n\n" + sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        (
            "نمایندگان اداره‌کل تعاون، کار و رفاه اجتماعی و سایر دستگاه‌های ذی‌ربط حضور داشتند.",
            "اداره‌کل تعاون، کار و رفاه اجتماعی",
        ),
        ("پایگاه تشخیص اوتیسم شهرستان ظرف مدت یک ماه راه‌اندازی شد.", "پایگاه تشخیص اوتیسم شهرستان"),
    ],
)
def test_others_and_within_end_a_body_s_name(sentence: str, body: str) -> None:
    found = [e.name for e in find_entities("تیتر\n\n" + sentence) if e.kind is EntityKind.ORGANIZATION]
    assert found == [body]


def test_a_noun_and_its_adjective_after_and_a_noun_is_no_person() -> None:
    text = "تیتر\n\nپژوهش در حوزه زیرساخت و عمران شهری ادامه دارد. علی لاریجانی و قاسم سلیمانی دیدار کردند."
    people = [e.name for e in find_entities(text) if e.kind is EntityKind.PERSON]
    assert people == ["علی لاریجانی", "قاسم سلیمانی"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # an office word after two given names is no surname
        ("علی رضایی و سعید اشرف رؤسای اتحادیه گفتند: کار تمام است.", "سعید اشرف"),
        # فقط (only) ends a body's name
        ("کمیسیون تخصصی آموزش و تحقیقات فقط این طرح را بررسی می‌کند.", "کمیسیون تخصصی آموزش و تحقیقات"),
    ],
)
def test_what_ends_a_phrase_is_no_part_of_a_name(sentence: str, name: str) -> None:
    names = [e.name for e in find_entities("تیتر\n\n" + sentence) if e.kind is not EntityKind.ROLE]
    assert names[-1] == name


@pytest.mark.parametrize(
    "sentence",
    [
        # a verb with its preverb (the lexicon lists شمرد) and a comparative name no place
        "وی تامین نهاده را از مشکلات فعالان این بخش برشمرد و تأکید کرد: کار سخت است.",
        "وضعیت کم‌آبی در استان وخیم‌تر از استان‌های پایین دستی است.",
    ],
)
def test_a_verb_or_a_comparative_after_a_place_noun_names_no_place(sentence: str) -> None:
    assert [e for e in find_entities("تیتر\n\n" + sentence) if e.kind is EntityKind.LOCATION] == []


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        # the words after the credit's comma, before a time and with a speech verb later, name who speaks
        (
            "به گزارش خبرگزاری فارس از همدان، حسن نوری ظهر امروز در نشست خبری اظهار کرد: کار ادامه دارد.",
            "حسن نوری",
        ),
        ("به گزارش فارس از نوشهر، عظیم فرد پیش از ظهر امروز در کنفرانس گفت: امواج مرز ندارند.", "عظیم فرد"),
        ("به گزارش فارس، ناصر پورمعلم یکشنبه در جلسه گفت: کار ادامه دارد.", "ناصر پورمعلم"),
        (
            "به گزارش فارس از کرمان به نقل از روابط عمومی دادگستری استان کرمان، دادخدا سالاری"
            " در تشریح جزئیات گفت: بله.",
            "دادخدا سالاری",
        ),
        # a name opening the sentence with a given name; the office after the name ends it
        ("قاسم جعفری نماینده مردم بجنورد در مجلس نیز گفت: بله.", "قاسم جعفری"),
        # a rank before the name stays out of it
        ("امیرخلبان عزیز نصیرزاده در مراسم گفت: بله.", "عزیز نصیرزاده"),
    ],
)
def test_the_name_of_who_speaks_is_a_person(sentence: str, person: str) -> None:
    people = [e.name for e in find_entities("تیتر\n\n" + sentence) if e.kind is EntityKind.PERSON]
    assert people == [person]


@pytest.mark.parametrize(
    "sentence",
    [
        "به گزارش فارس، قیمت نفت امروز در بازار افزایش یافت.",
        "به گزارش فارس، وزیر کشور امروز در جلسه گفت: بله.",
    ],
)
def test_no_person_after_a_credit_without_a_name(sentence: str) -> None:
    assert [e for e in find_entities("تیتر\n\n" + sentence) if e.kind is EntityKind.PERSON] == []


def test_a_name_opening_a_sentence_before_a_time_is_a_person() -> None:
    text = (
        "تیتر\n\nمحسن محمدی پور ظهر امروز در جلسه گفت: کار ادامه دارد."
        " مردم ایران امروز در انتخابات گفتند که راضی‌اند."
    )
    assert [e.name for e in find_entities(text) if e.kind is EntityKind.PERSON] == ["محسن محمدی پور"]


@pytest.mark.parametrize(
    ("sentence", "bodies"),
    [
        ("وی در حوزه انرژی فعال است و با گروه سلامت همکاری دارد.", []),
        ("طلاب حوزه علمیه در مراسم حضور داشتند.", ["حوزه علمیه"]),
    ],
)
def test_a_weak_head_and_one_common_word_name_a_field(sentence: str, bodies: list[str]) -> None:
    found = [e.name for e in find_entities("تیتر\n\n" + sentence) if e.kind is EntityKind.ORGANIZATION]
    assert found == bodies


def test_kian_the_common_word_names_no_one() -> None:
    # کیان is a given name and a common word (کیان اسلامی: the existence of Islam)
    assert find_entities("تیتر\n\nمسلمانان برای دفاع از کیان اسلامی متحد شدند.") == ()
