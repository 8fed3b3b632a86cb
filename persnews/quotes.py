"""Quotes: every statement in a Persian news article and who made it.

Three families of patterns, all driven by the lexicons in ``persnews/data``
(``speech_verbs.tsv``, ``attribution.tsv``, ``anaphors.tsv``,
``speaker_titles.tsv``):

* **direct** — ``X گفت: ...`` (to the end of the paragraph, or on into the
  next paragraphs while a « stays open), and «...» next to a cue
  (``X گفت «...»``, ``«...»، این را X گفت``, ``به گفته X، «...»``);
* **indirect** — ``X گفت که ...``, ``X اعلام کرد ...``, ``X با بیان اینکه
  ...، ...``, ``به گفته X، ...``, ``X از Y خبر داد``, ``X بر Y تاکید کرد``,
  ``X Y را Z دانست``, ``X معتقد است ...``, the impersonal ``... اعلام شده
  است که ...`` with the source named earlier in the sentence;
* **mixed** — indirect speech that carries a quoted fragment.

Speakers are read as whole noun phrases (titles, name, role); anaphors
(``وی``, ``این مسئول``), dropped subjects, surnames and roles are resolved
across the article to one person.  Every span is an offset range of the
caller's original text.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple

import attrs
import regex

from persnews._checks import word_list
from persnews._cues import LETTERS, MAX_PHRASE_TOKENS, CueForm, Lexicon, key, lexicon, unify_letters
from persnews._speakers import (
    Person,
    Phrase,
    Resolver,
    RoleKey,
    parse_phrase,
    plural_noun,
    role_key,
    role_matches,
    title_at,
)
from persnews.agency import known_agencies
from persnews.model import Article, Entity, EntityKind, Mention, Paragraph, Quote, QuoteKind, Span, trusted
from persnews.normalize import Normalized

__all__ = ["extract_quotes", "find_quotes"]

_Match = regex.Match

# Words, numbers (with their inner separators) and single other characters.
# Possessive quantifiers: a run of ZWNJ or digits is scanned once.
_TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}]*+(?:\u200c++[\p{L}\p{M}]++)*+|\d++(?:[.:/]\d++)*+|[^\s\u200c]")

# Characters that are a token each wherever they stand: none is a letter, a
# mark, a digit, a space or a ZWNJ, so _TOKEN matches each alone.
_PUNCT = ".,:;!?()[]{}<>«»\"“”'`،؛؟…-–—_/\\|*•+=%#@&~^$"
_ZWNJ = "\u200c"

_OPEN = {"«": "»", "“": "”"}
_CLOSE = {"»": "«", "”": "“"}
_MARKS = frozenset('«»“”"')
_END_PUNCT = frozenset(".!?؟…")
_COMMA = frozenset({"،", ","})
_COLON = frozenset({":", "："})
# the separators that :attr:`_Block.prev_colon` records
_COLONS = _COLON | {"؛"}
_MARKS_AND_SEPARATORS = _MARKS | _COLONS | _COMMA

# Classes of quote_words.tsv (see the file for what each means).
_STOP = "stop"
_COMPOUND_BEFORE = "compound"
_NOT_TOPIC_AFTER = "adverbial_head"
_ADJUNCT_OPENERS = "adjunct"
_DEMONSTRATIVES = "determiner"
_TRIVIAL_OBJECTS = "trivial"
_GOFT = key("گفت")
_NOT_SPEECH_BEFORE_GOFT = "not_speech"
_LABELS = "label"
_MODALS = "modal"
_FIRST_PERSON = "first_person"
_VERBS = "verb"
_QUANTIFIERS = "quantifier"
_PREPOSITIONS = "preposition"
_OCCASIONS = "occasion"
_TIME_OPENERS = "time_opener"
_CONJUNCTIONS = "conjunction"
_HONORIFICS = "blessing"
_REPORTER_NOUNS = "reporter_noun"
_UNNAMED_VERBS = "unnamed_verb"
_ITS_NAME = "its_name"
_PARTS = "part"
_PART_MODIFIERS = "part_modifier"
_OCCASION_ADJECTIVES = "occasion_adjective"
_ALSO = frozenset({"نیز", "هم"})
_BULLETS = frozenset("-–—*•●▪■◄►>")
# the characters that :func:`key` changes in a token
_KEYED = "".join(map(chr, LETTERS)) + "\u200c\u0640"
_IN = key("در")
_MAJLES = key("مجلس")
# words that never open the subject after a source phrase (به گفته / به نقل از ...)
_NOT_A_SOURCE = frozenset(map(key, ("قبلی", "رسمی", "شده", "پیشین")))
_MAX_NP = 16
# A reported clause may quote a few more statements, not any number of them.
_MAX_NESTED_CUES = 3
_MAX_CONTINUED_PARAGRAPHS = 30
# How far back from a cue a clause boundary (a verb, و, a conjunction) is looked for: keeps long
# unpunctuated runs linear.
_CLAUSE_WINDOW = 40


class _Tok(NamedTuple):
    s: int  # start in the normalised text
    e: int
    k: str  # lookup key
    t: str  # normalised text
    word: bool
    d: int  # depth inside quotation marks


class _Event(NamedTuple):
    kind: str  # "cue", "attr", "wrap"
    i0: int
    i1: int
    form: CueForm | None
    attr: str | None
    wrap_end: int  # for "wrap": token index of the closing verb


class _Raw:
    """A quote before its speaker is resolved."""

    __slots__ = ("content", "cue", "inherit", "kind", "nested", "np", "np_keys", "np_tokens", "person")

    def __init__(
        self,
        content: tuple[int, int],
        cue: tuple[int, int] | None,
        np: tuple[int, int] | None,
        np_keys: tuple[str, ...],
        kind: QuoteKind,
        inherit: int | None = None,
    ) -> None:
        self.content = content
        self.cue = cue
        self.np = np
        self.np_keys = np_keys
        #: the (start, end) of each token of the speaker phrase, once asked for
        self.np_tokens: list[tuple[int, int]] | None = None
        self.kind = kind
        # -1: no subject (resolve to the last speaker); >= 0: the raw quote whose speaker this shares
        self.inherit = inherit
        self.person: int | None = None
        # quoted inside another quote: its speaker holds none of the article's roles
        self.nested = False


class _Block:
    __slots__ = (
        "close_of",
        "event_at",
        "events",
        "first_word",
        "framed",
        "is_title",
        "keys",
        "next_cue",
        "open_of",
        "open_unclosed",
        "openers",
        "prev_colon",
        "prev_comma",
        "sent_end",
        "sent_id",
        "sent_start",
        "toks",
    )

    def __init__(self, is_title: bool) -> None:
        self.toks: list[_Tok] = []
        #: the key of each token (as in ``toks``)
        self.keys: list[str] = []
        self.is_title = is_title
        self.close_of: dict[int, int] = {}
        self.open_of: dict[int, int] = {}
        #: token indices of paired opening marks, in order
        self.openers: list[int] = []
        #: for each token, the last colon (or ؛) / comma before it at the same quotation depth, or -1
        self.prev_colon: list[int] = []
        self.prev_comma: list[int] = []
        self.open_unclosed: set[int] = set()
        self.events: list[_Event] = []
        #: the event that starts at a token index
        self.event_at: dict[int, _Event] = {}
        #: for each event, the index of the next "cue"/"wrap" event (len(events) if none)
        self.next_cue: list[int] = []
        #: the cues inside a frame's clause (با اشاره به اینکه Y گفته است Z، افزود), by event index:
        #: where the clause starts and the comma that ends it, or (-1, -1) for a cue that names no
        #: one to say it (با بیان اینکه می‌گویند ...) and so makes no quote
        self.framed: dict[int, tuple[int, int]] = {}
        # sentence id of each token, the token range of each sentence and its first word
        self.sent_id: list[int] = []
        self.sent_start: list[int] = []
        self.sent_end: list[int] = []
        self.first_word: list[int] = []

    def index_sentences(self, starts: Sequence[int], words: Sequence[bool], bounds: Sequence[int]) -> None:
        """Split the tokens (their offsets ``starts``) at the sentence offsets ``bounds`` (in order).

        A sentence starts at its first token; a sentence without tokens has no
        entry, and tokens before the second bound belong to the first sentence.
        """
        n = len(starts)
        if not n:
            return
        cuts = {bisect.bisect_left(starts, x) for x in bounds[1:]}
        self.sent_start = sorted(cuts.union((0,)).difference((n,)))
        self.sent_end = [*self.sent_start[1:], n]
        sent_id = self.sent_id
        for sid, (a, b) in enumerate(zip(self.sent_start, self.sent_end, strict=True)):
            sent_id += [sid] * (b - a)
            self.first_word.append(next(itertools.compress(range(a, b), words[a:b]), -1))

    def at_sentence_start(self, i: int) -> bool:
        """Whether only punctuation stands before token ``i`` in its sentence."""
        fw = self.first_word[self.sent_id[i]]
        return fw < 0 or fw >= i

    def index_events(self) -> None:
        self.event_at = {ev.i0: ev for ev in self.events}
        nxt = len(self.events)
        out = [nxt] * len(self.events)
        for k in range(len(self.events) - 1, -1, -1):
            out[k] = nxt
            if self.events[k].kind in ("cue", "wrap"):
                nxt = k
        self.next_cue = out


# --- public API ---------------------------------------------------------------


def find_quotes(text: str, *, speech_verbs: Iterable[str] | None = None) -> tuple[Quote, ...]:
    """Find every quote in a Persian news text, with its cue and speaker.

    Args:
        text: the article (headline on the first line, then paragraphs), or
            any Persian text.
        speech_verbs: extra speech verbs or phrases to treat as cues, in any
            spelling (``"به تاکید گفت"``); the packaged list is always used.

    Returns:
        The quotes in text order.  Every span (``content``, ``cue``,
        ``speaker``) slices ``text``.

    Raises:
        TypeError: ``text`` is not a ``str`` (decode ``bytes`` first), or
            ``speech_verbs`` is not an iterable of ``str``.

    Example:
        >>> q = find_quotes("تیتر\\n\\nقاسمی گفت: نشست فردا برگزار می‌شود.")[0]
        >>> q.speaker_name, q.cue.text, q.content.text
        ('قاسمی', 'گفت', 'نشست فردا برگزار می‌شود.')
    """
    _check_text(text)
    verbs = word_list(speech_verbs, "speech_verbs")
    from persnews.segment import segment_article

    article, normalized = segment_article(text)
    return extract_quotes(article, normalized, speech_verbs=verbs)


def extract_quotes(
    article: Article, normalized: Normalized, *, speech_verbs: Iterable[str] | None = None
) -> tuple[Quote, ...]:
    """The quote step of the pipeline: quotes of a segmented article.

    Args:
        article: the article with ``title`` and ``paragraphs`` (sentences
            included); when ``article.entities`` is filled, speakers are
            linked to them (``Quote.speaker_entity``) and named by the
            entity's fullest name.
        normalized: the normalisation the article was segmented from.
        speech_verbs: extra speech verbs or phrases to treat as cues.

    Returns:
        The quotes in text order, spans into ``normalized.original``.

    Raises:
        TypeError: ``article`` or ``normalized`` has the wrong type.

    Example:
        >>> from persnews.segment import segment_article
        >>> art, norm = segment_article("تیتر\\n\\nوی افزود: کار ادامه دارد.")
        >>> extract_quotes(art, norm)[0].speaker.text
        'وی'
    """
    if not isinstance(article, Article):
        raise TypeError(f"extract_quotes() expects an Article, got {type(article).__name__}")
    if not isinstance(normalized, Normalized):
        raise TypeError(f"extract_quotes() expects a Normalized, got {type(normalized).__name__}")
    lex = lexicon()
    verbs = word_list(speech_verbs, "speech_verbs")
    if verbs:
        lex = lex.with_extra_verbs(verbs)
    # Built once for the whole article and shared by its parts.
    entities = _EntityIndex(article.entities) if article.entities else None
    found: list[Quote] = []
    for part in _parts(article):
        found.extend(_Extractor(part, normalized, lex, entities).run())
    return tuple(found)


# An article longer than this is read in parts of about this many characters,
# whole paragraphs each, so that memory stays bounded on book-sized input.  A
# news article is far shorter: it is read whole, as one part.
_PART_CHARS = 100_000


def _parts(article: Article) -> Iterator[Article]:
    if len(article.text) <= _PART_CHARS or len(article.paragraphs) < 2:
        yield article
        return
    title = article.title
    group: list[Paragraph] = []
    size = 0
    for paragraph in article.paragraphs:
        group.append(paragraph)
        size += paragraph.end - paragraph.start
        if size >= _PART_CHARS:
            yield attrs.evolve(article, title=title, paragraphs=tuple(group))
            title, group, size = None, [], 0
    if group:
        yield attrs.evolve(article, title=title, paragraphs=tuple(group))


def _check_text(text: object) -> None:
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError("find_quotes() expects str, got bytes: decode it first, e.g. data.decode('utf-8')")
    if not isinstance(text, str):
        raise TypeError(f"find_quotes() expects the article text as str, got {type(text).__name__}")


# --- the extractor ---------------------------------------------------------------


def _token_keys(
    text: str, start: int, end: int, texts: list[str], spans: tuple[list[int], list[int]]
) -> list[str]:
    """The lookup key of each token (``texts`` at ``spans``) of ``text[start:end]``.

    Few tokens hold a character that :func:`key` changes, so the texts are
    the keys but for those, found with ``str.find``.  Letters are unified one
    for one, so such a key is a slice of the unified block without its ZWNJ
    and kashida (no token holds a space).
    """
    keys = texts
    letters = ""
    starts, ends = spans
    for c in _KEYED:
        p = text.find(c, start, end)
        while p >= 0:
            i = bisect.bisect_right(starts, p) - 1
            if i < 0 or p >= ends[i]:
                p = text.find(c, p + 1, end)  # a ZWNJ between two tokens belongs to neither
                continue
            if keys is texts:
                keys = texts.copy()
                letters = unify_letters(text[start:end])
            keys[i] = letters[starts[i] - start : ends[i] - start].replace("\u200c", "").replace("\u0640", "")
            p = text.find(c, ends[i], end)
    return keys


def _positions(texts: Sequence[str], marks: frozenset[str]) -> list[int]:
    """Indices of the tokens that are one of ``marks``."""
    return list(itertools.compress(itertools.count(), map(marks.__contains__, texts)))


def _last_separators(
    texts: Sequence[str], depths: Sequence[int], points: list[int]
) -> tuple[list[int], list[int]]:
    """For each token, the last colon (or ؛) and the last comma before it at its quotation depth, or -1.

    ``points`` are the indices of the marks and separators, in order.  The
    depth changes only at a mark, so the tokens between two points share
    one depth and one answer: filled a run at a time.
    """
    n = len(texts)
    prev_colon = [-1] * n
    prev_comma = [-1] * n
    last_colon: dict[int, int] = {}
    last_comma: dict[int, int] = {}
    run = 0
    for p in [*points, n]:
        if p > run:
            depth = depths[run]
            prev_colon[run:p] = [last_colon.get(depth, -1)] * (p - run)
            prev_comma[run:p] = [last_comma.get(depth, -1)] * (p - run)
        if p == n:
            break
        depth = depths[p]
        prev_colon[p] = last_colon.get(depth, -1)
        prev_comma[p] = last_comma.get(depth, -1)
        if texts[p] in _COLONS:
            last_colon[depth] = p
        elif texts[p] in _COMMA:
            last_comma[depth] = p
        run = p + 1
    return prev_colon, prev_comma


class _Tokens(NamedTuple):
    """The tokens of a block, as columns."""

    texts: list[str]
    #: the lookup key of each token (:func:`key`)
    keys: list[str]
    starts: list[int]
    ends: list[int]
    #: whether each token is a word (its key starts with a letter)
    words: list[bool]
    #: the indices of the quotation marks and separators (:data:`_MARKS_AND_SEPARATORS`)
    points: list[int]


def _tokenize(text: str, start: int, end: int) -> _Tokens:
    """The tokens of ``text[start:end]`` as _TOKEN finds them, with their keys.

    _TOKEN costs about a thousand machine instructions a character, and its
    tokens never cross a space.  So the text is cut at its spaces and most
    pieces are read with string methods: a word (letters, with ZWNJ only
    between them) or a number, with punctuation at either end.  Any other
    piece (one with diacritics or another space in it, a date, a hyphenated
    word) goes to _TOKEN.  Keys are cut from the text with its letters
    unified, which has the same tokens: :func:`unify_letters` changes letters
    into letters, one for one.
    """
    seg = text[start:end]
    if "\u0640" in seg:  # a kashida is a letter to _TOKEN, but no part of a key
        return _tokenize_slow(text, start, end)
    letters = unify_letters(seg)
    texts: list[str] = []
    keys: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    words: list[bool] = []
    points: list[int] = []
    add_text, add_key, add_start, add_end, add_word = (
        texts.append,
        keys.append,
        starts.append,
        ends.append,
        words.append,
    )

    def add_marks(chars: str, p: int) -> int:
        """Each of ``chars`` (punctuation at ``p``) as a token; where they end."""
        for c in chars:
            if c in _MARKS_AND_SEPARATORS:
                points.append(len(texts))
            add_text(c)
            add_key(c)
            add_start(p)
            p += 1
            add_end(p)
            add_word(False)
        return p

    p = start
    # Cut at " " only: a piece then starts one character after the end of the
    # last, with no search for where it starts.
    pieces = seg.split(" ")
    for piece, unified in zip(pieces, pieces if letters is seg else letters.split(" "), strict=True):
        n = len(piece)
        if piece.isalpha():  # most pieces: a word and nothing else
            add_text(piece)
            add_key(unified)
            add_start(p)
            add_end(p + n)
            add_word(True)
            p += n + 1
            continue
        left = piece.lstrip(_PUNCT)
        word = left.rstrip(_PUNCT)
        joined = _ZWNJ in word
        if word and not (
            word.isalpha()
            or (word.isascii() and word.isdigit())
            or (joined and word[0] != _ZWNJ != word[-1] and word.replace(_ZWNJ, "").isalpha())
        ):
            for m in _TOKEN.finditer(text, p, p + n):
                a, b = m.span()
                t = m.group()
                k = letters[a - start : b - start].replace(_ZWNJ, "")
                if t in _MARKS_AND_SEPARATORS:
                    points.append(len(texts))
                add_text(t)
                add_key(k)
                add_start(a)
                add_end(b)
                add_word(k[0].isalpha())
            p += n + 1
            continue
        # Marks before the word, the word, marks after it; none is a space.
        lead = n - len(left)
        p = add_marks(piece[:lead], p)
        if word:
            k = unified[lead : lead + len(word)]
            add_text(word)
            add_key(k.replace(_ZWNJ, "") if joined else k)
            add_start(p)
            p += len(word)
            add_end(p)
            add_word(not word[0].isdigit())
        p = add_marks(left[len(word) :], p)
        p += 1
    return _Tokens(texts, keys, starts, ends, words, points)


def _tokenize_slow(text: str, start: int, end: int) -> _Tokens:
    """:func:`_tokenize` by _TOKEN alone."""
    found = list(_TOKEN.finditer(text, start, end))
    texts = list(map(_Match.group, found))
    starts = list(map(_Match.start, found))
    ends = list(map(_Match.end, found))
    keys = _token_keys(text, start, end, texts, (starts, ends))
    words = [k[0].isalpha() for k in keys]
    return _Tokens(texts, keys, starts, ends, words, _positions(texts, _MARKS_AND_SEPARATORS))


class _Extractor:
    def __init__(
        self, article: Article, normalized: Normalized, lex: Lexicon, entities: _EntityIndex | None = None
    ) -> None:
        self.article = article
        self.entities = entities
        self.norm = normalized
        self.text = normalized.text
        self.lex = lex
        self.words = lex.words
        self.blocks: list[_Block] = []
        self.raws: list[_Raw] = []
        # subjects of narration sentences that name a person or body (antecedents, role holders)
        self.mentions: list[_Raw] = []
        # blocks swallowed by a quote that runs on from an earlier paragraph: block -> first free token
        self.consumed: dict[int, int] = {}

    # -- segmentation into blocks of tokens --

    def _to_norm(self, offset: int) -> int:
        return self.norm.to_normalized(offset)

    def _block(self, start: int, end: int, sentence_starts: Sequence[int], is_title: bool) -> _Block:
        # columns first, built by C-level passes; one tuple per token at the end
        found = _tokenize(self.text, start, end)
        texts, starts, words = found.texts, found.starts, found.words
        block = _Block(is_title)
        block.keys = found.keys
        depths = self._pair_marks(block, texts, found.points)
        columns = zip(starts, found.ends, found.keys, texts, words, depths, strict=True)
        block.toks = list(map(tuple.__new__, itertools.repeat(_Tok), columns))
        block.index_sentences(starts, words, sentence_starts)
        return block

    def _pair_marks(self, block: _Block, texts: list[str], points: list[int]) -> list[int]:
        """Pair the quotation marks of a block (``points``: the indices of the
        marks and separators); the quotation depth of each token."""
        n = len(texts)
        marks = [i for i in points if texts[i] in _MARKS]
        depths = self._depths(block, texts, marks) if marks else [0] * n
        block.prev_colon, block.prev_comma = _last_separators(texts, depths, points)
        return depths

    @staticmethod
    def _depths(block: _Block, texts: list[str], marks: list[int]) -> list[int]:
        """Pair the quotation ``marks`` (token indices); the quotation depth of each token."""
        n = len(texts)
        stack: list[int] = []
        counts = {"«": 0, "“": 0}
        ascii_open = -1
        diff = [0] * (n + 1)
        for i in marks:
            c = texts[i]
            if c in _OPEN:
                stack.append(i)
                counts[c] += 1
            elif c in _CLOSE:
                opener = _CLOSE[c]
                if counts[opener]:
                    while stack:
                        j = stack.pop()
                        counts[texts[j]] -= 1
                        if texts[j] == opener:
                            block.close_of[j] = i
                            block.open_of[i] = j
                            diff[j + 1] += 1
                            diff[i] -= 1
                            break
                        block.open_unclosed.discard(j)
            elif c == '"':
                if ascii_open < 0:
                    ascii_open = i
                else:
                    block.close_of[ascii_open] = i
                    block.open_of[i] = ascii_open
                    diff[ascii_open + 1] += 1
                    diff[i] -= 1
                    ascii_open = -1
        for j in stack:
            if texts[j] == "«":
                block.open_unclosed.add(j)
                diff[j + 1] += 1
        block.openers = sorted(block.close_of)
        return list(itertools.accumulate(diff[:n]))

    def _blocks(self) -> None:
        art = self.article
        if art.title is not None:
            s, e = self._to_norm(art.title.start), self._to_norm(art.title.end)
            self.blocks.append(self._block(s, e, [s], True))
        for p in art.paragraphs:
            s, e = self._to_norm(p.start), self._to_norm(p.end)
            starts = [self._to_norm(x.start) for x in p.sentences] or [s]
            self.blocks.append(self._block(s, e, starts, False))

    # -- lexicon matching --

    def _scan(self, block: _Block) -> None:
        toks = block.toks
        n = len(toks)
        lex = self.lex
        prefixes, cues, attribution = lex.prefixes, lex.cues, lex.attribution
        # only a word that is a phrase or opens one with the next word can start an event
        keys = block.keys
        opening = itertools.compress(itertools.count(), map(prefixes.__contains__, keys))
        candidates = [
            i
            for i in opening
            if toks[i].word
            and (
                keys[i] in cues
                or keys[i] in attribution
                or (keys[i],) in lex.wraps
                or (i + 1 < n and (keys[i], keys[i + 1]) in lex.wraps)
                or (i + 1 < n and toks[i + 1].word and keys[i] + keys[i + 1] in prefixes)
                or (i + 2 < n and keys[i + 1] == "و")
            )
        ]
        i = 0
        for c in candidates:
            if c < i:
                continue  # inside the phrase of the last event
            i = c
            joined = ""
            cue: tuple[int, CueForm] | None = None
            attr: tuple[int, str] | None = None
            j = i
            limit = min(n, i + MAX_PHRASE_TOKENS)
            while j < limit and toks[j].word:
                joined += toks[j].k
                if joined not in prefixes:
                    break
                j += 1
                form = cues.get(joined)
                if form is not None:
                    cue = (j, form)
                kind = attribution.get(joined)
                if kind is not None:
                    attr = (j, kind)
            if attr is not None:
                at_start = block.at_sentence_start(i)
                longer = cue is None or attr[0] > cue[0] or (attr[0] == cue[0] and at_start)
                if longer and (attr[1] != "reporter" or at_start):
                    block.events.append(_Event("attr", i, attr[0], None, attr[1], -1))
                    i = attr[0]
                    continue
            if cue is not None and self._is_speech(toks, i, cue[0], cue[1]):
                block.events.append(_Event("cue", i, cue[0], cue[1], None, -1))
                i = cue[0]
                continue
            shared = self._shared_verb(block, i) if cue is None and attr is None else None
            if shared is not None:
                # به X اشاره و عنوان کرد: the first nominal takes the verb of the second
                block.events.append(_Event("cue", i, i + 1, shared, None, -1))
                i += 1
                continue
            for size in (1, 2):
                wrap = lex.wraps.get(tuple(keys[i : i + size])) if i + size <= n else None
                if wrap is not None:
                    end = self._wrap_end(block, i, i + size, wrap[0])
                    if end > i + size:
                        block.events.append(_Event("wrap", i, i + size, wrap[1], None, end))
                        break
            i += 1

    def _is_speech(self, toks: list[_Tok], i: int, j: int, form: CueForm) -> bool:
        nxt = toks[j] if j < len(toks) else None
        if i > 0 and toks[i - 1].k in self.words[_MODALS]:
            # باید گفت که / می‌توان گفت: the writer's own voice
            return False
        if j - i == 1 and toks[i].k == _GOFT and nxt is not None:
            # گفت و گو / گفت وگو: a conversation, not "said"
            if nxt.k == "و" and j + 1 < len(toks) and toks[j + 1].k.startswith("گو"):
                return False
            if nxt.k.startswith("وگو"):
                return False
            if i > 0 and toks[i - 1].k in self.words[_NOT_SPEECH_BEFORE_GOFT] and nxt.t not in _COLON:
                return False
        return True

    def _wrap_end(self, block: _Block, i: int, topic: int, closing: frozenset[str]) -> int:
        """The closing verb of the wrap whose nominal spans ``i``..``topic`` (``خواستار ... شد``,
        ``به بیان ... پرداخت``) in the same sentence and quote depth, or -1."""
        toks = block.toks
        end = block.sent_end[block.sent_id[i]]
        for j in range(topic, min(end, i + 60)):
            if toks[j].k in closing and toks[j].d == toks[i].d:
                return j
        return -1

    # -- the run --

    def run(self) -> tuple[Quote, ...]:
        self._blocks()
        for block in self.blocks:
            self._scan(block)
            block.index_events()
        self._title_quote()
        for b, block in enumerate(self.blocks):
            self._interpret(b, block)
            self._narration_subjects(block)
        quotes = self._resolve()
        return tuple(sorted(quotes, key=lambda q: (q.content.start, q.content.end)))

    # -- subject noun phrases --

    def _skip_prefixes(self, block: _Block, i: int, limit: int) -> int:
        """Skip credit lines, openers and leading adverbials before a subject."""
        toks = block.toks
        events = block.events
        if i < len(toks) and i == block.sent_start[block.sent_id[i]]:
            i = _after_dateline(toks, i, limit)
            i = _after_agency_credit(toks, i, limit)
            # دیروز وزیر نیرو گفت، صبح امروز سخنگوی دولت گفت: the time before the subject
            times = self.words[_TIME_OPENERS]
            if i + 1 < limit and toks[i].k + toks[i + 1].k in times:
                i += 2
            elif i < limit and toks[i].k in times:
                i += 1
        guard = 0
        while i < limit and guard < 8:
            guard += 1
            t = toks[i]
            if t.t in _COMMA or t.k == "و" or t.t in _BULLETS or (t.t in _CLOSE and i not in block.open_of):
                i += 1
                continue
            ev = block.event_at.get(i)
            if (
                ev is not None
                and ev.kind == "attr"
                and ev.attr in ("agency", "relay", "opener", "topic", "reporter")
            ):
                comma = _next_comma(toks, ev.i1, limit, t.d)
                named = self.entities is not None and any(
                    self._named_at(toks[j], _NAMES) is not None for j in range(ev.i1, max(ev.i1, comma))
                )
                if ev.attr in ("opener", "reporter") and (comma < 0 or comma - ev.i1 > 2 or named):
                    # (البته شهریار افندی‌زاده، معاون وزیر ... می‌گوید: the name before the comma is
                    # the subject, not part of the opener)
                    i = ev.i1
                    if i + 1 < limit and toks[i].k in self.words[_OCCASIONS]:
                        i += 1  # در پایان مسابقه یکی از تماشاگران ...: the occasion the opener is of
                        if i + 1 < limit and toks[i].k in self.words[_OCCASION_ADJECTIVES]:
                            i += 1  # در ادامه نشست خبری وی
                    continue
                if ev.attr == "agency" and toks[ev.i1 - 2].k in self.words[_DEMONSTRATIVES]:
                    # بنا بر همین گزارش محمد جعفری، مدیر ...: "this report" names no outlet
                    i = ev.i1
                    continue
                if comma < 0 and ev.attr == "agency":
                    # به گزارش فارس به نقل از روابط عمومی X مدیرعامل Y گفت: the relayed source comes next
                    relay = _next_relay(events, ev.i1, limit)
                    if relay >= 0:
                        i = relay
                        continue
                    # به گزارش خبرنگار اجتماعی فارس محمد مظاهری ... گفت: the outlet is no part of the speaker
                    outlet_end = _after_outlet(toks, ev.i1, limit, self.words[_REPORTER_NOUNS])
                    if outlet_end > ev.i1:
                        return outlet_end
                if comma < 0 and ev.attr == "relay":
                    # به نوشته بی‌بی‌سی «فیلیپ هاموند» وزیر خارجه ... گفت: the outlet is no part of the speaker
                    quoted = (k for k in range(ev.i1 + 1, min(limit, ev.i1 + 4)) if toks[k].t == "«")
                    return next(quoted, ev.i1)
                if comma < 0:
                    return i if ev.attr == "topic" else ev.i1
                if ev.attr in ("agency", "relay"):
                    comma = self._name_list_end(toks, comma, limit, t.d)
                i = comma + 1
                continue
            if ev is not None and ev.kind == "attr" and ev.attr == "adverbial":
                comma = _next_comma(toks, ev.i1, min(limit, ev.i1 + 25), t.d)
                if comma < 0:
                    # پیش از آغاز جلسه وزیر خارجه گفت: without a comma a title or role ends the adverbial
                    role = next(
                        (
                            j
                            for j in range(ev.i1 + 1, min(limit, ev.i1 + 8))
                            if _title_kind(self.lex, toks, j) in ("role", "title")
                        ),
                        -1,
                    )
                    if role < 0:
                        break
                    i = role
                    continue
                i = comma + 1
                continue
            if (
                t.k in self.words[_DEMONSTRATIVES]
                and i + 2 < limit
                and toks[i + 1].k in self.words[_OCCASIONS]
            ):
                # در ادامه این مراسم X گفت: a gathering frames the report and never speaks
                i += 2
                continue
            if t.k == _IN and i + 2 < limit and toks[i + 1].k in self.words[_PARTS]:
                # در پایان مسابقه یکی از تماشاگران ...، در ابتدای این مراسم X گفت: a part of an
                # occasion frames the report
                j = i + 2
                while j < limit and toks[j].k in self.words[_PART_MODIFIERS]:
                    j += 1
                if j < limit and toks[j].k in self.words[_DEMONSTRATIVES]:
                    j += 1
                if j + 1 < limit and toks[j].word and toks[j].k in self.words[_OCCASIONS]:
                    i = j + 1
                    while i + 1 < limit and toks[i].k in _ALSO:
                        i += 1  # در ابتدای این دیدار نیز، X گفت
                    continue
            if t.k == _IN and i + 1 < limit:
                demonstrative = toks[i + 1].k in ("این", "آن", "همین", "همان") and i + 3 < limit
                if demonstrative and toks[i + 3].k == "که":
                    # در این مراسم که با حضور ... برگزار شد، X گفت: the relative clause ends at the
                    # first comma after a verb (commas before it may list who was there)
                    end = min(limit, i + _CLAUSE_WINDOW)
                    comma = _next_comma(toks, i + 4, end, t.d)
                    while comma > 0 and not self._finite_verb(toks[comma - 1]):
                        comma = _next_comma(toks, comma + 1, end, t.d)
                    i = comma + 1 if comma > 0 else i + 3
                    continue
                comma = _next_comma(toks, i + 1, limit, t.d)
                if comma > 0 and comma - i <= 8:
                    i = comma + 1
                    continue
                if demonstrative:
                    i += 3
                    continue
            break
        return i

    @staticmethod
    def _name_list_end(toks: Sequence[_Tok], comma: int, limit: int, depth: int) -> int:
        """The comma that ends a relayed body whose name lists with commas.

        ``به نقل از روابط عمومی اداره‌کل میراث فرهنگی، صنایع‌دستی و گردشگری استان گلستان، X گفت``:
        a short segment joined by و after the first comma still belongs to the name.
        """
        nxt = _next_comma(toks, comma + 1, min(limit, comma + 9), depth)
        if 0 < nxt - comma <= 8 and any(toks[j].k == "و" for j in range(comma + 2, nxt)):
            return nxt
        return comma

    def _subject(self, block: _Block, start: int, limit: int) -> tuple[int, int]:
        """The subject noun phrase in ``toks[start:limit]`` as a token range."""
        toks = block.toks
        lex = self.lex
        i = start
        base = toks[start].d if start < len(toks) else 0
        if start < limit and (
            toks[start].k in self.words[_MODALS]
            or (start + 1 < limit and toks[start + 1].k in self.words[_VERBS])
        ):
            # ولی نباید ...، گفت؛ قصد ندارد ...: a modal or a verb's nominal opens a clause, no subject
            return start, start
        while i < limit:
            t = toks[i]
            if t.d > base or t.t in _MARKS:
                i += 1
                if i - start >= _MAX_NP:
                    break
                continue
            if t.t == "(":
                j = i + 1
                while j < limit and j - i <= 5 and toks[j].t != ")":
                    j += 1
                if j < limit and toks[j].t == ")" and i > start:
                    i = j + 1
                    continue
                break
            if t.t in _COMMA:
                if i + 1 < limit and i > start:
                    nk = toks[i + 1]
                    if nk.t in _MARKS or _title_kind(lex, toks, i + 1) in ("role", "title"):
                        i += 1
                        continue
                    # رئیس جمهور اکوادور، رافائل کورآ، از ... انتقاد کرد: a name set off by commas
                    close = _next_comma(toks, i + 1, min(limit, i + 5), t.d)
                    listed = close + 2 < limit and (toks[close + 2].k == "و" or toks[close + 2].t in _COMMA)
                    if (
                        close > i + 1
                        and not listed  # اردبیل، نیر، نمین و سرعین: a list of places, not a name
                        and all(
                            toks[j].word and toks[j].k not in self.words[_STOP] for j in range(i + 1, close)
                        )
                    ):
                        i = close + 1
                        continue
                break
            if (
                i > start
                and i in block.event_at
                and not (block.event_at[i].attr == "opener" and self._role_continues(toks, start, i, limit))
            ):
                break  # a cue or a frame (بابیان اینکه، با اشاره به) ends the subject; ولی in a role does not
            if not t.word:
                break
            if i > start and self.lex.anaphors.get(toks[i - 1].k) == "person" and i - 1 == start:
                # وی / او stand alone: what follows is the rest of the clause
                break
            quantified = t.k == "از" and i == start + 1 and toks[start].k in self.words[_QUANTIFIERS]
            if (
                t.k in self.words[_STOP]
                and not quantified
                and not self._role_continues(toks, start, i, limit)
            ):
                break
            if t.k in self.words[_VERBS] or (
                i > start and i + 1 < limit and toks[i + 1].k in self.words[_VERBS]
            ):
                # a finite verb, or the nominal of a light verb (برگزار کرد), ends the subject
                break
            if t.k == "و":
                if (
                    i + 1 < limit
                    and toks[i + 1].word
                    and toks[i + 1].k not in self.words[_STOP]
                    and i > start
                ):
                    i += 1
                    continue
                break
            i += 1
            if i - start >= _MAX_NP:
                break
        end = i
        while end > start and (
            toks[end - 1].t in _COMMA or toks[end - 1].k == "و" or toks[end - 1].t in _OPEN
        ):
            end -= 1
        return start, end

    def _role_continues(self, toks: Sequence[_Tok], start: int, i: int, limit: int) -> bool:
        """Whether a stop word at ``i`` is part of a role (امام جمعه، نماینده ... در مجلس)."""
        if toks[i].k == _IN and i + 1 < limit and toks[i + 1].k == _MAJLES:
            return True
        # the role may go on after the stop word: نماینده ولی فقیه (ولی is also "but")
        ahead = [toks[i].k]
        for t in toks[i + 1 : min(limit, i + 3)]:
            ahead.append(ahead[-1] + t.k)
        before = ""
        for j in range(i - 1, max(start, i - 3) - 1, -1):
            before = toks[j].k + before
            if any(self.lex.titles.get(before + rest) == "role" for rest in ahead):
                return True
        return False

    def _region_start(self, block: _Block, ev_index: int) -> tuple[int, int | None]:
        """Where the clause of event ``ev_index`` starts, and the event it is coordinated with."""
        ev = block.events[ev_index]
        sid = block.sent_id[ev.i0]
        start = block.sent_start[sid]
        coordinated = None
        for k in range(ev_index - 1, max(-1, ev_index - 40), -1):
            prev = block.events[k]
            if block.sent_id[prev.i0] != sid:
                break
            if (
                prev.kind == "attr"
                or k in block.framed
                or _unnamed_clause(block.toks, prev, self.words)
                or self._relative_cue(block, prev)
            ):
                continue
            start = max(start, prev.i1 if prev.kind != "wrap" else prev.wrap_end + 1)
            coordinated = k
            break
        toks = block.toks
        for j in range(ev.i0 - 2, max(start, ev.i0 - _CLAUSE_WINDOW), -1):
            # ...، چرا که بانک جهانی هشدار داده است: a conjunction after a comma opens a new clause
            word = toks[j].k
            if (word in self.words[_CONJUNCTIONS] and toks[j - 1].t in _COMMA) or (
                word == "که" and toks[j - 1].k == "چرا" and j >= 2 and toks[j - 2].t in _COMMA
            ):
                start, coordinated = j + 1, None
                break
        colon = block.prev_colon[ev.i0]
        if colon >= start:
            cue = coordinated
            start = colon + 1
            coordinated = None
            close = block.close_of.get(start) if block.toks[start].t in _OPEN else None
            if close is not None and close + 1 < ev.i0:
                # گفت: «...» مادر گفت: the quote is closed, so the next clause starts after it;
                # گفت: «...» و افزود: the second cue shares the first one's subject
                start = close + 1
                if block.toks[start].k == "و":
                    coordinated = cue
        return start, coordinated

    # -- events to raw quotes --

    def _interpret(self, b: int, block: _Block) -> None:
        toks = block.toks
        first_free = self.consumed.get(b, 0)
        # the last raw quote made from each event, for coordination
        made: dict[int, int] = {}
        subjects: dict[int, tuple[int, int]] = {}
        # the end of the last colon quote: cues before it are quoted inside that quote
        inside_until = -1
        for ev_index, ev in enumerate(block.events):
            if ev.i0 < first_free:
                continue
            # a cue inside a frame's clause is quoted by the speaker, as one inside a colon quote
            nested = toks[ev.i0].s < inside_until or ev_index in block.framed
            if ev.kind == "attr":
                if not nested:
                    self._attribution(b, block, ev_index, made, subjects)
                continue
            if block.framed.get(ev_index, (0, 0))[0] < 0 or self._relative_cue(block, ev):
                continue
            start, coord = self._region_start(block, ev_index)
            if ev_index in block.framed:
                start, coord = block.framed[ev_index][0], None
            region_is_coordinated = coord is not None and start < ev.i0 and toks[start].k == "و"
            if coord is not None and not region_is_coordinated and start < ev.i0:
                # a new clause after an earlier cue in the same sentence
                coord = None
            s0 = self._skip_prefixes(block, start, ev.i0)
            s0 = self._pronoun_anchor(block, s0, ev.i0)
            s0 = self._after_glued_clause(block, s0, ev.i0)
            n0, n1 = self._subject(block, s0, ev.i0)
            if not region_is_coordinated:
                s0, n0, n1 = self._unglued(block, start, s0, n0, n1, ev.i0)
            obj = -1
            second = self._second_clause(block, s0, ev.i0) if not region_is_coordinated else -1
            if second > s0:
                # X ... بیان کرد و Y را Z برشمرد: the object opens the second clause, X is its subject
                obj = second + 1
                n0, n1 = self._subject(block, s0, second)
            elif n0 < n1 < ev.i0 and toks[n1].k == "را":
                # the phrase before را is (or ends with) the object: "X Y را Z دانست"
                n1 = n0 if region_is_coordinated else self._split_object(block, n0, n1)
                obj = n1
            elif not region_is_coordinated and n0 < (cut := self._before_object(block, n0, n1, ev.i0)) < n1:
                # فرمانده ارتش تایلند وقوع کودتا در این کشور را ... خواند: the object opens after the name
                obj = n1 = cut
            elif (
                region_is_coordinated
                and n0 < n1
                and any(toks[j].k == "را" for j in range(n1, min(ev.i0, n1 + _CLAUSE_WINDOW)))
            ):
                # ... بیان کرد و تعامل با گروه را گامی موثر برشمرد: a longer object, the same subject
                obj, n1 = n0, n0
            subjects[ev_index] = (n0, n1)
            inherit: int | None = None
            if n0 == n1:
                if coord is not None and coord in made:
                    inherit = made[coord]
                elif coord is not None and coord in subjects and subjects[coord][0] < subjects[coord][1]:
                    n0, n1 = subjects[coord]
                else:
                    inherit = -1
            if nested and (
                n0 == n1 or self.lex.anaphors.get(toks[n0].k) is not None or not self._speaks(block, n0, n1)
            ):
                # inside a colon quote only a person or a body quoted by the speaker makes a quote
                # (دلیل دیگر ... را ثابت اعلام کرد is the speaker's own clause)
                continue
            raw = self._cue_quote(b, block, ev, ev_index, n0, n1, inherit, start, obj, nested)
            if raw is not None:
                raw.nested = nested
                self.raws.append(raw)
                made[ev_index] = len(self.raws) - 1
                if ev.i1 < len(toks) and toks[ev.i1].t in _COLON:
                    inside_until = max(inside_until, raw.content[1])

    def _shared_verb(self, block: _Block, i: int) -> CueForm | None:
        """The topic cue a nominal at ``i`` makes with the light verb of the cue after ``و``
        (``به مشکلات اشاره و تصریح کرد:`` is ``اشاره کرد`` and ``تصریح کرد``), or None."""
        keys = block.keys
        if i + 2 >= len(keys) or keys[i + 1] != "و":
            return None
        cues, prefixes = self.lex.cues, self.lex.prefixes
        joined, second = "", None
        for j in range(i + 2, min(len(keys), i + 2 + MAX_PHRASE_TOKENS)):
            joined += keys[j]
            if joined not in prefixes:
                break
            if joined in cues:
                second = (j + 1, cues[joined])
        if second is None or not second[1].nominal:
            return None
        end, form = second
        verb = "".join(keys[i + 2 + len(form.nominal.split()) : end])
        first = cues.get(keys[i] + verb) if verb else None
        return first if first is not None and first.about else None

    def _relative_cue(self, block: _Block, ev: _Event) -> bool:
        """``با انتقاد از اخباری که بیان می‌کند که ...``: a cue in a relative clause on a noun
        reports what the noun says, inside the main clause, and makes no quote of its own."""
        toks = block.toks
        i = ev.i0
        if i < 2 or toks[i - 1].k != "که" or i - 2 < block.sent_start[block.sent_id[i]]:
            return False
        if ev.i1 >= len(toks) or toks[ev.i1].k != "که":
            return False  # only a reported clause: خبرنگاری که گفت: «...» quotes the words themselves
        before = toks[i - 2]
        return before.word and not self._finite_verb(before) and before.k not in self.words[_STOP]

    def _finite_verb(self, t: _Tok) -> bool:
        """A listed finite verb or auxiliary, or a verb with its می/نمی prefix joined by ZWNJ."""
        return t.k in self.words[_VERBS] or t.t.startswith(("می\u200c", "نمی\u200c"))

    def _second_clause(self, block: _Block, start: int, cue: int) -> int:
        """The و after a finite verb that opens a second clause ``Y را Z <cue>``, or -1.

        Only a را clause counts: ``X ... حضور یافت و Y را Z دانست`` reports Y, said by X.
        """
        toks = block.toks
        depth = toks[cue].d
        seen_ra = False
        for j in range(cue - 1, max(start, cue - _CLAUSE_WINDOW), -1):
            t = toks[j]
            if t.d != depth:
                continue
            if t.k == "را":
                seen_ra = True
            elif t.k == "و" and seen_ra:
                if self._finite_verb(toks[j - 1]):
                    return j
            elif t.t in _COMMA or t.t in _END_PUNCT:
                break
        return -1

    def _pronoun_anchor(self, block: _Block, start: int, cue: int) -> int:
        """``... شروع به کار کرد وی افزود:``: a pronoun just before the cue is the subject.

        Sentences glued without a full stop leave narration before the real
        subject; a person pronoun a few words before the cue (not the object
        of a preposition) starts the subject instead.
        """
        toks = block.toks
        for j in range(cue - 1, max(start, cue - 7), -1):
            t = toks[j]
            if t.d == toks[cue].d and t.k == "وی":
                prev = toks[j - 1].k
                # (... مواجه شد به نحوی که وی در پاسخ گفت: the pronoun opens a clause after که)
                if prev in self.words[_VERBS] or prev.startswith(("می", "نمی")) or prev == "که":
                    return j
                return start
        return start

    def _unglued(
        self, block: _Block, start: int, s0: int, n0: int, n1: int, cue: int
    ) -> tuple[int, int, int]:
        """The region start and subject ``(s0, n0, n1)``, moved to the person that starts the
        report when ``toks[n0:n1]`` is a glued subheading (see :meth:`_glued_person`); the region
        starts at ``start``, before any credit (after «به گزارش فارس،» the subject is the report's)."""
        toks = block.toks
        deed = False
        if (
            not any(t.word for t in toks[start:s0])  # a bullet (*) may open a subheading
            and n0 < n1
            and self.lex.anaphors.get(toks[n0].k) is None
            and (not self._speaks(block, n0, n1) or (deed := self._deed_of(block, n0, n1)))
        ):
            # هشدار وزیر دفاع ...: the title after the deed names no one the subject stands for
            named = self._glued_person(block, n0, n0 + 1 if deed else n1, n1, cue)
            if named < 0 and not deed:
                named = self._apposed_person(block, n0, n1)
            if named >= 0:
                return (named, *self._subject(block, named, cue))
        return s0, n0, n1

    def _apposed_person(self, block: _Block, n0: int, n1: int) -> int:
        """``تعیین محورهای جشنواره فرهاد محبتی، دبیر اجرایی جشنواره گفت``: where the subheading's
        noun phrase ``toks[n0:n1]`` ran on into a person and the role set off after them by a
        comma, the person's first token; else -1 (also without the article's entities)."""
        if self.entities is None:
            return -1
        toks = block.toks
        if not toks[n0].word:
            return -1  # «سرتاج عزیز» مشاور ...: a quoted name opens the subject
        for c in range(n0 + 3, n1 - 1):
            if toks[c].t not in _COMMA or _title_kind(self.lex, toks, c + 1) != "role":
                continue
            person = self._named_at(toks[c - 1], (EntityKind.PERSON,))
            if person is None:
                return -1
            j = c - 1
            while j > n0 + 2 and self._named_at(toks[j - 1], (EntityKind.PERSON,)) is person:
                j -= 1
            return j if j > n0 + 2 else -1
        return -1

    def _deed_of(self, block: _Block, n0: int, n1: int) -> bool:
        """``هشدار وزیر دفاع``: a noun that names no one before a title, the headline of what a
        person did rather than the person."""
        if self.entities is None or n1 - n0 < 2:
            return False
        toks = block.toks
        first = toks[n0]
        return (
            first.word
            and first.k != "یک"  # یک مقام در دفتر شارون: an unnamed source
            and _title_kind(self.lex, toks, n0) is None
            and _title_kind(self.lex, toks, n0 + 1) in ("role", "title")
            # a role mention may hold the noun (the speaker's own phrase made it): only a name counts
            and self._named_at(first, _NAMES) is None
        )

    def _glued_person(self, block: _Block, n0: int, named: int, start: int, cue: int) -> int:
        """``پاکسازی ۳ هزار هکتار از اراضی آلوده امیر آشتیانی با اشاره به اینکه``: a nominal
        subheading glued to its paragraph leaves a subject ``toks[n0:start]`` that cannot speak;
        the last person the article names before the cue (not the object of a preposition or of
        را, in the same clause) starts the subject instead, or -1.  A name among the subject's
        first words (before ``named``) keeps the subject."""
        if self.entities is None:
            return -1
        toks = block.toks
        for i in range(n0, min(named, n0 + 3)):
            t = toks[i]
            quoted_name = t.t in _OPEN and any(toks[c].t in _CLOSE for c in range(i + 1, min(named, i + 6)))
            if quoted_name or self._named_at(t, _NAMES):
                return -1  # «مجید تخت روانچی» ...، جلیل وحیدی ...: the subject names someone
        # X با اشاره به Y ...، گفت: the name stands before the frame; the names in it are its topic
        frames = [
            j
            for j in range(start, cue)
            if j in block.event_at and block.event_at[j].attr in ("frame", "frame_np", "topic")
        ]
        return self._person_before(block, start, cue, frames[0] if frames else cue)

    def _person_before(self, block: _Block, start: int, cue: int, frame: int) -> int:
        """The first token of the last person named in ``toks[start:cue]`` (before ``frame``, the
        first frame of the region) who can be the subject of the cue, or -1 (see
        :meth:`_glued_person`)."""
        assert self.entities is not None
        toks = block.toks
        person = (EntityKind.PERSON, EntityKind.ROLE)
        for j in range(min(cue, frame) - 1, start, -1):
            t = toks[j]
            if t.d != toks[cue].d or not t.word:
                continue
            if self._finite_verb(t):
                return -1  # a clause before the cue: the name belongs to it
            here = self._named_at(t, person)
            if here is None:
                continue
            before = toks[j - 1]
            if self._named_at(before, person) is not None:
                continue  # inside the name, or a role after a name: the first word is further back
            if self._named_at(t, _PLACES_AND_BODIES):
                return -1  # پالایشگاه امام خمینی: a person's name inside a body's or a place's
            k = j - 1
            while k > start and (not toks[k].word or _title_kind(self.lex, toks, k) == "title"):
                k -= 1  # نزدیک به آیت‌الله سیستانی، از «اولاند»: the titles and marks before the name
            if here.kind is EntityKind.ROLE:
                # میثم مظفر، عضو شورای شهر و رئیس کمیته بودجه: roles in apposition (or joined by و)
                # after a name: the subject starts at the name when it can start there
                first = self._apposed_start(block, start, k)
                if first >= 0:
                    return first
            if toks[k].k in self.words[_STOP] or toks[k].k == "و":
                return -1
            # ... را به فرمان امام عنوان کرد: an object before the name, whose subject is elided
            if any(toks[i].k == "را" for i in range(start, j)):
                return -1
            end = self._subject(block, j, cue)[1]
            return -1 if end < cue and toks[end].k == "را" else j  # سردار سلیمانی را ... توصیف کرد
        return -1

    def _apposed_start(self, block: _Block, start: int, k: int) -> int:
        """The first token of the person (or the first of the roles) that token ``k`` ends, when
        the role after it is set off from it and that start can open a subject; else -1."""
        assert self.entities is not None
        toks = block.toks
        person = (EntityKind.PERSON, EntityKind.ROLE)
        if toks[k].k == "و" and k > start:
            k -= 1
        here = self._named_at(toks[k], person)
        if here is None:
            return -1
        j = k
        while j > start and self._named_at(toks[j - 1], person) is here:
            j -= 1
        b = j - 1
        while b > start and (not toks[b].word or _title_kind(self.lex, toks, b) == "title"):
            b -= 1
        if toks[b].k in self.words[_STOP] or toks[b].k == "و" or self._finite_verb(toks[b]):
            return -1
        return j

    def _after_glued_clause(self, block: _Block, start: int, cue: int) -> int:
        """``آسمان ایلام بارانی می‌شود مدیرکل هواشناسی ایلام گفت``: a headline glued to its report.

        When a finite verb stands between the start and the cue and a title or
        role follows it, the subject starts at that title or role.
        """
        toks = block.toks
        depth = toks[cue].d
        for j in range(cue - 2, max(start, cue - _CLAUSE_WINDOW) - 1, -1):
            t = toks[j]
            if t.d != depth or not t.word:
                continue
            if self._finite_verb(t):
                if _title_kind(self.lex, toks, j + 1) in ("role", "title") or self._person_at_start(
                    block, j + 1
                ):
                    return j + 1
                return start
        return start

    def _person_at_start(self, block: _Block, i: int) -> bool:
        """Whether a person the article names starts at token ``i`` (``... طبیعی است سیدصادق
        موسوی، مدیرکل ... گفت``)."""
        if self.entities is None or i >= len(block.toks):
            return False
        toks = block.toks
        person = (EntityKind.PERSON,)
        return self._named_at(toks[i], person) is not None and self._named_at(toks[i - 1], person) is None

    def _named_at(self, tok: _Tok, kinds: tuple[EntityKind, ...]) -> Entity | None:
        """The entity of one of ``kinds`` the article names at the start of ``tok``, if any."""
        assert self.entities is not None
        return self.entities.overlapping(self.norm.to_original(tok.s, tok.s + 1), kinds)

    def _narration_subjects(self, block: _Block) -> None:
        """Subjects that open a sentence with a title, role or organisation (وزیر خارجه ...)."""
        toks = block.toks
        if block.is_title:
            return
        first_event = [len(toks)] * len(block.sent_start)
        for ev in reversed(block.events):
            sid = block.sent_id[ev.i0]
            if ev.attr == "opener" and ev.i0 > block.sent_start[sid]:
                continue  # نماینده ولی فقیه: the subject decides whether ولی opens a clause
            first_event[sid] = ev.i0
        for sid, start in enumerate(block.sent_start):
            end = min(block.sent_end[sid], start + 40, first_event[sid])
            s0 = self._skip_prefixes(block, start, end)
            titled = next((j for j in range(s0, min(end, s0 + 4)) if _title_kind(self.lex, toks, j)), -1)
            if titled < 0 or (titled > s0 and not self._person_at(toks[s0])):
                # اظهارات رهبر انقلاب ...، سخنان وزیر ...: the words before a role name no one
                continue
            n0, n1 = self._subject(block, s0, end)
            n1 = self._before_object(block, n0, n1, end)
            if n0 < n1 and toks[n0].d == 0:
                np_span, np_keys = self._np(block, n0, n1)
                self.mentions.append(_Raw((toks[n0].s, toks[n0].s), None, np_span, np_keys, QuoteKind.DIRECT))

    def _split_object(self, block: _Block, n0: int, n1: int) -> int:
        """Where the object starts in a phrase ``SUBJECT OBJECT`` that stands before را."""
        toks = block.toks
        if self.lex.anaphors.get(toks[n0].k) in ("person", "plural"):
            return n0 + 1
        named = self._after_person(block, n0, n1)
        if named is not None:
            return named  # آیت‌الله خامنه‌ای برگزاری این کنفرانس را: the subject ends with the name
        if self.lex.anaphors.get(toks[n0].k) == "demonstrative" and n1 - n0 >= 3:
            # این روزنامه دولت بلر را ...، این مقام آمریکایی X را: the demonstrative and its noun
            return min(n1 - 1, n0 + 1 + max(1, _title_at(self.lex, toks, n0 + 1)[1]))
        for j in range(n0 + 1, n1):
            if toks[j].k in self.words[_DEMONSTRATIVES] or toks[j].t in _OPEN or toks[j].t == '"':
                return j
        if _title_kind(self.lex, toks, n0) is None and n1 - n0 >= 2:
            return n0 + 1
        return n1

    def _person_at(self, tok: _Tok) -> bool:
        """Whether a token is part of a person's mention (``True`` when no entities are known)."""
        if self.entities is None:
            return True
        span = self.norm.to_original(tok.s, tok.e)
        return self.entities.overlapping(span, (EntityKind.PERSON,)) is not None

    def _before_object(self, block: _Block, n0: int, n1: int, limit: int) -> int:
        """The end of a subject ``toks[n0:n1]`` that runs on into the object of a را before
        ``limit``: after the name that opens it (``n1`` when there is no such name)."""
        toks = block.toks
        if n0 >= n1 or not any(toks[j].k == "را" for j in range(n1, min(limit, n1 + _CLAUSE_WINDOW))):
            return n1
        named = self._after_person(block, n0, n1)
        return n1 if named is None else named

    def _after_person(self, block: _Block, n0: int, n1: int) -> int | None:
        """The token after the person, role or body the article names at the start of
        ``toks[n0:n1]`` (after at most three words of titles), when the phrase goes on after it."""
        if self.entities is None:
            return None
        toks = block.toks
        start, end = self.norm.to_original(toks[n0].s, toks[n1 - 1].e)
        last = toks[min(n0 + 3, n1 - 1)]
        name_end = self.entities.leading_name_end(start, self.norm.to_original(last.s, last.e)[0], end)
        if name_end is None or name_end >= end:
            return None
        for j in range(n0 + 1, n1):
            if self.norm.to_original(toks[j].s, toks[j].e)[0] >= name_end:
                if toks[j].k == "و" or toks[j].t in _COMMA or _title_kind(self.lex, toks, j) is not None:
                    return None  # ترامپ و مشاورانش، ظریف وزیر خارجه: the subject goes on
                return j
        return None

    def _np(self, block: _Block, n0: int, n1: int) -> tuple[tuple[int, int] | None, tuple[str, ...]]:
        if n0 >= n1:
            return None, ()
        toks = block.toks
        return (toks[n0].s, toks[n1 - 1].e), tuple(t.k for t in toks[n0:n1])

    def _cue_quote(
        self,
        b: int,
        block: _Block,
        ev: _Event,
        ev_index: int,
        n0: int,
        n1: int,
        inherit: int | None,
        region: int,
        obj: int = -1,
        nested: bool = False,
    ) -> _Raw | None:
        toks = block.toks
        form = ev.form
        assert form is not None
        frames = form.frames
        n = len(toks)
        cue_span = (toks[ev.i0].s, toks[ev.i1 - 1].e)
        np_span, np_keys = self._np(block, n0, n1)
        nxt = ev.i1
        sid = block.sent_id[ev.i0]
        send = block.framed[ev_index][1] if ev_index in block.framed else block.sent_end[sid]
        if ev.kind == "wrap":
            content = _trim(toks, ev.i1, ev.wrap_end)
            if content is None:
                return None
            return _Raw(content, cue_span, np_span, np_keys, QuoteKind.INDIRECT, inherit)
        passive = "passive" in frames
        if passive:
            np_span, np_keys = self._passive_source(block, region, ev.i0)
            inherit = None
        if "doc" in frames:
            # در این بیانیه آمده است: the document (and its issuer) is the source
            np_span, np_keys = self._document_source(block, region, ev.i0)
            inherit = None
        # X گفت: ...
        if nxt < n and toks[nxt].t in _COLON and ("colon" in frames or passive):
            return self._colon(b, block, ev, ev_index, nxt + 1, cue_span, np_span, np_keys, inherit)
        if nxt + 1 < n and toks[nxt].k == "که" and toks[nxt + 1].t in _COLON and "colon" in frames:
            return self._colon(b, block, ev, ev_index, nxt + 2, cue_span, np_span, np_keys, inherit)
        if passive and not (nxt < n and toks[nxt].k == "که"):
            return None
        if (
            n0 == n1
            and inherit == -1
            and not passive
            and ev.i0 == block.sent_start[sid]
            and "colon" not in frames
        ):
            return None
        # X گفت «...»
        if nxt < n and toks[nxt].t in _OPEN and toks[nxt].d == toks[ev.i0].d and ("marked" in frames):
            close = block.close_of.get(nxt)
            if close is not None and close - nxt > 1:
                content = _trim(toks, nxt + 1, close, keep_final=True)
                if content is not None:
                    return _Raw(content, cue_span, np_span, np_keys, QuoteKind.DIRECT, inherit)
        # X گفت که ... / X خواست که ...
        that = nxt < n and (
            toks[nxt].k == "که" or (toks[nxt].t in _COMMA and nxt + 1 < n and toks[nxt + 1].k == "که")
        )
        lo = obj if obj >= 0 else self._skip_adjuncts(block, max(n1, region), ev.i0)
        if that and ("that" in frames or "ask" in frames or passive):
            # X Y را Z عنوان کرد که ...: with an object and its predicate before the cue, که opens a
            # relative clause on them, not the report
            raw = (
                self._deem(block, ev, lo, frames, cue_span, np_span, np_keys, inherit)
                if "deem" in frames and not nested
                else None
            )
            if raw is not None:
                return raw
            start = nxt + 1 if toks[nxt].k == "که" else nxt + 2
            return self._clause(block, ev_index, start, send, cue_span, np_span, np_keys, inherit)
        # X از Y خبر داد / X بر Y تاکید کرد
        if form.about and not nested:
            m = self._find_marker(block, lo, ev.i0, form.about)
            if m is not None:
                content = _trim(toks, m, ev.i0)
                if content is not None:
                    return _Raw(content, cue_span, np_span, np_keys, self._kind_of(block, m, ev.i0), inherit)
        # X Y را Z دانست; X Y را مورد تاکید قرار داد (the cue carries the predicate: Z is empty)
        if ("deem" in frames or "object" in frames) and not nested:
            raw = self._deem(block, ev, lo, frames, cue_span, np_span, np_keys, inherit)
            if raw is not None:
                return raw
        # X از Y خواست Z
        if "ask" in frames and form.simple_past and nxt < send:
            content = _trim(toks, nxt, self._clause_end(block, ev_index, send))
            if (
                content is not None
                and _words(toks, nxt, send, 3) >= 3
                and self._has_before(block, lo, ev.i0, "از")
            ):
                return _Raw(content, cue_span, np_span, np_keys, QuoteKind.INDIRECT, inherit)
        # X اعلام کرد CLAUSE
        if "clause" in frames and nxt < send and not self._subordinate(block, max(n1, region), ev.i0):
            start = nxt + 1 if toks[nxt].t in _COMMA else nxt
            if start < send and toks[start].word and toks[start].k not in ("و", "تا", "را", "که"):
                end = self._clause_end(block, ev_index, send)
                if _words(toks, start, end, 3) >= 3:
                    return self._clause(block, ev_index, start, send, cue_span, np_span, np_keys, inherit)
        # «...»، X گفت  /  «...» این را X گفت
        if "marked" in frames and not nested:
            raw = self._marked_before(block, ev, region, cue_span, np_span, np_keys, inherit)
            if raw is not None:
                return raw
        # ...، X در این باره گفت.
        if "marked" in frames and not nested and (nxt >= send or toks[nxt].t in _END_PUNCT):
            return self._clause_before(block, ev, cue_span)
        return None

    def _deem(
        self,
        block: _Block,
        ev: _Event,
        lo: int,
        frames: frozenset[str],
        cue_span: tuple[int, int],
        np_span: tuple[int, int] | None,
        np_keys: tuple[str, ...],
        inherit: int | None,
    ) -> _Raw | None:
        """``X Y را Z دانست`` (content ``Y را Z``), ``X Y را مورد تاکید قرار داد`` (content ``Y``),
        with the object starting at ``lo``; or None."""
        toks = block.toks
        ra = -1
        # (a predicate Z stands between را and the cue, unless the cue carries it)
        last = ev.i0 - 1 if "object" in frames else ev.i0 - 2
        for j in range(last, lo - 1, -1):
            if toks[j].k == "را" and toks[j].d == toks[ev.i0].d:
                ra = j
                break
        # "را به خود خواند" (invited) has a place, not a predicate, after را
        place = (
            toks[ra + 1].k in self.words[_PREPOSITIONS]
            and ev.i0 - ra - 1 <= 3
            and toks[ra + 2].k not in self.words[_NOT_TOPIC_AFTER]
        )
        if ra > lo and not place:
            # ... را برای Y مورد تاکید قرار داد keeps what stands between را and the cue
            bare = ra == ev.i0 - 1 or (ra == ev.i0 - 2 and toks[ra + 1].k in ("نیز", "هم"))
            content = _trim(toks, lo, ra if bare else ev.i0)
            if content is not None and _words(toks, lo, ra, 1) >= 1:
                return _Raw(content, cue_span, np_span, np_keys, self._kind_of(block, lo, ev.i0), inherit)
        return None

    def _clause_before(self, block: _Block, ev: _Event, cue_span: tuple[int, int]) -> _Raw | None:
        """``قیمت‌ها ثابت می‌ماند، سخنگوی دولت در این باره گفت.``: the clause stands before the speaker.

        The speaker must follow a comma and read as a person (an anaphor, a
        title or role, a quoted name), with at most a short adverbial before
        the cue; the clause before the comma is the content.
        """
        toks = block.toks
        sid = block.sent_id[ev.i0]
        comma = block.prev_comma[ev.i0]
        if comma <= block.sent_start[sid] or ev.i0 - comma > _MAX_NP:
            return None
        n0, n1 = self._subject(block, comma + 1, ev.i0)
        if n0 == n1 or _words(toks, n1, ev.i0, 5) > 4:
            return None
        person_like = (
            self.lex.anaphors.get(toks[n0].k) == "person"
            or _title_kind(self.lex, toks, n0) in ("role", "title")
            or toks[n0].t in _OPEN
        )
        start = max(block.sent_start[sid], block.prev_colon[ev.i0] + 1)
        if not person_like or _words(toks, start, comma, 4) < 4:
            return None
        content = _trim(toks, start, comma)
        if content is None:
            return None
        np_span, np_keys = self._np(block, n0, n1)
        return _Raw(content, cue_span, np_span, np_keys, self._kind_of(block, start, comma), None)

    def _subordinate(self, block: _Block, lo: int, cue: int) -> bool:
        """Whether the cue closes a که-clause opened after the subject (پس از آن که ... اعلام کرد،)."""
        toks = block.toks
        for j in range(cue - 1, lo - 1, -1):
            t = toks[j]
            if t.d != toks[cue].d:
                continue
            if t.t in _COMMA:
                return False
            if t.k == "که":
                return True
        return False

    def _has_before(self, block: _Block, lo: int, hi: int, word: str) -> bool:
        k = key(word)
        return any(block.toks[j].k == k for j in range(lo, hi))

    def _skip_adjuncts(self, block: _Block, i: int, limit: int) -> int:
        """After the subject: skip «با اشاره به ...،»-like adverbials closed by a comma."""
        toks = block.toks
        guard = 0
        while i < limit and guard < 6:
            guard += 1
            t = toks[i]
            if t.k in ("نیز", "هم", "همچنین", "ضمنا", "سپس") or t.t in _COMMA:
                i += 1
                continue
            ev = block.event_at.get(i)
            if ev is not None and ev.kind == "attr" and ev.attr == "opener":
                i = ev.i1
                continue
            opener = t.k in self.words[_ADJUNCT_OPENERS] or (ev is not None and ev.kind == "attr")
            if opener:
                comma = _next_comma(toks, i + 1, limit, t.d)
                if comma > 0:
                    i = comma + 1
                    continue
            # وی در این دیدار ...: the occasion, not the topic
            if t.k == "در" and i + 3 < limit and toks[i + 1].k in ("این", "آن") and toks[i + 2].word:
                i += 3
                continue
            break
        return i

    def _find_marker(
        self, block: _Block, lo: int, hi: int, markers: tuple[tuple[str, ...], ...]
    ) -> int | None:
        toks = block.toks
        for j in range(lo, hi):
            t = toks[j]
            if not t.word or t.d != toks[hi].d:
                continue
            for m in markers:
                if t.k != m[0] or j + len(m) > hi:
                    continue
                if any(toks[j + x].k != m[x] for x in range(1, len(m))):
                    continue
                if j > 0 and toks[j - 1].k in self.words[_COMPOUND_BEFORE]:
                    continue
                after = j + len(m)
                if after < hi and toks[after].k in self.words[_NOT_TOPIC_AFTER]:
                    continue
                if after >= hi:
                    continue
                return after
        return None

    def _clause_end(self, block: _Block, ev_index: int, send: int) -> int:
        """Where a reported clause stops: the sentence end, a coordinated new cue
        (``... و افزود: ...``), or the fourth cue it would swallow."""
        toks = block.toks
        ev = block.events[ev_index]
        k = block.next_cue[ev_index]
        inside = 0
        while k < len(block.events):
            nxt = block.events[k]
            if nxt.i0 >= send:
                break
            if nxt.kind == "cue" and toks[nxt.i0].d == toks[ev.i0].d:
                if inside == 0:
                    j = nxt.i0 - 1
                    while j > ev.i1 and j > nxt.i0 - 4 and toks[j].k != "و":
                        j -= 1
                    if j > ev.i1 and toks[j].k == "و":
                        return j
                inside += 1
                if inside > _MAX_NESTED_CUES:
                    return nxt.i0
            k = block.next_cue[k]
        return send

    def _clause(
        self,
        block: _Block,
        ev_index: int,
        start: int,
        send: int,
        cue_span: tuple[int, int],
        np_span: tuple[int, int] | None,
        np_keys: tuple[str, ...],
        inherit: int | None,
    ) -> _Raw | None:
        toks = block.toks
        end = self._clause_end(block, ev_index, send)
        while end > start and (toks[end - 1].t in _END_PUNCT or toks[end - 1].t in _COMMA):
            end -= 1
        # a clause entirely inside «...» is the speaker's own words
        if start < end and toks[start].t in _OPEN and block.close_of.get(start, -1) >= end - 1:
            close = block.close_of[start]
            content = _trim(toks, start + 1, close, keep_final=True)
            if content is not None:
                return _Raw(content, cue_span, np_span, np_keys, QuoteKind.DIRECT, inherit)
        content = _trim(toks, start, end)
        if content is None:
            return None
        return _Raw(content, cue_span, np_span, np_keys, self._kind_of(block, start, end), inherit)

    def _kind_of(self, block: _Block, start: int, end: int) -> QuoteKind:
        """Indirect, or mixed when the clause quotes a fragment of three words or more."""
        toks = block.toks
        openers = block.openers
        k = bisect.bisect_left(openers, start)
        for j in openers[k : k + 8]:
            if j >= end:
                break
            close = block.close_of.get(j)
            if close is not None and close < end and _words(toks, j + 1, close, 3) >= 3:
                return QuoteKind.MIXED
        return QuoteKind.INDIRECT

    def _marked_before(
        self,
        block: _Block,
        ev: _Event,
        region: int,
        cue_span: tuple[int, int],
        np_span: tuple[int, int] | None,
        np_keys: tuple[str, ...],
        inherit: int | None,
    ) -> _Raw | None:
        """``«...»، X گفت``: a closing mark shortly before the speaker and the cue."""
        toks = block.toks
        j = ev.i0 - 1
        steps = 0
        while j >= 0 and steps < _MAX_NP + 4:
            if toks[j].t in _CLOSE or (toks[j].t == '"' and toks[j].d == 0):
                break
            if toks[j].t in _END_PUNCT and toks[j].d == toks[ev.i0].d:
                return None
            j -= 1
            steps += 1
        if j < 0 or steps >= _MAX_NP + 4:
            return None
        close = j
        opener = block.open_of.get(close)
        if opener is None or _words(toks, opener + 1, close, 3) < 3:
            return None
        # the speaker is between the closing mark and the cue
        s = close + 1
        while s < ev.i0 and (
            toks[s].t in _COMMA or toks[s].t in _END_PUNCT or toks[s].k in ("این", "را", "اینها")
        ):
            s += 1
        n0, n1 = self._subject(block, s, ev.i0)
        # only a speaker and a short adverbial (در این باره) may stand between
        if (n0 == n1 and ev.i0 - s > 2) or _words(toks, n1, ev.i0, 7) > 6:
            return None
        if n0 < n1:
            np_span, np_keys = self._np(block, n0, n1)
            inherit = None
        content = _trim(toks, opener + 1, close, keep_final=True)
        if content is None:
            return None
        return _Raw(content, cue_span, np_span, np_keys, QuoteKind.DIRECT, inherit)

    def _document_source(
        self, block: _Block, region: int, cue: int
    ) -> tuple[tuple[int, int] | None, tuple[str, ...]]:
        toks = block.toks
        for j in range(cue - 1, max(region, cue - 20) - 1, -1):
            if toks[j].k == _IN and toks[j].d == toks[cue].d:
                n0, n1 = self._subject(block, j + 1, cue)
                if n0 < n1 and toks[n0].k in self.words[_PARTS] and n1 < cue and toks[n1].k == "از":
                    # در بخشی از این قطعنامه آمده است: the text the part is of (parse_phrase reads it)
                    n1 = max(n1, self._subject(block, n1 + 1, cue)[1])
                if n0 < n1:
                    return self._np(block, n0, n1)
                break
        return None, ()

    def _passive_source(
        self, block: _Block, region: int, cue: int
    ) -> tuple[tuple[int, int] | None, tuple[str, ...]]:
        """The source named earlier in the sentence of an impersonal report."""
        toks = block.toks
        sid = block.sent_id[cue]
        lo = max(block.sent_start[sid], cue - 60)
        for j in range(lo, cue):
            kind = _title_kind(self.lex, toks, j)
            if kind in ("role", "title") and toks[j].d == toks[cue].d:
                n0, n1 = self._subject(block, j, cue)
                if n0 < n1:
                    return self._np(block, n0, n1)
        return None, ()

    def _colon(
        self,
        b: int,
        block: _Block,
        ev: _Event,
        ev_index: int,
        start: int,
        cue_span: tuple[int, int],
        np_span: tuple[int, int] | None,
        np_keys: tuple[str, ...],
        inherit: int | None,
    ) -> _Raw | None:
        toks = block.toks
        n = len(toks)
        if start >= n:
            return None
        sid = block.sent_id[ev.i0]
        end = n
        # the quote stops before a sentence that starts a new attribution
        for k in range(ev_index + 1, len(block.events)):
            nxt = block.events[k]
            if toks[nxt.i0].d > toks[ev.i0].d:
                continue
            nsid = block.sent_id[nxt.i0]
            if nsid == sid and not (nxt.kind == "cue" and nxt.i1 < n and toks[nxt.i1].t in _COLON):
                continue
            if self._starts_attribution(block, k):
                cut = block.sent_start[nsid] if nsid != sid else self._subject_start(block, k)
                if cut > start:
                    end = cut
                    break
        if toks[start].t in _OPEN:
            close = block.close_of.get(start)
            if close is not None and close < end:
                if all(not toks[j].word for j in range(close + 1, end)) or self._closed_statement(
                    block, start, close
                ):
                    content = _trim(toks, start + 1, close, keep_final=True)
                    if content is not None:
                        return _Raw(content, cue_span, np_span, np_keys, QuoteKind.DIRECT, inherit)
            elif start in block.open_unclosed and end == n:
                return self._run_on(b, block, start, cue_span, np_span, np_keys, inherit)
        content = _trim(toks, start, end, keep_final=True)
        if content is None:
            return None
        if end == n:
            content = (content[0], self._speech_continues(b, content[1]))
        return _Raw(content, cue_span, np_span, np_keys, QuoteKind.DIRECT, inherit)

    def _closed_statement(self, block: _Block, open_: int, close: int) -> bool:
        """Whether «...» after a colon is the whole quote though words follow it.

        ``گفت: «مذاکرات ادامه دارد.» وی سپس جلسه را ترک کرد`` and ``گفت: «...» و افزود: «...»``
        quote only what the marks hold; ``گفت: «برجام» یک توافق است`` opens with a quoted term.
        """
        toks = block.toks
        if sum(1 for j in range(open_ + 1, close) if toks[j].word) < 4:
            return False
        if toks[close - 1].t in _END_PUNCT:
            return True
        nxt = close + 1
        if nxt < len(toks) and toks[nxt].t in _END_PUNCT:
            return True
        if nxt + 1 < len(toks) and toks[nxt].k == "و":
            ev = block.event_at.get(nxt + 1)
            return ev is not None and ev.kind == "cue"
        return False

    def _speech_continues(self, b: int, end: int) -> int:
        """Extend a quote that ends a paragraph over paragraphs that go on in the speaker's voice.

        A following paragraph continues the quote when nothing in it is
        attributed (no cue, no credit line) and its first sentence speaks in
        the first person at least twice (ما ... هستیم).
        """
        first_person = self.words[_FIRST_PERSON]
        for nb in range(b + 1, min(len(self.blocks), b + 4)):
            nblock = self.blocks[nb]
            toks = nblock.toks
            if nblock.events or not toks or nb in self.consumed or len(toks) < 5:
                break
            stop = nblock.sent_end[0]
            marks = sum(
                1
                for t in toks[:stop]
                if t.k in first_person
                or (len(t.k) > 4 and t.k.startswith(("می", "نمی")) and t.k.endswith("یم"))
            )
            if marks < 2:
                break
            end = toks[-1].e
            self.consumed[nb] = len(toks)
        return end

    def _subject_start(self, block: _Block, ev_index: int) -> int:
        start, _ = self._region_start(block, ev_index)
        return self._skip_prefixes(block, start, block.events[ev_index].i0)

    def _starts_attribution(self, block: _Block, ev_index: int) -> bool:
        ev = block.events[ev_index]
        toks = block.toks
        sid = block.sent_id[ev.i0]
        if ev.kind == "attr":
            return ev.attr in ("reporter", "agency", "source", "relay") and block.at_sentence_start(ev.i0)
        if ev.kind == "cue" and ev.i1 < len(toks) and toks[ev.i1].t in _COLON:
            return True
        first = block.sent_start[sid]
        joined = ""
        for j in range(first, min(first + 3, ev.i0)):
            joined += toks[j].k
            if self.lex.anaphors.get(joined) == "person":
                return True
        return False

    def _run_on(
        self,
        b: int,
        block: _Block,
        start: int,
        cue_span: tuple[int, int],
        np_span: tuple[int, int] | None,
        np_keys: tuple[str, ...],
        inherit: int | None,
    ) -> _Raw | None:
        """A « left open at the end of the paragraph: the quote runs on until it closes.

        Following paragraphs belong to the quote while each reopens with a «
        left open, up to the paragraph where the quote closes: one whose
        leading « closes inside it, or with a » nothing opened.  Without a
        close, paragraphs free of any attribution are taken only when a close
        follows them.
        """
        toks = block.toks
        s = toks[start + 1].s if start + 1 < len(toks) else toks[start].e
        e = toks[-1].e
        taken: dict[int, int] = {}
        pending: list[tuple[int, int, int]] = []
        for nb in range(b + 1, min(len(self.blocks), b + 1 + _MAX_CONTINUED_PARAGRAPHS)):
            nblock = self.blocks[nb]
            nt = nblock.toks
            if not nt:
                break
            colon_cue = next(
                (
                    ev.i0
                    for ev in nblock.events
                    if ev.kind == "cue" and ev.i1 < len(nt) and nt[ev.i1].t in _COLON
                ),
                len(nt),
            )
            if nt[0].t in _OPEN:
                close = nblock.close_of.get(0)
                if close is None:
                    for pb, pe, pn in pending:
                        taken[pb] = pn
                        e = pe
                    pending.clear()
                    taken[nb], e = len(nt), nt[-1].e
                    continue
                if close < colon_cue:
                    for pb, _pe, pn in pending:
                        taken[pb] = pn
                    pending.clear()
                    taken[nb], e = close + 1, nt[close - 1].e if close > 0 else nt[0].e
                break
            closing = _first_unmatched_close(nblock)
            if closing is not None and closing < colon_cue:
                if closing > 0:
                    for pb, _pe, pn in pending:
                        taken[pb] = pn
                    pending.clear()
                    taken[nb], e = closing + 1, nt[closing - 1].e
                break
            if nblock.events:
                break
            pending.append((nb, nt[-1].e, len(nt)))
        self.consumed.update(taken)
        while e > s and self.text[e - 1].isspace():
            e -= 1
        if e <= s:
            return None
        return _Raw((s, e), cue_span, np_span, np_keys, QuoteKind.DIRECT, inherit)

    # -- attribution phrases --

    def _attribution(
        self,
        b: int,
        block: _Block,
        ev_index: int,
        made: dict[int, int],
        subjects: dict[int, tuple[int, int]],
    ) -> None:
        ev = block.events[ev_index]
        toks = block.toks
        kind = ev.attr
        sid = block.sent_id[ev.i0]
        send = block.sent_end[sid]
        cue_span = (toks[ev.i0].s, toks[ev.i1 - 1].e)
        if kind in ("source", "relay"):
            if kind == "relay" and self._after_agency(block, ev_index):
                return
            comma = _next_comma(toks, ev.i1, min(send, ev.i1 + 14), toks[ev.i0].d)
            if comma <= ev.i1:
                return
            n0, n1 = self._subject(block, ev.i1, comma)
            if n0 == n1 or toks[n0].k in _NOT_A_SOURCE:
                return
            phrase = parse_phrase([t.k for t in toks[n0:n1]], self.lex)
            if kind == "relay" and phrase.anaphor is None and not self._person_like(block, n0, n1):
                return
            # a clause that has its own cue is that cue's quote
            k = block.next_cue[ev_index]
            if k < len(block.events) and block.events[k].i0 < send:
                return
            np_span, np_keys = self._np(block, n0, n1)
            raw = self._clause(block, ev_index, comma + 1, send, cue_span, np_span, np_keys, None)
            if raw is not None:
                self.raws.append(raw)
                made[ev_index] = len(self.raws) - 1
            return
        if kind in ("frame", "frame_np"):
            start, _ = self._region_start(block, ev_index)
            s0 = self._skip_prefixes(block, start, ev.i0)
            n0, n1 = self._subject(block, s0, ev.i0)
            _, n0, n1 = self._unglued(block, start, s0, n0, n1, ev.i0)
            # the clause runs to the last comma before the main verb
            k = block.next_cue[ev_index]
            main = (
                block.events[k]
                if k < len(block.events) and block.sent_id[block.events[k].i0] == sid
                else None
            )
            if main is not None:
                main = self._frame_main(block, ev, k, send)
            limit = main.i0 if main is not None else send
            last_comma = block.prev_comma[limit] if limit < len(toks) else _last_comma(toks, ev.i1, limit)
            if last_comma > ev.i1 and toks[last_comma].d == toks[ev.i0].d:
                end = last_comma
            elif main is not None:
                end = main.i0
            else:
                return
            content = _trim(toks, ev.i1, end)
            if content is None:
                return
            if kind == "frame_np" and (
                _words(toks, ev.i1, end, 2) < 2
                or _joined(toks, ev.i1, end, 4) in self.words[_TRIVIAL_OBJECTS]
            ):
                return
            np_span, np_keys = self._np(block, n0, n1)
            inherit = None if n0 < n1 else -1
            if toks[ev.i1].t in _OPEN and block.close_of.get(ev.i1, -1) >= end - 1:
                content = _trim(toks, ev.i1 + 1, block.close_of[ev.i1], keep_final=True) or content
                qkind = QuoteKind.DIRECT
            else:
                qkind = self._kind_of(block, ev.i1, end)
            self.raws.append(_Raw(content, cue_span, np_span, np_keys, qkind, inherit))
            made[ev_index] = len(self.raws) - 1

    def _frame_main(self, block: _Block, ev: _Event, k: int, send: int) -> _Event:
        """The main verb of a frame (``ev``) whose next cue, event ``k``, is in its sentence:
        that cue, or the one after it when ``k`` stands inside the frame's clause (then
        recorded in ``block.framed``)."""
        toks = block.toks
        main = block.events[k]
        later = block.next_cue[k]
        if later >= len(block.events) or block.sent_id[block.events[later].i0] != block.sent_id[ev.i0]:
            return main
        after = block.events[later]
        if main.i0 == ev.i1:
            # با بیان اینکه می‌گویند X گفت: a cue that opens the clause names no one to say it
            block.framed[k] = (-1, -1)
            return after
        if (
            ev.attr != "frame"
            or main.i1 >= send
            or toks[main.i1].t in _COLON
            or block.prev_comma[main.i0] >= ev.i1
            or block.prev_colon[after.i0] >= ev.i1
        ):
            return main
        comma = block.prev_comma[after.i0]
        if main.i1 <= comma >= after.i0 - _FRAME_TO_VERB:
            # با اشاره به اینکه Y گفته است Z، افزود: Y's cue is quoted inside the clause, which ends
            # at the comma; the main verb comes right after that (a cue followed by a clause is
            # the main verb: با تاکید بر اینکه Z هشدار داد، W ...)
            block.framed[k] = (ev.i1, comma)
            return after
        if comma < main.i1 and after.i1 < len(toks) and toks[after.i1].t in _COLON:
            # با بیان اینکه Y تصریح کرد که Z گفت: no comma, but the colon marks the main verb
            block.framed[k] = (ev.i1, after.i0)
            return after
        return main

    def _after_agency(self, block: _Block, ev_index: int) -> bool:
        sid = block.sent_id[block.events[ev_index].i0]
        for k in range(ev_index - 1, -1, -1):
            prev = block.events[k]
            if block.sent_id[prev.i0] != sid:
                break
            if prev.kind == "attr" and prev.attr in ("agency", "relay"):
                return True
        return not block.at_sentence_start(block.events[ev_index].i0)

    def _speaks(self, block: _Block, n0: int, n1: int) -> bool:
        """Whether a subject can be a source: a title or role, or a person or body the article names."""
        if self._person_like(block, n0, n1):
            return True
        toks = block.toks
        if any(toks[j].k in self.words[_HONORIFICS] and toks[j - 1].t == "(" for j in range(n0 + 1, n1)):
            return True  # امام (ره)، حضرت علی (ع): only a person is blessed
        if self.entities is None:
            return False
        span = self.norm.to_original(toks[n0].s, toks[n1 - 1].e)
        kinds = (EntityKind.PERSON, EntityKind.ORGANIZATION)
        return self.entities.overlapping((span[0], span[0] + 1), kinds) is not None

    def _person_like(self, block: _Block, n0: int, n1: int) -> bool:
        toks = block.toks
        return any(_title_kind(self.lex, toks, j) in ("role", "title") for j in range(n0, min(n1, n0 + 3)))

    # -- headlines such as «تارتار: ...» --

    def _title_quote(self) -> None:
        if not self.blocks or not self.blocks[0].is_title:
            return
        block = self.blocks[0]
        toks = block.toks
        colon = next((j for j, t in enumerate(toks[:8]) if t.t in _COLON), -1)
        if colon <= 0 or colon + 1 >= len(toks):
            self._headline_nominal(block)
            return
        if any(ev.kind == "cue" and ev.i0 < colon for ev in block.events):
            return
        prefix = toks[:colon]
        if not all(t.word or t.t in _MARKS for t in prefix) or len(prefix) > 5:
            return
        keys = tuple(t.k for t in prefix if t.word)
        if not keys or keys[0] in self.words[_LABELS] or "".join(keys) in self.words[_LABELS]:
            return
        role_like = _title_kind(self.lex, toks, 0) in ("role", "title")
        if not role_like and not self._named_in_body(keys):
            return
        content = _trim(toks, colon + 1, len(toks), keep_final=True)
        if content is None:
            return
        np_span, np_keys = self._np(block, 0, colon)
        self.raws.append(_Raw(content, None, np_span, np_keys, QuoteKind.DIRECT, None))

    def _headline_nominal(self, block: _Block) -> None:
        """``تاکید روسیه بر حق ایران``: a headline that opens with the noun of a topic verb."""
        toks = block.toks
        if len(toks) < 4 or any(ev.kind == "cue" for ev in block.events):
            return
        markers = self.lex.headline.get(toks[0].k)
        if markers is None:
            return
        for j in range(2, min(len(toks) - 1, 8)):
            t = toks[j]
            found = next(
                (
                    m
                    for m in markers
                    if all(j + x < len(toks) and toks[j + x].k == m[x] for x in range(len(m)))
                ),
                None,
            )
            if found is None and t.t not in _COMMA:
                continue
            n0, n1 = self._subject(block, 1, j)
            if n0 != 1 or n1 != j:
                return
            after = j + (len(found) if found is not None else 1)
            end = next((k for k in range(after, len(toks)) if toks[k].t in ("/", "|")), len(toks))
            content = _trim(toks, after, end)
            if content is not None:
                np_span, np_keys = self._np(block, n0, n1)
                cue = (toks[0].s, toks[0].e)
                self.raws.append(_Raw(content, cue, np_span, np_keys, QuoteKind.INDIRECT, None))
            return

    def _named_in_body(self, keys: tuple[str, ...]) -> bool:
        last = keys[-1]
        for block in self.blocks[1:]:
            for t in block.toks:
                if t.k == last:
                    return True
        return False

    # -- speakers --

    def _resolve(self) -> tuple[Quote, ...]:
        raws = self.raws
        lex = self.lex
        known = self._known_names()
        res = _Index()
        quantifiers = self.words[_QUANTIFIERS]
        phrases: list[Phrase] = [parse_phrase(r.np_keys, lex, known, quantifiers) for r in raws]
        mention_phrases = [parse_phrase(m.np_keys, lex, known, quantifiers) for m in self.mentions]
        # quotes (index >= 0) and narration subjects (index < 0) in text order
        items = [(_anchor(r), qi) for qi, r in enumerate(raws)]
        items += [(_anchor(m), -1 - mi) for mi, m in enumerate(self.mentions)]
        items.sort()
        last_person: int | None = None
        last_any: int | None = None
        # the last person quoted inside a quote, until the next quote outside one
        last_nested: int | None = None
        seen_speaker = False
        pending: list[int] = []
        sequence: list[int] = []
        for _, idx in items:
            if idx < 0:
                mention = self.mentions[-1 - idx]
                person = self._register(res, mention, mention_phrases[-1 - idx], pending)
                if person is not None:
                    person = res.find(person)
                    mention.person = person
                    if not seen_speaker:
                        last_any = person
                        if not res.people[person].org:
                            last_person = person
                continue
            raw, phrase = raws[idx], phrases[idx]
            person = None
            if raw.np is None or phrase.anaphor is not None or not raw.np_keys:
                if raw.inherit is not None and raw.inherit >= 0 and raws[raw.inherit].person is not None:
                    person = raws[raw.inherit].person
                elif phrase.anaphor in ("plural",):
                    person = None
                elif phrase.anaphor == "document":
                    person = last_any
                elif phrase.hint is not None:
                    person = res.recent_with_role(phrase.hint, last_person)
                elif raw.np is not None or raw.inherit is not None:
                    # inside a quote, وی is whom the speaker quoted last
                    person = last_nested if raw.nested and last_nested is not None else last_person
                    if person is None:
                        person = last_any
            else:
                person = self._register(res, raw, phrase, pending)
            if not raw.nested:
                last_nested = None
            if person is not None:
                person = res.find(person)
                raw.person = person
                if raw.nested:
                    # someone the speaker quotes: a later وی outside the quote is still the speaker
                    last_nested = person
                    continue
                sequence.append(person)
                seen_speaker = True
                last_any = person
                if not res.people[person].org:
                    last_person = person
        self._link_roles(res, pending, sequence)
        return self._quotes(res, phrases)

    def _register(self, res: _Index, raw: _Raw, phrase: Phrase, pending: list[int]) -> int | None:
        """The person a named or role phrase stands for, created when new."""
        name_keys = _range_keys(raw.np_keys, phrase.name)
        role = role_key(_range_keys(raw.np_keys, phrase.role)) if phrase.role else None
        if name_keys:
            person = res.by_name(name_keys)
            if person is None:
                text = self._range_text(raw, phrase.name)
                person = res.new(Person(name_keys=name_keys, name=text, org=phrase.org))
            else:
                person = res.update_name(person, name_keys, self._range_text(raw, phrase.name))
            if role is not None and role[0]:
                other = res.by_role(role)
                if other is not None and not res.people[res.find(other)].name_keys:
                    person = res.merge(person, other)
                res.add_role(person, role, self._range_text(raw, phrase.role))
            return person
        if phrase.anonymous:
            # یکی از نمایندگان: someone unnamed, never one of the article's named people
            return res.new(Person(role_text=self._range_text(raw, phrase.role), org=phrase.org))
        if role is not None and role[0]:
            found = res.by_role(role)
            if found is not None:
                return found
            person = res.new(Person(role_text=self._range_text(raw, phrase.role), org=phrase.org))
            res.add_role(person, role, None)
            pending.append(person)
            return person
        return None

    def _known_names(self) -> frozenset[str]:
        """Keys of bare names used as speakers (``قاسمی گفت``), to find names inside role phrases."""
        out: set[str] = set()
        lex = self.lex
        for raw in self.raws:
            keys = [k for k in raw.np_keys if k not in _MARKS]
            if not keys or len(keys) > 3:
                continue
            # خطیب جمعه شهرکرد: a role (of one or two words), and the place in it is no surname
            pairs = (a + b for a, b in itertools.pairwise(keys))
            role_like = any(lex.titles.get(k) in ("role", "org") for k in (*keys, *pairs))
            if role_like or lex.anaphors.get("".join(keys)):
                continue
            if lex.anaphors.get(keys[0]) or keys[0] in self.words[_QUANTIFIERS] or plural_noun(keys[0]):
                continue  # گروه‌های امدادی: a group, so امدادی is no surname
            # a surname: the last word of a name used bare
            if lex.titles.get(keys[-1]) is None:
                out.add(keys[-1])
        places: set[str] = set()
        for ent in self.article.entities:
            if ent.kind == EntityKind.PERSON and ent.name.split():
                out.add(key(ent.name.split()[-1]))
            elif ent.kind == EntityKind.LOCATION:
                places.update(map(key, set(ent.mentions.texts)))
        return frozenset(out - places)

    def _range_text(self, raw: _Raw, rng: tuple[int, int] | None) -> str | None:
        if rng is None or raw.np is None:
            return None
        s, e = self._range_offsets(raw, rng)
        return self.text[s:e] if e > s else None

    def _range_offsets(self, raw: _Raw, rng: tuple[int, int]) -> tuple[int, int]:
        """Normalised offsets of a token range of a raw quote's speaker phrase."""
        assert raw.np is not None
        if raw.np_tokens is None:
            raw.np_tokens = [m.span() for m in _TOKEN.finditer(self.text, *raw.np)]
        toks = raw.np_tokens
        if rng[0] >= len(toks) or rng[1] > len(toks) or rng[0] >= rng[1]:
            return (0, 0)
        return toks[rng[0]][0], toks[rng[1] - 1][1]

    def _link_roles(self, res: _Index, pending: list[int], sequence: list[int]) -> None:
        """A role never tied to a name goes to the named speaker next to it (lead role, body name).

        Only the speaker right after the role's first appearance, else the one
        right before it, qualifies, and only while named without any role of
        their own: in an article with several officials, no role is given to a
        person farther away.
        """
        if not pending:
            return
        order: list[int] = []
        pos: dict[int, int] = {}
        for p in sequence:
            root = res.find(p)
            if root not in pos:
                pos[root] = len(order)
                order.append(root)
        # the names and mentions of the article's people
        persons = self.entities.by_name.keys() if self.entities is not None else frozenset()
        for p in pending:
            root = res.find(p)
            if res.people[root].name_keys or root not in pos:
                continue
            k = pos[root]
            for j in (k + 1, k - 1):
                if not 0 <= j < len(order):
                    continue
                other = res.find(order[j])
                person = res.people[other]
                named = person.name_keys and (not persons or "".join(person.name_keys) in persons)
                if other != root and named and not person.roles and person.org == res.people[root].org:
                    res.merge(other, root)
                    break

    def _quotes(self, res: _Index, phrases: list[Phrase]) -> tuple[Quote, ...]:
        out: list[Quote] = []
        norm = self.norm
        entities = self.entities
        for raw, phrase in zip(self.raws, phrases, strict=True):
            content = _span(norm, raw.content)
            if not content.text.strip():
                continue
            cue = _span(norm, raw.cue) if raw.cue is not None else None
            speaker = None
            name: str | None = None
            entity_id: str | None = None
            person = res.people[res.find(raw.person)] if raw.person is not None else None
            if raw.np is not None:
                s, e = norm.to_original(*raw.np)
                speaker = trusted(
                    Mention, start=s, end=e, text=norm.original[s:e], kind=_mention_kind(phrase)
                )
            if person is not None:
                name = person.name or person.role_text
            if entities is not None:
                ent = self._entity(entities, raw, phrase, person)
                if ent is not None:
                    entity_id = ent.id
                    if person is not None and person.entity is None:
                        person.entity = ent.id
                    if ent.kind in (EntityKind.PERSON, EntityKind.ORGANIZATION) or name is None:
                        name = ent.name
            out.append(
                trusted(
                    Quote,
                    content=content,
                    cue=cue,
                    speaker=speaker,
                    speaker_name=name,
                    speaker_entity=entity_id,
                    kind=raw.kind,
                )
            )
        return tuple(out)

    def _entity(
        self, entities: _EntityIndex, raw: _Raw, phrase: Phrase, person: Person | None
    ) -> Entity | None:
        """The entity a speaker is: by the name as written, else by the resolved name.

        A role phrase is matched by the person who holds it, never by the
        organisation named inside it (سخنگوی وزارت امور خارجه is no ministry).
        """
        norm = self.norm
        if raw.np is not None and phrase.anaphor is None:
            if phrase.name is not None:
                s, e = self._range_offsets(raw, phrase.name)
                if e > s:
                    ent = entities.overlapping(
                        norm.to_original(s, e), (EntityKind.PERSON, EntityKind.ORGANIZATION)
                    )
                    if ent is not None:
                        return ent
            elif phrase.org:
                ent = entities.overlapping(norm.to_original(*raw.np), (EntityKind.ORGANIZATION,))
                if ent is not None:
                    return ent
        if person is not None:
            if person.entity is not None and person.entity in entities.by_id:
                return entities.by_id[person.entity]
            if person.name:
                ent = entities.by_name.get(key(person.name))
                if ent is not None:
                    return ent
        if raw.np is not None and phrase.anaphor is None and phrase.role is not None:
            return entities.overlapping(norm.to_original(*raw.np), (EntityKind.ROLE,))
        return None


_PLACES_AND_BODIES = (EntityKind.ORGANIZATION, EntityKind.LOCATION)
_NAMES = (EntityKind.PERSON, EntityKind.ORGANIZATION)


class _EntityIndex:
    """Entities of an article, looked up by an overlapping mention or by name."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.by_id = {e.id: e for e in entities}
        self.entities = tuple(entities)
        kinds = (EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.ROLE)
        # Mentions as three parallel arrays sorted by start (a long text names
        # its people thousands of times: no object per mention).
        starts, ends, owners = array("q"), array("q"), array("l")
        for n, e in enumerate(self.entities):
            if e.kind in kinds:
                starts.extend(e.mentions.starts)
                ends.extend(e.mentions.ends)
                owners.extend([n] * len(e.mentions))
        order = sorted(range(len(starts)), key=starts.__getitem__)
        self.starts = array("q", map(starts.__getitem__, order))
        self.ends = array("q", map(ends.__getitem__, order))
        self.owners = array("l", map(owners.__getitem__, order))
        self.max_len = max(map(operator.sub, ends, starts), default=0)

    @functools.cached_property
    def by_name(self) -> dict[str, Entity]:
        """People by the key of their name and of each of their mentions.

        Built on first use: most speakers are found by an overlapping mention.
        """
        out: dict[str, Entity] = {}
        for e in self.entities:
            if e.kind == EntityKind.PERSON:
                # each written form once: a person is named by the same few forms again and again
                for k in {key(text) for text in {e.name, *e.mentions.texts}}:
                    out.setdefault(k, e)
        return out

    # a person and a role stand side by side in apposition (رئیس‌جمهور، روحانی), at most a comma
    # and a space apart
    _APPOSITION = frozenset({EntityKind.PERSON, EntityKind.ROLE})
    _APPOSITION_GAP = 2

    def leading_name_end(self, start: int, limit: int, end: int) -> int | None:
        """Where the names that open ``start:end`` end: the longest mention that starts
        between ``start`` and ``limit``, and a person or role in apposition right after it."""
        starts, ends = self.starts, self.ends
        i = bisect.bisect_left(starts, start)
        first = -1
        while i < len(starts) and starts[i] <= limit and (first < 0 or starts[i] == starts[first]):
            if ends[i] <= end and (first < 0 or ends[i] > ends[first]):
                first = i
            i += 1
        if first < 0:
            return None
        name_end = ends[first]
        kind = self.entities[self.owners[first]].kind
        j = first + 1
        while j < len(starts) and starts[j] <= name_end + self._APPOSITION_GAP:
            other = self.entities[self.owners[j]].kind
            if starts[j] >= name_end and ends[j] <= end and {kind, other} == self._APPOSITION:
                name_end, kind = ends[j], other
            j += 1
        return name_end

    def overlapping(self, span: tuple[int, int], kinds: tuple[EntityKind, ...]) -> Entity | None:
        """An entity of one of ``kinds`` with a mention overlapping ``span`` (a person first)."""
        s, e = span
        lo = bisect.bisect_left(self.starts, s - self.max_len)
        hi = bisect.bisect_left(self.starts, e)
        best: Entity | None = None
        for i in range(lo, hi):
            ent = self.entities[self.owners[i]]
            overlaps = self.starts[i] < e and s < self.ends[i]
            if overlaps and ent.kind in kinds and (best is None or ent.kind == EntityKind.PERSON):
                best = ent
        return best


class _Index(Resolver):
    """The resolver with lookups by surname and by role head (bounded, so linear overall)."""

    _FUZZY_WINDOW = 40

    def __init__(self) -> None:
        super().__init__()
        self.by_last: dict[str, list[int]] = {}
        self.by_head: dict[str, list[int]] = {}
        self.recent: list[int] = []

    def new(self, person: Person) -> int:
        idx = super().new(person)
        if person.name_keys:
            self.by_last.setdefault(person.name_keys[-1], []).append(idx)
        return idx

    def by_name(self, name_keys: tuple[str, ...]) -> int | None:
        for idx in reversed(self.by_last.get(name_keys[-1], [])[-self._FUZZY_WINDOW :]):
            root = self.find(idx)
            nk = self.people[root].name_keys
            short, long_ = (nk, name_keys) if len(nk) <= len(name_keys) else (name_keys, nk)
            if short and long_[len(long_) - len(short) :] == short:
                return root
        return None

    def update_name(self, idx: int, name_keys: tuple[str, ...], text: str | None) -> int:
        root = self.find(idx)
        p = self.people[root]
        if len(name_keys) > len(p.name_keys):
            p.name_keys, p.name = name_keys, text
            self.by_last.setdefault(name_keys[-1], []).append(root)
        return root

    def add_role(self, idx: int, role: RoleKey, text: str | None) -> None:
        root = self.find(idx)
        p = self.people[root]
        p.roles.append(role)
        if p.role_text is None and text:
            p.role_text = text
        self.by_head.setdefault(role[0], []).append(root)

    def by_role(self, role: RoleKey) -> int | None:
        candidates = self.by_head.get(role[0], [])
        for idx in reversed(candidates[-self._FUZZY_WINDOW :]):
            root = self.find(idx)
            if any(role_matches(role, r) for r in self.people[root].roles[-8:]):
                return root
        return None

    def recent_with_role(self, hint: str, fallback: int | None) -> int | None:
        """The last speaker whose role starts with ``hint`` (``این استاد`` -> an ``استاد ...``)."""
        ids = self.by_head.get(hint)
        if ids:
            return self.find(ids[-1])
        return fallback


# --- small helpers --------------------------------------------------------------


def _span(norm: Normalized, rng: tuple[int, int]) -> Span:
    """``norm.span(*rng)``, built without validators: the alignment's offsets are right by construction."""
    s, e = norm.to_original(*rng)
    return trusted(Span, start=s, end=e, text=norm.original[s:e])


def _anchor(raw: _Raw) -> int:
    if raw.np is not None:
        return raw.np[0]
    if raw.cue is not None:
        return raw.cue[0]
    return raw.content[0]


def _after_agency_credit(toks: Sequence[_Tok], i: int, limit: int) -> int:
    """Past an outlet's name that opens a sentence as its credit, set off by a comma or a dash
    (``خبرگزاری فارس، رئیس جمهور ... گفت``, ``خبرگزاری فارس - یک استاد دانشگاه گفت``)."""
    for j in range(i + 1, min(limit, i + 6)):
        t = toks[j]
        if t.word:
            continue
        if (t.t in _COMMA or t.t in _BULLETS or t.t == "_") and _outlet_name(toks, i, j):
            return j + 1
        break
    return i


_DESK_WORDS = 3  # گروه سیاسی، حوزه دانشگاه: the desk between a reporter and the outlet
_OUTLET_WORDS = 4


def _outlet_name(toks: Sequence[_Tok], start: int, end: int) -> bool:
    name = " ".join(toks[j].t.replace("\u200c", " ") for j in range(start, end))
    return " ".join(name.split()) in known_agencies()


def _after_outlet(toks: Sequence[_Tok], i: int, limit: int, reporters: frozenset[str]) -> int:
    """Past a known outlet named at ``i``, perhaps after one of ``reporters`` and a desk
    (``خبرنگار اجتماعی فارس``), or ``i`` when none is."""
    first = i + 1 if i < limit and toks[i].k in reporters else i
    best = i
    for start in range(first, min(limit, first + _DESK_WORDS + 1)):
        if not toks[start].word:
            break
        if start < best:
            continue
        for end in range(min(limit, start + _OUTLET_WORDS), start, -1):
            if _outlet_name(toks, start, end):
                # (the last outlet named within reach: حوزه is a desk, and an outlet's name too, in
                # خبرنگار حوزه دولت خبرگزاری فارس)
                best = end
                break
    return best


def _unnamed_clause(toks: Sequence[_Tok], ev: _Event, words: Mapping[str, frozenset[str]]) -> bool:
    """Whether a cue is the verb of ``که نخواست نامش فاش شود`` inside a speaker's phrase (an
    unnamed source), not a clause of its own."""
    return (
        ev.i0 > 0
        and toks[ev.i0 - 1].k == "که"
        and toks[ev.i0].k in words[_UNNAMED_VERBS]
        and ev.i1 < len(toks)
        and toks[ev.i1].k in words[_ITS_NAME]
    )


def _next_relay(events: Sequence[_Event], i: int, limit: int) -> int:
    """Where the first relay phrase (به نقل از) in tokens ``i .. limit - 1`` starts, or -1."""
    k = bisect.bisect_left(events, i, key=lambda ev: ev.i0)
    while k < len(events) and events[k].i0 < limit:
        if events[k].kind == "attr" and events[k].attr == "relay":
            return events[k].i0
        k += 1
    return -1


#: the most words between the comma that ends a frame's clause and the main verb (در ادامه)
_FRAME_TO_VERB = 4


def _next_comma(toks: Sequence[_Tok], i: int, limit: int, depth: int) -> int:
    for j in range(i, limit):
        if toks[j].t in _COMMA and toks[j].d == depth:
            return j
        if toks[j].t in _END_PUNCT and toks[j].d == depth:
            return -1
    return -1


def _after_dateline(toks: Sequence[_Tok], i: int, limit: int) -> int:
    """Skip a dateline ``تهران- ایرنا-`` (place, dash, agency, dash) at the start of a sentence."""
    dashes = 0
    for j in range(i, min(limit, i + 10)):
        t = toks[j]
        if t.t in _BULLETS:
            dashes += 1
            if dashes == 2:
                return j + 1
        elif not t.word and t.t not in "()":
            break
    return i


def _last_comma(toks: Sequence[_Tok], start: int, end: int) -> int:
    """The last comma in ``toks[start:end]`` (looked for among the last 200 tokens)."""
    for j in range(end - 1, max(start, end - 200) - 1, -1):
        if toks[j].t in _COMMA:
            return j
    return -1


def _joined(toks: Sequence[_Tok], start: int, end: int, limit: int) -> str:
    """The keys of ``toks[start:end]`` joined, or "" when there are more than ``limit`` tokens."""
    if end - start > limit:
        return ""
    return "".join(t.k for t in toks[start:end])


def _words(toks: Sequence[_Tok], start: int, end: int, enough: int = 1 << 30) -> int:
    """How many words and numbers stand in ``toks[start:end]``, counting no further than ``enough``."""
    n = 0
    for j in range(start, end):
        if toks[j].word or toks[j].t[:1].isdigit():
            n += 1
            if n >= enough:
                break
    return n


def _trim(toks: Sequence[_Tok], start: int, end: int, *, keep_final: bool = False) -> tuple[int, int] | None:
    """Normalised offsets of ``toks[start:end]`` without edge commas and marks."""
    while start < end and (toks[start].t in _COMMA or toks[start].t in _COLON or toks[start].t in "-–—"):
        start += 1
    while end > start and (toks[end - 1].t in _COMMA or (not keep_final and toks[end - 1].t in _END_PUNCT)):
        end -= 1
    if start >= end or not any(t.word or t.t[:1].isdigit() for t in toks[start:end]):
        return None
    return toks[start].s, toks[end - 1].e


def _title_kind(lex: Lexicon, toks: Sequence[_Tok], i: int) -> str | None:
    """The title-lexicon kind of the longest phrase at token ``i``."""
    return _title_at(lex, toks, i)[0]


def _title_at(lex: Lexicon, toks: Sequence[_Tok], i: int) -> tuple[str | None, int]:
    """The title-lexicon kind and length in tokens of the longest phrase at token ``i`` (of
    words only: a mark ends it)."""
    keys = []
    for t in toks[i : i + 4]:
        if not t.word:
            break
        keys.append(t.k)
    return title_at(keys, 0, lex)


def _first_unmatched_close(block: _Block) -> int | None:
    """The first closing mark of a paragraph with no opening mark before it."""
    toks = block.toks
    opened = 0
    for i, t in enumerate(toks):
        if t.t in _OPEN:
            opened += 1
        elif t.t in _CLOSE:
            if opened == 0:
                return i
            opened -= 1
    return None


def _range_keys(keys: Sequence[str], rng: tuple[int, int] | None) -> tuple[str, ...]:
    if rng is None:
        return ()
    return tuple(k for k in keys[rng[0] : rng[1]] if k not in _MARKS)


def _mention_kind(phrase: Phrase) -> EntityKind | None:
    if phrase.anaphor is not None:
        return None
    if phrase.org:
        return EntityKind.ORGANIZATION
    if phrase.name is not None:
        return EntityKind.PERSON
    if phrase.role is not None:
        return EntityKind.ROLE
    return None
