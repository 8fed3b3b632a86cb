"""Lazy, cached, thread-safe access to the package's data files.

Data files are UTF-8 text under ``persnews/data/``: ``#`` starts a comment
line, columns are separated by tabs.  Each file is read once per process,
on first use.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Mapping

__all__ = ["read_text", "rows", "table"]

_lock = threading.RLock()


def read_text(name: str) -> str:
    """The text of ``persnews/data/<name>``."""
    import importlib.resources  # about ten milliseconds: not at ``import persnews``

    return importlib.resources.files("persnews").joinpath("data", name).read_text(encoding="utf-8")


def _key(text: str) -> str:
    return " ".join(text.replace("\u200c", " ").split())


@functools.cache
def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    out = []
    for line in read_text(name).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(tuple(col.strip() for col in line.split("\t")))
    return tuple(out)


def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The data rows of a TSV file, comments and blank lines dropped."""
    with _lock:
        return _rows(name)


@functools.cache
def _table(name: str) -> Mapping[str, str]:
    return {_key(r[0]): (r[1] if len(r) > 1 and r[1] else r[0]) for r in _rows(name)}


def table(name: str) -> Mapping[str, str]:
    """First column (ZWNJ read as a space) -> second column (or the first)."""
    with _lock:
        return _table(name)
