"""Events: kinds from the trigger lexicon, with place, time and participants."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

import attrs
import pytest
from conftest import best_of_three
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import persnews
from persnews import Article, Entity, EntityKind, Event, EventKind, Mention, TimeExpression, TimeKind
from persnews import events as events_module
from persnews.events import extract_events, find_events
from persnews.segment import segment_article

PER, LOC, ORG = EntityKind.PERSON, EntityKind.LOCATION, EntityKind.ORGANIZATION


@pytest.fixture(autouse=True)
def _no_packaged_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests give their entities; the packaged gazetteer, which only
    serves articles without entities, has tests of its own below."""
    monkeypatch.setattr(events_module, "_packaged_gazetteer", lambda: None)


def _entities(text: str, names: Mapping[str, EntityKind]) -> tuple[Entity, ...]:
    """Entities whose mentions are every whole-word occurrence of each name
    (longer names first, so that a name inside a longer one is not repeated)."""
    taken: list[tuple[int, int]] = []
    out = []
    for k, (name, kind) in enumerate(sorted(names.items(), key=lambda item: -len(item[0]))):
        mentions = []
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append(m.span())
            mentions.append(Mention(m.start(), m.end(), m.group(), kind=kind))
        if mentions:
            out.append(Entity(f"e{k + 1}", name, kind, tuple(mentions)))
    return tuple(out)


def _times(text: str, forms: Sequence[str]) -> tuple[TimeExpression, ...]:
    out = []
    for form in forms:
        i = text.index(form)
        out.append(TimeExpression(i, i + len(form), form, kind=TimeKind.RELATIVE))
    return tuple(out)


def _events(
    text: str, names: Mapping[str, EntityKind] | None = None, times: Sequence[str] = ()
) -> tuple[Event, ...]:
    article, normalized = segment_article(text)
    article = attrs.evolve(article, entities=_entities(text, names or {}), times=_times(text, times))
    events = extract_events(article, normalized)
    for event in events:
        for span in [event.trigger, *event.participants, event.location, event.time]:
            if span is not None:
                assert text[span.start : span.end] == span.text
    return events


def _summary(event: Event) -> tuple[str, str, str | None, tuple[str, ...], str | None]:
    return (
        event.kind.value,
        event.trigger.text,
        event.location.text if event.location else None,
        tuple(p.text for p in event.participants),
        event.time.text if event.time else None,
    )


# (sentence, entities, events as (kind, trigger, location, participants, time))
CASES = [
    pytest.param(
        "محمدجواد ظریف روز دوشنبه در تهران با وزیر خارجه عمان دیدار کرد.",
        {"محمدجواد ظریف": PER, "تهران": LOC, "عمان": LOC},
        [("meeting", "دیدار کرد", "تهران", ("محمدجواد ظریف", "عمان"), "روز دوشنبه")],
        id="meeting-light-verb",
    ),
    pytest.param(
        "نشست وزیران نفت اوپک فردا در وین برگزار می‌شود.",
        {"اوپک": ORG, "وین": LOC},
        [("meeting", "نشست", "وین", ("اوپک",), "فردا")],
        id="meeting-noun",
    ),
    pytest.param(
        "رئیس‌جمهور افغانستان و نخست‌وزیر عراق دیدار و گفت‌وگو کردند.",
        {"افغانستان": LOC, "عراق": LOC},
        [("meeting", "دیدار و گفت‌وگو کردند", None, ("افغانستان", "عراق"), None)],
        id="meeting-coordinated-nouns",
    ),
    pytest.param(
        "روحانی و اردوغان در آنکارا دیدار کردند و درباره سوریه گفت‌وگو کردند.",
        {"روحانی": PER, "اردوغان": PER, "آنکارا": LOC, "سوریه": LOC},
        [("meeting", "دیدار کردند", "آنکارا", ("روحانی", "اردوغان"), None)],
        id="meeting-two-triggers-one-event",
    ),
    pytest.param(
        "این بار مذاکرات ایران و گروه ۱+۵ در ژنو دنبال خواهد شد.",
        {"ایران": LOC, "ژنو": LOC},
        [("meeting", "مذاکرات", "ژنو", ("ایران",), None)],
        id="meeting-country-is-a-party",
    ),
    pytest.param(
        "ظریف فردا به مسکو می رود.",
        {"ظریف": PER, "مسکو": LOC},
        [("travel", "می رود", "مسکو", ("ظریف",), "فردا")],
        id="travel-destination-verb",
    ),
    pytest.param(
        "لاریجانی صبح امروز وارد دمشق شد.",
        {"لاریجانی": PER, "دمشق": LOC},
        [("travel", "وارد", "دمشق", ("لاریجانی",), "صبح امروز")],
        id="travel-entered",
    ),
    pytest.param(
        "سفر شی جین‌پینگ به تهران هفته آینده انجام می‌شود.",
        {"شی جین‌پینگ": PER, "تهران": LOC},
        [("travel", "سفر", "تهران", ("شی جین‌پینگ",), "هفته آینده")],
        id="travel-noun",
    ),
    pytest.param(
        "توده گرد و غبار از عراق وارد استان ایلام شد.",
        {"عراق": LOC, "ایلام": LOC},
        [],
        id="travel-needs-a-traveller",
    ),
    pytest.param(
        "انتظار می‌رود قیمت نفت در بازار لندن به ۶۰ دلار برسد.",
        {"لندن": LOC},
        [],
        id="not-travel-expected",
    ),
    pytest.param(
        "وزیر نیرو از سد کرخه در استان خوزستان بازدید کرد.",
        {"سد کرخه": LOC, "خوزستان": LOC},
        [("visit", "بازدید کرد", "خوزستان", (), None)],
        id="visit",
    ),
    pytest.param(
        "جنگنده‌های سعودی شامگاه گذشته مواضعی در شهر صعده را بمباران کردند.",
        {"صعده": LOC},
        [("attack", "بمباران کردند", "صعده", (), "شامگاه گذشته")],
        id="attack-bombing",
    ),
    pytest.param(
        "گروه تروریستی داعش به یک پاسگاه پلیس در شمال عراق حمله کرد.",
        {"داعش": ORG, "عراق": LOC},
        [("attack", "حمله کرد", "عراق", ("داعش",), None)],
        id="attack-light-verb",
    ),
    pytest.param(
        'به گزارش فارس به نقل از روزنامه "نیوز"، ارتش پاکستان در منطقه "باجور" به مواضع طالبان حمله کرد.',
        {"فارس": ORG, "نیوز": ORG, "ارتش پاکستان": ORG, "طالبان": ORG},
        [("attack", "حمله کرد", "باجور", ("ارتش پاکستان", "طالبان"), None)],
        id="attack-outlets-credited-are-no-participants",
    ),
    pytest.param(
        "ارتش سوریه به این منطقه حمله نکرد.",
        {"ارتش سوریه": ORG},
        [],
        id="attack-negated",
    ),
    pytest.param(
        "این فیلم در جشنواره مورد هجوم منتقدان قرار نگرفت.",
        {},
        [],
        id="attack-negated-a-few-words-on",
    ),
    pytest.param(
        "گروه‌های تکفیری روز گذشته به محور مقاومت حمله کردند.",
        {},
        [("attack", "حمله کردند", None, (), "روز گذشته")],
        id="attack-axis-is-no-place",
    ),
    pytest.param(
        "انفجار یک خودروی بمب‌گذاری‌شده در بغداد دست‌کم ۱۰ کشته برجای گذاشت.",
        {"بغداد": LOC},
        [("explosion", "انفجار", "بغداد", (), None), ("death", "کشته", "بغداد", (), None)],
        id="explosion-and-deaths",
    ),
    pytest.param(
        "بمبی در شهر کویته منفجر شد.",
        {},
        [("explosion", "منفجر شد", "کویته", (), None)],
        id="explosion-place-noun-without-entities",
    ),
    pytest.param(
        "انتخابات ریاست‌جمهوری فرانسه یکشنبه برگزار شد.",
        {"فرانسه": LOC},
        [("election", "انتخابات", None, ("فرانسه",), "یکشنبه")],
        id="election-noun",
    ),
    pytest.param(
        "حسن روحانی با ۵۷ درصد آرا به عنوان رئیس‌جمهور انتخاب شد.",
        {"حسن روحانی": PER},
        [("election", "انتخاب شد", None, ("حسن روحانی",), None)],
        id="election-verb",
    ),
    pytest.param(
        "ایران و ترکیه روز سه‌شنبه در آنکارا هشت سند همکاری امضا کردند.",
        {"ایران": LOC, "ترکیه": LOC, "آنکارا": LOC},
        [("agreement", "امضا کردند", "آنکارا", ("ایران", "ترکیه"), "روز سه‌شنبه")],
        id="agreement-signing",
    ),
    pytest.param(
        "تفاهم‌نامه همکاری میان دو کشور به امضا رسید.",
        {},
        [("agreement", "به امضا رسید", None, (), None)],
        id="agreement-noun-and-verb-one-event",
    ),
    pytest.param(
        "هزاران نفر روز شنبه در مرکز شهر لندن در اعتراض به جنگ راهپیمایی کردند.",
        {"لندن": LOC},
        [("protest", "راهپیمایی کردند", "لندن", (), "روز شنبه")],
        id="protest",
    ),
    pytest.param(
        "پلیس آگاهی تهران سه سارق مسلح را در شهرستان ورامین دستگیر کرد.",
        {"پلیس آگاهی تهران": ORG, "ورامین": LOC},
        [("arrest", "دستگیر کرد", "ورامین", ("پلیس آگاهی تهران",), None)],
        id="arrest-active",
    ),
    pytest.param(
        "دو نفر به اتهام قاچاق در فرودگاه امام خمینی بازداشت شدند.",
        {"فرودگاه امام خمینی": LOC},
        [("arrest", "بازداشت شدند", "فرودگاه امام خمینی", (), None)],
        id="arrest-passive",
    ),
    pytest.param(
        "تصادف دو خودروی سواری بامداد امروز در نزدیکی شهر بم سه کشته برجای گذاشت.",
        {"بم": LOC},
        [
            ("accident", "تصادف", "بم", (), "بامداد امروز"),
            ("death", "کشته", "بم", (), "بامداد امروز"),
        ],
        id="accident-and-deaths",
    ),
    pytest.param(
        "هفت کوهنورد بر اثر ریزش بهمن در ارتفاعات دماوند جان باختند.",
        {"دماوند": LOC},
        [("death", "جان باختند", "دماوند", (), None)],
        id="death-light-verb",
    ),
    pytest.param(
        "شرکت ملی نفت ایران روز چهارشنبه از کشف یک میدان گازی در خلیج فارس خبر داد.",
        {"شرکت ملی نفت ایران": ORG, "خلیج فارس": LOC},
        [("announcement", "خبر داد", "خلیج فارس", ("شرکت ملی نفت ایران",), "روز چهارشنبه")],
        id="announcement-reported",
    ),
    pytest.param(
        "مدیرکل هواشناسی در گفت‌وگو با خبرنگار ایسنا در ارومیه اظهار کرد که هوا سرد می‌شود.",
        {"ایسنا": ORG, "ارومیه": LOC},
        [("announcement", "گفت‌وگو با خبرنگار", "ارومیه", (), None)],
        id="announcement-interview-with-reporter",
    ),
    pytest.param(
        "وزیر خارجه در گفت‌وگویی با ایرنا اعلام کرد که سفارت بازگشایی می‌شود.",
        {"ایرنا": ORG},
        [("announcement", "اعلام کرد", None, ("ایرنا",), None)],
        id="announcement-interview-with-agency",
    ),
    pytest.param(
        "علی رضایی امروز در گفت‌وگو با خبرنگار فارس در زنجان اظهار کرد: نان گران می‌شود.",
        {},
        [("announcement", "گفت‌وگو با خبرنگار", "زنجان", (), "امروز")],
        id="reporter-formula-names-the-place",
    ),
    pytest.param(
        "وزیر خارجه ازبکستان که به شهر «دوشنبه» سفر کرده با همتای هندی خود دیدار کرد.",
        {},
        # (the meeting is where the trip went)
        [("travel", "سفر کرده", "دوشنبه", (), None), ("meeting", "دیدار کرد", "دوشنبه", (), None)],
        id="city-named-like-a-weekday-is-no-time",
    ),
    pytest.param(
        "رئیس جمهور با سفر به شهر مقدس قم با مراجع تقلید دیدار کرد.",
        {},
        # an office travels; the epithet (مقدس) is no place; the meeting is where the trip went
        [("travel", "سفر", "قم", (), None), ("meeting", "دیدار کرد", "قم", (), None)],
        id="an-office-travels-to-a-city-with-an-epithet",
    ),
    pytest.param(
        "در استان آشوب‌زده الانبار یک فرمانده کشته شد.",
        {},
        [("death", "کشته شد", "الانبار", (), None)],
        id="an-epithet-of-a-province-is-no-place",
    ),
    pytest.param(
        "انفجار بمب در خیابان دکتر شریعتی سه کشته برجای گذاشت.",
        {},
        [("explosion", "انفجار بمب", "دکتر شریعتی", (), None), ("death", "کشته", "دکتر شریعتی", (), None)],
        id="street-named-after-a-person",
    ),
    pytest.param(
        "مهاجمان پس از حمله به ساحل بازگشتند.",
        {},
        [],
        id="a-verb-is-no-place-name",
    ),
    pytest.param(
        "پرسپولیس و استقلال در هفته دوم لیگ برتر در ورزشگاه آزادی دیدار می‌کنند.",
        {"ورزشگاه آزادی": LOC},
        [],
        id="a-sports-fixture-is-no-meeting",
    ),
    pytest.param(
        "وزیر خارجه روز شنبه در مصاحبه‌ای با الجزیره گفت ایران آماده است.",
        {},
        [("announcement", "مصاحبه‌ای", None, (), "روز شنبه")],
        id="announcement-interview-preposition-left-out",
    ),
    pytest.param(
        "برای حل مشکلات باید با همسایگان گفت‌وگو کنیم.",
        {},
        [],
        id="a-subjunctive-after-a-modal-is-no-event",
    ),
    pytest.param(
        "عباس یا باید با اشغالگران مذاکره می‌کرد یا با حماس.",
        {"عباس": PER, "حماس": ORG},
        [],
        id="a-past-verb-after-a-modal-is-no-event",
    ),
    pytest.param(
        "ظریف روز شنبه از تهران تا مشهد با قطار سفر کرد.",
        {"ظریف": PER, "تهران": LOC, "مشهد": LOC},
        [("travel", "سفر کرد", "مشهد", ("ظریف",), "روز شنبه")],
        id="travel-from-to",
    ),
    pytest.param(
        "قرار است وزیران خارجه دو کشور هفته آینده در ژنو دیدار کنند.",
        {"ژنو": LOC},
        [("meeting", "دیدار کنند", "ژنو", (), "هفته آینده")],
        id="a-planned-meeting-is-an-event",
    ),
    pytest.param(
        "کاربران با آدرس اعلام شده از سوی شرکت به سایت راه نیافتند.",
        {},
        [],
        id="a-participle-used-as-adjective-is-no-event",
    ),
    pytest.param(
        "دو متهم در شهرستان ورامین دستگیر شده و به زندان منتقل شدند.",
        {"ورامین": LOC},
        [("arrest", "دستگیر شده", "ورامین", (), None)],
        id="a-participle-cut-short-before-and-is-a-verb",
    ),
    pytest.param(
        "این نهال‌ها در سال‌های گذشته به بار نشست و درختان بزرگی شد.",
        {},
        [],
        id="idiom-is-not-a-meeting",
    ),
]


@pytest.mark.parametrize(("text", "names", "expected"), CASES)
def test_events_in_one_sentence(
    text: str, names: Mapping[str, EntityKind], expected: list[tuple[object, ...]]
) -> None:
    assert [_summary(e) for e in _events(text, names)] == expected


def test_arguments_link_to_entities() -> None:
    text = "محمدجواد ظریف در مسکو با سرگئی لاوروف دیدار کرد. ظریف سپس به تهران بازگشت."
    names = {"محمدجواد ظریف": PER, "سرگئی لاوروف": PER, "مسکو": LOC, "تهران": LOC}
    article, normalized = segment_article(text)
    entities = _entities(text, names)
    # ظریف is a second mention of the same person.
    zarif = entities[0]
    i = text.index("ظریف سپس")
    entities = (
        attrs.evolve(zarif, mentions=(*zarif.mentions, Mention(i, i + 4, "ظریف", kind=PER))),
        *entities[1:],
    )
    ids = {e.name: e.id for e in entities}
    events = extract_events(attrs.evolve(article, entities=entities), normalized)
    assert [_summary(e) for e in events] == [
        ("meeting", "دیدار کرد", "مسکو", ("محمدجواد ظریف", "سرگئی لاوروف"), None),
        ("travel", "بازگشت", "تهران", ("ظریف",), None),
    ]
    meeting, travel = events
    assert meeting.location is not None
    assert meeting.location.entity == ids["مسکو"]
    assert [p.entity for p in meeting.participants] == [ids["محمدجواد ظریف"], ids["سرگئی لاوروف"]]
    assert travel.participants[0].entity == ids["محمدجواد ظریف"]
    assert travel.location is not None
    assert travel.location.entity == ids["تهران"]


def test_time_expressions_of_the_article_are_used() -> None:
    text = "رئیس‌جمهور روز ۱۴ آذر در مشهد با استاندار دیدار کرد."
    events = _events(text, {"مشهد": LOC}, times=["روز ۱۴ آذر"])
    assert [_summary(e) for e in events] == [("meeting", "دیدار کرد", "مشهد", (), "روز ۱۴ آذر")]
    assert events[0].time is not None
    assert events[0].time.start == text.index("روز ۱۴ آذر")


def test_a_city_named_like_a_weekday_is_a_place_not_a_time() -> None:
    text = "به گزارش خبرنگار فارس در دوشنبه، حزب کمونیست تاجیکستان از معرفی نامزد خود خبر داد."
    events = _events(text, {"دوشنبه": LOC, "فارس": ORG, "حزب کمونیست تاجیکستان": ORG}, times=["دوشنبه"])
    assert [_summary(e) for e in events] == [
        ("announcement", "خبر داد", "دوشنبه", ("حزب کمونیست تاجیکستان",), None)
    ]


def test_durations_are_not_event_times() -> None:
    text = "دو کشور پس از شش سال در ژنو توافق کردند."
    article, normalized = segment_article(text)
    i = text.index("شش سال")
    duration = TimeExpression(i, i + 6, "شش سال", kind=TimeKind.DURATION, quantity=6, unit="year")
    article = attrs.evolve(article, entities=_entities(text, {"ژنو": LOC}), times=(duration,))
    assert [_summary(e) for e in extract_events(article, normalized)] == [
        ("agreement", "توافق کردند", "ژنو", (), None)
    ]


def test_time_words_are_not_read_inside_names_of_offices() -> None:
    events = _events("امام جمعه تهران در مراسم بزرگداشت شهدا در مصلی سخنرانی کرد.", {"تهران": LOC})
    assert [e.time for e in events] == [None]


def test_location_of_a_meeting_held_far_after_its_noun() -> None:
    text = (
        "نشست سه جانبه وزیران خارجه روسیه و ایران و ترکیه برای بررسی آخرین تحولات منطقه، "
        "افزایش همکاری‌های اقتصادی، اوضاع حلب و وضعیت گذرگاه‌های مرزی در مسکو برگزار می‌شود."
    )
    names = {"روسیه": LOC, "ایران": LOC, "ترکیه": LOC, "حلب": LOC, "مسکو": LOC}
    assert [_summary(e) for e in _events(text, names)] == [
        ("meeting", "نشست", "مسکو", ("روسیه", "ایران", "ترکیه"), None)
    ]


def test_dateline_places_events_of_the_headline_and_the_credit_line() -> None:
    text = (
        "برگزاری همایش ملی آب\n\n"
        "به گزارش خبرگزاری فارس از یزد، همایش ملی مدیریت منابع آب صبح امروز آغاز شد.\n\n"
        "در این همایش کارشناسان سخنرانی کردند."
    )
    names = {"خبرگزاری فارس": ORG, "یزد": LOC}
    assert [_summary(e) for e in _events(text, names)] == [
        ("meeting", "همایش", "یزد", (), None),
        ("meeting", "همایش", "یزد", (), "صبح امروز"),
    ]


def test_dateline_does_not_place_what_a_speaker_recalls() -> None:
    text = (
        "خطبه‌های نماز جمعه بابل\n\n"
        "به گزارش خبرگزاری فارس از بابل، خطیب جمعه در خطبه‌ها گفت امام یازدهم در جوانی به شهادت رسید."
    )
    assert [_summary(e) for e in _events(text, {"بابل": LOC})] == [("death", "به شهادت رسید", None, (), None)]


def test_anaphoric_and_bare_nouns_are_not_new_events() -> None:
    text = "در این دیدار طرفین بر گسترش روابط تاکید کردند. مذاکره همیشه راه بهتری است."
    assert _events(text) == ()


def test_no_entities_no_times_still_finds_places_after_place_nouns_and_time_words() -> None:
    text = "دو سارق مسلح روز جمعه در منطقه «شهرک غرب» دستگیر شدند."
    assert [_summary(e) for e in _events(text)] == [("arrest", "دستگیر شدند", "شهرک غرب", (), "روز جمعه")]


def test_headline_counts(seed_text: str) -> None:
    names = {
        "محمدجواد ظریف": PER,
        "ظریف": PER,
        "سرگئی لاوروف": PER,
        "ولیدالمعلم": PER,
        "قاسمی": PER,
        "بشار اسد": PER,
        "مسکو": LOC,
        "ایران": LOC,
        "سوریه": LOC,
        "روسیه": LOC,
        "تهران": LOC,
        "دمشق": LOC,
        "عراق": LOC,
        "حلب": LOC,
        "آمریکا": LOC,
        "ایرنا": ORG,
        "آران نیوز": ORG,
        "داعش": ORG,
        "جبهه النصره": ORG,
        "وزارت امور خارجه": ORG,
    }
    events = _events(seed_text, names)
    travel = [_summary(e) for e in events if e.kind == EventKind.TRAVEL]
    assert travel == [("travel", "می رود", "مسکو", ("ظریف",), None)]
    meetings = [_summary(e) for e in events if e.kind == EventKind.MEETING]
    assert ("meeting", "نشست", "مسکو", ("ایران", "سوریه", "روسیه"), "فردا") in meetings
    assert (
        "meeting",
        "نشست",
        "مسکو",
        ("سرگئی لاوروف", "محمدجواد ظریف", "روسیه", "ایران", "ولیدالمعلم", "سوریه"),
        "جمعه",
    ) in meetings
    # Every trigger is reported once.
    triggers = [(e.trigger.start, e.trigger.end) for e in events]
    assert len(triggers) == len(set(triggers))


def test_find_events_runs_the_pipeline() -> None:
    events = find_events("سه نفر در شهرستان گرمه دستگیر شدند.", reference_date=dt.date(2016, 12, 15))
    assert [_summary(e) for e in events] == [("arrest", "دستگیر شدند", "گرمه", (), None)]


@pytest.mark.parametrize(
    ("value", "message"),
    [(b"\xd8\xb8", "decode it first"), (None, "got NoneType"), (3, "got int")],
)
def test_find_events_wrong_types(value: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        find_events(value)  # type: ignore[arg-type]


def test_extract_events_wrong_types() -> None:
    article, normalized = segment_article("متن")
    with pytest.raises(TypeError, match="expects an Article"):
        extract_events("متن", normalized)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expects a Normalized"):
        extract_events(article, "متن")  # type: ignore[arg-type]


def test_empty_and_odd_texts() -> None:
    for text in ["", " ", "\n\n", "...", "ـــ", "\u200c\u200c", "دیدار", "حمله\u200c"]:
        assert isinstance(find_events(text), tuple)


# --- properties -----------------------------------------------------------------

WORDS = [
    "دیدار", "کرد", "کردند", "نشست", "های", "می", "رود", "به", "در", "از", "مسکو", "تهران", "شهر",
    "منطقه", "«", "»", "وارد", "شد", "که", "خبر", "داد", "ظریف", "فردا", "جمعه", "امام", "نکرد",
    "حمله", "انفجار", "گفت‌وگو", "با", "خبرنگار", "فارس", "به گزارش", "،", ".", ":", "\n\n", "\u200c",
    "ي", "ك", "۱۲", " ",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)


def _check(text: str, events: Sequence[Event]) -> None:
    for event in events:
        assert isinstance(event.kind, EventKind)
        for span in [event.trigger, *event.participants, event.location, event.time]:
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
                assert text[span.start : span.end] == span.text


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text())
def test_any_text_never_raises_and_spans_slice_it(text: str) -> None:
    _check(text, find_events(text))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(TEXTS, st.data())
def test_news_like_text_with_random_entities(text: str, data: st.DataObject) -> None:
    article, normalized = segment_article(text)
    tokens = [
        t for s in ([article.title] if article.title else []) + list(article.sentences) for t in s.tokens
    ]
    entities = []
    for k in range(data.draw(st.integers(0, 6))):
        if not tokens:
            break
        i = data.draw(st.integers(0, len(tokens) - 1))
        j = data.draw(st.integers(i, min(len(tokens) - 1, i + 2)))
        start, end = tokens[i].start, tokens[j].end
        kind = data.draw(st.sampled_from([PER, LOC, ORG, EntityKind.ROLE]))
        entities.append(
            Entity(f"e{k}", text[start:end], kind, (Mention(start, end, text[start:end], kind=kind),))
        )
    article = attrs.evolve(article, entities=tuple(entities))
    events = extract_events(article, normalized)
    _check(text, events)
    ids = {e.id for e in entities}
    for event in events:
        for arg in [*event.participants, event.location]:
            assert arg is None or arg.entity is None or arg.entity in ids


def _timed(text: str) -> float:
    article, normalized = segment_article(text)
    article = attrs.evolve(article, entities=_entities(text, {"مسکو": LOC, "لاوروف": PER, "ظریف": PER}))
    return best_of_three(lambda: extract_events(article, normalized))


@pytest.mark.parametrize(
    "unit",
    [
        "ظریف در نشست خبری در مسکو با لاوروف دیدار کرد و به تهران رفت. ",
        # One endless sentence full of triggers and place nouns.
        "دیدار و گفت‌وگو در شهر «مسکو» فردا که نشست‌های حمله انفجار به منطقه ",
    ],
)
def test_linear_time(unit: str) -> None:
    extract_events(*segment_article(unit))  # load the lexicons
    small, large = _timed(unit * 100), _timed(unit * 800)
    assert large < 8 * small * 2.5


def test_article_round_trips_with_events(seed_text: str) -> None:
    article, normalized = segment_article(seed_text)
    article = attrs.evolve(article, entities=_entities(seed_text, {"ظریف": PER, "مسکو": LOC}))
    article = attrs.evolve(article, events=extract_events(article, normalized))
    assert article.events
    assert Article.from_dict(article.to_dict()) == article
    assert persnews.Article.from_dict(article.to_dict()).events == article.events


def test_the_gazetteer_places_events_where_entities_miss_a_place(monkeypatch: pytest.MonkeyPatch) -> None:
    gazetteer = pytest.importorskip("persnews.gazetteer")
    known = gazetteer.Gazetteer({"مسکو": "LOCATION", "فارس": "ORGANIZATION"}, extends_default=False)
    monkeypatch.setattr(events_module, "_packaged_gazetteer", lambda: known)
    text = "ظریف فردا به مسکو می رود."
    events = _events(text, {"ظریف": PER})
    assert [_summary(e) for e in events] == [("travel", "می رود", "مسکو", ("ظریف",), "فردا")]
    # A name an entity holds is left to the entity: here مسکو is a person.
    assert _events(text, {"ظریف": PER, "مسکو": PER}) == ()


def test_without_entities_the_packaged_gazetteer_places_events(monkeypatch: pytest.MonkeyPatch) -> None:
    gazetteer = pytest.importorskip("persnews.gazetteer")
    known = gazetteer.Gazetteer({"مسکو": "LOCATION", "ظریف": "PERSON"}, extends_default=False)
    monkeypatch.setattr(events_module, "_packaged_gazetteer", lambda: known)
    events = _events("ظریف فردا به مسکو می رود.")
    # The place is known; people are participants only as entities.
    assert [_summary(e) for e in events] == [("travel", "می رود", "مسکو", (), "فردا")]
    assert events[0].location is not None
    assert events[0].location.entity is None


@settings(
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    deadline=None,
)
@given(TEXTS)
def test_news_like_text_with_the_packaged_gazetteer(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    gazetteer = pytest.importorskip("persnews.gazetteer")
    monkeypatch.setattr(events_module, "_packaged_gazetteer", gazetteer.Gazetteer.default)
    _check(text, extract_events(*segment_article(text)))


@pytest.mark.parametrize(
    ("sentence", "summary"),
    [
        # an outlet the entity step names (نیوزویک, a magazine) makes the talk an interview
        (
            "سخنگوی پنتاگون در گفت‌وگو با نیوزویک مدعی شد که آماده است.",
            [("announcement", "گفت‌وگو", None, ("پنتاگون", "نیوزویک"), None)],
        ),
        # and so does "this site"
        (
            "ناظر وزارت اوقاف در گفتگو با این پایگاه اعلام کرد که گوشت توزیع می‌شود.",
            [("announcement", "اعلام کرد", None, ("وزارت اوقاف",), None)],
        ),
    ],
)
def test_a_talk_with_the_press_is_an_interview(
    sentence: str, summary: list[tuple[str, str, str | None, tuple[str, ...], str | None]]
) -> None:
    import persnews

    assert [_summary(e) for e in persnews.parse("تیتر\n\n" + sentence).events] == summary
