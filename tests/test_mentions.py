"""Entity mentions stored packed (model.Mentions) behave like the tuple of their mentions."""

from __future__ import annotations

import copy
import json
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import persnews
from persnews.model import Entity, EntityKind, Mention, Mentions

ZARIF = Mention(0, 4, "ظریف", EntityKind.PERSON)
HE = Mention(20, 22, "وی")
FULL = Mention(40, 53, "محمدجواد ظریف", EntityKind.PERSON)
ITEMS = (ZARIF, HE, FULL)


def test_indexing_slicing_and_views() -> None:
    ms = Mentions(ITEMS)
    assert len(ms) == 3
    assert ms[0] == ZARIF
    assert ms[-1] == FULL
    assert ms[1].kind is None
    assert ms[1:] == (HE, FULL)
    assert isinstance(ms[1:], Mentions)
    assert ms[::-1] == (FULL, HE, ZARIF)
    assert list(ms) == list(ITEMS)
    assert ms.offsets == ((0, 4), (20, 22), (40, 53))
    assert ms.starts == (0, 20, 40)
    assert ms.ends == (4, 22, 53)
    assert ms.texts == ("ظریف", "وی", "محمدجواد ظریف")
    assert ms.kinds == (EntityKind.PERSON, None, EntityKind.PERSON)
    with pytest.raises(IndexError):
        ms[3]
    with pytest.raises(TypeError, match="integers or slices"):
        ms["0"]  # type: ignore[call-overload]


def test_equal_to_the_tuple_both_ways_and_hashable() -> None:
    ms = Mentions(ITEMS)
    assert ms == ITEMS
    assert ms == ITEMS
    assert ms == Mentions(ITEMS)
    assert ms != Mentions(ITEMS[:2])
    assert ms != (ZARIF, HE, Mention(40, 53, "محمدجواد ظریف", EntityKind.LOCATION))
    assert hash(ms) == hash(ITEMS)
    assert Mentions() == ()


def test_immutable_copies_and_pickles() -> None:
    ms = Mentions(ITEMS)
    with pytest.raises(AttributeError):
        ms._text = "x"  # type: ignore[misc]
    assert copy.copy(ms) is ms
    assert copy.deepcopy(ms) is ms
    back = pickle.loads(pickle.dumps(ms))
    assert back == ms
    assert isinstance(back, Mentions)


def test_only_mentions_are_packed() -> None:
    with pytest.raises(TypeError, match="Mentions holds Mention objects, got tuple"):
        Mentions([(0, 4, "ظریف")])  # type: ignore[list-item]


def test_entity_packs_its_mentions_and_round_trips() -> None:
    entity = Entity("e1", "محمدجواد ظریف", EntityKind.PERSON, [ZARIF, FULL])
    assert isinstance(entity.mentions, Mentions)
    assert entity.mentions == (ZARIF, FULL)
    data = entity.to_dict()
    assert data["mentions"] == [ZARIF.to_dict(), FULL.to_dict()]
    assert Entity.from_dict(json.loads(json.dumps(data))) == entity
    assert pickle.loads(pickle.dumps(entity)) == entity
    assert entity == Entity("e1", "محمدجواد ظریف", EntityKind.PERSON, (ZARIF, FULL))


def test_packed_mentions_take_less_memory_than_objects() -> None:
    import sys

    items = [Mention(1000 + 10 * i, 1004 + 10 * i, "ظریف", EntityKind.PERSON) for i in range(2000)]
    ms = Mentions(items)
    packed = sum(sys.getsizeof(part) for part in (ms._offs, ms._text, ms._tpos, ms._extra))
    objects = sum(sys.getsizeof(m) + sys.getsizeof(m.text) for m in items)
    assert packed * 5 < objects


def test_parsed_entities_hold_packed_mentions() -> None:
    text = "ظریف به مسکو می‌رود\n\nمحمدجواد ظریف امروز به مسکو رفت. ظریف در مسکو با لاوروف دیدار می‌کند."
    article = persnews.parse(text)
    zarif = next(e for e in article.entities if e.name == "محمدجواد ظریف")
    assert isinstance(zarif.mentions, Mentions)
    assert [text[s:e] for s, e in zarif.mentions.offsets] == list(zarif.mentions.texts)
    assert zarif.mentions.texts == ("ظریف", "محمدجواد ظریف", "ظریف")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 10**7),
            st.text(max_size=6),
            st.sampled_from([None, *EntityKind]),
        ),
        max_size=12,
    )
)
def test_any_mentions_round_trip(rows: list[tuple[int, str, EntityKind | None]]) -> None:
    items = tuple(Mention(s, s + len(t), t, k) for s, t, k in rows)
    ms = Mentions(items)
    assert tuple(ms) == items
    assert ms == items
    assert pickle.loads(pickle.dumps(ms)) == items
    assert ms.to_dicts() == [m.to_dict() for m in items]


# --- event participants (model.Arguments) ---------------------------------------------

from persnews.model import Argument, Arguments, Event, EventKind, Span  # noqa: E402


def test_arguments_pack_an_events_participants() -> None:
    lavrov = Argument(30, 36, "لاوروف", entity="e2")
    zarif = Argument(40, 44, "ظریف", entity="e1")
    nobody = Argument(50, 53, "سه نفر"[:3], entity=None)
    event = Event(EventKind.MEETING, Span(10, 15, "دیدار"), [lavrov, zarif, nobody])
    assert isinstance(event.participants, Arguments)
    assert event.participants == (lavrov, zarif, nobody)
    assert event.participants[1].entity == "e1"
    assert event.participants[-1].entity is None
    assert event.participants.texts == ("لاوروف", "ظریف", "سه ")
    assert Event.from_dict(json.loads(json.dumps(event.to_dict()))) == event
    assert pickle.loads(pickle.dumps(event)) == event
    assert event.to_dict()["participants"] == [a.to_dict() for a in (lavrov, zarif, nobody)]


def test_a_packed_sequence_holds_one_class_only() -> None:
    with pytest.raises(TypeError, match="Arguments holds Argument objects, got Mention"):
        Arguments([ZARIF])  # type: ignore[list-item]
    assert Arguments() != Mentions()
    assert Arguments() == ()


def test_parsed_events_hold_packed_participants() -> None:
    text = "ظریف به مسکو می‌رود\n\nمحمدجواد ظریف روز جمعه در مسکو با سرگئی لاوروف دیدار می‌کند."
    events = persnews.parse(text).events
    meeting = next(e for e in events if e.kind == EventKind.MEETING)
    assert isinstance(meeting.participants, Arguments)
    assert [text[s:e] for s, e in meeting.participants.offsets] == list(meeting.participants.texts)


def test_packed_from_spans_equals_the_checked_mentions() -> None:
    text = "ظریف به مسکو رفت و ظریف گفت"
    spans = [(0, 4, EntityKind.PERSON), (8, 12, EntityKind.LOCATION), (19, 23, None)]
    packed = Mentions._packed(spans, text)
    assert packed == Mentions([Mention(s, e, text[s:e], k) for s, e, k in spans])
    assert packed.texts == ("ظریف", "مسکو", "ظریف")
    assert packed.kinds == (EntityKind.PERSON, EntityKind.LOCATION, None)
    assert Mentions._packed([], text) == Mentions()
