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
import itertools
import operator
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, Self, SupportsIndex, TypeVar, cast, overload

import attrs

from persnews import _serial

__all__ = [
    "SCHEMA_VERSION",
    "Amount",
    "AmountKind",
    "Argument",
    "Arguments",
    "Article",
    "Entity",
    "EntityKind",
    "Event",
    "EventKind",
    "Mention",
    "Mentions",
    "Paragraph",
    "Quote",
    "QuoteKind",
    "Sentence",
    "SourceAgency",
    "Span",
    "TimeExpression",
    "TimeKind",
    "Token",
    "Tokens",
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


def _offset_array(values: Sequence[int]) -> array[int]:
    """The smallest unsigned array that holds ``values`` (all >= 0)."""
    top = max(values, default=0)
    code = "H" if top < 1 << 16 else "I" if top < 1 << 32 else "Q"
    return array(code, values)


_new = object.__new__
_set = object.__setattr__


# The slots' own setters: the fastest way to fill a frozen slotted instance.
_SET_START = Span.__dict__["start"].__set__
_SET_END = Span.__dict__["end"].__set__
_SET_TEXT = Span.__dict__["text"].__set__
_SET_NORM = Token.__dict__["norm"].__set__


def _token(start: int, end: int, text: str, norm: str) -> Token:
    tok: Token = _new(Token)
    _SET_START(tok, start)
    _SET_END(tok, end)
    _SET_TEXT(tok, text)
    _SET_NORM(tok, norm)
    return tok


_I = TypeVar("_I")


class _FrozenSequence(Sequence[_I]):
    """Value semantics of the packed sequences: immutable, and equal, hashed
    and shown as the tuple of their items."""

    __slots__ = ()

    def _same(self, other: Self) -> bool:
        """Equality with another sequence of the same class, from the packed form."""
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            assert isinstance(other, type(self))
            return self._same(other)
        if isinstance(other, tuple):
            return len(self) == len(other) and tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({tuple(self)!r})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __copy__(self) -> Self:
        return self

    def __deepcopy__(self, memo: object) -> Self:
        return self


class Tokens(_FrozenSequence[Token]):
    """The tokens of a sentence, stored packed; :class:`Token` objects are built on access.

    A ``Tokens`` behaves like the tuple of its tokens: it indexes (negative
    indices too), slices (into another ``Tokens``), iterates, has a length,
    and compares and hashes equal to ``tuple(tokens)``.  It is immutable and
    pickles compactly.  Each access builds a fresh :class:`Token`, so code
    that reads many tokens should use the views below, which build no
    ``Token`` at all:

    * :attr:`norms` and :attr:`texts`: tuples of strings;
    * :attr:`starts`, :attr:`ends` and :attr:`offsets`: original-text offsets.

    Inside, a sentence keeps one small array of offsets relative to its
    start, its own text (shared with :attr:`Sentence.text`) and, only where
    normalisation changed something, the normalised text it was cut from;
    that costs a few bytes a token instead of a few hundred.

    Args:
        tokens: the tokens, in any order (the order is kept).

    Raises:
        TypeError: an item is not a :class:`Token`.

    Example:
        >>> toks = Tokens([Token(0, 4, "ظريف", norm="ظریف"), Token(5, 7, "به", norm="به")])
        >>> toks[-1].text, toks.norms, toks.offsets
        ('به', ('ظریف', 'به'), ((0, 4), (5, 7)))
        >>> toks == tuple(toks)
        True
    """

    # _offs: start, end of each token, relative to _start, interleaved.
    # Token i's text is _text[a:b] with (a, b) its pair in _toffs, or in
    # _offs when _toffs is None (the text is the sentence's own); its norm is
    # _norm[_npos + a:_npos + b] with (a, b) from _noffs, or from _offs.
    __slots__ = ("_noffs", "_norm", "_npos", "_offs", "_start", "_text", "_toffs")

    #: What the items are (read by :meth:`Sentence.from_dict`).
    item_type: ClassVar[type] = Token

    _start: int
    _offs: array[int]
    _text: str
    _toffs: array[int] | None
    _norm: str
    _npos: int
    _noffs: array[int] | None

    def __init__(self, tokens: Iterable[Token] = ()) -> None:
        items = tuple(tokens)
        for tok in items:
            if not isinstance(tok, Token):
                raise TypeError(f"Tokens holds Token objects, got {type(tok).__name__}")
        base = min((t.start for t in items), default=0)
        offs: list[int] = []
        toffs: list[int] = []
        noffs: list[int] = []
        tpos = npos = 0
        for t in items:
            offs += (t.start - base, t.end - base)
            toffs += (tpos, tpos + len(t.text))
            noffs += (npos, npos + len(t.norm))
            tpos += len(t.text)
            npos += len(t.norm)
        text = "".join(t.text for t in items)
        text_offs = _offset_array(toffs)
        if all(t.norm == t.text for t in items):  # share the string
            self._fill(base, _offset_array(offs), text, text_offs, text, 0, text_offs)
        else:
            norm = "".join(t.norm for t in items)
            self._fill(base, _offset_array(offs), text, text_offs, norm, 0, _offset_array(noffs))

    def _fill(
        self,
        start: int,
        offs: array[int],
        text: str,
        toffs: array[int] | None,
        norm: str,
        npos: int,
        noffs: array[int] | None,
    ) -> None:
        _set(self, "_start", start)
        _set(self, "_offs", offs)
        _set(self, "_text", text)
        _set(self, "_toffs", toffs)
        _set(self, "_norm", norm)
        _set(self, "_npos", npos)
        _set(self, "_noffs", noffs)

    @classmethod
    def packed(
        cls,
        start: int,
        offsets: array[int],
        text: str,
        norm: str | None = None,
        norm_start: int = 0,
        norm_offsets: array[int] | None = None,
    ) -> Tokens:
        """Tokens from their packed form, as the segmenter builds them (no checks).

        Args:
            start: the original offset that ``offsets`` count from (the
                sentence's start).
            offsets: start and end of each token relative to ``start``,
                interleaved (``s0, e0, s1, e1, ...``); kept, not copied.
            text: the original text from ``start`` on (the sentence's text):
                token ``i`` is ``text[s_i:e_i]``.
            norm: the normalised text the norms are cut from; ``None`` when
                every norm equals its text.
            norm_start: where the sentence starts in ``norm``.
            norm_offsets: the tokens' offsets relative to ``norm_start``, when
                they differ from ``offsets``.

        Returns:
            The tokens.
        """
        obj: Tokens = _new(cls)
        if norm is None:
            norm, norm_start, norm_offsets = text, 0, None
        obj._fill(start, offsets, text, None, norm, norm_start, norm_offsets)
        return obj

    # -- the sequence ---------------------------------------------------------

    def __len__(self) -> int:
        return len(self._offs) >> 1

    @overload
    def __getitem__(self, index: SupportsIndex) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> Tokens: ...

    def __getitem__(self, index: SupportsIndex | slice) -> Token | Tokens:
        if isinstance(index, slice):
            return self._slice(index)
        try:
            i = operator.index(index)
        except TypeError:
            raise TypeError(
                f"Tokens indices must be integers or slices, not {type(index).__name__}"
            ) from None
        n = len(self._offs) >> 1
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("Tokens index out of range")
        offs = self._offs
        a, b = offs[2 * i], offs[2 * i + 1]
        toffs = self._toffs
        text = self._text[a:b] if toffs is None else self._text[toffs[2 * i] : toffs[2 * i + 1]]
        noffs = offs if self._noffs is None else self._noffs
        npos = self._npos
        norm = self._norm[npos + noffs[2 * i] : npos + noffs[2 * i + 1]]
        return _token(self._start + a, self._start + b, text, norm)

    def __iter__(self) -> Iterator[Token]:
        base = self._start
        text = self._text
        norm = self._norm
        npos = self._npos
        offs = self._offs
        set_start, set_end, set_text, set_norm = _SET_START, _SET_END, _SET_TEXT, _SET_NORM
        if self._toffs is None and self._noffs is None:  # as the segmenter builds them, mostly
            for a, b in _pairs(offs):
                tok: Token = _new(Token)
                set_start(tok, base + a)
                set_end(tok, base + b)
                set_text(tok, text[a:b])
                set_norm(tok, norm[npos + a : npos + b])
                yield tok
            return
        for (a, b), (ta, tb), (na, nb) in zip(
            _pairs(offs), self._text_pairs(), self._norm_pairs(), strict=True
        ):
            tok = _new(Token)
            set_start(tok, base + a)
            set_end(tok, base + b)
            set_text(tok, text[ta:tb])
            set_norm(tok, norm[npos + na : npos + nb])
            yield tok

    def _text_pairs(self) -> Iterator[tuple[int, int]]:
        return _pairs(self._offs if self._toffs is None else self._toffs)

    def _norm_pairs(self) -> Iterator[tuple[int, int]]:
        return _pairs(self._offs if self._noffs is None else self._noffs)

    def _slice(self, index: slice) -> Tokens:
        start, stop, step = index.indices(len(self))

        def cut(a: array[int] | None) -> array[int] | None:
            if a is None:
                return None
            if step == 1:
                return a[2 * start : 2 * max(start, stop)]
            return array(a.typecode, [v for i in range(start, stop, step) for v in (a[2 * i], a[2 * i + 1])])

        offs = cut(self._offs)
        assert offs is not None
        obj: Tokens = _new(Tokens)
        obj._fill(self._start, offs, self._text, cut(self._toffs), self._norm, self._npos, cut(self._noffs))
        return obj

    # -- views that build no Token --------------------------------------------

    @property
    def norms(self) -> tuple[str, ...]:
        """Every token's :attr:`Token.norm`, in order (a new tuple each time)."""
        norm = self._norm
        npos = self._npos
        return tuple(norm[npos + a : npos + b] for a, b in self._norm_pairs())

    @property
    def texts(self) -> tuple[str, ...]:
        """Every token's :attr:`Token.text` (as written), in order."""
        text = self._text
        return tuple(text[a:b] for a, b in self._text_pairs())

    @property
    def starts(self) -> tuple[int, ...]:
        """Every token's start offset in the original text."""
        base = self._start
        return tuple(base + a for a in self._offs[::2])

    @property
    def ends(self) -> tuple[int, ...]:
        """Every token's end offset in the original text."""
        base = self._start
        return tuple(base + b for b in self._offs[1::2])

    @property
    def offsets(self) -> tuple[tuple[int, int], ...]:
        """Every token's ``(start, end)`` in the original text."""
        base = self._start
        return tuple((base + a, base + b) for a, b in _pairs(self._offs))

    # -- value semantics --------------------------------------------------------

    def _same(self, other: Tokens) -> bool:
        return (
            len(self) == len(other)
            and self.offsets == other.offsets
            and self.texts == other.texts
            and self.norms == other.norms
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # Only the sentence's part of a shared normalised text is written.
        norm, npos, noffs = self._norm, self._npos, self._noffs
        if norm is not self._text or npos:
            top = max(noffs if noffs is not None else self._offs, default=0)
            norm, npos = norm[npos : npos + top], 0
        return (_restore_tokens, (self._start, self._offs, self._text, self._toffs, norm, noffs))

    @classmethod
    def from_dicts(cls, items: Iterable[Mapping[str, Any]], *, where: str = "tokens") -> Tokens:
        """Tokens from :meth:`to_dicts` output, checked as :class:`Token` checks itself.

        Args:
            items: mappings with ``start``, ``end``, ``text`` and (optionally)
                ``norm``; other keys are ignored.
            where: where the items come from, for error messages.

        Returns:
            The packed tokens.

        Raises:
            TypeError: an item is not a mapping or a value has the wrong type.
            ValueError: a key is missing, an offset is negative, or a text
                does not have ``end - start`` characters.

        Example:
            >>> Tokens.from_dicts([{"start": 0, "end": 3, "text": "گفت", "norm": "گفت"}])[0].end
            3
        """
        tokens = []
        for i, item in enumerate(items):
            if not isinstance(item, Mapping):
                raise TypeError(f"{where}[{i}]: expected a mapping for Token, got {type(item).__name__}")
            try:
                start, end, text = item["start"], item["end"], item["text"]
            except KeyError as exc:
                raise ValueError(f"{where}[{i}]: missing required key {exc.args[0]!r}") from None
            norm = item.get("norm", "")
            for name, value, kind in (("start", start, int), ("end", end, int), ("text", text, str)):
                if not isinstance(value, kind) or isinstance(value, bool):
                    raise TypeError(f"{where}[{i}].{name}: expected {kind.__name__}, got {value!r}")
            if not isinstance(norm, str):
                raise TypeError(f"{where}[{i}].norm: expected str, got {norm!r}")
            if start < 0 or end < start or len(text) != end - start:
                Token(start, end, text, norm=norm)  # raises the model's own ValueError
            tokens.append(_token(start, end, text, norm))
        return cls(tokens) if tokens else _NO_TOKENS

    def _on(self, start: int, text: str) -> Tokens:
        """These tokens cut from ``text`` (a sentence at ``start``) when every
        token's text is its slice of it, sharing the string; else ``self``."""
        if self._toffs is None or not len(self):
            return self
        offs: list[int] = []
        for (s, e), t in zip(self.offsets, self.texts, strict=True):
            a, b = s - start, e - start
            if a < 0 or b > len(text) or not text.startswith(t, a):
                return self
            offs += (a, b)
        obj: Tokens = _new(Tokens)
        if self._noffs is self._toffs:  # every norm is its text
            obj._fill(start, _offset_array(offs), text, None, text, 0, None)
        else:
            obj._fill(start, _offset_array(offs), text, None, self._norm, self._npos, self._noffs)
        return obj

    def to_dicts(self) -> list[dict[str, Any]]:
        """The tokens as :meth:`Token.to_dict` gives them (the schema's form)."""
        return [
            {"start": s, "end": e, "text": t, "norm": n}
            for (s, e), t, n in zip(self.offsets, self.texts, self.norms, strict=True)
        ]


def _pairs(values: array[int]) -> Iterator[tuple[int, int]]:
    it = iter(values)
    return zip(it, it, strict=True)


def _restore_tokens(
    start: int, offs: array[int], text: str, toffs: array[int] | None, norm: str, noffs: array[int] | None
) -> Tokens:
    obj: Tokens = _new(Tokens)
    obj._fill(start, offs, text, toffs, norm, 0, noffs)
    return obj


_NO_TOKENS = Tokens()


def _to_tokens(value: Iterable[Token]) -> Tokens:
    if isinstance(value, Tokens):
        return value
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise TypeError(f"Sentence.tokens must be an iterable of Token, got {type(value).__name__}")
    items = tuple(value)
    return Tokens(items) if items else _NO_TOKENS


@attrs.frozen(slots=True)
class Sentence(Span):
    """A sentence with its tokens.

    ``tokens`` is a :class:`Tokens`: a read-only sequence of :class:`Token`
    that behaves like (and compares equal to) the tuple of its tokens while
    storing them packed.  Any iterable of :class:`Token` may be passed in.

    Example:
        >>> s = Sentence(0, 8, "ظریف آمد", tokens=[Token(0, 4, "ظریف", norm="ظریف")])
        >>> s.tokens[0].text, s.tokens.norms
        ('ظریف', ('ظریف',))
    """

    tokens: Tokens = attrs.field(default=_NO_TOKENS, converter=_to_tokens)

    def __attrs_post_init__(self) -> None:
        Span.__attrs_post_init__(self)
        # Tokens given one by one (by hand, from_dict) share the sentence's text.
        _set(self, "tokens", self.tokens._on(self.start, self.text))


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


_S = TypeVar("_S", bound=Span)


class _PackedSpans(_FrozenSequence[_S]):
    """A read-only sequence of spans of one class, stored packed.

    Offsets live in one array, the texts in one string and the one field a
    subclass adds (:attr:`_FIELD`) in a tuple; span objects are built on
    access.  It behaves like the tuple of its spans: it indexes, slices,
    iterates, has a length, compares and hashes equal to ``tuple(spans)``,
    is immutable and pickles compactly.  :attr:`starts`, :attr:`ends`,
    :attr:`offsets` and :attr:`texts` read it without building spans.
    """

    # _offs: start, end of each span, interleaved; span i's text is
    # _text[_tpos[i]:_tpos[i] + end - start]; _extra[i] is its own field.
    __slots__ = ("_extra", "_offs", "_text", "_tpos")

    #: What the items are (read by ``from_dict``).
    item_type: ClassVar[type]
    #: The field the items add to :class:`Span`.
    _FIELD: ClassVar[str]

    _offs: array[int]
    _text: str
    _tpos: array[int]
    _extra: tuple[Any, ...]

    def __init__(self, spans: Iterable[_S] = ()) -> None:
        items = tuple(spans)
        name = type(self).__name__
        for x in items:
            if type(x) is not self.item_type:
                raise TypeError(f"{name} holds {self.item_type.__name__} objects, got {type(x).__name__}")
        tpos: list[int] = []
        pos = 0
        for x in items:
            tpos.append(pos)
            pos += len(x.text)
        _set(self, "_offs", _offset_array([v for x in items for v in (x.start, x.end)]))
        _set(self, "_text", "".join(x.text for x in items))
        _set(self, "_tpos", _offset_array(tpos))
        _set(self, "_extra", tuple(getattr(x, self._FIELD) for x in items))

    def __len__(self) -> int:
        return len(self._extra)

    def _item(self, i: int) -> _S:
        start, end = self._offs[2 * i], self._offs[2 * i + 1]
        pos = self._tpos[i]
        fields = {"start": start, "end": end, "text": self._text[pos : pos + end - start]}
        fields[self._FIELD] = self._extra[i]
        item: _S = trusted(self.item_type, **fields)
        return item

    @overload
    def __getitem__(self, index: SupportsIndex) -> _S: ...

    @overload
    def __getitem__(self, index: slice) -> Self: ...

    def __getitem__(self, index: SupportsIndex | slice) -> _S | Self:
        if isinstance(index, slice):
            return type(self)(self._item(i) for i in range(*index.indices(len(self))))
        name = type(self).__name__
        try:
            i = operator.index(index)
        except TypeError:
            raise TypeError(
                f"{name} indices must be integers or slices, not {type(index).__name__}"
            ) from None
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"{name} index out of range")
        return self._item(i)

    def __iter__(self) -> Iterator[_S]:
        return (self._item(i) for i in range(len(self)))

    @property
    def starts(self) -> tuple[int, ...]:
        """The start offsets."""
        return tuple(self._offs[0::2])

    @property
    def ends(self) -> tuple[int, ...]:
        """The end offsets."""
        return tuple(self._offs[1::2])

    @property
    def offsets(self) -> tuple[tuple[int, int], ...]:
        """``(start, end)`` of every span."""
        return tuple(zip(self._offs[0::2], self._offs[1::2], strict=True))

    @property
    def texts(self) -> tuple[str, ...]:
        """The texts."""
        text, tpos, offs = self._text, self._tpos, self._offs
        return tuple(text[tpos[i] : tpos[i] + offs[2 * i + 1] - offs[2 * i]] for i in range(len(self)))

    def _same(self, other: Self) -> bool:
        return (
            self._offs.tolist() == other._offs.tolist()
            and self._text == other._text
            and self._extra == other._extra
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore_packed, (type(self), self._offs, self._text, self._tpos, self._extra))

    def to_dicts(self) -> list[dict[str, Any]]:
        """The spans as their ``to_dict`` writes them, without building them."""
        return [
            {"start": start, "end": end, "text": text, self._FIELD: _serial.unstructure(extra)}
            for (start, end), text, extra in zip(self.offsets, self.texts, self._extra, strict=True)
        ]


def _restore_packed(
    cls: type[_PackedSpans[Any]], offs: array[int], text: str, tpos: array[int], extra: tuple[Any, ...]
) -> _PackedSpans[Any]:
    obj: _PackedSpans[Any] = _new(cls)
    _set(obj, "_offs", offs)
    _set(obj, "_text", text)
    _set(obj, "_tpos", tpos)
    _set(obj, "_extra", extra)
    return obj


class Mentions(_PackedSpans[Mention]):
    """The mentions of an entity, stored packed; :class:`Mention` objects are built on access.

    An entity named a thousand times in a long text would otherwise hold a
    thousand objects of a few hundred bytes each.  A ``Mentions`` keeps the
    offsets in one array and the texts in one string, and behaves like the
    tuple of its mentions: it indexes, slices, iterates, has a length,
    compares and hashes equal to ``tuple(mentions)``, is immutable and
    pickles compactly.  :attr:`starts`, :attr:`ends`, :attr:`offsets` and
    :attr:`texts` read it without building mentions.

    Args:
        spans: the mentions, in any order (the order is kept).

    Raises:
        TypeError: an item is not a :class:`Mention`.

    Example:
        >>> ms = Mentions([Mention(0, 4, "ظریف", EntityKind.PERSON)])
        >>> ms[0].text, ms.offsets, ms == (Mention(0, 4, "ظریف", EntityKind.PERSON),)
        ('ظریف', ((0, 4),), True)
    """

    __slots__ = ()
    item_type: ClassVar[type] = Mention
    _FIELD: ClassVar[str] = "kind"

    @property
    def kinds(self) -> tuple[EntityKind | None, ...]:
        """The mentions' kinds."""
        return self._extra

    @classmethod
    def _packed(cls, spans: Sequence[tuple[int, int, EntityKind | None]], original: str) -> Mentions:
        """The mentions ``original[start:end]`` of ``spans`` (start, end, kind), packed without
        a :class:`Mention` object each and without checks: for the library's own extractors,
        whose offsets are right by construction (as :func:`trusted`)."""
        texts = [original[s:e] for s, e, _ in spans]
        tpos = list(itertools.accumulate(map(len, texts[:-1]), initial=0)) if texts else []
        offs = _offset_array([v for s, e, _ in spans for v in (s, e)])
        packed = _restore_packed(
            cls, offs, "".join(texts), _offset_array(tpos), tuple([k for _, _, k in spans])
        )
        return cast("Mentions", packed)


_NO_MENTIONS = Mentions()


def _to_mentions(value: Iterable[Mention]) -> Mentions:
    return value if isinstance(value, Mentions) else Mentions(value)


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
    mentions: Mentions = attrs.field(default=_NO_MENTIONS, converter=_to_mentions)
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


class Arguments(_PackedSpans[Argument]):
    """The participants of an event, stored packed; :class:`Argument` objects are built on access.

    Behaves like the tuple of its arguments (see :class:`Mentions`).

    Args:
        spans: the arguments, in any order (the order is kept).

    Raises:
        TypeError: an item is not an :class:`Argument`.

    Example:
        >>> args = Arguments([Argument(0, 4, "ظریف", entity="e1")])
        >>> args[0].entity, args.texts
        ('e1', ('ظریف',))
    """

    __slots__ = ()
    item_type: ClassVar[type] = Argument
    _FIELD: ClassVar[str] = "entity"


_NO_ARGUMENTS = Arguments()


def _to_arguments(value: Iterable[Argument]) -> Arguments:
    return value if isinstance(value, Arguments) else Arguments(value)


@attrs.frozen(slots=True)
class Event(_Serializable):
    """Something that happened (or will): a typed trigger and its arguments.

    Example:
        >>> Event(EventKind.TRAVEL, Span(5, 9, "سفر")).kind.value
        'travel'
    """

    kind: EventKind = attrs.field(converter=EventKind)
    trigger: Span
    participants: Arguments = attrs.field(default=_NO_ARGUMENTS, converter=_to_arguments)
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
