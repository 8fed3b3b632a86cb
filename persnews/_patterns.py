"""Regular expressions compiled on their first use.

``import persnews`` loads the normaliser, the segmenter and the agency
finder.  Importing ``regex`` costs tens of milliseconds and compiling one
of their patterns about one more, so those modules keep each pattern as a
:class:`LazyPattern` and compile it when a text first needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

__all__ = ["LazyPattern"]


class LazyPattern:
    """A ``regex`` pattern, compiled the first time it is called for.

    Threads may race to compile it: each gets an equal pattern, and one of
    them is kept.

    Args:
        pattern: the pattern's source.
        flags: ``regex`` flags.

    Example:
        >>> KASHIDA = LazyPattern("\u0640+")
        >>> KASHIDA().sub("", "ایـــران")
        'ایران'
    """

    __slots__ = ("_compiled", "_flags", "_pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: regex.Pattern[str] | None = None

    def __call__(self) -> regex.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            import regex

            compiled = self._compiled = regex.compile(self._pattern, self._flags)
        return compiled

    def __repr__(self) -> str:
        return f"LazyPattern({self._pattern!r})"
