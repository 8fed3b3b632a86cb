"""Title, paragraphs, sentences and tokens, with offsets into the original text.

Segmentation runs on the normalised text (so that ``می رود`` is one token
``می‌رود`` and Arabic letters do not split words) and maps every span back
to the caller's string.

Layout conventions of Persian news: the headline is the first line, the
body paragraphs follow, one per line (usually separated by blank lines).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from persnews.model import Article, Paragraph, Sentence, Token, trusted
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
_TOKEN = regex.compile(
    r"""
    (?:https?://|www\.)[^\s«»"()\[\]]+
  | (?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+
  | \d+(?:[.,/:٫٬]\d+)*
  | [A-Za-z]+(?:[.'\-][A-Za-z]+)*
  | \p{L}[\p{L}\p{M}]*(?:\u200c+[\p{L}\p{M}]+)*
  | \S
    """,
    regex.VERBOSE,
)

# A sentence ends at a run of terminators followed by a space or the end.
# Possessive, and anchored at the start of a run, so a long run of dots is
# scanned once.
_TERMINATOR = regex.compile(r"(?<![.!?؟…])[.!?؟…]++[\"'»”)\]]*+(?=\s|$)")
_LINE = regex.compile(r"[^\n\r\u2028\u2029]+")
_OPEN_CLOSE = {"«": "»", "(": ")", "“": "”"}
_MAX_TITLE_WORDS = 40


def tokenize(normalized: Normalized, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Tokens of ``normalized.text[start:end]`` as original-text spans.

    Example:
        >>> from persnews.normalize import normalize
        >>> [t.text for t in tokenize(normalize("ظريف مي رود."))]
        ['ظريف', 'مي رود', '.']
    """
    end = len(normalized.text) if end is None else end
    original = normalized.original
    to_original = normalized.to_original
    out = []
    for m in _TOKEN.finditer(normalized.text, start, end):
        s, e = to_original(*m.span())
        out.append(trusted(Token, start=s, end=e, text=original[s:e], norm=m.group()))
    return tuple(out)


def _protected(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches inside matched « », ( ) or “ ” pairs, where no sentence ends."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i in range(start, end):
        ch = text[i]
        if ch in _OPEN_CLOSE:
            stack.append((ch, i))
        elif stack and ch == _OPEN_CLOSE[stack[-1][0]]:
            _, j = stack.pop()
            if not stack:
                spans.append((j, i))
    return spans


def _sentence_bounds(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    protected = _protected(text, start, end) if any(c in text[start:end] for c in "«(“") else []
    k = 0
    sent_start = start
    for m in _TERMINATOR.finditer(text, start, end):
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
    text = normalized.text
    out = []
    for s, e in _sentence_bounds(text, start, end):
        s, e = _strip(text, s, e)
        if s == e:
            continue
        os_, oe = normalized.to_original(s, e)
        out.append(Sentence(os_, oe, normalized.original[os_:oe], tokens=tokenize(normalized, s, e)))
    return tuple(out)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    for m in _LINE.finditer(text):
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
    return Paragraph(os_, oe, normalized.original[os_:oe], sentences=split_sentences(normalized, s, e))


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
        os_, oe = normalized.to_original(s, e)
        title = Sentence(os_, oe, normalized.original[os_:oe], tokens=tokenize(normalized, s, e))
    paragraphs = tuple(_paragraph(normalized, s, e) for s, e in lines)
    return Article(normalized.original, title=title, paragraphs=paragraphs)
