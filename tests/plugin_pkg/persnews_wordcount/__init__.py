"""A third-party persnews step: the number of body tokens, stored in ``Article.extras``."""

from __future__ import annotations

from typing import Any

import attrs


def wordcount(article: Any, context: Any) -> Any:
    """Add ``extras["wordcount"]``: how many tokens the body sentences hold."""
    count = sum(len(sentence.tokens) for sentence in article.sentences)
    return attrs.evolve(article, extras={**article.extras, "wordcount": count})
