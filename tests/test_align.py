"""The alignment between original and normalised text, and its invariants.

Unit tests pin the mapping rules of :mod:`persnews._align`; hypothesis
checks, for arbitrary text, that normalisation never raises, is idempotent,
and that its alignment is monotonic, in range and consistent both ways.
Adversarial inputs check that normalisation grows linearly with the input.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import regex
from conftest import best_of_three, draw_normalized_range
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from persnews._align import Alignment, Edits, rewrite
from persnews.normalize import normalize

# --- the edit machinery ------------------------------------------------------


def test_deletion_maps_starts_past_and_ends_before() -> None:
    # "ab|c" -> "abc": the mark at 2 is deleted.
    edits = Edits.from_edits([(2, 3, 0)])
    assert edits.back_start(2) == 3
    assert edits.back_end(2) == 2
    assert edits.back_end(3) == 4
    assert [edits.forward(i) for i in range(5)] == [0, 1, 2, 2, 3]


def test_insertion_maps_into_the_gap() -> None:
    # "ab" -> "a b": one character inserted at 1.
    edits = Edits.from_edits([(1, 1, 1)])
    assert edits.back_start(1) == 1
    assert edits.back_start(2) == 1
    assert edits.back_end(2) == 1
    assert edits.forward(1) == 2


def test_replacement_maps_to_its_whole_stretch() -> None:
    # "a   b" -> "a b": three spaces become one.
    edits = Edits.from_edits([(1, 4, 1)])
    assert (edits.back_start(1), edits.back_end(2)) == (1, 4)
    assert edits.back_start(2) == 4
    assert edits.forward(2) == 1
    assert edits.forward(4) == 2


def test_edits_must_be_sorted_and_disjoint() -> None:
    with pytest.raises(ValueError, match="sorted"):
        Edits.from_edits([(3, 4, 0), (1, 2, 0)])
    with pytest.raises(ValueError, match="sorted"):
        Edits.from_edits([(1, 3, 0), (2, 4, 0)])


def test_chain_of_rewrites() -> None:
    first_text, first = rewrite("a--b", regex.compile("-+"), lambda m: "")
    second_text, second = rewrite(first_text, regex.compile("b"), lambda m: "bb")
    assert second_text == "abb"
    chain = Alignment().then(first).then(second)
    assert chain.back_start(1) == 3
    assert chain.back_end(3) == 4
    assert chain.forward(4) == 3
    assert Alignment().then(Edits.from_edits(())).steps == ()


def test_same_length_rewrite_costs_no_edit() -> None:
    text, edits = rewrite("a\tb", regex.compile("\t"), lambda m: " ")
    assert text == "a b"
    assert not edits


def test_alignment_memory_is_proportional_to_edits() -> None:
    clean = normalize("سلام دنیا " * 100_000 + "پایان")
    assert clean.alignment.steps == ()
    spaced = normalize("سلام  " * 1_000)
    assert sum(len(step.in_starts) for step in spaced.alignment.steps) == 1_000
    joined = normalize("کتاب ها " * 1_000)
    assert joined.text.count("\u200c") == 1_000
    assert sum(len(step.in_starts) for step in joined.alignment.steps) == 1  # the trailing space


# --- properties of normalize -------------------------------------------------

PIECES = [
    *"ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآءئؤةيكۀ",
    *["\u200c"] * 6,
    *[" "] * 8,
    *"«»،؛؟.!:()\n\t",
    *"۰۱۲٫٬0123.,١٢",
    *"\u064e\u0650\u064b\u0651\u0640\u200d\u200f\u00a0",
    *"abcXY-_/@?=%&",
    "می ",
    "نمی ",
    " ها",
    " های",
    " ترین",
    " تر",
    " اند",
    " ای",
    " ام",
    "کتاب",
    "بزرگ",
    "خانه",
    "گفته",
    "رود",
    "شود",
    "کشور",
    "\n\n",
    "Node.js",
    "https://x.com/a.b?c=1",
    "a@b.ir",
    "10:30",
    "12.5",
]

persian_like = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
any_text = st.one_of(st.text(), persian_like)
options = st.fixed_dictionaries(
    {},
    optional={
        "invisible": st.booleans(),
        "arabic_letters": st.booleans(),
        "digits": st.sampled_from(["keep", "ascii", "persian"]),
        "kashida": st.booleans(),
        "diacritics": st.booleans(),
        "zwnj": st.booleans(),
        "spacing": st.booleans(),
        "affixes": st.booleans(),
    },
)
PROPERTY = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(any_text, st.sampled_from(["keep", "ascii"]))
def test_normalize_is_idempotent(text: str, digits: Any) -> None:
    once = normalize(text, digits=digits)
    assert normalize(once.text, digits=digits).text == once.text


@PROPERTY
@given(any_text, options)
def test_normalize_is_idempotent_with_any_switches(text: str, opts: dict[str, Any]) -> None:
    once = normalize(text, **opts)
    assert normalize(once.text, **opts).text == once.text


@PROPERTY
@given(any_text)
def test_alignment_is_monotonic_and_in_range(text: str) -> None:
    n = normalize(text, digits="ascii")
    starts = [n.to_original(i, i)[0] for i in range(len(n.text) + 1)]
    assert starts == sorted(starts)
    assert all(0 <= s <= len(text) for s in starts)
    ends = [n.to_original(0, j)[1] for j in range(len(n.text) + 1)]
    assert ends == sorted(ends)
    assert all(0 <= e <= len(text) for e in ends)
    forward = [n.to_normalized(i) for i in range(len(text) + 1)]
    assert forward == sorted(forward)
    assert all(0 <= f <= len(n.text) for f in forward)
    if text:
        assert n.to_normalized(len(text)) == len(n.text)


@PROPERTY
@given(any_text, st.data())
def test_spans_slice_the_original(text: str, data: st.DataObject) -> None:
    n, i, j = draw_normalized_range(text, data)
    span = n.span(i, j)
    assert 0 <= span.start <= span.end <= len(text)
    assert span.text == text[span.start : span.end]


@PROPERTY
@given(any_text)
def test_tokens_map_back_and_forth(text: str) -> None:
    n = normalize(text, digits="ascii")
    for m in re.finditer(r"\S+", n.text):
        i, j = m.span()
        s, e = n.to_original(i, j)
        assert n.to_normalized(s) == i
        # An end may land after spaces normalisation inserted, never further.
        forward_end = n.to_normalized(e)
        assert forward_end >= j
        assert n.text[j:forward_end].strip() == ""
        # The original slice is the token's own text: normalised alone, it
        # gives the token back.
        assert normalize(text[s:e], digits="ascii").text == m.group()


@PROPERTY
@given(any_text, st.data())
def test_shift_over_is_the_mapping_of_every_offset_in_the_range(text: str, data: st.DataObject) -> None:
    n, i, j = draw_normalized_range(text, data)
    d = n.alignment.shift_over(i, j)
    if d is None:
        return
    for o in range(i, j + 1):
        assert n.alignment.back_start(o) == n.alignment.back_end(o) == o + d
    if j > i:
        assert n.to_original(i, j) == (i + d, j + d)


def test_shift_over_sees_every_edit_that_changes_the_range() -> None:
    # "سلام  دنیا": the two spaces [4, 6) become one, [4, 5) in the output.
    n = normalize("سلام  دنیا. خوب")
    assert n.text == "سلام دنیا. خوب"
    assert n.alignment.shift_over(0, 4) == 0  # the replacement starts at the end
    assert n.alignment.shift_over(0, 5) is None
    assert n.alignment.shift_over(4, 9) is None
    assert n.alignment.shift_over(5, 9) == 1  # ... and ends at the start
    # A deletion counts even on the edge: "ایـران", the kashida at 2 goes.
    k = normalize("ایـران و ایران")
    assert k.text == "ایران و ایران"
    assert k.alignment.shift_over(0, 2) is None
    assert k.alignment.shift_over(2, 5) is None
    assert k.alignment.shift_over(3, 5) == 1
    assert k.alignment.shift_over(3, 3) == 1
    assert Alignment().shift_over(3, 7) == 0


def test_edits_are_stored_as_machine_integers() -> None:
    edits = rewrite("a  b  c", regex.compile("  "), lambda m: " ")[1]
    assert list(edits.in_starts) == [1, 4]
    assert edits.in_starts.itemsize == 8
    assert edits.back_start(3) == 4


# --- linear time ----------------------------------------------------------------

NEAR_MATCHES = [
    "می ",
    "نمی ",
    " ها",
    "کتاب ها ",
    "بندر ها ",
    " تر و",
    "\u200c",
    "ب\u200c",
    "«",
    " » ",
    "(",
    " .",
    ".",
    "،",
    "a.",
    "1:",
    "ه.",
    "  ",
    "\t\n",
    "ـ",
    "\u064e",
    "\u200f",
    "۱۲، ",
]


@pytest.mark.parametrize("unit", NEAR_MATCHES)
def test_normalize_grows_linearly(unit: str) -> None:
    normalize(unit)  # the lexicon is loaded outside the timing
    small = best_of_three(lambda: normalize(unit * 25_000))
    large = best_of_three(lambda: normalize(unit * 100_000))
    # Linear growth gives a ratio near 4; quadratic would give 16.
    assert large / max(small, 1e-3) < 9, f"{unit!r}: {small:.4f}s for 25k, {large:.4f}s for 100k"


def test_long_spans_map_back_quickly() -> None:
    text = "کتاب" + "\u064e" * 100_000 + " ها"
    n = normalize(text)
    assert n.text == "کتاب\u200cها"
    assert n.span(0, 4).text == "کتاب" + "\u064e" * 100_000
