"""Amounts: a number with its unit (``۸۳۰ میلیارد تومان``, ``۲۰ درصد``, ``۵/۲ میلیون بشکه``).

The number is read as :func:`persnews.numbers.read_number` reads it (words,
digits of any script, scale words, ``/`` as the decimal point, indefinite
magnitudes such as ``صدها`` as a lower bound with ``approximate=True``); the
unit is the longest entry of ``data/units.tsv`` right after it.  A number
with no known unit after it is not an amount.

``تن`` is the tonne, except after a number below 100 and before ``از``,
where it counts people (``سه تن از مجروحان``).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from fractions import Fraction
from typing import NamedTuple

from persnews import _resources
from persnews.model import Amount, AmountKind, trusted
from persnews.normalize import Normalized
from persnews.numbers import PUNCT, Lexicon, Tokens, as_number, lex_lines, word_key

__all__ = ["extract_amounts", "find_amounts", "known_units"]


class _Unit(NamedTuple):
    code: str
    kind: AmountKind


_lock = threading.Lock()
_units_cache: Lexicon[_Unit] | None = None
_MAX_UNIT_WORDS = 3
_TONNE = "t"
_PEOPLE_AFTER_TONNE = "از"
_PERSON = _Unit("person", AmountKind.PEOPLE)
_MAX_PEOPLE_AS_TONNE = 100


def known_units() -> Mapping[str, tuple[str, AmountKind]]:
    """Unit form (in lookup spelling: no spaces or ZWNJ) -> (unit code, kind), from ``units.tsv``.

    Example:
        >>> known_units()["دلار"]
        ('USD', <AmountKind.CURRENCY: 'currency'>)
    """
    return {k: (v.code, v.kind) for k, v in _units().items()}


def _units() -> Lexicon[_Unit]:
    global _units_cache
    if _units_cache is None:
        with _lock:
            if _units_cache is None:
                table: dict[str, _Unit] = {}
                for form, code, kind in _resources.rows("units.tsv"):
                    table[word_key(form) or form] = _Unit(code, AmountKind(kind))
                _units_cache = Lexicon(table)
    return _units_cache


def _unit_at(toks: Tokens, j: int, value: Fraction) -> tuple[_Unit, int] | None:
    words = toks.words
    if j >= len(words):
        return None
    units = _units()
    if words[j] is None:
        if toks.kinds[j] != PUNCT:
            return None
        unit = units.get(toks.keys[j])
        return None if unit is None else (unit, 1)
    found = units.match(words, j, _MAX_UNIT_WORDS)
    if found is None:
        return None
    unit, size = found
    after = j + size
    if (
        unit.code == _TONNE
        and value < _MAX_PEOPLE_AS_TONNE
        and after < len(words)
        and words[after] == _PEOPLE_AFTER_TONNE
    ):
        unit = _PERSON
    return unit, size


def is_unit_at(toks: Tokens, j: int) -> bool:
    """Whether a unit of ``units.tsv`` begins at ``toks[j]`` (for the time reader)."""
    return _unit_at(toks, j, Fraction(0)) is not None


def extract_amounts(normalized: Normalized) -> tuple[Amount, ...]:
    """Amounts of an already normalised text (the pipeline's step).

    Args:
        normalized: the text as returned by :func:`persnews.normalize`
            (any digit mode).

    Returns:
        The amounts in text order, with spans into ``normalized.original``.

    Raises:
        TypeError: ``normalized`` is not a :class:`~persnews.Normalized`.

    Example:
        >>> from persnews.normalize import normalize
        >>> [(a.value, a.unit) for a in extract_amounts(normalize("۸۳۰ میلیارد تومان"))]
        [(830000000000, 'IRT')]
    """
    if not isinstance(normalized, Normalized):
        raise TypeError(f"extract_amounts() expects a Normalized, got {type(normalized).__name__}")
    out: list[Amount] = []
    for base, toks, numbers in lex_lines(normalized.text, normalized):
        for first, num in sorted(numbers.items()):
            if num.ordinal:
                continue
            found = _unit_at(toks, num.last, num.value)
            if found is None:
                continue
            unit, size = found
            span = normalized.span(base + toks.starts[first], base + toks.ends[num.last + size - 1])
            out.append(
                trusted(
                    Amount,
                    start=span.start,
                    end=span.end,
                    text=span.text,
                    value=as_number(num.value),
                    unit=unit.code,
                    kind=unit.kind,
                    approximate=num.approximate,
                )
            )
    return tuple(out)


def find_amounts(text: str) -> tuple[Amount, ...]:
    """Find the amounts of money, percentages, people and measures in a text.

    Args:
        text: Persian text, as the caller has it; spans point into it.

    Returns:
        A tuple of :class:`~persnews.Amount` in text order: ``value`` (an
        ``int`` when whole; a lower bound when ``approximate``), ``unit`` (a
        code from ``units.tsv``: ``"USD"``, ``"IRR"``, ``"IRT"`` for the
        toman, ``"percent"``, ``"person"``, ``"barrel"``, ...) and ``kind``.

    Raises:
        TypeError: ``text`` is not a ``str`` (decode ``bytes`` first).

    Example:
        >>> a = find_amounts("اهدای صدها میلیون دلار به تروریست‌ها")[0]
        >>> a.text, a.value, a.unit, a.kind.value, a.approximate
        ('صدها میلیون دلار', 100000000, 'USD', 'currency', True)
    """
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError("find_amounts() expects str, got bytes: decode it first, e.g. data.decode('utf-8')")
    if not isinstance(text, str):
        raise TypeError(f"find_amounts() expects str, got {type(text).__name__}")
    from persnews.normalize import normalize

    return extract_amounts(normalize(text, digits="ascii"))
