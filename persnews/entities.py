"""People, places and organisations: mentions found offline and merged into entities.

Mentions come from three sources, sentence by sentence (the title too):

1. the CRF tagger of :mod:`persnews.ner` (shipped in the package);
2. the gazetteers of :mod:`persnews.gazetteer` (countries, cities, state
   bodies, agencies, parties...), plus the caller's own names;
3. rules over cue words: a title or an honorific before a name
   (``آیت‌الله``, ``دکتر``), a given name before a surname, an
   organisation's head noun before a known place (``شهرداری کرج``), an
   outlet after ``به گزارش``, an administrative noun before a place
   (``استان گیلان``, kept out of the name).

Words with several readings are decided from their context: ``فارس`` is the
agency after ``به گزارش`` or ``خبرنگار``, the province after ``استان`` or
among places; ``مهر`` is the agency only in an agency context (never the
month); ``ایران`` is the newspaper only as ``روزنامه ایران``; a surname that
is also an adjective (``ظریف``) is a person when a given name, a title or a
speech verb stands by it, or when the article names the person in full.

Within an article, a surname or short form joins the full name
(``ظریف`` -> ``محمدجواد ظریف``), a short form of a body joins its full name
(``وزارت خارجه`` -> ``وزارت امور خارجه``, ``خبرگزاری فارس`` -> ``فارس``),
and spelling variants join after normalisation.  Offices named with their
body (``سخنگوی وزارت امور خارجه``) become :attr:`EntityKind.ROLE` entities;
:func:`roles_of` links a role to the person an apposition names
(``محمدجواد ظریف وزیر امور خارجه``).
"""

from __future__ import annotations

import array
import bisect
import functools
import importlib.util
import itertools
import operator
import os
import pathlib
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from operator import contains, ne
from typing import TypeVar, cast, overload

import attrs
import regex

from persnews.gazetteer import (
    CueTable,
    Gazetteer,
    GazetteerEntry,
    GazetteerMatch,
    _name_keys,
    cue_words,
    name_key,
)
from persnews.model import (
    Article,
    Entity,
    EntityKind,
    Mentions,
    Sentence,
    Span,
    Token,
    Tokens,
)
from persnews.ner import Tagger, _cue_tags_of, _gaz_tags_of, load_tagger
from persnews.normalize import Normalized

__all__ = [
    "extract_entities",
    "find_entities",
    "role_holder",
    "roles_of",
    "tag_words",
]

_KIND = {
    "PER": EntityKind.PERSON,
    "LOC": EntityKind.LOCATION,
    "ORG": EntityKind.ORGANIZATION,
    "ROLE": EntityKind.ROLE,
}
_SHORT = {
    EntityKind.PERSON: "PER",
    EntityKind.LOCATION: "LOC",
    EntityKind.ORGANIZATION: "ORG",
    EntityKind.ROLE: "ROLE",
}

# Priorities of mention sources when candidates overlap (higher wins).
_P_RULE = 5.0
_P_GAZ_MULTI = 4.0
_P_GAZ = 3.0
_P_CRF = 2.0
_P_WEAK = 1.0

# Longest name a rule builds after a title or a given name, in tokens.
_MAX_RULE_NAME = 4
# Longest stretch (tokens) the ROLE rule takes after an office noun.
_MAX_ROLE_TOKENS = 8

_lock = threading.Lock()


# --- resources ---------------------------------------------------------------------


@attrs.frozen(slots=True, eq=False)
class _Resources:
    cues: CueTable
    lexicon: Mapping[str, tuple[int, str]]
    verbs: frozenset[str]
    light: frozenset[str]
    stop: frozenset[str]
    # past participles (پاشیده، زده): after a lone given name they follow an object, not a surname
    participles: frozenset[str] = frozenset()
    # the classes of the cue phrases a rule starts from (most cue words, function words, start none)
    rule_classes: frozenset[frozenset[str]] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        rule_classes = {cls for cls in self.cues.classes.values() if cls & _SPAN_RULE_CLASSES}
        rule_classes.update(cls for k, cls in self.cues.classes.items() if k in _BODY_OFFICES)
        object.__setattr__(self, "rule_classes", frozenset(rule_classes))


def _hazm_file(name: str) -> list[str]:
    spec = importlib.util.find_spec("hazm")
    if spec is None or not spec.submodule_search_locations:
        return []
    for folder in spec.submodule_search_locations:
        path = pathlib.Path(folder) / "data" / name
        if path.is_file():
            return path.read_text(encoding="utf-8").splitlines()
    return []


_LIGHT_VERBS = (
    "کرد#کن",
    "شد#شو",
    "داد#ده",
    "گرفت#گیر",
    "زد#زن",
    "نمود#نما",
    "داشت#دار",
    "یافت#یاب",
    "ساخت#ساز",
    "خورد#خور",
    "آورد#آور",
    "کشید#کش",
    "رسید#رس",
    "گشت#گرد",
    "بود#باش",
    "گذاشت#گذار",
    "افتاد#افت",
)


_PREVERBS = ("بر", "در", "باز", "فرا", "فرو", "وا")

# Endings that make an inflected form of a listed word, and how frequent the word must be for the
# form to read as common (a bare -ی also makes surnames and place names from rarer words: طالقانی)
_INFLECTIONS = tuple(
    (name_key(suffix), least)
    for suffix, least in (
        ("هایی", 5),
        ("های", 5),
        ("ها", 5),
        ("ای", 6),
        ("ان", 6),
        ("ند", 6),
        ("ترین", 5),
        ("ی", 7),
    )
)


def _verb_forms(lines: list[str] | None = None, *, bare_present: bool = False) -> frozenset[str]:
    """Conjugated forms of hazm's verb stems (keys), to stop names at verbs."""
    if lines is None:
        lines = _hazm_file("verbs.dat")
    out: set[str] = set()
    # no bare participle (شایسته، گنجانیده): many are adjectives and surnames
    past_end = ("", "م", "ی", "یم", "ید", "ند", "هاست", "هام", "هایم", "هاند", "ن")
    pres_end = ("م", "ی", "د", "یم", "ید", "ند", "")
    for line in lines:
        past, _, present = line.strip().partition("#")
        for stem in (past,):
            if not stem:
                continue
            for e in past_end:
                for p in ("", "می", "نمی", "ن"):
                    out.add(name_key(p + stem + e))
            # the continuous participle is a verb, whatever the bare one may be (می‌کرده)
            out.update((name_key("می" + stem + "ه"), name_key("نمی" + stem + "ه")))
        if present:
            for e in pres_end:
                for p in ("می", "نمی", "ب", "ن", "") if bare_present else ("می", "نمی", "ب", "ن"):
                    if not p and not e:
                        continue
                    out.add(name_key(p + present + e))
        # a verb with a preverb takes no ب and puts می inside: برگردند، برمی‌گردند، درمی‌آمد
        preverb = next((v for v in _PREVERBS if past.startswith(v) and present.startswith(v)), "")
        if preverb and len(present) - len(preverb) >= 2:
            rest_past, rest_present = past[len(preverb) :], present[len(preverb) :]
            for p in ("می", "نمی"):
                out.update(name_key(preverb + p + rest_present + e) for e in pres_end)
                out.update(name_key(preverb + p + rest_past + e) for e in past_end)
            # (not -ی: فروشی، درخشی are nouns and adjectives)
            out.update(name_key(present + e) for e in ("م", "د", "یم", "ید", "ند"))
    for w in ("است", "هست", "نیست", "بود", "شد", "باشد", "باشند", "میباشد", "نبود", "هستند", "بودند"):
        out.add(name_key(w))
    # the future auxiliary (خواهد رفت), never a bare present elsewhere
    for w in ("خواهم", "خواهی", "خواهد", "خواهیم", "خواهید", "خواهند"):
        out.add(name_key(w))
    return frozenset(k for k in out if len(k) > 1)


@functools.cache
def _resources_unlocked() -> _Resources:
    from persnews.ner import _hazm_lexicon_unlocked

    cues = cue_words()
    lexicon = _hazm_lexicon_unlocked()
    # hazm's stop words, less the nouns and adjectives that also make names (بخشی، عالی، زاده)
    stop = set()
    for w in _hazm_file("stopwords.dat"):
        k = name_key(w.strip().replace("_", " "))
        pos = set(lexicon.get(k, (0, ""))[1].split(","))
        if k and not pos & {"N", "AJ"}:
            stop.add(k)
    stop |= {k for k, v in cues.classes.items() if v & {"boundary", "currency"}}
    verbs = _verb_forms()
    # a bare past stem that is also a noun (زیست، ساخت، نشست) is not taken for a verb
    nouns = {k for k in verbs if set(lexicon.get(k, (0, "0"))[1].split(",")) & {"N", "AJ"}}
    nouns |= {k for k, v in cues.classes.items() if "not_verb" in v}
    # light verbs also without their prefix (تصویب شود، اعلام کنم)
    light = _verb_forms(list(_LIGHT_VERBS), bare_present=True)
    # the participles of the commonest light verbs (سعی کرده، مرتبط بوده); not داده، ساخته (nouns too)
    light |= {name_key(w) for w in ("کرده", "شده", "بوده", "نموده", "گردیده", "داشته")}
    participles = frozenset(
        k
        for k in (name_key(line.partition("#")[0].strip() + "ه") for line in _hazm_file("verbs.dat"))
        if len(k) > 2
    )
    return _Resources(cues, lexicon, frozenset((verbs - nouns) | light), light, frozenset(stop), participles)


def _resources() -> _Resources:
    with _lock:
        return _resources_unlocked()


# --- candidates in one sentence -----------------------------------------------------


@attrs.define(slots=True)
class _Cand:
    start: int
    end: int
    kind: str  # PER / LOC / ORG / ROLE
    prio: float
    subtype: str | None = None
    canonical: str | None = None
    name_start: int = -1  # where the name proper starts (after استان, شهر...)
    source: str = "crf"
    inner: list[_Cand] = attrs.Factory(list)  # a place or person named inside (شهرداری کرج)

    def __attrs_post_init__(self) -> None:
        if self.name_start < 0:
            self.name_start = self.start


_PREPOSITIONS = frozenset({"به", "در", "از", "با", "بر", "برای", "تا"})
_FUNCTION_POS = frozenset({"ADV", "P", "CONJ", "PRO", "DET", "POSTP", "PR", "PS", "INT"})
_PUNCT = frozenset("،,.:;؛!?؟«»\"'()[]{}-–—/\\|*+=<>…")


def _is_punct(word: str) -> bool:
    return bool(word) and all(ch in _PUNCT or not ch.isalnum() for ch in word)


_NO_CLASS: frozenset[str] = frozenset()
_CLASSES_OF = operator.itemgetter(2)
_BETWEEN = name_key("بین")
_INTERNATIONAL = frozenset(map(name_key, ("المللی", "الملل")))
_VERB_PREFIXES = frozenset({"می", "نمی"})
# Sets of cue classes the rules test words for (constants: a set written in a test is built anew
# each time it is evaluated).
_NOT_IN_NAMES = frozenset(
    {
        "office",
        "org_head",
        "loc_head",
        "place_head",
        "nationality",
        "honorific",
        "speech",
        "speech_lead",
        "epithet",
        "phrase_end",
    }
)
_ROLE_WORDS = frozenset({"office", "loc_generic"})
# What a tagged name never opens with: a role word, or an epithet (شهید ارجمند غلامعلی پیچک).
_NOT_OPENING = _ROLE_WORDS | {"epithet", "phrase_end"}
_GENERIC_HEADS = frozenset({"loc_generic", "org_head"})
_NAME_OPENERS = frozenset({"honorific", "title", "office", "given", "title_in"})
_TITLES = frozenset({"honorific", "title"})
_GIVEN = frozenset({"given", "given_weak", "title_in"})
_WEAK_NAMES = frozenset({"given_weak", "common_word"})
_PHRASE_ENDS = frozenset({"office", "speech", "ctx_agency", "ctx_talk", "nationality", "phrase_end"})
_FIELD_ENDS = frozenset({"office", "speech", "given", "honorific", "title"})
_UNIT_ENDS = frozenset({"office", "speech", "nationality"})
_PAPER_ENDS = frozenset({"office", "honorific", "title"})
# Cue classes the rules over cue phrases start from (besides the offices of _BODY_OFFICES).
_SPAN_RULE_CLASSES = frozenset(
    {
        "honorific",
        "title",
        "speech",
        "speech_lead",
        "org_head",
        "loc_head",
        "loc_generic",
        "place_head",
        "office",
    }
)
_NO_CLASSES = itertools.repeat(_NO_CLASS)
_T = TypeVar("_T")
_A = TypeVar("_A")


def _where(values: Sequence[_T], test: Callable[[_T, _A], object], arg: _A) -> Iterable[int]:
    """The positions ``i`` with ``test(values[i], arg)``, found without a Python loop (most
    rules start at a few words of a sentence)."""
    return itertools.compress(range(len(values)), map(test, values, itertools.repeat(arg)))


@functools.lru_cache(maxsize=4096)
def _union_classes(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    return a | b


def _static_stop(w: str, k: str, res: _Resources) -> bool:
    """Whether a word ends or opens no name wherever it stands: a function word, a verb,
    punctuation, a number, a preposition glued to its noun (به‌دلیل)."""
    if not k or k in res.stop or k in res.verbs or _is_punct(w) or k[:1].isdigit():
        return True
    if "\u200c" in w and w.split("\u200c", 1)[0] in _PREPOSITIONS:
        return True  # به‌دلیل، در‌حالی: a preposition glued to its noun
    lex = res.lexicon.get(k)
    return lex is not None and bool(lex[1]) and set(lex[1].split(",")) <= _FUNCTION_POS


# _static_stop by word (a word's key and the resources are the same for every sentence),
# shared by threads (a dict's get and setitem are atomic); cleared past the limit, so that
# memory stays bounded on an open vocabulary.
_STOP_WORDS: dict[str, bool] = {}
_STOP_WORDS_LIMIT = 100_000


def _static_stops(words: list[str], keys: list[str], res: _Resources) -> list[bool]:
    """:func:`_static_stop` of each word, read from the shared answers in one C-level pass."""
    stops = list(map(_STOP_WORDS.get, words))
    if None in stops:
        if len(_STOP_WORDS) >= _STOP_WORDS_LIMIT:
            _STOP_WORDS.clear()
        for i in [i for i, v in enumerate(stops) if v is None]:
            stops[i] = _STOP_WORDS[words[i]] = _static_stop(words[i], keys[i], res)
    return cast("list[bool]", stops)


class _Sentence:
    """The tokens of one sentence and what is known about each."""

    __slots__ = (
        "_sports",
        "body_ends",
        "classes",
        "cue_spans",
        "gaz_starts",
        "keys",
        "labels",
        "n",
        "res",
        "rule_spans",
        "stops",
        "words",
    )

    def __init__(self, words: Sequence[str], res: _Resources) -> None:
        self.words = words = list(words)
        self.keys = keys = _name_keys(words)
        self.n = n = len(words)
        self.res = res
        self.labels: list[str] = ["O"] * n
        self.gaz_starts: frozenset[int] = frozenset()
        # where a body the gazetteer knows ends (بنیاد شهید): a word after it is no honoree by default
        self.body_ends: frozenset[int] = frozenset()
        self._sports: bool | None = None
        # single-token classes also count inside a longer cue phrase
        self.classes = classes = list(map(res.cues.classes.get, keys, _NO_CLASSES))
        self.cue_spans: list[tuple[int, int, frozenset[str]]] = res.cues.match(keys)
        # which words end or open no name: a stop word or a verb (found for all the words at
        # once, as the rules ask again and again), a word of a boundary phrase too (عید سعید،
        # علی رغم: a boundary word of its own is a stop word)...
        self.stops = stops = _static_stops(words, keys, res)
        for s, e, cls in self.cue_spans:
            if e - s > 1:  # a one-word phrase's classes are the word's own
                for j in range(s, e):
                    if not cls <= classes[j]:
                        classes[j] = _union_classes(classes[j], cls)
                if "boundary" in cls:
                    stops[s:e] = [True] * (e - s)
        # ... and a verb written apart from its prefix (می کرده)
        if not _VERB_PREFIXES.isdisjoint(keys):
            for i in range(1, n):
                if keys[i - 1] in _VERB_PREFIXES:
                    stops[i] = True
        # بین المللی written apart: بین is no preposition there (انستیتو روابط بین المللی مسکو)
        if _BETWEEN in keys:
            for i in range(n - 1):
                if keys[i] == _BETWEEN and keys[i + 1] in _INTERNATIONAL:
                    stops[i] = False
        # the cue phrases the rules start from (an office, a head noun, a title...)
        self.rule_spans = list(
            itertools.compress(
                self.cue_spans, map(res.rule_classes.__contains__, map(_CLASSES_OF, self.cue_spans))
            )
        )

    def has(self, i: int, cls: str) -> bool:
        return 0 <= i < self.n and cls in self.classes[i]

    def freq(self, i: int) -> int:
        lex = self.res.lexicon.get(self.keys[i])
        return -1 if lex is None else lex[0]

    def unknown(self, i: int) -> bool:
        """Whether token ``i`` is a word the lexicon lacks in any form: not a listed word, nor one
        with a plural, indefinite or verb ending (ورزشکاران، موزه‌ای، معتقدند are common words)."""
        if self.freq(i) >= 0:
            return False
        k = self.keys[i]
        lexicon = self.res.lexicon
        for suffix, least in _INFLECTIONS:
            stem = k[: -len(suffix)]
            if not k.endswith(suffix) or len(stem) < 3 or (suffix == "ای" and stem[-1] not in "هاو"):
                continue  # (the indefinite -ای follows a vowel: موزه‌ای، not شهدای)
            found = lexicon.get(stem)
            if found is not None and found[0] >= least:
                return False
        return True

    def namelike(self, i: int, *, loose: bool = False) -> bool:
        """Could token ``i`` be part of a person's name?"""
        if i >= self.n or self.stops[i]:
            return False
        c = self.classes[i]
        if not c.isdisjoint(_NOT_IN_NAMES):
            return False
        if "given" in c or "title_in" in c:
            return True
        if not any(ch.isalpha() for ch in self.words[i]) or len(self.keys[i]) < 2:
            return False
        return loose or self.freq(i) <= 6


def _label_runs(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """The ``(start, end, type)`` runs of IOB2 labels, as :func:`persnews.ner.spans_from_labels`
    reads them, looking only at the labels that are not ``O`` (most are)."""
    out: list[tuple[int, int, str]] = []
    start = -1
    current = ""
    last = -1
    for i in _where(labels, ne, "O"):
        if start >= 0 and i > last + 1:  # an O ended the run
            out.append((start, last + 1, current))
            start, current = -1, ""
        prefix, _, t = labels[i].partition("-")
        if not t or prefix == "B" or t != current:
            if start >= 0:
                out.append((start, i, current))
                start, current = -1, ""
            if t:
                start, current = i, t
        last = i
    if start >= 0:
        out.append((start, last + 1, current))
    return out


def _crf_cands(sent: _Sentence, labels: Sequence[str]) -> list[_Cand]:
    out = []
    for s, e, t in _label_runs(labels):
        if t not in ("PER", "LOC", "ORG"):
            continue
        # a name never starts or ends on a function word or a verb (شرکت می کند)
        after_office = False
        while s < e and (sent.stops[s] or not sent.classes[s].isdisjoint(_NOT_OPENING)):
            after_office = after_office or "office" in sent.classes[s]
            s += 1
        after_office = after_office or sent.has(s - 1, "office")
        if e - s > 1 and "given_common" in sent.classes[s] and sent.has(s + 1, "title_in"):
            s += 1  # جشن میلاد حضرت زهرا: the noun before a title names no one
        while e > s and (sent.stops[e - 1] or sent.keys[e - 1] in ("و",) or sent.has(e - 1, "epithet")):
            e -= 1
        if e <= s:
            continue
        for j in range(s + 1, e):
            k = sent.keys[j]
            if (sent.stops[j] and k not in _NAME_JOINERS) or k in sent.res.verbs:
                e = j
                break
            if "phrase_end" in sent.classes[j] and not sent.has(j - 1, "given"):
                # تیم کنونی پاتوسی: a person is named after the description; a body before it
                s, e = (j + 1, e) if t == "PER" else (s, j)
                break
        while e > s and (sent.stops[e - 1] or (e - s > 1 and _adverb(sent, e - 1))):
            e -= 1
        if e - s > 1 and e < sent.n and sent.keys[e] in sent.res.light and sent.labels[e - 1] != "B-" + t:
            e -= 1  # the nominal part of a compound verb
        if e <= s or _generic_span(sent, s, e, t):
            continue
        if t == "PER" and e - s == 1 and _glued_and(sent, s):
            continue  # قرآن وپیامبر: a common noun with و glued on
        if t == "PER" and e < sent.n and "speech" in sent.classes[e] and _topic_of(sent, s):
            continue  # از بخشش و نیکوکاری گفت: what one speaks of
        source = "crf_office" if after_office else "crf"
        if t == "PER" and after_office and e - s == 1 and sent.freq(s) >= 7:
            continue  # رهبر معظم انقلاب اسلامی: what is left of a role is no name
        if e - s == 1 and _common_word(sent, s, t) and not _supported(sent, s, t):
            source = "crf_common"  # ظریف the adjective: kept only where a name is confirmed elsewhere
        # tagged runs never overlap, and no other source has a priority between _P_WEAK and _P_GAZ,
        # so the tagger's confidence would not change which candidate wins
        out.append(_Cand(s, e, t, _P_CRF, source=source))
    return out


_POSSESSIVES = tuple(name_key(w) for w in ("شان", "ش"))


def _possessed(sent: _Sentence, i: int) -> bool:
    """Whether token ``i`` is a frequent noun with a possessive ending (نظرش، اعضایشان): what a
    body has, never part of its name."""
    k = sent.keys[i]
    if sent.freq(i) > 0:
        return False
    for end in _POSSESSIVES:
        stem = sent.res.lexicon.get(k[: -len(end)]) if k.endswith(end) and len(k) - len(end) >= 3 else None
        if stem is not None and stem[0] >= 6 and "N" in stem[1].split(","):
            return True
    return False


def _glued_and(sent: _Sentence, i: int) -> bool:
    """Whether token ``i`` is و written onto a frequent noun (وپیامبر), not a name that starts
    with و (وحیدی، والی)."""
    k = sent.keys[i]
    if not k.startswith("و") or len(k) < 5 or not sent.classes[i].isdisjoint(_GIVEN):
        return False
    rest = k[1:]
    lex = sent.res.lexicon.get(rest)
    return rest not in sent.res.stop and lex is not None and lex[0] >= 6 and "N" in lex[1].split(",")


def _common_word(sent: _Sentence, i: int, kind: str) -> bool:
    """A word listed as common, or, for a person, a frequent noun (رضایتمندی، ویلا) that is no given name."""
    if "common_word" in sent.classes[i]:
        return True
    if kind != "PER" or "given" in sent.classes[i] or sent.freq(i) < _COMMON_NOUN_FREQ:
        return False
    lex = sent.res.lexicon.get(sent.keys[i])
    return lex is not None and "N" in lex[1].split(",")


# A lexicon frequency band from which a lone noun tagged as a person needs support elsewhere.
_COMMON_NOUN_FREQ = 6

_NAME_JOINERS = frozenset(
    name_key(w) for w in ("و", "بن", "ابن", "بنت", "ال", "آل", "دی", "دو", "ده", "لا", "ابو", "ام")
)
_DESKS = frozenset(name_key(w) for w in ("گروه", "حوزه", "سرویس", "بخش", "دفتر", "واحد"))
_CUE_ONLY = frozenset({"office", "title", "honorific", "title_in", "org_head", "loc_head", "loc_generic"})


def _adverb(sent: _Sentence, i: int) -> bool:
    """A frequent word that can be an adverb (دوباره، همچنان) ends no name."""
    lex = sent.res.lexicon.get(sent.keys[i])
    return lex is not None and lex[0] >= 6 and lex[1] == "ADV"


def _generic_span(sent: _Sentence, s: int, e: int, kind: str) -> bool:
    """A tagged run that is no name: a role (رهبر معظم انقلاب), a head and an adjective
    (روزنامه پاکستانی، حزب متبوعش), or a plural (نیروهای امنیتی)."""
    classes = sent.classes
    if kind == "PER":
        if all(not classes[j].isdisjoint(_CUE_ONLY) for j in range(s, e)):
            return True
        if e - s == 1 and "title_in" in classes[s]:
            return True
        # رهبر معظم انقلاب اسلامی -> اسلامی: frequent words, no name
        return all(sent.freq(j) >= 7 and "given" not in classes[j] for j in range(s, e)) and not (
            e - s == 1 and _supported(sent, s, kind)
        )
    if kind == "LOC" and e - s == 1 and not classes[s].isdisjoint(_PLACE_NOUNS):
        return True  # مساجد، حسینیه، روستای «...»: a place noun alone names no place
    if kind != "ORG":
        return False
    if e - s == 1 and sent.keys[s] in _GOVERNMENT_HEADS:
        return True  # حمایت دولت: the government, named by no name
    if sent.keys[s] in _DESKS and s > 0 and sent.has(s - 1, "ctx_agency"):
        return True  # به گزارش گروه سیاست خارجی خبرگزاری فارس: a desk of the outlet
    if "org_head" in classes[s]:
        if e - s == 1 or _generic_head(sent, s, s + 1):
            return True
        rest = range(s + 1, e)
        if e - s == 2 and (
            "nationality" in sent.classes[s + 1] or sent.freq(s + 1) >= 7 or _adjective(sent, s + 1)
        ):
            return True  # فدراسیون جهانی، سازمان صنعت: a head and a common word
        if "".join(sent.keys[s : s + 1]) not in _STRONG_HEADS and (
            all(sent.freq(j) >= 0 for j in rest)
            or any(
                not sent.classes[j].isdisjoint(_GENERIC_HEADS) or sent.keys[j] in ("ها", "های") for j in rest
            )
        ):
            return True
    return False


def _supported(sent: _Sentence, i: int, kind: str) -> bool:
    """Context that makes a word with a common reading a name: a title or an office before
    it, a speech verb after it (``دکتر ظریف``، ``ظریف گفت``)."""
    if kind != "PER":
        return False
    if i > 0 and not sent.classes[i - 1].isdisjoint(_NAME_OPENERS):
        return True
    return i + 1 < sent.n and "speech" in sent.classes[i + 1] and not _topic_of(sent, i)


_TOPIC_MARKERS = frozenset(name_key(w) for w in ("از", "درباره", "دربارهٔ"))


def _topic_of(sent: _Sentence, i: int) -> bool:
    """Whether word ``i`` ends what ``از`` or ``درباره`` opens (``از بخشش و نیکوکاری گفت``):
    the topic of the speech verb after it, not its speaker."""
    for j in range(i - 1, max(-1, i - 5), -1):
        if sent.keys[j] in _TOPIC_MARKERS:
            return True
        if sent.stops[j] and sent.keys[j] != "و":
            return False
    return False


def _entry_kind(entry: GazetteerEntry) -> str:
    return _SHORT[entry.kind]


def _agency_context(sent: _Sentence, i: int) -> bool:
    """Whether an outlet's name at token ``i`` follows ``به گزارش``, ``خبرنگار``..., or is
    the one told something (``به فارس گفت``)."""
    if i > 0 and sent.keys[i - 1] == "به" and sent.has(i + 1, "speech"):
        return True
    j = i - 1
    # skip desk words: به گزارش خبرنگار سیاسی خبرگزاری فارس، خبرنگار بهداشت و درمان فارس
    steps = 0
    while j >= 0 and steps < 4:
        if sent.has(j, "ctx_agency") or sent.has(j, "ctx_talk"):
            return True
        if sent.stops[j] and sent.keys[j] not in ("", "و"):
            break
        steps += sent.keys[j] != "و"
        j -= 1
    return False


_QUOTING = (name_key("به نقل از"), name_key("از قول"), name_key("درباره"))


def _press_line(sent: _Sentence, s: int, e: int) -> bool:
    """A press-review line opens with the paper's name and a colon (``اعتماد: ...``) or
    with whom it quotes (``اسرار به نقل از ...``، ``اطلاعات از قول ...``)."""
    if s != 0 or e >= sent.n:
        return False
    if sent.words[e] in (":", "："):
        return True
    return any("".join(sent.keys[e : e + size]) in _QUOTING for size in (1, 2, 3))


def _sports_context(sent: _Sentence) -> bool:
    sports = sent._sports
    if sports is None:  # asked by several rules: found once a sentence
        sports = sent._sports = any("ctx_sports" in c for c in sent.classes)
    return sports


def _choose_reading(
    sent: _Sentence, s: int, e: int, entries: tuple[GazetteerEntry, ...]
) -> GazetteerEntry | None:
    """The reading of an ambiguous known name in its context (None: not a name here)."""
    agency, club, place, rest = _readings(entries)
    if agency is not None and (_agency_context(sent, s) or _press_line(sent, s, e)):
        return agency
    if club is not None and _sports_context(sent) and not sent.has(s - 1, "loc_head"):
        return club
    if place is not None and (sent.has(s - 1, "loc_head") or sent.has(s - 1, "place_head")):
        return place
    if rest is not None:
        return rest
    if agency is not None and agency.subtype == "news_agency" and len(entries) == 1:
        return agency
    if agency is not None and e - s > 1 and (agency.subtype != "newspaper" or "org_head" in sent.classes[s]):
        return agency  # a multi-word outlet name (باشگاه خبرنگاران جوان) stands on its own
    return None


_Readings = tuple[GazetteerEntry | None, GazetteerEntry | None, GazetteerEntry | None, GazetteerEntry | None]
# The readings of a known name by use, as _choose_reading sorts them; the same few names come
# again and again.  Keyed by the identity of the gazetteer's tuple of readings, which each
# value keeps (as the tagger's marks of a name do); shared by threads, cleared past the limit.
_READINGS: dict[int, tuple[tuple[GazetteerEntry, ...], _Readings]] = {}
_READINGS_LIMIT = 20_000


def _readings(entries: tuple[GazetteerEntry, ...]) -> _Readings:
    """A name's outlet reading, its first club and first place readings, and its first other
    reading (neither the outlet nor a club), each None when there is none."""
    hit = _READINGS.get(id(entries))
    if hit is not None and hit[0] is entries:
        return hit[1]
    by_sub = {en.subtype: en for en in entries}
    agency = by_sub.get("news_agency") or by_sub.get("newspaper") or by_sub.get("news_site")
    clubs = [en for en in entries if en.subtype in ("club", "national_team")]
    places = [en for en in entries if en.kind is EntityKind.LOCATION]
    rest = [en for en in entries if en is not agency and en not in clubs]
    out = (
        agency,
        clubs[0] if clubs else None,
        places[0] if places else None,
        rest[0] if rest else None,
    )
    if len(_READINGS) >= _READINGS_LIMIT:
        _READINGS.clear()
    _READINGS[id(entries)] = (entries, out)
    return out


def _ezafe_places(sent: _Sentence, gaz: Gazetteer, found: list[_Cand]) -> list[_Cand]:
    """A place written with its ezafe yeh: ``اروپای``, ``آمریکای`` (لیگ قهرمانان اروپای ...),
    where ``found`` names nothing."""
    out: list[_Cand] = []
    maybe = [i for i in _where(sent.keys, str.endswith, _EZAFE_ENDINGS) if len(sent.keys[i]) >= 4]
    if not maybe:
        return out
    taken: set[int] | None = None
    for i in maybe:
        entries = gaz.lookup_key(sent.keys[i][:-1])
        if not entries:
            continue  # برای، های: most such words are no place
        if taken is None:
            taken = {j for c in found for j in range(c.start, c.end)}
        if i in taken:
            continue
        entry = next((x for x in entries if x.kind is EntityKind.LOCATION), None)
        if entry is not None:
            out.append(_Cand(i, i + 1, "LOC", _P_GAZ, entry.subtype, entry.name, source="ezafe"))
    return out


def _desk(sent: _Sentence, i: int) -> bool:
    """Whether a desk word that is also an outlet's name (حوزه) names the desk it opens:
    ``خبرنگار حوزه احزاب خبرگزاری فارس``, ``به گزارش حوزه دولت ...``."""
    if sent.keys[i] not in _DESKS or i + 1 >= sent.n:
        return False
    return not sent.stops[i + 1] and not _is_punct(sent.words[i + 1])


_EZAFE_ENDINGS = ("\u0627\u06cc", "\u0648\u06cc")  # ای، وی


def _gazetteer_cands(sent: _Sentence, matches: list[GazetteerMatch]) -> list[_Cand]:
    out = []
    for m in matches:
        s, e = m.start, m.end
        entry = _choose_reading(sent, s, e, m.entries)
        if entry is None:
            continue
        if entry.kind is EntityKind.ROLE:
            continue
        single = e - s == 1
        if single and entry.subtype == "news_agency" and _desk(sent, s):
            continue
        in_context = entry.subtype in ("news_agency", "newspaper", "news_site") and (
            _agency_context(sent, s) or _press_line(sent, s, e)
        )
        in_context = in_context or (entry.subtype in ("club", "national_team") and _sports_context(sent))
        common = single and "common_word" in sent.classes[s] and not in_context
        if entry.subtype == "news_agency" and single and not in_context:
            # a bare outlet name (مهر، فارس، انتخاب) outside an agency context is weak
            common = True
        prio = _P_WEAK if common else (_P_GAZ if single else _P_GAZ_MULTI)
        out.append(
            _Cand(
                s,
                e,
                _entry_kind(entry),
                prio,
                entry.subtype,
                entry.name,
                source="common" if common else "gaz",
            )
        )
    return out


def _title_rule(sent: _Sentence) -> list[_Cand]:
    """A person's name after a title or an honorific: ``آیت‌الله شیخ عیسی قاسم``."""
    out = []
    for _s, e, cls in sent.rule_spans:
        if cls.isdisjoint(_TITLES):
            continue
        j = e
        # chains of titles: حضرت آیت‌الله، آیت‌الله شیخ
        while j < sent.n and not sent.classes[j].isdisjoint(_TITLES) and not sent.has(j, "office"):
            j += 1
        start = j
        while j < sent.n and j - start < _MAX_RULE_NAME and sent.namelike(j, loose=True):
            if j in sent.gaz_starts:
                break  # سرلشکر فیروزآبادی داعش را ...: a known name of another kind
            if j > start and j + 1 < sent.n and sent.keys[j + 1] in sent.res.light:
                break  # the nominal part of a compound verb (ظریف مطرح شد)
            if j > start and sent.labels[j] == "O" and sent.freq(j) >= 8 and not sent.classes[j]:
                break  # شیخ عیسی قاسم خط قرمز است: a frequent word the tagger leaves out
            if j == start and start in sent.body_ends and sent.classes[j].isdisjoint(_GIVEN):
                break  # بنیاد شهید حقوق خود را ...: the title ends a known body, no given name follows
            if (
                j == start
                and sent.labels[j] == "O"
                and sent.freq(j) >= 7
                and not sent.classes[j]
                # (عبد الحمید: an Arabic name goes on with its article)
                and not (j + 1 < sent.n and (sent.labels[j + 1] != "O" or sent.keys[j + 1].startswith("ال")))
            ):
                break  # شهدای دانش‌آموز: a common noun the tagger leaves out names no one
            if j > start and sent.classes[j - 1].isdisjoint(_GIVEN) and not _surname_part(sent, j):
                break
            j += 1
        if j > start and not all("title_in" in sent.classes[k] for k in range(start, j)):
            out.append(_Cand(start, j, "PER", _P_RULE, source="title"))
    return out


_SURNAME_ENDINGS = tuple(
    name_key(w)
    for w in ("ی", "یان", "پور", "زاده", "نژاد", "فر", "وند", "زاد", "نیا", "مند", "لو", "راد", "کیا")
)


def _surname_like(sent: _Sentence, j: int) -> bool:
    """A common word after a given name can still be a surname (رضا شایسته، محسن بخشی)."""
    if "given" in sent.classes[j]:
        return True
    lex = sent.res.lexicon.get(sent.keys[j])
    if lex is not None and "AJ" in lex[1].split(","):
        return True
    return sent.keys[j].endswith(_SURNAME_ENDINGS)


_SURNAME_PARTS = frozenset(
    name_key(w)
    for w in ("فرد", "مقدم", "اصل", "منش", "آبادی", "نسب", "تبار", "زاده", "پور", "نژاد", "راد", "نیا")
)


def _surname_part(sent: _Sentence, j: int) -> bool:
    """Whether token ``j`` can go on a surname begun before it (انصاری فرد، نجف آبادی)."""
    if _plural_of_known(sent, j) or _people(sent, j):
        return False  # آیت‌الله خامنه‌ای گروههای فلسطینی را ...: the object, not the name
    if sent.labels[j] == "I-PER" or sent.keys[j] in _SURNAME_PARTS:
        return True
    if sent.freq(j) < 0:
        return not _glued_preposition(sent, j)
    return sent.keys[j].endswith(_SURNAME_ENDINGS) and sent.freq(j) <= 7 and sent.labels[j] != "O"


def _people(sent: _Sentence, j: int) -> bool:
    """Whether token ``j`` is a frequent noun with the plural ending of people (بازیگران،
    نمایندگان): what a person is, after the name (بابک حمیدیان بازیگران این فیلم)."""
    k = sent.keys[j]
    if not k.endswith("ان") or len(k) < 5:
        return False
    stem = k[:-2]
    # (not X+یان: most such words are surnames, کریمیان، اسبقیان)
    for form in (stem, stem[:-1] + "ه" if stem.endswith("گ") else None):
        if form is None or form.endswith("ی"):
            continue
        lex = sent.res.lexicon.get(form)
        if lex is not None and lex[0] >= _COMMON_NOUN_FREQ and "N" in lex[1].split(","):
            return True
    return False


_PLURAL_ENDINGS = ("\u200cهایی", "\u200cهای", "\u200cها", "هایی", "های", "ها")


def _plural_of_known(sent: _Sentence, j: int) -> bool:
    """A known noun with a plural ending, written joined or apart (گروههای، گروه‌های).

    Read from the word, not its key: a key drops the ZWNJ that makes خامنه‌ای no plural.
    """
    w = sent.words[j]
    for end in _PLURAL_ENDINGS:
        if w.endswith(end):
            stem = w[: -len(end)]
            return len(stem) > 1 and name_key(stem) in sent.res.lexicon
    return False


_GLUED = ("در", "از", "به", "با", "بر")


def _glued_preposition(sent: _Sentence, j: int) -> bool:
    """A preposition written onto a frequent noun without a space (دردقیقه، ازطریق)."""
    k = sent.keys[j]
    for p in _GLUED:
        if k.startswith(p) and len(k) - len(p) >= 3:
            lex = sent.res.lexicon.get(k[len(p) :])
            if lex is not None and lex[0] >= 6:
                return True
    return False


def _given_name_rule(sent: _Sentence) -> list[_Cand]:
    """A given name followed by a surname: ``سرگئی لاوروف``, ``محمدجواد ظریف``."""
    out = []
    done = 0  # where the last name found ends
    for i in _where(sent.classes, contains, "given"):
        if i < done or sent.stops[i]:
            continue
        if _common_given(sent, i):
            continue
        start = i
        if sent.has(i - 1, "title_in"):
            start = i - 1
        j = i + 1
        while j < sent.n and "given" in sent.classes[j] and j - i < _MAX_RULE_NAME:
            j += 1
        givens = j - i
        first = j  # the first surname word
        while j < sent.n and j - i < _MAX_RULE_NAME:
            if not sent.namelike(j) and not (
                givens >= 2 and j == first and not sent.stops[j] and sent.classes[j].isdisjoint(_NOT_IN_NAMES)
            ):
                break  # (سعید اشرف رؤسای اتحادیه: an office word is no surname)
            if j > first and _adverb(sent, j):
                break  # آرین روبن همچنان ...
            if j > first and j + 1 < sent.n and sent.keys[j + 1] in sent.res.light:
                break  # the nominal part of a compound verb (فتاح تجلیل شد)
            if (
                sent.labels[j] == "O"
                and j + 1 < sent.n
                and (sent.keys[j + 1] in sent.res.verbs or sent.keys[j + 1] in sent.res.participles)
            ):
                break  # فاطمه اسید پاشید، فاطمه اسید پاشیده است: the object of the verb
            if j == first:
                if givens < 2 and sent.labels[j] == "O" and sent.freq(j) >= 3 and not _surname_like(sent, j):
                    break  # فاطمه اسید پاشید: a common noun after a lone given name
            elif not _surname_part(sent, j):
                break  # past the first surname word, only where the tagger agrees or the word is rare
            j += 1
        if j > first or (givens >= 2 and "given_weak" not in sent.classes[first - 1]):
            # علیرضا بهنام: a surname that is also a given name
            out.append(_Cand(start, j, "PER", _P_GAZ + 0.5, source="given"))
            done = j
    return out


def _common_given(sent: _Sentence, i: int) -> bool:
    """A given name read as the noun it also is (عمر پربرکت، جان باختگان، میلاد حضرت زهرا):
    unless a title opens it, it names someone only where the tagger reads a person there and
    no other name opens after it."""
    if "given_common" not in sent.classes[i] or sent.has(i - 1, "title_in"):
        return False
    return sent.labels[i] != "B-PER" or sent.has(i + 1, "title_in")


# Kinds of bodies whose name goes on with the place they serve.
_PLACED_BODIES = frozenset(
    {
        "ministry",
        "military",
        "police",
        "parliament",
        "government",
        "municipality",
        "agency",
        "judiciary",
        "club",
        "university",
        "company",
        "bank",
        "state_body",
        "sports_body",
    }
)
# Known bodies whose name ends with the place they serve (سازمان انرژی اتمی ایران).
_SUFFIX_PLACED = frozenset(
    {
        "ministry",
        "agency",
        "government",
        "parliament",
        "military",
        "police",
        "university",
        "municipality",
        "judiciary",
        "state_body",
        "bank",
        "company",
    }
)
_GOVERNMENT_HEADS = frozenset(name_key(w) for w in ("دولت", "رژیم", "حکومت", "کابینه"))
_UNPLACED = frozenset(
    {"news_agency", "newspaper", "news_site", "broadcaster", "social_network", "armed_group"}
)
_SITE = regex.compile(r"(?:www\.)?[A-Za-z][A-Za-z0-9-]{1,30}\.(?:ir|com|net|org|news|tv)")
_PLACE_SUBTYPES = frozenset({"country", "city", "province", "region"})


def _object(sent: _Sentence, i: int) -> bool:
    """Whether the words from ``i`` make the preceding phrase an object (... را)."""
    return i < sent.n and sent.keys[i] == "را"


# Words after the name of who speaks in a credited report (X ظهر امروز در ... گفت).
_AFTER_CREDITED_NAME = frozenset(
    name_key(w)
    for w in (
        *("امروز", "دیروز", "امشب", "ظهر", "صبح", "عصر", "شب", "بامداد", "شامگاه", "پیش", "روز", "در", "با"),
        *("هفته", "ساعت", "طی", "ضمن", "هنگام", "پس", "قبل", "بعد", "اواخر", "اوایل", "نیز", "هم", "که"),
        *("چندی", "پیشتر", "قبلا", "اخیرا", "سال", "ماه", "همچنین"),
        *("شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "پنج‌شنبه", "جمعه"),
    )
)


_ANY_GIVEN = frozenset({"given", "given_weak", "given_common"})
# Common words that make a body's name after a weak head (حوزه علمیه: the seminary).
_NAMED_FIELDS = frozenset({name_key("علمیه")})


def _after_credited_name(sent: _Sentence, j: int) -> bool:
    """Whether token ``j`` can follow a speaker's name: a time, در، or the office the speaker
    holds (قاسم جعفری نماینده مردم بجنورد ... گفت)."""
    return sent.keys[j] in _AFTER_CREDITED_NAME or "office" in sent.classes[j]


def _credited_speaker_rule(sent: _Sentence) -> list[_Cand]:
    """``به گزارش خبرگزاری فارس از همدان، حسن نوری ظهر امروز در نشست خبری ... اظهار کرد``: the
    two or three words after the credit's comma (or opening the sentence with a given name),
    before a time or a place and with a speech verb later in the sentence, are the speaker's
    name (common words as they may be)."""
    credit = next((j for j in range(min(3, sent.n)) if sent.has(j, "ctx_agency")), -1)
    if credit >= 0:
        after = range(credit + 1, min(sent.n, credit + 20))
        comma = next((j for j in after if sent.words[j] in ("،", ",")), -1)
        if comma < 0:
            return []
        start = comma + 1
    else:
        start = 0  # (at the start of a sentence, only a name that opens with a given name)
    while start < sent.n and not sent.classes[start].isdisjoint(_TITLES):
        start += 1  # حجت‌الاسلام، دکتر: titles before the name
    if credit < 0 and (start >= sent.n or sent.classes[start].isdisjoint(_ANY_GIVEN)):
        return []
    end = start
    while end < sent.n and end - start < 3 and not _after_credited_name(sent, end):
        word = sent.words[end].replace("\u200c", "")
        if not sent.namelike(end, loose=True) or not word.isalpha() or word.isascii():
            return []
        end += 1
    if not 2 <= end - start <= 3 or end >= sent.n or not _after_credited_name(sent, end):
        return []
    if not any("speech" in sent.classes[j] for j in range(end, sent.n)):
        return []
    return [_Cand(start, end, "PER", _P_RULE - 1, source="credited")]


def _speaker_rule(sent: _Sentence) -> list[_Cand]:
    """A rare word opening a clause before a speech verb is a surname: ``قاسمی گفت:``."""
    out = []
    for s, _e, cls in sent.rule_spans:
        if "speech" not in cls and not ("speech_lead" in cls and 0 < s <= 2):
            continue
        j = s
        while j > 0 and s - j < 2 and sent.namelike(j - 1) and sent.freq(j - 1) <= 3:
            j -= 1
        if j == s:
            continue
        if j > 0 and not (_is_punct(sent.words[j - 1]) or sent.keys[j - 1] in ("و", "که")):
            continue
        if j > 0 and sent.keys[j - 1] == "و" and _topic_of(sent, j):
            continue  # از بخشش و نیکوکاری گفت: the last of what one speaks of
        if "speech" not in cls and j > 0:
            continue  # a lead phrase counts only after the sentence's first words
        if any(not sent.classes[k].isdisjoint(_WEAK_NAMES) for k in range(j, s)):
            continue
        out.append(_Cand(j, s, "PER", _P_RULE - 1, source="speaker"))
    return out


def _head_rules(sent: _Sentence, gaz_cands: list[_Cand]) -> list[_Cand]:
    """``شهرداری کرج`` (organisation), ``استان گیلان`` (place, head kept out)."""
    out: list[_Cand] = []
    spans = sent.rule_spans
    by_start = {c.start: c for c in gaz_cands if c.kind in ("LOC", "ORG")}
    # right to left, so that heads chain: شرق استان تهران، دادگستری استان کرمان
    # (a head before no known name names nothing here)
    known = (
        {j for c in gaz_cands if c.source != "common" and c.end - c.start > 1 for j in range(c.start, c.end)}
        if by_start and spans
        else set()
    )
    for s, e, cls in reversed(spans) if by_start else ():
        nxt = by_start.get(e)
        if (
            nxt is None
            and "org_head" in cls
            and sent.has(e, "nationality")
            and e + 1 < sent.n
            and by_start.get(e + 1) is not None
            and by_start[e + 1].kind == "ORG"
            and by_start[e + 1].subtype in _UNPLACED
        ):
            # خبرگزاری روسی اسپوتنیک: an outlet's head, its country, its name
            nxt = by_start[e + 1]
        if nxt is None or s in known:
            continue
        if "org_head" in cls and nxt.kind == "LOC":
            if "weak_head" in cls:
                continue  # جامعه ایران، حوزه بالکان: a common noun before a place
            inner = [nxt] if nxt.source == "gaz" else [*nxt.inner]
            out.append(_Cand(s, nxt.end, "ORG", _P_RULE, source="head", inner=inner))
        elif "org_head" in cls and nxt.kind == "ORG" and "org_head" not in sent.classes[nxt.start]:
            # خبرگزاری فارس، تیم پرسپولیس، باشگاه استقلال: the head belongs to the name
            out.append(_Cand(s, nxt.end, "ORG", _P_RULE, nxt.subtype, nxt.canonical, source="head"))
        elif "loc_head" in cls and nxt.kind == "LOC":
            end = nxt.end
            directed = end < sent.n and sent.keys[end] in _DIRECTIONS and sent.keys[end] != "بزرگ"
            place = _Cand(
                s,
                end + 1 if directed else end,  # شهرستان سوادکوه شمالی
                "LOC",
                _P_RULE,
                nxt.subtype,
                None if directed else nxt.canonical,
                name_start=nxt.name_start,
                source="head",
            )
            place.inner = [] if directed else [nxt] if nxt.source == "gaz" else [*nxt.inner]
            out.append(place)
            by_start[s] = place
        elif "loc_generic" in cls and nxt.kind == "LOC":
            nxt.prio = max(nxt.prio, _P_GAZ)
    # a place and its direction: سوادکوه شمالی، کره جنوبی
    for c in gaz_cands:
        if (
            c.kind == "LOC"
            and c.end < sent.n
            and sent.keys[c.end] in _DIRECTIONS
            and sent.keys[c.end] != "بزرگ"
        ):
            out.append(_Cand(c.start, c.end + 1, "LOC", _P_GAZ_MULTI, c.subtype, None, source="head"))
    # a body followed by the place it belongs to: وزارت بهداشت افغانستان، شهرداری سنندج
    for c in gaz_cands:
        if c.kind == "ORG" and c.subtype in _PLACED_BODIES:
            nxt = by_start.get(c.end)
            if (
                nxt is not None
                and nxt.kind == "LOC"
                and nxt.subtype in _PLACE_SUBTYPES
                and not _object(sent, nxt.end)
            ):
                canonical = f"{c.canonical} {nxt.canonical}" if c.canonical and nxt.canonical else None
                out.append(
                    _Cand(c.start, nxt.end, "ORG", _P_RULE, c.subtype, canonical, source="head", inner=[nxt])
                )
    places = [c for c in gaz_cands if c.kind == "LOC" and c.source != "common"]
    place_ends = frozenset(c.end for c in places)
    place_starts = frozenset(c.start for c in places)
    # an organisation named by its head noun: اتحادیه میوه و سبزی، فدراسیون چوگان
    for s, e, cls in spans:
        if cls.isdisjoint(_HEAD_CLASSES):
            continue
        if e < sent.n and sent.keys[e] == sent.keys[e - 1]:
            continue  # پایگاه پایگاه شهید بابایی: a head written twice names from its second
        if sent.keys[s] in _DESKS and sent.has(s - 1, "ctx_agency"):
            continue  # به گزارش گروه اقتصادی باشگاه خبرنگاران جوان: a desk of the outlet
        if "org_head" in cls and e < sent.n and not _generic_head(sent, s, e):
            end = _phrase_end(sent, e, place_ends=place_ends, place_starts=place_starts)
            if end > e and _named_complement(sent, s, e, end, gaz_cands):
                titled = [j for j in range(e, end) if sent.keys[j] in _IN_ORG_NAMES]
                if titled and titled[0] + 1 in sent.body_ends:
                    # بنیاد شهید: a known body ends on the title, and whoever follows is named apart
                    end, titled = titled[0] + 1, []
                if titled:
                    end = _honoree_end(sent, titled[0] + 1, end, place_ends)
                # دانشگاه شهید چمران، پایگاه شهید بابایی: the title belongs to the body's name,
                # and the person it honours is named too
                inner = (
                    [_Cand(titled[0] + 1, end, "PER", _P_RULE, source="title")]
                    if titled and end > titled[0] + 1
                    else []
                )
                inner = [
                    _Cand(c.start, _name_end(sent, c.start, c.end), "PER", c.prio, source="title")
                    for c in inner
                ]
                inner = [c for c in inner if c.end > c.start]
                out.append(
                    _Cand(
                        s, end, "ORG", _P_RULE + 0.2 if titled else _P_GAZ + 0.2, source="head", inner=inner
                    )
                )
        elif (
            "place_head" in cls and e < sent.n and not _generic_head(sent, s, e) and not _first_name(sent, s)
        ):
            if sent.keys[e] == _IMAM and _blessing_at(sent, e + 1):
                # حرم امام (ره)، مرقد امام (ره): the Imam the blessing names (the blessing stays out of
                # a place's name: حرم امام)
                out.append(_Cand(s, e + 1, "LOC", _P_RULE + 0.1, source="head"))
                continue
            # خیابان دکتر شریعتی: the honorific of the person a place is named after
            named = e + 1 if sent.has(e, "honorific") else e
            end = _phrase_end(sent, named, names_only=True, place_ends=place_ends, place_starts=place_starts)
            if end > named and _named_complement(sent, s, e, end, gaz_cands, strict=True):
                # دره سلیمان، میدان امام حسین: a person's name after a place noun names the place,
                # also a known person's (میدان امام خمینی)
                person = named > e or any(c.kind == "PER" and e <= c.start < end for c in gaz_cands)
                out.append(_Cand(s, end, "LOC", _P_RULE + 0.1 if person else _P_GAZ + 0.6, source="head"))
        elif "loc_head" in cls and e < sent.n and e not in by_start:
            quoted = _quoted(sent, e) if sent.keys[e - 1] not in _SECTION else -1
            if quoted > 0:
                # روستای «تیمورآباد»: the quoted words are the place's name
                out.append(_Cand(e + 1, quoted - 1, "LOC", _P_GAZ + 0.2, source="head"))
                continue
            end = _phrase_end(sent, e, names_only=True, place_ends=place_ends, place_starts=place_starts)
            if (
                end > e
                and not _superlative(sent, e)
                and (not _adjective(sent, e) or (sent.keys[s] == _COUNTY and _stands_alone(sent, e)))
                and (
                    all(_place_name_word(sent, s, j) for j in range(e, end))
                    or (end == e + 1 and _county_name(sent, s, e))
                )
            ):
                # (استان‌های جنوبی عراق، روستا اصلی‌ترین ...: an adjective after the noun names nothing,
                # but a county may be named so: شهرستان دشتی،)
                out.append(_Cand(s, end, "LOC", _P_GAZ + 0.2, name_start=e, source="head"))
    # a web address standing for its outlet: Entekhab.ir (five characters or more, a dot)
    for i in _where(sent.words, contains, "."):
        if len(sent.words[i]) > 4 and _SITE.fullmatch(sent.words[i]):
            out.append(_Cand(i, i + 1, "ORG", _P_RULE, "news_site", source="head"))
    # outlets named X نیوز / X آنلاین
    if not _OUTLET_TAILS.isdisjoint(sent.keys):
        for i in range(1, sent.n):
            if sent.keys[i] in _OUTLET_TAILS and not sent.stops[i - 1] and sent.freq(i - 1) < 8:
                out.append(_Cand(i - 1, i + 1, "ORG", _P_RULE, "news_site", source="head"))
    return out


_OUTLET_TAILS = frozenset({"نیوز", "انلاین", "پرس"})
_HEAD_CLASSES = frozenset({"org_head", "place_head", "loc_head"})


# Titles that do appear inside an organisation's name (دانشگاه شهید چمران، بیمارستان امام خمینی).
_IN_ORG_NAMES = frozenset(name_key(w) for w in ("شهید", "امام", "حضرت", "آیت‌الله", "علامه", "استاد", "دکتر"))


def _name_end(sent: _Sentence, i: int, limit: int) -> int:
    """End of the person's name that starts at ``i`` (at most three words, never a place)."""
    j = i
    while j < limit and j - i < 3 and sent.namelike(j, loose=True) and j not in sent.gaz_starts:
        if j > i and not _surname_part(sent, j) and "given" not in sent.classes[j - 1]:
            break
        j += 1
    return j


def _honoree_end(sent: _Sentence, i: int, limit: int, place_ends: frozenset[int]) -> int:
    """A body named after a person ends with the name, or with a place right after it
    (پایگاه شهید بابایی اصفهان)."""
    j = _name_end(sent, i, limit)
    if j == i:
        return limit
    if j in sent.gaz_starts:
        for k in range(j + 1, min(limit, j + 3) + 1):
            if k in place_ends:
                return k
    return j


_DETERMINERS = frozenset(
    name_key(w)
    for w in ("این", "آن", "یک", "هر", "همه", "چند", "برخی", "دو", "سه", "همین", "همان", "کدام", "چه")
)
# Heads that name an organisation only with a proper name after them (گروه، مرکز، حوزه).
_STRONG_HEADS = frozenset(
    name_key(w)
    for w in (
        "وزارت",
        "سازمان",
        "دانشگاه",
        "دانشکده",
        "شرکت",
        "بانک",
        "حزب",
        "فدراسیون",
        "اتحادیه",
        "انجمن",
        "خبرگزاری",
        "باشگاه",
        "بنیاد",
        "موسسه",
        "مؤسسه",
        "ستاد",
        "شهرداری",
        "فرمانداری",
        "استانداری",
        "دادگاه",
        "دادگستری",
        "کمیسیون",
        "پژوهشگاه",
        "پژوهشکده",
        "اداره",
        "اداره‌کل",
        "اداره کل",
        "جبهه",
        "جنبش",
        "کنفدراسیون",
        "روزنامه",
        "هفته‌نامه",
        "انتشارات",
        "سفارت",
        "کنسولگری",
        "دبیرخانه",
        "قرارگاه",
        "فرماندهی",
        "بیمارستان",
        "دانشگاه‌",
        "آژانس",
        "کانون",
        "سندیکا",
        "بخشداری",
        "دهیاری",
    )
)


# Head nouns in the Arabic plural (ادارات دولتی استان): bodies of a kind, none named.
_BROKEN_PLURALS = frozenset(name_key(w) for w in ("ادارات", "موسسات", "مؤسسات"))


def _first_name(sent: _Sentence, s: int) -> bool:
    """Whether a place noun that is also a given name opens a foreign person's name here
    (``پل برمر``, not ``پل حافظ``): the tagger reads a person, and no word of ours follows."""
    return "given_common" in sent.classes[s] and sent.labels[s] == "B-PER" and sent.freq(s + 1) <= 0


def _generic_head(sent: _Sentence, s: int, e: int) -> bool:
    """``این شرکت``، ``شرکت‌های خارجی``، ``۳ مرکز``: a common noun, not a name."""
    k = sent.keys[e - 1]
    if k.endswith(("ها", "های", "هایی")) or sent.words[e - 1].endswith(("‌ها", "‌های")) or k in _BROKEN_PLURALS:
        return True
    return s > 0 and (sent.keys[s - 1] in _DETERMINERS or sent.keys[s - 1].isdigit())


def _named_complement(
    sent: _Sentence, s: int, e: int, end: int, gaz_cands: list[_Cand], *, strict: bool = False
) -> bool:
    """Whether the words after a head noun look like a name, not a description."""
    if any(
        not sent.classes[j].isdisjoint(_GENERIC_HEADS) and sent.words[j].endswith(("ها", "های"))
        for j in range(e, end)
    ):
        return False
    if any("loc_generic" in sent.classes[j] for j in range(e, end)):
        return False
    if "weak_head" in sent.classes[s]:
        # گروه سبزی‌ها، حوزه فرهنگی: a name only where a gazetteer sees one (حوزه هنری), or the
        # tagger where no adjective follows the head (حوزه قراردادی گلستان is a domain)
        if any(c.kind == "ORG" and c.source != "common" and c.start < end and e < c.end for c in gaz_cands):
            return True
        if end - e == 1 and sent.freq(e) >= _COMMON_NOUN_FREQ and sent.keys[e] not in _NAMED_FIELDS:
            return False  # حوزه انرژی، گروه سلامت: a field, named by one common word
        # (an adjective then only places or nothing: گروه جهادی رسول اعظم شیراز has a name)
        placed = all(
            "loc_head" in sent.classes[j] or any(c.kind == "LOC" and c.start <= j < c.end for c in gaz_cands)
            for j in range(e + 1, end)
        )
        return sent.labels[s] == "B-ORG" and not (_adjective(sent, e) and placed)
    if "common_word" in sent.classes[s]:
        # مجلس لایحه بودجه: a head that is also a common word names a body only with a proper name
        return any(sent.unknown(j) for j in range(e, end)) or any(
            c.start < end and e < c.end for c in gaz_cands if c.source != "common"
        )
    if any(sent.labels[j] != "O" for j in range(s, end)):
        return True
    if any(c.start < end and s < c.end for c in gaz_cands if c.source != "common"):
        return True
    strong = "".join(sent.keys[s:e]) in _STRONG_HEADS
    if not strong or strict:
        return any(sent.unknown(j) for j in range(e, end))
    # a strong head and more than one word: وزارت امور اقتصادی و دارایی
    return end - e >= 2


def _plural(sent: _Sentence, j: int) -> bool:
    """Whether token ``j`` is a noun in the plural (میوه‌های، گروه های)."""
    if j + 1 < sent.n and sent.keys[j + 1] in ("ها", "های", "هایی"):
        return True
    return sent.words[j].endswith(("\u200cها", "\u200cهای", "\u200cهایی"))


_DIRECTIONS = frozenset(name_key(w) for w in ("شمالی", "جنوبی", "شرقی", "غربی", "مرکزی", "بزرگ", "کوچک"))


def _phrase_end(
    sent: _Sentence,
    j: int,
    *,
    names_only: bool = False,
    place_ends: frozenset[int] = frozenset(),
    place_starts: frozenset[int] = frozenset(),
) -> int:
    """Where the name after a head noun ends: before a function word, a verb, punctuation,
    the nominal part of a compound verb (``ابراز امیدواری کرد``), an office noun or a speech cue."""
    start = j
    if _plural(sent, j):
        return j  # گروه میوه‌های تازه، هیات مدیره‌های سابق: a description, no name
    limit = min(sent.n, j + (4 if names_only else 6))
    joined = False
    if not names_only:
        # a ministry's domain, listed with commas (سازمان صنعت، معدن و تجارت استان زنجان)
        hit = _domain_at(sent, j)
        if hit is not None and hit.end > 1:
            j += hit.end
            if j in place_starts:
                return j  # the place it serves is read with the body's known name
            if sent.has(j, "loc_head") and (
                not place_ends.isdisjoint(range(j + 2, j + 5)) or _bare_head(sent, j)
            ):
                # a known province it serves is read with the body's known name, and a bare
                # استان is none of it
                return j
            limit = min(sent.n, j + 4)
            joined = True
    while j < limit:
        k = sent.keys[j]
        c = sent.classes[j]
        if j > start and (j in place_ends or "org_head" in c or (names_only and "place_head" in c)):
            # a place ends a body's name (تیم سپید رود رشت); another head starts a new one
            # (پارک بزرگ میدان امام خمینی)
            break
        if (
            j > start
            and "loc_head" in c
            and (
                j + 1 in place_starts
                # (سپاه شهدای استان: an ezafe takes it in)
                or (
                    k in _PROVINCES and _bare_head(sent, j) and not sent.words[j - 1].endswith(_EZAFE_ENDINGS)
                )
            )
        ):
            # اداره کل منابع طبیعی استان قم: the province is joined to the body later;
            # یگان حفاظت استان: "of the province" is no part of the name
            break
        if names_only and j > start and j in place_starts and _proper_name(sent, start, j):
            break  # سالن شهید حیدریان قم: the city a named place lies in is a place of its own
        if k == "و" and j > start and j + 1 < limit and not sent.stops[j + 1] and not names_only:
            if j + 2 < sent.n and sent.keys[j + 2] in sent.res.light:
                break
            if joined and (j + 2 >= limit or sent.stops[j + 2] or _is_punct(sent.words[j + 2])):
                # a second و lists another body (شرکت ملی پالایش و پخش و خزانه‌داری در ...),
                # unless the name goes on after it (سازمان راهداری و حمل و نقل جاده‌ای)
                break
            joined = True
            j += 1
            continue
        if sent.stops[j] or not c.isdisjoint(_PHRASE_ENDS) or (j > start and _possessed(sent, j)):
            break
        if not c.isdisjoint(_TITLES) and (names_only or k not in _IN_ORG_NAMES):
            break
        if j > start and _plural(sent, j):
            break  # a plural noun (گروه های تروریستی) is a description
        if j + 1 < sent.n and sent.keys[j + 1] in sent.res.light and k not in _DIRECTIONS:
            break  # the nominal part of a compound verb
        if names_only and j > start and sent.freq(j) >= 6 and k not in _DIRECTIONS and sent.labels[j] == "O":
            break
        if _adverb(sent, j):
            break
        j += 1
    while j > start and sent.keys[j - 1] == "و":
        j -= 1
    return j


# The administrative nouns that stand for "the province's" on their own (شورای شهر is a name).
_PROVINCES = frozenset(name_key(w) for w in ("استان", "شهرستان"))


def _bare_head(sent: _Sentence, j: int) -> bool:
    """Whether the head noun at ``j`` (``استان``) names no place: nothing but a function word,
    punctuation or a compound verb (``استان اضافه کرد``) follows it."""
    return (
        j + 1 >= sent.n
        or sent.stops[j + 1]
        or _is_punct(sent.words[j + 1])
        or (j + 2 < sent.n and sent.keys[j + 2] in sent.res.light)
    )


_BODY_OFFICES = frozenset(
    name_key(w)
    for w in ("رئیس", "رییس", "مدیرکل", "مدیر کل", "مدیر", "معاون", "دبیر", "مدیرعامل", "مدیر عامل", "سرپرست")
)


_BUREAU_CHIEFS = frozenset(name_key(w) for w in ("مدیرکل", "مدیر کل"))
_BUREAU = "اداره کل"


def _office_body_rule(sent: _Sentence, gaz_cands: list[_Cand]) -> list[_Cand]:
    """The body an office heads, named by its field and place: ``مدیرکل [هواشناسی استان گلستان]``."""
    out: list[_Cand] = []
    keys = sent.keys
    offices = [
        (e, office)
        for s, e, _ in sent.rule_spans
        if (office := keys[s] if e - s == 1 else "".join(keys[s:e])) in _BODY_OFFICES
    ]
    if not offices:
        return out
    places = {c.start: c for c in gaz_cands if c.kind == "LOC" and c.source != "common"}
    for e, office in offices:
        while sent.has(e, "office_mod"):
            e += 1  # مدیرکل سابق محیط زیست: the former chief, not a former body
        j = e
        while j < sent.n and j - e < 8 and j not in places:
            k = sent.keys[j]
            if (sent.stops[j] and k != "و") or not sent.classes[j].isdisjoint(_FIELD_ENDS):
                break
            if k in sent.res.verbs or (j + 1 < sent.n and sent.keys[j + 1] in sent.res.light):
                break
            j += 1
        place = places.get(j)
        if place is not None and j > e and sent.keys[j - 1] != "و" and not _object(sent, place.end):
            # معاون خدمات شهری شهرداری کرج: the body starts at its head noun
            body = next((k for k in range(e, j) if sent.keys[k] in _STRONG_HEADS), None)
            # مدیرکل منابع طبیعی استان قم heads the اداره کل of that field and province
            bureau = body is None and office in _BUREAU_CHIEFS
            out.append(
                _Cand(
                    e if body is None else body,
                    place.end,
                    "ORG",
                    _P_RULE + 0.1,
                    canonical=f"{_BUREAU} {' '.join(sent.words[e : place.end])}" if bureau else None,
                    source="bureau" if bureau else "head",
                    inner=[place],
                )
            )
    return out


_SCORES = frozenset(name_key(w) for w in ("صفر", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت"))
_CLUB_CUES = frozenset(
    {"office", "org_head", "loc_head", "loc_generic", "place_head", "nationality", "ctx_sports", "speech"}
)


def _club_rule(sent: _Sentence, gaz_cands: list[_Cand]) -> list[_Cand]:
    """In a sports report, a club is named by a word or two and its city: ``مس کرمان``,
    ``اکسین البرز``, ``تیم سپید رود رشت`` (league tables and results)."""
    out: list[_Cand] = []
    towns = [
        c for c in gaz_cands if c.kind == "LOC" and c.source != "common" and c.subtype in ("city", "province")
    ]
    if not towns:
        return out
    sports = _sports_context(sent)
    taken = {j for c in gaz_cands if c.source != "common" for j in range(c.start, c.end)}
    for c in towns:
        # a result line: آذرخش بندرعباس یک - فرش آرای مشهد صفر
        score = c.end < sent.n and (sent.keys[c.end] in _SCORES or sent.keys[c.end].isdigit())
        if not sports and not score:
            continue
        j = c.start
        while (
            j > 0
            and c.start - j < 2
            and j - 1 not in taken
            and not sent.stops[j - 1]
            and sent.classes[j - 1].isdisjoint(_CLUB_CUES)
            and any(ch.isalpha() for ch in sent.words[j - 1])
            and not sent.keys[j - 1].endswith(("ها", "های", "هایی"))  # همکاری‌های تهران
            and sent.freq(j - 1) <= 6
        ):
            j -= 1
        if j == c.start:
            continue
        out.append(_Cand(j, c.end, "ORG", _P_RULE, "club", source="head", inner=[c]))
    return out


_OPEN_QUOTES = {"«": "»", '"': '"', "“": "”"}
_MAX_QUOTED = 5


def _quoted(sent: _Sentence, i: int) -> int:
    """End (after the closing mark) of a short quoted name opening at ``i``, or -1."""
    close = _OPEN_QUOTES.get(sent.words[i])
    if close is None:
        return -1
    j = i + 1
    while j < sent.n and j - i <= _MAX_QUOTED + 1:
        w = sent.words[j]
        if w == close or (w in ("»", '"', "”") and j > i + 1):
            return j + 1 if j > i + 1 else -1
        if w in _OPEN_QUOTES or w in (".", "!", "؟", "?", ":", "،", "؛") or sent.keys[j] in sent.res.verbs:
            return -1
        j += 1
    return -1


def _org_head_at(sent: _Sentence, i: int, heads: Mapping[int, int]) -> tuple[int, bool]:
    """If an organisation's head noun ends just before ``i`` (``شرکت``, ``شبکه تلویزیونی``,
    ``شرکت‌های``), where it starts and whether it is plural; else ``(-1, False)``."""
    j = i
    if j > 1 and (
        sent.has(j - 1, "nationality")
        or (sent.keys[j - 1].endswith("ی") and not sent.stops[j - 1] and "org_head" in sent.classes[j - 2])
    ):
        j -= 1  # شرکت فرانسوی « والئو »، شبکه تلویزیونی « روسیه ۲۴ »
    plural = j > 0 and sent.keys[j - 1] in ("ها", "های")
    if plural:
        j -= 1
    if j in heads:
        return heads[j], plural or _plural(sent, j - 1)
    k = sent.keys[j - 1] if j > 0 else ""
    for suffix in ("های", "ها"):
        cls = sent.res.cues.classes.get(k[: -len(suffix)], _NO_CLASS) if k.endswith(suffix) else _NO_CLASS
        if "org_head" in cls and "weak_head" not in cls:
            return j - 1, True
    return -1, False


def _quoted_name_rule(sent: _Sentence) -> list[_Cand]:
    """A name in quotation marks after an organisation's head noun: ``شرکت « اپل »`` (the head,
    the name and its marks make one run), and each quoted name listed after a plural head
    (``شرکت‌های « لنوو » و « موتورولا »``: the names alone)."""
    out: list[_Cand] = []
    if _OPEN_QUOTES.keys().isdisjoint(sent.words):
        return out  # most sentences quote nothing
    i = 0
    listing = False  # inside a list of quoted names opened by a head noun
    heads = {e: s for s, e, cls in sent.rule_spans if "org_head" in cls and "weak_head" not in cls}
    while i < sent.n:
        end = _quoted(sent, i)
        if end < 0:
            if listing and sent.keys[i] not in ("و", "،", ",", "همچنین"):
                listing = False
            i += 1
            continue
        head, plural = _org_head_at(sent, i, heads)
        if head >= 0 and not plural and not _generic_head(sent, head, i):
            out.append(_Cand(head, end, "ORG", _P_RULE, source="quoted"))
            listing = True
        elif (
            head >= 0
            or listing
            or sent.has(i - 1, "ctx_agency")
            # شرکت‌های مجوزدار شامل « ... »: a plural head a few words before
            or any(_org_head_at(sent, k + 1, heads)[1] for k in range(max(0, i - 12), i))
        ):
            out.append(_Cand(i + 1, end - 1, "ORG", _P_RULE, source="quoted"))
            listing = True
        i = end
    return out


# Military units named by their number (تیپ ۶۵، لشکر ۲۷، گردان ۳۸).
_NUMBERED_UNITS = frozenset(
    name_key(w) for w in ("تیپ", "لشکر", "لشگر", "گردان", "هنگ", "ناوگان", "ناوتیپ", "قرارگاه", "یگان")
)


def _unit_number(key: str) -> bool:
    """A unit's number: digits, never zero alone (units count from one)."""
    return key.isdigit() and key.strip("0۰") != ""


def _numbered_unit_rule(sent: _Sentence, gaz_cands: list[_Cand]) -> list[_Cand]:
    """A military unit named by its number, the larger unit it belongs to and the name it
    bears: ``تیپ ۶۵ هوابرد``, ``تیپ ۷۰۳ لشکر ۲۰``, ``لشکر ۲۷ محمد رسول‌الله``."""
    out: list[_Cand] = []
    if _NUMBERED_UNITS.isdisjoint(sent.keys):
        return out  # most sentences name no unit
    places = {c.start: c for c in gaz_cands if c.kind == "LOC" and c.source != "common"}
    i = 0
    while i + 1 < sent.n:
        if sent.keys[i] not in _NUMBERED_UNITS or not _unit_number(sent.keys[i + 1]):
            i += 1
            continue
        end = i + 2
        # تیپ ۷۰۳ لشکر ۲۰: the larger unit it belongs to
        while end + 1 < sent.n and sent.keys[end] in _NUMBERED_UNITS and _unit_number(sent.keys[end + 1]):
            end += 2
        # the name the unit bears: a rare word or one the tagger marks, never a verb's noun
        j = end
        while (
            j < sent.n
            and j - end < 3
            and j not in places
            and sent.namelike(j, loose=True)
            and (sent.freq(j) <= 6 or sent.labels[j] != "O" or "given" in sent.classes[j])
            and not (j + 1 < sent.n and sent.keys[j + 1] in sent.res.light)
        ):
            j += 1
        if j == i + 2 and j < sent.n and sent.keys[j] == "از":
            i = j  # گردان ۱ از تیپ ۷۰۳: a part of the unit named next
            continue
        inner = []
        place = places.get(j)
        if place is not None and place.subtype == "country":
            inner = [place]  # لشکر ۱۴ عراق: the army's country
            j = place.end
        out.append(_Cand(i, j, "ORG", _P_RULE, "military_unit", source="head", inner=inner))
        i = j
    return out


def _ministry_rule(sent: _Sentence, gaz_cands: list[_Cand]) -> list[_Cand]:
    """A ministry named by its domain after ``وزیر``: ``وزیر بهداشت``, ``معاون وزیر کار``."""
    out: list[_Cand] = []
    if _MINISTERS.isdisjoint(sent.keys):
        return out  # most sentences name no minister
    covered = {j for c in gaz_cands if c.source != "common" for j in range(c.start, c.end)}
    for i in range(sent.n - 1):
        if sent.keys[i] not in _MINISTERS or i in covered or i + 1 in covered:
            continue
        hit = _domain_at(sent, i + 1)
        if hit is not None:
            entry = hit.entries[0]
            out.append(_Cand(i + 1, i + 1 + hit.end, "ORG", _P_RULE, "ministry", entry.name, source="domain"))
    return out


# The longest ministry domain, in tokens (بهداشت ، درمان و آموزش پزشکی).
_DOMAIN_TOKENS = 8


def _domain_canonical(sent: _Sentence, s: int, e: int, end: int) -> str | None:
    """The name of the body ``words[s:end]`` with its ministry domain written out in full, when
    the words after its head ``words[s:e]`` open with a shortened domain (سازمان صمت استان
    زنجان is سازمان صنعت، معدن و تجارت استان زنجان), else None."""
    hit = _domain_at(sent, e)
    if hit is None or e + hit.end > end:
        return None
    full = hit.entries[0].name.split(" ", 1)[-1]  # (the ministry's name, less وزارت)
    short = " ".join(sent.words[e : e + hit.end])
    if name_key(short) == name_key(full):
        return None
    return " ".join([*sent.words[s:e], full, *sent.words[e + hit.end : end]])


def _domain_at(sent: _Sentence, i: int) -> GazetteerMatch | None:
    """The ministry domain named from token ``i`` (``بهداشت``, ``صنعت، معدن و تجارت``), or None."""
    window = slice(i, i + _DOMAIN_TOKENS)
    hit = _ministry_domains().match(sent.words[window], keys=sent.keys[window])
    return hit[0] if hit and hit[0].start == 0 else None


def _select(cands: list[_Cand], n: int) -> list[_Cand]:
    """Non-overlapping candidates, best first: priority, then length."""
    taken = [False] * n
    chosen = []
    for c in sorted(cands, key=lambda c: (-c.prio, -(c.end - c.start), c.start)):
        if c.end <= c.start or any(taken[c.start : c.end]):
            continue
        for j in range(c.start, c.end):
            taken[j] = True
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _org_opening(sent: _Sentence, others: list[_Cand], i: int) -> bool:
    """Whether an organisation's name opens at token ``i`` (a head noun, after an office...)."""
    return (
        "org_head" in sent.classes[i]
        or sent.has(i - 1, "office")
        or any(o.start == i and o.kind == "ORG" and o.source != "common" for o in others)
    )


def _merge_with_crf(sent: _Sentence, crf: list[_Cand], others: list[_Cand]) -> list[_Cand]:
    """Adjust priorities where the CRF and the gazetteer agree or nest."""
    out = list(others)
    if not crf:
        return out
    known = [o for o in others if o.source in ("gaz", "common")]
    # most tagged runs hold no known name: they are passed over in one C-level test
    known_starts = {o.start for o in known}
    for c in crf:
        if known_starts.isdisjoint(range(c.start, c.end)):
            if c.prio > 0:
                out.append(c)
            continue
        for o in known:
            if o.start < c.start or c.end < o.end:
                continue  # only a name the tagged run holds (or is) counts
            if o.start == c.start and o.end == c.end:
                # same span: the gazetteer's kind, but a common word is now supported
                if o.source == "common":
                    o.prio = _P_GAZ
                c.prio = 0  # the gazetteer reading stands for both
            elif (
                c.kind == "ORG"
                and o.kind == "LOC"
                and c.start < o.start
                and _org_opening(sent, others, c.start)
            ):
                # an organisation named after a place: دانشگاه آزاد اسلامی واحد زاهدان
                c.prio = max(c.prio, o.prio + 0.5)
            elif o.source == "common":
                o.prio = 0
        if c.prio > 0:
            out.append(c)
    return out


def tag_words(
    words: Sequence[str],
    *,
    tagger: Tagger | str | os.PathLike[str] | None = None,
    gazetteer: Gazetteer | None = None,
    heads: bool = True,
) -> list[tuple[int, int, str]]:
    """Entity mentions of one sentence of normalised tokens, as token runs.

    The same mention finder :func:`find_entities` uses (CRF, gazetteers and
    rules), for token-level evaluation and for callers who tokenise
    themselves.

    Args:
        words: the tokens' normalised forms.
        tagger: a :class:`persnews.ner.Tagger`, a model path, or ``None``
            for the packaged model.
        gazetteer: extra names (added to the packaged ones unless built
            with ``extends_default=False``).
        heads: include an administrative head noun in a place's run
            (``استان گیلان``) instead of the bare name (``گیلان``).

    Returns:
        ``(start, end, type)`` runs, ``type`` one of ``PER``, ``LOC``, ``ORG``.

    Example:
        >>> tag_words(["محمدجواد", "ظریف", "به", "مسکو", "رفت"])
        [(0, 2, 'PER'), (3, 4, 'LOC')]
    """
    tg = load_tagger(tagger)
    gaz = _combined(gazetteer)
    res = _resources()
    sent = _Sentence(words, res)
    out = []
    for c in _sentence_cands(sent, tg, gaz):
        if c.kind == "ROLE":
            continue
        out.append((c.start if heads else c.name_start, c.end, c.kind))
    return out


def _noun_and_adjective(sent: _Sentence, c: _Cand) -> bool:
    """Whether a person of two words is a noun and its adjective coordinated with a noun:
    ``زیرساخت و عمران شهری`` (a given name that is also a common word, then an adjective made
    from a frequent word, after و and a frequent noun: a list joins like with like)."""
    if c.kind != "PER" or c.end - c.start != 2 or c.source not in ("crf", "given"):
        return False
    g = c.start
    if g < 2 or sent.keys[g - 1] != "و" or sent.classes[g].isdisjoint(_COMMON_GIVEN):
        return False
    if not _adjective(sent, g + 1) or (c.end < sent.n and "speech" in sent.classes[c.end]):
        return False
    p = g - 2
    lex = sent.res.lexicon.get(sent.keys[p])
    return (
        lex is not None
        and lex[0] >= _COMMON_NOUN_FREQ
        and "N" in lex[1].split(",")
        and sent.labels[p] == "O"
        and not sent.stops[p]
        and sent.classes[p].isdisjoint(_NAME_OPENERS)
    )


_COMMON_GIVEN = frozenset({"given_weak", "given_common"})


def _sentence_cands(sent: _Sentence, tagger: Tagger, gaz: Gazetteer) -> list[_Cand]:
    if not sent.n:
        return []
    matches = gaz.match(sent.words, keys=sent.keys)
    labels = tagger._tag(
        sent.words,
        gaz,
        marginals="none",
        keys=sent.keys,
        cue_tags=_cue_tags_of(sent.n, sent.cue_spans),
        gaz_tags=_gaz_tags_of(sent.n, matches),
    )[0]
    sent.labels = labels
    crf = _crf_cands(sent, labels)
    gazc = _gazetteer_cands(sent, matches)
    gazc += _ezafe_places(sent, gaz, gazc)
    sent.gaz_starts = frozenset([c.start for c in gazc if c.kind != "PER" and c.source != "common"])
    sent.body_ends = frozenset([c.end for c in gazc if c.kind == "ORG" and c.source != "common"])
    rules_places: list[_Cand] = []
    rules = (
        _title_rule(sent)
        + _given_name_rule(sent)
        + _speaker_rule(sent)
        + _credited_speaker_rule(sent)
        + _head_rules(sent, gazc)
        + _ministry_rule(sent, gazc)
        + _office_body_rule(sent, gazc + rules_places)
        + _club_rule(sent, gazc)
        + _numbered_unit_rule(sent, gazc)
        + _quoted_name_rule(sent)
    )
    cands = _merge_with_crf(sent, crf, gazc) + rules
    cands = [c for c in cands if (c.prio > _P_WEAK or c.source != "common") and c.source != "crf_common"]
    if not cands:
        return []
    chosen = _sub_units(sent, _attach_places(sent, _unit_bodies(sent, _select(cands, sent.n), gazc)))
    _lead_places(sent, chosen)
    chosen = _place_lists(sent, _listed_places(sent, chosen))
    chosen = _placed_places(chosen)
    # تیم ملی جوانان، تیم کشورمان: a team named by generic words only is no name
    if not _TEAMS.isdisjoint(sent.keys):
        chosen = [
            c
            for c in chosen
            if not (
                c.kind == "ORG"
                and c.end - c.start > 1
                and sent.keys[c.start] in _TEAMS
                and all("team_generic" in sent.classes[j] for j in range(c.start + 1, c.end))
            )
        ]
    chosen = [c for c in chosen if not _noun_and_adjective(sent, c)]
    chosen = _person_tails(sent, chosen)
    for c in chosen:
        if c.kind == "ORG" and c.canonical is None and "org_head" in sent.classes[c.start]:
            c.canonical = _domain_canonical(sent, c.start, c.start + 1, c.end)
    # آل خلیفه، آل سعود: a ruling family is no person (رژیم آل خلیفه is a government)
    if _FAMILY in sent.words:
        chosen = [c for c in chosen if not _ruling_family(sent, c)]
        for c in chosen:
            if c.inner:
                c.inner = [x for x in c.inner if not _ruling_family(sent, x)]
    # a place named inside an organisation's name is a place of the article too (تیم ملی هلند)
    places = [c for c in gazc if c.kind == "LOC" and c.source != "common"]
    for c in chosen:
        if c.kind == "ORG":
            if places:
                have = {(x.start, x.end) for x in c.inner}
                c.inner.extend(
                    p
                    for p in places
                    if c.start <= p.start and p.end <= c.end and (p.start, p.end) not in have
                )
            if not c.inner and c.end - c.start > 1 and c.subtype in _SUFFIX_PLACED:
                # سازمان انرژی اتمی ایران: the place that ends a known body's name
                for size in (2, 1):
                    s = c.end - size
                    if s <= c.start:
                        continue
                    entry = next(
                        (
                            x
                            for x in gaz.lookup_key("".join(sent.keys[s : c.end]))
                            if x.kind is EntityKind.LOCATION
                        ),
                        None,
                    )
                    if entry is not None:
                        c.inner.append(
                            _Cand(s, c.end, "LOC", _P_GAZ, entry.subtype, entry.name, source="gaz")
                        )
                        break
    return chosen


_BLESSINGS = frozenset({"ع", "س", "ص", "ره", "عج"})
_KING = name_key("شاه")
_IMAM = name_key("امام")


def _blessing_at(sent: _Sentence, j: int) -> bool:
    """Whether a blessing in brackets (``(ره)``، ``( ع )``) starts at token ``j``."""
    if j < sent.n and sent.words[j][:1] == "(" and sent.words[j][-1:] == ")":
        return sent.words[j][1:-1] in _BLESSINGS
    words = sent.words
    return j + 2 < sent.n and words[j] == "(" and words[j + 2] == ")" and words[j + 1] in _BLESSINGS


def _tail_end(sent: _Sentence, c: _Cand, named: frozenset[int]) -> int:
    """Where a person's run ends once the words that go on a name are taken in: a blessing
    in brackets (``حضرت زینب (س)``), ``شاه`` after a given name (``مظفرالدین شاه``)."""
    j = c.end
    if _blessing_at(sent, j):
        return j + 1 if sent.words[j] != "(" else j + 3
    if (
        j < sent.n
        and sent.keys[j] == _KING
        and (c.end - c.start == 1 or "given" in sent.classes[c.end - 1])
        and j + 1 not in named  # عبدالله شاه اردن: the king of a country
    ):
        return j + 1
    return j


def _person_tails(sent: _Sentence, chosen: list[_Cand]) -> list[_Cand]:
    """Widen each person's run over its tail (:func:`_tail_end`); a mention inside a tail
    (a blessing the tagger took for a name) goes."""
    tails: list[tuple[int, int]] = []
    named = frozenset(c.start for c in chosen if c.kind != "PER")
    for c in chosen:
        if c.kind == "PER":
            end = _tail_end(sent, c, named)
            if end > c.end:
                tails.append((c.end, end))
                c.end = end
    if not tails:
        return chosen
    return [c for c in chosen if not any(s <= c.start and c.end <= e for s, e in tails)]


# Words before a place that belong to its run but not to its name: شمال عراق، کشور روسیه، قاره آسیا.
_LOC_LEADS = frozenset(name_key(w) for w in ("شمال", "جنوب", "شرق", "غرب", "کشور", "قاره"))
_LOC_LEADS_2 = frozenset(name_key(a + b) for a in ("شمال", "جنوب") for b in ("شرق", "غرب"))


def _lead_places(sent: _Sentence, chosen: list[_Cand]) -> None:
    """Widen a place's run over a direction or a generic noun before it (``شمال غرب عراق``);
    the name itself (``name_start``) stays the bare place."""
    keys = sent.keys
    covered: set[int] | None = None  # the words of the runs as they were (made when needed)
    widened = []
    for c in chosen:
        if c.kind != "LOC" or c.start != c.name_start or c.start == 0:
            continue
        s = c.start
        two = s >= 2 and keys[s - 2] + keys[s - 1] in _LOC_LEADS_2
        one = keys[s - 1] in _LOC_LEADS
        if not (two or one):
            continue
        if covered is None:
            covered = {j for c in chosen for j in range(c.start, c.end)}
        if two and s - 2 not in covered and s - 1 not in covered:
            widened.append((c, s - 2))
        elif one and s - 1 not in covered:
            widened.append((c, s - 1))
    for c, s in widened:
        c.start = s


# Heads of a unit inside a body, named with the body: کمیته فرهنگی شورای شهر تهران.
_SUB_UNIT_HEADS = frozenset(
    name_key(w)
    for w in (
        "کمیته",
        "کمیسیون",
        "روابط عمومی",
        "معاونت",
        "دبیرخانه",
        "کارگروه",
        "فراکسیون",
        "هیئت",
        "هیات",
        "مرکز",
        "اداره",
        "اداره کل",
        "ستاد",
        "دفتر",
        "شورای",
        "تیم",
        "باشگاه",
        "سایت",
        "پایگاه خبری",
        "پایگاه اینترنتی",
    )
)


def _unit_head(sent: _Sentence, i: int) -> bool:
    return sent.keys[i] in _SUB_UNIT_HEADS or (
        i + 1 < sent.n and sent.keys[i] + sent.keys[i + 1] in _SUB_UNIT_HEADS
    )


@functools.cache
def _verbalisers() -> frozenset[str]:
    """The forms of the verbs that make a noun a compound verb (انتخاب شد، تصویب کرد)."""
    forms = _verb_forms(["کرد#کن", "شد#شو", "نمود#نما", "گردید#گرد"])
    # not the copulas _verb_forms adds to any stems (کمیسیون آموزش مجلس می‌باشد)
    return forms - (_verb_forms([]) - {name_key("شد")})


def _unit_bodies(sent: _Sentence, chosen: list[_Cand], gaz_cands: list[_Cand]) -> list[_Cand]:
    """A body named by a word that is also a common word (``مجلس``) right after a unit of it
    (``کمیسیون برنامه و بودجه مجلس``) is the body: :func:`_sub_units` then joins the two."""
    ends = {c.end for c in chosen if c.kind == "ORG" and _unit_head(sent, c.start)}
    if not ends:
        return chosen
    taken = {j for c in chosen for j in range(c.start, c.end)}
    extra = []
    for g in gaz_cands:
        if (
            g.source == "common"
            and g.kind == "ORG"
            and g.start in ends
            and not any(j in taken for j in range(g.start, g.end))
            and not _object(sent, g.end)
            # شورای شهر کرمان انتخاب شد: the nominal part of a compound verb names no body
            and not (g.end < sent.n and sent.keys[g.end] in _verbalisers())
        ):
            extra.append(_Cand(g.start, g.end, "ORG", _P_GAZ, g.subtype, g.canonical, source="gaz"))
    return sorted(chosen + extra, key=lambda c: c.start) if extra else chosen


def _generic_unit(sent: _Sentence, c: _Cand) -> bool:
    """Whether a unit's name is its head noun and adjectives only (``شورای مرکزی``,
    ``پایگاه اینترنتی``)."""
    if sent.keys[c.start] in _FIELD_UNITS:
        return False  # کمیسیون کشاورزی، معاونت فرهنگی: named by its field
    head = 2 if "".join(sent.keys[c.start : c.start + 2]) in _SUB_UNIT_HEADS else 1
    return all(_adjective(sent, j) for j in range(c.start + head, c.end))


_FIELD_UNITS = frozenset(name_key(w) for w in ("کمیسیون", "کمیته", "فراکسیون", "معاونت"))


_MAJLES_KEY = name_key("مجلس")
_ISLAMIC_COUNCIL = (name_key("شورای"), name_key("اسلامی"))
_PARLIAMENT_NAME = "مجلس شورای اسلامی"


def _parliament_split(sent: _Sentence, unit: _Cand, c: _Cand) -> bool:
    """Whether ``unit`` (a body of parliament named with ``مجلس``) ends just where ``c`` reads
    ``شورای اسلامی``: the two split ``مجلس شورای اسلامی`` between them."""
    return (
        unit.kind == "ORG"
        and unit.end == c.start
        and unit.end - unit.start > 1
        and sent.keys[unit.end - 1] == _MAJLES_KEY
        and tuple(sent.keys[c.start : c.end]) == _ISLAMIC_COUNCIL
    )


def _sub_units(sent: _Sentence, chosen: list[_Cand]) -> list[_Cand]:
    """A unit named with the body it belongs to makes one run with it: ``کمیسیون برنامه و
    بودجه مجلس``, ``روابط عمومی شورای نگهبان``; the name (and the mention) stays the body's,
    and a unit found as a name of its own stays a mention of its own."""
    out: list[_Cand] = []
    for c in chosen:
        if c.kind != "ORG" or c.start == 0:
            out.append(c)
            continue
        if out and _parliament_split(sent, out[-1], c):
            # کمیسیون اقتصادی مجلس | شورای اسلامی: the unit's name took the parliament's first word
            unit = out[-1]
            unit.end -= 1
            c = _Cand(unit.end, c.end, "ORG", c.prio, "parliament", _PARLIAMENT_NAME, source=c.source)
        floor = out[-1].end if out else 0
        prev = out[-1] if out and out[-1].end == c.start and out[-1].kind == "ORG" else None
        if prev is not None:
            floor = prev.start
        start = -1
        for s in range(c.start - 1, max(floor, c.start - 5) - 1, -1):
            head = sent.keys[s] if s + 1 > c.start - 1 else sent.keys[s] + sent.keys[s + 1]
            if sent.keys[s] in _SUB_UNIT_HEADS or head in _SUB_UNIT_HEADS:
                start = s
                break
            k = sent.keys[s]
            if (sent.stops[s] and k != "و") or not sent.classes[s].isdisjoint(_UNIT_ENDS):
                break
            if prev is None and s < c.start - 1 and sent.keys[s + 1] == "و" and k == "و":
                break
        if start < 0 or (prev is not None and start != prev.start and start < prev.start):
            out.append(c)
            continue
        if prev is not None and start >= prev.start:
            start = prev.start
            out.pop()
        if sent.keys[start] in _DESKS and sent.has(start - 1, "ctx_agency"):
            if prev is not None:
                out.append(prev)
            out.append(c)
            continue
        # the run takes the unit, the name stays the body's (as استان before a place's name);
        # a unit named by adjectives only (شورای مرکزی، پایگاه اینترنتی) is no name of its own
        inner = [*c.inner] + (
            [prev, *prev.inner] if prev is not None and not _generic_unit(sent, prev) else []
        )
        out.append(_Cand(start, c.end, "ORG", c.prio, c.subtype, c.canonical, c.name_start, c.source, inner))
    return out


_LIST_COMMAS = frozenset({"،", ","})
_MAX_LIST_ITEM = 2
_ADJECTIVE_ENDINGS = ("یی", "ی")


def _listed_places(sent: _Sentence, chosen: list[_Cand]) -> list[_Cand]:
    """A name listed with places is a place: ``شهرهای بومهن، رودهن، دماوند و فیروزکوه``.

    A list is items of one or two words parted by commas, the last after ``و``.  A word the
    tagger and the gazetteer leave out (a village, a station) is a place when the list holds
    two known places, or one after a noun of places (``شهرهای``, ``بخش``), and nothing but
    places and such words: ``درباره تحریم، تروریسم، فلسطین و سوریه`` lists no places.
    Only a plural noun of places (``ایستگاه‌های``) outweighs a person the tagger or the
    gazetteer read on the word.
    """
    keys = sent.keys
    commas = [i for i, k in enumerate(keys) if k in _LIST_COMMAS]
    if not commas:
        return chosen
    by_span = {(c.start, c.end): c for c in chosen}
    ends = {c.end: c for c in chosen if c.kind == "LOC"}
    starts = {c.start: c for c in chosen if c.kind == "LOC"}
    covered = {j for c in chosen for j in range(c.start, c.end)}
    out = list(chosen)
    changed = False
    for items in _lists(keys, commas, ends, starts):
        first = by_span.get(items[0])
        before = items[0][0] - 1
        # شهرهای تبریز، ...; or the plural noun read into the first place's run
        plural = sent.has(before, "loc_list") or sent.has(before + 1, "loc_list")
        headed = (
            plural or sent.has(before, "loc_head") or (first is not None and first.name_start > first.start)
        )
        kinds = []
        for n, (s, e) in enumerate(items):
            c = by_span.get((s, e))
            if c is not None and c.kind == "LOC":
                kinds.append("place")
            elif c is not None and c.kind == "PER" and c.prio <= (_P_GAZ if plural else _P_CRF):
                kinds.append("person")
            elif c is None and not any(j in covered for j in range(s, e)) and _free_name(sent, s, e):
                kinds.append("free")
            elif n == len(items) - 1 or (n == 0 and not _name_bound(sent, s - 1)):
                kinds.append("")  # the words after the list, or the end of a longer phrase before it
            else:
                break
        else:
            if kinds[0] == "":
                headed = False  # the head, if any, is not this list's
            places = kinds.count("place")
            if not (places >= 2 or (places and headed)):
                continue
            for (s, e), kind in zip(items, kinds, strict=True):
                if kind == "person":
                    out.remove(by_span[s, e])
                if kind in ("person", "free"):
                    out.append(_Cand(s, e, "LOC", _P_RULE, source="list"))
                    changed = True
    if changed:
        out.sort(key=lambda c: c.start)
    return out


def _free_name(sent: _Sentence, s: int, e: int) -> bool:
    """Whether words ``s:e`` could name a place no list of ours knows: words of a name, no
    noun in the plural, no adjective of a known word (اقتصادی، شمالی), between words that
    end a name (not a cut of a longer name)."""
    return (
        all(
            sent.namelike(j)
            and not sent.classes[j]
            and not (_plural(sent, j) or _plural_of_known(sent, j) or _adjective(sent, j))
            for j in range(s, e)
        )
        and _name_bound(sent, s - 1)
        and _name_bound(sent, e)
    )


# Administrative nouns after which a word the lexicon knows nothing about is a place's name
# (شهرستان گرمه، روستای چاله): never a description of the unit
_UNIT_NOUNS = frozenset(name_key(w) for w in ("شهرستان", "روستای", "روستا", "دهستان"))


def _rare_name(sent: _Sentence, head: int, j: int) -> bool:
    """Whether token ``j``, after the administrative noun at ``head``, is a word listed without
    frequency or part of speech (the lexicon holds many place names so) and no adjective."""
    if sent.keys[head] not in _UNIT_NOUNS:
        return False
    lex = sent.res.lexicon.get(sent.keys[j])
    return lex is not None and lex[0] == 0 and lex[1] == "0" and not _adjective(sent, j)


_COUNTY = name_key("شهرستان")


def _county_name(sent: _Sentence, head: int, j: int) -> bool:
    """Whether the one word ``j`` after ``شهرستان`` at ``head`` is the county's name, common
    word or not (شهرستان نور، شهرستان انار): the noun names a county, so what follows is its
    name when it stands alone, no function word or adjective (not شهرستان مورد نظر)."""
    if (
        sent.keys[head] != _COUNTY
        or sent.stops[j]
        or _adjective(sent, j)
        or not sent.words[j].isalpha()
        or sent.keys[j] in sent.res.verbs
        or not sent.classes[j].isdisjoint(_HEAD_CLASSES)
        or (head > 0 and (sent.keys[head - 1] in _NOT_ONE_COUNTY or sent.words[head - 1].isdecimal()))
    ):
        return False
    return _stands_alone(sent, j)


def _stands_alone(sent: _Sentence, j: int) -> bool:
    """Whether a mark, a preposition or nothing follows token ``j`` (شهرستان نور، ...;
    شهرستان انار به ...): a name of one word, not the start of a longer phrase."""
    return j + 1 >= sent.n or sent.keys[j + 1] in _AFTER_COUNTY or not sent.words[j + 1].isalpha()


# Words before شهرستان that make it "the county" or several, not one named after it.
_NOT_ONE_COUNTY = frozenset(
    name_key(w) for w in ("این", "آن", "همین", "همان", "هر", "چند", "دو", "سه", "سطح", "کل", "تمام", "همه")
)
_AFTER_COUNTY = frozenset(name_key(w) for w in ("و", "در", "به", "از", "با", "برای"))


def _place_name_word(sent: _Sentence, head: int, j: int) -> bool:
    """Whether token ``j`` after the place noun at ``head`` can be part of the place's name: a
    word the lexicon does not know, one the tagger names, or a rare one (:func:`_rare_name`);
    never a verb the lexicon lists only without its preverb (بخش برشمرد)."""
    if _preverb_verb(sent, j):
        return False
    return sent.unknown(j) or sent.labels[j] != "O" or _rare_name(sent, head, j)


def _preverb_verb(sent: _Sentence, j: int) -> bool:
    """Whether token ``j`` is a verb form after a preverb (برشمرد، درگذشت)."""
    k = sent.keys[j]
    return any(k.startswith(p) and k[len(p) :] in sent.res.verbs for p in _PREVERBS if len(k) - len(p) >= 3)


def _superlative(sent: _Sentence, j: int) -> bool:
    """Whether token ``j`` is a superlative or a comparative of a known adjective
    (اصلی‌ترین، بزرگترین، وخیم‌تر): an adjective, never a name."""
    k = sent.keys[j]
    if k.endswith("ترین") and len(k) > 6:
        return True
    if not k.endswith("تر") or len(k) < 5:
        return False
    stem = sent.res.lexicon.get(k[:-2])
    return stem is not None and "AJ" in stem[1].split(",")


def _adjective(sent: _Sentence, j: int) -> bool:
    """Whether token ``j`` is an adjective made from a frequent word (اقتصادی، مرکزی، شمالی)."""
    k = sent.keys[j]
    for end in _ADJECTIVE_ENDINGS:
        stem = sent.res.lexicon.get(k[: -len(end)]) if k.endswith(end) else None
        if stem is not None and stem[0] >= _COMMON_NOUN_FREQ:
            return True
    return False


_PERSON_CLASSES = frozenset({"given", "title_in", "honorific", "title"})
_PLACE_NOUNS = frozenset({"place_head", "loc_head", "loc_generic"})
# An administrative noun that is more often a section (بخش «نگاه اول» of a festival).
_SECTION = frozenset({name_key("بخش")})


def _proper_name(sent: _Sentence, s: int, e: int) -> bool:
    """Whether words ``s:e`` after a place noun hold a proper name, not only common words
    (``شهید بهشتی``, ``زاغمرز``; not ``جامع``, ``وحدت``), and do not end in an ezafe that
    takes the next word (``گلزار شهدای``)."""
    if sent.words[e - 1].endswith(_EZAFE_ENDINGS):
        return False
    if s > 0 and not sent.classes[s - 1].isdisjoint(_PERSON_CLASSES):
        return True  # سالن شهید بهشتی: named after a person, whatever the words of the name
    return any(
        sent.unknown(j)
        or (sent.freq(j) == 0 and not _adjective(sent, j))
        or not sent.classes[j].isdisjoint(_PERSON_CLASSES)
        or sent.labels[j].endswith("PER")
        for j in range(s, e)
    )


def _name_bound(sent: _Sentence, j: int) -> bool:
    """Whether token ``j`` ends a name before or after it (no word of a longer name, no number)."""
    if j < 0 or j >= sent.n:
        return True
    if any(ch.isdigit() for ch in sent.words[j]):
        return False  # کدپستی ۱۷۱۴۷: a code or a count, not a place's name
    if sent.stops[j] or _is_punct(sent.words[j]) or sent.classes[j]:
        return True
    return not sent.namelike(j) and any(ch.isalpha() for ch in sent.words[j])


def _lists(
    keys: Sequence[str], commas: list[int], ends: Mapping[int, _Cand], starts: Mapping[int, _Cand]
) -> Iterator[list[tuple[int, int]]]:
    """The items of each list of short names in a sentence (``الف، ب، ج و د``), as spans: the
    first ends at a comma (a place found there, else one word), the next ones lie between
    commas, and the last two about ``و`` (a place found after it, else one word)."""
    n = len(keys)
    run: list[tuple[int, int]] = []
    for at, k in enumerate(commas):
        if not run:
            c = ends.get(k)
            s = c.start if c is not None else k - 1
            if s < 0 or keys[s] in _LIST_COMMAS:
                continue
            run = [(s, k)]
        nxt = commas[at + 1] if at + 1 < len(commas) else n
        if 1 <= nxt - k - 1 <= _MAX_LIST_ITEM and nxt < n:
            run.append((k + 1, nxt))
            continue
        j = next((j for j in range(k + 2, min(k + 2 + _MAX_LIST_ITEM, nxt)) if keys[j] == "و"), -1)
        if 0 < j < n - 1:
            after = starts.get(j + 1)
            run += [(k + 1, j), (j + 1, after.end if after is not None else j + 2)]
        if len(run) >= 3:
            yield run
        run = []


_LIST_JOINERS = _LIST_COMMAS | {"و"}


def _place_lists(sent: _Sentence, chosen: list[_Cand]) -> list[_Cand]:
    """A plural administrative noun and the places it lists make one run (``استان‌های
    کرمانشاه ، ایلام و خوزستان``); each place stays a mention of its own (the run is no
    mention: :func:`tag_words` reports it, :func:`find_entities` does not)."""
    out: list[_Cand] = []
    i = 0
    while i < len(chosen):
        c = chosen[i]
        if c.kind != "LOC" or not sent.has(c.start - 1, "loc_list"):
            out.append(c)
            i += 1
            continue
        j = i
        while (
            j + 1 < len(chosen)
            and chosen[j + 1].kind == "LOC"
            and 1 <= chosen[j + 1].start - chosen[j].end <= 2
            and all(sent.keys[k] in _LIST_JOINERS for k in range(chosen[j].end, chosen[j + 1].start))
        ):
            j += 1
        if j == i:
            out.append(c)
            i += 1
            continue
        places = chosen[i : j + 1]
        inner = [x for p in places for x in (p, *p.inner)]
        out.append(_Cand(c.start - 1, places[-1].end, "LOC", c.prio, None, None, source="run", inner=inner))
        i = j + 1
    return out


_CONTAINERS = frozenset({"country", "province"})
_TEAMS = frozenset(name_key(w) for w in ("تیم", "تیم‌های"))


def _placed_places(chosen: list[_Cand]) -> list[_Cand]:
    """A place followed by the country or province it lies in makes one run (``شهر ناپل
    ایتالیا``, ``شهرستان مسجد سلیمان استان خوزستان``); each place stays a mention of its own
    (the run is no mention, as in :func:`_place_lists`)."""
    out: list[_Cand] = []
    for c in chosen:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "LOC"
            and c.kind == "LOC"
            and prev.end == c.start
            and c.subtype in _CONTAINERS
            and prev.subtype != "country"
            and c.end - c.start <= 2
        ):
            inner = [x for p in (prev, c) for x in ([p, *p.inner] if p.source != "run" else p.inner)]
            out[-1] = _Cand(prev.start, c.end, "LOC", max(prev.prio, c.prio), source="run", inner=inner)
            continue
        out.append(c)
    return out


_FAMILY = "آل"


def _ruling_family(sent: _Sentence, c: _Cand) -> bool:
    """آل خلیفه، آل سعود: a ruling family, no person."""
    return c.kind == "PER" and c.end - c.start > 1 and sent.words[c.start] == _FAMILY


_DISTRICTS = frozenset(name_key(w) for w in ("ناحیه", "شعبه"))


def _attach_places(sent: _Sentence, chosen: list[_Cand]) -> list[_Cand]:
    """An organisation followed by the place it serves is one name: ``راه و شهرسازی گیلان``."""
    out: list[_Cand] = []
    for c in chosen:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "ORG"
            and c.kind == "LOC"
            # سپاه ناحیه گچساران: the district or branch it serves there
            and (prev.end == c.start or (prev.end + 1 == c.start and sent.keys[prev.end] in _DISTRICTS))
            and prev.subtype not in _UNPLACED
            and (c.subtype is None or c.subtype in _PLACE_SUBTYPES)
            and prev.source != "common"
            and not _object(sent, c.end)
        ):
            canonical = (
                f"{prev.canonical} {c.canonical or ' '.join(sent.words[c.start : c.end])}"
                if prev.canonical
                else None
            )
            out[-1] = _Cand(
                prev.start,
                c.end,
                "ORG",
                max(prev.prio, c.prio),
                prev.subtype,
                canonical,
                source=prev.source,
                inner=[*prev.inner, c],
            )
            continue
        # (دولت آمریکا، رژیم بحرین، دولت اوباما: the government names the country or the person
        # who leads it, as news annotation counts it, and no body of its own)
        out.append(c)
    return out


# --- the gazetteer a call uses ----------------------------------------------------


def _combined(user: Gazetteer | None) -> Gazetteer:
    if user is None:
        return Gazetteer.default()
    if not isinstance(user, Gazetteer):
        raise TypeError(
            f"gazetteer must be a persnews.gazetteer.Gazetteer or None, got {type(user).__name__}"
        )
    if not user.extends_default:
        return user
    return _union(user)


@functools.lru_cache(maxsize=4)
def _union_cached(user: Gazetteer) -> Gazetteer:
    # keyed by the gazetteer object itself (identity), which the cache keeps alive
    return user | Gazetteer.default()


def _union(user: Gazetteer) -> Gazetteer:
    with _lock:
        return _union_cached(user)


# --- the article -----------------------------------------------------------------------


@attrs.define(slots=True)
class _Found:
    """A mention in the article: token run in one sentence, its name's keys, then its offsets."""

    sent: int
    start: int
    end: int
    kind: str
    subtype: str | None
    canonical: str | None
    name_start: int
    source: str
    key: tuple[str, ...] = ()
    lone_common: bool = False  # one word that is also a common word (مهر)


def extract_entities(
    article: Article,
    normalized: Normalized,
    *,
    gazetteer: Gazetteer | None = None,
    tagger: Tagger | str | os.PathLike[str] | None = None,
) -> tuple[Entity, ...]:
    """The entities of a segmented article (title included).

    Args:
        article: an article with its title and paragraphs (see
            :func:`persnews.segment.segment_article`).
        normalized: the normalisation the article was segmented on.
        gazetteer: extra names for this call.
        tagger: a :class:`persnews.ner.Tagger` or a model path; the
            packaged model when ``None``.

    Returns:
        Entities with ids ``e1``, ``e2``... in the order of their first
        mention; ``ROLE`` entities for offices named with their body.

    Example:
        >>> from persnews.segment import segment_article
        >>> art, norm = segment_article("ظریف به مسکو می رود\\n\\nمحمدجواد ظریف فردا به مسکو می‌رود.")
        >>> [(e.name, e.kind.value) for e in extract_entities(art, norm)]
        [('محمدجواد ظریف', 'PERSON'), ('مسکو', 'LOCATION')]
    """
    tg = load_tagger(tagger)
    gaz = _combined(gazetteer)
    sentences = ([article.title] if article.title is not None else []) + [
        s for p in article.paragraphs for s in p.sentences
    ]
    found = [f for f in _document(_Norms(sentences), tg, gaz, roles=True) if f.source != "run"]
    # offsets into the original text, in arrays rather than on each mention (tokens may be
    # computed on access)
    starts = array.array("q", bytes(8 * len(found)))
    ends = array.array("q", starts)
    si = -1
    t_starts: Sequence[int] = ()
    t_ends: Sequence[int] = ()
    for i, f in enumerate(found):
        if f.sent != si:
            si = f.sent
            t_starts, t_ends = _offsets(sentences[si].tokens)
        starts[i] = t_starts[f.name_start]
        ends[i] = t_ends[f.end - 1]
    return _cluster(found, starts, ends, normalized)


class _Norms(Sequence[list[str]]):
    """The normalised words of each sentence, read from its tokens when asked for."""

    __slots__ = ("_sentences",)

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self._sentences = sentences

    def __len__(self) -> int:
        return len(self._sentences)

    @overload
    def __getitem__(self, i: int) -> list[str]: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[list[str]]: ...
    def __getitem__(self, i: int | slice) -> list[str] | Sequence[list[str]]:
        if isinstance(i, slice):
            return [_norms(s.tokens) for s in self._sentences[i]]
        return _norms(self._sentences[i].tokens)


def _norms(tokens: Sequence[Token]) -> list[str]:
    """The tokens' normalised forms, read without building Token objects when the sequence can."""
    if isinstance(tokens, Tokens):
        return list(tokens.norms)
    return [t.norm for t in tokens]


def _offsets(tokens: Sequence[Token]) -> tuple[Sequence[int], Sequence[int]]:
    """The tokens' start and end offsets."""
    if isinstance(tokens, Tokens):
        return tokens.starts, tokens.ends
    return [t.start for t in tokens], [t.end for t in tokens]


_NameInfo = tuple[str, str | None, str | None]

# Up to this many tokens, a document's sentences are kept between the two passes over it;
# a longer document's are rebuilt, so that memory stays proportional to its mentions.
_KEEP_TOKENS = 1000


class _Doc:
    """The sentences of one document, built on demand (and kept while the document is short)."""

    __slots__ = ("_kept", "_kept_tokens", "names", "res", "sentences", "surnames")

    def __init__(self, sentences: Sequence[Sequence[str]], res: _Resources) -> None:
        self.sentences = sentences
        self.res = res
        self._kept: dict[int, _Sentence] = {}
        self._kept_tokens = 0
        self.names: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple per distinct name
        self.surnames: dict[tuple[str, ...], _NameInfo] = {}  # the tails of full names

    def __len__(self) -> int:
        return len(self.sentences)

    def build(self, si: int) -> _Sentence:
        sent = self._kept.get(si)
        if sent is None:
            sent = _Sentence(self.sentences[si], self.res)
            if self._kept_tokens + sent.n <= _KEEP_TOKENS:
                self._kept[si] = sent
                self._kept_tokens += sent.n
        return sent


_DOC_ORDER = operator.attrgetter("sent", "start")
_START = operator.attrgetter("start")


def _document(
    sentences: Sequence[Sequence[str]], tagger: Tagger, gaz: Gazetteer, *, roles: bool = False
) -> list[_Found]:
    """Mentions of every sentence of one document, with names carried across sentences.

    Two passes: the first tags each sentence and keeps only its mentions; the
    second names the other occurrences of the names found (and, with ``roles``,
    the offices).  Mentions come sorted by sentence and start, roles last.
    """
    doc = _Doc(sentences, _resources())
    found: list[_Found] = []
    papers = 0
    first = 0
    for si in range(len(doc)):
        sent = doc.build(si)
        for c in _sentence_cands(sent, tagger, gaz):
            f = _new_found(
                doc, sent, si, c.start, c.end, c.kind, c.subtype, c.canonical, c.name_start, c.source
            )
            found.append(f)
            if f.start == 0 and f.subtype == "newspaper" and _press_line(sent, 0, f.end):
                papers += 1
            for c2 in c.inner:
                if c2.end - c2.name_start == 1 and "loc_generic" in sent.classes[c2.name_start]:
                    continue  # پدافند هوایی شرق کشور: the country, named by no name
                found.append(
                    _new_found(
                        doc,
                        sent,
                        si,
                        c2.start,
                        c2.end,
                        c2.kind,
                        c2.subtype,
                        c2.canonical,
                        c2.name_start,
                        "inner",
                    )
                )
        for f in found[first:]:
            if f.kind == "PER" and f.end - f.name_start >= 2:
                _surnames(doc, sent, f)
        first = len(found)
        sent.labels = []
    if papers >= 2:
        found.extend(_press_review(doc, found))
    found.sort(key=_DOC_ORDER)
    return _propagate(doc, found, roles=roles)


def _surnames(doc: _Doc, sent: _Sentence, f: _Found) -> None:
    """Note the last word or two of a person's full name: alone, they name the person too."""
    for k in (1, 2):
        if f.end - f.name_start > k and (
            all(not sent.stops[j] for j in range(f.end - k, f.end)) and "given" not in sent.classes[f.end - 1]
        ):
            tail = tuple(sent.keys[f.end - k : f.end])
            doc.surnames.setdefault(tail, ("PER", None, None))


def _new_found(
    doc: _Doc,
    sent: _Sentence,
    si: int,
    start: int,
    end: int,
    kind: str,
    subtype: str | None,
    canonical: str | None,
    name_start: int,
    source: str,
) -> _Found:
    lone_common = end - name_start == 1 and "common_word" in sent.classes[name_start]
    key = tuple(sent.keys[name_start:end])
    key = doc.names.setdefault(key, key)
    return _Found(si, start, end, kind, subtype, canonical, name_start, source, key, lone_common)


def _press_review(doc: _Doc, found: list[_Found]) -> list[_Found]:
    """In a press review (two lines or more open with a known paper and a colon), every
    line opening with a short name and a colon opens with a paper: ``شهروند: ...``."""
    starts = {f.sent for f in found if f.start == 0}
    out = []
    for si in range(len(doc)):
        if si in starts:
            continue
        sent = doc.build(si)
        for k in range(1, min(4, sent.n)):
            if sent.words[k] in (":", "："):
                if all(not sent.stops[j] and sent.classes[j].isdisjoint(_PAPER_ENDS) for j in range(k)):
                    out.append(_new_found(doc, sent, si, 0, k, "ORG", "newspaper", None, 0, "press"))
                break
    return out


def tag_sentences(
    sentences: Sequence[Sequence[str]],
    *,
    tagger: Tagger | str | os.PathLike[str] | None = None,
    gazetteer: Gazetteer | None = None,
    heads: bool = True,
) -> list[list[tuple[int, int, str]]]:
    """:func:`tag_words` for the consecutive sentences of one document.

    Names found in one sentence are carried to the others (a surname alone
    after the full name, a name the tagger missed once), as in
    :func:`find_entities`.

    Returns:
        Per sentence, its ``(start, end, type)`` runs.

    Example:
        >>> tag_sentences([["محمدجواد", "ظریف", "آمد", "."], ["ظریف", "گفت", ":"]])
        [[(0, 2, 'PER')], [(0, 1, 'PER')]]
    """
    tg = load_tagger(tagger)
    found = _document(sentences, tg, _combined(gazetteer))
    out: list[list[tuple[int, int, str]]] = [[] for _ in sentences]
    for f in found:
        if f.kind != "ROLE" and f.source != "inner":
            out[f.sent].append((f.start if heads else f.name_start, f.end, f.kind))
    return out


def _propagate(doc: _Doc, found: list[_Found], *, roles: bool = False) -> list[_Found]:
    """Name every other occurrence of a name found once, and surnames of full names;
    with ``roles``, add the offices named with their body (after the mentions)."""
    known: dict[tuple[str, ...], _NameInfo] = {}
    surnames = doc.surnames
    for f in found:
        if f.kind == "ROLE":
            continue
        key = f.key
        if f.source in ("common", "domain") or not key:
            continue  # وزیر کشور names a ministry; کشور alone does not
        if f.lone_common and f.kind != "PER":
            continue  # مهر the agency says nothing of مهر the month elsewhere
        known.setdefault(key, (f.kind, f.subtype, f.canonical))
    by_sent: dict[int, list[_Found]] = {}
    for f in found:
        by_sent.setdefault(f.sent, []).append(f)
    table = {**known, **{k: v for k, v in surnames.items() if k not in known or known[k][0] != "PER"}}
    # a surname found alone with another kind is the person (ظریف tagged as a place)
    for f in found:
        if f.kind != "PER" and f.source in ("crf", "common") and f.key in surnames and f.key not in known:
            f.kind = "PER"
    # the sizes of the names each first word opens, longest first
    sizes: dict[str, set[int]] = {}
    for k in table:
        sizes.setdefault(k[0], set()).add(len(k))
    firsts = {first: sorted(v, reverse=True) for first, v in sizes.items()}
    extra: list[_Found] = []
    role_list: list[_Found] = []
    for si in range(len(doc)):
        mine = by_sent.get(si, [])
        if not table and not roles:
            continue
        here = doc.build(si)
        if table:
            extra_here = _propagate_sentence(here, si, mine, table, firsts)
            extra.extend(extra_here)
            if extra_here:
                mine = sorted(mine + extra_here, key=_START)
        if roles:
            role_list.extend(_roles(doc, here, si, mine))
    if extra:
        found = sorted(found + extra, key=_DOC_ORDER)
    return found + role_list


def _propagate_sentence(
    sent: _Sentence,
    si: int,
    mine: list[_Found],
    table: Mapping[tuple[str, ...], _NameInfo],
    firsts: Mapping[str, Sequence[int]],
) -> list[_Found]:
    """The other occurrences of the names of ``table`` in one sentence, where nothing is found;
    ``firsts`` maps the first word of each name to the names' sizes, longest first."""
    keys = sent.keys
    n = sent.n
    if firsts.keys().isdisjoint(keys):
        return []
    row = [False] * n
    for f in mine:
        for j in range(f.start, f.end):
            row[j] = True
    extra: list[_Found] = []
    done = 0  # where the last name found ends
    for i in itertools.compress(range(n), map(firsts.__contains__, keys)):
        if i < done or row[i]:
            continue  # (a name can start on no word already named)
        hit = None
        for size in firsts[keys[i]]:
            if size > n - i:
                continue
            key = tuple(keys[i : i + size])
            if key in table and not any(row[i : i + size]):
                hit = (size, key, table[key])
                break
        if hit is None:
            continue
        size, key, (kind, subtype, canonical) = hit
        # a surname glued to a following name part is something else
        if kind == "PER" and i + size < n and "given" in sent.classes[i + size]:
            continue
        extra.append(_Found(si, i, i + size, kind, subtype, canonical, i, "propagated", key))
        for j in range(i, i + size):
            row[j] = True
        done = i + size
    return extra


def _roles(doc: _Doc, sent: _Sentence, si: int, found: list[_Found]) -> list[_Found]:
    """Offices named with their body or place: ``سخنگوی وزارت امور خارجه``, ``وزیر بهداشت``."""
    out: list[_Found] = []
    offices = [(s, e) for s, e, cls in sent.rule_spans if "office" in cls and "ctx_agency" not in cls]
    if not offices:
        return out
    by_start: dict[int, _Found] = {f.start: f for f in found}
    domains = _ministry_domains()
    for s, e in offices:
        end = e
        if sent.keys[e - 1] in _MINISTER_WORDS and e < sent.n and e not in by_start:
            hit = domains.match(sent.words[e : e + 6], keys=sent.keys[e : e + 6])
            if hit and hit[0].start == 0:
                end = e + hit[0].end
        mod = end
        while sent.has(mod, "office_mod"):
            mod += 1  # رئیس سابق شورای شهر: the role goes on to the body
        nxt = by_start.get(end) or by_start.get(mod)
        while nxt is not None and nxt.kind in ("ORG", "LOC") and end - s < _MAX_ROLE_TOKENS:
            end = nxt.end
            nxt = by_start.get(end)
        if end == e and e - s < 2:
            continue  # a bare office noun (وزیر) is no role
        out.append(_new_found(doc, sent, si, s, end, "ROLE", None, None, s, "role"))
    return out


_MINISTER_WORDS = frozenset(name_key(w) for w in ("وزیر", "وزرای", "وزیران", "معاون وزیر", "وزارت"))
_MINISTERS = frozenset(name_key(w) for w in ("وزیر", "وزرای", "وزیران"))


@functools.cache
def _ministry_domains_unlocked() -> Gazetteer:
    from persnews.gazetteer import _data_text

    return Gazetteer.from_tsv(_data_text("gazetteer", "ministry_domains.tsv"), extends_default=False)


def _ministry_domains() -> Gazetteer:
    with _lock:
        return _ministry_domains_unlocked()


def _cluster(
    found: list[_Found], starts: Sequence[int], ends: Sequence[int], normalized: Normalized
) -> tuple[Entity, ...]:
    """Join the mentions into entities; ``starts``/``ends`` are their offsets in the original text."""
    parent = list(range(len(found)))

    def union(a: int, b: int) -> None:
        # each to its root, halving the path on the way
        while parent[a] != a:
            parent[a] = a = parent[parent[a]]
        while parent[b] != b:
            parent[b] = b = parent[parent[b]]
        if a != b:
            parent[max(a, b)] = min(a, b)

    # (a component's root is its first mention, whatever the order of the unions)
    keys = [f.key for f in found]
    # each canonical name's key, made once (None: no canonical name)
    canons = [name_key(f.canonical) if f.canonical else None for f in found]
    joins = ["".join(k) for k in keys]
    by_key: dict[tuple[str, tuple[str, ...]], int] = {}
    by_canon: dict[tuple[str, str], int] = {}
    # joined keys: the same name split differently into tokens
    joined: dict[tuple[str, str], int] = {}
    for i, f in enumerate(found):
        kind = f.kind
        k = (kind, keys[i])
        if k in by_key:
            union(by_key[k], i)
        else:
            by_key[k] = i
        jk = (kind, joins[i])
        canon = canons[i]
        if canon is not None:
            c = (kind, canon)
            if c in by_canon:
                union(by_canon[c], i)
            else:
                by_canon[c] = i
            ck = (kind, (canon,))
            if ck in by_key:
                union(by_key[ck], i)
            if jk in joined:
                union(joined[jk], i)
            else:
                joined[jk] = i
            if c in joined:
                union(joined[c], i)
            else:
                joined[c] = i  # a later mention written as the canonical name joins this one
        elif jk in joined:
            union(joined[jk], i)
        else:
            joined[jk] = i
    # a body named with and without its place: وزارت بهداشت / وزارت بهداشت افغانستان
    org_names = {
        i: canon if canon is not None else joins[i]
        for i, (f, canon) in enumerate(zip(found, canons, strict=True))
        if f.kind == "ORG"
    }
    if org_names:
        by_org_name: dict[str, int] = {}
        for i, nm in sorted(org_names.items(), key=lambda x: len(x[1])):
            by_org_name.setdefault(nm, i)
        for i in org_names:
            canonical = found[i].canonical
            if not canonical or " " not in canonical:
                continue
            words = canonical.split()
            for cut in range(len(words) - 1, 1, -1):
                j = by_org_name.get(name_key(" ".join(words[:cut])))
                if j is not None and j != i:
                    union(i, j)
                    break
    # a person's surname or short form joins the fullest name that ends with it; a short
    # organisation name (two words or more) joins a longer one it opens
    _join_short_forms(found, keys, union)
    groups: dict[int, list[int]] = {}
    for i in range(len(found)):
        # a parent is never after its child, so the parent's root is already final here
        r = parent[i] = parent[parent[i]]
        groups.setdefault(r, []).append(i)
    ordered = sorted(
        groups.values(),
        key=lambda g: (starts[g[0]], ends[g[0]]) if len(g) == 1 else min((starts[i], ends[i]) for i in g),
    )
    entities = []
    original = normalized.original
    text = normalized.text
    to_n = normalized.alignment.forward  # (the offsets are the tokens', inside the text)
    # the mentions are released group by group as the entities are built, so that they and
    # the entities' mentions are not all held at once
    slots = cast("list[_Found | None]", found)
    for n, g in enumerate(ordered, 1):
        group = list(zip(g, map(found.__getitem__, g), strict=True))
        for i in g:
            slots[i] = None
        if len(group) == 1:
            best, best_f = group[0]
            subtype = best_f.subtype or None
            ms: Sequence[tuple[int, int, str]] = ((starts[best], ends[best], best_f.kind),)
        else:
            best, best_f = _fullest(group, canons, joins, starts, ends, to_n)
            subtype = _most_common_subtype(group)
            ms = sorted({(starts[i], ends[i], f.kind) for i, f in group})
        name = " ".join(text[to_n(starts[best]) : to_n(ends[best])].split())
        canonical = best_f.canonical
        if best_f.source in ("domain", "ezafe") and canonical:
            name = canonical  # وزیر بهداشت names the ministry by its domain only
        elif best_f.source == "bureau":
            name = f"{_BUREAU} {name}"  # مدیرکل هواشناسی گیلان: the bureau is named by its field
        kind = _KIND[group[0][1].kind]
        del group, best_f
        entities.append(
            _entity(
                f"e{n}",
                name,
                kind,
                Mentions._packed([(s, e, _KIND[k]) for s, e, k in ms if e > s], original),
                subtype,
            )
        )
    return tuple(entities)


# The slots' own setters fill an entity without the checks of its class, as trusted() does
# but without a call per field (its mentions are right by construction).
_SET_ID = Entity.__dict__["id"].__set__
_SET_NAME = Entity.__dict__["name"].__set__
_SET_ENTITY_KIND = Entity.__dict__["kind"].__set__
_SET_MENTIONS = Entity.__dict__["mentions"].__set__
_SET_SUBTYPE = Entity.__dict__["subtype"].__set__


def _entity(id_: str, name: str, kind: EntityKind, mentions: Mentions, subtype: str | None) -> Entity:
    e: Entity = object.__new__(Entity)
    _SET_ID(e, id_)
    _SET_NAME(e, name)
    _SET_ENTITY_KIND(e, kind)
    _SET_MENTIONS(e, mentions)
    _SET_SUBTYPE(e, subtype)
    return e


def _fullest(
    group: list[tuple[int, _Found]],
    canons: Sequence[str | None],
    joins: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    to_n: Callable[[int], int],
) -> tuple[int, _Found]:
    """The mention that names a group: the most words, then one written as its canonical
    name, then the longest normalised text, then the first in the text (each test is made
    only among the mentions tied on the ones before)."""
    most = max(len(f.key) for _, f in group)
    tied = [x for x in group if len(x[1].key) == most]
    if len(tied) > 1:
        as_canon = [x for x in tied if canons[x[0]] is not None and canons[x[0]] == joins[x[0]]]
        if as_canon:
            tied = as_canon
    if len(tied) > 1:
        return max(tied, key=lambda x: (to_n(ends[x[0]]) - to_n(starts[x[0]]), -starts[x[0]]))
    return tied[0]


def _most_common_subtype(group: list[tuple[int, _Found]]) -> str | None:
    """The subtype most mentions of a group give (the first given among equals)."""
    counts: dict[str, int] = {}
    for _, f in group:
        if f.subtype:
            counts[f.subtype] = counts.get(f.subtype, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _join_short_forms(
    found: list[_Found], keys: list[tuple[str, ...]], union: Callable[[int, int], None]
) -> None:
    """Index the longer names by their tails (people) and heads (organisations), then join
    each shorter mention to the nearest one; linear in the number of mentions."""
    tails: dict[tuple[str, ...], dict[tuple[str, ...], list[int]]] = {}
    heads: dict[tuple[str, ...], int] = {}
    for j, f in enumerate(found):
        kj = keys[j]
        if f.kind == "PER" and len(kj) >= 2:
            for n in range(1, min(len(kj), 3)):
                tails.setdefault(kj[-n:], {}).setdefault(kj, []).append(j)
        elif f.kind == "ORG" and len(kj) >= 3:
            for n in range(2, min(len(kj), _MAX_ROLE_TOKENS)):
                heads.setdefault(kj[:n], j)
    for i, f in enumerate(found):
        short = keys[i]
        if f.kind == "PER":
            options = tails.get(short)
            if not options:
                continue
            where = (f.sent, f.start)
            best, best_dist = -1, (2, 0)
            for positions in options.values():
                # the nearest full name before the mention, else the nearest after it
                # (positions are in document order: found is sorted)
                k = bisect.bisect_right(positions, where, key=lambda j: (found[j].sent, found[j].start))
                near = [positions[k - 1]] if k else []
                if k < len(positions):
                    near.append(positions[k])
                for j in near:
                    if j == i:
                        continue
                    d = (0 if (found[j].sent, found[j].start) <= where else 1, abs(found[j].sent - f.sent))
                    if d < best_dist:
                        best, best_dist = j, d
            if best >= 0:
                union(i, best)
        elif f.kind == "ORG" and len(short) >= 2:
            head = heads.get(short)
            if head is not None and head != i:
                union(i, head)


# --- roles ------------------------------------------------------------------------------

_APPOSITION_GAP = frozenset(" \u200c\t،,-–—(")


def roles_of(article: Article) -> dict[str, str]:
    """Which person holds each office the article names.

    A ``ROLE`` entity is linked to a ``PERSON`` entity when one of its
    mentions stands right after or right before a mention of the person,
    separated only by spaces, a comma, a dash or an opening parenthesis
    (``محمدجواد ظریف وزیر امور خارجه``, ``سخنگوی دولت، علی ربیعی``).

    Args:
        article: a parsed article (its ``entities`` are read).

    Returns:
        ROLE entity id -> PERSON entity id.

    Example:
        >>> import attrs
        >>> from persnews.segment import segment_article
        >>> art, norm = segment_article("خبر\\n\\nبهرام قاسمی سخنگوی وزارت خارجه گفت: نه.")
        >>> art = attrs.evolve(art, entities=extract_entities(art, norm))
        >>> names = {e.id: e.name for e in art.entities}
        >>> {names[r]: names[p] for r, p in roles_of(art).items()}
        {'سخنگوی وزارت خارجه': 'بهرام قاسمی'}
    """
    if not isinstance(article, Article):
        raise TypeError(f"roles_of() expects an Article, got {type(article).__name__}")
    text = article.text
    people = [(m, e.id) for e in article.entities if e.kind is EntityKind.PERSON for m in e.mentions]
    if not people:
        return {}
    starts = {m.start: eid for m, eid in people}
    ends = {m.end: eid for m, eid in people}
    out: dict[str, str] = {}
    for e in article.entities:
        if e.kind is not EntityKind.ROLE:
            continue
        votes: Counter[str] = Counter()
        for m in e.mentions:
            # person then role
            i = m.start
            while i > 0 and text[i - 1] in _APPOSITION_GAP and m.start - i < 4:
                i -= 1
            if i in ends and i < m.start:
                votes[ends[i]] += 1
            # role then person
            j = m.end
            while j < len(text) and text[j] in _APPOSITION_GAP and j - m.end < 4:
                j += 1
            if j in starts and j > m.end:
                votes[starts[j]] += 1
        if votes:
            out[e.id] = votes.most_common(1)[0][0]
    return out


def role_holder(article: Article, span: Span | str) -> Entity | None:
    """The person holding the office named by ``span`` (a mention or its text), if known.

    Args:
        article: a parsed article (its ``entities`` are read).
        span: a mention of the office (as found by the quotes step) or its
            text; a text matches a ROLE mention after normalisation.

    Returns:
        The PERSON entity, or ``None`` when no apposition names the holder.

    Example:
        >>> import attrs
        >>> from persnews.segment import segment_article
        >>> art, norm = segment_article("خبر\\n\\nبهرام قاسمی سخنگوی وزارت خارجه گفت: نه.")
        >>> art = attrs.evolve(art, entities=extract_entities(art, norm))
        >>> role_holder(art, "سخنگوی وزارت خارجه").name
        'بهرام قاسمی'
    """
    links = roles_of(article)
    if not links:
        return None
    by_id = {e.id: e for e in article.entities}
    if isinstance(span, str):
        target = name_key(span)
        for rid, pid in links.items():
            if any(name_key(m.text) == target for m in by_id[rid].mentions):
                return by_id[pid]
        return None
    for rid, pid in links.items():
        if any(m.overlaps(span) for m in by_id[rid].mentions):
            return by_id[pid]
    return None


# --- the public entry point -----------------------------------------------------------


def find_entities(
    text: str,
    *,
    gazetteer: Gazetteer | None = None,
    model: Tagger | str | os.PathLike[str] | None = None,
) -> tuple[Entity, ...]:
    """The people, places and organisations of a Persian news text.

    Args:
        text: the article (headline on the first line, then paragraphs), or
            any Persian text.
        gazetteer: your own names, added to the packaged gazetteer (see
            :class:`persnews.gazetteer.Gazetteer`).
        model: a :class:`persnews.ner.Tagger` or the path of a ``.crfsuite``
            model trained with :func:`persnews.ner.train`; the packaged
            model when ``None``.

    Returns:
        The entities, ids ``e1``, ``e2``... in order of first mention; each
        mention's offsets slice ``text``.

    Raises:
        TypeError: ``text`` is not a ``str`` (decode ``bytes`` first), or
            ``gazetteer``/``model`` has the wrong type.
        FileNotFoundError: ``model`` is a path with no file.

    Example:
        >>> ents = find_entities("ظریف به مسکو می رود\\n\\nمحمدجواد ظریف وزیر امور خارجه فردا به مسکو می‌رود.")
        >>> [(e.name, e.kind.value, len(e.mentions)) for e in ents if e.kind.value != "ROLE"]
        [('محمدجواد ظریف', 'PERSON', 2), ('مسکو', 'LOCATION', 2), ('وزارت امور خارجه', 'ORGANIZATION', 1)]
    """
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError("find_entities() expects str, got bytes: decode it first, e.g. data.decode('utf-8')")
    if not isinstance(text, str):
        raise TypeError(f"find_entities() expects the text as str, got {type(text).__name__}")
    if gazetteer is not None and not isinstance(gazetteer, Gazetteer):
        raise TypeError(
            f"gazetteer must be a persnews.gazetteer.Gazetteer or None, got {type(gazetteer).__name__}"
        )
    if model is not None and not isinstance(model, (str, os.PathLike, Tagger)):
        raise TypeError(f"model must be a Tagger, a path or None, got {type(model).__name__}")
    from persnews.segment import segment_article

    article, normalized = segment_article(text)
    return extract_entities(article, normalized, gazetteer=gazetteer, tagger=model)
