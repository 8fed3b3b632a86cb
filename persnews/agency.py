"""The source agency: the outlet an article credits for its report.

Persian news credits its source in a handful of formulas, tried in this
order because the earlier ones name the publisher and the later ones may
name a relayed outlet:

1. the lead opens with the agency and a colon or dash: ``خبرگزاری فارس: ...``;
2. a dateline: ``تهران - ایرنا - ...``;
3. ``به گزارش X،`` with optional desk words (``به گزارش خبرنگار سیاسی
   خبرگزاری فارس از قم،``);
4. the reporter formula ``در گفت‌وگو با خبرنگار فارس`` and an interview
   with the outlet itself (``در گفت‌وگو با خبرگزاری فارس``);
5. ``به نقل از X`` when nothing else credits a source, and last a known
   ``خبرگزاری X`` named in the opening paragraphs.

Known outlets and their canonical names come from ``data/agencies.tsv``.
"""

from __future__ import annotations

from collections.abc import Mapping

from persnews import _resources
from persnews._patterns import LazyPattern
from persnews.model import Article, SourceAgency
from persnews.normalize import Normalized

__all__ = ["find_source_agency", "known_agencies"]

# How far into the body the credit line is looked for.
_PARAGRAPHS_SEARCHED = 4
_MAX_UNKNOWN_WORDS = 4

_LEAD_CREDIT = LazyPattern(r"([^\s:،؛\-–—]+(?: [^\s:،؛\-–—]+){0,2})\s*[:،؛\-–—]")
_DATELINE = LazyPattern(r"[^\s\-–—:،]+(?: [^\s\-–—:،]+)?\s*[-–—]\s*([^\-–—:،\n]{2,30}?)\s*[-–—]")
_REPORT = LazyPattern(r"به گزارش ([^،,:؛.\n]{1,80})")
_REPORTER = LazyPattern(r"خبرنگار(?:ان)? ((?:[^\s،,:؛.]+ ){0,5}[^\s،,:؛.]+)")
_INTERVIEW = LazyPattern(r"(?:گفت\u200cوگو|گفتگو|گفت و گو|مصاحبه) با ((?:[^\s،,:؛.]+ ){0,3}[^\s،,:؛.]+)")
_RELAYED = LazyPattern(r"به نقل از ([^،,:؛.\n]{1,60})")
_NAMED = LazyPattern(r"(خبرگزاری [^\s،,:؛.]+(?: [^\s،,:؛.]+)?)")
# Where the outlet's name ends inside a credit phrase.
_PHRASE_END = LazyPattern(r" (?:به نقل از|از|در|که|با|به|برای) ")
# An unknown outlet's name also stops at a conjunction.
_NAME_END = LazyPattern(r" و ")
# The words of a credit phrase.
_WORD = LazyPattern(r"[^\s]+")
_DESK_START = LazyPattern(
    r"(?:خبرنگار|خبرنگاران|گروه|سرویس|روابط عمومی|پایگاه|دفتر|ما)\b|(?:خبرگزاری|روزنامه|سایت)$"
)


def known_agencies() -> Mapping[str, str]:
    """Written form (spaces for ZWNJ) -> canonical name, from ``agencies.tsv``."""
    return _resources.table("agencies.tsv")


def _key(text: str) -> str:
    return " ".join(text.replace("\u200c", " ").split())


def _known_in(phrase: str) -> tuple[int, int, str] | None:
    """The longest known outlet named inside ``phrase`` (on word bounds)."""
    agencies = known_agencies()
    words = [(m.start(), m.end()) for m in _WORD().finditer(phrase)]
    best: tuple[int, int, str] | None = None
    for i in range(len(words)):
        for j in range(min(len(words), i + 5), i, -1):
            s, e = words[i][0], words[j - 1][1]
            name = agencies.get(_key(phrase[s:e]))
            if name is not None and (best is None or e - s > best[1] - best[0]):
                best = (s, e, name)
                break
    return best


def _credit(
    normalized: Normalized, start: int, phrase: str, *, unknown_ok: bool, last: bool = False
) -> SourceAgency | None:
    """The outlet ``phrase`` (found at ``start``) credits; with ``last``, only an outlet that
    ends the phrase (``خبرگزاری فارس:`` credits, ``رویترز اعلام کرد:`` quotes)."""
    cut = _PHRASE_END().search(phrase)
    if cut is not None:
        phrase = phrase[: cut.start()]
    found = _known_in(phrase)
    if found is not None and last and phrase[found[1] :].strip():
        return None
    cut = _NAME_END().search(phrase)
    if cut is not None:
        phrase = phrase[: cut.start()]
    phrase = phrase.rstrip()
    if found is not None:
        s, e, name = found
    elif unknown_ok and phrase and not _DESK_START().match(phrase):
        if phrase.count(" ") + 1 > _MAX_UNKNOWN_WORDS:
            return None
        s, e, name = 0, len(phrase), phrase
    else:
        return None
    span = normalized.span(start + s, start + e)
    return SourceAgency(span.start, span.end, span.text, name=name)


def find_source_agency(article: Article, normalized: Normalized) -> SourceAgency | None:
    """The outlet credited in the first paragraphs of ``article``, or ``None``.

    Args:
        article: a segmented article (its paragraphs are read).
        normalized: the normalisation the article was segmented on.

    Example:
        >>> from persnews.segment import segment_article
        >>> art, norm = segment_article("تیتر\\n\\nبه گزارش خبرنگار سیاسی ایرنا، وزیر گفت: بله.")
        >>> find_source_agency(art, norm).name
        'ایرنا'
    """
    text = normalized.text
    bounds = [
        (normalized.to_normalized(p.start), normalized.to_normalized(p.end))
        for p in article.paragraphs[:_PARAGRAPHS_SEARCHED]
    ]
    if not bounds:
        return None
    lead_start, lead_end = bounds[0]
    m = _LEAD_CREDIT().match(text, lead_start, lead_end)
    if m is not None:
        found = _credit(normalized, m.start(1), m.group(1), unknown_ok=False, last=True)
        if found is not None:
            return found
    for s, e in bounds[:2]:
        m = _DATELINE().match(text, s, e)
        if m is not None:
            found = _credit(normalized, m.start(1), m.group(1), unknown_ok=False)
            if found is not None:
                return found
    for pattern, unknown_ok in (
        (_REPORT, True),
        (_REPORTER, False),
        (_INTERVIEW, False),
        (_RELAYED, False),
        (_NAMED, False),
    ):
        for s, e in bounds:
            for m in pattern().finditer(text, s, e):
                found = _credit(normalized, m.start(1), m.group(1), unknown_ok=unknown_ok)
                if found is not None:
                    return found
    return None
