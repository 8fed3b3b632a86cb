"""Offset-preserving normalisation of Persian text.

:func:`normalize` returns a :class:`Normalized`: the rewritten string plus an
alignment, so that a span found in the normalised text maps back to exact
offsets in the caller's original string (and forward).  Each sub-step is a
plain function ``str -> (str, Edits)`` and can be switched off.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import attrs
import regex

from persnews._align import Alignment, Edits, rewrite
from persnews.model import Span

__all__ = [
    "Normalized",
    "normalize",
    "to_ascii_digits",
    "to_persian_digits",
]

DigitsMode = Literal["persian", "ascii", "keep"]
Step = Callable[[str], tuple[str, Edits]]

_DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670"


@attrs.frozen(slots=True, eq=False)
class Normalized:
    """A normalised string and its alignment with the original.

    Example:
        >>> n = normalize("كتاب‌هاي من")
        >>> n.text
        'کتاب‌های من'
        >>> n.span(0, 4).text
        'كتاب'
    """

    original: str
    text: str
    alignment: Alignment = attrs.field(factory=Alignment)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` range of :attr:`text` to the original string.

        A span never starts on a deleted invisible mark; trailing diacritics
        removed by normalisation stay with the word they belong to.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"range {start}:{end} is outside the normalised text (length {len(self.text)})")
        o_start = self.alignment.back_start(start)
        o_end = self.alignment.back_end(end) if end > start else o_start
        o_end = max(o_end, o_start)
        if end > start:
            orig = self.original
            while o_end < len(orig) and orig[o_end] in _DIACRITICS:
                o_end += 1
        return o_start, o_end

    def to_normalized(self, offset: int) -> int:
        """Where an offset of the original string lands in :attr:`text`."""
        if not 0 <= offset <= len(self.original):
            raise ValueError(f"offset {offset} is outside the original text (length {len(self.original)})")
        return self.alignment.forward(offset)

    def span(self, start: int, end: int) -> Span:
        """The original :class:`~persnews.Span` behind ``text[start:end]``."""
        s, e = self.to_original(start, end)
        return Span(s, e, self.original[s:e])


# --- character tables -------------------------------------------------------

_ARABIC_LETTERS = str.maketrans(
    {
        "\u064a": "\u06cc",  # ي Arabic yeh
        "\u0649": "\u06cc",  # ى alef maksura
        "\u06d2": "\u06cc",  # ے yeh barree
        "\u0643": "\u06a9",  # ك Arabic kaf
        "\u06aa": "\u06a9",  # ڪ swash kaf
        "\u0629": "\u0647",  # ة teh marbuta
        "\u06c0": "\u0647",  # ۀ: one letter for one, so offsets stay put
        "\u06d5": "\u0647",  # ە ae
        "\u0623": "\u0627",  # أ
        "\u0625": "\u0627",  # إ
        "\u0671": "\u0627",  # ٱ alef wasla
    }
)

_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_TO_ASCII = str.maketrans(_PERSIAN_DIGITS + _ARABIC_DIGITS + "٫٬", "0123456789" * 2 + ".,")
_TO_PERSIAN = str.maketrans("0123456789" + _ARABIC_DIGITS, _PERSIAN_DIGITS * 2)
_ARABIC_TO_PERSIAN_DIGITS = str.maketrans(_ARABIC_DIGITS, _PERSIAN_DIGITS)


def to_ascii_digits(text: str) -> str:
    """Write every Persian or Arabic-Indic digit as an ASCII digit.

    The Persian decimal separator ``٫`` becomes ``.`` and the thousands
    separator ``٬`` becomes ``,``.  The length never changes.

    Example:
        >>> to_ascii_digits("۱۲٫۵ درصد")
        '12.5 درصد'
    """
    _require_str(text, "to_ascii_digits")
    return text.translate(_TO_ASCII)


def to_persian_digits(text: str) -> str:
    """Write every ASCII or Arabic-Indic digit as a Persian digit.

    Example:
        >>> to_persian_digits("سال 2024")
        'سال ۲۰۲۴'
    """
    _require_str(text, "to_persian_digits")
    return text.translate(_TO_PERSIAN)


def _require_str(text: object, where: str) -> None:
    if isinstance(text, (bytes, bytearray)):
        raise TypeError(f"{where}() expects str, got bytes: decode it first, e.g. data.decode('utf-8')")
    if not isinstance(text, str):
        raise TypeError(f"{where}() expects str, got {type(text).__name__}")


# --- sub-steps --------------------------------------------------------------

_NO_EDITS = Edits.from_edits(())

_INVISIBLE = regex.compile("[\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]+")
_NBSP = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u200a": " "})


def fix_invisible(text: str) -> tuple[str, Edits]:
    """Drop ZWJ, LRM/RLM, bidi embeddings, BOM and soft hyphens; turn
    non-breaking and thin spaces into plain spaces."""
    text = text.translate(_NBSP)
    return rewrite(text, _INVISIBLE, lambda m: "")


def fix_arabic_letters(text: str) -> tuple[str, Edits]:
    """Arabic ي ك ة and friends become their Persian letters (one for one)."""
    return text.translate(_ARABIC_LETTERS), _NO_EDITS


def digits_step(mode: DigitsMode) -> Step:
    """A sub-step writing digits in one script (``"keep"`` only unifies
    Arabic-Indic digits into Persian ones)."""
    table = {"ascii": _TO_ASCII, "persian": _TO_PERSIAN, "keep": _ARABIC_TO_PERSIAN_DIGITS}[mode]

    def fix_digits(text: str) -> tuple[str, Edits]:
        return text.translate(table), _NO_EDITS

    return fix_digits


_KASHIDA = regex.compile("\u0640+")


def remove_kashida(text: str) -> tuple[str, Edits]:
    """Remove the tatweel ``ـ`` used to stretch words."""
    return rewrite(text, _KASHIDA, lambda m: "")


_DIACRITICS_RE = regex.compile(f"[{_DIACRITICS}]+")


def remove_diacritics(text: str) -> tuple[str, Edits]:
    """Remove harakat, tanwin, shadda and superscript alef."""
    return rewrite(text, _DIACRITICS_RE, lambda m: "")


def normalize(
    text: str,
    *,
    invisible: bool = True,
    arabic_letters: bool = True,
    digits: DigitsMode = "keep",
    kashida: bool = True,
    diacritics: bool = True,
) -> Normalized:
    """Normalise Persian text and keep an alignment back to the original.

    Args:
        text: the caller's text.
        invisible: drop invisible marks (ZWJ, LRM/RLM, BOM), unify spaces.
        arabic_letters: Arabic ي ك ة ۀ become Persian letters.
        digits: ``"persian"`` or ``"ascii"`` writes all digits in that script;
            ``"keep"`` (default) only turns Arabic-Indic digits into Persian
            ones and leaves ASCII digits alone.
        kashida: remove the tatweel.
        diacritics: remove short-vowel marks.

    Returns:
        A :class:`Normalized`; ``normalize(n.text).text == n.text``.

    Raises:
        TypeError: ``text`` is not a ``str`` (decode ``bytes`` first).

    Example:
        >>> normalize("علي‌اكبر ۱۲").text
        'علی‌اکبر ۱۲'
    """
    _require_str(text, "normalize")
    steps: list[Step] = []
    if invisible:
        steps.append(fix_invisible)
    if arabic_letters:
        steps.append(fix_arabic_letters)
    steps.append(digits_step(digits))
    if kashida:
        steps.append(remove_kashida)
    if diacritics:
        steps.append(remove_diacritics)
    return apply_steps(text, steps)


def apply_steps(text: str, steps: list[Step]) -> Normalized:
    """Run sub-steps in order, chaining their alignments."""
    alignment = Alignment()
    current = text
    for step in steps:
        current, edits = step(current)
        alignment = alignment.then(edits)
    return Normalized(text, current, alignment)
