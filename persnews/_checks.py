"""Argument checks shared by the public functions: one wording for every error."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

__all__ = ["reference_date", "require_str", "word_list"]


def require_str(text: object, where: str) -> str:
    """``text`` if it is a ``str``; otherwise a ``TypeError`` saying what to pass."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(f"{where}() expects str, got bytes: decode it first, e.g. data.decode('utf-8')")
    raise TypeError(f"{where}() expects str, got {type(text).__name__}")


def reference_date(value: object) -> dt.date | None:
    """A ``date`` (a ``datetime`` gives its day) or ``None``; else ``TypeError``."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise TypeError(f"reference_date must be a datetime.date or None, got {type(value).__name__}")


def word_list(words: Iterable[str] | None, name: str) -> tuple[str, ...]:
    """An iterable of ``str`` as a tuple (``None`` gives ``()``); one ``str`` is refused."""
    if words is None:
        return ()
    if isinstance(words, (str, bytes)):
        raise TypeError(f"{name} must be an iterable of str, not one str")
    out = tuple(words)
    for w in out:
        if not isinstance(w, str):
            raise TypeError(f"{name} must hold str, got {type(w).__name__}")
    return out
