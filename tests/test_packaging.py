"""The release: version, changelog, licence, README, API docs, and a wheel that works elsewhere."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import pathlib
import re
import shutil
import site
import subprocess
import sys
import tarfile
import tomllib
import zipfile

import pytest

import persnews
from persnews._version import __version__

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed_article.txt"
PACKAGE_DATA = sorted(
    p.relative_to(ROOT).as_posix() for p in (ROOT / "persnews" / "data").rglob("*") if p.is_file()
)

needs_checkout = pytest.mark.skipif(
    not (ROOT / "pyproject.toml").exists(), reason="not run from a source checkout (no pyproject.toml)"
)


def _file(name: str) -> str:
    path = ROOT / name
    if not path.exists():
        pytest.skip(f"{name} is not beside the tests")
    return path.read_text(encoding="utf-8")


# --- version, changelog, licence -------------------------------------------------


def test_version_is_the_same_everywhere() -> None:
    assert persnews.__version__ == __version__
    assert re.fullmatch(r"\d+\.\d+\.\d+(?:(?:a|b|rc)\d+)?", __version__)


@needs_checkout
def test_pyproject_takes_the_version_from_the_package() -> None:
    meta = tomllib.loads(_file("pyproject.toml"))
    assert "version" in meta["project"]["dynamic"]
    assert meta["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "persnews._version.__version__"}


@needs_checkout
def test_changelog_has_an_unreleased_section_then_this_version() -> None:
    headings = re.findall(r"^## \[([^\]]+)\]", _file("CHANGELOG.md"), re.MULTILINE)
    assert headings[0] == "Unreleased"
    assert headings[1] == __version__, "the newest release in CHANGELOG.md must be persnews.__version__"


@needs_checkout
def test_licence_is_mit_with_the_maintainers_copyright() -> None:
    licence = _file("LICENSE")
    assert licence.startswith("MIT License\n\nCopyright (c) 2026 persnews maintainers\n")
    assert tomllib.loads(_file("pyproject.toml"))["project"]["license"] == "MIT"


@needs_checkout
def test_runtime_dependencies_are_the_few_we_chose() -> None:
    deps = tomllib.loads(_file("pyproject.toml"))["project"]["dependencies"]
    names = sorted(re.split(r"[<>=!~ ;\[]", d, maxsplit=1)[0].lower() for d in deps)
    assert names == ["attrs", "hazm", "python-crfsuite", "regex"]


# --- documentation ---------------------------------------------------------------


@needs_checkout
def test_every_public_name_is_in_the_api_reference() -> None:
    api = _file("docs/api.md")
    documented = set(re.findall(r"^::: persnews\.(?:\w+\.)*?(\w+)\s*$", api, re.MULTILINE))
    missing = sorted(set(persnews.__all__) - documented - {"__version__"})
    assert not missing, f"add to docs/api.md: {missing}"


@needs_checkout
def test_the_readme_example_runs_and_prints_what_it_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    readme = _file("README.md")
    block = re.search(r"```python\n(.*?)```", readme, re.DOTALL)
    assert block
    code = block.group(1)
    expected = [m.strip() for m in re.findall(r"# (.+)$", code, re.MULTILINE)]
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    assert [line.strip() for line in out.getvalue().splitlines()] == expected


@needs_checkout
def test_the_readme_shows_the_three_commands() -> None:
    readme = _file("README.md")
    assert "pip install ." in readme
    assert "python -m persnews tests/data/seed_article.txt" in readme
    assert re.search(r"^tox\s", readme, re.MULTILINE)


# --- building and installing -----------------------------------------------------

_IGNORE = shutil.ignore_patterns(
    ".git",
    ".tox",
    ".venv",
    "build",
    "dist",
    "site",
    "*.egg-info",
    "__pycache__",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
)

_NO_INDEX = ("Could not find a version", "No matching distribution", "Temporary failure in name resolution")


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pathlib.Path]:
    """An sdist and a wheel built by ``python -m build`` from a clean copy of the tree."""
    if not (ROOT / "pyproject.toml").exists():
        pytest.skip("not run from a source checkout (no pyproject.toml)")
    if importlib.util.find_spec("build") is None:
        pytest.skip("the 'build' package is not installed (it is in the test extra)")
    work = tmp_path_factory.mktemp("release")
    src = work / "src"
    shutil.copytree(ROOT, src, ignore=_IGNORE)
    out = work / "dist"
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(src)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if proc.returncode != 0:
        if any(s in proc.stdout + proc.stderr for s in _NO_INDEX):
            pytest.skip("python -m build could not fetch the build backend (no package index)")
        pytest.fail(f"python -m build failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    [wheel] = out.glob("*.whl")
    [sdist] = out.glob("*.tar.gz")
    return {"wheel": wheel, "sdist": sdist}


@pytest.mark.slow
def test_the_wheel_holds_the_package_data_and_metadata(dists: dict[str, pathlib.Path]) -> None:
    wheel = dists["wheel"]
    assert wheel.name == f"persnews-{__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        meta_name = f"persnews-{__version__}.dist-info/METADATA"
        metadata = zf.read(meta_name).decode("utf-8")
        entry_points = zf.read(f"persnews-{__version__}.dist-info/entry_points.txt").decode("utf-8")
    assert set(PACKAGE_DATA) <= names, sorted(set(PACKAGE_DATA) - names)
    assert {"persnews/py.typed", "persnews/__init__.py", "persnews/__main__.py"} <= names
    assert not any(n.startswith(("tests/", "docs/", "benchmarks/")) for n in names)
    assert "License-Expression: MIT" in metadata
    assert f"Version: {__version__}" in metadata
    for dep in ("attrs", "regex", "hazm", "python-crfsuite"):
        assert re.search(rf"^Requires-Dist: {dep}\b", metadata, re.MULTILINE | re.IGNORECASE), dep
    for extra in ("test", "dask", "docs", "dev"):
        assert f"Provides-Extra: {extra}" in metadata
    assert "persnews = persnews.__main__:main" in entry_points


@pytest.mark.slow
def test_the_sdist_holds_data_tests_and_docs(dists: dict[str, pathlib.Path]) -> None:
    prefix = f"persnews-{__version__}/"
    with tarfile.open(dists["sdist"]) as tf:
        names = {n.removeprefix(prefix) for n in tf.getnames()}
    assert set(PACKAGE_DATA) <= names, sorted(set(PACKAGE_DATA) - names)
    expected = {"LICENSE", "README.md", "CHANGELOG.md", "pyproject.toml", "tox.ini", "mkdocs.yml"}
    assert expected <= names
    assert {"tests/data/seed_article.txt", "docs/index.md", "persnews/py.typed"} <= names
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)


@pytest.mark.slow
def test_twine_check_passes(dists: dict[str, pathlib.Path]) -> None:
    if importlib.util.find_spec("twine") is None:
        pytest.skip("twine is not installed (it is in the test extra)")
    proc = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", str(dists["wheel"]), str(dists["sdist"])],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _fresh_venv(where: pathlib.Path) -> pathlib.Path:
    """A new virtual environment; returns its python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True, timeout=300)
    python = where / ("Scripts" if os.name == "nt" else "bin") / "python"
    assert python.exists()
    return python


_PROBE = r"""
import importlib.resources, json, sys
import persnews

def files(folder, prefix):
    for item in folder.iterdir():
        if item.is_dir():
            yield from files(item, prefix + item.name + "/")
        else:
            yield prefix + item.name

text = open(sys.argv[1], encoding="utf-8").read()
article = persnews.parse(text)
print(json.dumps({
    "file": persnews.__file__,
    "version": persnews.__version__,
    "title": article.title.text,
    "agency": article.source_agency.text,
    "paragraphs": len(article.paragraphs),
    "data": sorted(files(importlib.resources.files("persnews").joinpath("data"), "persnews/data/")),
    "typed": importlib.resources.files("persnews").joinpath("py.typed").is_file(),
}, ensure_ascii=False))
"""


@pytest.mark.slow
def test_the_wheel_installs_in_a_fresh_venv_and_parses_the_seed_article(
    dists: dict[str, pathlib.Path], tmp_path: pathlib.Path
) -> None:
    venv = tmp_path / "venv"
    python = _fresh_venv(venv)
    # pip of this interpreter installs into the new one; no index is asked.
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
         str(dists["wheel"])],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # The dependencies (hazm, regex, attrs...) come from this environment,
    # after the new venv's own site-packages, so its persnews is the wheel's.
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    deps = [*site.getsitepackages(), site.getusersitepackages()]
    pathlib.Path(purelib, "_dependencies_from_test_env.pth").write_text("\n".join(deps) + "\n")

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    proc = subprocess.run(
        [str(python), "-c", _PROBE, str(SEED)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert pathlib.Path(got["file"]).is_relative_to(venv)
    assert got["version"] == __version__
    assert (got["title"], got["agency"], got["paragraphs"]) == ("ظریف به مسکو می رود", "آران نیوز", 8)
    assert got["data"] == PACKAGE_DATA
    assert got["typed"] is True

    # The console script works too.
    script = venv / ("Scripts" if os.name == "nt" else "bin") / "persnews"
    proc = subprocess.run(
        [str(script), str(SEED)], capture_output=True, cwd=tmp_path, env=env, check=False, timeout=300
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert json.loads(proc.stdout.decode("utf-8"))["source_agency"]["text"] == "آران نیوز"
