"""The source agency: the outlet credited for the report, in each formula Persian news uses."""

from __future__ import annotations

import pytest

import persnews

TITLE = "تیتر خبر\n\n"


@pytest.mark.parametrize(
    ("body", "text", "name"),
    [
        pytest.param("به گزارش ایرنا، وزیر نفت امروز به عسلویه رفت.", "ایرنا", "ایرنا", id="report"),
        pytest.param(
            "به گزارش خبرنگار سیاسی خبرگزاری فارس، مجلس امروز تشکیل جلسه داد.",
            "خبرگزاری فارس",
            "خبرگزاری فارس",
            id="reporter-desk",
        ),
        pytest.param(
            "به گزارش خبرگزاری تسنیم از قم، مراسم برگزار شد.",
            "خبرگزاری تسنیم",
            "خبرگزاری تسنیم",
            id="regional-bureau",
        ),
        pytest.param(
            "خبرگزاری فارس: استاندار گفت: کار تمام شد.", "خبرگزاری فارس", "خبرگزاری فارس", id="lead-colon"
        ),
        pytest.param("تهران - ایرنا - رئیس‌جمهور امروز سخن گفت.", "ایرنا", "ایرنا", id="dateline"),
        pytest.param(
            "استاندار در گفت‌وگو با خبرنگار فارس در اهواز گفت: باران آمد.",
            "فارس",
            "خبرگزاری فارس",
            id="interview-with-reporter",
        ),
        pytest.param(
            "به گزارش خبرنگار آموزش و پرورش خبرگزاری مهر، مدارس باز شد.",
            "خبرگزاری مهر",
            "خبرگزاری مهر",
            id="desk-with-conjunction",
        ),
        pytest.param("به گزارش آران نیوز، نشست برگزار شد.", "آران نیوز", "آران نیوز", id="unknown-outlet"),
        pytest.param("به نقل از ایسنا، قیمت‌ها بالا رفت.", "ایسنا", "ایسنا", id="relayed-only"),
        pytest.param(
            "خبرگزاری فارس - یک استاد دانشگاه گفت: نه.", "خبرگزاری فارس", "خبرگزاری فارس", id="lead-dash"
        ),
        pytest.param(
            "خبرگزاری فارس؛ یادداشت میهمان ـ نویسنده: متن.",
            "خبرگزاری فارس",
            "خبرگزاری فارس",
            id="lead-semicolon",
        ),
        pytest.param(
            "استاد دانشگاه که در گفت‌وگو با خبرگزاری ایسنا سخن می‌گفت، اظهار داشت: نه.",
            "خبرگزاری ایسنا",
            "ایسنا",
            id="interview-with-outlet",
        ),
        pytest.param(
            "به گزارش خبرگزاري فارس، وزير آمد.", "خبرگزاري فارس", "خبرگزاری فارس", id="arabic-letters"
        ),
    ],
)
def test_formulas(body: str, text: str, name: str) -> None:
    article = persnews.parse(TITLE + body)
    assert article.source_agency is not None
    assert article.source_agency.text == text
    assert article.source_agency.name == name
    agency = article.source_agency
    assert article.text[agency.start : agency.end] == agency.text


def test_publisher_wins_over_a_relayed_outlet() -> None:
    body = "خبرگزاری فارس: روسیه از ایران حمایت کرد.\n\nبه گزارش خبرگزاری اینترفکس از مسکو، وزیر سخن گفت."
    agency = persnews.parse(TITLE + body).source_agency
    assert agency is not None
    assert agency.name == "خبرگزاری فارس"


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("وزیر امروز به عسلویه رفت.", id="no-credit"),
        pytest.param("به گزارش خبرنگار ما، وزیر آمد.", id="our-reporter"),
        pytest.param("به گزارش خبرگزاری، وزیر آمد.", id="generic-head-alone"),
        pytest.param("قاسمی گفت: نشست فردا برگزار می‌شود.", id="speaker-colon-is-not-an-agency"),
    ],
)
def test_no_agency(body: str) -> None:
    assert persnews.parse(TITLE + body).source_agency is None


def test_an_outlet_that_speaks_in_the_lead_is_not_the_credit() -> None:
    # رویترز اعلام کرد: is a quote; the credit comes with به گزارش in the next paragraph
    text = (
        "تیتر\n\nرویترز اعلام کرد: قیمت نفت بالا رفت.\n\n"
        "به گزارش گروه اقتصاد بین‌الملل فارس به نقل از رویترز، قیمت نفت افزایش یافت."
    )
    agency = persnews.parse(text).source_agency
    assert agency is not None
    assert (agency.text, agency.name, text[agency.start : agency.end]) == ("فارس", "خبرگزاری فارس", "فارس")
    assert agency.start == text.index("فارس به نقل")


def test_a_lead_credit_names_the_outlet_last() -> None:
    text = "تیتر\n\nفارس پلاس؛ روایت روز - نزدیک به دو ماه گذشت."
    agency = persnews.parse(text).source_agency
    assert agency is not None
    assert (agency.text, agency.name, agency.start) == ("فارس پلاس", "خبرگزاری فارس", 6)
