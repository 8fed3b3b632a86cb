"""A griffe extension for the API pages: docstrings written for both Sphinx and MkDocs.

- ``Example:`` sections are read as ``Examples:`` (Google style spells the
  section either way; griffe knows only the plural and would render the
  singular as prose, losing the ``>>>`` code).
- Sphinx roles (``:class:`~persnews.Article```, ``:func:`parse```) become
  inline code showing the name as Sphinx would (``Article``, ``parse``).
- ``.. versionadded:: X`` becomes a line of text.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_SINGULAR = re.compile(r"^(\s*)Example:[ \t]*$", re.MULTILINE)
_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|data|mod|obj|exc|const):`(~?)([^`]+)`")
_VERSION = re.compile(r"^(\s*)\.\. version(added|changed):: *(\S+)", re.MULTILINE)


def _role(match: re.Match[str]) -> str:
    tilde, target = match.groups()
    return f"`{target.rsplit('.', 1)[-1] if tilde else target}`"


def _version(match: re.Match[str]) -> str:
    indent, kind, version = match.groups()
    return f"{indent}*{'New' if kind == 'added' else 'Changed'} in version {version}.*"


class SphinxFriendlyDocstrings(griffe.Extension):
    """Rewrite the Sphinx-only bits of a docstring before griffe parses it."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            value = _SINGULAR.sub(r"\1Examples:", obj.docstring.value)
            value = _ROLE.sub(_role, value)
            obj.docstring.value = _VERSION.sub(_version, value)
