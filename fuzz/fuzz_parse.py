"""Coverage-guided fuzzing of ``persnews.parse`` with atheris.

Each input is decoded to ``str`` in several ways (UTF-8 with surrogate
escapes, so lone surrogates reach the parser; UTF-16; raw code points) and
parsed.  The target fails on any exception and on any span that does not
slice the original text, and checks the JSON round trip.  See
``fuzz/README.md`` for how to run it.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

import atheris

with atheris.instrument_imports():
    import persnews

_DAY = dt.date(2016, 12, 15)


def _text(data: bytes) -> str:
    fdp = atheris.FuzzedDataProvider(data)
    how = fdp.ConsumeIntInRange(0, 2)
    if how == 0:
        return fdp.ConsumeBytes(fdp.remaining_bytes()).decode("utf-8", "surrogateescape")
    if how == 1:
        return fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    return fdp.ConsumeUnicode(fdp.remaining_bytes())


def test_one_input(data: bytes) -> None:
    text = _text(data)
    article = persnews.parse(text, reference_date=_DAY)
    for span in article.spans():
        if not (0 <= span.start <= span.end <= len(text)) or text[span.start : span.end] != span.text:
            raise AssertionError(f"span {span!r} does not slice the text")
    data_dict = article.to_dict()
    # Lone surrogates cannot be encoded as UTF-8 JSON; the dict round trip must hold anyway.
    if persnews.Article.from_dict(data_dict) != article:
        raise AssertionError("to_dict / from_dict is not lossless")
    json.dumps(data_dict, ensure_ascii=True)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
