"""persnews: Persian news text to typed data, with offsets into your text.

Example:
    >>> import persnews
    >>> art = persnews.parse("ظریف به مسکو می رود\\n\\nبه گزارش ایرنا، ظریف فردا به مسکو می‌رود.")
    >>> art.title.text
    'ظریف به مسکو می رود'
"""

from persnews._version import __version__
from persnews.agency import find_source_agency
from persnews.model import (
    SCHEMA_VERSION,
    Amount,
    AmountKind,
    Argument,
    Article,
    Entity,
    EntityKind,
    Event,
    EventKind,
    Mention,
    Paragraph,
    Quote,
    QuoteKind,
    Sentence,
    SourceAgency,
    Span,
    TimeExpression,
    TimeKind,
    Token,
)
from persnews.normalize import Normalized, normalize, to_ascii_digits, to_persian_digits
from persnews.pipeline import DEFAULT_STEPS, Pipeline, available_extractors, parse
from persnews.segment import segment_article, split_paragraphs, split_sentences, tokenize
from persnews.typing import Context, Step

__all__ = [
    "DEFAULT_STEPS",
    "SCHEMA_VERSION",
    "Amount",
    "AmountKind",
    "Argument",
    "Article",
    "Context",
    "Entity",
    "EntityKind",
    "Event",
    "EventKind",
    "Mention",
    "Normalized",
    "Paragraph",
    "Pipeline",
    "Quote",
    "QuoteKind",
    "Sentence",
    "SourceAgency",
    "Span",
    "Step",
    "TimeExpression",
    "TimeKind",
    "Token",
    "__version__",
    "available_extractors",
    "find_source_agency",
    "normalize",
    "parse",
    "segment_article",
    "split_paragraphs",
    "split_sentences",
    "to_ascii_digits",
    "to_persian_digits",
    "tokenize",
]
