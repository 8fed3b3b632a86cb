"""A crfsuite CRF model's weights, read in Python, and a decoder that takes label scores.

crfsuite's tagger is handed every feature of every token as a string and
looks each one up in the model again: for news text, converting and
looking up those strings is most of the tagging time.  Reading the
weights once lets the tagger sum, per word, what its features give each
label and keep those sums with the word.  A sentence's label scores then
go to crfsuite's own Viterbi through a *decoder model*: a copy of the
model in which one attribute per label has weight 1 for that label and 0
for the others, so that passing it with the label's score as its value
sets exactly that score.  Same transitions, same decoding (and
marginals), about a third of the attributes to look up.

The layout read here is crfsuite's CRF1d model (``lCRF`` / ``FOMC``): a
header of twelve little-endian 32-bit fields, the features as
``(type, source, destination, weight)`` records, and the label and
attribute names in CQDB databases whose backward arrays list them by id.
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Callable, Iterable, Sequence
from operator import add
from typing import Any

__all__ = ["Crf", "Scores"]

#: A label-indexed vector of summed weights (what some features give each label).
Scores = tuple[float, ...]

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CHUNK = struct.Struct("<4sII")
_FEATURE = struct.Struct("<IIId")
_WEIGHT = struct.Struct("<d")
_WEIGHT_AT = 12  # a feature record's weight follows its type, source and destination
_STATE, _TRANSITION = 0, 1


class Crf:
    """The weights of a crfsuite CRF1d model, and its decoder model.

    Read with :meth:`read`.  Decoding holds no lock of its own: a caller
    sharing a ``Crf`` between threads serialises :meth:`tag` and
    :meth:`marginals` (crfsuite's tagger keeps the last sentence).

    Attributes:
        labels: the label names, by label id.
        attributes: attribute name -> attribute id.
        zero: the scores of no feature.
    """

    __slots__ = ("_decoder", "_decoder_model", "_keys", "_names", "_state", "attributes", "labels", "zero")

    def __init__(
        self, labels: Sequence[str], attributes: dict[str, int], state: array[float], decoder_model: bytes
    ) -> None:
        self.labels = tuple(labels)
        self.attributes = attributes
        self._state = state
        self.zero: Scores = (0.0,) * len(self.labels)
        self._decoder_model = decoder_model
        self._decoder: Any = None
        # per label with a stand-in attribute, its name; and the names in label order when
        # every label has one
        self._names: tuple[tuple[int, str], ...] = ()
        self._keys: tuple[str, ...] | None = None

    @classmethod
    def read(cls, data: bytes) -> Crf:
        """The model in ``data`` (the bytes of a ``.crfsuite`` file).

        Raises:
            ValueError: ``data`` is not a crfsuite CRF1d model, or one too small to decode
                from scores (fewer attributes with weights than labels).
        """
        try:
            magic, _, kind, _, _, n_labels, n_attrs, off_feat, off_labels, off_attrs, _, _ = (
                _HEADER.unpack_from(data, 0)
            )
            if magic != b"lCRF" or kind != b"FOMC":
                raise ValueError("not a crfsuite CRF1d model")
            labels = _cqdb_names(data, off_labels, n_labels)
            names = _cqdb_names(data, off_attrs, n_attrs)
            chunk, _, n_features = _CHUNK.unpack_from(data, off_feat)
            if chunk != b"FEAT":
                raise ValueError("the model has no feature table")
            first = off_feat + _CHUNK.size
            records = list(_FEATURE.iter_unpack(data[first : first + _FEATURE.size * n_features]))
        except (struct.error, UnicodeDecodeError) as e:
            raise ValueError(f"not a readable crfsuite CRF1d model ({e})") from None
        state = array("d", bytes(8 * n_attrs * n_labels))
        # per attribute, its state features: [(feature id, label id)]
        features_of: dict[int, list[tuple[int, int]]] = {}
        for fid, (kind_id, src, dst, weight) in enumerate(records):
            if kind_id == _STATE:
                if src >= n_attrs or dst >= n_labels:
                    raise ValueError("the model's features name unknown attributes or labels")
                state[src * n_labels + dst] += weight
                features_of.setdefault(src, []).append((fid, dst))
        # crfsuite converts and looks up the stand-ins' names for every token decoded: short
        # ASCII names are the cheapest to pass
        stand_ins = _stand_ins(features_of, n_labels, lambda a: (not names[a].isascii(), len(names[a])))
        decoder_model = bytearray(data)
        for label, attr in stand_ins.items():
            for fid, dst in features_of[attr]:
                _WEIGHT.pack_into(
                    decoder_model, first + fid * _FEATURE.size + _WEIGHT_AT, 1.0 if dst == label else 0.0
                )
        crf = cls(labels, {name: i for i, name in enumerate(names)}, state, bytes(decoder_model))
        crf._names = tuple((label, names[attr]) for label, attr in sorted(stand_ins.items()))
        if len(stand_ins) == n_labels:
            crf._keys = tuple(name for _, name in crf._names)
        return crf

    def scores(self, features: Iterable[str]) -> Scores:
        """What ``features`` give each label, summed in their order (unknown ones give nothing)."""
        n = len(self.labels)
        state = self._state
        rows = [state[a * n : a * n + n] for a in map(self.attributes.get, features) if a is not None]
        if not rows:
            return self.zero
        out = rows[0].tolist()
        for row in rows[1:]:
            out = list(map(add, out, row))
        return tuple(out)

    def _decoding(self, scores: Sequence[float]) -> Any:
        """crfsuite's tagger, set to a sentence whose tokens' label scores are ``scores``."""
        decoder = self._decoder
        if decoder is None:
            import pycrfsuite

            decoder = pycrfsuite.Tagger()
            # crfsuite reads the model in place: the bytes stay referenced by self
            decoder.open_inmemory(self._decoder_model)
            self._decoder = decoder
        keys = self._keys
        width = len(self.labels)
        n, rest = divmod(len(scores), width)
        if rest:
            raise ValueError(f"{len(scores)} scores are not {width} per token")
        if keys is not None:
            # zip stops at the end of the names before it takes a score: each dict takes one token's
            scores_in = iter(scores)
            decoder.set([dict(zip(keys, scores_in, strict=False)) for _ in range(n)])
        else:
            # a label no attribute has a weight for always scores 0 and has no stand-in
            names = self._names
            decoder.set(
                [{name: scores[at + label] for label, name in names} for at in range(0, n * width, width)]
            )
        return decoder

    def tag(self, scores: Sequence[float]) -> list[str]:
        """The best labels (Viterbi, as crfsuite decodes) for a sentence whose label scores are
        ``scores``: ``len(labels)`` per token, token after token."""
        if not scores:
            return []
        return list(self._decoding(scores).tag())

    def marginals(self, scores: Sequence[float], labels: Sequence[str]) -> list[float]:
        """The marginal probability of ``labels[t]`` at each ``t`` (``scores`` as for :meth:`tag`)."""
        if not scores:
            return []
        decoder = self._decoding(scores)
        return [decoder.marginal(y, t) for t, y in enumerate(labels)]


def _stand_ins(
    features_of: dict[int, list[tuple[int, int]]], n_labels: int, rank: Callable[[int], Any] = lambda a: 0
) -> dict[int, int]:
    """label -> a distinct attribute with a state feature for it, for every label some attribute
    has one for (a bipartite matching, by augmenting paths; attributes tried by ``rank``, then
    fewest features first, so that fewer weights change).

    Raises:
        ValueError: no such assignment exists.
    """
    candidates: dict[int, list[int]] = {}
    for attr in sorted(features_of, key=lambda a: (rank(a), len(features_of[a]), a)):
        for _, label in features_of[attr]:
            if len(candidates.setdefault(label, [])) < 2 * n_labels:
                candidates[label].append(attr)
    owner: dict[int, int] = {}  # attribute -> label

    def place(label: int, seen: set[int]) -> bool:
        for attr in candidates[label]:
            if attr in seen:
                continue
            seen.add(attr)
            if attr not in owner or place(owner[attr], seen):
                owner[attr] = label
                return True
        return False

    for label in sorted(candidates):
        if not place(label, set()):
            raise ValueError("the model has too few attributes with weights to decode label scores")
    return {label: attr for attr, label in owner.items()}


def _cqdb_names(data: bytes, off: int, count: int) -> list[str]:
    """The first ``count`` strings of the CQDB database at ``off``, by id (its backward array)."""
    if data[off : off + 4] != b"CQDB":
        raise ValueError("the model's name table is not a CQDB database")
    offset = struct.unpack_from("<I", data, off + 20)[0]
    names = []
    for rec in struct.unpack_from(f"<{count}I", data, off + offset):
        if not rec:
            raise ValueError("the model's name table has a hole")
        # a record: (id, length with the final NUL, the bytes)
        length = struct.unpack_from("<I", data, off + rec + 4)[0]
        names.append(data[off + rec + 8 : off + rec + 7 + length].decode("utf-8"))
    return names
