"""Shared fixtures: the seed article the project began from."""

from __future__ import annotations

import gc
import pathlib
import time
from collections.abc import Callable

import pytest
from hypothesis import strategies as st

from persnews.normalize import Normalized, normalize

DATA = pathlib.Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (DATA / "seed_article.txt").read_text(encoding="utf-8")


def best_of_three(fn: Callable[[], object]) -> float:
    """The fastest of three runs of ``fn``, in seconds (for linear-growth tests,
    which compare two sizes rather than assert a wall-clock limit).

    CPU time of this process, not wall-clock time: other processes on a busy
    machine then cannot make a linear function look quadratic.  The cyclic garbage
    collector is paused while ``fn`` runs, as :mod:`timeit` does: its full passes
    grow with everything the test session holds, not with ``fn``'s input."""
    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            t0 = time.process_time()
            fn()
            best = min(best, time.process_time() - t0)
        finally:
            gc.enable()
    return best


def draw_normalized_range(text: str, data: st.DataObject) -> tuple[Normalized, int, int]:
    """``text`` normalised (ASCII digits) and a range ``i <= j`` of the result,
    drawn by hypothesis: the start of the alignment and token properties."""
    n = normalize(text, digits="ascii")
    i = data.draw(st.integers(0, len(n.text)))
    j = data.draw(st.integers(i, len(n.text)))
    return n, i, j
