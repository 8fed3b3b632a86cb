"""Adversarial inputs finish in time linear in their size.

Each case repeats a near-match of one of the segmentation and source-agency
patterns (the extractors have linear-time tests of their own); the test
compares the time for n and 4n repetitions (best of three) instead of
asserting a wall-clock limit, so it holds on slow and fast machines alike.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import best_of_three

import persnews

NEAR_MATCHES = [
    "به گزارش ",
    "خبرنگار ",
    "گفت و گو با ",
    "به نقل از ",
    "خبرگزاری ",
    "«",
    "»",
    "(",
    ".",
    "ج.",
    "1.",
    "۱٫",
    "http://",
    "a@",
    "x-",
    "تهران - ",
    "\u200c",
    "می ",
    " ",
    "!؟",
]


# Segmentation and source agency: the steps whose patterns these inputs target.
STEPS = ["segment", "source_agency"]


def assert_linear(fn: Callable[[str], object], unit: str, n: int = 3_000) -> None:
    small = best_of_three(lambda: fn(unit * n))
    large = best_of_three(lambda: fn(unit * (4 * n)))
    # Linear growth gives a ratio near 4; quadratic gives 16.  Allow noise.
    assert large / max(small, 1e-4) < 9, f"{unit!r}: {small:.4f}s for n, {large:.4f}s for 4n"


@pytest.mark.parametrize("unit", NEAR_MATCHES)
def test_parse_is_linear_on_near_matches(unit: str) -> None:
    assert_linear(lambda text: persnews.parse("تیتر\n\n" + text, steps=STEPS), unit)


@pytest.mark.parametrize("unit", ["\n", "متن.\n\n", "به گزارش ایرنا، \n"])
def test_many_paragraphs_are_linear(unit: str) -> None:
    assert_linear(lambda text: persnews.parse(text, steps=STEPS), unit, n=2_000)
