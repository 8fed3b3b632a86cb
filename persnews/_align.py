"""Alignment between an original string and a rewritten (normalised) one.

A rewrite is recorded as a sorted list of *edits*: ``(in_start, in_end,
out_len)`` replaces ``original[in_start:in_end]`` with ``out_len`` new
characters.  Everything between edits is copied one to one, so the
alignment costs memory in proportion to the number of edits, not to the
length of the text.  Several rewrites applied one after another form a
chain; an offset is mapped back through the chain link by link.

Offsets map with two rules, so that a span never swallows a deleted mark
at its edges:

* a *start* offset inside (or right before) a replaced stretch maps to
  the start of that stretch; right after a deletion it maps past it;
* an *end* offset inside (or right after) a replaced stretch maps to its
  end; right before a deletion it maps before it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    import regex

Edit = tuple[int, int, int]


def _ints(values: Iterable[int] = ()) -> array[int]:
    return array("q", values)


@attrs.frozen(slots=True, eq=False)
class Edits:
    """One rewrite step's edits, indexed for fast lookup both ways.

    The four columns are arrays of machine integers (8 bytes an offset, not
    a Python ``int`` each), so a text with many edits stays small.
    """

    in_starts: array[int]
    in_ends: array[int]
    out_starts: array[int]
    out_ends: array[int]

    @classmethod
    def from_edits(cls, edits: Iterable[Edit]) -> Edits:
        builder = EditsBuilder()
        for start, end, out_len in edits:
            builder.add(start, end, out_len)
        return builder.build()

    def __bool__(self) -> bool:
        return bool(self.in_starts)

    def back_start(self, o: int) -> int:
        i = bisect_right(self.out_starts, o) - 1
        if i < 0:
            return o
        if o < self.out_ends[i]:
            return self.in_starts[i]
        return self.in_ends[i] + (o - self.out_ends[i])

    def back_end(self, o: int) -> int:
        i = bisect_left(self.out_starts, o) - 1
        if i < 0:
            return o
        if o <= self.out_ends[i]:
            return self.in_ends[i]
        return self.in_ends[i] + (o - self.out_ends[i])

    def shift_over(self, start: int, end: int) -> int | None:
        """:meth:`Alignment.shift_over` for this one step."""
        out_starts = self.out_starts
        out_ends = self.out_ends
        lo = bisect_left(out_starts, start)
        for k in range(lo, bisect_right(out_starts, end)):
            # An edit starting inside the range, or a deletion on its edge.
            if out_starts[k] < end or out_starts[k] == out_ends[k] or start == end:
                return None
        if lo == 0:
            return 0
        if out_ends[lo - 1] > start:
            return None
        return self.in_ends[lo - 1] - out_ends[lo - 1]

    def forward(self, i: int) -> int:
        """Where original offset ``i`` lands in the output (a position inside a
        replaced stretch lands at the start of its replacement)."""
        k = bisect_right(self.in_starts, i) - 1
        if k < 0:
            return i
        if i < self.in_ends[k]:
            return self.out_starts[k]
        return self.out_ends[k] + (i - self.in_ends[k])


class EditsBuilder:
    """Collects edits one by one straight into arrays (no tuple per edit)."""

    __slots__ = ("_delta", "_in_ends", "_in_starts", "_last_end", "_out_ends", "_out_starts")

    def __init__(self) -> None:
        self._in_starts = _ints()
        self._in_ends = _ints()
        self._out_starts = _ints()
        self._out_ends = _ints()
        self._delta = 0
        self._last_end = 0

    def add(self, start: int, end: int, out_len: int) -> None:
        """Record that ``original[start:end]`` became ``out_len`` characters.

        Raises:
            ValueError: the edit is not after the previous one, or is malformed.
        """
        if start < self._last_end or end < start or out_len < 0:
            raise ValueError(f"edits must be sorted and disjoint, got {(start, end, out_len)}")
        self._last_end = end
        self._in_starts.append(start)
        self._in_ends.append(end)
        self._out_starts.append(start + self._delta)
        self._delta += out_len - (end - start)
        self._out_ends.append(start + self._delta + (end - start))

    def build(self) -> Edits:
        return Edits(self._in_starts, self._in_ends, self._out_starts, self._out_ends)


@attrs.frozen(slots=True, eq=False)
class Alignment:
    """A chain of rewrites from an original string to its normalised form."""

    steps: tuple[Edits, ...] = ()

    def then(self, edits: Edits) -> Alignment:
        """This alignment followed by one more rewrite."""
        return self if not edits else Alignment((*self.steps, edits))

    def back_start(self, o: int) -> int:
        for step in reversed(self.steps):
            o = step.back_start(o)
        return o

    def back_end(self, o: int) -> int:
        for step in reversed(self.steps):
            o = step.back_end(o)
        return o

    def forward(self, i: int) -> int:
        for step in self.steps:
            i = step.forward(i)
        return i

    def shift_over(self, start: int, end: int) -> int | None:
        """The ``d`` with ``back_start(o) == back_end(o) == o + d`` for every
        ``o`` in ``[start, end]``, or ``None`` when an edit changes the mapping
        inside the range.

        Lets a caller map many offsets inside one stretch with an addition.
        A replacement that only touches the range from outside (ending at
        ``start`` or starting at ``end``) does not count; a deletion at any
        offset of the range does.
        """
        d = 0
        for step in reversed(self.steps):
            shift = step.shift_over(start, end)
            if shift is None:
                return None
            start += shift
            end += shift
            d += shift
        return d


def rewrite(
    text: str,
    pattern: regex.Pattern[str],
    replace: Callable[[regex.Match[str]], str],
) -> tuple[str, Edits]:
    """Replace every match of ``pattern`` by ``replace(match)``, recording edits.

    Matches whose replacement equals the matched text cost nothing.
    """
    parts: list[str] = []
    edits = EditsBuilder()
    pos = 0
    for m in pattern.finditer(text):
        new = replace(m)
        old = m.group()
        if new == old:
            continue
        s, e = m.span()
        parts.append(text[pos:s])
        parts.append(new)
        pos = e
        # A same-length replacement keeps offsets: no edit needed.
        if len(new) != len(old):
            edits.add(s, e, len(new))
    if not parts:
        return text, EditsBuilder().build()
    parts.append(text[pos:])
    return "".join(parts), edits.build()
