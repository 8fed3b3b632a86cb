"""Third-party steps register under the ``persnews.extractors`` entry-point group."""

from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest

import persnews

PLUGIN = pathlib.Path(__file__).parent / "plugin_pkg"


@pytest.fixture(scope="module")
def installed_plugin(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    target = tmp_path_factory.mktemp("site")
    cmd = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(PLUGIN)]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.skip(f"pip could not install the test plugin: {result.stderr.strip()[-300:]}")
    return target


def test_a_plugin_is_discovered_and_runs(
    installed_plugin: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(installed_plugin))
    extractors = persnews.available_extractors()
    assert "wordcount" in extractors
    assert "segment" in extractors
    text = "تیتر\n\nبه گزارش ایرنا، وزیر آمد."
    article = persnews.parse(text, steps=[*persnews.DEFAULT_STEPS, "wordcount"])
    assert article.extras["wordcount"] == 7
    data = article.to_dict()
    assert data["extras"] == {"wordcount": 7}
    assert persnews.Article.from_dict(data) == article


def test_builtin_steps_are_listed_without_plugins() -> None:
    names = set(persnews.available_extractors())
    assert {"segment", "source_agency"} <= names
