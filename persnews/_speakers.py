"""Speaker phrases: split a noun phrase into title, name and role; link speakers.

A speaker phrase in Persian news is a name with titles and roles around it
(``سرتیپ دوم پاسدار X، فرمانده ...``, ``علی سلیمانی فرمانده پلیس راهور``,
``فرمانده پلیس راهور``), an anaphor (``وی``, ``این مسئول``) or nothing at all
(``افزود: ...``).  :func:`parse_phrase` reads one phrase; :class:`Resolver`
walks the quotes of an article in order and gives each the person it is
about: anaphors go to the most recent fitting speaker, a surname to the full
name, a role to the person who holds it in the article.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import attrs

from persnews._cues import Lexicon, key

__all__ = ["Person", "Phrase", "Resolver", "RoleKey", "parse_phrase", "role_matches", "title_at"]

# Determiners and fillers that may open a phrase without being part of a name.
_DETERMINERS = frozenset(map(key, ["یک", "یکی", "دو", "سه", "چند"]))
_PUNCT_SPLIT = frozenset({"،", ","})
_HONOREE_TITLES = frozenset(map(key, ["شهید", "امام", "حضرت", "آیت‌الله", "علامه"]))
# Words left out when two role phrases are compared.
_ROLE_STOP = frozenset(
    map(
        key,
        ["این", "آن", "و", "امور", "کشورمان", "کشور", "ایران", "استان", "جمهوری", "اسلامی", "محترم", "سابق"],
    )
)
_MAX_NAME_TOKENS = 3
# Words a name never contains (a conjunction, a preposition): a phrase with them is no name.
_NOT_IN_NAMES = frozenset(map(key, ["و", "در", "از", "به", "با", "که", "را", "برای", "این", "آن"]))
_MARK_KEYS = frozenset('«»"“”')


@attrs.frozen(slots=True)
class Phrase:
    """A parsed speaker phrase (token indices are relative to the phrase).

    ``anaphor`` is the anaphor kind (``person``, ``plural``, ``document``) or
    ``None``; ``name`` and ``role`` are ``(start, end)`` token ranges or
    ``None``; ``org`` says the phrase names an organisation; ``hint`` is the
    role noun of a demonstrative anaphor (``این استاد`` -> ``استاد``).
    """

    anaphor: str | None = None
    name: tuple[int, int] | None = None
    role: tuple[int, int] | None = None
    org: bool = False
    hint: str | None = None
    #: a quantified phrase (یکی از نمایندگان): someone the article does not name
    anonymous: bool = False


def _shifted(phrase: Phrase, by: int) -> Phrase:
    """``phrase`` with its ranges moved ``by`` tokens on."""

    def move(span: tuple[int, int] | None) -> tuple[int, int] | None:
        return None if span is None else (span[0] + by, span[1] + by)

    return attrs.evolve(phrase, name=move(phrase.name), role=move(phrase.role))


def title_at(keys: Sequence[str], i: int, lex: Lexicon) -> tuple[str | None, int]:
    """The title-lexicon kind of the longest phrase starting at ``i`` and its length."""
    best: tuple[str | None, int] = (None, 0)
    joined = ""
    for j in range(i, min(len(keys), i + 4)):
        joined += keys[j]
        if joined not in lex.title_prefixes:
            break
        kind = lex.titles.get(joined)
        if kind is not None:
            best = (kind, j - i + 1)
    return best


def parse_phrase(
    keys: Sequence[str],
    lex: Lexicon,
    known_names: frozenset[str] = frozenset(),
    quantifiers: frozenset[str] = frozenset(),
) -> Phrase:
    """Split a speaker phrase (a sequence of token keys) into name and role.

    ``known_names`` holds keys of words used elsewhere in the article as a
    bare name; they let ``سخنگوی وزارت خارجه بهرام قاسمی`` give ``قاسمی``.

    Example:
        >>> from persnews._cues import lexicon
        >>> p = parse_phrase([key(w) for w in "علی سلیمانی فرمانده پلیس".split()], lexicon())
        >>> p.name, p.role
        ((0, 2), (2, 4))
    """
    n = len(keys)
    if n == 0:
        return Phrase()
    words = [i for i, k in enumerate(keys) if k not in _PUNCT_SPLIT and k not in '«»"“”()']
    if not words:
        return Phrase()
    first = keys[words[0]]
    if first in lex.words.get("part", ()) and len(words) > 1:
        # ادامه این بیانیه، بخش پایانی نامه، بخش دیگری از این گزارش: the text it is a part of speaks
        at = 1
        modifiers = lex.words.get("part_modifier", frozenset())
        while at < len(words) and keys[words[at]] in modifiers:
            at += 1
        if at < len(words) and keys[words[at]] == "از":
            at += 1
        if at < len(words):
            return _shifted(parse_phrase(keys[words[at] :], lex, known_names, quantifiers), words[at])
    joined = "".join(keys[i] for i in words)
    kind = lex.anaphors.get(joined)
    if kind in ("person", "plural", "document"):
        return Phrase(anaphor=kind)
    if first in quantifiers and len(words) > 2 and keys[words[1]] == "از":
        return Phrase(role=(words[0], n), anonymous=True)
    head = words[1] if first in _DETERMINERS and len(words) > 1 else words[0]
    if title_at(keys, head, lex)[0] == "anonymous":
        return Phrase(role=(words[0], n), anonymous=True)
    if lex.anaphors.get(first) in ("person", "plural") and len(words) <= 3:
        return Phrase(anaphor=lex.anaphors[first])
    if lex.anaphors.get(first) == "demonstrative" and len(words) > 1:
        k2, _ = title_at(keys, words[1], lex)
        if k2 in ("role", "title"):
            return Phrase(anaphor="person", hint=keys[words[1]])
        if k2 == "org" or len(words) <= 3:
            return Phrase(anaphor="person")
    outlets = lex.words.get("outlet", frozenset())
    # Segments separated by commas: apposition (NAME، ROLE) or a comma inside a role.
    name: tuple[int, int] | None = None
    role: tuple[int, int] | None = None
    org = False
    i = 0
    seg_start = 0
    while seg_start < n:
        seg_end = seg_start
        while seg_end < n and keys[seg_end] not in _PUNCT_SPLIT:
            seg_end += 1
        i = seg_start
        while i < seg_end and (keys[i] in '«»"“”' or keys[i] in _DETERMINERS):
            i += 1
        while i < seg_end:
            # the longest phrase decides: استاد is a title, استاد دانشگاه a role
            kind, length = title_at(keys, i, lex)
            if kind != "title":
                break
            i += length
        doc_kind, doc_len = title_at(keys, i, lex) if i < seg_end else (None, 0)
        if doc_kind == "document":
            # بیانیه وزارت خارجه: the issuer speaks; a bare بیانیه stands for the last speaker
            i += doc_len
            if i >= seg_end and seg_start == 0:
                return Phrase(anaphor="document")
        quoted = _quoted_name(keys, i, seg_end, outlets) if name is None else None
        if quoted is None and name is None and seg_start > 0 and keys[seg_start] in ("«", '"', "“"):
            # شبکه «سی‌ان‌ان»، «جان برکاو» رئیس مجلس عوام: a later segment opening with a quoted name
            quoted = _quoted_name(keys, seg_start - 1, seg_end, outlets)
        if quoted is not None:
            name = quoted
            if role is None:
                rest = next(
                    (j for j in range(i, seg_end) if title_at(keys, j, lex)[0] in ("role", "org")), -1
                )
                if rest >= 0:
                    role = (rest, seg_end)
            seg_start = seg_end + 1
            continue
        later = i < seg_end and seg_start > 0 and name is None and role is not None
        if later and (seg_end - i > _MAX_NAME_TOKENS or any(k in _NOT_IN_NAMES for k in keys[i:seg_end])):
            # a later segment is a name ("ROLE، NAME") only when it is short and name-like
            seg_start = seg_end + 1
            continue
        if i < seg_end:
            kind, _length = title_at(keys, i, lex)
            if kind in ("role", "org"):
                if role is None:
                    # وزارت خارجه بیانیه‌ای ...: the body ends before the text it issues
                    issued = (j for j in range(i + 1, seg_end) if title_at(keys, j, lex)[0] == "document")
                    role = (i, next(issued, seg_end))
                    org = org or (kind == "org" and name is None)
                if name is None:
                    name = _name_inside(keys, i + 1, seg_end, known_names, outlets)
            elif name is None:
                j = i
                while j < seg_end and j - i < _MAX_NAME_TOKENS + 2:
                    k, _ = title_at(keys, j, lex)
                    if k in ("role", "org") and j > i:
                        break
                    j += 1
                end = j
                while end > i and keys[end - 1] in _MARK_KEYS:
                    end -= 1
                end = _cut_name(keys, i, end, known_names)
                if any(plural_noun(k) for k in keys[i:end]):
                    # دستگاه‌های اطلاعاتی غربی: a group, not a person's name
                    return Phrase(role=(i, n), anonymous=True)
                if end > i:
                    name = (i, end)
                    if j < seg_end and role is None:
                        role = (j, seg_end)
                elif role is None:
                    role = (i, seg_end)
        seg_start = seg_end + 1
    if name is not None and name[0] >= name[1]:
        name = None
    return Phrase(name=name, role=role, org=org and name is None)


def _quoted_name(
    keys: Sequence[str], start: int, end: int, outlets: frozenset[str] = frozenset()
) -> tuple[int, int] | None:
    """A name in quotation marks inside a phrase (بی‌بی‌سی «فیلیپ هاموند» وزیر خارجه).

    A quoted name after an outlet noun (شبکه «سی‌ان‌ان») names the outlet, not the speaker.
    """
    for i in range(start, end):
        if keys[i] in ("«", '"', "“"):
            j = i + 1
            while j < end and keys[j] not in ("»", '"', "”"):
                j += 1
            if i > start and keys[i - 1] in outlets:
                return None
            if j < end and 0 < j - i - 1 <= _MAX_NAME_TOKENS and (i > start or j + 1 < end):
                return (i + 1, j)
            return None
    return None


def plural_noun(k: str) -> bool:
    """Whether a word is a plural noun (‑ها، ‑های، ‑هایی), which no name is."""
    return len(k) > 4 and k.endswith(("ها", "های", "هایی"))


def _cut_name(keys: Sequence[str], start: int, end: int, known: frozenset[str]) -> int:
    """The end of the name that opens ``keys[start:end]`` (``start`` when there is none).

    A name stops before a word no name contains, after a word known as a
    surname in this article, and after three words.
    """
    stop = start
    words = 0
    while stop < end and keys[stop] not in _NOT_IN_NAMES and keys[stop] not in _MARK_KEYS:
        if keys[stop] == "(":
            # an honorific in parentheses stays with the name: امام (ره)
            close = next((j for j in range(stop + 1, min(end, stop + 4)) if keys[j] == ")"), -1)
            if close < 0 or stop == start:
                break
            stop = close + 1
            continue
        if keys[stop] == ")":
            break
        if words == _MAX_NAME_TOKENS:
            break
        words += 1
        if stop > start and keys[stop] in known and words > 1:
            stop += 1
            break
        stop += 1
    return stop


def _name_inside(
    keys: Sequence[str], start: int, end: int, known: frozenset[str], outlets: frozenset[str] = frozenset()
) -> tuple[int, int] | None:
    """A name at the end of a role phrase: a «quoted» chunk (not an outlet's) or a word known as a name."""
    i = start
    while i < end:
        if keys[i] in ("«", '"', "“") and not (i > start and keys[i - 1] in outlets):
            j = i + 1
            while j < end and keys[j] not in ("»", '"', "”"):
                j += 1
            if 0 < j - i - 1 <= _MAX_NAME_TOKENS:
                return (i + 1, j)
        i += 1
    if not known:
        return None
    for i in range(start, end):
        if (
            keys[i] in known
            and keys[i] not in _HONOREE_TITLES
            and not (i - 1 >= start and keys[i - 1] in _HONOREE_TITLES)
        ):
            # (دانشگاه شهید بهشتی: the person a body is named after is not the speaker)
            s = i
            if i - 1 >= start and keys[i - 1] in known:
                s = i - 1
            e = i + 1
            while e < end and keys[e] in known and e - s < _MAX_NAME_TOKENS:
                e += 1
            return (s, e)
    return None


class RoleKey(NamedTuple):
    """A role phrase as compared: its head word, its content words, and those words run
    together (which survives a compound written apart or with a ZWNJ: ولی فقیه / ولی‌فقیه)."""

    head: str
    words: frozenset[str]
    joined: str = ""


def role_key(role_keys: Sequence[str]) -> RoleKey:
    """The head word and content words of a role phrase, for comparison."""
    words = [k for k in role_keys if k not in _PUNCT_SPLIT and k not in '«»"“”()']
    if not words:
        return RoleKey("", frozenset())
    content = [w for w in words if w not in _ROLE_STOP]
    return RoleKey(words[0], frozenset(content), "".join(w for w in content if w != words[0]))


def role_matches(a: RoleKey, b: RoleKey) -> bool:
    """Whether two role phrases name the same office (same head, mostly the same words).

    Example:
        >>> r1 = role_key([key(w) for w in "سخنگوی وزارت امور خارجه".split()])
        >>> r2 = role_key([key(w) for w in "سخنگوی وزارت خارجه ایران".split()])
        >>> role_matches(r1, r2)
        True
        >>> r3 = role_key([key(w) for w in "نماینده ولی‌فقیه در استان فارس".split()])
        >>> role_matches(role_key([key(w) for w in "نماینده ولی فقیه".split()]), r3)
        True
    """
    if not a.head or a.head != b.head:
        return False
    sa, sb = a.words, b.words
    if not sa or not sb:
        return sa == sb
    if sa <= sb or sb <= sa:
        return True
    if a.joined and b.joined and (a.joined in b.joined or b.joined in a.joined):
        return True
    inter = len(sa & sb)
    return inter / min(len(sa), len(sb)) >= 0.6


@attrs.define(slots=True)
class Person:
    """A speaker as the resolver knows it (mutable while an article is read)."""

    name_keys: tuple[str, ...] = ()
    name: str | None = None
    roles: list[RoleKey] = attrs.field(factory=list)
    role_text: str | None = None
    org: bool = False
    first_quote: int = 0
    parent: int = -1
    entity: str | None = None


class Resolver:
    """Union-find over the speakers of one article."""

    def __init__(self) -> None:
        self.people: list[Person] = []

    def find(self, i: int) -> int:
        root = i
        while self.people[root].parent >= 0:
            root = self.people[root].parent
        while self.people[i].parent >= 0:
            nxt = self.people[i].parent
            self.people[i].parent = root
            i = nxt
        return root

    def new(self, person: Person) -> int:
        self.people.append(person)
        return len(self.people) - 1

    def merge(self, keep: int, other: int) -> int:
        keep, other = self.find(keep), self.find(other)
        if keep == other:
            return keep
        a, b = self.people[keep], self.people[other]
        if len(b.name_keys) > len(a.name_keys):
            a.name_keys, a.name = b.name_keys, b.name
        a.roles.extend(b.roles)
        if a.role_text is None:
            a.role_text = b.role_text
        a.org = a.org and b.org
        a.first_quote = min(a.first_quote, b.first_quote)
        b.parent = keep
        return keep

    def by_name(self, name_keys: tuple[str, ...]) -> int | None:
        """The person whose name equals ``name_keys`` or ends with it (a surname)."""
        best = None
        for idx in range(len(self.people)):
            p = self.people[idx]
            if p.parent >= 0 or not p.name_keys:
                continue
            nk = p.name_keys
            if (
                nk == name_keys
                or (len(nk) > len(name_keys) and nk[len(nk) - len(name_keys) :] == name_keys)
                or (len(name_keys) > len(nk) and name_keys[len(name_keys) - len(nk) :] == nk)
            ):
                best = idx
        return best

    def by_role(self, role: RoleKey) -> int | None:
        best = None
        for idx in range(len(self.people)):
            p = self.people[idx]
            if p.parent >= 0:
                continue
            if any(role_matches(role, r) for r in p.roles):
                best = idx
        return best
