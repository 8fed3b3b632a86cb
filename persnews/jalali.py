"""The Jalali (Solar Hijri) and Hijri lunar calendars, converted to and from Gregorian dates.

Jalali years follow the 33-year arithmetic cycle also used by ``jdatetime``:
a year ``y`` is leap when ``y % 33`` is one of 1, 5, 9, 13, 17, 22, 26, 30.
Over 1300–1500 SH this agrees day for day with ``jdatetime`` (the tests
check every day of that range).  Months 1–6 have 31 days, months 7–11 have
30, and اسفند has 29 days (30 in a leap year).

The Hijri lunar calendar here is the arithmetical (tabular, "civil")
Islamic calendar.  The lunar calendar observed in Iran is fixed by moon
sighting and may differ from it by a day or two, so lunar dates are
approximate.

Every function is pure and cheap; no table is loaded.
"""

from __future__ import annotations

import datetime as dt

__all__ = [
    "gregorian_to_hijri",
    "gregorian_to_jalali",
    "hijri_month_length",
    "hijri_to_gregorian",
    "is_jalali_leap",
    "jalali_add_months",
    "jalali_month_length",
    "jalali_to_gregorian",
    "jalali_year_length",
]

_LEAP_REMAINDERS = (1, 5, 9, 13, 17, 22, 26, 30)
# leaps_before[r]: how many leap remainders are below r (r in 0..33).
_LEAPS_BELOW = tuple(sum(1 for x in _LEAP_REMAINDERS if x < r) for r in range(34))
# 1 Farvardin 1300 SH was Monday 21 March 1921.
_ANCHOR_YEAR = 1300
_ANCHOR_ORDINAL = dt.date(1921, 3, 21).toordinal()
_CYCLE_DAYS = 33 * 365 + len(_LEAP_REMAINDERS)  # 12053
_MIN_YEAR = 1
_MAX_YEAR = 9377  # keeps every Gregorian result inside datetime.date's range


def _check_int(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    return value


def is_jalali_leap(year: int) -> bool:
    """Whether the Jalali ``year`` has 366 days (اسفند has 30 days).

    Args:
        year: a Jalali year (``1395``).

    Returns:
        ``True`` for a leap year of the 33-year cycle.

    Raises:
        TypeError: ``year`` is not an int.

    Example:
        >>> is_jalali_leap(1395), is_jalali_leap(1396)
        (True, False)
    """
    return _check_int(year, "year") % 33 in _LEAP_REMAINDERS


def jalali_year_length(year: int) -> int:
    """365 or 366: the number of days of the Jalali ``year``.

    Example:
        >>> jalali_year_length(1399)
        366
    """
    return 366 if is_jalali_leap(year) else 365


def jalali_month_length(year: int, month: int) -> int:
    """Days in a Jalali month: 31 for فروردین–شهریور, 30 for مهر–بهمن, 29/30 for اسفند.

    Args:
        year: the Jalali year (decides اسفند).
        month: 1 (فروردین) to 12 (اسفند).

    Returns:
        The number of days.

    Raises:
        TypeError: an argument is not an int.
        ValueError: ``month`` is not in 1..12.

    Example:
        >>> jalali_month_length(1395, 12), jalali_month_length(1396, 12)
        (30, 29)
    """
    _check_int(year, "year")
    _check_int(month, "month")
    if not 1 <= month <= 12:
        raise ValueError(f"Jalali month must be in 1..12, got {month}")
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if is_jalali_leap(year) else 29


def _leaps_before(year: int) -> int:
    """How many leap years there are in ``0 .. year - 1`` (floor arithmetic for any int)."""
    cycles, rest = divmod(year, 33)
    return cycles * len(_LEAP_REMAINDERS) + _LEAPS_BELOW[rest]


def _new_year_ordinal(year: int) -> int:
    """The proleptic Gregorian ordinal of 1 Farvardin of ``year``."""
    return _ANCHOR_ORDINAL + 365 * (year - _ANCHOR_YEAR) + _leaps_before(year) - _leaps_before(_ANCHOR_YEAR)


def _check_jalali(year: int, month: int, day: int) -> None:
    _check_int(year, "year")
    _check_int(month, "month")
    _check_int(day, "day")
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise ValueError(f"Jalali year must be in {_MIN_YEAR}..{_MAX_YEAR}, got {year}")
    length = jalali_month_length(year, month)
    if not 1 <= day <= length:
        raise ValueError(f"day {day} is not in month {month} of {year}, which has {length} days")


def jalali_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of a Jalali date.

    Args:
        year: Jalali year (``1395``).
        month: 1 (فروردین) to 12 (اسفند).
        day: day of the month.

    Returns:
        A :class:`datetime.date`.

    Raises:
        TypeError: an argument is not an int.
        ValueError: the date does not exist (``30 اسفند`` of a common year).

    Example:
        >>> jalali_to_gregorian(1395, 9, 14)   # ۱۴ آذر ۱۳۹۵
        datetime.date(2016, 12, 4)
    """
    _check_jalali(year, month, day)
    before = 31 * (month - 1) if month <= 7 else 186 + 30 * (month - 7)
    return dt.date.fromordinal(_new_year_ordinal(year) + before + day - 1)


def gregorian_to_jalali(date: dt.date) -> tuple[int, int, int]:
    """The Jalali (year, month, day) of a Gregorian date.

    Args:
        date: a :class:`datetime.date` (a ``datetime`` is read as its date).

    Returns:
        ``(year, month, day)``.

    Raises:
        TypeError: ``date`` is not a date.

    Example:
        >>> import datetime
        >>> gregorian_to_jalali(datetime.date(2017, 3, 21))   # نوروز ۱۳۹۶
        (1396, 1, 1)
    """
    if not isinstance(date, dt.date):
        raise TypeError(f"date must be a datetime.date, got {type(date).__name__}")
    ordinal = date.toordinal()
    year = _ANCHOR_YEAR + ((ordinal - _ANCHOR_ORDINAL) * 33) // _CYCLE_DAYS
    # The estimate is off by at most one year either way.
    while _new_year_ordinal(year) > ordinal:
        year -= 1
    while _new_year_ordinal(year + 1) <= ordinal:
        year += 1
    day_of_year = ordinal - _new_year_ordinal(year)  # 0-based
    if day_of_year < 186:
        return year, day_of_year // 31 + 1, day_of_year % 31 + 1
    day_of_year -= 186
    return year, day_of_year // 30 + 7, day_of_year % 30 + 1


def jalali_add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """The Jalali (year, month) ``months`` months after (or before, if negative) ``year/month``.

    Example:
        >>> jalali_add_months(1395, 12, 1)   # the month after اسفند ۱۳۹۵
        (1396, 1)
    """
    index = _check_int(year, "year") * 12 + _check_int(month, "month") - 1 + _check_int(months, "months")
    return index // 12, index % 12 + 1


# --- Hijri lunar (tabular) ----------------------------------------------------

# 1 Muharram 1 AH of the civil tabular calendar: Friday 16 July 622 (Julian),
# proleptic Gregorian ordinal 227015.
_HIJRI_EPOCH = 227015


def _hijri_is_leap(year: int) -> bool:
    return (14 + 11 * year) % 30 < 11


def hijri_month_length(year: int, month: int) -> int:
    """Days in a month of the tabular Hijri calendar (odd months 30, even 29; ذی‌الحجه 30 in leap years).

    Example:
        >>> hijri_month_length(1438, 1)
        30
    """
    _check_int(year, "year")
    _check_int(month, "month")
    if not 1 <= month <= 12:
        raise ValueError(f"Hijri month must be in 1..12, got {month}")
    if month == 12 and _hijri_is_leap(year):
        return 30
    return 30 if month % 2 else 29


def _hijri_ordinal(year: int, month: int, day: int) -> int:
    return _HIJRI_EPOCH + day - 1 + (59 * (month - 1) + 1) // 2 + (year - 1) * 354 + (3 + 11 * year) // 30


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of a tabular Hijri lunar date (may differ by a day or two from Iran's).

    Args:
        year: Hijri lunar year (``1438``).
        month: 1 (محرم) to 12 (ذی‌الحجه).
        day: day of the month.

    Returns:
        A :class:`datetime.date`.

    Raises:
        TypeError: an argument is not an int.
        ValueError: the date does not exist in the tabular calendar.

    Example:
        >>> hijri_to_gregorian(1438, 1, 10)   # عاشورای ۱۴۳۸
        datetime.date(2016, 10, 12)
    """
    _check_int(day, "day")
    if not 1 <= _check_int(year, "year") <= 9666:
        raise ValueError(f"Hijri year must be in 1..9666, got {year}")
    length = hijri_month_length(year, month)
    if not 1 <= day <= length:
        raise ValueError(f"day {day} is not in Hijri month {month} of {year}, which has {length} days")
    return dt.date.fromordinal(_hijri_ordinal(year, month, day))


def gregorian_to_hijri(date: dt.date) -> tuple[int, int, int]:
    """The tabular Hijri lunar (year, month, day) of a Gregorian date.

    Raises:
        TypeError: ``date`` is not a date.
        ValueError: ``date`` is before the Hijri epoch (622 CE).

    Example:
        >>> import datetime
        >>> gregorian_to_hijri(datetime.date(2016, 10, 12))
        (1438, 1, 10)
    """
    if not isinstance(date, dt.date):
        raise TypeError(f"date must be a datetime.date, got {type(date).__name__}")
    ordinal = date.toordinal()
    if ordinal < _HIJRI_EPOCH:
        raise ValueError(f"{date.isoformat()} is before the Hijri epoch")
    year = (30 * (ordinal - _HIJRI_EPOCH) + 10646) // 10631
    while _hijri_ordinal(year, 1, 1) > ordinal:
        year -= 1
    while _hijri_ordinal(year + 1, 1, 1) <= ordinal:
        year += 1
    month = 12
    while _hijri_ordinal(year, month, 1) > ordinal:
        month -= 1
    return year, month, ordinal - _hijri_ordinal(year, month, 1) + 1
