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
import operator
import threading
import types
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
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


def word_key(word: str) -> str:
    """The lookup form of a word or phrase: no ZWNJ, spaces or marks; Persian letters; آ as ا."""
    if not word.isalpha():
        word = _NOT_IN_KEY.sub("", word).replace(" ", "")
    return word.translate(_KEY_LETTERS)


def _ascii_digits(text: str) -> str:
    if text.isascii():
        return text
    return "".join(str(int(c)) if c.isdecimal() else c for c in text).translate(_DIGIT_SEPARATORS)


def _split_number_words(word: str, start: int, append: Callable[[Tok], None]) -> bool:
    """``یک‌هزار`` is two number words joined by ZWNJ: emit them as two tokens."""
    parts = word.split("\u200c")
    words = _number_words()
    keys = [_NOT_IN_KEY.sub("", p) for p in parts]
    if not all(k and k in words for k in keys):
        return False
    pos = start
    for part, key in zip(parts, keys, strict=True):
        if part:
            append(Tok(WORD, pos, pos + len(part), key))
        pos += len(part) + 1
    return True


# Every token of a text, as the captures of the four groups of _LEX in one
# match of a repeated group (read in one call each, where iterating over
# matches costs an object a token).  Only spaces other than line breaks and
# ZWNJ stand between tokens: every other character starts one.
_LEX_ALL = regex.compile(r"(?:(?:[^\S\n\r\v\f\u2028\u2029]|\u200c)*+(?:" + _LEX.pattern + r"))*+")
_START = operator.itemgetter(1)


def lex(text: str) -> list[Tok]:
    """Tokens of ``text`` (already normalised) with their offsets in it."""
    # Letters are unified once for the whole text (one for one, offsets kept);
    # str.replace is much faster than str.translate on non-ASCII text.
    for src, dst in _KEY_PAIRS:
        if src in text:
            text = text.replace(src, dst)
    found = _LEX_ALL.match(text)
    assert found is not None  # the pattern matches the empty string
    words, word_starts = found.captures(2), found.starts(2)
    word_toks: list[Tok | None] = list(_toks(WORD, found, 2, words))
    split: list[Tok] = []
    # Words with ZWNJ or marks (few): a key without them, or two number words.
    for i in itertools.compress(itertools.count(), map(operator.not_, map(str.isalpha, words))):
        word, start = words[i], word_starts[i]
        if "\u200c" in word and _split_number_words(word, start, split.append):
            word_toks[i] = None
        else:
            word_toks[i] = Tok(WORD, start, start + len(word), _NOT_IN_KEY.sub("", word))
    toks = [
        *_toks(NUM, found, 1, map(_ascii_digits, found.captures(1))),
        *filter(None, word_toks),
        *split,
        *_toks(BREAK, found, 3, itertools.repeat("\n")),
        *_toks(PUNCT, found, 4, found.captures(4)),
    ]
    toks.sort(key=_START)
    return toks


def _toks(kind: int, found: regex.Match[str], group: int, keys: Iterable[str]) -> Iterator[Tok]:
    """The tokens of one group of a :data:`_LEX_ALL` match, with their keys."""
    rows = zip(itertools.repeat(kind), found.starts(group), found.ends(group), keys)
    return map(tuple.__new__, itertools.repeat(Tok), rows)


# Lines longer than this are read afresh each time rather than kept.
_CACHED_LINE = 5_000


class Line(NamedTuple):
    """One line of a text, lexed: its tokens, with offsets counted from
    ``offset``, and the numbers they spell, by the index of their first token."""

    offset: int
    toks: Sequence[Tok]
    numbers: Mapping[int, Num]


def _read(line: str) -> tuple[tuple[Tok, ...], Mapping[int, Num]]:
    toks = tuple(lex(line))
    return toks, types.MappingProxyType(scan_numbers(toks))


_Read: TypeAlias = "tuple[tuple[Tok, ...], Mapping[int, Num]]"


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
            if toks:
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

    def match(self, toks: Sequence[Tok], i: int, max_words: int = 3) -> tuple[_V, int] | None:
        """The longest entry spelt by the words from ``toks[i]`` on, and how many tokens it takes.

        Words are concatenated without separators, so ``سه شنبه``,
        ``سه‌شنبه`` and ``سهشنبه`` are one key.
        """
        tok = toks[i]
        if tok.kind != WORD or tok.key not in self._prefixes:
            return None
        key = ""
        best: tuple[_V, int] | None = None
        prefixes = self._prefixes
        data = self._data
        for j in range(i, min(len(toks), i + max_words)):
            tok = toks[j]
            if tok.kind != WORD:
                break
            key += tok.key
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


_lock = threading.Lock()
_words_cache: Lexicon[_Word] | None = None


def _number_words() -> Lexicon[_Word]:
    global _words_cache
    if _words_cache is None:
        with _lock:
            if _words_cache is None:
                table: dict[str, _Word] = {}
                for row in _resources.rows("number_words.tsv"):
                    form, value, kind = row[0], Fraction(row[1]), row[2]
                    if kind == "ordinal":
                        table[word_key(form)] = _Word(_UNIT, value, True)
                    else:
                        table[word_key(form)] = _Word(_KINDS[kind], value, False)
                _words_cache = Lexicon(table)
    return _words_cache


# Cardinals whose ordinal is not cardinal + م / مین (سه → سوم; سی → سی‌ام).
_NO_PLAIN_M = frozenset({"سه", "سی"})


def _ordinal_word(key: str) -> _Word | None:
    """``چهاردهم`` → 14, ``دومین`` → 2, ``سی‌ام`` → 30 (as ordinals)."""
    if not key.endswith(("م", "مین")):
        return None
    words = _number_words()
    for suffix in ("امین", "مین", "ام", "م"):
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


def _element(toks: Sequence[Tok], i: int) -> _Element | None:
    if i >= len(toks):
        return None
    tok = toks[i]
    if tok.kind == NUM:
        value = digits_value(tok.key)
        if value is None:
            return None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (
            nxt is not None
            and nxt.kind == WORD
            and nxt.start == tok.end
            and nxt.key in _ORDINAL_SUFFIXES
            and value.denominator == 1
        ):
            return _Element(_UNIT, value, True, 2, True)
        return _Element(_UNIT, value, False, 1, True)
    if tok.kind != WORD:
        return None
    if i + 1 < len(toks) and toks[i + 1].kind == WORD and toks[i + 1].key in ("ام", "امین"):
        w2 = _ordinal_word(tok.key + toks[i + 1].key)  # سی ام
        if w2 is not None:
            return _Element(w2.kind, w2.value, True, 2, False)
    found = _number_words().match(toks, i, _MAX_WORDS)
    if found is not None:
        w, size = found
        return _Element(w.kind, w.value, w.ordinal, size, False)
    w2 = _ordinal_word(tok.key)
    if w2 is not None:
        return _Element(w2.kind, w2.value, True, 1, False)
    return None


def _is_and(toks: Sequence[Tok], i: int) -> bool:
    return i < len(toks) and toks[i].kind == WORD and toks[i].key == _AND


def read_at(toks: Sequence[Tok], i: int, *, scales: bool = True) -> Num | None:
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
        toks[i].key if el.is_digits and not el.ordinal and _PLAIN.fullmatch(toks[i].key) else None
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


def scan_numbers(toks: Sequence[Tok]) -> dict[int, Num]:
    """Every number in the token list, by the index of its first token (greedy, left to right)."""
    out: dict[int, Num] = {}
    i = 0
    n = len(toks)
    starts = _number_words().prefixes
    while i < n:
        tok = toks[i]
        if tok.kind == NUM or (tok.kind == WORD and (tok.key in starts or tok.key.endswith(("م", "مین")))):
            found = read_at(toks, i)
            if found is not None:
                out[i] = found
                i = found.last
                continue
        i += 1
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
    toks = lex(norm)
    negative = False
    if len(toks) >= 2 and toks[0].kind == PUNCT and toks[0].key in _MINUS and toks[1].kind == NUM:
        negative = True
        toks = toks[1:]
    found = read_at(toks, 0) if toks else None
    if found is None or found.last != len(toks):
        shown = text if len(text) <= 60 else text[:57] + "..."
        raise ValueError(f"not a number: {shown!r}")
    value = -found.value if negative else found.value
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
