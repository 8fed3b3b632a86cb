"""The CRF tagger: reading IOB corpora, features, training, loading and tagging."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from persnews import ner
from persnews.gazetteer import Gazetteer

CORPUS = """\
محمدجواد\tB-PER
ظریف\tI-PER
به\tO
مسکو\tB-LOC
رفت\tO
.\tO

خبرگزاری\tB-ORG
فارس\tI-ORG
گزارش\tO
داد\tO
.\tO

سرگئی\tB-PER
لاوروف\tI-PER
در\tO
تهران\tB-LOC
گفت\tO
.\tO
"""


# --- reading corpora -------------------------------------------------------------


def test_read_iob_tab_separated() -> None:
    sents = ner.read_iob(CORPUS)
    assert len(sents) == 3
    assert sents[0][:2] == [("محمدجواد", "B-PER"), ("ظریف", "I-PER")]


def test_read_iob_pipe_and_underscore_labels() -> None:
    text = "وزیر|O\nبهداشت|B_ORG\nدر|O\nشیراز|B_LOC\n\n1395|B_DAT\n"
    assert ner.read_iob(text) == [
        [("وزیر", "O"), ("بهداشت", "B-ORG"), ("در", "O"), ("شیراز", "B-LOC")],
        [("1395", "O")],
    ]


def test_read_iob_space_separated_lower_case_types() -> None:
    text = "علی O\nلاریجانی B-pers\nدر O\nمجلس B-org\nو O\nبرج I-fac\n"
    assert ner.read_iob(text) == [
        [("علی", "O"), ("لاریجانی", "B-PER"), ("در", "O"), ("مجلس", "B-ORG"), ("و", "O"), ("برج", "O")]
    ]


def test_read_iob_repairs_iob1_and_maps_types() -> None:
    text = "داعش\tI-POG\nو\tO\nایرانی\tB-NAT\n"
    assert ner.read_iob(text, tag_map={"POG": "ORG", "NAT": None}) == [
        [("داعش", "B-ORG"), ("و", "O"), ("ایرانی", "O")]
    ]


def test_read_iob_type_error() -> None:
    with pytest.raises(TypeError, match="str"):
        ner.read_iob(b"x\tO")  # type: ignore[arg-type]


def test_spans_from_labels() -> None:
    assert ner.spans_from_labels(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
        (5, 6, "ORG"),
    ]
    assert ner.spans_from_labels([]) == []


# --- features ----------------------------------------------------------------------


def test_features_mark_known_names_titles_and_rare_words() -> None:
    feats = ner.features(["آقای", "محمدجواد", "لاوروف", "در", "مسکو"])
    assert len(feats) == 5
    assert "c=honorific" in feats[0]
    assert "c=given" in feats[1]
    assert "c-1=honorific" in feats[1]
    assert "lx=none" in feats[2]  # not in hazm's word list: likely a name
    assert "g=BLOC" in feats[4]
    assert "w-1=در" in feats[4]
    assert "EOS" in feats[4]


def test_features_of_a_zwnj_compound() -> None:
    feats = ner.features(["قربان\u200cزاده"])[0]
    assert "zf=قربان" in feats
    assert "zl=زاده" in feats


def test_features_use_a_user_gazetteer() -> None:
    g = Gazetteer({"مبین": "ORG"}, extends_default=False)
    assert "g=BORG" in ner.features(["پتروشیمی", "مبین"], gazetteer=g)[1]


# --- training and tagging ------------------------------------------------------------


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ner") / "tiny.crfsuite"
    ner.train(ner.read_iob(CORPUS) * 5, path, max_iterations=30)
    return path


def test_training_is_deterministic(tiny_model: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.crfsuite"
    ner.train(ner.read_iob(CORPUS) * 5, again, max_iterations=30)
    assert again.read_bytes() == tiny_model.read_bytes()


def test_training_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    import os

    code = (
        "import sys; from persnews import ner;"
        "text = open(sys.argv[1], encoding='utf-8').read();"
        "ner.train(ner.read_iob(text) * 3, sys.argv[2], max_iterations=10)"
    )
    corpus = tmp_path / "c.txt"
    corpus.write_text(CORPUS, encoding="utf-8")
    models = []
    for seed in ("1", "2"):
        out = tmp_path / f"m{seed}.crfsuite"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code, str(corpus), str(out)], check=True, env=env)
        models.append(out.read_bytes())
    assert models[0] == models[1]


def test_a_trained_model_tags(tiny_model: Path) -> None:
    tagger = ner.load_tagger(tiny_model)
    assert tagger.tag(["محمدجواد", "ظریف", "به", "مسکو", "رفت", "."]) == [
        "B-PER",
        "I-PER",
        "O",
        "B-LOC",
        "O",
        "O",
    ]
    assert set(tagger.labels) == {"O", "B-PER", "I-PER", "B-LOC", "B-ORG", "I-ORG"}
    assert tagger.tag([]) == []


def test_a_tagger_from_bytes_and_pickled(tiny_model: Path) -> None:
    tagger = ner.Tagger(tiny_model.read_bytes())
    copy = pickle.loads(pickle.dumps(tagger))
    words = ["سرگئی", "لاوروف", "در", "تهران", "گفت"]
    assert copy.tag(words) == tagger.tag(words)


def test_train_needs_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least one"):
        ner.train([[]], tmp_path / "m.crfsuite")


def test_load_tagger_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        ner.load_tagger(tmp_path / "missing.crfsuite")
    with pytest.raises(TypeError, match="Tagger"):
        ner.load_tagger(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ner.Tagger(42)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        ner.Tagger(str(tmp_path / "missing.crfsuite")).tag(["x"])


def test_the_packaged_tagger() -> None:
    tagger = ner.default_tagger()
    assert tagger is ner.load_tagger(None)
    labels = tagger.tag(["محمدجواد", "ظریف", "وزیر", "امور", "خارجه", "به", "مسکو", "رفت", "."])
    assert labels[:2] == ["B-PER", "I-PER"]
    assert labels[6] == "B-LOC"


def test_the_packaged_model_is_small_and_licensed() -> None:
    import importlib.resources

    data = importlib.resources.files("persnews").joinpath("data")
    assert data.joinpath(ner.DEFAULT_MODEL).read_bytes().__len__() < 10_000_000
    assert "MIT License" in data.joinpath("LICENSE.parstwiner").read_text(encoding="utf-8")


def test_import_is_lazy() -> None:
    code = (
        "import sys, persnews, persnews.ner, persnews.entities, persnews.gazetteer;"
        "assert 'pycrfsuite' not in sys.modules and 'hazm' not in sys.modules, sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
