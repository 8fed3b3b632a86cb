"""The gazetteer: spelling-blind keys, user names, longest matches, the packaged lists."""

from __future__ import annotations

import importlib.resources
import pickle

import pytest

from persnews.gazetteer import Gazetteer, GazetteerEntry, cue_words, name_key
from persnews.model import EntityKind

DATA = importlib.resources.files("persnews").joinpath("data")
GAZETTEER_FILES = sorted(p.name for p in DATA.joinpath("gazetteer").iterdir() if p.name.endswith(".tsv"))


# --- keys --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("خراسان شمالی", "خراسان‌شمالی"),
        ("خراسان شمالي", "خراسان شمالی"),  # Arabic yeh
        ("كرمان", "کرمان"),  # Arabic kaf
        ("آمریکا", "امریکا"),
        ("مسئول", "مسیول"),
        ("بی‌بی‌سی", "بی بی سی"),
        ("عَلی", "علی"),  # a short vowel mark
    ],
)
def test_name_key_is_blind_to_spelling_variants(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_name_key_keeps_different_names_apart() -> None:
    assert name_key("ایران") != name_key("ایرانی")


# --- building a gazetteer --------------------------------------------------------------


def test_mapping_of_names_to_kinds() -> None:
    g = Gazetteer({"پالایشگاه آبادان": "ORGANIZATION", "عسلویه": EntityKind.LOCATION})
    assert g.lookup("پالایشگاه‌آبادان") == (GazetteerEntry("پالایشگاه آبادان", EntityKind.ORGANIZATION),)
    assert g.lookup("عسلویه")[0].kind is EntityKind.LOCATION
    assert len(g) == 2
    assert "عسلويه" in g


def test_tuples_carry_subtype_and_canonical_name() -> None:
    g = Gazetteer([("پتروشیمی مبین", "ORG", "company"), ("مبین", "ORG", "company", "پتروشیمی مبین")])
    assert g.lookup("مبین") == (GazetteerEntry("پتروشیمی مبین", EntityKind.ORGANIZATION, "company"),)


def test_from_tsv_skips_comments_and_blank_lines() -> None:
    g = Gazetteer.from_tsv("# my beat\n\nعسلویه\tLOCATION\tcity\nمبین\tORG\tcompany\tپتروشیمی مبین\n")
    assert g.lookup("عسلویه") == (GazetteerEntry("عسلویه", EntityKind.LOCATION, "city"),)
    assert g.lookup("مبین")[0].name == "پتروشیمی مبین"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("عسلویه\n", ValueError),  # no kind
        ("عسلویه\tCITY\n", ValueError),  # unknown kind
    ],
)
def test_from_tsv_rejects_bad_lines(text: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        Gazetteer.from_tsv(text)


def test_wrong_types_raise_type_error() -> None:
    with pytest.raises(TypeError, match="not a string"):
        Gazetteer("عسلویه")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Gazetteer([("عسلویه",)])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        Gazetteer([(3, "LOC")])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        Gazetteer.from_tsv(b"x\tLOC")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Gazetteer().lookup(None)  # type: ignore[arg-type]


def test_union_puts_the_left_readings_first() -> None:
    mine = Gazetteer({"فارس": "ORGANIZATION"})
    both = mine | Gazetteer({"فارس": "LOCATION", "قم": "LOCATION"})
    assert [e.kind for e in both.lookup("فارس")] == [EntityKind.ORGANIZATION, EntityKind.LOCATION]
    assert both.lookup("قم")


def test_a_gazetteer_pickles() -> None:
    g = Gazetteer({"پالایشگاه آبادان": "ORGANIZATION"}, extends_default=False)
    h = pickle.loads(pickle.dumps(g))
    assert h.lookup("پالایشگاه آبادان") == g.lookup("پالایشگاه آبادان")
    assert h.extends_default is False
    assert [(m.start, m.end) for m in h.match(["در", "پالایشگاه", "آبادان"])] == [(1, 3)]


# --- matching token sequences --------------------------------------------------------


def test_match_prefers_the_longest_name() -> None:
    g = Gazetteer({"خلیج فارس": "LOC", "فارس": "LOC", "خلیج": "LOC"})
    words = ["نفتکش", "در", "خلیج", "فارس", "و", "فارس"]
    assert [(m.start, m.end) for m in g.match(words)] == [(2, 4), (5, 6)]


def test_match_joins_words_split_or_glued_differently() -> None:
    g = Gazetteer({"خراسان شمالی": "LOC"})
    assert [(m.start, m.end) for m in g.match(["استان", "خراسان‌شمالی"])] == [(1, 2)]
    assert [(m.start, m.end) for m in g.match(["استان", "خراسان", "شمالی"])] == [(1, 3)]


def test_a_token_without_letters_ends_a_name() -> None:
    # تهران ـ ایرنا: a kashida token normalises to nothing and joins no name
    g = Gazetteer({"تهران": "LOC", "تهران پارس": "LOC"})
    assert [(m.start, m.end) for m in g.match(["تهران", "", "ایرنا"])] == [(0, 1)]


def test_match_on_nothing() -> None:
    assert Gazetteer().match([]) == []
    assert Gazetteer({"قم": "LOC"}).match(["", "قم"])[0].start == 1


# --- the packaged gazetteer -------------------------------------------------------------


def test_packaged_places() -> None:
    g = Gazetteer.default()
    assert g.lookup("تهران")[0] == GazetteerEntry("تهران", EntityKind.LOCATION, "city")
    assert g.lookup("سوریه")[0].subtype == "country"
    assert g.lookup("کهگیلویه و بویراحمد")[0].subtype == "province"


def test_packaged_short_forms_map_to_full_names() -> None:
    g = Gazetteer.default()
    assert g.lookup("وزارت خارجه")[0].name == "وزارت امور خارجه"
    assert g.lookup("فارس نیوز")[0] == GazetteerEntry("خبرگزاری فارس", EntityKind.ORGANIZATION, "news_agency")


def test_ambiguous_names_keep_every_reading() -> None:
    kinds = {(e.kind, e.subtype) for e in Gazetteer.default().lookup("فارس")}
    assert kinds == {(EntityKind.LOCATION, "province"), (EntityKind.ORGANIZATION, "news_agency")}


def test_the_default_gazetteer_is_loaded_once() -> None:
    assert Gazetteer.default() is Gazetteer.default()


@pytest.mark.parametrize("name", GAZETTEER_FILES)
def test_packaged_files_are_well_formed(name: str) -> None:
    text = DATA.joinpath("gazetteer", name).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# "), "every data file opens with a comment saying what it is"
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert 2 <= len(cols) <= 4, f"{name}:{n}: {line!r}"
        assert cols[0], f"{name}:{n}"
        assert cols[0] == cols[0].strip(), f"{name}:{n}"
        assert not set(cols[0]) & {"ي", "ك"}, f"{name}:{n}: Arabic letters"


def test_cue_words() -> None:
    classes = cue_words().classes
    assert "office" in classes[name_key("سخنگوی")]
    assert "title" in classes[name_key("حجت‌الاسلام و المسلمین")]
    assert "given" in classes[name_key("محمدجواد")]
    assert "org_head" in classes[name_key("وزارت")]
    assert "loc_head" in classes[name_key("استان")]
    spans = cue_words().match([name_key(w) for w in ["امام", "جمعه", "تهران"]])
    assert spans[0][:2] == (0, 2)
    assert "office" in spans[0][2]


def test_a_form_with_a_glued_comma_matches_the_tokenised_words() -> None:
    gaz = Gazetteer([("شورای فرهنگ، هنر و رسانه", "ORGANIZATION")], extends_default=False)
    words = ["اعضای", "شورای", "فرهنگ", "،", "هنر", "و", "رسانه", "جمع", "شدند"]
    assert [(m.start, m.end, m.entries[0].name) for m in gaz.match(words)] == [
        (1, 7, "شورای فرهنگ، هنر و رسانه")
    ]
