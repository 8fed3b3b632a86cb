"""``import persnews`` stays cheap: no hazm, NumPy, NLTK or CRF code until first use.

Measured in a fresh interpreter, since this test process has long imported
them.  The import time itself is measured by ``benchmarks/bench.py``, not
asserted here (wall-clock limits make flaky tests).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("hazm", "numpy", "nltk", "pycrfsuite", "gensim", "sklearn", "scipy", "dask")

_PROBE = """
import json, sys
{imports}
heavy = {heavy!r}
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in heavy)))
"""


def _heavy_after(imports: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    code = _PROBE.format(imports=imports, heavy=heavy)
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    loaded: list[str] = json.loads(proc.stdout)
    return loaded


def test_import_persnews_loads_no_heavy_module() -> None:
    assert _heavy_after("import persnews") == []


@pytest.mark.parametrize(
    "module",
    ["persnews.batch", "persnews.__main__", "persnews.pipeline", "persnews.model", "persnews.typing"],
)
def test_importing_a_submodule_loads_no_heavy_module(module: str) -> None:
    assert _heavy_after(f"import {module}") == []


def test_every_public_name_is_reachable_without_heavy_modules() -> None:
    assert _heavy_after("import persnews\nfor name in persnews.__all__: getattr(persnews, name)") == []


def test_the_version_is_a_plain_string() -> None:
    import persnews
    from persnews._version import __version__

    assert persnews.__version__ == __version__
    assert all(part.isdigit() for part in __version__.split(".")[:3])


def test_import_compiles_no_pattern() -> None:
    # importing regex and compiling the normaliser's, segmenter's and agency finder's patterns
    # cost about 40 ms together: they wait for the first text
    assert _heavy_after("import persnews", heavy=("regex",)) == []


def test_a_lazy_pattern_compiles_once_on_first_use() -> None:
    from persnews._patterns import LazyPattern

    pattern = LazyPattern(r"\d+")
    assert repr(pattern) == r"LazyPattern('\\d+')"
    first = pattern()
    assert first is pattern()
    assert first.findall("سال ۱۴۰۳ و 2024") == ["۱۴۰۳", "2024"]
