"""Composition: the default steps, :class:`Pipeline`, :func:`parse` and plugins.

Data flows one way: text -> normalised text + alignment -> segments ->
entities -> quotes / times / amounts / events -> :class:`~persnews.Article`.
Each step is usable alone and replaceable (see :mod:`persnews.typing`).
Third-party steps register under the entry-point group
``persnews.extractors`` and are named in ``steps=`` like built-in ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from persnews._checks import reference_date as _check_date
from persnews._checks import require_str as check_text
from persnews._checks import word_list
from persnews.model import Article
from persnews.normalize import normalize
from persnews.typing import Context, Step

__all__ = [
    "DEFAULT_STEPS",
    "ENTRY_POINT_GROUP",
    "Pipeline",
    "available_extractors",
    "parse",
]

#: The entry-point group third-party packages register their steps under.
ENTRY_POINT_GROUP = "persnews.extractors"


# --- the built-in steps -------------------------------------------------------


def segment(article: Article, context: Context) -> Article:
    """Title and body paragraphs, sentences and tokens."""
    from persnews.segment import segment_normalized

    seg = segment_normalized(context.normalized)
    return attrs.evolve(article, title=seg.title, paragraphs=seg.paragraphs)


def source_agency(article: Article, context: Context) -> Article:
    """The outlet credited for the report (``به گزارش ایرنا``)."""
    from persnews.agency import find_source_agency

    return attrs.evolve(article, source_agency=find_source_agency(article, context.normalized))


def entities(article: Article, context: Context) -> Article:
    """People, places and organisations, one entity per referent."""
    from persnews.entities import extract_entities

    found = extract_entities(
        article, context.normalized, gazetteer=context.gazetteer, tagger=context.ner_model
    )
    return attrs.evolve(article, entities=found)


def quotes(article: Article, context: Context) -> Article:
    """Statements and who made them (``X گفت: ...``)."""
    from persnews.quotes import extract_quotes

    found = extract_quotes(article, context.normalized, speech_verbs=context.speech_verbs or None)
    return attrs.evolve(article, quotes=found)


def times(article: Article, context: Context) -> Article:
    """Dates, relative days, weekdays, clock times and durations."""
    from persnews.times import extract_times

    return attrs.evolve(article, times=extract_times(context.normalized, context.reference_date))


def amounts(article: Article, context: Context) -> Article:
    """Numbers with their units (``صدها میلیون دلار``)."""
    from persnews.amounts import extract_amounts

    return attrs.evolve(article, amounts=extract_amounts(context.normalized))


def events(article: Article, context: Context) -> Article:
    """Typed events with their place, time and participants."""
    from persnews.events import extract_events

    return attrs.evolve(article, events=extract_events(article, context.normalized))


_BUILTIN: dict[str, Step] = {
    "segment": segment,
    "source_agency": source_agency,
    "entities": entities,
    "quotes": quotes,
    "times": times,
    "amounts": amounts,
    "events": events,
}

#: The default chain, in order.  ``parse(text, steps=[*DEFAULT_STEPS, mine])``
#: adds a step; leaving one out drops it.
DEFAULT_STEPS: tuple[Step, ...] = tuple(_BUILTIN.values())


def available_extractors() -> dict[str, Step]:
    """Every step that can be named in ``steps=``: built-in and registered.

    Third-party steps come from the ``persnews.extractors`` entry-point group;
    a plugin's name shadows no built-in one.

    Example:
        >>> "segment" in available_extractors()
        True
    """
    # Imported here: importlib.metadata costs more than the rest of persnews.
    from importlib.metadata import entry_points

    found: dict[str, Step] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name not in _BUILTIN:
            found[ep.name] = ep.load()
    return {**_BUILTIN, **found}


def _resolve(steps: Iterable[Step | str]) -> tuple[Step, ...]:
    out: list[Step] = []
    registry: dict[str, Step] | None = None
    for step in steps:
        if isinstance(step, str):
            if registry is None:
                registry = available_extractors()
            if step not in registry:
                raise ValueError(f"unknown step {step!r}; available: {', '.join(sorted(registry))}")
            out.append(registry[step])
        elif callable(step):
            out.append(step)
        else:
            raise TypeError(f"a step must be callable or a registered name, got {type(step).__name__}")
    return tuple(out)


@attrs.frozen(slots=True)
class Pipeline:
    """A sequence of steps run in order over one text.

    Args:
        steps: callables ``step(article, context) -> article`` or names of
            registered steps; defaults to :data:`DEFAULT_STEPS`.

    Example:
        >>> from persnews.pipeline import Pipeline, segment
        >>> Pipeline([segment])("تیتر\\n\\nمتن خبر.").title.text
        'تیتر'
    """

    steps: tuple[Step, ...] = attrs.field(default=DEFAULT_STEPS, converter=_resolve)

    def __call__(
        self,
        text: str,
        *,
        reference_date: dt.date | None = None,
        gazetteer: Any = None,
        ner_model: Any = None,
        speech_verbs: Iterable[str] = (),
        options: Mapping[str, Any] | None = None,
    ) -> Article:
        text = check_text(text, "parse")
        context = Context(
            normalized=normalize(text, digits="ascii"),
            reference_date=_check_date(reference_date),
            gazetteer=gazetteer,
            ner_model=ner_model,
            speech_verbs=word_list(speech_verbs, "speech_verbs"),
            options=dict(options or {}),
        )
        article = Article(text, reference_date=context.reference_date)
        for step in self.steps:
            article = step(article, context)
            if not isinstance(article, Article):
                raise TypeError(f"step {step!r} returned {type(article).__name__}, expected an Article")
        return article


_DEFAULT = Pipeline()


def parse(
    text: str,
    *,
    reference_date: dt.date | None = None,
    steps: Sequence[Step | str] | None = None,
    gazetteer: Any = None,
    ner_model: Any = None,
    speech_verbs: Iterable[str] = (),
    options: Mapping[str, Any] | None = None,
) -> Article:
    """Parse a Persian news article into an :class:`~persnews.Article`.

    Args:
        text: the article as ``str`` (headline on the first line, then the
            body paragraphs).
        reference_date: the publication day; resolves relative times.
        steps: the steps to run instead of :data:`DEFAULT_STEPS` (callables
            or registered names).
        gazetteer: extra names for the entity step.
        ner_model: a tagger or CRF model path for the entity step.
        speech_verbs: extra speech verbs for the quote step.
        options: free settings for third-party steps.

    Returns:
        The article; every span in it slices ``text``.

    Raises:
        TypeError: ``text`` is not a ``str`` (decode ``bytes`` first), or an
            argument has the wrong type.

    Example:
        >>> import persnews
        >>> art = persnews.parse("ظریف به مسکو می رود\\n\\nبه گزارش ایرنا، ظریف فردا به مسکو می‌رود.")
        >>> art.title.text, art.source_agency.name
        ('ظریف به مسکو می رود', 'ایرنا')
    """
    pipeline = _DEFAULT if steps is None else Pipeline(tuple(steps))
    return pipeline(
        text,
        reference_date=reference_date,
        gazetteer=gazetteer,
        ner_model=ner_model,
        speech_verbs=speech_verbs,
        options=options,
    )
