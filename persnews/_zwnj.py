"""When a space before a suffix or after می/نمی should become a ZWNJ.

The decision rests on hazm's lexicon (``data/words.dat`` and
``data/verbs.dat`` of the installed hazm package), read directly from the
package directory: locating it with :func:`importlib.util.find_spec` does
not execute ``hazm/__init__``, so normalising never imports hazm.  The
lexicon is read once per process, on first use, under a lock.

The lexicon lists lemmas, not inflected forms, so "the joined result is a
word" is read morphologically: ``X + suffix`` is a word when the lexicon
lists the joined form, or lists ``X`` itself (``ها، های، هایی، ترین``), or
tags ``X`` as an adjective or adverb or gives it no part of speech (``تر``,
which is also the adjective "wet"); a clitic (``ام، ای، اند``...) joins a
word in silent ه or in ی that the lexicon lists, or a past participle; ``می + Y`` joins
when ``می‌Y`` is a conjugated form of a verb in ``verbs.dat``.  Without
hazm, cautious rules take the lexicon's place.  Function words that never
take an affix and phrases where the affix is a word of its own live in
``persnews/data/zwnj_blocks.tsv``.
"""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path

import attrs

from persnews._resources import rows

__all__ = ["JoinRules", "Lexicon", "lexicon", "load_lexicon", "rules", "rules_for"]

ZWNJ = "\u200c"

NOUN = 1
ADJECTIVE = 2
ADVERB = 4

_PAST_ENDINGS = ("م", "ی", "", "یم", "ید", "ند", "ه")
_PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")
_TAG_BITS = {"N": NOUN, "AJ": ADJECTIVE, "AJC": ADJECTIVE, "ADV": ADVERB}


@attrs.frozen(slots=True, eq=False)
class Lexicon:
    """What hazm's lexicon says about words, reduced to what joining needs.

    Attributes:
        words: every word of the lexicon (ZWNJ removed).
        tags: word (ZWNJ removed) -> bit set of NOUN / ADJECTIVE / ADVERB,
            for the words that carry one of these tags.
        verb_forms: ``Y`` such that ``می‌Y`` is a conjugated verb form.
        past_stems: past stems of the verbs (for participles ``رفته``).
        from_hazm: whether the lexicon came from hazm (else rules decide).
    """

    words: frozenset[str]
    tags: dict[str, int]
    verb_forms: frozenset[str]
    past_stems: frozenset[str]
    from_hazm: bool


def _hazm_data_dir() -> Path | None:
    try:
        spec = importlib.util.find_spec("hazm")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        data = Path(location) / "data"
        if (data / "words.dat").is_file() and (data / "verbs.dat").is_file():
            return data
    return None


def _extra_forms() -> frozenset[str]:
    return frozenset(r[0] for r in rows("zwnj_verbs.tsv"))


def load_lexicon(data_dir: Path | None) -> Lexicon:
    """Read hazm's ``words.dat`` and ``verbs.dat`` from ``data_dir``.

    ``None`` gives an empty lexicon (``from_hazm`` false), for which the
    fallback rules decide.
    """
    if data_dir is None:
        return Lexicon(frozenset(), {}, _extra_forms(), frozenset(), from_hazm=False)
    tags: dict[str, int] = {}
    every: list[str] = []
    text = (data_dir / "words.dat").read_text(encoding="utf-8")
    for line in text.splitlines():
        tab = line.find("\t")
        if tab <= 0 or line.startswith("#"):
            continue
        word = line[:tab].replace(ZWNJ, "")
        every.append(word)
        tag_field = line[line.rfind("\t") + 1 :]
        if tag_field != "0":
            bits = 0
            for tag in tag_field.split(","):
                bits |= _TAG_BITS.get(tag, 0)
            if bits:
                tags[word] = tags.get(word, 0) | bits
    forms: set[str] = set(_extra_forms())
    past: set[str] = set()
    with (data_dir / "verbs.dat").open(encoding="utf-8") as verbs:
        for line in verbs:
            past_stem, _, present_stem = line.strip().partition("#")
            if past_stem:
                past.add(past_stem)
                forms.update(past_stem + e for e in _PAST_ENDINGS)
            if present_stem:
                forms.update(present_stem + e for e in _PRESENT_ENDINGS)
    return Lexicon(frozenset(every), tags, frozenset(forms), frozenset(past), from_hazm=True)


@attrs.frozen(slots=True, eq=False)
class JoinRules:
    """Affixes, blocks and the lexicon: everything a join decision needs."""

    lexicon: Lexicon
    kinds: dict[str, str]
    before: dict[str, frozenset[str]]
    after: dict[str, tuple[tuple[str, ...], ...]]
    not_verbs: frozenset[str]

    def prefix_joins(self, verb: str) -> bool:
        """Whether ``می``/``نمی`` joins to the following word ``verb``."""
        if verb in self.not_verbs or len(verb) < 2:
            return False
        if self.lexicon.from_hazm:
            return verb in self.lexicon.verb_forms
        # Without a lexicon: a personal ending, or a known frozen form.
        return verb in self.lexicon.verb_forms or verb.endswith(("م", "ی", "د", "ند", "یم", "ید"))

    def suffix_joins(self, stem: str, suffix: str, following: tuple[str, ...]) -> bool:
        """Whether ``suffix`` joins to the word ``stem`` before it.

        Args:
            stem: the whole word before the suffix (it may hold ZWNJs).
            suffix: one of the affixes of kind plural, comparative or clitic.
            following: the next words after the suffix (first ZWNJ part of
                each), used for phrases where the suffix is a word of its own.
        """
        kind = self.kinds.get(suffix)
        if kind is None or kind == "prefix":
            return False
        last = stem.rpartition(ZWNJ)[2]
        if last in self.before.get(suffix, ()) or last in self.before.get("*", ()):
            return False
        for phrase in self.after.get(suffix, ()):
            if following[: len(phrase)] == phrase:
                return False
        # A clitic follows silent ه (خانه‌ام، گفته‌اند) or ی (زندگی‌اش، کسانی‌اند;
        # not ای, which after ی is written یی).
        if kind == "clitic" and not (last.endswith("ه") or (last.endswith("ی") and suffix != "ای")):
            return False
        lex = self.lexicon
        if not lex.from_hazm:
            return len(last) >= (3 if kind == "clitic" else 2)
        flat = stem.replace(ZWNJ, "")
        if flat + suffix in lex.words:
            return True  # the joined form itself is listed (بزرگ‌تر)
        known = flat in lex.words or last in lex.words
        bits = lex.tags.get(flat, 0) | lex.tags.get(last, 0)
        if kind == "comparative" and suffix == "تر":
            # تر is also "wet, fresh": only after adjectives, adverbs and
            # words the lexicon gives no part of speech.
            return bool(bits & (ADJECTIVE | ADVERB)) or (known and not bits)
        if kind in ("plural", "comparative"):
            return known
        # clitic: a word the lexicon knows, or a past participle (رفته, نرفته, می‌رفته).
        if known:
            return True
        if not last.endswith("ه"):
            return False
        participle = last[:-1]
        if participle.startswith("ن") and participle not in lex.past_stems:
            participle = participle[1:]
        return participle in lex.past_stems


def _build_rules(lex: Lexicon) -> JoinRules:
    kinds = {r[0]: r[1] for r in rows("zwnj_affixes.tsv") if len(r) > 1}
    before: dict[str, set[str]] = {}
    after: dict[str, list[tuple[str, ...]]] = {}
    not_verbs: set[str] = set()
    for r in rows("zwnj_blocks.tsv"):
        if len(r) < 3:
            continue
        affix, side, words = r[0], r[1], r[2]
        if side == "before":
            before.setdefault(affix, set()).add(words)
        elif side == "after":
            after.setdefault(affix, []).append(tuple(words.split()))
        elif side == "verb":
            not_verbs.add(words)
    return JoinRules(
        lex,
        kinds,
        {k: frozenset(v) for k, v in before.items()},
        {k: tuple(v) for k, v in after.items()},
        frozenset(not_verbs),
    )


_lock = threading.Lock()
_cache: dict[str, JoinRules] = {}


def rules() -> JoinRules:
    """The join rules over hazm's lexicon (or the fallback), built once."""
    found = _cache.get("rules")
    if found is not None:
        return found
    with _lock:
        found = _cache.get("rules")
        if found is None:
            found = _build_rules(load_lexicon(_hazm_data_dir()))
            _cache["rules"] = found
        return found


def lexicon() -> Lexicon:
    """The lexicon :func:`rules` decides with."""
    return rules().lexicon


def rules_for(lex: Lexicon) -> JoinRules:
    """Join rules over a given lexicon (for instance the empty fallback one)."""
    return _build_rules(lex)
