"""Time expressions in Persian news, resolved to calendar dates.

:func:`find_times` finds dates (``۱۴ آذر ۱۳۹۵``, ``۱۴ آذرماه ۹۵``,
``۱۳۹۵/۰۹/۱۴``, ``چهاردهم آذر``, ``آذر ماه سال جاری``, ``۲۲ نوامبر ۲۰۱۶``,
``2016-12-04``, ``۱۰ محرم``), weekdays (``جمعه``, ``روز شنبه``), relative
expressions (``فردا``, ``هفته گذشته``, ``۵ سال گذشته``, ``دو روز پیش``,
``امسال``, ``بامداد امروز``), clock times (``ساعت ۱۰ صبح``) and durations
(``شش سال``).  With a ``reference_date`` (the day the article was
published) relative expressions are resolved; absolute dates are resolved
without one.

How expressions are resolved (documented choices):

* a day and month without a year (``۱۴ آذر``) is the occurrence nearest to
  the reference date; a month alone (``آذر``, ``ماه محرم``) is the whole
  month nearest to it (the earlier one on a tie);
* a weekday alone is the nearest such day: from -3 to +3 days, so ``جمعه``
  in an article of Thursday is the next day and ``شنبه`` in an article of
  Tuesday was three days before; ``جمعه گذشته`` is the last one strictly
  before, ``جمعه آینده`` the next one strictly after, ``جمعه هفته آینده``
  the one in next week; ``شب جمعه`` is, as in Persian, Thursday night;
* weeks run from شنبه to جمعه; ``هفته گذشته`` is the whole previous week,
  ``ماه آینده`` the whole next Jalali month, ``سال گذشته`` the whole previous
  Jalali year, ``امسال`` and ``سال جاری`` the current one;
* ``N unit گذشته`` / ``اخیر`` is the span from N units before the
  reference date to it (``۵ سال گذشته``), ``N unit آینده`` the span from it
  to N units after; ``N unit پیش`` / ``قبل`` is the one day N units before,
  ``N unit دیگر`` / ``بعد`` the day N units after; months and years are
  counted in the Jalali calendar (the day is clamped to the month's end);
* two-digit years (``۹۵``) are Jalali: the latest of 13yy and 14yy that is
  at most ten years after the reference year (without a reference date,
  after 1410);
* years 1200–1600 are Jalali and 1600–2200 Gregorian unless an era word says
  otherwise (``۱۴۳۸ قمری``); lunar dates use the tabular Hijri calendar and
  may be a day or two off the calendar observed in Iran;
* a range keeps its first day in ``date`` (and ``jalali``) and its last
  in ``date_end``.

The words live in ``data/months.tsv`` and ``data/time_words.tsv``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import threading
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import NamedTuple, TypeVar

from persnews import _resources
from persnews._checks import reference_date as _check_reference
from persnews.jalali import (
    gregorian_to_hijri,
    gregorian_to_jalali,
    hijri_month_length,
    hijri_to_gregorian,
    jalali_add_months,
    jalali_month_length,
    jalali_to_gregorian,
)
from persnews.model import TimeExpression, TimeKind, trusted
from persnews.normalize import Normalized
from persnews.numbers import (
    NUM,
    PUNCT,
    Lexicon,
    Num,
    Tokens,
    as_number,
    lex_lines,
    scan_numbers,
    word_key,
)

__all__ = ["extract_times", "find_times"]

_V = TypeVar("_V")

_JALALI, _GREGORIAN, _HIJRI = "jalali", "gregorian", "hijri"


# --- data ------------------------------------------------------------------------------


class _Month(NamedTuple):
    calendar: str
    month: int
    homograph: str  # "no", "yes" or "strict"
    fused_mah: bool  # written with ماه in one word (آذرماه)


class _Data(NamedTuple):
    months: Lexicon[_Month]
    by_category: Mapping[str, Lexicon[str]]
    #: the readers that may match at a word, by the word (see :func:`_leads`)
    leads: Mapping[str, tuple[_Reader, ...]]
    #: the words of ``leads`` that can match on their own (see :func:`_first_words`)
    whole: frozenset[str]
    #: the other words of ``leads``: they match only with the next word
    partial: frozenset[str]
    #: every prefix of the tables the readers look up first
    joined: frozenset[str]
    #: the words that can follow a number that begins an expression (see :meth:`_Matcher.number_led`)
    after_number: frozenset[str]


_lock = threading.Lock()
_data_cache: _Data | None = None


def _data() -> _Data:
    global _data_cache
    if _data_cache is None:
        with _lock:
            if _data_cache is None:
                months: dict[str, _Month] = {}
                for form, calendar, month, homograph in _resources.rows("months.tsv"):
                    key = word_key(form)
                    months[key] = _Month(calendar, int(month), homograph, False)
                    months.setdefault(key + "ماه", _Month(calendar, int(month), homograph, True))
                categories: dict[str, dict[str, str]] = {}
                for form, category, value in _resources.rows("time_words.tsv"):
                    categories.setdefault(category, {})[word_key(form)] = value
                lexicons = {k: Lexicon(v) for k, v in categories.items()}
                month_lexicon = Lexicon(months)
                leads = _leads(month_lexicon, lexicons)
                whole, partial, joined = _first_words(month_lexicon, lexicons, leads)
                after_number = month_lexicon.prefixes.union(
                    {_RANGE_WORD}, *(lexicons[n].prefixes for n in ("era", "unit") if n in lexicons)
                )
                _data_cache = _Data(month_lexicon, lexicons, leads, whole, partial, joined, after_number)
    return _data_cache


def _first_words(
    months: Lexicon[_Month], categories: Mapping[str, Lexicon[str]], leads: Mapping[str, object]
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Split the words that lead a reader into those that may match alone and the rest.

    Every reader begins with a fixed word or by looking its first word up in
    a table (:meth:`Lexicon.match`).  A word that is no fixed word and no
    entry of any table can only match as the start of a longer entry, so the
    next word must continue it to a prefix of a table: :meth:`_Matcher.run`
    checks that with two set lookups instead of calling every reader."""
    tables: list[Lexicon[_Month] | Lexicon[str]] = [months]
    tables += [lex for name, lex in categories.items() if name in _LEADING_CATEGORIES]
    entries = frozenset({_CLOCK_WORD, _DAY_WORD, _YEAR_WORD}).union(*tables)
    joined = frozenset().union(*(lex.prefixes for lex in tables))
    whole = frozenset(w for w in leads if w in entries)
    return whole, frozenset(leads) - whole, joined


def _leads(months: Lexicon[_Month], categories: Mapping[str, Lexicon[str]]) -> dict[str, tuple[_Reader, ...]]:
    """The readers of expressions led by a word, for every word that can lead one.

    A reader finds nothing unless the expression's first word is one of its
    own (a prefix of its table's entries, an entry where the reader looks up
    one word only, or its one fixed word), so a word is tried only with the
    readers it can start, in :meth:`_Matcher.match`'s order."""

    def prefixes(*names: str) -> frozenset[str]:
        return frozenset().union(*(categories[n].prefixes for n in names if n in categories))

    def entries(name: str) -> frozenset[str]:
        return frozenset(categories.get(name, ()))

    readers: tuple[tuple[_Reader, frozenset[str]], ...] = (
        (_Matcher.clock, frozenset({_CLOCK_WORD})),
        (_Matcher.weekday_expr, prefixes("weekday") | {_DAY_WORD}),
        (_Matcher.part_led, prefixes("part")),
        (_Matcher.relday_expr, prefixes("relday")),
        (_Matcher.month_led, prefixes("month_before") | months.prefixes),
        (_Matcher.year_word_led, frozenset({_YEAR_WORD})),
        (_Matcher.unit_direction, prefixes("unit", "units")),
        (_Matcher.this_unit, entries("this")),
        (_Matcher.relyear_expr, entries("relyear")),
        (_Matcher.season_expr, entries("season")),
    )
    words = frozenset().union(*(first for _, first in readers))
    return {w: tuple(reader for reader, first in readers if w in first) for w in words}


# The categories of time_words.tsv whose words can begin an expression.
_LEADING_CATEGORIES = frozenset(
    {"weekday", "relday", "relyear", "unit", "units", "part", "season", "this", "month_before"}
)
_UNIT_DAYS = {"day": 1, "night": 1, "week": 7}
_UNIT_MONTHS = {"month": 1, "year": 12, "decade": 120, "century": 1200}
_UNIT_HOURS = {"hour": 1, "minute": 1 / 60, "second": 1 / 3600}
_PAST = frozenset({"past_span", "past_point", "prev"})
_FUTURE = frozenset({"future_span", "future_point", "next"})
_RANGE_WORD = "تا"
_AND = "و"
_HALF = "نیم"
_DAY_WORD = "روز"
_YEAR_WORD = "سال"
_MONTH_WORD = "ماه"
_WEEK_WORD = "هفته"
_CLOCK_WORD = "ساعت"
_MINUTE_WORD = "دقیقه"
_HALF_OF = "نیمه"
# Years written in full that are read as years (Jalali 1200-1599, Gregorian 1600-2199, or lunar).
_MIN_YEAR, _MAX_YEAR = 1200, 2199


# --- calendar helpers -----------------------------------------------------------------------


def _to_date(calendar: str, year: int, month: int, day: int) -> dt.date | None:
    try:
        if calendar == _JALALI:
            return jalali_to_gregorian(year, month, day)
        if calendar == _HIJRI:
            return hijri_to_gregorian(year, month, day)
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _month_length(calendar: str, year: int, month: int) -> int:
    if calendar == _JALALI:
        return jalali_month_length(year, month)
    if calendar == _HIJRI:
        return hijri_month_length(year, month)
    nxt = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return (nxt - dt.date(year, month, 1)).days


def _year_of(calendar: str, date: dt.date) -> int | None:
    """The year of ``date`` in ``calendar`` (``None`` before the Hijri epoch)."""
    if calendar == _JALALI:
        return gregorian_to_jalali(date)[0]
    if calendar == _HIJRI:
        try:
            return gregorian_to_hijri(date)[0]
        except ValueError:
            return None
    return date.year


def _month_range(calendar: str, year: int, month: int) -> tuple[dt.date, dt.date] | None:
    try:
        first = _to_date(calendar, year, month, 1)
        last = _to_date(calendar, year, month, _month_length(calendar, year, month))
    except (ValueError, OverflowError):
        return None
    if first is None or last is None:
        return None
    return first, last


def _year_range(calendar: str, year: int) -> tuple[dt.date, dt.date] | None:
    first = _month_range(calendar, year, 1)
    last = _month_range(calendar, year, 12)
    if first is None or last is None:
        return None
    return first[0], last[1]


def _distance(ref: dt.date, first: dt.date, last: dt.date) -> int:
    if first <= ref <= last:
        return 0
    return min(abs((first - ref).days), abs((last - ref).days))


def _shift_months(ref: dt.date, months: int) -> dt.date | None:
    """``ref`` moved by whole Jalali months, the day clamped to the month's end."""
    y, m, d = gregorian_to_jalali(ref)
    y2, m2 = jalali_add_months(y, m, months)
    if not 1 <= y2 <= 9377:
        return None
    return _to_date(_JALALI, y2, m2, min(d, jalali_month_length(y2, m2)))


def _shift(ref: dt.date, quantity: float, unit: str, sign: int) -> dt.date | None:
    try:
        if unit in _UNIT_DAYS:
            return ref + dt.timedelta(days=sign * round(quantity * _UNIT_DAYS[unit]))
        if unit in _UNIT_MONTHS:
            return _shift_months(ref, sign * round(quantity * _UNIT_MONTHS[unit]))
        if unit in _UNIT_HOURS:
            return ref + dt.timedelta(days=sign * int(quantity * _UNIT_HOURS[unit] / 24 + 0.5))
    except (OverflowError, ValueError):
        return None
    return None


def _week_start(day: dt.date) -> dt.date | None:
    """The شنبه (Saturday) that starts the week of ``day`` (``None`` before 1 January 1)."""
    return _safe_add(day, -((day.weekday() - 5) % 7))


def _safe_add(day: dt.date, days: int) -> dt.date | None:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _calendar_unit(ref: dt.date, unit: str, offset: int) -> tuple[dt.date, dt.date | None] | None:
    """The day, week, Jalali month or Jalali year ``offset`` units from the one holding ``ref``."""
    if unit in ("day", "night"):
        day = _safe_add(ref, offset)
        return None if day is None else (day, None)
    if unit == "week":
        week_start = _week_start(ref)
        start = None if week_start is None else _safe_add(week_start, 7 * offset)
        end = None if start is None else _safe_add(start, 6)
        return None if start is None or end is None else (start, end)
    y, m, _ = gregorian_to_jalali(ref)
    if unit == "month":
        y2, m2 = jalali_add_months(y, m, offset)
        return _month_range(_JALALI, y2, m2)
    if unit == "year":
        return _year_range(_JALALI, y + offset)
    return None


# --- what a match produces ---------------------------------------------------------------


class _Hit(NamedTuple):
    first: int  # first token
    last: int  # one past the last token
    kind: TimeKind
    date: dt.date | None = None
    date_end: dt.date | None = None
    clock: dt.time | None = None
    quantity: int | float | None = None
    unit: str | None = None
    #: the expression names one day (it can take a clock time)
    one_day: bool = False


# --- the matcher ------------------------------------------------------------------------------

#: A reader of one kind of expression: the matcher and the index of its first token.
_Reader = Callable[["_Matcher", int], "_Hit | None"]


class _Matcher:
    """Reads time expressions off a token list; one instance per text."""

    def __init__(self, toks: Tokens, ref: dt.date | None, nums: Mapping[int, Num] | None = None) -> None:
        self.toks = toks
        self.kinds = toks.kinds
        self.keys = toks.keys
        self.words = toks.words
        self.n = len(toks.kinds)
        self.nums = scan_numbers(toks) if nums is None else nums
        self.ref = ref
        data = _data()
        self.leads = data.leads
        self.whole = data.whole
        self.partial = data.partial
        self.joined = data.joined
        self.after_number = data.after_number
        self.months = data.months
        cat = data.by_category
        empty: Lexicon[str] = Lexicon({})
        self.weekday = cat.get("weekday", empty)
        self.relday = cat.get("relday", empty)
        self.relyear = cat.get("relyear", empty)
        self.unit = cat.get("unit", empty)
        self.units = cat.get("units", empty)
        self.direction = cat.get("direction", empty)
        self.part = cat.get("part", empty)
        self.era = cat.get("era", empty)
        self.season = cat.get("season", empty)
        self.this = cat.get("this", empty)
        self.month_before = cat.get("month_before", empty)
        self.not_before_weekday = cat.get("not_before_weekday", empty)
        self.before_bare_month = cat.get("before_bare_month", empty)

    # small helpers

    def key(self, i: int) -> str | None:
        return self.words[i] if 0 <= i < self.n else None

    def look(self, i: int, table: Lexicon[_V], max_words: int = 3) -> tuple[_V, int] | None:
        if not 0 <= i < self.n:
            return None
        return table.match(self.words, i, max_words)

    def run(self) -> list[_Hit]:
        hits: list[_Hit] = []
        words = self.words
        joined = self.joined
        last = self.n - 1
        # An expression begins at a digit run, a number or a word that can lead one
        # (alone, or with the next word when it cannot match alone: see _first_words).
        firsts = [
            *self.toks.num_at,
            *itertools.compress(itertools.count(), map(self.whole.__contains__, words)),
        ]
        for i in itertools.compress(itertools.count(), map(self.partial.__contains__, words)):
            word, nxt = words[i], words[i + 1] if i < last else None
            if word is not None and nxt is not None and word + nxt in joined:
                firsts.append(i)
        if self.nums:
            firsts = sorted({*firsts, *self.nums})
        else:
            firsts.sort()
        after = 0  # where the last expression ended
        for i in firsts:
            if i < after:
                continue
            hit = self.match(i)
            if hit is not None:
                hits.append(hit)
                after = hit.last
        return _merge(hits, self.toks)

    def match(self, i: int) -> _Hit | None:
        kind = self.kinds[i]
        # (a digit run without separators is no clock time and no date)
        if kind == NUM and not self.keys[i].isdigit():
            hit = self.clock(i) or self.numeric_date(self.keys[i], i)
            if hit is not None:
                return hit
        if i in self.nums:
            hit = self.number_led(i)
            if hit is not None or kind == NUM:
                return hit
        word = self.words[i]
        if word is None:
            return None  # a digit run that is no clock time, date or number
        # Clock times, weekdays, parts of the day, relative days, months,
        # years after سال, units with a direction, this unit, relative years
        # and seasons, in that order: only the readers the word can lead.
        for reader in self.leads.get(word, ()):
            hit = reader(self, i)
            if hit is not None:
                return hit
        return None

    # clock times

    def clock(self, i: int) -> _Hit | None:
        kinds, keys = self.kinds, self.keys
        hour: int | None = None
        minute = 0
        k = i
        if kinds[i] == NUM and _is_clock(keys[i]):
            hour, minute = (int(x) for x in keys[i].split(":"))
            k = i + 1
        elif self.words[i] == _CLOCK_WORD and i + 1 < self.n:
            if kinds[i + 1] == NUM and _is_clock(keys[i + 1]):
                hour, minute = (int(x) for x in keys[i + 1].split(":"))
                k = i + 2
            else:
                num = self.nums.get(i + 1)
                if num is None or num.approximate or num.ordinal or not 0 <= num.value <= 24:
                    return None
                if (num.value * 2).denominator != 1:
                    return None
                hour = int(num.value)
                minute = 30 if num.value.denominator == 2 else 0
                k = num.last
                if self.key(k) == _AND:
                    mins = self.nums.get(k + 1)
                    if (
                        mins is not None
                        and minute == 0
                        and not mins.approximate
                        and mins.value.denominator == 1
                        and 0 <= mins.value < 60
                        and self.key(mins.last) == _MINUTE_WORD
                    ):
                        minute = int(mins.value)
                        k = mins.last + 1
        if hour is None or not (0 <= hour <= 24 and 0 <= minute < 60):
            return None
        part = self.look(k, self.part)
        if part is not None:
            hour = _adjust_hour(hour, part[0])
            k += part[1]
        return _Hit(i, k, TimeKind.TIME, clock=dt.time(hour % 24, minute))

    # numeric dates: 1395/09/14, 2016-12-04, 14/9/1395

    def numeric_date(self, key: str, i: int) -> _Hit | None:
        parsed = _numeric_date(key, self.ref)
        if parsed is None:
            return None
        calendar, y, m, d = parsed
        date = _to_date(calendar, y, m, d)
        if date is None:
            return None
        return _Hit(i, i + 1, TimeKind.DATE, date=date, one_day=True)

    # expressions that start with a number

    def number_led(self, i: int) -> _Hit | None:
        num = self.nums[i]
        j = num.last
        if j >= self.n or self.words[j] not in self.after_number:
            return None  # every expression below goes on with a month, a range, an era or a unit
        if num.digits is None and self.key(i - 1) == _HALF_OF:
            return None  # نیمه اول اسفند: the first half, not the first day
        # a range of days: ۱۴ تا ۱۶ آذر
        if self.key(j) == _RANGE_WORD and j + 1 in self.nums:
            second = self.nums[j + 1]
            hit = self.month_expr(i, second.last, day=second, first_day=num)
            if hit is not None:
                return hit
        hit = self.month_expr(i, j, day=num)
        if hit is not None:
            return hit
        year = _year_value(num)
        if year is not None:
            era = self.look(j, self.era)
            if era is not None:
                return self.year_hit(i, j + era[1], year, era[0])
        return self.quantity_expr(i, num)

    def quantity_expr(self, i: int, num: Num) -> _Hit | None:
        """``۵ سال``, ``۵ سال گذشته``, ``دو روز پیش``, ``۲۴ ساعت آینده``."""
        if num.ordinal or num.value.numerator <= 0:  # (comparing a Fraction is slow)
            return None
        j = num.last
        unit = self.look(j, self.unit, 2)
        if unit is None:
            return None
        name, size = unit
        k = j + size
        quantity = num.value
        if self.key(k) == _AND and self.key(k + 1) == _HALF:
            quantity += Fraction(1, 2)
            k += 2
        qty = as_number(quantity)
        direction = self.look(k, self.direction)
        if direction is None or direction[0] in ("current", "prev", "next"):
            if name == "night":
                return None  # ده شب is a clock time as often as ten nights
            return _Hit(i, k, TimeKind.DURATION, quantity=qty, unit=name)
        k += direction[1]
        way = direction[0]
        date = end = None
        if self.ref is not None:
            if way == "past_span":
                date, end = _shift(self.ref, qty, name, -1), self.ref
            elif way == "future_span":
                date, end = self.ref, _shift(self.ref, qty, name, 1)
            elif way == "past_point":
                date = _shift(self.ref, qty, name, -1)
            else:
                date = _shift(self.ref, qty, name, 1)
            if date is None or (way.endswith("span") and end is None):
                date = end = None
        one_day = way.endswith("point") and name in _UNIT_DAYS and name != "week"
        return _Hit(i, k, TimeKind.RELATIVE, date, end, quantity=qty, unit=name, one_day=one_day)

    # months

    def month_led(self, i: int) -> _Hit | None:
        before = self.look(i, self.month_before, 2)
        if before is not None:
            hit = self.month_expr(i, i + before[1], month_before=True)
            if hit is not None:
                return hit
        return self.month_expr(i, i)

    def month_expr(
        self,
        first: int,
        j: int,
        *,
        day: Num | None = None,
        first_day: Num | None = None,
        month_before: bool = False,
    ) -> _Hit | None:
        found = self.look(j, self.months)
        if found is None:
            return None
        info, size = found
        k = j + size
        mah = info.fused_mah
        if not mah and self.key(k) == _MONTH_WORD:
            mah = True
            k += 1
        day_value = _day_value(day) if day is not None else None
        if day is not None and day_value is None:
            return None
        if first_day is not None and _day_value(first_day) is None:
            return None
        # the year: ۱۳۹۵ / ۹۵, سال ۱۳۹۵, سال جاری, امسال
        year: int | None = None
        year_offset: int | None = None
        after = self.year_after(k, info.calendar)
        if after is not None:
            k, year, year_offset = after
        else:
            # مهرماه جاری, اسفند گذشته, فروردین آینده
            direction = self.look(k, self.direction)
            way = None if direction is None else _offset(direction[0], self.key(k))
            if direction is not None and way is not None:
                k += direction[1]
                year_offset = 0
                if self.ref is not None:
                    year = self.month_year(info.calendar, info.month, way)
        era = self.look(k, self.era)
        if era is not None and (year is not None or day is not None):
            k += era[1]
        has_year = year is not None or year_offset is not None
        if day is None and not (mah or month_before or has_year) and not self.bare_month_ok(first):
            return None  # سیلوهای آذر: a name, not a month
        if info.homograph != "no" and not (mah or month_before or has_year):
            if day is None:
                return None
            strict = info.homograph == "strict"
            if day.digits is not None and strict:
                return None
            if day.digits is None and not day.ordinal:
                return None  # دو تیر: "two bullets"
        return self.resolve_month(first, k, info, day_value, first_day, year, year_offset)

    def bare_month_ok(self, first: int) -> bool:
        """A word before a lone month name makes it a month (``در آذر``, ``نیمه اول اسفند``)."""
        if self.look(first - 1, self.before_bare_month, 1) is not None:
            return True
        found = self.look(first - 2, self.before_bare_month, 2)
        return found is not None and found[1] == 2

    def year_after(self, k: int, calendar: str) -> tuple[int, int | None, int | None] | None:
        """A year after a month: returns (next token, absolute year, or offset from the reference year)."""
        num = self.nums.get(k)
        if num is not None:
            year = _year_value(num, calendar)
            if year is not None and not self.counts_something(num.last):
                return num.last, year, None
            return None
        rel = self.look(k, self.relyear)
        if rel is not None:
            return k + rel[1], None, int(rel[0])
        if self.key(k) == _YEAR_WORD:
            num = self.nums.get(k + 1)
            if num is not None:
                year = _year_value(num, calendar)
                if year is not None:
                    return num.last, year, None
                return None
            direction = self.look(k + 1, self.direction)
            if direction is not None:
                offset = _offset(direction[0], self.key(k + 1))
                if offset is not None:
                    return k + 1 + direction[1], None, offset
        return None

    def counts_something(self, k: int) -> bool:
        """A unit follows, so the number before it is a count, not a year (``۱۴ آذر ۱۰ نفر``)."""
        from persnews.amounts import is_unit_at

        return self.look(k, self.unit, 2) is not None or is_unit_at(self.toks, k)

    def resolve_month(
        self,
        first: int,
        last: int,
        info: _Month,
        day: int | None,
        first_day: Num | None,
        year: int | None,
        year_offset: int | None,
    ) -> _Hit:
        calendar, month = info.calendar, info.month
        ref = self.ref
        if year is not None and year < 100:
            year = _two_digit_year(year, ref)
        if year is None and year_offset is not None and ref is not None:
            base_year = _year_of(calendar, ref)
            year = None if base_year is None else base_year + year_offset
        start_day = _day_value(first_day) if first_day is not None else None
        date = end = None
        if day is not None:
            if year is None and ref is not None:
                year = self.nearest_year(calendar, month, start_day or day)
            if year is not None:
                if start_day is not None:
                    date, end = (
                        _to_date(calendar, year, month, start_day),
                        _to_date(calendar, year, month, day),
                    )
                    if date is None or end is None or end < date:
                        date = end = None
                else:
                    date = _to_date(calendar, year, month, day)
            return _Hit(first, last, TimeKind.DATE, date, end, one_day=first_day is None)
        if year is None and ref is not None:
            year = self.nearest_month_year(calendar, month)
        if year is not None:
            span = _month_range(calendar, year, month)
            if span is not None:
                date, end = span
        return _Hit(first, last, TimeKind.DATE, date, end)

    def month_year(self, calendar: str, month: int, way: int) -> int | None:
        """The year of this month in the current year (way 0), or its last (-1) or next (+1) occurrence."""
        assert self.ref is not None
        if calendar == _JALALI:
            year, current, _ = gregorian_to_jalali(self.ref)
        elif calendar == _HIJRI:
            try:
                year, current, _ = gregorian_to_hijri(self.ref)
            except ValueError:
                return None
        else:
            year, current = self.ref.year, self.ref.month
        if way < 0:
            return year if month < current else year - 1
        if way > 0:
            return year if month > current else year + 1
        return year

    def nearest_year(self, calendar: str, month: int, day: int) -> int | None:
        assert self.ref is not None
        ref = self.ref
        base = _year_of(calendar, ref)
        if base is None:
            return None
        best: tuple[int, int] | None = None
        for year in (base - 1, base, base + 1):
            date = _to_date(calendar, year, month, day)
            if date is None:
                continue
            distance = abs((date - ref).days)
            if best is None or distance < best[0]:
                best = (distance, year)
        return None if best is None else best[1]

    def nearest_month_year(self, calendar: str, month: int) -> int | None:
        assert self.ref is not None
        ref = self.ref
        base = _year_of(calendar, ref)
        if base is None:
            return None
        best: tuple[int, int] | None = None
        for year in (base - 1, base, base + 1):
            span = _month_range(calendar, year, month)
            if span is None:
                continue
            distance = _distance(ref, *span)
            if best is None or distance < best[0]:
                best = (distance, year)
        return None if best is None else best[1]

    # years

    def year_word_led(self, i: int) -> _Hit | None:
        """``سال ۱۳۹۵``, ``سال ۹۵``, ``سال ۲۰۱۶ میلادی``, ``سال ۱۴۳۸ قمری``."""
        if self.key(i) != _YEAR_WORD:
            return None
        num = self.nums.get(i + 1)
        if num is None:
            return None
        era = self.look(num.last, self.era)
        calendar = era[0] if era is not None else None
        year = _year_value(num, calendar)
        if year is None:
            return None
        last = num.last + (era[1] if era is not None else 0)
        return self.year_hit(i, last, year, calendar)

    def year_hit(self, first: int, last: int, year: int, calendar: str | None) -> _Hit | None:
        if year < 100:
            year, calendar = _two_digit_year(year, self.ref), _JALALI
        calendar = calendar or _calendar_of_year(year)
        if calendar is None:
            return None
        span = _year_range(calendar, year)
        if span is None:
            return _Hit(first, last, TimeKind.DATE)
        return _Hit(first, last, TimeKind.DATE, span[0], span[1])

    # relative words

    def relday_expr(self, i: int) -> _Hit | None:
        found = self.look(i, self.relday, 2)
        if found is None:
            return None
        offset, size = found
        k = i + size
        part = self.look(k, self.part)
        if part is not None:
            k += part[1]
        date = None if self.ref is None else _safe_add(self.ref, int(offset))
        return _Hit(i, k, TimeKind.RELATIVE, date, one_day=True)

    def relyear_expr(self, i: int) -> _Hit | None:
        found = self.look(i, self.relyear, 1)
        if found is None:
            return None
        return self.relative_unit(i, i + 1, "year", int(found[0]))

    def relative_unit(self, first: int, last: int, unit: str, offset: int | None) -> _Hit:
        one_day = unit in ("day", "night")
        span = None
        if self.ref is not None and offset is not None:
            span = _calendar_unit(self.ref, unit, offset)
        if span is None:
            return _Hit(first, last, TimeKind.RELATIVE, one_day=one_day)
        return _Hit(first, last, TimeKind.RELATIVE, span[0], span[1], one_day=one_day)

    def unit_direction(self, i: int) -> _Hit | None:
        """``هفته گذشته``, ``سال جاری``, ``روز گذشته``, ``سال‌های اخیر``."""
        unit = self.look(i, self.unit, 2)
        plural = False
        if unit is None:
            unit = self.look(i, self.units, 2)
            plural = True
        if unit is None:
            return None
        name, size = unit
        k = i + size
        direction = self.look(k, self.direction)
        if direction is None:
            return None
        offset = _offset(direction[0], self.key(k))
        if offset is None:
            return None
        last = k + direction[1]
        if plural:
            return _Hit(i, last, TimeKind.RELATIVE)
        if name == "year":
            era = self.look(last, self.era)
            if era is not None and era[0] != _JALALI:
                # سال جاری میلادی: the Gregorian (or lunar) year
                return self.calendar_year(i, last + era[1], era[0], offset)
        return self.relative_unit(i, last, name, offset)

    def calendar_year(self, first: int, last: int, calendar: str, offset: int) -> _Hit:
        if self.ref is None:
            return _Hit(first, last, TimeKind.RELATIVE)
        base = _year_of(calendar, self.ref)
        span = None if base is None else _year_range(calendar, base + offset)
        if span is None:
            return _Hit(first, last, TimeKind.RELATIVE)
        return _Hit(first, last, TimeKind.RELATIVE, span[0], span[1])

    def this_unit(self, i: int) -> _Hit | None:
        """``این هفته``, ``همین ماه``."""
        if self.look(i, self.this, 1) is None:
            return None
        unit = self.look(i + 1, self.unit, 1)
        if unit is None or unit[0] not in ("day", "week", "month", "year"):
            return None
        return self.relative_unit(i, i + 2, unit[0], 0)

    # weekdays

    def weekday_expr(self, i: int) -> _Hit | None:
        j = i + 1 if self.key(i) == _DAY_WORD else i
        found = self.look(j, self.weekday, 2)
        if found is None:
            return None
        before = self.key(i - 1)
        if before is not None and before in self.not_before_weekday:
            return None
        weekday, size = int(found[0]), found[1]
        k = j + size
        way = 0  # nearest
        week: int | None = None
        direction = self.look(k, self.direction)
        if direction is not None and direction[0] != "later":
            way = _offset(direction[0], self.key(k)) or 0
            k += direction[1]
        elif self.key(k) == _WEEK_WORD:
            direction = self.look(k + 1, self.direction)
            if direction is not None:
                week = _offset(direction[0], self.key(k + 1))
                if week is not None:
                    k += 1 + direction[1]
            elif self.look(k + 1, self.this, 1) is not None:
                week, k = 0, k + 2
        elif self.look(k, self.this, 1) is not None and self.key(k + 1) == _WEEK_WORD:
            week, k = 0, k + 2
        part = self.look(k, self.part)
        if part is not None:
            k += part[1]
        date = None
        if self.ref is not None:
            date = _weekday_date(self.ref, weekday, way, week)
        return _Hit(i, k, TimeKind.WEEKDAY, date, one_day=True)

    def part_led(self, i: int) -> _Hit | None:
        """``بامداد امروز``, ``صبح روز جمعه``, ``عصر روز گذشته``, ``شب جمعه``."""
        part = self.look(i, self.part)
        if part is None:
            return None
        name, size = part
        j = i + size
        hit = self.relday_expr(j) or self.weekday_expr(j)
        if hit is None and self.key(j) == _DAY_WORD:
            hit = self.unit_direction(j)
        if hit is None:
            return None
        if name == "night" and hit.kind == TimeKind.WEEKDAY and self.key(j) != _DAY_WORD:
            # شب جمعه is the night before Friday (Thursday night)
            return hit._replace(first=i, date=None if hit.date is None else _safe_add(hit.date, -1))
        return hit._replace(first=i)

    # seasons

    def season_expr(self, i: int) -> _Hit | None:
        """``بهار ۱۳۹۶``, ``تابستان امسال``, ``زمستان سال گذشته``, ``پاییز گذشته``."""
        found = self.look(i, self.season, 1)
        if found is None:
            return None
        season = int(found[0])
        k = i + 1
        year: int | None = None
        offset: int | None = None
        after = self.year_after(k, _JALALI)
        if after is not None:
            k, year, offset = after
        else:
            direction = self.look(k, self.direction)
            if direction is None:
                return None
            way = _offset(direction[0], self.key(k))
            if way is None:
                return None
            k += direction[1]
            if self.ref is not None:
                year = self.season_year(season, way)
        if year is None and offset is not None and self.ref is not None:
            year = gregorian_to_jalali(self.ref)[0] + offset
        if year is not None and year < 100:
            year = _two_digit_year(year, self.ref)
        if year is None:
            return _Hit(i, k, TimeKind.DATE)
        first = _month_range(_JALALI, year, 3 * season - 2)
        last = _month_range(_JALALI, year, 3 * season)
        if first is None or last is None:
            return _Hit(i, k, TimeKind.DATE)
        return _Hit(i, k, TimeKind.DATE, first[0], last[1])

    def season_year(self, season: int, way: int) -> int | None:
        """The Jalali year of the last (way -1), current (0) or next (+1) such season."""
        assert self.ref is not None
        y, m, _ = gregorian_to_jalali(self.ref)
        current = (m - 1) // 3 + 1
        if way == 0:
            return y
        if way < 0:
            return y if season < current else y - 1
        return y if season > current else y + 1


# --- small pure helpers ----------------------------------------------------------------------


def _is_clock(key: str) -> bool:
    parts = key.split(":")
    return (
        len(parts) == 2
        and len(parts[0]) <= 2
        and len(parts[1]) == 2
        and parts[0].isdigit()
        and parts[1].isdigit()
    )


def _adjust_hour(hour: int, part: str) -> int:
    if hour > 12:
        return hour
    if part in ("afternoon", "evening") and hour < 12:
        return hour + 12
    if part == "noon" and 1 <= hour <= 5:
        return hour + 12
    if part == "night":
        if 6 <= hour <= 11:
            return hour + 12
        if hour == 12:
            return 0
    if part in ("dawn", "midnight") and hour == 12:
        return 0
    return hour


def _offset(direction: str, word: str | None) -> int | None:
    """-1, 0 or +1 for a direction word after a unit without a number (``هفته گذشته``)."""
    if direction == "current":
        return 0
    if direction == "later":
        return None  # روز دیگر: "another day"
    if direction in _PAST:
        return -1
    if direction in _FUTURE:
        return 1
    return None


def _day_value(num: Num) -> int | None:
    if num.approximate or num.value.denominator != 1 or not 1 <= num.value <= 31:
        return None
    if num.digits is None and not num.ordinal and num.last - num.first > 3:
        return None
    return int(num.value)


def _year_value(num: Num, calendar: str | None = None) -> int | None:
    """The year a number stands for after a month or ``سال``, or ``None``."""
    if num.approximate or num.ordinal or num.value.denominator != 1:
        return None
    value = int(num.value)
    if num.digits is not None:
        if len(num.digits) == 4:
            return value if _MIN_YEAR <= value <= _MAX_YEAR else None
        if len(num.digits) == 2 and calendar in (None, _JALALI):
            return value
        return None
    return value if _MIN_YEAR <= value <= _MAX_YEAR else None


def _calendar_of_year(year: int) -> str | None:
    if 1200 <= year < 1600:
        return _JALALI
    if 1600 <= year < 2200:
        return _GREGORIAN
    return None


def _two_digit_year(yy: int, ref: dt.date | None) -> int:
    """13yy or 14yy: the later one that is at most ten years after the reference year."""
    pivot = (gregorian_to_jalali(ref)[0] if ref is not None else 1400) + 10
    return 1400 + yy if 1400 + yy <= pivot else 1300 + yy


def _numeric_date(key: str, ref: dt.date | None) -> tuple[str, int, int, int] | None:
    for sep in "/-.":
        if sep in key:
            parts = key.split(sep)
            break
    else:
        return None
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    a, b, c = parts
    if len(a) == 4:
        y, m, d = int(a), int(b), int(c)
    elif len(c) == 4:
        d, m, y = int(a), int(b), int(c)
        if m > 12 >= d:
            d, m = m, d
    elif sep != "." and len(a) == 2 and len(c) <= 2 and int(a) > 31:
        y, m, d = _two_digit_year(int(a), ref), int(b), int(c)
    elif sep != "." and len(c) == 2 and len(a) <= 2 and int(c) > 31:
        d, m, y = int(a), int(b), _two_digit_year(int(c), ref)
    else:
        return None
    if sep == "." and not (len(a) == 4 or len(c) == 4):
        return None
    calendar = _calendar_of_year(y)
    if calendar is None or not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return calendar, y, m, d


def _weekday_date(ref: dt.date, weekday: int, way: int, week: int | None) -> dt.date | None:
    if week is not None:
        week_start = _week_start(ref)
        start = None if week_start is None else _safe_add(week_start, 7 * week)
        return None if start is None else _safe_add(start, (weekday - 5) % 7)
    today = ref.weekday()
    if way < 0:
        return _safe_add(ref, -((today - weekday) % 7 or 7))
    if way > 0:
        return _safe_add(ref, (weekday - today) % 7 or 7)
    return _safe_add(ref, (weekday - today + 3) % 7 - 3)


def _merge(hits: list[_Hit], toks: Tokens) -> list[_Hit]:
    """Join a weekday with the date after it (``جمعه ۱۴ آذر``) and a clock time with its day."""
    out: list[_Hit] = []
    for hit in hits:
        if out:
            prev = out[-1]
            touching = hit.first == prev.last
            comma = touching or (
                hit.first == prev.last + 1 and toks.kinds[prev.last] == PUNCT and toks.keys[prev.last] in "،,"
            )
            if prev.kind == TimeKind.WEEKDAY and hit.kind == TimeKind.DATE and hit.one_day and comma:
                out[-1] = hit._replace(first=prev.first)
                continue
            if touching and prev.kind == TimeKind.TIME and prev.date is None and hit.one_day:
                out[-1] = prev._replace(last=hit.last, date=hit.date)
                continue
            if touching and hit.kind == TimeKind.TIME and hit.date is None and prev.one_day:
                out[-1] = hit._replace(first=prev.first, date=prev.date)
                continue
        out.append(hit)
    return out


# --- public API --------------------------------------------------------------------------------


def _expression(normalized: Normalized, toks: Tokens, hit: _Hit, base: int) -> TimeExpression:
    """The expression a hit on one line's tokens (offsets from ``base``) stands for."""
    span = normalized.span(base + toks.starts[hit.first], base + toks.ends[hit.last - 1])
    jalali = gregorian_to_jalali(hit.date) if hit.date is not None else None
    return trusted(
        TimeExpression,
        start=span.start,
        end=span.end,
        text=span.text,
        kind=hit.kind,
        date=hit.date,
        date_end=hit.date_end,
        jalali=jalali,
        clock=hit.clock,
        quantity=hit.quantity,
        unit=hit.unit,
    )


def extract_times(
    normalized: Normalized, reference_date: dt.date | None = None
) -> tuple[TimeExpression, ...]:
    """Time expressions of an already normalised text (the pipeline's step).

    Args:
        normalized: the text as returned by :func:`persnews.normalize`
            (any digit mode; the pipeline uses ``digits="ascii"``).
        reference_date: the publication day that relative expressions are
            resolved against, or ``None``.

    Returns:
        The expressions in text order, not overlapping, with spans into
        ``normalized.original``.

    Raises:
        TypeError: ``normalized`` is not a :class:`~persnews.Normalized` or
            ``reference_date`` is not a date.

    Example:
        >>> import datetime
        >>> from persnews.normalize import normalize
        >>> [t.date for t in extract_times(normalize("فردا"), datetime.date(2016, 10, 27))]
        [datetime.date(2016, 10, 28)]
    """
    if not isinstance(normalized, Normalized):
        raise TypeError(f"extract_times() expects a Normalized, got {type(normalized).__name__}")
    ref = _check_reference(reference_date)
    out = []
    for line in lex_lines(normalized.text, normalized):
        for hit in _Matcher(line.toks, ref, line.numbers).run():
            out.append(_expression(normalized, line.toks, hit, line.offset))
    return tuple(out)


def find_times(text: str, reference_date: dt.date | None = None) -> tuple[TimeExpression, ...]:
    """Find the dates, weekdays, relative days, clock times and durations in a text.

    Args:
        text: Persian text, as the caller has it; spans point into it.
        reference_date: the day the text was published.  With it, relative
            expressions (``فردا``, ``هفته گذشته``), weekdays and dates
            without a year are resolved; without it they keep ``date=None``.
            A ``datetime`` is read as its date.

    Returns:
        A tuple of :class:`~persnews.TimeExpression` in text order.  Each
        has a ``kind``; when it can be resolved, ``date`` (and ``date_end``
        for a range), ``jalali`` (the Jalali year, month and day of
        ``date``), ``clock`` for a time of day, ``quantity`` and ``unit``
        for a duration or a counted span (``۵ سال گذشته``).

    Raises:
        TypeError: ``text`` is not a ``str`` (decode ``bytes`` first) or
            ``reference_date`` is not a date.

    Example:
        >>> import datetime
        >>> t = find_times("نشست ۱۴ آذر ۱۳۹۵ برگزار شد.")[0]
        >>> t.text, t.date, t.jalali
        ('۱۴ آذر ۱۳۹۵', datetime.date(2016, 12, 4), (1395, 9, 14))
        >>> [x.date for x in find_times("فردا جمعه", reference_date=datetime.date(2016, 10, 27))]
        [datetime.date(2016, 10, 28), datetime.date(2016, 10, 28)]
    """
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError("find_times() expects str, got bytes: decode it first, e.g. data.decode('utf-8')")
    if not isinstance(text, str):
        raise TypeError(f"find_times() expects str, got {type(text).__name__}")
    ref = _check_reference(reference_date)
    from persnews.normalize import normalize

    return extract_times(normalize(text, digits="ascii"), ref)
