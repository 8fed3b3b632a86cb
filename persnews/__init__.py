"""persnews: Persian news text to typed data, with offsets into your text.

Example:
    >>> import persnews
    >>> art = persnews.parse("ظریف به مسکو می رود\\n\\nبه گزارش ایرنا، ظریف فردا به مسکو می‌رود.")
    >>> art.title.text
    'ظریف به مسکو می رود'
"""

from typing import TYPE_CHECKING, Any

from persnews._version import __version__
from persnews.agency import find_source_agency
from persnews.model import (
    SCHEMA_VERSION,
    Amount,
    AmountKind,
    Argument,
    Arguments,
    Article,
    Entity,
    EntityKind,
    Event,
    EventKind,
    Mention,
    Mentions,
    Paragraph,
    Quote,
    QuoteKind,
    Sentence,
    SourceAgency,
    Span,
    TimeExpression,
    TimeKind,
    Token,
    Tokens,
)
from persnews.normalize import Normalized, normalize, to_ascii_digits, to_persian_digits
from persnews.pipeline import DEFAULT_STEPS, Pipeline, available_extractors, parse
from persnews.segment import segment_article, split_paragraphs, split_sentences, tokenize
from persnews.typing import Context, Step

if TYPE_CHECKING:
    from persnews.amounts import extract_amounts, find_amounts
    from persnews.batch import ParseError, parse_many
    from persnews.entities import extract_entities, find_entities, role_holder, roles_of
    from persnews.events import extract_events, find_events
    from persnews.gazetteer import Gazetteer
    from persnews.jalali import gregorian_to_jalali, jalali_to_gregorian
    from persnews.numbers import NumberReading, number_to_words, parse_number, read_number
    from persnews.quotes import extract_quotes, find_quotes
    from persnews.times import extract_times, find_times

__all__ = [
    "DEFAULT_STEPS",
    "SCHEMA_VERSION",
    "Amount",
    "AmountKind",
    "Argument",
    "Arguments",
    "Article",
    "Context",
    "Entity",
    "EntityKind",
    "Event",
    "EventKind",
    "Gazetteer",
    "Mention",
    "Mentions",
    "Normalized",
    "NumberReading",
    "Paragraph",
    "ParseError",
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
    "Tokens",
    "__version__",
    "available_extractors",
    "extract_amounts",
    "extract_entities",
    "extract_events",
    "extract_quotes",
    "extract_times",
    "find_amounts",
    "find_entities",
    "find_events",
    "find_quotes",
    "find_source_agency",
    "find_times",
    "gregorian_to_jalali",
    "jalali_to_gregorian",
    "normalize",
    "number_to_words",
    "parse",
    "parse_many",
    "parse_number",
    "read_number",
    "role_holder",
    "roles_of",
    "segment_article",
    "split_paragraphs",
    "split_sentences",
    "to_ascii_digits",
    "to_persian_digits",
    "tokenize",
]

# The extractors are imported on first use: ``import persnews`` stays cheap.
_LAZY = {
    "extract_amounts": "persnews.amounts",
    "find_amounts": "persnews.amounts",
    "ParseError": "persnews.batch",
    "parse_many": "persnews.batch",
    "extract_entities": "persnews.entities",
    "find_entities": "persnews.entities",
    "role_holder": "persnews.entities",
    "roles_of": "persnews.entities",
    "extract_events": "persnews.events",
    "find_events": "persnews.events",
    "Gazetteer": "persnews.gazetteer",
    "gregorian_to_jalali": "persnews.jalali",
    "jalali_to_gregorian": "persnews.jalali",
    "NumberReading": "persnews.numbers",
    "number_to_words": "persnews.numbers",
    "parse_number": "persnews.numbers",
    "read_number": "persnews.numbers",
    "extract_quotes": "persnews.quotes",
    "find_quotes": "persnews.quotes",
    "extract_times": "persnews.times",
    "find_times": "persnews.times",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'persnews' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
