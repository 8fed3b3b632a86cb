"""Title, paragraphs, sentences and tokens, with offsets into the original text.

Segmentation runs on the normalised text (so that ``می رود`` is one token
``می‌رود`` and Arabic letters do not split words) and maps every span back
to the caller's string.

Layout conventions of Persian news: the headline is the first line, the
body paragraphs follow, one per line (usually separated by blank lines).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

from persnews._patterns import LazyPattern
from persnews.model import Article, Paragraph, Sentence, Tokens, trusted
from persnews.normalize import Normalized, normalize

__all__ = [
    "segment_article",
    "split_paragraphs",
    "split_sentences",
    "tokenize",
]

# A token is a URL, an e-mail, a number with its inner separators, a word
# (letters and marks joined by ZWNJ, never ending on one), or one other
# non-space character.  Every alternative is a simple run: no backtracking.
_URL = r"(?:https?://|www\.)[^\s«»\"()\[\]]+"
_EMAIL = r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+"
_WORD_REST = r"[\p{L}\p{M}]*(?:\u200c+[\p{L}\p{M}]+)*"
_OTHER_TOKENS = (
    r"\d+(?:[.,/:٫٬]\d+)*",
    r"[A-Za-z]+(?:[.'\-][A-Za-z]+)*",
    r"\p{L}" + _WORD_REST,
    r"\S",
)
#: One token.
_TOKEN = LazyPattern("|".join((_URL, _EMAIL, *_OTHER_TOKENS)))


def _tokens_pattern(*alternatives: str) -> LazyPattern:
    # Every non-space character starts a token, so the tokens of a stretch
    # are the captures of one match of a repeated group (read in one call,
    # where iterating over matches costs an object a token).
    return LazyPattern(r"(?:\s*+(" + "|".join(alternatives) + r"))*+")


#: Every token of a stretch, as the captures of group 1.
_TOKENS = _tokens_pattern(_URL, _EMAIL, *_OTHER_TOKENS)
# Most texts have no "@": without the e-mail alternative, a word is not
# first read as the start of an address, and a word that starts with a
# letter other than A-Z (which no URL, number or Latin word does) is tried
# as a word first.
_TOKENS_NO_EMAIL = _tokens_pattern(r"[^\P{L}A-Za-z]" + _WORD_REST, _URL, *_OTHER_TOKENS)

# A sentence ends at a run of terminators followed by a space or the end.
# Possessive, and anchored at the start of a run, so a long run of dots is
# scanned once.
_TERMINATOR = LazyPattern(r"(?<![.!?؟…])[.!?؟…]++[\"'»”)\]]*+(?=\s|$)")
_LINE = LazyPattern(r"[^\n\r\u2028\u2029]+")
_OPEN_CLOSE = {"«": "»", "(": ")", "“": "”"}
_BRACKET = LazyPattern("[«»()“”]")
_MAX_TITLE_WORDS = 40


def tokenize(normalized: Normalized, start: int = 0, end: int | None = None) -> Tokens:
    """Tokens of ``normalized.text[start:end]`` as original-text spans.

    Args:
        normalized: the normalisation of the caller's text.
        start: where to start in the normalised text.
        end: where to stop (default: the end of the text).

    Returns:
        The tokens, packed (a :class:`~persnews.model.Tokens`, which behaves
        like a tuple of :class:`~persnews.Token`).

    Example:
        >>> from persnews.normalize import normalize
        >>> [t.text for t in tokenize(normalize("ظريف مي رود."))]
        ['ظريف', 'مي رود', '.']
    """
    end = len(normalized.text) if end is None else end
    if not 0 <= start <= end <= len(normalized.text):
        raise ValueError(
            f"range {start}:{end} is outside the normalised text (length {len(normalized.text)})"
        )
    os_, oe = normalized.to_original(start, end)
    return _tokens(normalized, start, end, os_, normalized.original[os_:oe], sliced=False)


def _tokens(normalized: Normalized, s: int, e: int, os_: int, text: str, *, sliced: bool = True) -> Tokens:
    """The packed tokens of ``normalized.text[s:e]``, whose original is ``text`` at ``os_``.

    With ``sliced``, the stretch is tokenised on its own (right for sentences,
    which always follow a space or a line break, where the token pattern's
    look-behind sees nothing either); else in place, with offsets shifted.
    """
    ntext = normalized.text
    shift = normalized.alignment.shift_over(s, e)
    # Offsets map by one addition where no edit falls inside the stretch,
    # and then the original and normalised stretches have the same length.
    same = shift is not None and ntext.startswith(text, s) and e - s == len(text)
    if sliced:
        # Tokenised on the original when it is the normalised text itself.
        spans = _token_spans(text if same else ntext[s:e], 0, e - s)
    else:
        spans = [x - s for x in _token_spans(ntext, s, e)]
    offsets = _offsets(spans, e - s)
    if same:
        return Tokens.packed(os_, offsets, text)
    if shift is not None:
        return Tokens.packed(os_, offsets, text, ntext, s)
    orig = _map_back(normalized, s, spans, os_)
    return Tokens.packed(os_, _offsets(orig, len(text)), text, ntext, s, offsets)


def _token_spans(text: str, start: int, end: int) -> list[int]:
    """Start and end of every token of ``text[start:end]``, interleaved."""
    pattern = _TOKENS if text.find("@", start, end) >= 0 else _TOKENS_NO_EMAIL
    found = pattern().match(text, start, end)
    assert found is not None  # the pattern matches the empty string
    starts, ends = found.starts(1), found.ends(1)
    spans = [0] * (2 * len(starts))
    spans[0::2] = starts
    spans[1::2] = ends
    return spans


def _map_back(normalized: Normalized, s: int, spans: list[int], os_: int) -> list[int]:
    """Original offsets (relative to ``os_``) of token spans (relative to ``s``).

    Halves the run of tokens until each part maps by one shift or is a single
    token, so a sentence with a few edits costs a few lookups, not one a token.
    """
    out = [0] * len(spans)
    shift_over = normalized.alignment.shift_over
    to_original = normalized.to_original
    todo = [(0, len(spans) >> 1)] if spans else []
    while todo:
        i, j = todo.pop()
        d = shift_over(s + spans[2 * i], s + spans[2 * j - 1])
        if d is not None:
            base = s + d - os_
            for k in range(2 * i, 2 * j):
                out[k] = spans[k] + base
        elif j - i == 1:
            a, b = to_original(s + spans[2 * i], s + spans[2 * i + 1])
            out[2 * i], out[2 * i + 1] = a - os_, b - os_
        else:
            m = (i + j) >> 1
            todo += ((i, m), (m, j))
    return out


def _offsets(values: list[int], top: int) -> array[int]:
    return array("H" if top < 1 << 16 else "I" if top < 1 << 32 else "Q", values)


def _protected(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches inside matched « », ( ) or “ ” pairs, where no sentence ends."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for m in _BRACKET().finditer(text, start, end):  # only the marks, not every character
        ch = m.group()
        i = m.start()
        if ch in _OPEN_CLOSE:
            stack.append((ch, i))
        elif stack and ch == _OPEN_CLOSE[stack[-1][0]]:
            _, j = stack.pop()
            if not stack:
                spans.append((j, i))
    return spans


def _sentence_bounds(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    protected = _protected(text, start, end) if any(text.find(c, start, end) >= 0 for c in "«(“") else []
    k = 0
    sent_start = start
    for m in _TERMINATOR().finditer(text, start, end):
        cut = m.end()
        while k < len(protected) and protected[k][1] < m.start():
            k += 1
        if k < len(protected) and protected[k][0] < m.start() <= protected[k][1]:
            continue
        # A single letter before a dot is an abbreviation (ج.ا.ا، U.S.).
        if m.group()[0] == "." and m.start() - 1 >= sent_start:
            before = m.start() - 1
            if text[before].isalpha() and (before == sent_start or not text[before - 1].isalpha()):
                continue
        yield sent_start, cut
        sent_start = cut
    if sent_start < end:
        yield sent_start, end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(normalized: Normalized, start: int, end: int) -> tuple[Sentence, ...]:
    """Sentences of ``normalized.text[start:end]`` (one paragraph), with tokens.

    Sentences end at ``. ! ? ؟ …`` followed by a space, never inside « » or
    parentheses, inside numbers (``۱۲.۵``) or after a one-letter abbreviation.
    """
    return _split_sentences(normalized, start, end, normalized.original, 0)


def _split_sentences(
    normalized: Normalized, start: int, end: int, outer: str, outer_start: int
) -> tuple[Sentence, ...]:
    """:func:`split_sentences`, cutting sentence texts from ``outer`` (the original
    text from ``outer_start`` on: the paragraph's), so that a sentence that is
    the whole paragraph shares its string."""
    text = normalized.text
    out = []
    for s, e in _sentence_bounds(text, start, end):
        s, e = _strip(text, s, e)
        if s == e:
            continue
        out.append(_sentence(normalized, s, e, outer, outer_start))
    return tuple(out)


def _sentence(normalized: Normalized, s: int, e: int, outer: str, outer_start: int) -> Sentence:
    os_, oe = normalized.to_original(s, e)
    # Slicing a whole str gives the str itself: no copy then.
    text = outer[os_ - outer_start : oe - outer_start]
    return trusted(Sentence, start=os_, end=oe, text=text, tokens=_tokens(normalized, s, e, os_, text))


def _lines(text: str) -> Iterator[tuple[int, int]]:
    for m in _LINE().finditer(text):
        s, e = _strip(text, m.start(), m.end())
        if s < e:
            yield s, e


def split_paragraphs(normalized: Normalized) -> tuple[Paragraph, ...]:
    """Every non-blank line of the text as a paragraph, with its sentences.

    Example:
        >>> from persnews.normalize import normalize
        >>> [p.text for p in split_paragraphs(normalize("یک.\\n\\nدو."))]
        ['یک.', 'دو.']
    """
    return tuple(_paragraph(normalized, s, e) for s, e in _lines(normalized.text))


def _paragraph(normalized: Normalized, s: int, e: int) -> Paragraph:
    os_, oe = normalized.to_original(s, e)
    text = normalized.original[os_:oe]
    return trusted(
        Paragraph,
        start=os_,
        end=oe,
        text=text,
        sentences=_split_sentences(normalized, s, e, text, os_),
    )


def _looks_like_title(text: str, start: int, end: int) -> bool:
    words = text.count(" ", start, end) + 1
    if words > _MAX_TITLE_WORDS:
        return False
    # A long first line that ends like a sentence is a lead, not a headline.
    return not (words > 20 and text[end - 1] in ".!؟?")


def segment_article(text: str) -> tuple[Article, Normalized]:
    """Split an article into title and body paragraphs.

    The title is the first line when at least one more line follows and it
    is short enough to be a headline; every other non-blank line is a body
    paragraph.  Returns the article (with ``text``, ``title`` and
    ``paragraphs``) and the normalisation it was computed on, for the
    extractors that follow.

    Raises:
        TypeError: ``text`` is not a ``str``.

    Example:
        >>> art, _ = segment_article("ظریف به مسکو می رود\\n\\nوزیر خارجه فردا به مسکو می‌رود.")
        >>> art.title.text, len(art.paragraphs)
        ('ظریف به مسکو می رود', 1)
    """
    normalized = normalize(text, digits="ascii")
    return segment_normalized(normalized), normalized


def segment_normalized(normalized: Normalized) -> Article:
    """:func:`segment_article` for text that is already normalised."""
    ntext = normalized.text
    lines = list(_lines(ntext))
    title = None
    if len(lines) >= 2 and _looks_like_title(ntext, *lines[0]):
        s, e = lines.pop(0)
        title = _sentence(normalized, s, e, normalized.original, 0)
    paragraphs = tuple(_paragraph(normalized, s, e) for s, e in lines)
    return Article(normalized.original, title=title, paragraphs=paragraphs)
