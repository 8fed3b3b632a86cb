"""Offset-preserving normalisation of Persian text.

:func:`normalize` returns a :class:`Normalized`: the rewritten string plus an
alignment, so that a span found in the normalised text maps back to exact
offsets in the caller's original string (and forward).  Each sub-step is a
plain function ``str -> (str, Edits)`` and can be switched off with a
keyword argument of :func:`normalize`.

The sub-steps run in this order, each on the previous one's output:

1. :func:`fix_invisible` drops ZWJ, LRM/RLM, bidi controls, BOM and soft
   hyphens and turns every other space character into a plain space;
2. :func:`fix_arabic_letters` writes Arabic ي ك ة ۀ... as Persian letters;
3. :func:`digits_step` writes digits in one script (or only unifies
   Arabic-Indic digits into Persian ones);
4. :func:`remove_kashida` and 5. :func:`remove_diacritics`;
6. :func:`fix_zwnj` removes ZWNJs that are doubled, next to a space, at
   the edge of a word or after a letter that does not join to the left;
7. :func:`fix_spacing` puts no space before and one after punctuation,
   none inside « » and ( ), and collapses runs of spaces and tabs (line
   breaks are kept as they are);
8. :func:`join_affixes` turns the space after می/نمی and before suffixes
   such as ها، ترین، اند into a ZWNJ where hazm's lexicon says the joined
   result is a word (one character for one, so offsets stay put; after a
   non-joining letter the space is dropped instead: بندر ها -> بندرها).

The order makes the whole idempotent: no later step creates something an
earlier one would rewrite.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Literal

import attrs

from persnews import _zwnj
from persnews._align import Alignment, Edits, EditsBuilder, rewrite
from persnews._checks import require_str as _require_str
from persnews._patterns import LazyPattern
from persnews.model import Span

if TYPE_CHECKING:
    import regex

__all__ = [
    "Normalized",
    "apply_steps",
    "digits_step",
    "fix_arabic_letters",
    "fix_invisible",
    "fix_presentation_forms",
    "fix_spacing",
    "fix_zwnj",
    "join_affixes",
    "normalize",
    "remove_diacritics",
    "remove_kashida",
    "to_ascii_digits",
    "to_persian_digits",
]

DigitsMode = Literal["persian", "ascii", "keep"]
Step = Callable[[str], tuple[str, Edits]]

ZWNJ = "\u200c"
_DIACRITICS = (
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655"
    "\u0656\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670"
)


@attrs.frozen(slots=True, eq=False)
class Normalized:
    """A normalised string and its alignment with the original.

    Example:
        >>> n = normalize("كتاب هاي من")
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

        A span never starts on a deleted invisible mark; diacritics that
        normalisation removed right after the span stay with the word they
        belong to.

        Args:
            start: start offset in :attr:`text`.
            end: end offset in :attr:`text` (``start <= end``).

        Returns:
            ``(start, end)`` offsets into :attr:`original`.

        Raises:
            ValueError: the range is not inside :attr:`text`.

        Example:
            >>> normalize("كتابِ خوب").to_original(0, 4)
            (0, 5)
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"range {start}:{end} is outside the normalised text (length {len(self.text)})")
        o_start = self.alignment.back_start(start)
        o_end = self.alignment.back_end(end) if end > start else o_start
        o_end = max(o_end, o_start)
        if end > start:
            orig = self.original
            forward = self.alignment.forward
            # Only diacritics that were deleted: a kept one is text of its own.
            while o_end < len(orig) and orig[o_end] in _DIACRITICS and forward(o_end + 1) == end:
                o_end += 1
        return o_start, o_end

    def to_normalized(self, offset: int) -> int:
        """Where an offset of the original string lands in :attr:`text`.

        Args:
            offset: an offset into :attr:`original` (``0..len(original)``).

        Returns:
            The offset in :attr:`text`; an offset inside a rewritten stretch
            lands at the start of its replacement.

        Raises:
            ValueError: the offset is outside :attr:`original`.

        Example:
            >>> normalize("كتاب  خوب").to_normalized(6)
            5
        """
        if not 0 <= offset <= len(self.original):
            raise ValueError(f"offset {offset} is outside the original text (length {len(self.original)})")
        return self.alignment.forward(offset)

    def span(self, start: int, end: int) -> Span:
        """The original :class:`~persnews.Span` behind ``text[start:end]``.

        Args:
            start: start offset in :attr:`text`.
            end: end offset in :attr:`text`.

        Returns:
            A :class:`~persnews.Span` whose text is the original's slice.

        Raises:
            ValueError: the range is not inside :attr:`text`.

        Example:
            >>> n = normalize("ظريف مي رود")
            >>> n.text
            'ظریف می‌رود'
            >>> n.span(5, 11).text
            'مي رود'
        """
        s, e = self.to_original(start, end)
        return Span(s, e, self.original[s:e])


# --- character tables -------------------------------------------------------

# One character for one, so offsets stay put.  str.replace per character is
# much faster than str.translate with a dict for non-ASCII text.
_ARABIC_LETTERS: tuple[tuple[str, str], ...] = (
    ("\u064a", "\u06cc"),  # ي Arabic yeh
    ("\u0649", "\u06cc"),  # ى alef maksura
    ("\u06d2", "\u06cc"),  # ے yeh barree
    ("\u0643", "\u06a9"),  # ك Arabic kaf
    ("\u06aa", "\u06a9"),  # ڪ swash kaf
    ("\u0629", "\u0647"),  # ة teh marbuta
    ("\u06c0", "\u0647"),  # ۀ heh with yeh above
    ("\u06d5", "\u0647"),  # ە ae
    ("\u0623", "\u0627"),  # أ
    ("\u0625", "\u0627"),  # إ
    ("\u0671", "\u0627"),  # ٱ alef wasla
)

_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_ASCII_DIGITS = "0123456789"
_TO_ASCII = tuple(zip(_PERSIAN_DIGITS + _ARABIC_DIGITS + "٫٬", _ASCII_DIGITS * 2 + ".,", strict=True))
_TO_PERSIAN = tuple(zip(_ASCII_DIGITS + _ARABIC_DIGITS, _PERSIAN_DIGITS * 2, strict=True))
_ARABIC_TO_PERSIAN_DIGITS = tuple(zip(_ARABIC_DIGITS, _PERSIAN_DIGITS, strict=True))

# Every space character but the plain one (Unicode category Zs).
_SPACES = tuple((c, " ") for c in "\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))


def _replace_chars(text: str, table: tuple[tuple[str, str], ...]) -> str:
    for old, new in table:
        if old in text:
            text = text.replace(old, new)
    return text


def to_ascii_digits(text: str) -> str:
    """Write every Persian or Arabic-Indic digit as an ASCII digit.

    The Persian decimal separator ``٫`` becomes ``.`` and the thousands
    separator ``٬`` becomes ``,``.  The length never changes.

    Args:
        text: any text.

    Returns:
        The text with ASCII digits.

    Raises:
        TypeError: ``text`` is not a ``str``.

    Example:
        >>> to_ascii_digits("۱۲٫۵ درصد")
        '12.5 درصد'
    """
    _require_str(text, "to_ascii_digits")
    return _replace_chars(text, _TO_ASCII)


def to_persian_digits(text: str) -> str:
    """Write every ASCII or Arabic-Indic digit as a Persian digit.

    Args:
        text: any text.

    Returns:
        The text with Persian digits (same length).

    Raises:
        TypeError: ``text`` is not a ``str``.

    Example:
        >>> to_persian_digits("سال 2024")
        'سال ۲۰۲۴'
    """
    _require_str(text, "to_persian_digits")
    return _replace_chars(text, _TO_PERSIAN)


# --- letter classes ---------------------------------------------------------

# Arabic-script letters (general category Lo in the Arabic blocks).
_LETTER_CLASS = (
    "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c8"
)
# Letters that never join the letter after them (ا د ذ ر ز ژ و and friends,
# Unicode joining type R or U).
_NON_JOINING_CLASS = (
    "\u0621\u0622-\u0625\u0627\u0629\u062f-\u0632\u0648\u0671-\u0677\u0688-\u0699\u06c0\u06c3-\u06cb"
    "\u06cd\u06cf\u06d2\u06d3\u06d5\u06ee\u06ef\u0759-\u075b\u076b\u076c\u0771\u0773\u0774\u0778\u0779"
    "\u08aa-\u08ac\u08ae\u08b1\u08b2\u08b9"
)


def _class_chars(cls: str) -> frozenset[str]:
    out: set[str] = set()
    i = 0
    while i < len(cls):
        if i + 2 < len(cls) and cls[i + 1] == "-":
            out.update(chr(c) for c in range(ord(cls[i]), ord(cls[i + 2]) + 1))
            i += 3
        else:
            out.add(cls[i])
            i += 1
    return frozenset(out)


_LETTERS = _class_chars(_LETTER_CLASS)
_NON_JOINING = _class_chars(_NON_JOINING_CLASS) | {"\u0674"}
# Letters (and the kashida) after which a ZWNJ has a visible effect.
_JOINING = (_LETTERS - _NON_JOINING) | {"\u0640"}
_MARK_CLASS = r"\p{Mn}"
_WORD_CLASS = _LETTER_CLASS + "\u0640" + ZWNJ + _MARK_CLASS


def _joins_left(text: str, i: int) -> bool:
    """Whether the letter ending at ``i`` (skipping combining marks) joins to the left."""
    i -= 1
    while i >= 0 and unicodedata.category(text[i]) == "Mn":
        i -= 1
    return i >= 0 and text[i] in _JOINING


# --- sub-steps --------------------------------------------------------------

_NO_EDITS = Edits.from_edits(())

_INVISIBLE = LazyPattern(
    "[\u061c\u180e\u200b\u200d\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]+"
)


def fix_invisible(text: str) -> tuple[str, Edits]:
    """Drop invisible marks and unify space characters.

    ZWSP, ZWJ, LRM/RLM, the Arabic letter mark, bidi embeddings and
    isolates, word joiners, BOM and soft hyphens are removed; non-breaking,
    thin and other space characters become plain spaces (one for one).
    ZWNJ is left to :func:`fix_zwnj`.

    Args:
        text: the text.

    Returns:
        The rewritten text and its edits.

    Example:
        >>> fix_invisible("سلام\u200f\u00a0دنیا")[0]
        'سلام دنیا'
    """
    return rewrite(_replace_chars(text, _SPACES), _INVISIBLE(), lambda m: "")


# Arabic presentation forms (contextual shapes and ligatures, as text copied from a PDF has them)
# -> the letters they show: their compatibility decomposition, without the space NFKC puts before
# an isolated diacritic.  Only characters whose decomposition differs are rewritten.
_PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFC))
_PRESENTATION = LazyPattern("[\ufb50-\ufdff\ufe70-\ufefc]")


@cache
def _presentation_table() -> dict[str, str]:
    table = {}
    for lo, hi in _PRESENTATION_RANGES:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            letters = unicodedata.normalize("NFKC", ch).strip()
            if letters and letters != ch:
                table[ch] = letters
    return table


def fix_presentation_forms(text: str) -> tuple[str, Edits]:
    """Arabic presentation forms become the letters they show.

    Contextual shapes (``ﺑ ﯿ ﮋ``) become their letters one for one; a
    ligature becomes its letters (``ﻻ`` -> ``لا``, ``ﷲ`` -> ``الله``), so
    the text can grow.

    Args:
        text: the text.

    Returns:
        The rewritten text and its edits.

    Example:
        >>> fix_presentation_forms("ﺑﯿﮋن ﺟﻨﺘﯽ")[0]
        'بیژن جنتی'
    """
    if _PRESENTATION().search(text) is None:  # most text: one C-level scan
        return text, _NO_EDITS
    table = _presentation_table()
    return rewrite(text, _PRESENTATION(), lambda m: table.get(m.group(), m.group()))


def fix_arabic_letters(text: str) -> tuple[str, Edits]:
    """Arabic ي ك ة ۀ and friends become their Persian letters (one for one).

    Args:
        text: the text.

    Returns:
        The rewritten text and its (empty) edits.

    Example:
        >>> fix_arabic_letters("علي اكبر")[0]
        'علی اکبر'
    """
    return _replace_chars(text, _ARABIC_LETTERS), _NO_EDITS


def digits_step(mode: DigitsMode) -> Step:
    """A sub-step writing digits in one script.

    Args:
        mode: ``"ascii"`` (Persian and Arabic-Indic digits, ``٫`` and ``٬``
            become ``0-9 . ,``), ``"persian"`` (ASCII and Arabic-Indic digits
            become Persian) or ``"keep"`` (only Arabic-Indic digits become
            Persian; ASCII digits stay).

    Returns:
        The sub-step function.

    Raises:
        ValueError: ``mode`` is none of the three.

    Example:
        >>> digits_step("ascii")("۱۲٫۵")[0]
        '12.5'
    """
    tables = {"ascii": _TO_ASCII, "persian": _TO_PERSIAN, "keep": _ARABIC_TO_PERSIAN_DIGITS}
    if mode not in tables:
        raise ValueError(f'digits must be "persian", "ascii" or "keep", got {mode!r}')
    table = tables[mode]

    def fix_digits(text: str) -> tuple[str, Edits]:
        return _replace_chars(text, table), _NO_EDITS

    return fix_digits


_KASHIDA = LazyPattern("\u0640+")


def remove_kashida(text: str) -> tuple[str, Edits]:
    """Remove the tatweel ``ـ`` used to stretch words.

    Args:
        text: the text.

    Returns:
        The rewritten text and its edits.

    Example:
        >>> remove_kashida("ایـــران")[0]
        'ایران'
    """
    return rewrite(text, _KASHIDA(), lambda m: "")


_DIACRITICS_RE = LazyPattern(f"[{_DIACRITICS}]+")


def remove_diacritics(text: str) -> tuple[str, Edits]:
    """Remove harakat, tanwin, shadda, hamza marks and superscript alef.

    Args:
        text: the text.

    Returns:
        The rewritten text and its edits.

    Example:
        >>> remove_diacritics("حَذفِ اِعراب")[0]
        'حذف اعراب'
    """
    return rewrite(text, _DIACRITICS_RE(), lambda m: "")


_ZWNJ_RUN = LazyPattern(ZWNJ + "+")


def fix_zwnj(text: str) -> tuple[str, Edits]:
    """Keep a ZWNJ only where it separates two letters and has an effect.

    A run of ZWNJs becomes one; a ZWNJ goes when it is next to a space, a
    digit, punctuation or the edge of the text, or follows a letter that
    does not join to the left anyway (ا د ذ ر ز ژ و ...).

    Args:
        text: the text.

    Returns:
        The rewritten text and its edits.

    Example:
        >>> fix_zwnj("کتاب\u200c\u200cها و کشور\u200cها\u200c")[0] == "کتاب\u200cها و کشورها"
        True
    """

    def replace(m: regex.Match[str]) -> str:
        s, e = m.span()
        string = m.string
        keep = e < len(string) and string[e] in _LETTERS and _joins_left(string, s)
        return ZWNJ if keep else ""

    return rewrite(text, _ZWNJ_RUN(), replace)


# Spacing.  A "gap" is a maximal run of spaces and tabs (possibly empty)
# between two other characters.  Its new content depends only on the
# characters around it, never on other gaps, which keeps the step idempotent.
_OPEN = "«("
_CLOSE = "»)"
_PERSIAN_SEP = "،؛؟"
_LATIN_SEP = ".!:"
_PUNCT = _OPEN + _CLOSE + _PERSIAN_SEP + _LATIN_SEP
_NEWLINES = "\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85"
_HSPACE = " \t"
_P = re.escape(_PUNCT + _NEWLINES)
# A cluster of punctuation and line breaks with the spaces between and around
# them; or a run of spaces that needs collapsing; or a space at the text's
# edges.  Every alternative starts with a character class and none can match
# empty, so the scan is fast and linear.
_CLUSTER = rf"[{_P}][ \t]*(?:[{_P}][ \t]*)*"
_GAP = re.compile(rf"{_CLUSTER}|[ \t](?:[ \t]*{_CLUSTER}|[ \t]+|\Z)|\t|\A ")
_KEEP = None


def _latin_or_digit(c: str) -> bool:
    return c.isalnum() and c not in _LETTERS


def _prev_solid(text: str, i: int) -> int:
    """Index of the last non-space character before ``i`` (or -1)."""
    i -= 1
    while i >= 0 and text[i] in _HSPACE:
        i -= 1
    return i


def _gap_decision(text: str, s: int, e: int) -> str | None:
    """What the gap ``text[s:e]`` becomes: ``""``, ``" "`` or ``_KEEP``."""
    n = len(text)
    left = text[s - 1] if s > 0 else ""
    right = text[e] if e < n else ""
    if not left or not right or left in _NEWLINES or right in _NEWLINES:
        return ""
    if right in _CLOSE or left in _OPEN:
        return ""
    if right in _PERSIAN_SEP:
        return ""
    if right in _LATIN_SEP:
        # ".NET", "ساعت :30": the mark belongs to what follows.
        return _KEEP if e + 1 < n and _latin_or_digit(text[e + 1]) else ""
    if left in _PERSIAN_SEP:
        if right.isdigit():
            before = _prev_solid(text, s - 1)
            if before >= 0 and text[before].isdigit():
                return _KEEP  # ۱۲، ۵ or ۱۲،۵: a list or decimal of numbers, left alone
        return " "
    if left == "»":
        return " "
    if left in _LATIN_SEP or left == ")":
        if right in _LETTERS or right == "«":
            if left == "." and _short_word_before(text, s - 1):
                return _KEEP  # ه.ش، ق.ظ: abbreviations
            return " "
        return _KEEP
    if right == "«":
        return " "
    if right == "(":
        return " " if left in _LETTERS else _KEEP
    return _KEEP


def _short_word_before(text: str, i: int) -> bool:
    """Whether the word before position ``i`` (spaces skipped) has fewer than two letters."""
    j = _prev_solid(text, i)
    count = 0
    while j >= 0 and count < 2 and (text[j].isalpha() or text[j] == ZWNJ):
        count += 1
        j -= 1
    return count < 2


def _new_gap(text: str, s: int, e: int) -> str:
    """The new content of the gap ``text[s:e]``."""
    decision = _gap_decision(text, s, e)
    if decision is _KEEP:
        return " " if e > s else ""
    return decision


def fix_spacing(text: str) -> tuple[str, Edits]:
    """Space punctuation the Persian way and collapse runs of spaces.

    No space before ``، ؛ ؟ . ! : » )``, one after; none inside ``« »`` and
    ``( )``; one before ``«`` and before ``(`` after a Persian word.  Runs of
    spaces and tabs become one space; spaces at the start and end of a line
    go; line breaks themselves are kept exactly (a blank line stays a blank
    line).  Latin words, URLs, e-mail addresses, numbers (``12.5``,
    ``1,000``, ``10:30``, ``۱۲٫۵``) and names such as ``Node.js`` are left
    alone: a space is added after ``.`` ``:`` ``!`` only before a Persian
    letter or ``«``.

    Args:
        text: the text.

    Returns:
        The rewritten text and its edits.

    Example:
        >>> fix_spacing("او گفت :«ما  آماده ایم »")[0]
        'او گفت: «ما آماده ایم»'
    """
    parts: list[str] = []
    edits = EditsBuilder()
    pos = 0
    for m in _GAP.finditer(text):
        i, end = m.span()
        # Walk the match gap by gap (a gap may be empty), one edit per gap,
        # so that the punctuation in between keeps its own offsets.
        while True:
            j = i
            while j < end and text[j] in _HSPACE:
                j += 1
            new = _new_gap(text, i, j)
            if new != text[i:j]:
                parts.append(text[pos:i])
                parts.append(new)
                pos = j
                if len(new) != j - i:
                    edits.add(i, j, len(new))
            if j >= end:
                break
            i = j + 1
    if not parts:
        return text, _NO_EDITS
    parts.append(text[pos:])
    return "".join(parts), edits.build()


def _first_part(text: str, i: int) -> str:
    """The letters from ``i`` up to the first non-letter (a ZWNJ ends it too)."""
    j = i
    n = len(text)
    while j < n and text[j] in _LETTERS:
        j += 1
    return text[i:j]


_WORD_CHARS_NO_MARKS = _LETTERS | {ZWNJ, "\u0640"}
_MAX_STEM = 40


def _is_word_char(c: str) -> bool:
    return c in _WORD_CHARS_NO_MARKS or unicodedata.category(c) == "Mn"


def _stem_before(text: str, i: int, joined: dict[int, str]) -> str:
    """The word ending at ``i``, with the spaces already joined in this pass."""
    chars: list[str] = []
    j = i - 1
    while j >= 0 and len(chars) < _MAX_STEM:
        c = text[j]
        if _is_word_char(c):
            chars.append(c)
        elif c == " " and j in joined:
            chars.append(joined[j])
        else:
            break
        j -= 1
    return "".join(reversed(chars))


def _following(text: str, i: int, count: int = 2) -> tuple[str, ...]:
    """First parts of the next ``count`` words after ``i`` (each after one space)."""
    words: list[str] = []
    n = len(text)
    while len(words) < count and i < n and text[i] == " ":
        word = _first_part(text, i + 1)
        if not word:
            break
        words.append(word)
        i += 1 + len(word)
        while i < n and _is_word_char(text[i]):
            i += 1
    return tuple(words)


# Arabic combining marks, for the end of a suffix (the stem scan also knows
# marks of other scripts; a suffix followed by one is simply not a word end).
_ARABIC_MARKS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u08ca-\u08ff"
)


@cache
def _join_pattern(prefix_ends: tuple[str, ...], suffixes: tuple[str, ...]) -> re.Pattern[str]:
    def alternation(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    # Both alternatives begin with literal text, which the engine finds fast;
    # what lies before a match is checked in Python.
    word = _LETTER_CLASS + "\u0640" + ZWNJ + _ARABIC_MARKS
    return re.compile(
        rf"(?P<pre>{alternation(prefix_ends)})(?= [{_LETTER_CLASS}])"
        rf"| (?P<suf>{alternation(suffixes)})(?![{word}])"
    )


def _prefix_at(text: str, m: re.Match[str], prefixes: frozenset[str]) -> bool:
    """Whether the prefix-like match is a whole word (می, نمی) and not a word's end."""
    e = m.end()
    for prefix in prefixes:
        start = e - len(prefix)
        if (
            start >= 0
            and text.startswith(prefix, start)
            and (start == 0 or not _is_word_char(text[start - 1]))
        ):
            return True
    return False


def join_affixes(text: str, *, rules: _zwnj.JoinRules | None = None) -> tuple[str, Edits]:
    """Join می/نمی and suffixes such as ها، ترین، اند to their word.

    The space becomes a ZWNJ (one character for one), or is dropped when
    the word ends in a letter that does not join to the left (``بندر ها``
    -> ``بندرها``).  It happens only where hazm's lexicon says the joined
    result is a word (see :mod:`persnews._zwnj`), so ``اعلام شده است``,
    ``جام می را`` and ``سبزی تر و تازه`` stay as they are.

    Args:
        text: the text (after :func:`fix_spacing`: only single spaces join).
        rules: the join rules; by default hazm's lexicon, loaded once.

    Returns:
        The rewritten text and its edits.

    Example:
        >>> join_affixes("کتاب ها را می خواند")[0] == "کتاب\u200cها را می\u200cخواند"
        True
    """
    if " " not in text:
        return text, _NO_EDITS
    rules = rules if rules is not None else _zwnj.rules()
    prefixes = frozenset(a for a, k in rules.kinds.items() if k == "prefix")
    suffixes = tuple(a for a, k in rules.kinds.items() if k != "prefix")
    if not prefixes and not suffixes:
        return text, _NO_EDITS
    # Match on the shortest prefix ending (می matches نمی too).
    ends = tuple(sorted({p for p in prefixes if not any(q != p and p.endswith(q) for q in prefixes)}))
    joined: dict[int, str] = {}
    seen: dict[tuple[str, str, tuple[str, ...]], bool] = {}  # news repeats its words
    prefix_space = -1
    for m in _join_pattern(ends or ("\uffff",), suffixes or ("\uffff",)).finditer(text):
        if m.group("pre") is not None:
            if _prefix_at(text, m, prefixes):
                prefix_space = m.end()
                if rules.prefix_joins(_first_part(text, prefix_space + 1)):
                    joined[prefix_space] = ZWNJ
            continue
        space = m.start()
        if space == prefix_space or not space or text[space - 1] not in _LETTERS:
            continue
        key = (_stem_before(text, space, joined), m.group("suf"), _following(text, m.end()))
        verdict = seen.get(key)
        if verdict is None:
            verdict = seen[key] = rules.suffix_joins(*key)
        if verdict:
            joined[space] = ZWNJ if _joins_left(text, space) else ""
    if not joined:
        return text, _NO_EDITS
    parts: list[str] = []
    edits = EditsBuilder()
    pos = 0
    for space, new in joined.items():
        parts.append(text[pos:space])
        parts.append(new)
        pos = space + 1
        if not new:
            edits.add(space, space + 1, 0)
    parts.append(text[pos:])
    return "".join(parts), edits.build()


def normalize(
    text: str,
    *,
    invisible: bool = True,
    presentation_forms: bool = True,
    arabic_letters: bool = True,
    digits: DigitsMode = "keep",
    kashida: bool = True,
    diacritics: bool = True,
    zwnj: bool = True,
    spacing: bool = True,
    affixes: bool = True,
) -> Normalized:
    """Normalise Persian text and keep an alignment back to the original.

    Args:
        text: the caller's text.
        invisible: drop invisible marks (ZWJ, LRM/RLM, BOM), unify spaces.
        presentation_forms: Arabic presentation forms (the contextual shapes
            and ligatures of text copied from a PDF) become plain letters.
        arabic_letters: Arabic ي ك ة ۀ become Persian letters.
        digits: ``"persian"`` or ``"ascii"`` writes all digits in that script
            (``"ascii"`` also writes ``٫ ٬`` as ``. ,``); ``"keep"`` (default)
            only turns Arabic-Indic digits into Persian ones and leaves ASCII
            digits alone.
        kashida: remove the tatweel.
        diacritics: remove short-vowel marks.
        zwnj: remove doubled or misplaced ZWNJs.
        spacing: space punctuation and collapse runs of spaces.
        affixes: join می/نمی and suffixes (ها، ترین، اند...) with a ZWNJ
            where the lexicon says the result is a word.

    Returns:
        A :class:`Normalized`; ``normalize(n.text).text == n.text``.

    Raises:
        TypeError: ``text`` is not a ``str`` (decode ``bytes`` first).
        ValueError: ``digits`` is not one of the three modes.

    Example:
        >>> normalize("علي‌اكبر مي گويد : «كتاب ها ۱۲٫۵ درصد گران تر شده اند »").text == (
        ...     "علی\u200cاکبر می\u200cگوید: «کتاب\u200cها ۱۲٫۵ درصد گران\u200cتر شده\u200cاند»"
        ... )
        True
    """
    _require_str(text, "normalize")
    steps: list[Step] = []
    if invisible:
        steps.append(fix_invisible)
    if presentation_forms:
        steps.append(fix_presentation_forms)
    if arabic_letters:
        steps.append(fix_arabic_letters)
    steps.append(digits_step(digits))
    if kashida:
        steps.append(remove_kashida)
    if diacritics:
        steps.append(remove_diacritics)
    if zwnj:
        steps.append(fix_zwnj)
    if spacing:
        steps.append(fix_spacing)
    if affixes:
        steps.append(join_affixes)
    return apply_steps(text, steps)


def apply_steps(text: str, steps: list[Step]) -> Normalized:
    """Run sub-steps in order, chaining their alignments.

    Args:
        text: the original text.
        steps: functions ``str -> (str, Edits)``.

    Returns:
        The :class:`Normalized` result.

    Example:
        >>> apply_steps("ایـران", [remove_kashida]).text
        'ایران'
    """
    alignment = Alignment()
    current = text
    for step in steps:
        current, edits = step(current)
        alignment = alignment.then(edits)
    return Normalized(text, current, alignment)
