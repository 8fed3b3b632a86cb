"""The CRF model reader and the score decoder: the same labels and marginals as crfsuite's tagger."""

from __future__ import annotations

import struct
from pathlib import Path

import pycrfsuite
import pytest

from persnews import _crf, ner
from persnews.gazetteer import Gazetteer, name_key

SENTENCES = [
    ["محمدجواد", "ظریف", "وزیر", "امور", "خارجه", "به", "مسکو", "رفت", "."],
    ["به", "گزارش", "خبرگزاری", "فارس", "،", "سرگئی", "لاوروف", "در", "تهران", "گفت", ":"],
    ["بانک", "مرکزی", "جمهوری", "اسلامی", "ایران", "نرخ", "ارز", "را", "۴۲۰۰۰", "تومان", "اعلام", "کرد"],
    ["آیت\u200cالله", "رئیسی", "در", "سفر", "به", "استان", "خوزستان", "با", "مردم", "اهواز", "دیدار", "کرد"],
    ["Reuters", "گزارش", "داد", "که", "Joe", "Biden", "به", "پکن", "می\u200cرود"],
    ["مسکو"],
    ["!", "؟", "..."],
]


def _reference(model: bytes | Path) -> pycrfsuite.Tagger:
    """crfsuite's own tagger on ``model`` (which crfsuite reads in place: callers keep it alive)."""
    tagger = pycrfsuite.Tagger()
    if isinstance(model, Path):
        tagger.open(str(model))
    else:
        tagger.open_inmemory(model)
    return tagger


def _features(words: list[str]) -> list[list[str]]:
    keys = [ner._digits_masked(name_key(w)) for w in words]
    return [list(f) for f in ner._sentence_features(words, keys, Gazetteer.default())]


@pytest.fixture(scope="module")
def packaged() -> bytes:
    return ner.default_tagger()._source_bytes()


def test_the_packaged_model_reads(packaged: bytes) -> None:
    crf = _crf.Crf.read(packaged)
    assert set(crf.labels) == {"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"}
    assert len(crf.attributes) > 10_000
    assert crf.scores([]) == crf.zero == (0.0,) * 7
    assert crf.scores(["no such feature"]) == crf.zero


def test_scores_are_the_models_state_weights(packaged: bytes) -> None:
    crf = _crf.Crf.read(packaged)
    weights = _reference(packaged).info().state_features
    for feature in ("w=ظریف", "w=مسکو", "c=honorific", "b"):
        expected = [weights.get((feature, label), 0.0) for label in crf.labels]
        # the dump prints six decimals
        assert crf.scores([feature]) == pytest.approx(expected, abs=1e-6)
    both = crf.scores(["w=ظریف", "w=مسکو"])
    assert both == tuple(a + b for a, b in zip(crf.scores(["w=ظریف"]), crf.scores(["w=مسکو"]), strict=True))


@pytest.mark.parametrize("words", SENTENCES)
def test_the_decoder_tags_as_crfsuite_does(packaged: bytes, words: list[str]) -> None:
    reference = _reference(packaged)
    tagger = ner.Tagger(packaged)
    expected = reference.tag(_features(words))
    labels, probs = tagger.tag_with_marginals(words)
    assert labels == expected
    assert probs == pytest.approx([reference.marginal(y, t) for t, y in enumerate(expected)], abs=1e-9)


def test_a_small_trained_model_decodes_as_crfsuite(tmp_path: Path) -> None:
    corpus = [
        [("محمدجواد", "B-PER"), ("ظریف", "I-PER"), ("به", "O"), ("مسکو", "B-LOC"), ("رفت", "O")],
        [("خبرگزاری", "B-ORG"), ("فارس", "I-ORG"), ("گزارش", "O"), ("داد", "O")],
    ] * 4
    path = tmp_path / "small.crfsuite"
    tagger = ner.train(corpus, path, max_iterations=20)
    reference = _reference(path)
    for words in SENTENCES:
        assert tagger.tag(words) == reference.tag(_features(words))


def test_the_model_file_is_not_changed(packaged: bytes) -> None:
    before = bytes(packaged)
    crf = _crf.Crf.read(packaged)
    crf.tag(crf.zero)
    assert packaged == before
    assert crf._decoder_model != packaged  # the decoder is a changed copy


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not a readable"),
        (b"not a model at all, just some bytes of text padding it out" * 2, "not a crfsuite"),
        (b"lCRF" + b"\0" * 44, "not a crfsuite"),
    ],
)
def test_what_is_not_a_model(data: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        _crf.Crf.read(data)


def test_a_truncated_model(packaged: bytes) -> None:
    with pytest.raises(ValueError, match="readable"):
        _crf.Crf.read(packaged[: len(packaged) // 3])


def test_a_tagger_on_a_file_that_is_not_a_model(tmp_path: Path) -> None:
    path = tmp_path / "bad.crfsuite"
    path.write_bytes(struct.pack("<4s", b"lCRF") + b"\0" * 100)
    with pytest.raises(ValueError, match="crfsuite"):
        ner.Tagger(path).tag(["ظریف"])


def test_stand_ins_are_a_matching_where_first_come_is_not() -> None:
    # attribute 5 is the only one for label 1; taking it for label 0 first would strand label 1
    features_of = {5: [(0, 0), (1, 1)], 7: [(2, 0), (3, 2)], 9: [(4, 2)]}
    assert _crf._stand_ins(features_of, 3) == {0: 7, 1: 5, 2: 9}


def test_stand_ins_impossible() -> None:
    with pytest.raises(ValueError, match="too few attributes"):
        _crf._stand_ins({1: [(0, 0), (1, 1)]}, 2)


def test_a_label_without_state_weights_needs_no_stand_in() -> None:
    assert _crf._stand_ins({3: [(0, 1)]}, 3) == {1: 3}


def test_stand_ins_are_tried_by_rank() -> None:
    features_of = {5: [(0, 0)], 7: [(1, 0)], 9: [(2, 1)]}
    assert _crf._stand_ins(features_of, 2) == {0: 5, 1: 9}
    assert _crf._stand_ins(features_of, 2, lambda a: -a) == {0: 7, 1: 9}


def test_the_packaged_decoder_passes_short_ascii_names(packaged: bytes) -> None:
    crf = _crf.Crf.read(packaged)
    crf.tag(crf.zero)
    assert crf._keys is not None
    assert all(name.isascii() and len(name) <= 15 for name in crf._keys)


def test_scores_come_whole_tokens_at_a_time(packaged: bytes) -> None:
    crf = _crf.Crf.read(packaged)
    assert crf.tag([]) == []
    # scores of nothing: the transitions alone decide, one label per token
    three = crf.tag(crf.zero * 3)
    assert len(three) == 3
    assert set(three) <= set(crf.labels)
    with pytest.raises(ValueError, match="8 scores are not 7 per token"):
        crf.tag((0.0,) * 8)
