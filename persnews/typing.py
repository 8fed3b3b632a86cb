"""The types shared by every pipeline step.

A *step* is any callable ``step(article, context) -> article``: it receives
the article built so far and the :class:`Context` of the run, and returns a
new article (results are frozen; use :func:`attrs.evolve`).  A step may be a
plain function or a small class whose ``__init__`` takes its settings and
whose ``__call__`` does the work.  Steps never modify the context.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

import attrs

if TYPE_CHECKING:
    from persnews.model import Article
    from persnews.normalize import Normalized

__all__ = ["Context", "Step"]


@attrs.frozen(slots=True, eq=False)
class Context:
    """What every step of one run may read.

    Attributes:
        normalized: the normalised text and its alignment with the original
            (``normalized.original`` is the caller's text).
        reference_date: the publication day, for resolving ``فردا`` and
            ``جمعه``; ``None`` when unknown.
        gazetteer: a user gazetteer added to the packaged one (see
            :class:`persnews.gazetteer.Gazetteer`), or ``None``.
        ner_model: a tagger or a path to a CRF model to use instead of the
            packaged one, or ``None``.
        speech_verbs: extra speech verbs and phrases for quote cues.
        options: free settings for third-party steps, by step name.

    .. versionadded:: 0.1.0
    """

    normalized: Normalized
    reference_date: dt.date | None = None
    gazetteer: Any = None
    ner_model: Any = None
    speech_verbs: tuple[str, ...] = ()
    options: Mapping[str, Any] = attrs.field(factory=dict)


class Step(Protocol):
    """The one signature of every pipeline step.

    Example:
        >>> import attrs
        >>> def count_words(article, context):
        ...     n = sum(len(s.tokens) for s in article.sentences)
        ...     return attrs.evolve(article, extras={**article.extras, "words": n})
    """

    def __call__(self, article: Article, context: Context, /) -> Article: ...
