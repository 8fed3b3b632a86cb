"""A sentence's tokens: a packed sequence that behaves like the tuple of its tokens.

:class:`persnews.model.Tokens` stores a sentence's tokens as offsets into
the sentence's text and builds :class:`persnews.Token` objects on access.
These tests pin that it is, to its users, the tuple it replaces: indexing,
slicing, equality and hashing both ways, pickling, copying and the dict
round trip; and that it is much smaller than that tuple.
"""

from __future__ import annotations

import copy
import json
import pickle
import sys
import tracemalloc

import pytest
from conftest import draw_normalized_range
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import persnews
from persnews import Sentence, Token, normalize
from persnews.model import Tokens
from persnews.segment import tokenize

TEXT = "علي‌اكبر ولايتي مي رود؛ قیمت ۱۲٫۵ درصد  گران‌تر شد."


@pytest.fixture(scope="module")
def sentence() -> Sentence:
    article = persnews.parse("تیتر خبر\n\n" + TEXT)
    return article.paragraphs[0].sentences[0]


def test_tokens_of_a_parsed_sentence(sentence: Sentence) -> None:
    tokens = sentence.tokens
    assert isinstance(tokens, Tokens)
    assert tokens.texts == ("علي‌اكبر", "ولايتي", "مي رود", "؛", "قیمت", "۱۲٫۵", "درصد", "گران‌تر", "شد", ".")
    assert tokens.norms == ("علی‌اکبر", "ولایتی", "می‌رود", "؛", "قیمت", "12.5", "درصد", "گران‌تر", "شد", ".")
    base = sentence.start
    assert tokens.offsets[:3] == ((base, base + 8), (base + 9, base + 15), (base + 16, base + 22))
    assert tokens.starts == tuple(s for s, _ in tokens.offsets)
    assert tokens.ends == tuple(e for _, e in tokens.offsets)
    # The double space is collapsed in the normalised text, not in the offsets.
    at = base + TEXT.index("گران")
    assert tokens[7] == Token(at, at + 7, "گران‌تر", norm="گران‌تر")


def test_indexing_like_a_tuple(sentence: Sentence) -> None:
    tokens = sentence.tokens
    as_tuple = tuple(tokens)
    assert len(tokens) == len(as_tuple) == 10
    for i in range(-len(tokens), len(tokens)):
        assert tokens[i] == as_tuple[i]
    with pytest.raises(IndexError):
        tokens[10]
    with pytest.raises(IndexError):
        tokens[-11]
    with pytest.raises(TypeError, match="integers or slices"):
        tokens["0"]  # type: ignore[call-overload]
    assert list(reversed(tokens)) == list(reversed(as_tuple))
    assert tokens.index(as_tuple[3]) == 3
    assert tokens.count(as_tuple[3]) == 1
    assert as_tuple[2] in tokens
    assert Token(0, 1, "x", norm="x") not in tokens


@pytest.mark.parametrize(
    "cut",
    [
        slice(None),
        slice(2, 5),
        slice(-3, None),
        slice(None, -2),
        slice(5, 2),
        slice(None, None, 2),
        slice(None, None, -1),
        slice(8, 1, -3),
    ],
)
def test_slicing_gives_tokens_equal_to_the_tuple_slice(sentence: Sentence, cut: slice) -> None:
    tokens = sentence.tokens
    part = tokens[cut]
    assert isinstance(part, Tokens)
    assert part == tuple(tokens)[cut]
    assert part.norms == tokens.norms[cut]
    assert part.offsets == tokens.offsets[cut]


def test_equality_and_hash_match_the_tuple(sentence: Sentence) -> None:
    tokens = sentence.tokens
    as_tuple = tuple(tokens)
    assert tokens == as_tuple
    assert as_tuple == tokens
    assert not (tokens != as_tuple)  # noqa: SIM202
    assert hash(tokens) == hash(as_tuple)
    assert tokens == Tokens(as_tuple)
    assert hash(Tokens(as_tuple)) == hash(tokens)
    assert tokens != as_tuple[:-1]
    assert tokens != list(as_tuple)  # like a tuple, never equal to a list
    changed = (*as_tuple[:-1], Token(as_tuple[-1].start, as_tuple[-1].end, ".", norm="!"))
    assert tokens != changed
    assert tokens != Tokens(changed)
    assert Tokens() == ()
    assert not Tokens()


def test_built_by_hand_from_any_tokens() -> None:
    # Unsorted, overlapping and norms that differ only when joined.
    items = (
        Token(10, 12, "ab", norm="a"),
        Token(3, 4, "c", norm="bc"),
        Token(3, 4, "c", norm="c"),
    )
    tokens = Tokens(items)
    assert tokens == items
    assert tokens.texts == ("ab", "c", "c")
    assert tokens.norms == ("a", "bc", "c")
    assert tokens.offsets == ((10, 12), (3, 4), (3, 4))
    with pytest.raises(TypeError, match="Token"):
        Tokens([persnews.Span(0, 1, "x")])  # type: ignore[list-item]


def test_a_sentence_packs_tokens_given_by_hand() -> None:
    items = (Token(0, 5, "قاسمی", norm="قاسمی"), Token(6, 9, "گفت", norm="گفت"))
    sentence = Sentence(0, 9, "قاسمی گفت", tokens=items)
    assert isinstance(sentence.tokens, Tokens)
    assert sentence.tokens == items
    assert sentence == Sentence(0, 9, "قاسمی گفت", tokens=list(items))
    assert Sentence(0, 9, "قاسمی گفت").tokens == ()
    with pytest.raises(TypeError):
        Sentence(0, 9, "قاسمی گفت", tokens="قاسمی")  # type: ignore[arg-type]


def test_immutable(sentence: Sentence) -> None:
    with pytest.raises(AttributeError):
        sentence.tokens._start = 5  # type: ignore[misc]
    with pytest.raises(TypeError):
        sentence.tokens[0] = sentence.tokens[1]  # type: ignore[index]


def test_pickle_and_copy(sentence: Sentence) -> None:
    tokens = sentence.tokens
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(tokens, protocol))
        assert back == tokens
        assert back.norms == tokens.norms
    assert pickle.loads(pickle.dumps(sentence)) == sentence
    assert copy.copy(tokens) is tokens
    assert copy.deepcopy(sentence) == sentence


def test_pickle_writes_only_the_sentence(seed_text: str) -> None:
    article = persnews.parse(seed_text * 20)
    sentence = article.sentences[3]
    # A sentence's tokens do not drag the whole normalised article along.
    assert len(pickle.dumps(sentence.tokens)) < 5 * len(sentence.text.encode("utf-8")) + 2000
    assert len(pickle.dumps(sentence)) < len(pickle.dumps(tuple(sentence.tokens)))


def test_repr_shows_the_tokens() -> None:
    tokens = Tokens([Token(0, 4, "ظريف", norm="ظریف")])
    assert repr(tokens) == "Tokens((Token(start=0, end=4, text='ظريف', norm='ظریف'),))"


def test_dict_and_json_round_trip_keeps_the_schema(sentence: Sentence) -> None:
    data = sentence.to_dict()
    assert data["tokens"][0] == {
        "start": sentence.start,
        "end": sentence.start + 8,
        "text": "علي‌اكبر",
        "norm": "علی‌اکبر",
    }
    assert list(data) == ["start", "end", "text", "tokens"]
    assert data["tokens"] == [t.to_dict() for t in sentence.tokens]
    back = Sentence.from_dict(json.loads(json.dumps(data)))
    assert back == sentence
    assert isinstance(back.tokens, Tokens)
    bad = {**data, "tokens": [{**data["tokens"][0], "start": "0"}]}
    with pytest.raises(TypeError):
        Sentence.from_dict(bad)
    with pytest.raises(TypeError, match="list"):
        Sentence.from_dict({**data, "tokens": "x"})


def test_article_round_trip_checks_token_offsets(seed_text: str) -> None:
    article = persnews.parse(seed_text)
    data = article.to_dict()
    assert persnews.Article.from_dict(data) == article
    data["paragraphs"][0]["sentences"][0]["tokens"][0]["start"] += 1
    data["paragraphs"][0]["sentences"][0]["tokens"][0]["end"] += 1
    with pytest.raises(ValueError, match="does not slice"):
        persnews.Article.from_dict(data)


def test_tokenize_returns_packed_tokens() -> None:
    n = normalize("ظريف مي رود. وزیر  آمد.", digits="ascii")
    tokens = tokenize(n, 13)
    assert isinstance(tokens, Tokens)
    assert tokens.texts == ("وزیر", "آمد", ".")
    assert tokens.starts == (13, 19, 22)
    with pytest.raises(ValueError, match="outside"):
        tokenize(n, 5, 100)


def test_packed_tokens_are_far_smaller_than_the_tuple(seed_text: str) -> None:
    article = persnews.parse(seed_text * 10)
    sentences = article.sentences
    assert sum(len(s.tokens) for s in sentences) > 3000

    def traced(build: object) -> int:
        tracemalloc.start()
        try:
            kept = build()  # type: ignore[operator]
            size, _ = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        del kept
        return size

    as_tuples = traced(lambda: [tuple(s.tokens) for s in sentences])
    packed = traced(lambda: [s.tokens[:] for s in sentences])
    assert packed * 10 < as_tuples
    # The packed form: a few bytes of offsets per token.
    per_token = sum(sys.getsizeof(s.tokens._offs) for s in sentences) / sum(len(s.tokens) for s in sentences)
    assert per_token < 8


# --- properties -------------------------------------------------------------------

PIECES = [
    *"ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآءئؤةيكۀ",
    *["\u200c"] * 4,
    *[" "] * 8,
    *"«»،؛؟.!:()\n\t",
    *"۰۱۲٫٬0123.,١٢",
    *"\u064e\u0650\u0651\u0640\u200d\u200f\u00a0",
    *"abcX-@/",
    "می ",
    " ها",
    " تر",
    "کتاب",
    "\n\n",
    "https://x.ir/a.b",
]
any_text = st.one_of(st.text(), st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
PROPERTY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(any_text)
def test_tokens_of_any_text_slice_the_original(text: str) -> None:
    article = persnews.parse(text, steps=["segment"])
    sentences = ([article.title] if article.title else []) + list(article.sentences)
    for sentence in sentences:
        tokens = sentence.tokens
        as_tuple = tuple(tokens)
        assert tokens == as_tuple
        assert hash(tokens) == hash(as_tuple)
        assert tokens.texts == tuple(t.text for t in as_tuple)
        assert tokens.norms == tuple(t.norm for t in as_tuple)
        for tok in as_tuple:
            assert text[tok.start : tok.end] == tok.text
            assert sentence.start <= tok.start < tok.end <= sentence.end
        assert pickle.loads(pickle.dumps(tokens)) == as_tuple
        assert Tokens(as_tuple) == tokens


@PROPERTY
@given(any_text, st.data())
def test_tokens_match_token_by_token_mapping(text: str, data: st.DataObject) -> None:
    # The packed tokens of any stretch are what mapping every token through
    # the alignment one by one gives.
    from persnews.segment import _TOKEN

    n, i, j = draw_normalized_range(text, data)
    expected = []
    for m in _TOKEN().finditer(n.text, i, j):
        s, e = n.to_original(*m.span())
        expected.append(Token(s, e, text[s:e], norm=m.group()))
    assert tokenize(n, i, j) == tuple(expected)


def test_a_one_sentence_paragraph_shares_its_text() -> None:
    article = persnews.parse("تیتر\n\nوزیر امور خارجه فردا به مسکو می‌رود.\n\nاو گفت. ما رفتیم.")
    first, second = article.paragraphs
    assert first.sentences[0].text is first.text
    assert [s.text for s in second.sentences] == ["او گفت.", "ما رفتیم."]


def test_from_dicts_checks_each_token() -> None:
    good = {"start": 0, "end": 3, "text": "گفت", "norm": "گفت"}
    assert Tokens.from_dicts([good]) == (Token(0, 3, "گفت", norm="گفت"),)
    assert Tokens.from_dicts([]) == ()
    assert Tokens.from_dicts([{k: v for k, v in good.items() if k != "norm"}])[0].norm == ""
    with pytest.raises(ValueError, match="missing required key 'end'"):
        Tokens.from_dicts([{"start": 0, "text": "گفت"}])
    with pytest.raises(ValueError, match="characters"):
        Tokens.from_dicts([{**good, "end": 4}])
    with pytest.raises(ValueError, match=">= 0"):
        Tokens.from_dicts([{**good, "start": -1, "end": 2}])
    with pytest.raises(TypeError, match="expected int"):
        Tokens.from_dicts([{**good, "start": True}])
    with pytest.raises(TypeError, match="norm"):
        Tokens.from_dicts([{**good, "norm": None}])
    with pytest.raises(TypeError, match="mapping"):
        Tokens.from_dicts([["0", "3"]])  # type: ignore[list-item]


def test_tokens_read_back_share_the_sentence_text(sentence: Sentence) -> None:
    back = Sentence.from_dict(sentence.to_dict())
    assert back.tokens._text is back.text
    assert back.tokens == sentence.tokens
    assert back.tokens.norms == sentence.tokens.norms
    # Tokens that are not slices of the sentence are kept as given.
    odd = Sentence(0, 9, "قاسمی گفت", tokens=[Token(20, 23, "گفت", norm="گفت")])
    assert odd.tokens.texts == ("گفت",)
    assert odd.tokens.starts == (20,)
