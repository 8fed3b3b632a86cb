"""Time expressions: each shape Persian news uses, resolved against the publication day."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from persnews.model import TimeExpression, TimeKind
from persnews.normalize import normalize
from persnews.times import extract_times, find_times

D = dt.date
T = dt.time
DATE, RELATIVE, DURATION, WEEKDAY, TIME = (
    TimeKind.DATE,
    TimeKind.RELATIVE,
    TimeKind.DURATION,
    TimeKind.WEEKDAY,
    TimeKind.TIME,
)

#: Thursday 25 آذر 1395.
REF = D(2016, 12, 15)


def only(text: str, ref: dt.date | None = REF) -> TimeExpression:
    found = find_times(text, ref)
    assert len(found) == 1, found
    return found[0]


# (sentence, span text, kind, date, date_end, clock, quantity, unit)
CASES = [
    # absolute Jalali dates
    ("نشست روز ۱۴ آذر ۱۳۹۵ برگزار شد.", "۱۴ آذر ۱۳۹۵", DATE, D(2016, 12, 4), None, None, None, None),
    ("این طرح از ۱۴ آذرماه ۹۵ اجرا می‌شود.", "۱۴ آذرماه ۹۵", DATE, D(2016, 12, 4), None, None, None, None),
    ("قرارداد در تاریخ ۱۳۹۵/۰۹/۱۴ امضا شد.", "۱۳۹۵/۰۹/۱۴", DATE, D(2016, 12, 4), None, None, None, None),
    ("آیین‌نامه در 14/9/1395 ابلاغ شد.", "14/9/1395", DATE, D(2016, 12, 4), None, None, None, None),
    ("وزیر چهاردهم آذر به مسکو رفت.", "چهاردهم آذر", DATE, D(2016, 12, 4), None, None, None, None),
    ("راهپیمایی بیست و دوم بهمن ۱۳۵۷", "بیست و دوم بهمن ۱۳۵۷", DATE, D(1979, 2, 11), None, None, None, None),
    ("کودتای ۲۸ مرداد ۳۲ را یاد کرد.", "۲۸ مرداد ۳۲", DATE, D(1953, 8, 19), None, None, None, None),
    ("در ۱۰ دی‌ماه سال ۹۵ برگزار می‌شود.", "۱۰ دی‌ماه سال ۹۵", DATE, D(2016, 12, 30), None, None, None, None),
    ("سفر در ۵ تیر انجام شد.", "۵ تیر", DATE, D(2016, 6, 25), None, None, None, None),
    ("عید در اول فروردین است.", "اول فروردین", DATE, D(2017, 3, 21), None, None, None, None),
    (
        "صادرات در آذر ماه سال جاری افزایش یافت.",
        "آذر ماه سال جاری",
        DATE,
        D(2016, 11, 21),
        D(2016, 12, 20),
        None,
        None,
        None,
    ),
    ("در اسفند سال گذشته", "اسفند سال گذشته", DATE, D(2016, 2, 20), D(2016, 3, 19), None, None, None),
    ("تورم مهر ۱۳۹۵ اعلام شد.", "مهر ۱۳۹۵", DATE, D(2016, 9, 22), D(2016, 10, 21), None, None, None),
    ("جشنواره هشتم مهرماه جاری بود.", "هشتم مهرماه جاری", DATE, D(2016, 9, 29), None, None, None, None),
    ("تورم مهر گذشته کم شد.", "مهر گذشته", DATE, D(2016, 9, 22), D(2016, 10, 21), None, None, None),
    ("آذر گذشته باران آمد.", "آذر گذشته", DATE, D(2015, 11, 22), D(2015, 12, 21), None, None, None),
    ("فروردین آینده اجرا می‌شود.", "فروردین آینده", DATE, D(2017, 3, 21), D(2017, 4, 20), None, None, None),
    (
        "از ۱۴ تا ۱۶ آذر نمایشگاه برپاست.",
        "۱۴ تا ۱۶ آذر",
        DATE,
        D(2016, 12, 4),
        D(2016, 12, 6),
        None,
        None,
        None,
    ),
    ("جمعه، ۱۴ آذر ۱۳۹۵ نشست شد.", "جمعه، ۱۴ آذر ۱۳۹۵", DATE, D(2016, 12, 4), None, None, None, None),
    ("سال ۱۳۹۵ سال اقتصاد مقاومتی است.", "سال ۱۳۹۵", DATE, D(2016, 3, 20), D(2017, 3, 20), None, None, None),
    ("رشد در سال ۹۴ کم بود.", "سال ۹۴", DATE, D(2015, 3, 21), D(2016, 3, 19), None, None, None),
    ("انقلاب در ۱۳۵۷ شمسی", "۱۳۵۷ شمسی", DATE, D(1978, 3, 21), D(1979, 3, 20), None, None, None),
    ("بهار ۹۶ انتخابات است.", "بهار ۹۶", DATE, D(2017, 3, 21), D(2017, 6, 21), None, None, None),
    ("در تابستان امسال گرم بود.", "تابستان امسال", DATE, D(2016, 6, 21), D(2016, 9, 21), None, None, None),
    ("زمستان گذشته سرد بود.", "زمستان گذشته", DATE, D(2015, 12, 22), D(2016, 3, 19), None, None, None),
    ("فروش در اواخر اسفند بالا می‌رود.", "اسفند", DATE, D(2017, 2, 19), D(2017, 3, 20), None, None, None),
    # Gregorian dates
    ("اجلاس ۲۲ نوامبر ۲۰۱۶ در پاریس بود.", "۲۲ نوامبر ۲۰۱۶", DATE, D(2016, 11, 22), None, None, None, None),
    ("سند در 2016-12-04 منتشر شد.", "2016-12-04", DATE, D(2016, 12, 4), None, None, None, None),
    ("حملات ۱۱ سپتامبر را محکوم کرد.", "۱۱ سپتامبر", DATE, D(2016, 9, 11), None, None, None, None),
    ("قیمت نفت در ژانویه کاهش یافت.", "ژانویه", DATE, D(2017, 1, 1), D(2017, 1, 31), None, None, None),
    (
        "در سال ۲۰۱۶ میلادی رشد کرد.",
        "سال ۲۰۱۶ میلادی",
        DATE,
        D(2016, 1, 1),
        D(2016, 12, 31),
        None,
        None,
        None,
    ),
    ("نشست ۵ می ۲۰۱۷ برگزار شد.", "۵ می ۲۰۱۷", DATE, D(2017, 5, 5), None, None, None, None),
    # Hijri lunar months (tabular calendar)
    ("مراسم ۱۰ محرم برگزار شد.", "۱۰ محرم", DATE, D(2016, 10, 12), None, None, None, None),
    ("عزاداری ماه محرم آغاز شد.", "ماه محرم", DATE, D(2016, 10, 3), D(2016, 11, 1), None, None, None),
    ("سال ۱۴۳۸ قمری آغاز شد.", "سال ۱۴۳۸ قمری", DATE, D(2016, 10, 3), D(2017, 9, 21), None, None, None),
    ("اعیاد شعبان", None, None, None, None, None, None, None),
    # weekdays: the nearest such day, from -3 to +3
    ("هیئت روز شنبه به تهران می‌رود.", "روز شنبه", WEEKDAY, D(2016, 12, 17), None, None, None, None),
    ("جلسه سه‌شنبه برگزار شد.", "سه‌شنبه", WEEKDAY, D(2016, 12, 13), None, None, None, None),
    ("جلسه سه شنبه برگزار شد.", "سه شنبه", WEEKDAY, D(2016, 12, 13), None, None, None, None),
    ("جلسه پنجشنبه برگزار شد.", "پنجشنبه", WEEKDAY, D(2016, 12, 15), None, None, None, None),
    ("جمعه گذشته راهپیمایی شد.", "جمعه گذشته", WEEKDAY, D(2016, 12, 9), None, None, None, None),
    ("جمعه آینده مسابقه است.", "جمعه آینده", WEEKDAY, D(2016, 12, 16), None, None, None, None),
    ("شنبه هفته آینده جلسه است.", "شنبه هفته آینده", WEEKDAY, D(2016, 12, 17), None, None, None, None),
    ("یکشنبه هفته گذشته جلسه بود.", "یکشنبه هفته گذشته", WEEKDAY, D(2016, 12, 4), None, None, None, None),
    ("شب جمعه مراسم بود.", "شب جمعه", WEEKDAY, D(2016, 12, 15), None, None, None, None),
    ("صبح روز جمعه جلسه است.", "صبح روز جمعه", WEEKDAY, D(2016, 12, 16), None, None, None, None),
    # relative days, weeks, months and years
    ("وزیر امروز گفت.", "امروز", RELATIVE, D(2016, 12, 15), None, None, None, None),
    ("سخنگو دیروز اعلام کرد.", "دیروز", RELATIVE, D(2016, 12, 14), None, None, None, None),
    ("پریروز جلسه بود.", "پریروز", RELATIVE, D(2016, 12, 13), None, None, None, None),
    ("پس فردا می‌رود.", "پس فردا", RELATIVE, D(2016, 12, 17), None, None, None, None),
    ("امشب اعلام می‌شود.", "امشب", RELATIVE, D(2016, 12, 15), None, None, None, None),
    ("شب گذشته زلزله آمد.", "شب گذشته", RELATIVE, D(2016, 12, 14), None, None, None, None),
    ("روز گذشته اعلام شد.", "روز گذشته", RELATIVE, D(2016, 12, 14), None, None, None, None),
    ("بامداد امروز انفجاری رخ داد.", "بامداد امروز", RELATIVE, D(2016, 12, 15), None, None, None, None),
    ("فردا صبح جلسه است.", "فردا صبح", RELATIVE, D(2016, 12, 16), None, None, None, None),
    ("هفته گذشته نشست شد.", "هفته گذشته", RELATIVE, D(2016, 12, 3), D(2016, 12, 9), None, None, None),
    ("این هفته جلسه داریم.", "این هفته", RELATIVE, D(2016, 12, 10), D(2016, 12, 16), None, None, None),
    ("ماه آینده انتخابات است.", "ماه آینده", RELATIVE, D(2016, 12, 21), D(2017, 1, 19), None, None, None),
    ("ماه گذشته تورم کم شد.", "ماه گذشته", RELATIVE, D(2016, 10, 22), D(2016, 11, 20), None, None, None),
    ("سال گذشته صادرات کم شد.", "سال گذشته", RELATIVE, D(2015, 3, 21), D(2016, 3, 19), None, None, None),
    ("امسال باران زیاد بود.", "امسال", RELATIVE, D(2016, 3, 20), D(2017, 3, 20), None, None, None),
    ("پارسال باران کم بود.", "پارسال", RELATIVE, D(2015, 3, 21), D(2016, 3, 19), None, None, None),
    (
        "سال جاری میلادی تمام می‌شود.",
        "سال جاری میلادی",
        RELATIVE,
        D(2016, 1, 1),
        D(2016, 12, 31),
        None,
        None,
        None,
    ),
    ("دو روز پیش حادثه رخ داد.", "دو روز پیش", RELATIVE, D(2016, 12, 13), None, None, 2, "day"),
    ("سه سال پیش آغاز شد.", "سه سال پیش", RELATIVE, D(2013, 12, 16), None, None, 3, "year"),
    ("سه ماه دیگر تمام می‌شود.", "سه ماه دیگر", RELATIVE, D(2017, 3, 15), None, None, 3, "month"),
    ("در ۵ سال گذشته رشد کرد.", "۵ سال گذشته", RELATIVE, D(2011, 12, 16), D(2016, 12, 15), None, 5, "year"),
    ("طی ۲۴ ساعت گذشته بارید.", "۲۴ ساعت گذشته", RELATIVE, D(2016, 12, 14), REF, None, 24, "hour"),
    ("در ۱۰ روز آینده", "۱۰ روز آینده", RELATIVE, REF, D(2016, 12, 25), None, 10, "day"),
    ("دو سال و نیم گذشته", "دو سال و نیم گذشته", RELATIVE, D(2014, 6, 15), REF, None, 2.5, "year"),
    ("در سال‌های اخیر تغییر کرد.", "سال‌های اخیر", RELATIVE, None, None, None, None, None),
    # clock times
    ("جلسه ساعت ۱۰ صبح آغاز می‌شود.", "ساعت ۱۰ صبح", TIME, None, None, T(10, 0), None, None),
    ("جلسه ساعت 10:30 آغاز شد.", "ساعت 10:30", TIME, None, None, T(10, 30), None, None),
    ("فینال ساعت ۸ شب آغاز شد.", "ساعت ۸ شب", TIME, None, None, T(20, 0), None, None),
    ("بازی ساعت ۳ بعد از ظهر است.", "ساعت ۳ بعد از ظهر", TIME, None, None, T(15, 0), None, None),
    ("نشست ساعت ۱۰ و ۳۰ دقیقه آغاز شد.", "ساعت ۱۰ و ۳۰ دقیقه", TIME, None, None, T(10, 30), None, None),
    ("حدود ساعت دوازده و نیم پایان یافت.", "ساعت دوازده و نیم", TIME, None, None, T(12, 30), None, None),
    ("ساعت ۱۲ بامداد حادثه رخ داد.", "ساعت ۱۲ بامداد", TIME, None, None, T(0, 0), None, None),
    ("مسابقه ساعت ۲۰:۱۵ فردا است.", "ساعت ۲۰:۱۵ فردا", TIME, D(2016, 12, 16), None, T(20, 15), None, None),
    ("فردا ساعت ۱۶ جلسه است.", "فردا ساعت ۱۶", TIME, D(2016, 12, 16), None, T(16, 0), None, None),
    ("ساعت ۹ صبح روز شنبه", "ساعت ۹ صبح روز شنبه", TIME, D(2016, 12, 17), None, T(9, 0), None, None),
    # durations are not dates
    ("شش سال جنگ ادامه داشت.", "شش سال", DURATION, None, None, None, 6, "year"),
    ("او ۵ سال زندانی بود.", "۵ سال", DURATION, None, None, None, 5, "year"),
    ("مذاکرات دو هفته طول کشید.", "دو هفته", DURATION, None, None, None, 2, "week"),
    ("پرواز ۲ ساعت و نیم تاخیر داشت.", "۲ ساعت و نیم", DURATION, None, None, None, 2.5, "hour"),
    ("سه دهه خدمت کرد.", "سه دهه", DURATION, None, None, None, 3, "decade"),
]


@pytest.mark.parametrize(
    ("sentence", "text", "kind", "date", "date_end", "clock", "quantity", "unit"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_time_expression(
    sentence: str,
    text: str | None,
    kind: TimeKind | None,
    date: dt.date | None,
    date_end: dt.date | None,
    clock: dt.time | None,
    quantity: float | None,
    unit: str | None,
) -> None:
    found = find_times(sentence, REF)
    if text is None:
        assert found == ()
        return
    assert len(found) == 1, found
    t = found[0]
    assert sentence[t.start : t.end] == t.text == text
    assert t.kind == kind
    assert t.date == date
    assert t.date_end == date_end
    assert t.clock == clock
    assert t.quantity == quantity
    assert t.unit == unit
    from persnews.jalali import gregorian_to_jalali

    assert t.jalali == (None if date is None else gregorian_to_jalali(date))


@pytest.mark.parametrize(
    "sentence",
    [
        "به گزارش خبرگزاری مهر، جلسه برگزار شد.",  # مهر the agency
        "دو تیر شلیک شد.",  # تیر "bullet"
        "یک سی دی منتشر شد.",  # دی in "CD"
        "ظریف به مسکو می رود",  # می the verb prefix
        "قیمت ۵ می شود.",  # می after a number
        "حذف ۴ صفر از پول ملی",  # صفر "zero"
        "اطلاعات محرم مانده است.",  # محرم "confidential"
        "در نماز جمعه تهران گفت.",  # Friday prayer
        "امام جمعه شهر گفت.",
        "بازدید از سیلوهای آذر",  # a name
        "بهمن فرمان‌آرا فیلم ساخت.",  # a given name
        "مذاکرات یک روزه بود.",  # an adjective, not a duration
        "بهار عربی را تحلیل کرد.",  # a season with no year
        "تحلیل در روز دیگر",  # "another day"
        "",
    ],
)
def test_homographs_and_non_times(sentence: str) -> None:
    assert find_times(sentence, REF) == ()


def test_bare_month_after_a_word_of_time() -> None:
    assert only("نیمه اول اسفند").text == "اسفند"


# --- the Jalali year boundary and leap years ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "ref", "date", "date_end"),
    [
        # 30 اسفند 1395 exists (1395 is leap); its next day is نوروز 1396
        ("فردا", D(2017, 3, 20), D(2017, 3, 21), None),
        ("دیروز", D(2017, 3, 21), D(2017, 3, 20), None),
        ("ماه آینده", D(2017, 3, 20), D(2017, 3, 21), D(2017, 4, 20)),
        ("ماه گذشته", D(2017, 3, 21), D(2017, 2, 19), D(2017, 3, 20)),
        ("سال آینده", D(2017, 3, 20), D(2017, 3, 21), D(2018, 3, 20)),
        ("سال گذشته", D(2017, 3, 21), D(2016, 3, 20), D(2017, 3, 20)),
        ("امسال", D(2017, 3, 20), D(2016, 3, 20), D(2017, 3, 20)),
        ("هفته آینده", D(2017, 3, 16), D(2017, 3, 18), D(2017, 3, 24)),
        ("اسفند ماه سال گذشته", D(2017, 4, 1), D(2017, 2, 19), D(2017, 3, 20)),
        ("اول فروردین", D(2017, 3, 10), D(2017, 3, 21), None),
        ("۲۹ اسفند", D(2017, 3, 25), D(2017, 3, 19), None),
        ("۱ ماه پیش", D(2017, 4, 19), D(2017, 3, 20), None),
        ("۱ ماه پیش", D(2018, 4, 20), D(2018, 3, 20), None),
        ("۳۰ اسفند ۱۳۹۵", None, D(2017, 3, 20), None),
        ("۱ فروردین ۱۳۹۶", None, D(2017, 3, 21), None),
        ("۲۹ اسفند ۱۳۹۶", None, D(2018, 3, 20), None),
        ("۱ فروردین ۱۳۹۷", None, D(2018, 3, 21), None),
        ("۳۰ اسفند ۱۳۹۹", None, D(2021, 3, 20), None),
        ("۳۰ اسفند ۱۴۰۳", None, D(2025, 3, 20), None),
        ("اسفند ۱۳۹۶", None, D(2018, 2, 20), D(2018, 3, 20)),
        ("اسفند ۱۳۹۵", None, D(2017, 2, 19), D(2017, 3, 20)),
    ],
)
def test_year_boundary_and_leap_years(
    sentence: str, ref: dt.date | None, date: dt.date, date_end: dt.date | None
) -> None:
    t = only(sentence, ref)
    assert t.text == sentence
    assert (t.date, t.date_end) == (date, date_end)


@pytest.mark.parametrize("sentence", ["۳۰ اسفند ۱۳۹۶", "۳۰ اسفند ۱۴۰۰", "۳۱ مهر ۱۳۹۵"])
def test_days_that_do_not_exist_stay_unresolved(sentence: str) -> None:
    t = only(sentence)
    assert (t.kind, t.text, t.date, t.jalali) == (DATE, sentence, None, None)


# --- reference dates ---------------------------------------------------------------------------


def test_without_reference_date_only_absolute_dates_resolve() -> None:
    text = "فردا جمعه، ۱۴ آذر ۱۳۹۵، هفته آینده و ۵ سال گذشته"
    found = find_times(text)
    assert [(t.text, t.kind, t.date) for t in found] == [
        ("فردا", RELATIVE, None),
        ("جمعه، ۱۴ آذر ۱۳۹۵", DATE, D(2016, 12, 4)),
        ("هفته آینده", RELATIVE, None),
        ("۵ سال گذشته", RELATIVE, None),
    ]
    assert found[-1].quantity == 5


@pytest.mark.parametrize(
    ("ref", "friday"),
    [
        (D(2016, 10, 27), D(2016, 10, 28)),  # Thursday: the next day
        (D(2016, 10, 28), D(2016, 10, 28)),  # Friday: that day
        (D(2016, 10, 29), D(2016, 10, 28)),  # Saturday: the day before
        (D(2016, 10, 31), D(2016, 10, 28)),  # Monday: three days before
        (D(2016, 11, 1), D(2016, 11, 4)),  # Tuesday: three days after
    ],
)
def test_weekday_resolves_to_the_nearest_such_day(ref: dt.date, friday: dt.date) -> None:
    assert only("جمعه", ref).date == friday


def test_datetime_reference_is_read_as_its_date() -> None:
    assert only("فردا", dt.datetime(2016, 10, 27, 23, 0)).date == D(2016, 10, 28)


def test_two_digit_years_follow_the_reference_year() -> None:
    assert only("سال ۰۲", D(2023, 6, 1)).date == D(2023, 3, 21)
    assert only("سال ۹۵", D(2023, 6, 1)).date == D(2016, 3, 20)
    assert only("سال ۹۵", None).date == D(2016, 3, 20)


# --- the seed article --------------------------------------------------------------------------


def test_seed_article(seed_text: str) -> None:
    ref = D(2016, 10, 27)  # Thursday 6 آبان 1395, the day before the Moscow meeting
    found = find_times(seed_text, ref)
    for t in found:
        assert seed_text[t.start : t.end] == t.text
    got = [(t.text, t.kind, t.date, t.date_end, t.quantity, t.unit) for t in found]
    tomorrow = D(2016, 10, 28)
    assert got == [
        ("فردا", RELATIVE, tomorrow, None, None, None),
        ("۵ سال گذشته", RELATIVE, D(2011, 10, 28), ref, 5, "year"),
        ("فردا", RELATIVE, tomorrow, None, None, None),
        ("جمعه", WEEKDAY, tomorrow, None, None, None),
        ("جمعه", WEEKDAY, tomorrow, None, None, None),
        ("فردا", RELATIVE, tomorrow, None, None, None),
        ("یک سال گذشته", RELATIVE, D(2015, 10, 28), ref, 1, "year"),
        ("شش سال", DURATION, None, None, 6, "year"),
    ]
    assert found[0].jalali == (1395, 8, 7)


# --- offsets, normalisation and types ------------------------------------------------------------


def test_spans_point_into_the_original_text() -> None:
    text = "خبرگزاري فارس: نشست در ۱۴ دي‌ماه ۹۵ و روز يكشنبه برگزار مي‌شود."
    found = find_times(text, REF)
    assert [(t.text, text[t.start : t.end]) for t in found] == [
        ("۱۴ دي\u200cماه ۹۵", "۱۴ دي\u200cماه ۹۵"),
        ("روز يكشنبه", "روز يكشنبه"),
    ]
    assert found[0].date == D(2017, 1, 3)
    assert found[1].date == D(2016, 12, 18)


def test_extract_times_accepts_any_digit_mode() -> None:
    text = "ساعت ۱۰ صبح ۱۴ آذر ۱۳۹۵ و 2016-12-04"
    expected = find_times(text, REF)
    assert [t.text for t in expected] == ["ساعت ۱۰ صبح ۱۴ آذر ۱۳۹۵", "2016-12-04"]
    assert (expected[0].kind, expected[0].clock, expected[0].date) == (TIME, T(10, 0), D(2016, 12, 4))
    for mode in ("ascii", "persian", "keep"):
        assert extract_times(normalize(text, digits=mode), REF) == expected


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: find_times(b"x"), "decode it first"),  # type: ignore[arg-type]
        (lambda: find_times(None), "expects str"),  # type: ignore[arg-type]
        (lambda: find_times("x", "2016-12-15"), "reference_date"),  # type: ignore[arg-type]
        (lambda: extract_times("x"), "expects a Normalized"),  # type: ignore[arg-type]
    ],
)
def test_wrong_types(call: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        call()  # type: ignore[operator]


_PERSIAN = st.sampled_from(
    [
        "۱۴",
        "14",
        "آذر",
        "ماه",
        "سال",
        "۱۳۹۵",
        "۹۵",
        "فردا",
        "جمعه",
        "روز",
        "هفته",
        "گذشته",
        "آینده",
        "پیش",
        "ساعت",
        "10:30",
        "صبح",
        "شب",
        "و",
        "نیم",
        "تا",
        "دو",
        "هزار",
        "میلیون",
        "محرم",
        "می",
        "این",
        "اسفند",
        "۳۰",
        "1395/12/30",
        "بهار",
        "امسال",
        "،",
        "\n",
        " ",
        "\u200c",
        "ي",
        "\u064b",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=60), st.lists(_PERSIAN, max_size=25).map(" ".join)),
    st.one_of(st.none(), st.dates()),
)
def test_never_raises_and_spans_slice_the_text(text: str, ref: dt.date | None) -> None:
    for t in find_times(text, ref):
        assert text[t.start : t.end] == t.text
        assert t.start < t.end
        if t.date is not None and t.date_end is not None:
            assert t.date <= t.date_end


def test_linear_time_on_hostile_input() -> None:
    pieces = ["۱ ", "هزار میلیون ", "و ", "۱۴ آذر ", "جمعه ", "سال ", "ساعت ", "۲/۳/", "ده‌ها ", "\u200c"]
    text = "".join(pieces[i % len(pieces)] for i in range(20_000))
    start = time.process_time()
    find_times(text, REF)
    assert time.process_time() - start < 20


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("در ۱۴ آذر ۱۰ نفر کشته شدند.", "۱۴ آذر"),
        ("در ۱۴ آذر ۹۵ درصد رای دادند.", "۱۴ آذر"),
        ("۱۴ آذر ۱۳۹۵ نفر آمدند.", "۱۴ آذر"),
    ],
)
def test_a_count_after_a_date_is_not_its_year(sentence: str, text: str) -> None:
    t = find_times(sentence, REF)[0]
    assert (t.text, t.date) == (text, D(2016, 12, 4))


@pytest.mark.parametrize(
    "text",
    ["\ud800 فردا \udfff", "\x00\x01فردا\x7f", "\u0301", "\u200c\u200cفردا\u200c", "۱۴\u200cآذر", "\t\r\n"],
)
@pytest.mark.parametrize("ref", [None, D(1, 1, 1), D(622, 7, 19), D(9999, 12, 31)])
def test_odd_text_and_extreme_reference_dates(text: str, ref: dt.date | None) -> None:
    for sentence in (text, f"{text} ماه محرم، جمعه گذشته، سال آینده، ۱۰ محرم، ۵ سال دیگر، زمستان آینده"):
        for t in find_times(sentence, ref):
            assert sentence[t.start : t.end] == t.text
