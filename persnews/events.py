"""Events: what happened, where, when and to whom.

An event is found from a *trigger*, a word or phrase of the trigger lexicon
(``data/event_triggers.tsv``): a noun (``نشست``، ``انفجار``), a light-verb
construction (``دیدار کرد``، ``دستگیر شدند``) or a pattern with a place slot
(``به مسکو می‌رود``، ``وارد تهران شد``).  Its arguments come from the same
sentence, nearest first, with a clause boundary (``که``، ``:``) counting as a
long way:

- **location**: a place after ``در`` (after ``به`` for travel and attacks,
  after ``از`` for visits), a place right after a noun trigger
  (``انفجار بیروت``), the place slot of a pattern, the place before the
  verb that says the event is held (``نشست ... در مسکو برگزار می‌شود``),
  or, for a meeting, statement, visit or protest in the headline, the lead
  or the credit line, the dateline (``به گزارش فارس از قم``).  A place is a
  LOCATION mention of :attr:`Article.entities` (or a place of the packaged
  gazetteer where no mention stands), a name after a place noun
  (``در شهرستان گرمه``، ``در منطقه «البوشریه»``) or the place of the
  reporter formula (``در گفت‌وگو با خبرنگار فارس در زنجان``).
- **participants**: the people, organisations and countries named in the
  trigger's clause, nearest first, without the location and the outlet
  credited for the report.
- **time**: the nearest time expression of :attr:`Article.times` (or, when
  the article has none, a time word such as ``فردا`` or ``جمعه``).

Triggers of one kind in one sentence that share their place are one event
(``دیدار و گفت‌وگو کرد``).  A bare noun with no argument at all, and an
anaphoric noun (``این دیدار``) without a place, are taken as mentions of
events already told, not new ones.  Negated verbs (``حمله نکرد``), a
``دیدار`` among sports words (a match) and a travel without a traveller
(a dust storm "entering" a province) are no events; a talk with the press
(``گفت‌وگو با خبرنگار``) is an announcement.

The lexicons (``event_triggers.tsv``, ``event_cues.tsv``) are data files,
read once on first use."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import operator
import threading
from array import array
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import attrs

from persnews import _resources
from persnews.model import (
    Argument,
    Arguments,
    Article,
    Entity,
    EntityKind,
    Event,
    EventKind,
    Sentence,
    Span,
    TimeExpression,
    TimeKind,
    Tokens,
    trusted,
)
from persnews.normalize import Normalized

__all__ = ["extract_events", "find_events"]

_ZWNJ = "\u200c"
_TRIGGERS_FILE = "event_triggers.tsv"
_CUES_FILE = "event_cues.tsv"

# How far (in words) an argument may stand from its trigger, and what a
# clause boundary between them costs.
_WINDOW = 20
_CLAUSE_COST = 12
_MAX_PARTICIPANTS = 6
_MAX_LOOKAHEAD_PRESS = 8

# Suffixes a noun trigger may carry (plural, indefinite, ezafe, possessive).
_SUFFIXES = ("ها", "های", "هایی", "ی", "ای", "یی", "اش", "ش", "شان", "هایش", "هایشان")
# Tokens written apart that belong to the word before (plural, perfect
# endings) or after (the verb prefix می).
_JOIN_PREVIOUS = frozenset({"ها", "های", "هایی", "ای", "اند", "ام", "ایم", "اید"})
_JOIN_NEXT = frozenset({"می", "نمی"})
_JOINING = _JOIN_PREVIOUS | _JOIN_NEXT
# Elements of a pattern that are grammar, not the trigger itself.
_FUNCTION_WORDS = frozenset({"به", "را", "از", "با", "مقصد"})
# Prepositions a pattern may start or end with that are left out of its trigger.
_EDGE_WORDS = frozenset({"در", "با"})
# How far before a verb a modal (باید، اگر) makes it no event.
_MODAL_REACH = 6
# How far after a noun trigger a negated light verb cancels it.
_NEGATION_REACH = 4
# How far sports words make a fixture noun a match, not a meeting.
_SPORTS_REACH = 8
# Light verbs whose negated forms cancel a noun trigger before them.
_LIGHT_VERBS = (("کرد", "کن"), ("شد", "شو"), ("داد", "ده"), ("نمود", "نما"), ("داشت", "دار"), ("گرفت", "گیر"))
_QUOTES_OPEN = {"«": "»", '"': '"', "“": "”"}
# Words that end a credit phrase (``به گزارش فارس از قم``، ``خبرنگار فارس در زنجان``).
_STOP_ATTRIBUTION = frozenset({"از", "در", "به", "با", "که", "و"})
# The reporter of the formula that names a place (خبرنگار فارس در زنجان).
_REPORTER = frozenset({"خبرنگار", "خبرنگاران"})
# How far a place is looked for before a verb that says the event is held.
_HELD_REACH = 60

_LIT, _VERB, _LOC = 0, 1, 2


# --- the lexicons ---------------------------------------------------------------


def _key(word: str) -> str:
    return word.replace(_ZWNJ, "")


def _conjugations(past: str, present: str, *, compound: bool, subjunctive: bool = True) -> frozenset[str]:
    """Affirmative forms of a verb, written without ZWNJ (``میرود``، ``کردهاند``).

    The subjunctive (``برود``، ``دیدار کند``) is left out when ``subjunctive``
    is false: an announcement someone "should make" was not made."""
    persons_past = ("", "م", "ی", "یم", "ید", "ند")
    persons_present = ("م", "ی", "د", "یم", "ید", "ند")
    glue = "ی" if present.endswith(("ا", "آ")) else ""
    out = {past + p for p in persons_past}
    out |= {past + "ه" + p for p in ("", "ام", "ای", "است", "ایم", "اید", "اند")}
    out |= {"می" + past + p for p in persons_past}
    out |= {"می" + present + glue + p for p in persons_present}
    if subjunctive:
        prefixed = "بیا" + present[1:] if present.startswith(("آ", "ا")) else "ب" + present
        out |= {prefixed + glue + p for p in persons_present}
        if compound:
            out |= {present + glue + p for p in persons_present}
    return frozenset(out)


@attrs.frozen(slots=True)
class _Form:
    kind: str
    elements: tuple[tuple[int, frozenset[str]], ...]
    nominal: bool
    base: str  # the first written word, without ZWNJ


@attrs.frozen(slots=True)
class _Lexicon:
    by_first: Mapping[str, tuple[_Form, ...]]
    loc_first: tuple[_Form, ...]
    #: ``by_first`` split by the second word, so that a frequent first word
    #: (``به``, with hundreds of forms) tries only the forms its next word can
    #: continue: first word -> (second word -> forms, forms whose second
    #: element is no literal word).  Forms keep their ``by_first`` order.
    #: A third part repeats the second without its forms of one word and a
    #: place (``به <LOC> رفت``): the forms to try where no place follows.
    by_second: Mapping[str, tuple[Mapping[str, tuple[_Form, ...]], tuple[_Form, ...], tuple[_Form, ...]]] = (
        attrs.field(init=False)
    )
    #: For a cheap test before a sentence is prepared: the word sets of every
    #: reporting form (its literal and verb elements), filed under the keys of
    #: its least common element.  A sentence none of whose forms has every
    #: element among its words can match nothing.
    anchors: Mapping[str, tuple[tuple[frozenset[str], ...], ...]] = attrs.field(init=False)
    #: The keys of ``anchors``, as a set to intersect a sentence's words with.
    anchor_keys: frozenset[str] = attrs.field(init=False)
    #: The words that may follow the place of a ``loc_first`` form (``None``
    #: where a form goes on with no literal word): at a place followed by
    #: none of them, no such form is tried.
    loc_next: frozenset[str] | None = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, tuple[dict[str, tuple[_Form, ...]], tuple[_Form, ...], tuple[_Form, ...]]] = {}
        for first, forms in self.by_first.items():
            seconds: dict[str, list[_Form]] = {}
            others: list[_Form] = []
            for form in forms:
                if len(form.elements) > 1 and form.elements[0][0] == form.elements[1][0] == _LIT:
                    for k in form.elements[1][1]:
                        seconds.setdefault(k, []).append(form)
                else:
                    others.append(form)
            unplaced = tuple(f for f in others if not _place_second(f))
            index[first] = ({k: tuple(v) for k, v in seconds.items()}, tuple(others), unplaced)
        object.__setattr__(self, "by_second", index)
        reporting = {
            id(f): f for fs in (*self.by_first.values(), self.loc_first) for f in fs if f.kind != "none"
        }
        uses: dict[str, int] = {}
        for f in reporting.values():
            for kind, options in f.elements:
                if kind != _LOC:
                    for k in options:
                        uses[k] = uses.get(k, 0) + 1
        anchors: dict[str, list[tuple[frozenset[str], ...]]] = {}
        for f in reporting.values():
            words = tuple(options for kind, options in f.elements if kind != _LOC)
            if not words:
                continue
            rarest = min(words, key=lambda options: max(uses[k] for k in options))
            for k in rarest:
                anchors.setdefault(k, []).append(words)
        object.__setattr__(self, "anchors", {k: tuple(v) for k, v in anchors.items()})
        object.__setattr__(self, "anchor_keys", frozenset(anchors))
        literal = all(len(f.elements) > 1 and f.elements[1][0] == _LIT for f in self.loc_first)
        loc_next = frozenset().union(*(f.elements[1][1] for f in self.loc_first)) if literal else None
        object.__setattr__(self, "loc_next", loc_next)

    def may_match(self, keys: Sequence[str]) -> bool:
        """Whether some reporting form has all its words among ``keys`` (else no match is possible)."""
        # Most sentences hold no anchor at all: find that out in one set operation.
        found = self.anchor_keys.intersection(keys)
        if not found:
            return False
        anchors = self.anchors
        present = frozenset(keys)
        for k in found:
            for words in anchors[k]:
                # (a loop, not all() over a generator: this runs for most sentences)
                for options in words:
                    if present.isdisjoint(options):
                        break
                else:
                    return True
        return False

    def candidates(self, keys: Sequence[str], i: int, place_next: bool = True) -> tuple[_Form, ...]:
        """The forms that may start at word ``i``, in ``by_first`` order
        (``place_next``: whether a place may start at word ``i + 1``)."""
        entry = self.by_second.get(keys[i])
        if entry is None:
            return ()
        seconds, others, unplaced = entry
        if not place_next:
            # (a form whose second element is a place cannot match there)
            others = unplaced
        nxt = seconds.get(keys[i + 1], ()) if i + 1 < len(keys) else ()
        if not nxt:
            return others
        if not others:
            return nxt
        order = self.by_first[keys[i]]
        chosen = set(map(id, nxt)) | set(map(id, others))
        return tuple(f for f in order if id(f) in chosen)


def _place_second(form: _Form) -> bool:
    """Whether the form is one word and a place: the place must start at the
    word after the form's start."""
    elements = form.elements
    return len(elements) > 1 and elements[0][0] == _LIT and elements[1][0] == _LOC


def _parse_element(word: str, *, compound: bool, subjunctive: bool) -> list[list[tuple[int, frozenset[str]]]]:
    """The ways one written element can stand in the token stream."""
    if word == "<LOC>":
        return [[(_LOC, frozenset())]]
    if word.startswith("{") and word.endswith("}") and "#" in word:
        past, present = word[1:-1].split("#", 1)
        return [
            [(_VERB, _conjugations(_key(past), _key(present), compound=compound, subjunctive=subjunctive))]
        ]
    ways = [[(_LIT, frozenset({_key(word)}))]]
    if _ZWNJ in word:
        ways.append([(_LIT, frozenset({part})) for part in word.split(_ZWNJ) if part])
    return ways


def _with_suffixes(element: tuple[int, frozenset[str]]) -> tuple[int, frozenset[str]]:
    kind, keys = element
    return kind, frozenset(keys | {k + s for k in keys for s in _SUFFIXES})


def _expand(
    form: str, *, suffixes: bool, subjunctive: bool = True
) -> list[tuple[tuple[int, frozenset[str]], ...]]:
    words = form.split()
    compound = len(words) > 1
    sequences: list[list[tuple[int, frozenset[str]]]] = [[]]
    for word in words:
        ways = _parse_element(word, compound=compound, subjunctive=subjunctive)
        sequences = [seq + way for seq in sequences for way in ways]
    out = []
    for seq in sequences:
        nominal = all(kind == _LIT for kind, _ in seq)
        if nominal and suffixes:
            seq = [_with_suffixes(seq[0]), *seq[1:]]
            seq[-1] = _with_suffixes(seq[-1])
        out.append(tuple(seq))
        # A light verb may be fused with the noun before it (خبرداد).
        for i in range(len(seq) - 1):
            (k1, noun), (k2, verb) = seq[i], seq[i + 1]
            if k1 == _LIT and k2 == _VERB and len(noun) == 1:
                (n,) = noun
                fused = (_LIT, frozenset(n + v for v in verb))
                out.append((*seq[:i], fused, *seq[i + 2 :]))
    return out


def _compile(rows: Iterable[tuple[str, str]], *, suffixes: bool) -> _Lexicon:
    by_first: dict[str, list[_Form]] = {}
    loc_first: list[_Form] = []
    for kind, form in rows:
        subjunctive = kind != EventKind.ANNOUNCEMENT.value
        for elements in _expand(form, suffixes=suffixes, subjunctive=subjunctive):
            nominal = all(k == _LIT for k, _ in elements)
            compiled = _Form(kind, elements, nominal, _key(form.split()[0]))
            first_kind, first_keys = elements[0]
            if first_kind == _LOC:
                loc_first.append(compiled)
            else:
                for k in first_keys:
                    by_first.setdefault(k, []).append(compiled)
    return _Lexicon({k: tuple(v) for k, v in by_first.items()}, tuple(loc_first))


_NO_WORDS: frozenset[str] = frozenset()


@attrs.frozen(slots=True)
class _Cues:
    triggers: _Lexicon
    times: _Lexicon
    roles: Mapping[str, frozenset[str]]
    interview: frozenset[str]
    negated_light: frozenset[str]
    light: frozenset[str]
    verbs: frozenset[str]
    agencies: frozenset[str]

    #: Place nouns and the words that only stand inside a place phrase.
    placeish_words: frozenset[str] = attrs.field(init=False)
    #: The prepositions of a place: in, to or from.
    place_preps: frozenset[str] = attrs.field(init=False)
    #: The words after which a place takes no part in an event: the
    #: ``not_actor`` words and the place-ish ones.
    not_actor_words: frozenset[str] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        words = self.role("place_noun") | self.role("place_part")
        object.__setattr__(self, "placeish_words", words)
        object.__setattr__(self, "place_preps", self.role("in") | self.role("to") | self.role("from"))
        object.__setattr__(self, "not_actor_words", self.role("not_actor") | words)

    def role(self, role: str) -> frozenset[str]:
        """The words of one role (empty for a role the table lacks)."""
        return self.roles.get(role, _NO_WORDS)

    def has(self, role: str, key: str) -> bool:
        return key in self.roles.get(role, _NO_WORDS)

    def placeish(self, key: str) -> bool:
        """A place noun, or a word that only stands inside a place phrase."""
        return key in self.placeish_words


_lock = threading.Lock()


@functools.cache
def _load_cues() -> _Cues:
    kinds = {k.value for k in EventKind} | {"none"}
    trigger_rows = []
    for row in _resources.rows(_TRIGGERS_FILE):
        if len(row) < 2 or row[0] not in kinds or not row[1]:
            continue
        trigger_rows.append((row[0], row[1]))
    roles: dict[str, set[str]] = {}
    time_rows = []
    interview: set[str] = set()
    for row in _resources.rows(_CUES_FILE):
        if len(row) < 2 or not row[1]:
            continue
        role, form = row[0], row[1]
        if role in ("time", "not_time"):
            time_rows.append(("none" if role == "not_time" else "time", form))
        elif role == "interview":
            interview.add(_key(form.split()[0]))
        else:
            roles.setdefault(role, set()).add(_key(form))
    light = frozenset().union(*(_conjugations(p, r, compound=True) for p, r in _LIGHT_VERBS))
    negated = frozenset("ن" + c for c in light)
    agencies = frozenset(" ".join(_key(w) for w in k.split()) for k in _resources.table("agencies.tsv"))
    triggers = _compile(trigger_rows, suffixes=True)
    verbs = set(light)
    for compiled in (*triggers.by_first.values(), triggers.loc_first):
        for f in compiled:
            for element, keys in f.elements:
                if element == _VERB:
                    verbs |= keys
    return _Cues(
        triggers=triggers,
        verbs=frozenset(verbs),
        times=_compile(time_rows, suffixes=False),
        roles={k: frozenset(v) for k, v in roles.items()},
        interview=frozenset(interview),
        negated_light=negated,
        light=light,
        agencies=agencies,
    )


def _cues() -> _Cues:
    with _lock:
        return _load_cues()


def _packaged_gazetteer() -> Any:
    """The packaged gazetteer, or ``None`` where persnews has none."""
    try:
        from persnews.gazetteer import Gazetteer
    except ImportError:  # pragma: no cover - the gazetteer ships with persnews
        return None
    return Gazetteer.default()


@functools.lru_cache(maxsize=1 << 16)
def _name_key(word: str) -> str:
    """The gazetteer's key of a word (cached: words repeat, and keying costs)."""
    from persnews.gazetteer import name_key

    return name_key(word)


# --- one sentence as words ---------------------------------------------------


class _Words:
    """The tokens of a sentence regrouped into words (``می رود`` is one).

    The words' offsets are read from the tokens on first use: most sentences
    are set aside on their keys alone."""

    __slots__ = ("_ends", "_starts", "_tokens", "keys")

    def __init__(self, tokens: Tokens) -> None:
        # The packed view: no Token object is built.  (``replace`` gives back
        # the string itself when it holds no ZWNJ.)
        keys = [norm.replace(_ZWNJ, "") for norm in tokens.norms]
        self._tokens = tokens
        self._starts: Sequence[int] | None = None
        self._ends: Sequence[int] | None = None
        if not _JOINING.isdisjoint(keys):  # few sentences: می رود، کتاب ها
            keys, self._starts, self._ends = _joined(keys, tokens.starts, tokens.ends)
        self.keys = keys

    @property
    def starts(self) -> Sequence[int]:
        """Where each word starts in the original text."""
        if self._starts is None:
            self._starts = self._tokens.starts
        return self._starts

    @property
    def ends(self) -> Sequence[int]:
        """Where each word ends in the original text."""
        if self._ends is None:
            self._ends = self._tokens.ends
        return self._ends

    def __len__(self) -> int:
        return len(self.keys)

    def index_at(self, offset: int) -> int:
        """The word that contains (or, failing that, follows) ``offset``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.ends[i] > offset:
            return i
        return i + 1


def _is_word(key: str) -> bool:
    return bool(key) and key[0].isalpha()


def _joined(
    token_keys: list[str], token_starts: Sequence[int], token_ends: Sequence[int]
) -> tuple[list[str], list[int], list[int]]:
    """The words of tokens some of which belong to the word before or after."""
    keys: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    join_next = False
    for key, start, end in zip(token_keys, token_starts, token_ends, strict=True):
        if keys and join_next and _is_word(key):
            keys[-1] += key
            ends[-1] = end
            join_next = False
            continue
        if keys and key in _JOIN_PREVIOUS and _is_word(keys[-1]) and keys[-1] not in _JOIN_NEXT:
            keys[-1] += key
            ends[-1] = end
            continue
        keys.append(key)
        starts.append(start)
        ends.append(end)
        join_next = key in _JOIN_NEXT
    return keys, starts, ends


# --- places, names and times in a sentence ---------------------------------

# Mentions, places and matches are named tuples: a sentence builds dozens.


class _Mention(NamedTuple):
    start: int
    end: int
    kind: EntityKind
    entity: str | None  # None for a name the gazetteer knows but no entity holds
    subtype: str | None
    key: str  # what tells two participants apart


class _Place(NamedTuple):
    """A place in a sentence: ``ws:we`` are its words, ``lead`` the first
    word of its phrase (place nouns and quote marks before the name)."""

    ws: int
    we: int
    lead: int
    tail: int
    start: int
    end: int
    entity: str | None
    subtype: str | None


def _argument(text: str, start: int, end: int, entity: str | None) -> Argument:
    return trusted(Argument, start=start, end=end, text=text[start:end], entity=entity)


_KIND_TYPES = frozenset({EntityKind})
_STARTS = operator.attrgetter("starts")
_ENDS = operator.attrgetter("ends")
_KINDS = operator.attrgetter("kinds")


def _mention_kind(kind: EntityKind | None, entity_kind: EntityKind) -> EntityKind:
    """A mention's own kind, or its entity's where it has none."""
    if kind is None:
        return entity_kind
    return kind if type(kind) is EntityKind else EntityKind(kind)


class _Context:
    """What the extractor reads from one article."""

    def __init__(self, article: Article) -> None:
        self.text = article.text
        self.cues = _cues()
        # Every entity mention, as parallel arrays sorted by (start, -end): a
        # long text names its people thousands of times, and a _Mention is
        # built only for the mentions a sentence asks for.
        # (arrays, not lists: a list would keep an int object alive per offset;
        # filled by C-level passes over the entities)
        chain = itertools.chain.from_iterable
        mentions = [entity.mentions for entity in article.entities]
        starts = array("q", chain(map(_STARTS, mentions)))
        ends = array("q", chain(map(_ENDS, mentions)))
        # (the entity of every mention: references, no int objects)
        owners = list(chain(map(itertools.repeat, article.entities, map(len, mentions))))
        kinds: list[EntityKind] = list(chain(map(_KINDS, mentions)))
        if not _KIND_TYPES.issuperset(map(type, kinds)):  # the entity step gives every mention a kind
            kinds = [
                _mention_kind(k, entity.kind) for entity in article.entities for k in entity.mentions.kinds
            ]
        del mentions
        # Text order: by start, the longer first (two stable sorts).
        order = sorted(range(len(starts)), key=ends.__getitem__, reverse=True)
        order.sort(key=starts.__getitem__)
        self.mention_starts = array("q", map(starts.__getitem__, order))
        self.mention_ends = array("q", map(ends.__getitem__, order))
        self.mention_entities: tuple[Entity, ...] = tuple(map(owners.__getitem__, order))
        self.mention_kinds = tuple(map(kinds.__getitem__, order))
        self.times = sorted(
            (t for t in article.times if t.kind != TimeKind.DURATION), key=lambda t: (t.start, t.end)
        )
        self.time_starts = [t.start for t in self.times]
        self.have_entities = bool(article.entities)
        # The packaged gazetteer names the places the entity step missed.
        self.gazetteer = _packaged_gazetteer()
        agency = article.source_agency
        # The outlet credited for the report is never a participant.
        self.agency_span = (agency.start, agency.end) if agency is not None else (-1, -1)

    def mention(self, i: int) -> _Mention:
        """The ``i``-th mention in text order."""
        entity = self.mention_entities[i]
        return _Mention(
            self.mention_starts[i],
            self.mention_ends[i],
            self.mention_kinds[i],
            entity.id,
            entity.subtype,
            entity.id,
        )

    def times_in(self, start: int, end: int) -> list[TimeExpression]:
        i = bisect.bisect_left(self.time_starts, start)
        out = []
        while i < len(self.times) and self.times[i].start < end:
            if self.times[i].end <= end:
                out.append(self.times[i])
            i += 1
        return out

    def entity_at(self, start: int, end: int, prefer: EntityKind = EntityKind.LOCATION) -> str | None:
        """The entity one of whose mentions overlaps ``start:end``."""
        starts, ends = self.mention_starts, self.mention_ends
        i = bisect.bisect_left(starts, start)
        # Mentions that start before ``start`` may still overlap it.
        j = i
        while j > 0 and ends[j - 1] > start and i - j < 8:
            j -= 1
        found: str | None = None
        while j < len(starts) and starts[j] < end:
            if ends[j] > start:
                entity = self.mention_entities[j].id
                if self.mention_kinds[j] == prefer:
                    return entity
                found = found or entity
            j += 1
        return found


class _Sentence:
    """One sentence prepared for matching: words, places, names, clauses."""

    def __init__(self, ctx: _Context, sentence: Sentence, words: _Words | None = None) -> None:
        self.ctx = ctx
        cues = ctx.cues
        self.words = words = _Words(sentence.tokens) if words is None else words
        n = len(words)
        # Clause number of every word.
        clause_words = cues.role("clause")
        if clause_words.isdisjoint(words.keys):
            self.clause = [0] * n
        else:
            # (a running sum of booleans, from 0: each clause word opens the next clause)
            self.clause = list(itertools.accumulate(map(clause_words.__contains__, words.keys), initial=0))
            del self.clause[0]
        # Words whose names credit the report (به گزارش فارس، خبرنگار مهر).
        self.attribution = _attribution(words.keys, cues.role("attribution"))
        self.mentions = []
        starts, ends = ctx.mention_starts, ctx.mention_ends
        word_starts, word_ends = words.starts, words.ends
        last = sentence.end
        # The mentions inside the sentence (they are sorted by start), and
        # their words: from the one holding (or, failing that, following)
        # the start to the last that starts before the end.
        for i in range(bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, last)):
            start, end = starts[i], ends[i]
            if end <= last:
                ws = bisect.bisect_right(word_starts, start) - 1
                if ws < 0 or word_ends[ws] <= start:
                    ws += 1
                we = bisect.bisect_left(word_starts, end)
                if ws < we:
                    self.mentions.append((ws, we, ctx.mention(i)))
        # Words inside a mention.
        named = [False] * n
        for ws, we, _m in self.mentions:
            named[ws:we] = [True] * (we - ws)
        if ctx.gazetteer is not None:
            known = self._known_names(ctx.gazetteer, named)
            if known:
                self.mentions.extend(known)
                self.mentions.sort(key=lambda c: (c[0], -c[1]))
                for ws, we, _m in known:
                    named[ws:we] = [True] * (we - ws)
        self.places = self._places(named)
        self.place_ws = [p.ws for p in self.places]
        self.mention_ws = [ws for ws, _we, _m in self.mentions]
        self.place_by_tail = {p.tail: p for p in self.places}
        self.loc_by_end = {we: ws for ws, we, m in self.mentions if m.kind == EntityKind.LOCATION}
        for p in self.places:
            self.loc_by_end.setdefault(p.tail, p.lead)
        self.place_by_lead: dict[int, _Place] = {}
        for p in self.places:
            for lead in range(p.lead, p.ws + 1):
                best = self.place_by_lead.get(lead)
                if best is None or p.tail > best.tail:
                    self.place_by_lead[lead] = p

    def _known_names(self, gazetteer: Any, named: list[bool]) -> list[tuple[int, int, _Mention]]:
        """Places the packaged gazetteer knows where no entity mention stands
        (they place events; participants come from entities only)."""
        words = self.words
        out: list[tuple[int, int, _Mention]] = []
        location = EntityKind.LOCATION
        for match in gazetteer.match(words.keys, keys=list(map(_name_key, words.keys))):
            # Most names the gazetteer knows the entity step found: tested first.
            if True in named[match.start : match.end]:
                continue
            for entry in match.entries:
                if entry.kind == location:
                    break
            else:
                continue
            start, end = words.starts[match.start], words.ends[match.end - 1]
            mention = _Mention(start, end, EntityKind.LOCATION, None, entry.subtype, entry.name)
            out.append((match.start, match.end, mention))
        return out

    # -- places --

    def _places(self, named: list[bool]) -> list[_Place]:
        """The places of the sentence (``named``: which words stand inside a mention)."""
        words, cues = self.words, self.ctx.cues
        found: dict[tuple[int, int], _Place] = {}
        for ws, we, m in self.mentions:
            if m.kind == EntityKind.LOCATION:
                found[(ws, we)] = self._place(ws, we, m.start, m.end, m.entity, m.subtype)
        n = len(words)
        # A place noun inside a mention is part of a name (فرودگاه امام
        # خمینی), and a name there is already known.
        place_nouns, placeish = cues.role("place_noun"), cues.placeish_words
        for i in itertools.compress(range(n), map(place_nouns.__contains__, words.keys)):
            if named[i]:
                continue
            j = i + 1
            while j < n and j - i <= 3 and (words.keys[j] in placeish or self._epithet(words.keys[j])):
                j += 1
            if j >= n:
                continue
            name: tuple[int, int] | None = None
            close = _QUOTES_OPEN.get(words.keys[j])
            if close is not None:
                k = j + 1
                while k < n and k - j <= 6 and words.keys[k] != close:
                    k += 1
                if (
                    k < n
                    and words.keys[k] == close
                    and k > j + 1
                    and all(_is_word(words.keys[x]) for x in range(j + 1, k))
                ):
                    name = (j + 1, k)
            elif (
                cues.has("name_head", words.keys[j])
                and j + 1 < n
                and self._name_like(j + 1, after_title=True)
            ):
                name = (j, j + 2)
            elif self._name_like(j):
                tail = j + 1
                if tail < n and cues.has("name_tail", words.keys[tail]):
                    tail += 1
                name = (j, tail)
            if name is None or name in found or True in named[name[0] : name[1]]:
                continue
            s, e = words.starts[name[0]], words.ends[name[1] - 1]
            found[name] = self._place(name[0], name[1], s, e, self.ctx.entity_at(s, e), None)
        # The reporter formula names a place: در گفت‌وگو با خبرنگار فارس در زنجان.
        for i in itertools.compress(range(n), map(_REPORTER.__contains__, words.keys)):
            for j in range(i + 1, min(n - 1, i + 4)):
                if words.keys[j] != "در":
                    continue
                k = j + 1
                if not named[k] and (k, k + 1) not in found and self._name_like(k):
                    tail = k + 2 if k + 1 < n and cues.has("name_tail", words.keys[k + 1]) else k + 1
                    s, e = words.starts[k], words.ends[tail - 1]
                    found[(k, tail)] = self._place(k, tail, s, e, self.ctx.entity_at(s, e), None)
                break
        return sorted(found.values(), key=lambda p: (p.ws, p.we))

    def _name_like(self, j: int, *, after_title: bool = False) -> bool:
        """Whether the word after a place noun reads as a name (an adjective in
        ``ی`` does not, except as the surname after a title)."""
        words, cues = self.words, self.ctx.cues
        key = words.keys[j]
        if not _is_word(key) or len(key) < 2 or cues.has("not_name", key) or cues.placeish(key):
            return False
        if cues.has("name_head", key) or (key.endswith("ی") and not after_title):
            return False
        if key in cues.triggers.by_first or key in cues.verbs or cues.has("aux", key):
            return False
        after = words.keys[j + 1] if j + 1 < len(words) else ""
        # A name is seldom the last word of a sentence; a verb is.
        return after not in cues.verbs and after not in (".", "!", "؟", "?")

    def _place(
        self, ws: int, we: int, start: int, end: int, entity: str | None, subtype: str | None
    ) -> _Place:
        words, cues = self.words, self.ctx.cues
        keys = words.keys
        lead = ws
        while lead > 0 and ws - lead < 4:
            prev = keys[lead - 1]
            if prev in _QUOTES_OPEN or cues.placeish(prev):
                lead -= 1
            elif lead > 1 and cues.placeish(keys[lead - 2]) and self._epithet(prev):
                # منطقه صنعتی «البوشریه»، شهر مقدس قم: an adjective only after a place noun.
                lead -= 2
            else:
                break
        tail = we
        if tail < len(words) and words.keys[tail] in ("»", '"', "”"):
            tail += 1
        return _Place(ws, we, lead, tail, start, end, entity, subtype)

    def _epithet(self, key: str) -> bool:
        """Whether ``key``, between a place noun and a name, is an adjective of the place
        (صنعتی، مقدس، زلزله‌زده)."""
        return _adjective(key) or self.ctx.cues.has("epithet", key)

    def preposition(self, place: _Place) -> str | None:
        return self.governor(place.lead)

    def governor(self, lead: int) -> str | None:
        """The word that governs a place starting at word ``lead``, looking
        through a list of places (``از سوریه و عراق``)."""
        keys = self.words.keys
        k = lead
        for _ in range(8):
            while k > 0 and keys[k - 1] in _QUOTES_OPEN:
                k -= 1
            if k == 0:
                return None
            prev = keys[k - 1]
            if prev in ("و", "،", ",") and k - 1 in self.loc_by_end:
                k = self.loc_by_end[k - 1]
                continue
            return prev
        return None

    # -- distances --

    def near(self, positions: list[int], t0: int, t1: int) -> range:
        """Indices of the sorted ``positions`` close enough to ``t0:t1`` to be
        an argument (a cost never falls below the distance in words)."""
        lo = bisect.bisect_left(positions, t0 - _WINDOW)
        hi = bisect.bisect_right(positions, t1 + _WINDOW)
        return range(lo, hi)

    def cost(self, a: int, b: int) -> int:
        """Words between positions ``a`` and ``b``, a clause boundary costing more."""
        lo, hi = (a, b) if a <= b else (b, a)
        hi = min(hi, len(self.clause) - 1)
        return (hi - lo) + _CLAUSE_COST * abs(self.clause[hi] - self.clause[lo])


def _attribution(keys: list[str], attribution_words: frozenset[str]) -> list[bool]:
    """Which words name who credits the report (به گزارش فارس، خبرنگار مهر)."""
    n = len(keys)
    out = [False] * n
    if attribution_words.isdisjoint(keys):
        return out  # most sentences credit no one
    for i, key in enumerate(keys):
        if key not in attribution_words:
            continue
        if key in ("گزارش", "نقل"):
            if i == 0 or keys[i - 1] != "به":
                continue
            reach = 8
        else:
            reach = 2
        for j in range(i + 1, min(n, i + 1 + reach)):
            k = keys[j]
            if k in _QUOTES_OPEN or k in ("»", "”"):
                continue
            if not _is_word(k) or (k in _STOP_ATTRIBUTION and not (k == "از" and j == i + 1)):
                break
            out[j] = True
    return out


def _adjective(key: str) -> bool:
    return len(key) > 2 and key.endswith("ی") and key[0].isalpha()


# --- matching triggers ----------------------------------------------------------


class _Match(NamedTuple):
    kind: str
    start: int  # first word of the match
    end: int  # one past its last word
    trigger: tuple[int, int]
    slot: _Place | None
    nominal: bool
    base: str
    verb: int  # the word of the verb, or -1


def _match_form(form: _Form, sent: _Sentence, i: int, aux: frozenset[str]) -> _Match | None:
    keys = sent.words.keys
    n = len(keys)
    j = i
    parts: list[tuple[int, int, int]] = []  # (element kind, start, end)
    slot: _Place | None = None
    verb = -1
    for kind, options in form.elements:
        if kind == _LIT:
            if j >= n or keys[j] not in options:
                return None
            parts.append((kind, j, j + 1))
            j += 1
        elif kind == _VERB:
            k = j
            while k < n and k - j < 2 and keys[k] in aux:
                k += 1
            if k >= n or keys[k] not in options:
                return None
            parts.append((kind, j, k + 1))
            verb = k
            j = k + 1
        else:
            place = sent.place_by_lead.get(j)
            if place is None:
                return None
            parts.append((kind, j, place.tail))
            slot = place
            j = place.tail
    if slot is None:
        # در مصاحبه‌ای، با اعلام: the preposition is not part of the trigger.
        a, b = i, j
        while b - a > 1 and keys[a] in _EDGE_WORDS:
            a += 1
        while b - a > 1 and keys[b - 1] in _EDGE_WORDS:
            b -= 1
        trigger: tuple[int, int] | None = (a, b)
    else:
        trigger = _content_run(parts, keys)
    if trigger is None:
        return None
    return _Match(form.kind, i, j, trigger, slot, form.nominal, form.base, verb)


def _content_run(parts: list[tuple[int, int, int]], keys: Sequence[str]) -> tuple[int, int] | None:
    """The first stretch of the pattern between places that is not grammar."""
    run: list[tuple[int, int]] = []
    for kind, s, e in [*parts, (_LOC, -1, -1)]:
        if kind == _LOC:
            content = [(a, b) for a, b in run if not (b - a == 1 and keys[a] in _FUNCTION_WORDS)]
            if content:
                return content[0][0], content[-1][1]
            run = []
        else:
            run.append((s, e))
    return None


def _matches(sent: _Sentence, lexicon: _Lexicon, aux: frozenset[str]) -> list[_Match]:
    keys = sent.words.keys
    out = []
    place_by_lead = sent.place_by_lead
    n, loc_next = len(keys), lexicon.loc_next
    # Most words start no form: the words that may, found in one C-level pass.
    starts = set(itertools.compress(range(len(keys)), map(lexicon.by_second.__contains__, keys)))
    starts.update(place_by_lead)
    i = 0  # where the next match may start
    for start in sorted(starts):
        if start < i:
            continue  # inside the match before
        best: _Match | None = None
        candidates = lexicon.candidates(keys, start, start + 1 in place_by_lead)
        place = place_by_lead.get(start)
        if place is not None and (loc_next is None or (place.tail < n and keys[place.tail] in loc_next)):
            candidates = candidates + lexicon.loc_first
        for form in candidates:
            m = _match_form(form, sent, start, aux)
            if m is not None and (
                best is None or m.end > best.end or (m.end == best.end and m.kind == "none" != best.kind)
            ):
                best = m
        if best is None:
            continue
        if best.kind != "none":
            out.append(best)
        i = best.end
    return out


# --- arguments ------------------------------------------------------------------

# What the reporter saw where the credit line places the report: the
# meeting or ceremony where someone spoke, a statement, a visit.  An attack or
# a death a speaker recalls happened elsewhere.
_EVENT_KINDS = {kind.value: kind for kind in EventKind}
_DATELINE_KINDS = frozenset({EventKind.MEETING, EventKind.ANNOUNCEMENT, EventKind.VISIT, EventKind.PROTEST})
# The kinds of mention that may take part in an event.
_ACTOR_KINDS = frozenset({EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.LOCATION})
_TO_KINDS = frozenset({EventKind.TRAVEL, EventKind.ATTACK, EventKind.VISIT})
_FROM_KINDS = frozenset({EventKind.VISIT})
_GENITIVE_KINDS = frozenset(
    {
        EventKind.MEETING,
        EventKind.TRAVEL,
        EventKind.VISIT,
        EventKind.ATTACK,
        EventKind.EXPLOSION,
        EventKind.ACCIDENT,
        EventKind.PROTEST,
        EventKind.ELECTION,
    }
)


def _location(sent: _Sentence, kind: EventKind, match: _Match) -> _Place | None:
    if match.slot is not None:
        return match.slot
    cues = sent.ctx.cues
    t0, t1 = match.trigger
    best: tuple[int, int, _Place] | None = None
    for k in sent.near(sent.place_ws, t0, t1):
        place = sent.places[k]
        prep = sent.preposition(place)
        ok = prep is not None and (
            cues.has("in", prep)
            or (kind in _TO_KINDS and cues.has("to", prep))
            or (kind in _FROM_KINDS and cues.has("from", prep))
        )
        if not ok and match.nominal and place.lead == t1 and kind in _GENITIVE_KINDS:
            after = sent.words.keys[place.tail] if place.tail < len(sent.words) else ""
            ok = place.subtype != "country" and not cues.has("opposing", after)
        if not ok or sent.attribution[place.ws]:
            continue
        anchor = t0 if place.ws < t0 else t1 - 1
        cost = sent.cost(anchor, place.ws)
        if cost > _WINDOW:
            continue
        rank = (cost, 0 if place.ws >= t1 else 1, place)
        if best is None or rank[:2] < best[:2]:
            best = rank
    if best is not None:
        return best[2]
    if match.nominal:
        return _held_at(sent, match)
    return None


def _held_at(sent: _Sentence, match: _Match) -> _Place | None:
    """The place of ``<event> ... در <place> برگزار شد``: the place right before
    the verb that says the event is held, however long the noun phrase."""
    cues = sent.ctx.cues
    keys = sent.words.keys
    # The words of the trigger's clause after the match (clause numbers never
    # go down), and the first verb of holding among them.
    end = min(
        len(keys), match.end + _HELD_REACH, bisect.bisect_right(sent.clause, sent.clause[match.trigger[0]])
    )
    held = cues.role("held")
    k = next(itertools.compress(range(match.end, end), map(held.__contains__, keys[match.end : end])), None)
    if k is None:
        return None
    place = sent.place_by_tail.get(k)
    if place is not None:
        prep = sent.preposition(place)
        if prep is not None and cues.has("in", prep):
            return place
    return None


def _participants(sent: _Sentence, match: _Match, location: _Place | None) -> list[tuple[int, _Mention]]:
    cues = sent.ctx.cues
    t0, t1 = match.trigger
    chosen: dict[str, tuple[int, int, _Mention]] = {}
    for k in sent.near(sent.mention_ws, t0, t1):
        ws, _we, m = sent.mentions[k]
        if m.entity is None or m.kind not in _ACTOR_KINDS:
            continue
        if t0 <= ws < t1 or sent.attribution[ws]:
            continue
        if m.start < sent.ctx.agency_span[1] and sent.ctx.agency_span[0] < m.end:
            continue
        if location is not None and _same_place(m, location):
            continue
        if m.kind == EntityKind.LOCATION:
            governor = sent.governor(ws)
            if governor is not None and governor in cues.not_actor_words:
                continue
        if sent.clause[min(ws, len(sent.clause) - 1)] != sent.clause[t0]:
            continue
        anchor = t0 if ws < t0 else t1 - 1
        cost = sent.cost(anchor, ws)
        if cost > _WINDOW:
            continue
        prev = chosen.get(m.key)
        if prev is None or cost < prev[0]:
            chosen[m.key] = (cost, ws, m)
    nearest = sorted(chosen.values(), key=lambda c: (c[0], c[1]))[:_MAX_PARTICIPANTS]
    return sorted(((ws, m) for _, ws, m in nearest), key=lambda c: (c[1].start, c[1].end))


_MET_ON_A_TRIP = frozenset({EventKind.MEETING, EventKind.VISIT})


def _same_place(m: _Mention, place: _Place) -> bool:
    """Whether mention ``m`` names ``place`` (its entity, or words of it)."""
    same_entity = m.entity is not None and m.entity == place.entity
    return same_entity or (m.start < place.end and place.start < m.end)


def _met_on_the_trip(drafts: list[_Draft]) -> None:
    """``با سفر به قم با مراجع تقلید دیدار کرد``: a meeting or visit told after a trip in the
    same sentence, with no place of its own, is where the trip went (the place is then no
    participant of it)."""
    trip = next((d for d in drafts if d.kind == EventKind.TRAVEL and d.location is not None), None)
    if trip is None or trip.location is None:
        return
    place = trip.location
    for d in drafts:
        if d.kind in _MET_ON_A_TRIP and d.location is None and d.trigger[0] > trip.trigger[0]:
            d.location = place
            d.participants = [(ws, m) for ws, m in d.participants if not _same_place(m, place)]


def _office_before(sent: _Sentence, match: _Match) -> bool:
    """Whether an office (a role without a name: رئیس جمهور، وزیر کشور) stands before the
    trigger in its clause, within reach: someone who can travel."""
    t0 = match.trigger[0]
    clause = sent.clause[min(t0, len(sent.clause) - 1)]
    return any(
        m.kind == EntityKind.ROLE and ws < t0 and sent.clause[ws] == clause and sent.cost(ws, t0) <= _WINDOW
        for ws, _we, m in sent.mentions
    )


def _sentence_times(sent: _Sentence, fallback: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """The sentence's times as (first word, start, end), in text order."""
    ctx = sent.ctx
    words = sent.words
    cues = ctx.cues
    out = []
    if ctx.times:
        # «در دوشنبه» is the city: a time that is also a place after a preposition is no time.
        placed = []
        for p in sent.places:
            prep = sent.preposition(p)
            if prep is not None and prep in cues.place_preps:
                placed.append((p.start, p.end))
        lo, hi = words.starts[0], words.ends[-1]
        for t in ctx.times_in(lo, hi):
            if not any(s < t.end and t.start < e for s, e in placed):
                out.append((words.index_at(t.start), t.start, t.end))
        return out
    for ws, we in fallback:
        # «دوشنبه» after شهر is the city, not the weekday.
        before = words.keys[ws - 1] if ws > 0 else ""
        if before in _QUOTES_OPEN or cues.has("place_noun", before):
            continue
        out.append((ws, words.starts[ws], words.ends[we - 1]))
    return out


def _time(
    sent: _Sentence, match: _Match, times: list[tuple[int, int, int]], time_ws: list[int]
) -> tuple[int, int] | None:
    """The nearest time as an original (start, end), or ``None``."""
    t0, t1 = match.trigger
    last = len(sent.words) - 1
    best: tuple[int, int, int] | None = None
    for k in sent.near(time_ws, t0, t1):
        ws, s, e = times[k]
        if t0 <= ws < t1:
            continue
        anchor = t0 if ws < t0 else t1 - 1
        cost = sent.cost(anchor, min(ws, last))
        if cost > _WINDOW:
            continue
        if best is None or cost < best[0]:
            best = (cost, s, e)
    return (best[1], best[2]) if best is not None else None


def _asserted(sent: _Sentence, match: _Match) -> bool:
    """Whether a verb trigger tells that something happens: not a verb after a
    modal in its clause (``باید گفت‌وگو کنیم``، ``باید مذاکره می‌کرد``، ``اگر
    حمله کنند``) nor a participle used as an adjective (``آدرس اعلام شده از
    سوی شرکت``، ``نفت توقیف شده``)."""
    cues = sent.ctx.cues
    keys = sent.words.keys
    t0 = match.trigger[0]
    clause = sent.clause[t0]
    for k in range(t0 - 1, max(-1, t0 - 1 - _MODAL_REACH), -1):
        if sent.clause[k] != clause:
            break
        if cues.has("modal", keys[k]):
            return False
    verb = keys[match.verb]
    if verb.endswith("شده") and match.verb + 1 < len(keys):
        after = keys[match.verb + 1]
        # «دستگیر شده و ...»، «اعلام شده که ...» are verbs cut short.
        if (
            _is_word(after)
            and after not in ("و", "که")
            and not cues.has("perfect_aux", after)
            and after not in cues.verbs
        ):
            return False
    return True


def _negated(sent: _Sentence, match: _Match) -> bool:
    """A noun trigger whose light verb, a few words on, is negated
    (``حمله نکرد``، ``مورد هجوم منتقدان قرار نگرفت``)."""
    cues = sent.ctx.cues
    keys = sent.words.keys
    for k in range(match.end, min(len(keys), match.end + _NEGATION_REACH)):
        key = keys[k]
        if key in cues.negated_light:
            return True
        if not _is_word(key) or cues.has("clause", key) or key in cues.verbs:
            return False
    return False


def _near_sports(sent: _Sentence, match: _Match) -> bool:
    """Whether sports words stand near the trigger (دیدار دو تیم در لیگ)."""
    cues = sent.ctx.cues
    keys = sent.words.keys
    t0, t1 = match.trigger
    lo, hi = max(0, t0 - _SPORTS_REACH), min(len(keys), t1 + _SPORTS_REACH)
    return not cues.role("sports").isdisjoint(keys[lo:hi])


def _interview_with_press(sent: _Sentence, match: _Match) -> bool:
    """``گفت‌وگو با خبرنگار فارس`` and ``گفت‌وگو ... با ایرنا`` are interviews."""
    cues = sent.ctx.cues
    keys = sent.words.keys
    for j in range(match.end, min(len(keys), match.end + _MAX_LOOKAHEAD_PRESS)):
        if keys[j] != "با":
            continue
        # گفت‌وگو با این پایگاه: the outlet told of before
        first = j + 2 if j + 2 < len(keys) and cues.has("demonstrative", keys[j + 1]) else j + 1
        for width in (1, 2, 3):
            phrase = " ".join(keys[first : first + width])
            if phrase in cues.agencies or cues.has("press", phrase):
                return True
        # گفت‌وگو با نیوزویک: an outlet the entity step names
        return any(ws == first and m.subtype in _OUTLETS for ws, _we, m in sent.mentions)
    return False


_OUTLETS = frozenset({"news_agency", "newspaper", "news_site", "broadcaster", "magazine"})


# --- events ---------------------------------------------------------------------


@attrs.define(slots=True)
class _Draft:
    kind: EventKind
    trigger: tuple[int, int]  # original offsets
    verbal: bool
    location: _Place | None
    participants: list[tuple[int, _Mention]]
    time: tuple[int, int] | None


def _sentence_events(
    ctx: _Context,
    sentence: Sentence,
    dateline: tuple[int, int, str | None] | None,
    prepared: _Sentence | None = None,
    words: _Words | None = None,
) -> list[_Draft]:
    """The events of one sentence (``prepared``: the sentence already prepared,
    if it was; ``words``: its words, if they were read)."""
    if not sentence.tokens:
        return []
    cues = ctx.cues
    if prepared is not None:
        words = prepared.words
    elif words is None:
        words = _Words(sentence.tokens)
    if not cues.triggers.may_match(words.keys):
        return []  # most sentences name no event: skip preparing their places and names
    sent = _Sentence(ctx, sentence, words) if prepared is None else prepared
    aux = cues.roles.get("aux", frozenset())
    matches = _matches(sent, cues.triggers, aux)
    if not matches:
        return []
    fallback = (
        [] if ctx.times else [(m.start, m.end) for m in _matches(sent, cues.times, aux) if m.kind == "time"]
    )
    times = _sentence_times(sent, fallback)
    time_ws = [ws for ws, _, _ in times]
    drafts: list[_Draft] = []
    for match in matches:
        kind = _EVENT_KINDS[match.kind]
        t0, t1 = match.trigger
        if match.nominal and _negated(sent, match):
            continue
        if match.verb >= 0 and not _asserted(sent, match):
            continue
        if kind == EventKind.MEETING and match.base in cues.interview and _interview_with_press(sent, match):
            kind = EventKind.ANNOUNCEMENT
        if kind == EventKind.MEETING and cues.has("fixture", match.base) and _near_sports(sent, match):
            continue
        location = _location(sent, kind, match)
        participants = _participants(sent, match, location)
        if (
            kind == EventKind.TRAVEL
            and ctx.have_entities
            and not any(m.kind != EntityKind.LOCATION for _, m in participants)
            and not _office_before(sent, match)
        ):
            # Someone travels; a storm or a shipment "entering" a city does not.
            continue
        time = _time(sent, match, times, time_ws)
        if match.nominal and location is None:
            if t0 > 0 and cues.has("demonstrative", words.keys[t0 - 1]):
                continue
            if not participants and time is None and not (dateline and kind in _DATELINE_KINDS):
                continue
        trigger = (words.starts[t0], words.ends[t1 - 1])
        drafts.append(_Draft(kind, trigger, not match.nominal, location, participants, time))
    _met_on_the_trip(drafts)
    if dateline is not None:
        for d in drafts:
            if d.location is None and d.kind in _DATELINE_KINDS:
                s, e, entity = dateline
                d.location = _Place(0, 0, 0, 0, s, e, entity, None)
    return _merge(drafts)


def _place_key(place: _Place | None) -> object:
    if place is None:
        return None
    return place.entity if place.entity is not None else (place.start, place.end)


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One event per kind and place: a draft joins an earlier one of its kind
    at the same place, or one without a place (or, placeless, the first)."""
    out: list[_Draft] = []
    by_place: dict[tuple[EventKind, object], _Draft] = {}
    first: dict[EventKind, _Draft] = {}
    for d in drafts:
        key = _place_key(d.location)
        prev = by_place.get((d.kind, key))
        if prev is None:
            prev = first.get(d.kind) if key is None else by_place.get((d.kind, None))
        if prev is None:
            out.append(d)
            by_place[(d.kind, key)] = d
            first.setdefault(d.kind, d)
            continue
        if d.verbal and not prev.verbal:
            # The verb names the event better than a noun before it.
            prev.trigger, prev.verbal = d.trigger, True
        if prev.location is None and d.location is not None:
            prev.location = d.location
            by_place.pop((d.kind, None), None)
            by_place[(d.kind, key)] = prev
        prev.time = prev.time or d.time
        if len(prev.participants) < 2 * _MAX_PARTICIPANTS:
            seen = {m.key for _, m in prev.participants}
            extra = [(ws, m) for ws, m in d.participants if m.key not in seen]
            prev.participants = sorted(prev.participants + extra, key=lambda c: c[1].start)
    return out


def _dateline(
    ctx: _Context, article: Article, prepared: dict[int, _Sentence], read: dict[int, _Words]
) -> tuple[Sentence, tuple[int, int, str | None]] | None:
    """The place of the credit line ``به گزارش <outlet> از <place>،``, with the
    sentence it stands in.

    The sentences looked at are kept, by ``id``, in ``read`` (their words)
    and ``prepared`` (the one prepared), for the events to reuse: with a
    place found or not."""
    cues = ctx.cues
    for paragraph in article.paragraphs[:3]:
        for sentence in paragraph.sentences[:2]:
            words = read[id(sentence)] = _Words(sentence.tokens)
            keys = words.keys
            for i in range(min(len(keys) - 1, 4)):
                if keys[i] == "به" and keys[i + 1] == "گزارش":
                    break
            else:
                continue
            sent = prepared[id(sentence)] = _Sentence(ctx, sentence, words)
            for j in range(i + 2, min(len(keys) - 1, i + 12)):
                if keys[j] in ("،", ",", ":"):
                    break
                if keys[j] != "از" or keys[j - 1] == "نقل":
                    continue
                place = sent.place_by_lead.get(j + 1)
                if place is not None:
                    return sentence, (place.start, place.end, place.entity)
                k = j + 1
                after = keys[k + 1] if k + 1 < len(keys) else "،"
                if _is_word(keys[k]) and not cues.has("not_name", keys[k]) and after in ("،", ",", "به", "و"):
                    s, e = sent.words.starts[k], sent.words.ends[k]
                    return sentence, (s, e, ctx.entity_at(s, e))
                break
            return None
    return None


def _finish(ctx: _Context, d: _Draft) -> Event:
    text = ctx.text
    trigger = trusted(Span, start=d.trigger[0], end=d.trigger[1], text=text[d.trigger[0] : d.trigger[1]])
    location = None
    if d.location is not None:
        location = _argument(text, d.location.start, d.location.end, d.location.entity)
    participants = Arguments([_argument(text, m.start, m.end, m.entity) for _, m in d.participants])
    time = _argument(text, d.time[0], d.time[1], None) if d.time is not None else None
    return trusted(
        Event, kind=d.kind, trigger=trigger, participants=participants, location=location, time=time
    )


def extract_events(article: Article, normalized: Normalized) -> tuple[Event, ...]:
    """The events of a segmented article, in text order.

    The pipeline step's core: it reads the title and the sentences of
    ``article`` and, when earlier steps filled them, its ``entities`` (for
    places and participants), ``times`` and ``source_agency``; with none of
    them it still finds triggers, places named after a place noun and time
    words.

    Args:
        article: an article with ``title`` and ``paragraphs`` (from
            :func:`persnews.segment_article` or :func:`persnews.parse`).
        normalized: the normalisation the article was segmented from (its
            ``original`` is ``article.text``).

    Returns:
        The events; every span slices ``article.text``.

    Raises:
        TypeError: ``article`` is not an :class:`~persnews.Article` or
            ``normalized`` is not a :class:`~persnews.Normalized`.

    Example:
        >>> from persnews.segment import segment_article
        >>> art, norm = segment_article("انفجار در شهرستان گرمه\\n\\nخبر کوتاه.")
        >>> [(e.kind.value, e.location.text) for e in extract_events(art, norm)]
        [('explosion', 'گرمه')]
    """
    if not isinstance(article, Article):
        raise TypeError(f"extract_events() expects an Article, got {type(article).__name__}")
    if not isinstance(normalized, Normalized):
        raise TypeError(f"extract_events() expects a Normalized, got {type(normalized).__name__}")
    ctx = _Context(article)
    # The sentences the credit line was looked for in, read and prepared once.
    # (Keyed by id: the article keeps its sentences alive for the whole call.)
    prepared: dict[int, _Sentence] = {}
    read: dict[int, _Words] = {}
    found = _dateline(ctx, article, prepared, read)
    dateline_sentence, dateline = found if found is not None else (None, None)
    sentences: list[tuple[Sentence, bool]] = []
    if article.title is not None:
        sentences.append((article.title, True))
    for n, paragraph in enumerate(article.paragraphs):
        for sentence in paragraph.sentences:
            sentences.append((sentence, n == 0 or sentence is dateline_sentence))
    events = []
    for sentence, near_dateline in sentences:
        key = id(sentence)
        place = dateline if near_dateline else None
        for draft in _sentence_events(ctx, sentence, place, prepared.get(key), read.get(key)):
            events.append(_finish(ctx, draft))
    events.sort(key=lambda e: (e.trigger.start, e.trigger.end))
    return tuple(events)


def find_events(text: str, *, reference_date: dt.date | None = None) -> tuple[Event, ...]:
    """The events of a Persian news text: kind, trigger, place, time, participants.

    Runs :func:`persnews.parse` (so entities and times found by the default
    steps serve as arguments) and returns the article's events.

    Args:
        text: the article (headline on the first line, then paragraphs), or
            a single sentence.
        reference_date: the publication day, used to resolve times.

    Returns:
        The events in text order; every span slices ``text``.

    Raises:
        TypeError: ``text`` is not a ``str`` (decode ``bytes`` first), or
            ``reference_date`` is not a date.

    Example:
        >>> [e.kind.value for e in find_events("سه نفر در شهرستان گرمه دستگیر شدند.")]
        ['arrest']
    """
    from persnews._checks import require_str as check_text
    from persnews.normalize import normalize
    from persnews.pipeline import parse

    text = check_text(text, "find_events")
    article = parse(text, reference_date=reference_date)
    if article.events:
        return article.events
    return extract_events(article, normalize(text, digits="ascii"))
