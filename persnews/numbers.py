"""Numbers written in Persian: words, digits of every script, and the two mixed.

Persian news mostly writes numbers as digits with a scale word
(``۸۳۰ میلیارد``, ``۱۷۱ میلیون و ۶۱۹ هزار``), sometimes wholly in words
(``هزار و دویست و پنجاه``), with ``/`` as the decimal point (``۵/۲``) and
indefinite magnitudes (``صدها``, ``ده‌ها میلیون``).  :func:`parse_number`
reads one such number; :func:`read_number` also says whether it is a lower
bound or an ordinal; :func:`number_to_words` writes an integer in words.

Reading rules:

* parts are joined by ``و``; a scale word multiplies what precedes it, and
  everything before it that was smaller (``هزار و دویست میلیارد`` is
  1,200 × 10⁹, as news means it);
* ``صدها``, ``هزاران``, ``ده‌ها`` and ``چند`` (before a scale word) give a
  lower bound and set ``approximate``;
* ordinals are read as their number (``چهاردهم`` 14, ``سومین`` 3, ``اول`` 1).

The number words live in ``data/number_words.tsv``.
"""

from __future__ import annotations

import collections
import itertools
import threading
import types
import weakref
from collections.abc import Iterator, Mapping, Sequence
from fractions import Fraction
from typing import NamedTuple, TypeAlias, TypeVar

import attrs
import regex

from persnews import _resources
from persnews._checks import require_str as _check_str

__all__ = ["NumberReading", "number_to_words", "parse_number", "read_number"]

_V = TypeVar("_V")


@attrs.frozen(slots=True)
class NumberReading:
    """What :func:`read_number` found.

    Attributes:
        value: the number (an ``int`` when it is whole); a lower bound when
            ``approximate``.
        approximate: the text names an indefinite magnitude (``صدها``).
        ordinal: the text is an ordinal (``چهاردهم``, ``سومین``).

    Example:
        >>> read_number("ده‌ها میلیون")
        NumberReading(value=10000000, approximate=True, ordinal=False)
    """

    value: int | float
    approximate: bool = False
    ordinal: bool = False


# --- tokens shared by the number, time and amount readers ------------------------

WORD, NUM, PUNCT, BREAK = 0, 1, 2, 3


class Tok(NamedTuple):
    """One token of the normalised text: a word, a digit run, a mark or a line break."""

    kind: int
    start: int
    end: int
    #: word: letters only (no ZWNJ, no marks, Persian letters); digits: ASCII
    #: digits with their separators; otherwise the character itself.
    key: str


class Tokens:
    """The tokens of a text as parallel lists, in text order (``toks[i]`` is one :class:`Tok`).

    The readers index the lists: a tuple per token would cost more than
    finding the tokens does.
    """

    __slots__ = ("ends", "keys", "kinds", "num_at", "starts", "words")

    def __init__(self) -> None:
        self.kinds: list[int] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.keys: list[str] = []
        #: the key of each word and ``None`` for every other token: what lexicons match.
        self.words: list[str | None] = []
        #: the indices of the digit runs.
        self.num_at: list[int] = []

    def __len__(self) -> int:
        return len(self.kinds)

    def __getitem__(self, i: int) -> Tok:
        return Tok(self.kinds[i], self.starts[i], self.ends[i], self.keys[i])

    def __iter__(self) -> Iterator[Tok]:
        return map(Tok._make, zip(self.kinds, self.starts, self.ends, self.keys, strict=True))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tokens):
            return NotImplemented
        return (self.kinds, self.starts, self.ends, self.keys) == (
            other.kinds,
            other.starts,
            other.ends,
            other.keys,
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Tokens({list(self)!r})"

    def add(self, kind: int, start: int, end: int, key: str) -> None:
        if kind == NUM:
            self.num_at.append(len(self.kinds))
        self.kinds.append(kind)
        self.starts.append(start)
        self.ends.append(end)
        self.keys.append(key)
        self.words.append(key if kind == WORD else None)


# Alternatives are disjoint runs (digits, letters, line breaks, one mark):
# the scanner never backtracks more than one character.
_LEX = regex.compile(
    r"(\d+(?:[.,/:\-٫٬]\d+)*)"
    r"|([\p{L}\p{M}]+(?:\u200c+[\p{L}\p{M}]+)*)"
    r"|([\n\r\v\f\u2028\u2029])"
    r"|([^\s\u200c])"
)
_NOT_IN_KEY = regex.compile(r"[\u200c\p{Mn}]+")
_KEY_PAIRS = tuple(
    {
        "\u064a": "\u06cc",
        "\u0649": "\u06cc",
        "\u0643": "\u06a9",
        "\u0629": "\u0647",
        "\u06c0": "\u0647",
        "\u0623": "\u0627",
        "\u0625": "\u0627",
        "\u0671": "\u0627",
        "\u0622": "\u0627",
    }.items()
)
_KEY_LETTERS = str.maketrans(dict(_KEY_PAIRS))
_DIGIT_SEPARATORS = str.maketrans({"٫": ".", "٬": ","})
_ZWNJ = "\u200c"


def word_key(word: str) -> str:
    """The lookup form of a word or phrase: no ZWNJ, spaces or marks; Persian letters; آ as ا."""
    if not word.isalpha():
        word = _NOT_IN_KEY.sub("", word).replace(" ", "")
    return word.translate(_KEY_LETTERS)


def _ascii_digits(text: str) -> str:
    if text.isascii():
        return text
    return "".join(str(int(c)) if c.isdecimal() else c for c in text).translate(_DIGIT_SEPARATORS)


def _split_number_words(word: str, start: int) -> list[tuple[int, int, str]] | None:
    """``یک‌هزار`` is two number words joined by ZWNJ: their (start, end, key), or ``None``."""
    parts = word.split(_ZWNJ)
    words = _number_data().words
    keys = []
    for part in parts:  # most such words are no numbers: stop at the first part that is none
        key = part if part.isalpha() else _NOT_IN_KEY.sub("", part)
        if not key or key not in words:
            return None
        keys.append(key)
    out = []
    pos = start
    for part, key in zip(parts, keys, strict=True):
        if part:
            out.append((pos, pos + len(part), key))
        pos += len(part) + 1
    return out


# Every token of a text, as the captures of the four groups of _LEX in one
# match of a repeated group (read in one call each, where iterating over
# matches costs an object a token).  Only spaces other than line breaks and
# ZWNJ stand between tokens: every other character starts one.
_LEX_ALL = regex.compile(r"(?:(?:[^\S\n\r\v\f\u2028\u2029]|\u200c)*+(?:" + _LEX.pattern + r"))*+")


def _lex_regex(text: str, base: int, toks: Tokens) -> None:
    """Add the tokens of ``text`` (letters already unified), shifted by ``base``, to ``toks``."""
    found = _LEX_ALL.match(text)
    assert found is not None  # the pattern matches the empty string
    rows: list[tuple[int, int, int, str]] = [
        (start, NUM, end, _ascii_digits(key))
        for start, end, key in zip(found.starts(1), found.ends(1), found.captures(1), strict=True)
    ]
    for start, end, word in zip(found.starts(2), found.ends(2), found.captures(2), strict=True):
        if word.isalpha():
            rows.append((start, WORD, end, word))
            continue
        # Words with ZWNJ or marks: a key without them, or two number words.
        split = _split_number_words(word, start) if _ZWNJ in word else None
        if split is None:
            rows.append((start, WORD, end, _NOT_IN_KEY.sub("", word)))
        else:
            rows.extend((s, WORD, e, k) for s, e, k in split)
    rows.extend((start, BREAK, start + 1, "\n") for start in found.starts(3))
    rows.extend(
        (start, PUNCT, end, key)
        for start, end, key in zip(found.starts(4), found.ends(4), found.captures(4), strict=True)
    )
    rows.sort()  # by start (no two tokens start at one offset)
    for start, kind, end, key in rows:
        toks.add(kind, base + start, base + end, key)


# Marks that are a token of their own next to letters or digits: never a
# space, a letter, a digit or a line break, and not inside a digit run when
# they end the text between two spaces (``۱۲.`` is ``۱۲`` and ``.``).
_LONE_MARKS = frozenset(".،,:؛;!؟?«»()[]{}\"'/\\-–—…*|<>")


def _lex_chunk(chunk: str, pos: int, toks: Tokens) -> None:
    """Add the tokens of ``chunk`` (at ``pos``; not empty, no space in it) to ``toks``.

    A word or a digit run with a mark before or after it, and a word
    written with ZWNJ, are read here; anything else by the regular
    expression.
    """
    end = len(chunk)
    first = 1 if chunk[0] in _LONE_MARKS else 0
    last = end - 1 if chunk[-1] in _LONE_MARKS else end
    core = chunk[first:last]
    if not core:
        _lex_regex(chunk, pos, toks)
        return
    split = None
    start = pos + first
    if core.isalpha():
        kind, key = WORD, core
    elif core.isascii() and core.isdigit():
        kind, key = NUM, core
    elif (
        _ZWNJ in core
        and core[0] != _ZWNJ
        and core[-1] != _ZWNJ
        and (key := core.replace(_ZWNJ, "")).isalpha()
    ):
        # letters joined by ZWNJ: one word, or two number words (یک‌هزار)
        kind = WORD
        split = _split_number_words(core, start)
    else:
        _lex_regex(chunk, pos, toks)
        return
    if first:
        toks.add(PUNCT, pos, start, chunk[0])
    if split is None:
        toks.add(kind, start, start + len(core), key)
    else:
        for s, e, k in split:
            toks.add(WORD, s, e, k)
    if last < end:
        toks.add(PUNCT, pos + last, pos + end, chunk[-1])


# A letter that each Unicode version added (what Python's tables may know
# and the regex module's may not).
_NEWEST_LETTER = {
    "14.0.0": "\u0870",
    "15.0.0": "\U00011f04",
    "15.1.0": "\U0002ebf0",
    "16.0.0": "\U00011380",
    "17.0.0": "\U00016ea0",
}
_letters_agree_cache: bool | None = None


def _letters_agree() -> bool:
    """Whether every letter to ``str.isalpha`` is a letter to the regex module.

    Then a run of letters between two spaces is one word without asking the
    regular expression.  It holds when the regex module knows the newest
    letter of Python's Unicode version (its tables are then as new).
    """
    global _letters_agree_cache
    if _letters_agree_cache is None:
        import unicodedata

        newest = _NEWEST_LETTER.get(unicodedata.unidata_version)
        agree = newest is not None and regex.match(r"\p{L}", newest) is not None
        with _lock:
            _letters_agree_cache = agree
    return _letters_agree_cache


def tokens(text: str) -> Tokens:
    """The tokens of ``text`` (already normalised), with their offsets in it."""
    # Letters are unified once for the whole text (one for one, offsets kept);
    # str.replace is much faster than str.translate on non-ASCII text.
    for src, dst in _KEY_PAIRS:
        if src in text:
            text = text.replace(src, dst)
    toks = Tokens()
    if not _letters_agree():
        _lex_regex(text, 0, toks)
        return toks
    # No token holds a space, so the text is read between spaces; most of
    # what stands there is one word of letters only.
    kinds, starts, ends, keys, words = toks.kinds, toks.starts, toks.ends, toks.keys, toks.words
    pos = 0
    for chunk in text.split(" "):
        size = len(chunk)
        if chunk.isalpha():
            kinds.append(WORD)
            starts.append(pos)
            ends.append(pos + size)
            keys.append(chunk)
            words.append(chunk)
        elif size:
            _lex_chunk(chunk, pos, toks)
        pos += size + 1
    return toks


def lex(text: str) -> list[Tok]:
    """Tokens of ``text`` (already normalised) with their offsets in it."""
    return list(tokens(text))


# Lines longer than this are read afresh each time rather than kept.
_CACHED_LINE = 5_000


class Line(NamedTuple):
    """One line of a text, lexed: its tokens, with offsets counted from
    ``offset``, and the numbers they spell, by the index of their first token."""

    offset: int
    toks: Tokens
    numbers: Mapping[int, Num]


_Read: TypeAlias = "tuple[Tokens, Mapping[int, Num]]"


def _read(line: str) -> _Read:
    toks = tokens(line)
    return toks, types.MappingProxyType(scan_numbers(toks))


class _RecentLines:
    """The last lines read, each for the one object it was read for.

    A hit needs the same line *and* the same owner (the same
    :class:`~persnews.normalize.Normalized`, held weakly): the steps of one
    parse share their reading, and a second parse of a text costs what the
    first did.  An owner's id may be reused after it dies; its dead weak
    reference then makes the entry a miss.
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: collections.OrderedDict[tuple[int, str], tuple[weakref.ref[object], _Read]] = (
            collections.OrderedDict()
        )
        self._lock = threading.Lock()

    def read(self, owner: object, line: str) -> _Read:
        key = (id(owner), line)
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and hit[0]() is owner:
                self._items.move_to_end(key)
                return hit[1]
        found = _read(line)
        with self._lock:
            self._items[key] = (weakref.ref(owner), found)
            if len(self._items) > self._size:
                self._items.popitem(last=False)
        return found


_RECENT = _RecentLines(512)


def lex_lines(text: str, owner: object | None = None) -> Iterator[Line]:
    """The tokens and numbers of ``text``, one line at a time.

    No token crosses a line break, so the lines' tokens are those of
    :func:`lex` (without the breaks).  Working line by line keeps memory to
    one paragraph's tokens.  The times and amounts steps read the same
    paragraphs: given the same ``owner`` (their
    :class:`~persnews.normalize.Normalized`), they share the work through a
    small cache of recent lines.
    """
    start = 0
    size = len(text)
    while start < size:
        end = text.find("\n", start)
        if end < 0:
            end = size
        if end > start:
            line = text[start:end]
            if owner is not None and end - start <= _CACHED_LINE:
                toks, numbers = _RECENT.read(owner, line)
            else:
                toks, numbers = _read(line)
            if toks.kinds:
                yield Line(start, toks, numbers)
        start = end + 1


class Lexicon(Mapping[str, _V]):
    """A read-only table of phrases (in :func:`word_key` spelling) that can be matched on tokens.

    It keeps every prefix of its keys, so that a failed match costs one set
    lookup.
    """

    __slots__ = ("_data", "_prefixes")

    def __init__(self, data: Mapping[str, _V]) -> None:
        self._data = dict(data)
        self._prefixes = frozenset(k[:n] for k in self._data for n in range(1, len(k) + 1))

    def __getitem__(self, key: str) -> _V:
        return self._data[key]

    # Mapping's own __contains__ and get go through __getitem__ and a KeyError.
    def __contains__(self, key: object) -> bool:
        return key in self._data

    def get(self, key: str, default: _V | None = None) -> _V | None:  # type: ignore[override]
        return self._data.get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def starts(self, key: str) -> bool:
        """Whether some entry begins with ``key``."""
        return key in self._prefixes

    @property
    def prefixes(self) -> frozenset[str]:
        """Every prefix of every key."""
        return self._prefixes

    def match(self, words: Sequence[str | None], i: int, max_words: int = 3) -> tuple[_V, int] | None:
        """The longest entry spelt by the words from ``words[i]`` on, and how many tokens it takes.

        ``words`` are the keys of a text's words, ``None`` for its other
        tokens (:attr:`Tokens.words`).  Words are concatenated without
        separators, so ``سه شنبه``, ``سه‌شنبه`` and ``سهشنبه`` are one key.
        """
        prefixes = self._prefixes
        key = words[i]
        if key is None or key not in prefixes:
            return None
        data = self._data
        value = data.get(key)
        best = None if value is None else (value, 1)
        for j in range(i + 1, min(len(words), i + max_words)):
            word = words[j]
            if word is None:
                break
            key += word
            if key not in prefixes:
                break
            value = data.get(key)
            if value is not None:
                best = (value, j - i + 1)
        return best


# --- the number-word lexicon ---------------------------------------------------------

_UNIT, _TEEN, _TEN, _HUNDRED, _SCALE, _APPROX, _FEW, _HALF, _SIGN, _POINT = range(10)
_KINDS = {
    "unit": _UNIT,
    "teen": _TEEN,
    "ten": _TEN,
    "hundred": _HUNDRED,
    "scale": _SCALE,
    "approx": _APPROX,
    "few": _FEW,
    "half": _HALF,
    "sign": _SIGN,
    "point": _POINT,
}
# How many tokens a number-word entry may span (``ده ها``, ``میلیارد ها``).
_MAX_WORDS = 2


class _Word(NamedTuple):
    kind: int
    value: Fraction
    ordinal: bool


class _NumberData(NamedTuple):
    words: Lexicon[_Word]
    #: every ordinal made of a number word and a suffix (``چهاردهم``, ``سی‌ام``), by its key.
    ordinals: Mapping[str, _Word]
    #: the keys of the words a number can begin with.
    starters: frozenset[str]


_lock = threading.Lock()
_number_cache: _NumberData | None = None


def _number_data() -> _NumberData:
    global _number_cache
    if _number_cache is None:
        with _lock:
            if _number_cache is None:
                table: dict[str, _Word] = {}
                for row in _resources.rows("number_words.tsv"):
                    form, value, kind = row[0], Fraction(row[1]), row[2]
                    if kind == "ordinal":
                        table[word_key(form)] = _Word(_UNIT, value, True)
                    else:
                        table[word_key(form)] = _Word(_KINDS[kind], value, False)
                words = Lexicon(table)
                # An ordinal is a word of the table and a suffix, so trying every
                # suffix on every word finds them all.
                ordinals = {}
                for base in table:
                    for suffix in _ORDINAL_ENDINGS:
                        found = _ordinal_word(words, base + suffix)
                        if found is not None:
                            ordinals[base + suffix] = found
                # A word starts an element of a number only as (the beginning of)
                # an entry or an ordinal; ``سی ام`` starts with an entry, too.
                _number_cache = _NumberData(words, ordinals, words.prefixes | frozenset(ordinals))
    return _number_cache


# Cardinals whose ordinal is not cardinal + م / مین (سه → سوم; سی → سی‌ام).
_NO_PLAIN_M = frozenset({"سه", "سی"})
_ORDINAL_ENDINGS = ("امین", "مین", "ام", "م")


def _ordinal_word(words: Lexicon[_Word], key: str) -> _Word | None:
    """``چهاردهم`` → 14, ``دومین`` → 2, ``سی‌ام`` → 30 (as ordinals)."""
    if not key.endswith(("م", "مین")):
        return None
    for suffix in _ORDINAL_ENDINGS:
        if key.endswith(suffix) and len(key) > len(suffix):
            base = key[: -len(suffix)]
            w = words.get(base)
            if w is None or w.ordinal or w.kind > _SCALE:
                continue
            # سه → سوم (``سهم`` is "share"); سی → سی‌ام (``سیم`` is "wire"); ``دوام`` is not دوم.
            if (base in _NO_PLAIN_M) != (suffix in ("ام", "امین")):
                continue
            return _Word(w.kind, w.value, True)
    return None


# --- digits ----------------------------------------------------------------------------

_PLAIN = regex.compile(r"\d+")
_GROUPED = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DOT_GROUPED = regex.compile(r"\d{1,3}(?:\.\d{3}){2,}")
_DECIMAL = regex.compile(r"\d+[./]\d+")


def digits_value(key: str) -> Fraction | None:
    """The value of a digit token (``12,000``, ``2.5``, ``5/2``), or ``None`` for a date, a clock time..."""
    try:
        return _digits_value(key)
    except ValueError:
        # a digit newer than Python's Unicode tables (the regex module knows more of them)
        return None


def _digits_value(key: str) -> Fraction | None:
    if _PLAIN.fullmatch(key):
        return Fraction(int(key))
    if _GROUPED.fullmatch(key):
        return Fraction(key.replace(",", ""))
    if _DOT_GROUPED.fullmatch(key):
        return Fraction(int(key.replace(".", "")))
    if _DECIMAL.fullmatch(key):
        return Fraction(key.replace("/", "."))
    return None


# --- reading a number from tokens ---------------------------------------------------------


class Num(NamedTuple):
    """A number found in a token list: tokens ``first .. last - 1``."""

    first: int
    last: int
    value: Fraction
    approximate: bool
    ordinal: bool
    #: the digit token when the number is exactly one plain integer in digits.
    digits: str | None


_ORDINAL_SUFFIXES = frozenset({"م", "ام", "مین", "امین"})
# No number in real text has more parts; the bound keeps values small on hostile input.
_MAX_ELEMENTS = 24
_AND = "و"


class _Element(NamedTuple):
    kind: int
    value: Fraction
    ordinal: bool
    size: int  # tokens taken
    is_digits: bool


def _element(toks: Tokens, i: int) -> _Element | None:
    words = toks.words
    if i >= len(words):
        return None
    word = words[i]
    if word is None:
        if toks.kinds[i] != NUM:
            return None
        value = digits_value(toks.keys[i])
        if value is None:
            return None
        j = i + 1
        if (
            j < len(words)
            and words[j] in _ORDINAL_SUFFIXES
            and toks.starts[j] == toks.ends[i]
            and value.denominator == 1
        ):
            return _Element(_UNIT, value, True, 2, True)
        return _Element(_UNIT, value, False, 1, True)
    data = _number_data()
    if i + 1 < len(words):
        nxt = words[i + 1]
        if nxt == "ام" or nxt == "امین":
            w2 = data.ordinals.get(word + nxt)  # سی ام
            if w2 is not None:
                return _Element(w2.kind, w2.value, True, 2, False)
    found = data.words.match(words, i, _MAX_WORDS)
    if found is not None:
        w, size = found
        return _Element(w.kind, w.value, w.ordinal, size, False)
    w2 = data.ordinals.get(word)
    if w2 is not None:
        return _Element(w2.kind, w2.value, True, 1, False)
    return None


def _is_and(toks: Tokens, i: int) -> bool:
    return i < len(toks.words) and toks.words[i] == _AND


def read_at(toks: Tokens, i: int, *, scales: bool = True) -> Num | None:
    """The longest number starting at ``toks[i]``, or ``None``.

    ``scales=False`` stops at a scale word (the digits after ``ممیز``).
    """
    first = i
    negative = False
    el = _element(toks, i)
    if el is None:
        return None
    if el.kind == _SIGN:
        nxt = _element(toks, i + el.size)
        if nxt is None or nxt.kind in (_SIGN, _POINT, _FEW):
            return None
        negative = True
        i += el.size
        el = nxt
    if el.kind in (_POINT, _SIGN):
        return None

    stack: list[tuple[Fraction, Fraction]] = []  # closed terms: (value, scale)
    small: Fraction | None = None
    small_class = 9  # class of the last word in ``small`` (lower joins after it)
    small_digits = False
    approximate = False
    ordinal = False
    pending_few = False
    after_and = False
    last_scale: Fraction | None = None
    end = i  # tokens consumed so far (exclusive)
    only_digits: str | None = (
        toks.keys[i] if el.is_digits and not el.ordinal and _PLAIN.fullmatch(toks.keys[i]) else None
    )
    n_elements = 0

    while el is not None and n_elements < _MAX_ELEMENTS:
        kind = el.kind
        if kind == _SCALE:
            if not scales:
                break
            if small is None and after_and and (last_scale is None or el.value >= last_scale):
                break
            popped = Fraction(0)
            while stack and stack[-1][1] < el.value:
                popped += stack.pop()[0]
            base = (small or Fraction(0)) + popped
            if base == 0:
                base = Fraction(1)
            stack.append((base * el.value, el.value))
            last_scale = el.value
            small = None
            small_class = 9
            small_digits = False
            pending_few = False
        elif kind in (_UNIT, _TEEN, _TEN, _HUNDRED):
            if pending_few:
                break
            if n_elements:
                if not after_and:
                    break
                if el.is_digits:
                    # ``۱۷۱ میلیون و ۶۱۹ هزار``: digits join only after a scale word.
                    if small is not None or last_scale is None or el.value >= last_scale:
                        break
                elif small is not None:
                    if small_digits or kind >= small_class:
                        break
                elif last_scale is None or el.value >= last_scale:
                    break
            small = (small or Fraction(0)) + el.value
            small_class = kind
            small_digits = el.is_digits
        elif kind == _HALF:
            if pending_few or (n_elements and not after_and):
                break
            if small is not None:
                small += el.value
                small_class = -1
            elif stack and after_and:
                # ``دو میلیون و نیم``: half of the last scale.
                stack.append((el.value * stack[-1][1], stack[-1][1]))
                end = i + el.size
                n_elements += 1
                break
            elif not n_elements:
                small = el.value
                small_class = -1
            else:
                break
        elif kind in (_APPROX, _FEW):
            if n_elements:
                break
            small = el.value
            small_class = -1
            approximate = True
            pending_few = kind == _FEW
        elif kind == _POINT:
            if not n_elements or after_and or stack or small is None or small_digits:
                break
            frac = read_at(toks, i + el.size, scales=False)
            if frac is None or frac.approximate or frac.ordinal or frac.value.denominator != 1:
                break
            whole = int(frac.value)
            small += Fraction(whole, 10 ** len(str(whole)))
            small_class = -1
            small_digits = True
            n_elements += 1
            i = end = frac.last
            after_and = False
            el = _element(toks, i)
            continue
        else:
            break
        n_elements += 1
        i += el.size
        end = i
        after_and = False
        if el.ordinal:
            ordinal = True
            break
        if _is_and(toks, i):
            after_and = True
            el = _element(toks, i + 1)
            if el is None:
                break
            i += 1
        else:
            el = _element(toks, i)

    if pending_few or n_elements == 0:
        return None
    value = sum((v for v, _ in stack), Fraction(0)) + (small or Fraction(0))
    if negative:
        value = -value
    if n_elements > 1 or negative:
        only_digits = None
    return Num(first, end, value, approximate, ordinal, only_digits)


def scan_numbers(toks: Tokens) -> dict[int, Num]:
    """Every number in the token list, by the index of its first token (greedy, left to right)."""
    out: dict[int, Num] = {}
    # A number begins at a digit run or at a word that can begin one: the
    # others are passed over by set lookups, not one by one.
    firsts = [
        *toks.num_at,
        *itertools.compress(itertools.count(), map(_number_data().starters.__contains__, toks.words)),
    ]
    if toks.num_at:
        firsts.sort()
    after = 0
    for i in firsts:
        if i < after:
            continue
        found = read_at(toks, i)
        if found is not None:
            out[i] = found
            after = found.last
    return out


def as_number(value: Fraction) -> int | float:
    """An ``int`` for a whole value, else the nearest ``float`` (infinite when too large)."""
    if value.denominator == 1:
        return int(value)
    try:
        return float(value)
    except OverflowError:
        return float("inf") if value > 0 else float("-inf")


# --- public API ------------------------------------------------------------------------


_MINUS = frozenset({"-", "\u2212"})


def read_number(text: str) -> NumberReading:
    """Read one number written in words, digits or both, and say how exact it is.

    Args:
        text: the number alone (surrounding spaces are fine): ``"سه هزار و
            پانصد"``, ``"۲.۵ میلیون"``, ``"۱۲٬۰۰۰"``, ``"۵/۲"``,
            ``"چهاردهم"``, ``"صدها"``.

    Returns:
        A :class:`NumberReading`; ``approximate`` for indefinite magnitudes
        (the value is then their lower bound), ``ordinal`` for ordinals.

    Raises:
        TypeError: ``text`` is not a ``str``.
        ValueError: ``text`` is not one number (empty, other words, a date).

    Example:
        >>> read_number("صدها میلیون")
        NumberReading(value=100000000, approximate=True, ordinal=False)
    """
    text = _check_str(text, "read_number")
    # Imported here: normalize pulls the alignment machinery.
    from persnews.normalize import normalize

    norm = normalize(text, digits="ascii").text
    toks = tokens(norm)
    first = 0
    kinds = toks.kinds
    if len(kinds) >= 2 and kinds[0] == PUNCT and toks.keys[0] in _MINUS and kinds[1] == NUM:
        first = 1
    found = read_at(toks, first) if kinds else None
    if found is None or found.last != len(kinds):
        shown = text if len(text) <= 60 else text[:57] + "..."
        raise ValueError(f"not a number: {shown!r}")
    value = -found.value if first else found.value
    return NumberReading(as_number(value), found.approximate, found.ordinal)


def parse_number(text: str) -> int | float:
    """The value of a number written in Persian words, digits of any script, or both.

    Args:
        text: the number alone, e.g. ``"هزار و دویست و پنجاه"``,
            ``"۲.۵ میلیون"``, ``"۲٫۵"``, ``"۱۲٬۰۰۰"``, ``"12,000"``,
            ``"۵/۲"`` (Persian decimal slash), ``"چهاردهم"``, ``"سومین"``,
            ``"اول"``, ``"صدها"``, ``"ده‌ها میلیون"``.

    Returns:
        An ``int`` when the value is whole, else a ``float``.  Indefinite
        magnitudes give their lower bound (``صدها`` → 100); use
        :func:`read_number` to know that a value is approximate.

    Raises:
        TypeError: ``text`` is not a ``str`` (decode ``bytes`` first).
        ValueError: ``text`` is not a number.

    Example:
        >>> parse_number("سه هزار و پانصد")
        3500
        >>> parse_number("۲٫۵ میلیون")
        2500000
    """
    _check_str(text, "parse_number")
    return read_number(text).value


_ONES = ("", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه")
_TEENS = ("ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده")
_TENS = ("", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود")
_HUNDREDS = ("", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد")
_SCALES = ((10**12, "تریلیون"), (10**9, "میلیارد"), (10**6, "میلیون"), (10**3, "هزار"))


def _below_thousand(n: int) -> list[str]:
    parts = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append(_HUNDREDS[hundreds])
    if 10 <= rest < 20:
        parts.append(_TEENS[rest - 10])
    else:
        tens, ones = divmod(rest, 10)
        if tens:
            parts.append(_TENS[tens])
        if ones:
            parts.append(_ONES[ones])
    return parts


def _words(n: int) -> str:
    parts: list[str] = []
    for scale, name in _SCALES:
        count, n = divmod(n, scale)
        if count:
            if count == 1 and scale == 1000:
                parts.append(name)
            elif count >= 1000:
                parts.append(f"{_words(count)} {name}")
            else:
                parts.append(" و ".join(_below_thousand(count)) + " " + name)
    parts.extend(_below_thousand(n))
    return " و ".join(parts)


def number_to_words(n: int, *, ordinal: bool = False) -> str:
    """Write an integer in Persian words, the way news writes them.

    Args:
        n: the integer (negative ones start with ``منفی``).
        ordinal: write the ordinal (``چهاردهم``, ``سوم``, ``سی‌ام``).

    Returns:
        The words; :func:`parse_number` reads them back to ``n``.

    Raises:
        TypeError: ``n`` is not an ``int``.
        ValueError: an ordinal of a number below one.

    Example:
        >>> number_to_words(1250)
        'هزار و دویست و پنجاه'
        >>> number_to_words(14, ordinal=True)
        'چهاردهم'
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"number_to_words() expects an int, got {type(n).__name__}")
    if ordinal:
        if n < 1:
            raise ValueError(f"an ordinal needs a number of at least 1, got {n}")
        words = _words(n)
        if words.endswith("سه"):
            return words[:-2] + "سوم"
        if words.endswith("سی"):
            return words + "\u200cام"
        return words + "م"
    if n == 0:
        return "صفر"
    if n < 0:
        return "منفی " + _words(-n)
    return _words(n)
