"""The typed, immutable results of persnews.

Every class here is an ``attrs`` frozen, slotted class: it compares by value,
hashes, pickles, and round-trips through :meth:`to_dict` / :meth:`from_dict`
(and so through JSON).  Every span carries ``start``/``end`` character offsets
into the *original* text the caller passed in, and ``text`` is exactly
``original[start:end]``.

The classes hold no logic beyond their invariants; the extractors that build
them live in their own modules.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar, TypeVar

import attrs

from persnews import _serial

__all__ = [
    "SCHEMA_VERSION",
    "Amount",
    "AmountKind",
    "Argument",
    "Article",
    "Entity",
    "EntityKind",
    "Event",
    "EventKind",
    "Mention",
    "Paragraph",
    "Quote",
    "QuoteKind",
    "Sentence",
    "SourceAgency",
    "Span",
    "TimeExpression",
    "TimeKind",
    "Token",
]

#: Version of the dictionary / JSON schema produced by :meth:`Article.to_dict`.
#: It changes only when a field is renamed or removed, or its meaning changes.
SCHEMA_VERSION = 1

_T = TypeVar("_T")


def _to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


def _check_offsets(instance: Any, attribute: attrs.Attribute[Any], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{type(instance).__name__}.{attribute.name} must be an int, got {value!r}")
    if value < 0:
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be >= 0, got {value}")


def trusted(cls: type[_T], **fields: Any) -> _T:
    """Build a result without running validators or converters.

    For the library's own extractors, whose offsets come from the alignment
    and are right by construction; validation stays at the boundary
    (user construction and :meth:`from_dict`).  Tuple fields must be given
    as tuples.
    """
    obj = object.__new__(cls)
    for name, value in fields.items():
        object.__setattr__(obj, name, value)
    return obj


class _Serializable:
    """Mixin giving every result class ``to_dict`` and ``from_dict``."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """Return a plain ``dict`` of JSON-compatible values.

        Spans become ``{"text", "start", "end", ...}``; enums become their
        string value; dates become ISO strings.
        """
        out = _serial.unstructure(self)
        assert isinstance(out, dict)
        return out

    @classmethod
    def from_dict(cls: type[_T], data: Mapping[str, Any]) -> _T:
        """Rebuild an instance from the output of :meth:`to_dict`.

        Raises:
            TypeError: ``data`` is not a mapping or a value has the wrong type.
            ValueError: a value is out of range (for instance a span whose
                ``text`` does not have ``end - start`` characters).
        """
        return _serial.structure(data, cls)


@attrs.frozen(slots=True)
class Span(_Serializable):
    """A stretch of the original text: ``original[start:end] == text``.

    Example:
        >>> Span(0, 5, "ظریف ")
        Span(start=0, end=5, text='ظریف ')
    """

    start: int = attrs.field(validator=_check_offsets)
    end: int = attrs.field(validator=_check_offsets)
    text: str = attrs.field(validator=attrs.validators.instance_of(str))

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text has {len(self.text)} characters but end - start is {self.end - self.start}"
            )

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


@attrs.frozen(slots=True)
class Token(Span):
    """A word or punctuation mark.

    ``norm`` is the normalised form (Persian letters, ASCII digits, ZWNJ
    repaired) that lexicons are matched against; ``text`` is as written.

    Example:
        >>> Token(0, 4, "ظريف", norm="ظریف").norm
        'ظریف'
    """

    norm: str = attrs.field(default="", validator=attrs.validators.instance_of(str))


@attrs.frozen(slots=True)
class Sentence(Span):
    """A sentence with its tokens."""

    tokens: tuple[Token, ...] = attrs.field(default=(), converter=_to_tuple)


@attrs.frozen(slots=True)
class Paragraph(Span):
    """A body paragraph (text between blank lines) with its sentences."""

    sentences: tuple[Sentence, ...] = attrs.field(default=(), converter=_to_tuple)


@attrs.frozen(slots=True)
class SourceAgency(Span):
    """The outlet the article credits for its report.

    ``text`` is the name as written (``فارس``); ``name`` is its canonical
    form (``خبرگزاری فارس``) when the outlet is known, otherwise the text.

    Example:
        >>> SourceAgency(11, 15, "ایرنا", name="خبرگزاری جمهوری اسلامی").name
        'خبرگزاری جمهوری اسلامی'
    """

    name: str = attrs.field(default="", validator=attrs.validators.instance_of(str))


class EntityKind(enum.StrEnum):
    """What an entity is."""

    PERSON = "PERSON"
    LOCATION = "LOCATION"
    ORGANIZATION = "ORGANIZATION"
    #: An office named without a holder (``سخنگوی وزارت خارجه``).
    ROLE = "ROLE"


@attrs.frozen(slots=True)
class Mention(Span):
    """One place where an entity (or a speaker) is named.

    ``kind`` is ``None`` for a mention whose kind is unknown (a pronoun).
    """

    kind: EntityKind | None = attrs.field(default=None)


@attrs.frozen(slots=True)
class Entity(_Serializable):
    """A person, place or organisation, with every mention of it.

    ``id`` is stable within one article (``"e1"``, ``"e2"``, ...) and is what
    :attr:`Quote.speaker_entity` and :attr:`Argument.entity` refer to.
    ``name`` is the fullest form the article uses.  ``subtype`` refines the
    kind (``"news_agency"``, ``"country"``, ``"city"``) when known.

    Example:
        >>> e = Entity("e1", "محمدجواد ظریف", EntityKind.PERSON,
        ...            (Mention(0, 4, "ظریف", EntityKind.PERSON),))
        >>> e.name
        'محمدجواد ظریف'
    """

    id: str = attrs.field(validator=attrs.validators.instance_of(str))
    name: str = attrs.field(validator=attrs.validators.instance_of(str))
    kind: EntityKind = attrs.field(converter=EntityKind)
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_to_tuple)
    subtype: str | None = None


class QuoteKind(enum.StrEnum):
    """How a statement is reported."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


@attrs.frozen(slots=True)
class Quote(_Serializable):
    """A statement and who made it.

    Attributes:
        content: the words reported (inside the marks, after the colon, or
            the reported clause).
        cue: the speech verb or phrase (``گفت``, ``تاکید کرد``, ``به گفته``).
        speaker: the source as written where it is named (may be ``وی``).
        speaker_name: the resolved name of the source (``قاسمی``).
        speaker_entity: the ``id`` of the speaker's :class:`Entity`.
        kind: direct, indirect or mixed.

    Example:
        >>> q = Quote(Span(12, 17, "سلام."), kind=QuoteKind.DIRECT)
        >>> q.kind.value
        'direct'
    """

    content: Span
    cue: Span | None = None
    speaker: Mention | None = None
    speaker_name: str | None = None
    speaker_entity: str | None = None
    kind: QuoteKind = attrs.field(default=QuoteKind.DIRECT, converter=QuoteKind)


class TimeKind(enum.StrEnum):
    """What a time expression denotes."""

    DATE = "date"
    RELATIVE = "relative"
    DURATION = "duration"
    WEEKDAY = "weekday"
    TIME = "time"


@attrs.frozen(slots=True)
class TimeExpression(Span):
    """A date, a relative day, a weekday, a clock time or a duration.

    Attributes:
        kind: what the expression denotes.
        date: the resolved Gregorian day (the first day of a range), when a
            reference date allows it.
        date_end: the last day of a range (``هفته گذشته``), else ``None``.
        jalali: the resolved day as a Jalali (year, month, day).
        clock: the time of day, when stated (``ساعت ۱۰ صبح``).
        quantity, unit: for durations (``۵ سال`` -> 5, ``"year"``).
    """

    kind: TimeKind = attrs.field(default=TimeKind.DATE, converter=TimeKind)
    date: dt.date | None = None
    date_end: dt.date | None = None
    jalali: tuple[int, int, int] | None = None
    clock: dt.time | None = None
    quantity: float | None = None
    unit: str | None = None


class AmountKind(enum.StrEnum):
    """What an amount counts."""

    CURRENCY = "currency"
    PERCENT = "percent"
    PEOPLE = "people"
    MEASURE = "measure"
    COUNT = "count"


@attrs.frozen(slots=True)
class Amount(Span):
    """A number with its unit (``صدها میلیون دلار``).

    ``value`` is the number (a lower bound when ``approximate``); ``unit`` a
    code from the units data file (``"USD"``, ``"percent"``, ``"person"``).
    """

    value: float = 0
    unit: str | None = None
    kind: AmountKind | None = None
    approximate: bool = False


class EventKind(enum.StrEnum):
    """The kinds of event persnews recognises."""

    MEETING = "meeting"
    TRAVEL = "travel"
    VISIT = "visit"
    ATTACK = "attack"
    EXPLOSION = "explosion"
    ELECTION = "election"
    AGREEMENT = "agreement"
    PROTEST = "protest"
    ARREST = "arrest"
    ACCIDENT = "accident"
    DEATH = "death"
    ANNOUNCEMENT = "announcement"


@attrs.frozen(slots=True)
class Argument(Span):
    """A participant, place or time of an event, linked to an entity by id."""

    entity: str | None = None


@attrs.frozen(slots=True)
class Event(_Serializable):
    """Something that happened (or will): a typed trigger and its arguments.

    Example:
        >>> Event(EventKind.TRAVEL, Span(5, 9, "سفر")).kind.value
        'travel'
    """

    kind: EventKind = attrs.field(converter=EventKind)
    trigger: Span
    participants: tuple[Argument, ...] = attrs.field(default=(), converter=_to_tuple)
    location: Argument | None = None
    time: Argument | None = None


def _freeze_extras(value: Mapping[str, Any]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise TypeError(f"Article.extras must be a mapping, got {type(value).__name__}")
    return _serial.FrozenDict(value)


@attrs.frozen(slots=True)
class Article(_Serializable):
    """A parsed news article.

    ``text`` is the caller's original string; every span in the article
    slices it.  ``title`` is the headline line (a :class:`Sentence`, so its
    tokens are at hand); ``paragraphs`` are the body paragraphs (the title is
    not one of them); :attr:`lead` is the first of them.

    Example:
        >>> import persnews
        >>> art = persnews.parse("ظریف به مسکو می رود\\n\\nبه گزارش ایرنا، ظریف فردا به مسکو می‌رود.")
        >>> art.title.text
        'ظریف به مسکو می رود'
    """

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    title: Sentence | None = None
    paragraphs: tuple[Paragraph, ...] = attrs.field(default=(), converter=_to_tuple)
    source_agency: SourceAgency | None = None
    entities: tuple[Entity, ...] = attrs.field(default=(), converter=_to_tuple)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_to_tuple)
    times: tuple[TimeExpression, ...] = attrs.field(default=(), converter=_to_tuple)
    amounts: tuple[Amount, ...] = attrs.field(default=(), converter=_to_tuple)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_to_tuple)
    reference_date: dt.date | None = None
    extras: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze_extras)

    #: Keys of :meth:`to_dict` that are derived and ignored by :meth:`from_dict`.
    DERIVED_KEYS: ClassVar[frozenset[str]] = frozenset({"schema_version", "lead"})

    @property
    def lead(self) -> Paragraph | None:
        """The first body paragraph, or ``None`` for an empty article."""
        return self.paragraphs[0] if self.paragraphs else None

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every body sentence, across paragraphs, in order."""
        return tuple(s for p in self.paragraphs for s in p.sentences)

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this ``id``, or ``None``."""
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def spans(self) -> Iterator[Span]:
        """Every span in the article, nested ones included (for checks)."""
        yield from _serial.iter_spans(self)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``schema_version`` first, then every field.

        ``lead`` is included for consumers' convenience and ignored by
        :meth:`from_dict`.
        """
        body = _serial.unstructure(self)
        assert isinstance(body, dict)
        lead = self.lead
        return {
            "schema_version": SCHEMA_VERSION,
            **body,
            "lead": None if lead is None else {"text": lead.text, "start": lead.start, "end": lead.end},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_dict` output, checking every span.

        Raises:
            TypeError: ``data`` is not a mapping or a value has the wrong type.
            ValueError: the schema version is unknown or a span does not
                slice ``text``.
        """
        if not isinstance(data, Mapping):
            raise TypeError(f"Article.from_dict expects a mapping, got {type(data).__name__}")
        version = data.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise ValueError(f"unsupported schema_version {version!r}; this persnews reads {SCHEMA_VERSION}")
        article = _serial.structure({k: v for k, v in data.items() if k not in cls.DERIVED_KEYS}, cls)
        for span in article.spans():
            if article.text[span.start : span.end] != span.text:
                raise ValueError(
                    f"span {span.start}:{span.end} {span.text!r} does not slice the article text"
                )
        return article
