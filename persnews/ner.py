"""A small CRF tagger for person, place and organisation names, shipped in the package.

The tagger is a linear-chain CRF (``python-crfsuite``) over hand-made
features: the word and its affixes, its shape, the parts of a ZWNJ
compound, how frequent the word is in hazm's lexicon (rare words are
often names), the neighbouring words, and whether the word is part of a
known name (:mod:`persnews.gazetteer`) or next to a title or an office noun
(``آقای``, ``وزیر``).  Labels are IOB2 over ``PER``, ``LOC`` and ``ORG``.

The packaged model is trained by ``scripts/train_ner.py`` on ParsTwiNER
(Persian tweets, MIT licence; the notice ships in
``persnews/data/LICENSE.parstwiner``); only the trained weights ship.
The same code trains a model on any IOB corpus you hold::

    from persnews import ner
    sentences = ner.read_iob(open("my_corpus.txt", encoding="utf-8").read())
    tagger = ner.train(sentences, "my-model.crfsuite")
    persnews.find_entities(text, model=tagger)      # or model="my-model.crfsuite"

``python-crfsuite`` is imported only when a model is trained or used.
"""

from __future__ import annotations

import functools
import importlib.resources
import importlib.util
import itertools
import math
import operator
import os
import pathlib
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from operator import add
from typing import Any, Generic, Literal, TypeVar

import regex

from persnews._crf import Crf, Scores
from persnews.gazetteer import Gazetteer, GazetteerEntry, GazetteerMatch, cue_words, name_key

__all__ = [
    "DEFAULT_MODEL",
    "LABELS",
    "Tagger",
    "default_tagger",
    "features",
    "load_tagger",
    "read_iob",
    "spans_from_labels",
    "train",
]

#: File name of the packaged model under ``persnews/data/``.
DEFAULT_MODEL = "ner-persnews.crfsuite"

#: The entity types the packaged model predicts.
LABELS = ("PER", "LOC", "ORG")

_TYPE_ALIASES = {
    "PER": "PER",
    "PERS": "PER",
    "PERSON": "PER",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "GPE": "LOC",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
}

# --- reading corpora -------------------------------------------------------------


def read_iob(
    text: str,
    *,
    tag_map: Mapping[str, str | None] | None = None,
) -> list[list[tuple[str, str]]]:
    """Sentences of an IOB corpus as lists of ``(token, label)`` pairs.

    One token per line, the label last, separated by a tab, a space or
    ``|`` (``token|B_PER`` as in PEYMA); a blank line ends a sentence.
    ``B_X``/``I_X`` are read as ``B-X``/``I-X``, and ``IOB1`` runs are
    repaired to IOB2.  Entity types are mapped with ``tag_map`` (type ->
    new type, ``None`` to drop); without it ``PER``/``PERS``, ``LOC``/
    ``GPE`` and ``ORG`` keep their meaning (any letter case) and every
    other type is dropped.

    Args:
        text: the corpus text.
        tag_map: entity type (upper case, without ``B-``/``I-``) -> type to
            keep it as, or ``None`` to read it as ``O``.

    Returns:
        The sentences, each a list of ``(token, label)``.

    Raises:
        TypeError: ``text`` is not a ``str``.

    Example:
        >>> read_iob("ظریف\\tB-PER\\nدر\\tO\\nمسکو\\tB-LOC\\n")
        [[('ظریف', 'B-PER'), ('در', 'O'), ('مسکو', 'B-LOC')]]
    """
    if not isinstance(text, str):
        raise TypeError(f"read_iob() expects the corpus as str, got {type(text).__name__}")
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in text.splitlines():
        line = line.strip("\r\n")
        if not line.strip():
            if current:
                sentences.append(_repair(current, tag_map))
                current = []
            continue
        if "\t" in line:
            token, _, label = line.rpartition("\t")
        elif "|" in line and not line.endswith("|"):
            token, _, label = line.rpartition("|")
        else:
            token, _, label = line.strip().rpartition(" ")
        if not token:
            continue
        current.append((token.strip(), label.strip()))
    if current:
        sentences.append(_repair(current, tag_map))
    return sentences


def _map_type(t: str, tag_map: Mapping[str, str | None] | None) -> str | None:
    up = t.upper()
    if tag_map is not None:
        if up in tag_map:
            return tag_map[up]
        return tag_map.get(t)
    return _TYPE_ALIASES.get(up)


def _repair(sent: list[tuple[str, str]], tag_map: Mapping[str, str | None] | None) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    prev = "O"
    for token, label in sent:
        label = label.replace("_", "-", 1)
        if label in ("", "O") or "-" not in label:
            new = "O"
        else:
            prefix, _, t = label.partition("-")
            mapped = _map_type(t, tag_map)
            if mapped is None:
                new = "O"
            else:
                prefix = prefix.upper()
                if prefix == "I" and prev[2:] != mapped:
                    prefix = "B"
                new = f"{'B' if prefix not in ('B', 'I') else prefix}-{mapped}"
        out.append((token, new))
        prev = new
    return out


def spans_from_labels(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """The ``(start, end, type)`` runs of an IOB2 label sequence.

    An ``I-`` label that does not continue a run of its type starts one.

    Example:
        >>> spans_from_labels(["B-PER", "I-PER", "O", "B-LOC"])
        [(0, 2, 'PER'), (3, 4, 'LOC')]
    """
    out: list[tuple[int, int, str]] = []
    start = -1
    current = ""
    for i, label in enumerate(labels):
        prefix, _, t = label.partition("-")
        if label == "O" or not t or prefix == "B" or t != current:
            if start >= 0:
                out.append((start, i, current))
                start, current = -1, ""
            if label != "O" and t:
                start, current = i, t
    if start >= 0:
        out.append((start, len(labels), current))
    return out


# --- features ----------------------------------------------------------------------

_lock = threading.Lock()


@functools.cache
def _hazm_lexicon_unlocked() -> Mapping[str, tuple[int, str]]:
    """hazm's word list: key -> (frequency bucket, POS tags), read from its data file."""
    spec = importlib.util.find_spec("hazm")
    if spec is None or not spec.submodule_search_locations:
        return {}
    out: dict[str, tuple[int, str]] = {}
    for folder in spec.submodule_search_locations:
        path = pathlib.Path(folder) / "data" / "words.dat"
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 2 or not cols[0]:
                    continue
                try:
                    freq = int(cols[1])
                except ValueError:
                    freq = 0
                bucket = min(9, int(math.log10(freq + 1) * 1.2)) if freq > 0 else 0
                k = name_key(cols[0])
                old = out.get(k)
                if old is None or old[0] < bucket:
                    out[k] = (bucket, cols[2] if len(cols) > 2 else "")
        break
    return out


def _hazm_lexicon() -> Mapping[str, tuple[int, str]]:
    with _lock:
        return _hazm_lexicon_unlocked()


def _shape(w: str) -> str:
    if not w:
        return "empty"
    if w.isdigit():
        return "num"
    has_fa = has_lat = has_digit = has_other = False
    for ch in w:
        if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff":
            has_fa = True
        elif ch.isascii() and ch.isalpha():
            has_lat = True
        elif ch.isdigit():
            has_digit = True
        elif ch != "\u200c":
            has_other = True
    if has_fa and not (has_lat or has_digit or has_other):
        return "fa"
    if has_lat and not (has_fa or has_digit or has_other):
        return "LAT" if w[:1].isupper() else "lat"
    if has_digit and not has_fa and not has_lat:
        return "numx"
    if not (has_fa or has_lat or has_digit):
        return "punct"
    return "mix"


def _digits_masked(k: str) -> str:
    if _DIGIT.search(k) is None:  # most words: tested in C, returned as they are
        return k
    return "".join("0" if c.isdigit() else c for c in k)


def _clean(w: str) -> str:
    """A word crfsuite can encode: lone surrogates become U+FFFD."""
    try:
        w.encode("utf-8")
    except UnicodeEncodeError:
        return w.encode("utf-8", "replace").decode("utf-8")
    return w


@functools.lru_cache(maxsize=200_000)
def _word_features(w: str, k: str) -> tuple[str, ...]:
    """The features of a word on its own (cached: words repeat)."""
    lexicon = _hazm_lexicon()
    f = ["b", "w=" + k, "sh=" + _shape(w), f"len={min(len(k), 10)}"]
    for a in (1, 2, 3):
        if len(k) > a:
            f.append(f"p{a}={k[:a]}")
    for a in (1, 2, 3, 4):
        if len(k) > a:
            f.append(f"s{a}={k[-a:]}")
    if "\u200c" in w:
        parts = [p for p in w.split("\u200c") if p]
        if parts:
            f.append("zf=" + name_key(parts[0]))
            f.append("zl=" + name_key(parts[-1]))
            f.append(f"zn={min(len(parts), 4)}")
    lex = lexicon.get(k)
    if lex is None:
        f.append("lx=none")
        if len(k) > 2 and k.endswith("ی") and k[:-1] in lexicon:
            f.append("lx=stem_y")
    else:
        f.append(f"lx={lex[0]}")
        for pos in lex[1].split(","):
            if pos and pos != "0":
                f.append("lp=" + pos)
    return tuple(f)


def features(words: Sequence[str], *, gazetteer: Gazetteer | None = None) -> list[list[str]]:
    """The CRF features of every token of one sentence.

    Args:
        words: the tokens' normalised forms (:attr:`persnews.Token.norm`).
        gazetteer: the names to mark; ``None`` uses the packaged gazetteer.

    Returns:
        One list of feature strings per token.

    Example:
        >>> "w=ظریف" in features(["ظریف", "گفت"])[0]
        True
    """
    gaz = Gazetteer.default() if gazetteer is None else gazetteer
    words = [_clean(w) for w in words]
    keys = [_digits_masked(name_key(w)) for w in words]
    return [list(f) for f in _sentence_features(words, keys, gaz)]


def _gaz_tags(gaz: Gazetteer, words: Sequence[str], keys: Sequence[str]) -> list[tuple[str, ...]]:
    """Per token, the gazetteer marks of the known name it is part of (``BLOC``, ``IORG``, ``multi``)."""
    return _gaz_tags_of(len(words), gaz.match(words, keys=keys))


def _gaz_tags_of(n: int, matches: Iterable[GazetteerMatch]) -> list[tuple[str, ...]]:
    """Per token of ``n``, the gazetteer marks of ``matches``."""
    tags: list[tuple[str, ...]] = [()] * n
    for m in matches:
        tags[m.start : m.end] = _gaz_marks(m.entries, m.end - m.start)
    return tags


# The marks of a known name depend only on its readings and its length, and the same few
# names come again and again: made once each.  Keyed by the identity of the readings (the
# gazetteer's own tuples; hashing one would cost what making the marks does) and the length;
# each value keeps its tuple, so that the identity stays its own while it is cached.  Shared
# by threads (a dict's get and setitem are atomic), cleared past the limit.
_GAZ_MARKS: dict[tuple[int, int], tuple[tuple[GazetteerEntry, ...], tuple[tuple[str, ...], ...]]] = {}
_GAZ_MARKS_LIMIT = 20_000


def _gaz_marks(entries: tuple[GazetteerEntry, ...], length: int) -> tuple[tuple[str, ...], ...]:
    """The marks of the tokens of a known name with these readings."""
    key = (id(entries), length)
    hit = _GAZ_MARKS.get(key)
    if hit is not None and hit[0] is entries:
        return hit[1]
    kinds = sorted({e.kind.value[:3] for e in entries})
    multi = ("multi",) if length > 1 else ()
    marks = tuple((*(pos + kind for kind in kinds), *multi) for pos in ("B", *("I",) * (length - 1)))
    if len(_GAZ_MARKS) >= _GAZ_MARKS_LIMIT:
        _GAZ_MARKS.clear()
    _GAZ_MARKS[key] = (entries, marks)
    return marks


def _cue_tags(keys: Sequence[str]) -> list[tuple[str, ...]]:
    """Per token, the (sorted) classes of the cue phrase it is part of."""
    return _cue_tags_of(len(keys), cue_words().match(keys))


def _cue_tags_of(n: int, spans: Iterable[tuple[int, int, frozenset[str]]]) -> list[tuple[str, ...]]:
    """Per token of ``n``, the sorted cue marks of the cue phrases ``spans`` (``given``, ``officeB``)."""
    tags: list[tuple[str, ...]] = [()] * n
    for s, e, classes in spans:
        tags[s:e] = _cue_marks(classes, e - s)
    return tags


@functools.lru_cache(maxsize=4096)  # few sets of classes, again and again
def _cue_marks(classes: frozenset[str], length: int) -> tuple[tuple[str, ...], ...]:
    """The marks of the tokens of a cue phrase of these classes."""
    if length == 1:
        return (tuple(sorted(classes)),)
    return tuple(tuple(sorted({f"{c}{pos}" for c in classes})) for pos in ("B", *("I",) * (length - 1)))


# --- per-token blocks ------------------------------------------------------------------

_T = TypeVar("_T")
# The blocks of a token: its own, and what it gives its neighbours at -2, -1, +1, +2; as
# feature strings (to train on) or as the summed weights they give each label (to tag with).
_Blocks = tuple[_T, _T, _T, _T, _T]
_Strings = tuple[str, ...]
_CACHE_LIMIT = 200_000


def _word_blocks(w: str, k: str) -> _Blocks[_Strings]:
    """The features a word gives itself and its neighbours, without its marks."""
    return (_word_features(w, k), (f"w-2={k}",), (f"w-1={k}",), (f"w+1={k}",), (f"w+2={k}",))


def _mark_blocks(cues: _Strings, gaz: _Strings, sh: str, lx: str) -> _Blocks[_Strings]:
    """The features a token's marks (cue and gazetteer classes, shape, lexicon class) give
    itself and its neighbours."""

    def near(d: str) -> _Strings:
        return (*(f"c{d}={c}" for c in cues), *(f"g{d}={g}" for g in gaz), f"sh{d}={sh}", f"lx{d}={lx}")

    return (
        (*("c=" + c for c in cues), *("g=" + g for g in gaz)),
        tuple(f"c-2={c}" for c in cues),
        near("-1"),
        near("+1"),
        (),
    )


class _Featurizer(Generic[_T]):
    """Per-token feature blocks, turned into ``_T`` by ``convert`` and cached.

    A block is cached per word and marks, and the blocks of a set of marks
    per set (few sets, often reused), so a new word costs its own features
    only.  The caches only grow with new words and are cleared past a size
    limit; a dict's ``get``/``setitem`` are atomic, so threads may share them.

    Args:
        convert: features -> ``_T``.
        join: two ``_T`` -> the ``_T`` of both.
        none: the ``_T`` of no feature.
        pair_words: every ``(a, b)`` a bigram feature the model knows is made of (``None``:
            every pair may be).
    """

    __slots__ = ("_blocks", "_convert", "_join", "_marks", "_pair_words", "_pairs", "bos", "eos", "none")

    def __init__(
        self,
        convert: Callable[[Iterable[str]], _T],
        join: Callable[[_T, _T], _T],
        none: _T,
        pair_words: frozenset[tuple[str, str]] | None = None,
    ) -> None:
        self._convert = convert
        self._join = join
        self.none = none
        self._blocks: dict[tuple[str, str, _Strings, _Strings], _Blocks[_T]] = {}
        self._marks: dict[tuple[_Strings, _Strings, str, str], _Blocks[_T]] = {}
        self._pairs: dict[tuple[str, str], tuple[_T, _T] | None] = {}
        # most pairs of words make no bigram the model knows, and a tuple lookup tells
        # without building the two feature strings
        self._pair_words = pair_words
        self.bos = convert(("BOS",))
        self.eos = convert(("EOS",))

    def blocks(self, w: str, k: str, cues: _Strings, gaz: _Strings) -> _Blocks[_T]:
        key = (w, k, cues, gaz)
        found = self._blocks.get(key)
        if found is not None:
            return found
        lexj = _hazm_lexicon().get(k)
        marks = self._marks_of(cues, gaz, _shape(w), "none" if lexj is None else str(lexj[0]))
        convert, join = self._convert, self._join
        own, b2, b1, a1, a2 = (join(convert(f), m) for f, m in zip(_word_blocks(w, k), marks, strict=True))
        found = (own, b2, b1, a1, a2)
        if len(self._blocks) > _CACHE_LIMIT:
            self._blocks.clear()
        self._blocks[key] = found
        return found

    def _marks_of(self, cues: _Strings, gaz: _Strings, sh: str, lx: str) -> _Blocks[_T]:
        key = (cues, gaz, sh, lx)
        found = self._marks.get(key)
        if found is None:
            own, b2, b1, a1, a2 = map(self._convert, _mark_blocks(cues, gaz, sh, lx))
            found = (own, b2, b1, a1, a2)
            if len(self._marks) > _CACHE_LIMIT:
                self._marks.clear()
            self._marks[key] = found
        return found

    def pair(self, a: str, b: str) -> tuple[_T, _T] | None:
        """The bigram features two neighbours give (``bg+`` on the first, ``bg-`` on the
        second), or ``None`` when they give none."""
        if self._pair_words is not None and (a, b) not in self._pair_words:
            return None
        key = (a, b)
        if key in self._pairs:
            return self._pairs[key]
        first = self._convert((f"bg+={a}|{b}",))
        second = self._convert((f"bg-={a}|{b}",))
        found = None if first == second == self.none else (first, second)
        if len(self._pairs) > _CACHE_LIMIT:
            self._pairs.clear()
        self._pairs[key] = found
        return found

    def columns(
        self,
        words: Sequence[str],
        keys: Sequence[str],
        gazetteer: Gazetteer,
        cue_tags: Sequence[_Strings] | None = None,
        gaz_tags: Sequence[_Strings] | None = None,
    ) -> _Blocks[Sequence[_T]]:
        """Per token, its own block and what it takes from the tokens at -2, -1, +1, +2
        (``none``, ``BOS`` and ``EOS`` past the sentence's edges)."""
        n = len(words)
        if not n:
            return (), (), (), (), ()
        gaz = _gaz_tags(gazetteer, words, keys) if gaz_tags is None else gaz_tags
        cues = _cue_tags(keys) if cue_tags is None else cue_tags
        own, b2, b1, a1, a2 = zip(*map(self.blocks, words, keys, cues, gaz), strict=True)
        edge = (self.none,) * min(n, 2)
        return own, edge + b2[:-2], (self.bos, *b1[:-1]), (*a1[1:], self.eos), a2[2:] + edge

    def pairs(self, keys: Sequence[str]) -> Iterator[tuple[int, tuple[_T, _T]]]:
        """``(i, (to i, to i + 1))`` for each pair of neighbours that gives bigram features."""
        for i in range(len(keys) - 1):
            found = self.pair(keys[i], keys[i + 1])
            if found is not None:
                yield i, found


def _bigram_words(known: Iterable[str]) -> frozenset[tuple[str, str]]:
    """Every ``(a, b)`` whose ``bg+=a|b`` or ``bg-=a|b`` is in ``known`` (with every split of a
    bigram holding more than one ``|``: a superset, checked again when the features are made)."""
    out = set()
    for attr in known:
        if attr.startswith(("bg+=", "bg-=")):
            pair = attr[4:]
            at = pair.find("|")
            while at >= 0:
                out.add((pair[:at], pair[at + 1 :]))
                at = pair.find("|", at + 1)
    return frozenset(out)


_STRINGS: _Featurizer[_Strings] = _Featurizer(tuple, operator.add, ())


def _sentence_features(words: Sequence[str], keys: Sequence[str], gazetteer: Gazetteer) -> list[_Strings]:
    """The feature strings of one sentence (``words`` clean, ``keys`` digit-masked)."""
    if not words:
        return []
    out = [
        (*own, *b2, *b1, *a1, *a2)
        for own, b2, b1, a1, a2 in zip(*_STRINGS.columns(words, keys, gazetteer), strict=True)
    ]
    for i, (first, second) in _STRINGS.pairs(keys):
        out[i] += first
        out[i + 1] += second
    return out


def _add(a: Scores, b: Scores) -> Scores:
    return tuple(map(operator.add, a, b))


def _scorer(crf: Crf) -> _Featurizer[Scores]:
    """Blocks as the weights their features give each label in ``crf``."""
    return _Featurizer(crf.scores, _add, crf.zero, _bigram_words(crf.attributes))


def _sentence_scores(
    scorer: _Featurizer[Scores],
    words: Sequence[str],
    keys: Sequence[str],
    gazetteer: Gazetteer,
    cue_tags: Sequence[_Strings] | None,
    gaz_tags: Sequence[_Strings] | None,
) -> list[float]:
    """The score each token's features give each label, token after token (one run of
    ``len(labels)`` scores per token)."""
    own, b2, b1, a1, a2 = scorer.columns(words, keys, gazetteer, cue_tags, gaz_tags)
    # one C-level pass over the five columns laid end to end, each token's scores added in the
    # same order as one at a time
    flat = itertools.chain.from_iterable
    scores = list(map(add, map(add, map(add, map(add, flat(own), flat(b2)), flat(b1)), flat(a1)), flat(a2)))
    width = len(scorer.none)
    for i, (first, second) in scorer.pairs(keys):
        at = i * width
        scores[at : at + width] = map(add, scores[at : at + width], first)
        at += width
        scores[at : at + width] = map(add, scores[at : at + width], second)
    return scores


# --- the tagger --------------------------------------------------------------------


class Tagger:
    """A trained CRF entity tagger.

    Args:
        model: the model as bytes, or the path of a ``.crfsuite`` file.
        gazetteer: the gazetteer its features were trained with, when it is
            not the packaged one.

    The model is read on first use, once, and shared by threads: its
    caches only grow, by atomic dict operations, and decoding holds a
    lock.  A tagger pickles (as its model bytes or path), so it can be
    passed to worker processes.

    Raises:
        TypeError: ``model`` is neither bytes nor a path.

    Example:
        >>> tagger = default_tagger()
        >>> tagger.tag(["محمدجواد", "ظریف", "به", "مسکو", "رفت"])[:4]
        ['B-PER', 'I-PER', 'O', 'B-LOC']
    """

    __slots__ = ("_lock", "_model", "gazetteer", "source")

    def __init__(self, model: bytes | str | os.PathLike[str], *, gazetteer: Gazetteer | None = None) -> None:
        if isinstance(model, (bytes, bytearray)):
            self.source: bytes | str = bytes(model)
        elif isinstance(model, (str, os.PathLike)):
            self.source = os.fspath(model)
        else:
            raise TypeError(f"Tagger() expects model bytes or a path, got {type(model).__name__}")
        self.gazetteer = gazetteer
        self._model: tuple[Crf, _Featurizer[Scores]] | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        where = f"{len(self.source)} bytes" if isinstance(self.source, bytes) else repr(self.source)
        return f"<Tagger {where}>"

    def __getstate__(self) -> dict[str, Any]:
        return {"source": self.source, "gazetteer": self.gazetteer}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.source = state["source"]
        self.gazetteer = state["gazetteer"]
        self._model = None
        self._lock = threading.Lock()

    def _loaded(self) -> tuple[Crf, _Featurizer[Scores]]:
        """The model's weights and the featurizer scoring with them (read once)."""
        model = self._model
        if model is None:
            with self._lock:
                if self._model is None:
                    crf = Crf.read(self._source_bytes())
                    self._model = (crf, _scorer(crf))
                model = self._model
        return model

    def _source_bytes(self) -> bytes:
        if isinstance(self.source, bytes):
            return self.source
        if not os.path.isfile(self.source):
            raise FileNotFoundError(f"no CRF model at {self.source!r}")
        with open(self.source, "rb") as f:
            return f.read()

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels the model knows (``"O"``, ``"B-PER"``...)."""
        return self._loaded()[0].labels

    def tag(self, words: Sequence[str], *, gazetteer: Gazetteer | None = None) -> list[str]:
        """IOB2 labels for one sentence of normalised tokens.

        Args:
            words: the tokens' normalised forms.
            gazetteer: the names marked in the features; defaults to the
                tagger's own gazetteer, else the packaged one.

        Returns:
            One label per token (``"O"``, ``"B-PER"``, ``"I-ORG"``...).

        Raises:
            FileNotFoundError: the model's path holds no file.
            ValueError: the model is not a crfsuite CRF model.
        """
        return self._tag(words, gazetteer, marginals="none")[0]

    def tag_with_marginals(
        self, words: Sequence[str], *, gazetteer: Gazetteer | None = None
    ) -> tuple[list[str], list[float]]:
        """Labels and, for each token, the marginal probability of its label."""
        return self._tag(words, gazetteer, marginals="all")

    def _tag(
        self,
        words: Sequence[str],
        gazetteer: Gazetteer | None,
        *,
        marginals: Literal["all", "names", "none"],
        keys: Sequence[str] | None = None,
        cue_tags: Sequence[tuple[str, ...]] | None = None,
        gaz_tags: Sequence[tuple[str, ...]] | None = None,
    ) -> tuple[list[str], list[float]]:
        """Labels and marginals: of ``"all"`` tokens, only of the tokens inside ``"names"`` (1.0 on
        ``O``), or ``"none"`` (all 1.0).

        ``keys`` (``name_key`` of each word), ``cue_tags`` and ``gaz_tags`` (made with those keys)
        may be passed when already known; they are recomputed when a word needs cleaning or a key
        holds a digit.
        """
        if not words:
            return [], []
        gaz = gazetteer if gazetteer is not None else self.gazetteer
        if gaz is None:
            gaz = Gazetteer.default()
        clean: Sequence[str] = words
        if not _encodable(words):
            clean = [_clean(w) for w in words]
            keys = None
        masked: Sequence[str]
        if keys is None:
            masked = [_digits_masked(name_key(w)) for w in clean]
            cue_tags = gaz_tags = None
        elif _DIGIT.search("".join(keys)):
            # masking changes the keys the phrase marks were made with
            masked = list(map(_digits_masked, keys))
            cue_tags = gaz_tags = None
        else:
            masked = keys
        crf, scorer = self._loaded()
        scores = _sentence_scores(scorer, clean, masked, gaz, cue_tags, gaz_tags)
        with self._lock:
            labels = crf.tag(scores)
            if marginals == "none":
                return labels, [1.0] * len(labels)
            probs = crf.marginals(scores, labels)
        if marginals == "names":
            probs = [1.0 if y == "O" else p for y, p in zip(labels, probs, strict=True)]
        return labels, probs


# Every character str.isdigit() accepts (and a few newer ones: those only cost a recomputation).
_DIGIT = regex.compile(r"[\p{Numeric_Type=Decimal}\p{Numeric_Type=Digit}]")


def _encodable(words: Sequence[str]) -> bool:
    """Whether crfsuite can take the words as they are (no lone surrogate)."""
    try:
        "".join(words).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_default_lock = threading.Lock()


@functools.cache
def _default_tagger_unlocked() -> Tagger:
    data = importlib.resources.files("persnews").joinpath("data", DEFAULT_MODEL).read_bytes()
    return Tagger(data)


def default_tagger() -> Tagger:
    """The packaged tagger (read once per process, opened on first use).

    Raises:
        FileNotFoundError: the package was installed without its model.
    """
    with _default_lock:
        return _default_tagger_unlocked()


def load_tagger(model: Tagger | str | os.PathLike[str] | None) -> Tagger:
    """A :class:`Tagger` from what a caller passed as ``model``.

    ``None`` gives the packaged tagger, a path a tagger reading that file.

    Raises:
        TypeError: ``model`` is of another type.
        FileNotFoundError: no file at the path.
    """
    if model is None:
        return default_tagger()
    if isinstance(model, Tagger):
        return model
    if isinstance(model, (str, os.PathLike)):
        path = os.fspath(model)
        if not os.path.isfile(path):
            raise FileNotFoundError(f"no CRF model at {path!r}")
        return _tagger_for_path(path, os.path.getmtime(path))
    raise TypeError(f"model must be a Tagger, a path to a .crfsuite file or None, got {type(model).__name__}")


@functools.lru_cache(maxsize=8)
def _tagger_for_path(path: str, mtime: float) -> Tagger:
    return Tagger(path)


# --- training ----------------------------------------------------------------------


def train(
    sentences: Iterable[Sequence[tuple[str, str]]],
    path: str | os.PathLike[str],
    *,
    gazetteer: Gazetteer | None = None,
    normalize_tokens: bool = True,
    c1: float = 0.05,
    c2: float = 0.02,
    max_iterations: int = 100,
    min_feature_freq: int = 1,
    progress: Callable[[str], None] | None = None,
) -> Tagger:
    """Train a CRF tagger on IOB2 sentences and write it to ``path``.

    Training is deterministic: the same sentences and settings give the same
    model file.

    Args:
        sentences: ``[(token, label), ...]`` per sentence (see :func:`read_iob`).
        path: where to write the ``.crfsuite`` model.
        gazetteer: the names marked in the features (packaged when ``None``);
            use the same gazetteer when tagging.
        normalize_tokens: normalise each token as persnews does (Arabic
            letters, digits, diacritics) before computing features.
        c1, c2: L1 and L2 regularisation.
        max_iterations: L-BFGS iterations.
        min_feature_freq: drop features seen fewer times.
        progress: called with crfsuite's log lines, if given.

    Returns:
        A :class:`Tagger` reading the new model.

    Raises:
        ValueError: no sentence has a token.

    Example:
        >>> import tempfile, os
        >>> sents = [[("ظریف", "B-PER"), ("در", "O"), ("مسکو", "B-LOC")]] * 3
        >>> t = train(sents, os.path.join(tempfile.mkdtemp(), "m.crfsuite"), max_iterations=5)
        >>> len(t.tag(["ظریف", "در", "مسکو"]))
        3
    """
    import pycrfsuite

    class _Trainer(pycrfsuite.Trainer):  # type: ignore[misc]
        def message(self, log: str) -> None:
            if progress is not None:
                progress(log)

    trainer = _Trainer(verbose=False)
    n = 0
    for sent in sentences:
        if not sent:
            continue
        words = [_normalize_token(t) if normalize_tokens else t for t, _ in sent]
        trainer.append(features(words, gazetteer=gazetteer), [label for _, label in sent])
        n += 1
    if not n:
        raise ValueError("train() needs at least one sentence with a token")
    trainer.select("lbfgs", "crf1d")
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.minfreq": min_feature_freq,
            "feature.possible_transitions": True,
        }
    )
    path = os.fspath(path)
    trainer.train(path)
    return Tagger(path, gazetteer=gazetteer)


def _normalize_token(token: str) -> str:
    from persnews.normalize import normalize

    text = normalize(token, digits="ascii").text
    return "\u200c".join(text.split()) if " " in text else text
