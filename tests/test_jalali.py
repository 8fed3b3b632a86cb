"""The Jalali and Hijri calendars: exact day for day over 1300–1500 SH, leap years, year boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from persnews.jalali import (
    gregorian_to_hijri,
    gregorian_to_jalali,
    hijri_month_length,
    hijri_to_gregorian,
    is_jalali_leap,
    jalali_add_months,
    jalali_month_length,
    jalali_to_gregorian,
    jalali_year_length,
)


def test_every_day_1300_to_1500_agrees_with_jdatetime() -> None:
    jdatetime = pytest.importorskip("jdatetime")
    day = dt.date(1921, 3, 21)  # 1 Farvardin 1300
    end = jdatetime.date(1501, 1, 1).togregorian()
    checked = 0
    while day < end:
        j = jdatetime.date.fromgregorian(date=day)
        assert gregorian_to_jalali(day) == (j.year, j.month, j.day), day
        assert jalali_to_gregorian(j.year, j.month, j.day) == day
        day += dt.timedelta(days=1)
        checked += 1
    assert checked == 73414


def test_leap_years_agree_with_jdatetime() -> None:
    jdatetime = pytest.importorskip("jdatetime")
    for year in range(1300, 1501):
        assert is_jalali_leap(year) == jdatetime.date(year, 1, 1).isleap(), year


@pytest.mark.parametrize(
    ("year", "leap"),
    [
        (1391, True),
        (1394, False),
        (1395, True),
        (1396, False),
        (1399, True),
        (1400, False),
        (1403, True),
        (1404, False),
        (1408, True),
    ],
)
def test_leap_year_table(year: int, leap: bool) -> None:
    assert is_jalali_leap(year) is leap
    assert jalali_year_length(year) == (366 if leap else 365)
    assert jalali_month_length(year, 12) == (30 if leap else 29)


@pytest.mark.parametrize(
    ("jalali", "gregorian"),
    [
        ((1395, 9, 14), dt.date(2016, 12, 4)),
        ((1395, 8, 7), dt.date(2016, 10, 28)),
        ((1357, 11, 22), dt.date(1979, 2, 11)),
        ((1300, 1, 1), dt.date(1921, 3, 21)),
        ((1500, 12, 29), dt.date(2122, 3, 20)),
        # the year boundary: اسفند -> فروردین, in a leap year and a common one
        ((1395, 12, 29), dt.date(2017, 3, 19)),
        ((1395, 12, 30), dt.date(2017, 3, 20)),
        ((1396, 1, 1), dt.date(2017, 3, 21)),
        ((1396, 12, 29), dt.date(2018, 3, 20)),
        ((1397, 1, 1), dt.date(2018, 3, 21)),
        ((1399, 12, 30), dt.date(2021, 3, 20)),
        ((1400, 1, 1), dt.date(2021, 3, 21)),
        ((1403, 12, 30), dt.date(2025, 3, 20)),
        ((1404, 1, 1), dt.date(2025, 3, 21)),
        # the month-length switch after شهریور
        ((1395, 6, 31), dt.date(2016, 9, 21)),
        ((1395, 7, 1), dt.date(2016, 9, 22)),
    ],
)
def test_known_dates(jalali: tuple[int, int, int], gregorian: dt.date) -> None:
    assert jalali_to_gregorian(*jalali) == gregorian
    assert gregorian_to_jalali(gregorian) == jalali


def test_datetime_is_read_as_its_date() -> None:
    assert gregorian_to_jalali(dt.datetime(2016, 12, 4, 23, 59)) == (1395, 9, 14)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((1396, 12, 30), "has 29 days"),
        ((1395, 7, 31), "has 30 days"),
        ((1395, 13, 1), "1..12"),
        ((1395, 0, 1), "1..12"),
        ((1395, 1, 0), "has 31 days"),
        ((0, 1, 1), "Jalali year"),
    ],
)
def test_impossible_dates_raise(args: tuple[int, int, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        jalali_to_gregorian(*args)


@pytest.mark.parametrize("bad", ["1395", 1395.0, True, None])
def test_wrong_types_raise(bad: object) -> None:
    with pytest.raises(TypeError, match="year must be an int"):
        jalali_to_gregorian(bad, 1, 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"datetime\.date"):
        gregorian_to_jalali(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ((1395, 12), 1, (1396, 1)),
        ((1396, 1), -1, (1395, 12)),
        ((1395, 9), 0, (1395, 9)),
        ((1395, 9), 27, (1397, 12)),
        ((1395, 9), -21, (1393, 12)),
    ],
)
def test_add_months(start: tuple[int, int], months: int, expected: tuple[int, int]) -> None:
    assert jalali_add_months(*start, months) == expected


@pytest.mark.parametrize(
    ("hijri", "gregorian"),
    [
        ((1, 1, 1), dt.date(622, 7, 19)),
        ((1400, 1, 1), dt.date(1979, 11, 21)),
        ((1438, 1, 10), dt.date(2016, 10, 12)),  # عاشورا ۱۴۳۸ (21 مهر 1395)
        ((1437, 9, 1), dt.date(2016, 6, 7)),
    ],
)
def test_tabular_hijri_dates(hijri: tuple[int, int, int], gregorian: dt.date) -> None:
    assert hijri_to_gregorian(*hijri) == gregorian
    assert gregorian_to_hijri(gregorian) == hijri


def test_hijri_round_trip_and_month_lengths() -> None:
    day = dt.date(1979, 11, 21)
    while day < dt.date(2030, 1, 1):
        y, m, d = gregorian_to_hijri(day)
        assert 1 <= d <= hijri_month_length(y, m)
        assert hijri_to_gregorian(y, m, d) == day
        day += dt.timedelta(days=1)


def test_hijri_errors() -> None:
    with pytest.raises(ValueError, match="before the Hijri epoch"):
        gregorian_to_hijri(dt.date(600, 1, 1))
    with pytest.raises(ValueError, match="has 29 days"):
        hijri_to_gregorian(1438, 2, 30)
    with pytest.raises(ValueError, match=r"1\.\.12"):
        hijri_month_length(1438, 13)
