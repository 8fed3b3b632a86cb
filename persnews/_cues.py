"""Lexicons for quote finding: speech verbs, attribution phrases, anaphors, titles.

The data files under ``persnews/data/`` list constructions once; this module
conjugates the verbs and indexes every phrase by a *key*: the words joined
with no space or ZWNJ between them, with hamza seats and Arabic letters
unified.  A phrase then matches a run of tokens whose joined key is the same,
so ``اظهار داشت``, ``اظهار‌داشت`` and ``اظهارداشت`` are one cue.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Mapping

import attrs
import regex

from persnews import _resources

__all__ = [
    "LETTERS",
    "MAX_PHRASE_TOKENS",
    "CueForm",
    "Lexicon",
    "conjugate",
    "key",
    "lexicon",
    "unify_letters",
]

#: Longest phrase, in tokens, that the matchers look for.
MAX_PHRASE_TOKENS = 7

_KEY_TABLE = str.maketrans(
    {
        "\u200c": None,
        " ": None,
        "\u0640": None,
        "\u0626": "\u06cc",  # ئ
        "\u0624": "\u06cc",  # ؤ: مسؤول and مسئول are one word
        "\u064a": "\u06cc",
        "\u0649": "\u06cc",
        "\u0643": "\u06a9",
        "\u0622": "\u0627",  # آ
        "\u0623": "\u0627",
        "\u0625": "\u0627",
        "\u0629": "\u0647",
        "\u06c0": "\u0647",
    }
)


#: The one-for-one part of :data:`_KEY_TABLE`: applied to a whole text at once, it keeps offsets.
LETTERS = str.maketrans({k: v for k, v in _KEY_TABLE.items() if isinstance(v, str)})
_LETTER_PAIRS = tuple((chr(k), v) for k, v in LETTERS.items() if isinstance(v, str))


def unify_letters(text: str) -> str:
    """``text.translate(LETTERS)``: letters unified one for one, offsets kept.

    A chain of ``str.replace`` calls: on Persian text it is about a hundred
    times faster than ``str.translate``, which looks every character up.

    Example:
        >>> unify_letters("مسؤول") == "مسیول"
        True
    """
    for src, dst in _LETTER_PAIRS:
        if src in text:
            text = text.replace(src, dst)
    return text


_NEEDS_KEY = regex.compile("[" + "".join(chr(c) for c in _KEY_TABLE) + "]")
#: The characters :data:`_KEY_TABLE` deletes.
_DROPPED = tuple(chr(k) for k, v in _KEY_TABLE.items() if v is None)


def key(text: str) -> str:
    """The lookup key of a word or phrase: no spaces or ZWNJ, letters unified.

    ``text.translate(_KEY_TABLE)``, done as deletions and then
    :func:`unify_letters` for speed (no deleted character is a unified one).

    Example:
        >>> key("اظهار داشت") == key("اظهار‌داشت") == key("اظهارداشت")
        True
    """
    if _NEEDS_KEY.search(text) is None:
        return text
    for dropped in _DROPPED:
        if dropped in text:
            text = text.replace(dropped, "")
    return unify_letters(text)


@attrs.frozen(slots=True)
class CueForm:
    """One inflected form of a speech construction.

    ``construction`` is the dictionary form (``اظهار داشتن``); ``frames`` the
    patterns it may take part in (see ``speech_verbs.tsv``); ``about`` the
    prepositions (as tuples of keys) that introduce a reported topic.
    """

    construction: str
    frames: frozenset[str]
    about: tuple[tuple[str, ...], ...] = ()
    nominal: str = ""
    negative: bool = False
    simple_past: bool = False


def _present_forms(present: str) -> list[str]:
    return [present + "د", present + "ند"]


def conjugate(past: str, present: str) -> list[tuple[str, bool, bool]]:
    """Third-person forms of a verb as ``(form, negative, simple_past)``.

    Past, present (with and without ``می``), progressive, perfect, past
    perfect and future, each also negated.  The copula (``بود``/``است``) gets
    its own forms.

    Example:
        >>> [f for f, neg, _ in conjugate("گفت", "گوی") if not neg][:4]
        ['گفت', 'گفتند', 'میگوید', 'میگویند']
    """
    if past == "بود" and present == "است":
        forms = [("است", False), ("هست", False), ("هستند", False), ("اند", False), ("ند", False)]
        forms += [("بود", False), ("بودند", False), ("نیست", True), ("نیستند", True), ("نبود", True)]
        forms += [("نبودند", True)]
        return [(f, neg, False) for f, neg in forms]
    out: list[tuple[str, bool, bool]] = []
    neg_past = ("نی" + past[1:]) if past.startswith("ا") else "ن" + past
    for prefix, neg in (("", False), ("ن", True)):
        stem = past if not neg else neg_past
        if not neg:
            out += [(past, False, True), (past + "ند", False, True)]
        else:
            out += [(stem, True, False), (stem + "ند", True, False)]
        out += [(prefix + "می" + f, neg, False) for f in _present_forms(present)]
        if present == "دار":
            out += [(prefix + f, neg, False) for f in _present_forms(present)]
        out += [(prefix + "می" + past, neg, False), (prefix + "می" + past + "ند", neg, False)]
        participle = stem + "ه"
        for aux in ("است", "اند", "بود", "بودند", "باشد", "باشند"):
            out.append((participle + aux, neg, False))
        out += [(prefix + "خواهد" + past, neg, False), (prefix + "خواهند" + past, neg, False)]
    return out


@attrs.frozen(slots=True)
class Lexicon:
    """Every phrase the quote finder looks for, indexed by key."""

    #: key of an inflected speech form -> its description
    cues: Mapping[str, CueForm]
    #: key of an attribution phrase -> kind (source, relay, agency, reporter, frame, frame_np, topic, opener)
    attribution: Mapping[str, str]
    #: key of an anaphor -> kind (person, plural, document, demonstrative)
    anaphors: Mapping[str, str]
    #: key of a title / role noun / organisation head -> kind (title, role, org)
    titles: Mapping[str, str]
    #: keys of the first word of every multi-word phrase above, for a cheap pre-check
    starts: frozenset[str]
    #: class of quote_words.tsv -> keys of its words (stop, compound, determiner, label, ...)
    words: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    #: every prefix of a cue or attribution key: a run of tokens that is none can stop growing
    prefixes: frozenset[str] = frozenset()
    #: nominal of a topic verb -> its topic prepositions, for headlines (تاکید X بر Y)
    headline: Mapping[str, tuple[tuple[str, ...], ...]] = attrs.field(factory=dict)
    #: words of a "wrap" nominal (``خواستار``, ``به بیان``) -> the keys of the verb forms that
    #: close it and the construction's description: the topic stands between the two
    wraps: Mapping[tuple[str, ...], tuple[frozenset[str], CueForm]] = attrs.field(factory=dict)
    #: every prefix of a title key (and ""): a run of tokens that is none can stop growing
    title_prefixes: frozenset[str] = attrs.field(
        default=attrs.Factory(lambda lex: _prefixes(lex.titles) | {""}, takes_self=True)
    )

    def with_extra_verbs(self, words: Iterable[str]) -> Lexicon:
        """A copy that also knows the user's speech verbs (as given, any frame)."""
        extra = dict(self.cues)
        frames = frozenset({"colon", "that", "clause", "marked"})
        starts = set(self.starts)
        for w in words:
            k = key(w)
            if k and k not in extra:
                extra[k] = CueForm(w, frames, simple_past=True)
                starts.add(key(w.split()[0]) if w.split() else k)
        return attrs.evolve(
            self, cues=extra, starts=frozenset(starts), prefixes=_prefixes(extra, self.attribution)
        )


def _about(frames: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    out = []
    for f in frames:
        if f.startswith("about:"):
            for prep in f[len("about:") :].split("|"):
                out.append(tuple(key(w) for w in prep.split("_")))
    return tuple(out)


def _build() -> Lexicon:
    cues: dict[str, CueForm] = {}
    starts: set[str] = set()
    headline: dict[str, tuple[tuple[str, ...], ...]] = {}
    wraps: dict[tuple[str, ...], tuple[frozenset[str], CueForm]] = {}
    for row in _resources.rows("speech_verbs.tsv"):
        construction, nominal, past, present, frames_text = row[:5]
        frames = frozenset(f.split(":")[0] for f in frames_text.split(","))
        about = _about(frames_text.split(","))
        nominal = "" if nominal == "-" else nominal
        for form, negative, simple in conjugate(past, present):
            k = key(nominal) + key(form)
            if k not in cues:
                cues[k] = CueForm(construction, frames, about, nominal, negative, simple)
        if "wrap" in frames:
            closing = frozenset(key(form) for form, negative, _ in conjugate(past, present) if not negative)
            wrapped = CueForm(construction, frames, about, nominal)
            wraps[tuple(key(w) for w in nominal.split())] = (closing, wrapped)
        if nominal:
            starts.add(key(nominal.split()[0]))
            if about and " " not in nominal:
                headline[key(nominal)] = headline.get(key(nominal), ()) + about
    attribution = {key(r[0]): r[1] for r in _resources.rows("attribution.tsv")}
    anaphors = {key(r[0]): r[1] for r in _resources.rows("anaphors.tsv")}
    titles = {key(r[0]): r[1] for r in _resources.rows("speaker_titles.tsv")}
    words: dict[str, set[str]] = {}
    for row in _resources.rows("quote_words.tsv"):
        words.setdefault(row[1], set()).add(key(row[0]))
    frozen = {cls: frozenset(ws) for cls, ws in words.items()}
    return Lexicon(
        cues,
        attribution,
        anaphors,
        titles,
        frozenset(starts),
        frozen,
        _prefixes(cues, attribution),
        headline,
        wraps,
    )


def _prefixes(*tables: Iterable[str]) -> frozenset[str]:
    return frozenset(k[:n] for table in tables for k in table for n in range(1, len(k) + 1))


_lock = threading.Lock()


@functools.cache
def _cached() -> Lexicon:
    return _build()


def lexicon() -> Lexicon:
    """The packaged lexicon, built once per process on first use."""
    with _lock:
        return _cached()
