"""Conversion between the result classes and plain JSON-ready values.

Driven by the attrs field types, so a new field needs no serialisation code.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, TypeVar

import attrs

_T = TypeVar("_T")


class FrozenDict(Mapping[str, Any]):
    """A read-only mapping, so that ``Article.extras`` keeps results immutable."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any] = ()) -> None:  # type: ignore[assignment]
        self._data = dict(data)
        for key in self._data:
            if not isinstance(key, str):
                raise TypeError(f"extras keys must be str, got {key!r}")

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._data) == dict(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._data)))

    def __repr__(self) -> str:
        return f"FrozenDict({self._data!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenDict, (self._data,))


def unstructure(value: Any) -> Any:
    """Turn a result object (or a value inside one) into JSON-ready data."""
    if attrs.has(type(value)):
        return {
            f.name: unstructure(getattr(value, f.name))
            for f in attrs.fields(type(value))
            if not f.name.startswith("_")
        }
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [unstructure(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): unstructure(v) for k, v in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        # Packed sequences (model.Tokens) write their items without building them.
        to_dicts = getattr(value, "to_dicts", None)
        return to_dicts() if to_dicts is not None else [unstructure(v) for v in value]
    return value


_resolved: set[type] = set()


def _fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    if cls not in _resolved:
        attrs.resolve_types(cls)
        _resolved.add(cls)
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)
    return fields


def structure(data: Any, cls: type[_T]) -> _T:
    """Build ``cls`` from the output of :func:`unstructure`."""
    return typing.cast(_T, _structure(data, cls, cls.__name__))


def _structure(data: Any, tp: Any, where: str) -> Any:
    if tp is int or tp is str or tp is bool:  # the most common leaves first
        if not isinstance(data, tp) or (tp is int and isinstance(data, bool)):
            raise TypeError(f"{where}: expected {tp.__name__}, got {data!r}")
        return data
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if data is None and type(None) in args:
            return None
        errors = []
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _structure(data, arg, where)
            except (TypeError, ValueError) as exc:
                errors.append(str(exc))
        raise TypeError(f"{where}: {data!r} matches none of {tp}: {'; '.join(errors)}")
    if origin is tuple:
        args = typing.get_args(tp)
        if not isinstance(data, (list, tuple)):
            raise TypeError(f"{where}: expected a list, got {type(data).__name__}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_structure(v, args[0], f"{where}[{i}]") for i, v in enumerate(data))
        if len(args) != len(data):
            raise ValueError(f"{where}: expected {len(args)} items, got {len(data)}")
        return tuple(
            _structure(v, a, f"{where}[{i}]") for i, (v, a) in enumerate(zip(data, args, strict=True))
        )
    if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
        if not isinstance(data, Mapping):
            raise TypeError(f"{where}: expected a mapping, got {type(data).__name__}")
        return dict(data)
    if tp is Any:
        return data
    item_type = getattr(tp, "item_type", None) if isinstance(tp, type) else None
    if item_type is not None and issubclass(tp, Sequence):
        # A packed sequence class (model.Tokens): its items are read as the
        # type its ``item_type`` names, then packed by its constructor.
        if not isinstance(data, (list, tuple)):
            raise TypeError(f"{where}: expected a list, got {type(data).__name__}")
        from_dicts = getattr(tp, "from_dicts", None)
        if from_dicts is not None:
            return from_dicts(data, where=where)
        return tp(_structure(v, item_type, f"{where}[{i}]") for i, v in enumerate(data))
    if isinstance(tp, type) and attrs.has(tp):
        if not isinstance(data, Mapping):
            raise TypeError(f"{where}: expected a mapping for {tp.__name__}, got {type(data).__name__}")
        kwargs = {}
        for f in _fields(tp):
            if f.name in data:
                kwargs[f.name] = _structure(data[f.name], f.type, f"{where}.{f.name}")
            elif f.default is attrs.NOTHING:
                raise ValueError(f"{where}: missing required key {f.name!r}")
        return tp(**kwargs)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(data)
    if tp is dt.date:
        if not isinstance(data, str):
            raise TypeError(f"{where}: expected an ISO date string, got {data!r}")
        return dt.date.fromisoformat(data)
    if tp is dt.time:
        if not isinstance(data, str):
            raise TypeError(f"{where}: expected an ISO time string, got {data!r}")
        return dt.time.fromisoformat(data)
    if tp is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise TypeError(f"{where}: expected a number, got {data!r}")
        return data
    if tp in (int, str, bool):
        if not isinstance(data, tp) or (tp is int and isinstance(data, bool)):
            raise TypeError(f"{where}: expected {tp.__name__}, got {data!r}")
        return data
    if isinstance(tp, type) and tp.__name__ == "NoneType":
        if data is not None:
            raise TypeError(f"{where}: expected null, got {data!r}")
        return None
    raise TypeError(f"{where}: cannot read a value of type {tp!r}")


def iter_spans(value: Any) -> Iterator[Any]:
    """Every span object nested in ``value`` (spans are attrs classes with
    ``start``, ``end`` and ``text``)."""
    if attrs.has(type(value)):
        names = {f.name for f in attrs.fields(type(value))}
        if {"start", "end", "text"} <= names:
            yield value
        for name in names:
            if name != "text":
                yield from iter_spans(getattr(value, name))
    elif isinstance(value, tuple) or (
        isinstance(value, Sequence) and not isinstance(value, (str, bytes, list))
    ):
        for v in value:
            yield from iter_spans(v)
