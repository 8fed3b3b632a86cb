"""Gazetteers: known names of places, organisations and people, and their kinds.

A :class:`Gazetteer` maps written names to :class:`GazetteerEntry` records
(canonical name, :class:`~persnews.EntityKind`, optional subtype such as
``"country"`` or ``"news_agency"``).  Names are compared by a spelling-blind
*key*: Arabic and Persian letters unified, ``آ`` read as ``ا``, hamza seats
unified, and no space or ZWNJ between words, so ``خراسان‌شمالی``,
``خراسان شمالی`` and ``خراسان شمالي`` are one name.

The packaged gazetteer (:meth:`Gazetteer.default`) is compiled from the
TSV files under ``persnews/data/gazetteer/`` and the news agencies of
``persnews/data/agencies.tsv``.  A user gazetteer passed to
:func:`persnews.find_entities` or :func:`persnews.parse` is consulted first
and, unless built with ``extends_default=False``, added to the packaged one.

The module also loads the *cue words* the tagger and the entity rules read:
person titles and honorifics, office nouns, given names and the head nouns
that open organisation and place names (``وزارت``, ``استان``).
"""

from __future__ import annotations

import functools
import importlib.resources
import itertools
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any, Generic, TypeVar, cast

import attrs

from persnews.model import EntityKind

__all__ = [
    "CueTable",
    "Gazetteer",
    "GazetteerEntry",
    "GazetteerMatch",
    "cue_words",
    "longest_matches",
    "name_key",
]

_KEY_MAP = str.maketrans(
    {
        "\u200c": None,
        "\u200d": None,
        " ": None,
        "\u00a0": None,
        "\u0640": None,  # kashida
        "\u0626": "\u06cc",  # ئ
        "\u0624": "\u0648",  # ؤ
        "\u064a": "\u06cc",  # Arabic yeh
        "\u0649": "\u06cc",
        "\u0643": "\u06a9",  # Arabic kaf
        "\u0622": "\u0627",  # آ
        "\u0623": "\u0627",
        "\u0625": "\u0627",
        "\u0671": "\u0627",
        "\u0629": "\u0647",
        "\u06c0": "\u0647",
        "\u0654": None,  # hamza above
        **{chr(c): None for c in range(0x064B, 0x0653)},  # harakat
        "\u0670": None,
    }
)
# The same as a list indexed by code point: str.translate raises and catches a LookupError
# for every character a dict table leaves alone (about 0.3 µs each), and a list lookup does
# not; characters past its end raise IndexError, a LookupError, and stay as they are.
_KEY_TABLE: list[int | str | None] = [_KEY_MAP.get(c, c) for c in range(max(_KEY_MAP) + 1)]

#: Longest name, in tokens, that :meth:`Gazetteer.match` looks for.
MAX_NAME_TOKENS = 10

_KINDS = {
    "PERSON": EntityKind.PERSON,
    "PER": EntityKind.PERSON,
    "LOCATION": EntityKind.LOCATION,
    "LOC": EntityKind.LOCATION,
    "ORGANIZATION": EntityKind.ORGANIZATION,
    "ORGANISATION": EntityKind.ORGANIZATION,
    "ORG": EntityKind.ORGANIZATION,
    "ROLE": EntityKind.ROLE,
}

# The packaged gazetteer files (under data/gazetteer/), in order of precedence.
_PACKAGED_FILES = (
    "countries.tsv",
    "regions.tsv",
    "iran.tsv",
    "world_cities.tsv",
    "state_bodies.tsv",
    "international.tsv",
    "groups.tsv",
    "media.tsv",
    "companies.tsv",
    "sports.tsv",
    "people.tsv",
)


def name_key(text: str) -> str:
    """The spelling-blind lookup key of a name.

    Example:
        >>> name_key("خراسان شمالي") == name_key("خراسان‌شمالی")
        True
    """
    key = _KEYS.get(text)
    if key is None:
        # str.translate with a mapping table costs about 0.4 µs a character, and the
        # same words are keyed again and again: one translation per distinct word
        key = text.translate(_KEY_TABLE).lower()
        if len(_KEYS) >= _KEYS_LIMIT:
            _KEYS.clear()
        _KEYS[text] = key
    return key


# The keys already made, shared by threads (a dict's get and setitem are atomic); cleared
# past the limit, so that memory stays bounded on an open vocabulary.
_KEYS: dict[str, str] = {}
_KEYS_LIMIT = 200_000


def _as_kind(value: object) -> EntityKind:
    if isinstance(value, EntityKind):
        return value
    if isinstance(value, str):
        kind = _KINDS.get(value.strip().upper())
        if kind is not None:
            return kind
    raise ValueError(f"unknown entity kind {value!r}; use PERSON, LOCATION or ORGANIZATION")


@attrs.frozen(slots=True)
class GazetteerEntry:
    """What a gazetteer knows about one name.

    Attributes:
        name: the canonical name (``وزارت امور خارجه`` for ``وزارت خارجه``).
        kind: the kind of entity the name refers to.
        subtype: a finer kind (``"country"``, ``"city"``, ``"province"``,
            ``"news_agency"``, ``"ministry"``, ``"party"``...), or ``None``.

    Example:
        >>> GazetteerEntry("ایرنا", EntityKind.ORGANIZATION, "news_agency").kind.value
        'ORGANIZATION'
    """

    name: str
    kind: EntityKind = attrs.field(converter=_as_kind)
    subtype: str | None = None


@attrs.frozen(slots=True)
class GazetteerMatch:
    """A run of tokens ``words[start:end]`` that is a known name.

    ``entries`` holds every reading of the name (``فارس`` is an agency and
    a province), the user's first, then the packaged ones.
    """

    start: int
    end: int
    entries: tuple[GazetteerEntry, ...]


# The slots' own setters fill a match without the frozen class's __setattr__ (a sentence
# holds dozens of matches, and their fields are right by construction).
_SET_MATCH_START = GazetteerMatch.__dict__["start"].__set__
_SET_MATCH_END = GazetteerMatch.__dict__["end"].__set__
_SET_MATCH_ENTRIES = GazetteerMatch.__dict__["entries"].__set__


def _new_match(start: int, end: int, entries: tuple[GazetteerEntry, ...]) -> GazetteerMatch:
    m: GazetteerMatch = object.__new__(GazetteerMatch)
    _SET_MATCH_START(m, start)
    _SET_MATCH_END(m, end)
    _SET_MATCH_ENTRIES(m, entries)
    return m


EntrySpec = (
    tuple[str, EntityKind | str]
    | tuple[str, EntityKind | str, str | None]
    | tuple[str, EntityKind | str, str | None, str | None]
)


class Gazetteer:
    """Known names and what they refer to.

    Args:
        entries: a mapping ``name -> kind`` or an iterable of tuples
            ``(form, kind)``, ``(form, kind, subtype)`` or
            ``(form, kind, subtype, canonical name)``.  ``kind`` is an
            :class:`~persnews.EntityKind` or its name (``"PERSON"``,
            ``"LOC"``...).
        extends_default: when the gazetteer is passed to
            :func:`~persnews.find_entities`, whether the packaged names are
            used too (the default) or only these.

    Raises:
        TypeError: ``entries`` is a ``str`` or holds something that is not a
            tuple of strings.
        ValueError: a kind is unknown or a form is empty.

    Example:
        >>> g = Gazetteer({"پالایشگاه آبادان": "ORGANIZATION", "عسلویه": "LOCATION"})
        >>> g.lookup("پالایشگاه‌ آبادان")[0].kind.value
        'ORGANIZATION'
        >>> [(m.start, m.end) for m in g.match(["انفجار", "در", "پالایشگاه", "آبادان"])]
        [(2, 4)]
    """

    __slots__ = ("_by_key", "_max_tokens", "_phrases", "_prefixes", "extends_default")

    def __init__(
        self,
        entries: Mapping[str, EntityKind | str] | Iterable[EntrySpec] = (),
        *,
        extends_default: bool = True,
    ) -> None:
        if isinstance(entries, (str, bytes)):
            raise TypeError(
                "Gazetteer() expects a mapping or an iterable of (form, kind) tuples, not a string"
            )
        self.extends_default = bool(extends_default)
        self._by_key: dict[str, tuple[GazetteerEntry, ...]] = {}
        self._prefixes: set[str] = set()
        self._max_tokens = 1
        self._phrases: _Phrases[tuple[GazetteerEntry, ...]] | None = None
        items: Iterable[Any] = entries.items() if isinstance(entries, Mapping) else entries
        for item in items:
            self._add(*_check_spec(item))

    # --- construction --------------------------------------------------------------

    def _add(self, form: str, entry: GazetteerEntry) -> None:
        k = name_key(form)
        if not k:
            raise ValueError(f"empty gazetteer form {form!r}")
        old = self._by_key.get(k, ())
        self._phrases = None
        if entry not in old:
            self._by_key[k] = (*old, entry)
        words = _form_words(form)
        self._max_tokens = max(self._max_tokens, min(len(words), MAX_NAME_TOKENS))
        acc = ""
        for w in words[:-1]:
            acc += name_key(w)
            self._prefixes.add(acc)

    @classmethod
    def from_tsv(cls, text: str, *, extends_default: bool = True) -> Gazetteer:
        """Build a gazetteer from TSV text (what you read from your own file).

        Each non-comment line is ``form<TAB>kind[<TAB>subtype[<TAB>canonical]]``;
        lines starting with ``#`` and blank lines are skipped.

        Raises:
            TypeError: ``text`` is not a ``str``.
            ValueError: a line has no kind or an unknown kind.

        Example:
            >>> g = Gazetteer.from_tsv("# my beat\\nعسلویه\\tLOCATION\\tcity\\n")
            >>> g.lookup("عسلویه")[0].subtype
            'city'
        """
        if not isinstance(text, str):
            raise TypeError(f"Gazetteer.from_tsv() expects str, got {type(text).__name__}")
        return cls(_parse_tsv(text, "<text>"), extends_default=extends_default)

    @classmethod
    def default(cls) -> Gazetteer:
        """The packaged gazetteer (loaded once per process).

        Example:
            >>> Gazetteer.default().lookup("تهران")[0].subtype
            'city'
        """
        return _default()

    def __or__(self, other: Gazetteer) -> Gazetteer:
        """A gazetteer with the names of both; ``self``'s readings come first."""
        if not isinstance(other, Gazetteer):
            return NotImplemented
        out = Gazetteer(extends_default=self.extends_default and other.extends_default)
        out._by_key = dict(other._by_key)
        for k, entries in self._by_key.items():
            rest = tuple(e for e in other._by_key.get(k, ()) if e not in entries)
            out._by_key[k] = (*entries, *rest)
        out._prefixes = self._prefixes | other._prefixes
        out._max_tokens = max(self._max_tokens, other._max_tokens)
        return out

    # --- queries -----------------------------------------------------------------

    def lookup(self, name: str) -> tuple[GazetteerEntry, ...]:
        """Every reading of ``name`` (empty when unknown).

        Raises:
            TypeError: ``name`` is not a ``str``.
        """
        if not isinstance(name, str):
            raise TypeError(f"Gazetteer.lookup() expects str, got {type(name).__name__}")
        return self._by_key.get(name_key(name), ())

    def lookup_key(self, key: str) -> tuple[GazetteerEntry, ...]:
        """:meth:`lookup` for a key already made with :func:`name_key`."""
        return self._by_key.get(key, ())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name_key(name) in self._by_key

    def __len__(self) -> int:
        return len(self._by_key)

    def __iter__(self) -> Iterator[str]:
        """The keys of the known names."""
        return iter(self._by_key)

    def __repr__(self) -> str:
        return f"<Gazetteer: {len(self._by_key)} names>"

    def __getstate__(self) -> dict[str, Any]:
        return {
            "by_key": self._by_key,
            "extends_default": self.extends_default,
            "prefixes": self._prefixes,
            "max_tokens": self._max_tokens,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._by_key = state["by_key"]
        self.extends_default = state["extends_default"]
        self._prefixes = state["prefixes"]
        self._max_tokens = state["max_tokens"]
        self._phrases = None

    def match(self, words: Sequence[str], *, keys: Sequence[str] | None = None) -> list[GazetteerMatch]:
        """The known names in a token sequence, longest first, left to right.

        Args:
            words: the tokens (their normalised forms).
            keys: the tokens' :func:`name_key` values, when already computed.

        Returns:
            Non-overlapping matches; at each position the longest name wins.
            Time is linear in ``len(words)`` (at most
            :data:`MAX_NAME_TOKENS` lookups per token).
        """
        if keys is None:
            keys = [name_key(w) for w in words]
        phrases = self._phrases
        if phrases is None:  # made on first use (a gazetteer is not changed once built)
            phrases = self._phrases = _Phrases(self._by_key, self._prefixes, self._max_tokens)
        return list(itertools.starmap(_new_match, phrases.scan(keys)))


_V = TypeVar("_V")

# Marks the tokeniser always writes as tokens of their own, even when a form glues them to a word.
_SEPARATE_MARKS = str.maketrans({m: f" {m} " for m in "،,؛;"})


def _form_words(form: str) -> list[str]:
    """The tokens a form is read as: ``صنعت، معدن و تجارت`` is five (its comma apart), so that
    the prefixes built from them are the ones a tokenised sentence gives."""
    return form.replace("\u200c", " ").translate(_SEPARATE_MARKS).split()


def longest_matches(
    keys: Sequence[str], table: Mapping[str, _V], prefixes: AbstractSet[str], limit: int
) -> list[tuple[int, int, _V]]:
    """Non-overlapping runs of ``keys`` whose concatenation is in ``table``.

    Leftmost first and, at each position, the longest; ``prefixes`` holds the
    concatenated keys of the leading words of every phrase, so a scan stops
    as soon as no phrase can go on.  At most ``limit`` tokens per phrase.
    """
    return _scan(keys, table, prefixes, limit, [i for i, k in enumerate(keys) if k in prefixes or k in table])


class _Phrases(Generic[_V]):
    """A table of phrases made ready for :meth:`scan`, once per table: the keys that open a
    longer phrase and, for each, the keys that may come right after it (a phrase's key is
    its words' keys joined)."""

    __slots__ = ("_empty", "limit", "nexts", "prefixes", "starts", "table")

    def __init__(self, table: Mapping[str, _V], prefixes: AbstractSet[str], limit: int) -> None:
        self.table = table
        self.prefixes = prefixes
        self.limit = limit
        nexts: dict[str, set[str]] = {}
        for key in itertools.chain(table, prefixes):
            for cut in range(1, len(key)):
                if key[:cut] in prefixes:
                    nexts.setdefault(key[:cut], set()).add(key[cut:])
        self.nexts = {p: frozenset(v) for p, v in nexts.items()}
        # a word with no letters (ـ) makes no name: with such a key in the table, the words are
        # scanned one by one
        self._empty = "" in table or "" in prefixes
        # what :meth:`scan` asks of a word that may start a name, in one lookup: its value as a
        # name of one word, and the keys that may follow it in a longer one (None: none)
        self.starts: dict[str, tuple[_V | None, frozenset[str] | None]] = {
            key: (table.get(key), self.nexts.get(key) if limit > 1 else None)
            for key in itertools.chain(table, prefixes)
        }

    def scan(self, keys: Sequence[str]) -> list[tuple[int, int, _V]]:
        """:func:`longest_matches` over this table.

        Most words start no name: one C-level pass looks every word up in :attr:`starts`,
        and only the words found there are looked at one by one.
        """
        table, prefixes, limit = self.table, self.prefixes, self.limit
        n = len(keys)
        if self._empty or limit < 1:
            return _scan(keys, table, prefixes, limit, range(n), self.nexts)
        # one lookup a word (most words start no name), then a look at the few that do
        found = list(map(self.starts.get, keys))
        out: list[tuple[int, int, _V]] = []
        end = 0  # where the last longer phrase ends: the words inside it start nothing
        # (the positions of the words found, and what was found of each)
        for i, (value, nexts) in zip(itertools.compress(range(n), found), filter(None, found), strict=True):
            if i < end:
                continue
            if nexts is not None and i + 1 < n and keys[i + 1] in nexts:
                best, longer = _longest_at(keys, i, table, prefixes, limit)
                if best > i + 1 and longer is not None:
                    out.append((i, best, longer))
                    end = best
                    continue
            if value is not None:
                out.append((i, i + 1, value))
        return out


def _scan(
    keys: Sequence[str],
    table: Mapping[str, _V],
    prefixes: AbstractSet[str],
    limit: int,
    starts: Iterable[int],
    nexts: Mapping[str, AbstractSet[str]] | None = None,
) -> list[tuple[int, int, _V]]:
    """:func:`longest_matches` tried only at ``starts``, in increasing order: the positions
    whose key is in ``table`` or in ``prefixes`` (most words begin no name).  With ``nexts``
    (see :class:`_Phrases`), a longer phrase is tried only where the next key goes on with it."""
    out: list[tuple[int, int, _V]] = []
    if limit < 1:
        return out
    n = len(keys)
    end = 0  # where the last match ends: no phrase starts before it
    for i in starts:
        if i < end:
            continue
        first = keys[i]
        longer = first in prefixes
        if longer and nexts is not None:
            longer = limit > 1 and i + 1 < n and keys[i + 1] in nexts.get(first, ())
        if not longer:
            # a name of one word that opens no longer one here: no phrase to build
            value = table.get(first)
            if first and value is not None:
                out.append((i, i + 1, value))
                end = i + 1
            continue
        best, found = _longest_at(keys, i, table, prefixes, limit)
        if best and found is not None:
            out.append((i, best, found))
            end = best
    return out


def _longest_at(
    keys: Sequence[str], i: int, table: Mapping[str, _V], prefixes: AbstractSet[str], limit: int
) -> tuple[int, _V | None]:
    """The end and value of the longest phrase of ``table`` starting at ``i`` (``0, None``: none);
    the words are joined while they make a prefix of some phrase."""
    best = 0
    found: _V | None = None
    acc = ""
    for j in range(i, min(len(keys), i + limit)):
        k = keys[j]
        if not k:
            break  # a token with no letters (ـ) neither makes nor joins a name
        acc += k
        hit = table.get(acc)
        if hit is not None and (j == i or k != "و"):
            # (پورت و: a word and the conjunction after it spell پورتو, but name nothing)
            best, found = j + 1, hit
        if acc not in prefixes:
            break
    return best, found


def _name_keys(words: Sequence[str]) -> list[str]:
    """:func:`name_key` of each word, read from the shared keys without a call per known word."""
    keys: list[str | None] = list(map(_KEYS.get, words))
    if None in keys:
        return [name_key(w) if k is None else k for w, k in zip(words, keys, strict=True)]
    return cast("list[str]", keys)


def _check_spec(item: object) -> tuple[str, GazetteerEntry]:
    if not isinstance(item, tuple) or not 2 <= len(item) <= 4:
        raise TypeError(f"a gazetteer entry is (form, kind[, subtype[, name]]), got {item!r}")
    form, kind, *rest = item
    subtype = rest[0] if rest else None
    name = rest[1] if len(rest) > 1 else None
    if not isinstance(form, str) or not form.strip():
        raise TypeError(f"a gazetteer form must be a non-empty str, got {form!r}")
    if subtype is not None and not isinstance(subtype, str):
        raise TypeError(f"a gazetteer subtype must be a str or None, got {subtype!r}")
    if name is not None and not isinstance(name, str):
        raise TypeError(f"a gazetteer canonical name must be a str or None, got {name!r}")
    form = " ".join(form.split())
    return form, GazetteerEntry(name or form, _as_kind(kind), subtype or None)


def _parse_tsv(text: str, where: str) -> list[tuple[str, str, str | None, str | None]]:
    out: list[tuple[str, str, str | None, str | None]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < 2 or not cols[1]:
            raise ValueError(f"{where}:{n}: expected form<TAB>kind, got {line!r}")
        subtype = cols[2] if len(cols) > 2 and cols[2] else None
        name = cols[3] if len(cols) > 3 and cols[3] else None
        out.append((cols[0], cols[1], subtype, name))
    return out


def _data_text(*parts: str) -> str:
    return importlib.resources.files("persnews").joinpath("data", *parts).read_text(encoding="utf-8")


_lock = threading.Lock()


@functools.cache
def _default_unlocked() -> Gazetteer:
    rows: list[Any] = []
    for name in _PACKAGED_FILES:
        rows.extend(_parse_tsv(_data_text("gazetteer", name), name))
    for line in _data_text("agencies.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        rows.append((cols[0], "ORGANIZATION", "news_agency", cols[1] if len(cols) > 1 and cols[1] else None))
    return Gazetteer(rows)


def _default() -> Gazetteer:
    with _lock:
        return _default_unlocked()


# --- cue words -----------------------------------------------------------------


@attrs.frozen(slots=True, eq=False)
class CueTable:
    """Cue words and phrases: key -> cue classes, ready for :func:`longest_matches`."""

    classes: Mapping[str, frozenset[str]]
    prefixes: frozenset[str]
    max_tokens: int
    _phrases: _Phrases[frozenset[str]] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_phrases", _Phrases(self.classes, self.prefixes, self.max_tokens))

    def match(self, keys: Sequence[str]) -> list[tuple[int, int, frozenset[str]]]:
        """Cue phrases in a run of token keys (longest, left to right)."""
        return self._phrases.scan(keys)


@functools.cache
def _cue_words_unlocked() -> CueTable:
    cues: dict[str, set[str]] = {}
    prefixes: set[str] = set()
    longest = 1
    rows = _parse_tsv(_data_text("titles.tsv"), "titles.tsv")
    rows += _parse_tsv(_data_text("gazetteer", "cues.tsv"), "cues.tsv")
    for form, cls, *_ in rows:
        cues.setdefault(name_key(form), set()).add(cls)
        words = _form_words(form)
        longest = max(longest, len(words))
        acc = ""
        for w in words[:-1]:
            acc += name_key(w)
            prefixes.add(acc)
    return CueTable({k: frozenset(v) for k, v in cues.items()}, frozenset(prefixes), longest)


def cue_words() -> CueTable:
    """The cue words and phrases, loaded once.

    Classes: ``honorific`` (``آقای``, ``دکتر``: before a person, outside the
    name), ``title`` (``آیت‌الله``, ``سردار``), ``office`` (``وزیر``,
    ``سخنگوی``), ``given`` (a given name: ``محمدجواد``), ``org_head``
    (``وزارت``, ``سازمان``), ``loc_head`` (``استان``, ``شهر``) and others
    described in the files' headers.

    Example:
        >>> "office" in cue_words().classes[name_key("وزیر")]
        True
    """
    with _lock:
        return _cue_words_unlocked()
