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

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable

import attrs
import regex

Edit = tuple[int, int, int]


@attrs.frozen(slots=True, eq=False)
class Edits:
    """One rewrite step's edits, indexed for fast lookup both ways."""

    in_starts: tuple[int, ...]
    in_ends: tuple[int, ...]
    out_starts: tuple[int, ...]
    out_ends: tuple[int, ...]

    @classmethod
    def from_edits(cls, edits: Iterable[Edit]) -> Edits:
        in_starts: list[int] = []
        in_ends: list[int] = []
        out_starts: list[int] = []
        out_ends: list[int] = []
        delta = 0
        last_end = 0
        for start, end, out_len in edits:
            if start < last_end or end < start or out_len < 0:
                raise ValueError(f"edits must be sorted and disjoint, got {(start, end, out_len)}")
            last_end = end
            in_starts.append(start)
            in_ends.append(end)
            out_starts.append(start + delta)
            delta += out_len - (end - start)
            out_ends.append(start + delta + (end - start))
        return cls(tuple(in_starts), tuple(in_ends), tuple(out_starts), tuple(out_ends))

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

    def forward(self, i: int) -> int:
        """Where original offset ``i`` lands in the output (a position inside a
        replaced stretch lands at the start of its replacement)."""
        k = bisect_right(self.in_starts, i) - 1
        if k < 0:
            return i
        if i < self.in_ends[k]:
            return self.out_starts[k]
        return self.out_ends[k] + (i - self.in_ends[k])


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


def rewrite(
    text: str,
    pattern: regex.Pattern[str],
    replace: Callable[[regex.Match[str]], str],
) -> tuple[str, Edits]:
    """Replace every match of ``pattern`` by ``replace(match)``, recording edits.

    Matches whose replacement equals the matched text cost nothing.
    """
    parts: list[str] = []
    edits: list[Edit] = []
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
            edits.append((s, e, len(new)))
    if not parts:
        return text, Edits.from_edits(())
    parts.append(text[pos:])
    return "".join(parts), Edits.from_edits(edits)
