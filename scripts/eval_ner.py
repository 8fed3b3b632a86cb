#!/usr/bin/env python3
"""Measure the entity tagger on PEYMA and Arman: exact-span CoNLL F1 per type and micro-averaged.

    python scripts/eval_ner.py                  # shipped model alone and with gazetteers + rules
    python scripts/eval_ner.py --model m.crfsuite --mode model
    python scripts/eval_ner.py --json

Reads ``../shared/data/ner/peyma/test.txt`` and the three Arman folds
(``arman/test_fold{1,2,3}.txt``; the figure is the mean over the folds) and
skips cleanly when they are absent.  Neither corpus is used for training.
Types: PEYMA PER/LOC/ORG (dates, times, money and percentages are read as
O); Arman pers -> PER, loc -> LOC, org -> ORG (fac, pro and event are read
as O, so a place found on a facility span counts against the tagger).
Scores are exact-span CoNLL figures: a predicted run counts only when its
start, end and type equal a gold run.

Two modes: ``model`` tags each sentence with the CRF alone; ``full`` runs the
mention finder the library uses (CRF + gazetteers + rules) over the corpus
tokens, with the article-level steps (a surname after the full name) over
windows of 20 consecutive sentences, since the corpora keep no document
marks.

The in-domain reference model (never shipped) is trained and measured with::

    python scripts/train_ner.py --corpus peyma --out /tmp/peyma.crfsuite
    python scripts/eval_ner.py --model /tmp/peyma.crfsuite --corpus peyma
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from persnews import ner  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "ner"
TYPES = ("PER", "LOC", "ORG")
PEYMA_MAP: dict[str, str | None] = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}
ARMAN_MAP: dict[str, str | None] = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG"}

Tagging = Callable[[Sequence[str]], list[tuple[int, int, str]]]
DocTagging = Callable[[Sequence[Sequence[str]]], list[list[tuple[int, int, str]]]]
# The corpora are running news text without document marks: the article-level
# steps (a surname after the full name) see this many consecutive sentences.
DOC_SENTENCES = 20


def model_tagging(tagger: ner.Tagger) -> Tagging:
    def run(words: Sequence[str]) -> list[tuple[int, int, str]]:
        return ner.spans_from_labels(tagger.tag(words))

    return run


def full_tagging(tagger: ner.Tagger) -> Tagging:
    from persnews.entities import tag_words

    def run(words: Sequence[str]) -> list[tuple[int, int, str]]:
        return [(s, e, k) for s, e, k in tag_words(words, tagger=tagger) if k in TYPES]

    return run


def document_tagging(tagger: ner.Tagger) -> DocTagging:
    from persnews.entities import tag_sentences

    def run(doc: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str]]]:
        return [[s for s in sent if s[2] in TYPES] for sent in tag_sentences(doc, tagger=tagger)]

    return run


def score(
    sentences: list[list[tuple[str, str]]],
    tagging: Tagging | None = None,
    doc_tagging: DocTagging | None = None,
) -> dict[str, dict[str, float]]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    all_words = [[ner._normalize_token(t) for t, _ in sent] for sent in sentences]
    if doc_tagging is not None:
        predicted: list[list[tuple[int, int, str]]] = []
        for i in range(0, len(all_words), DOC_SENTENCES):
            predicted.extend(doc_tagging(all_words[i : i + DOC_SENTENCES]))
    else:
        assert tagging is not None
        predicted = [tagging(w) for w in all_words]
    for sent, found in zip(sentences, predicted, strict=True):
        gold = set(ner.spans_from_labels([label for _, label in sent]))
        pred = set(found)
        for s in pred:
            (tp if s in gold else fp)[s[2]] += 1
        for s in gold - pred:
            fn[s[2]] += 1
    out: dict[str, dict[str, float]] = {}
    for t in (*TYPES, "micro"):
        a = sum(tp.values()) if t == "micro" else tp[t]
        b = sum(fp.values()) if t == "micro" else fp[t]
        c = sum(fn.values()) if t == "micro" else fn[t]
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[t] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "gold": a + c}
    return out


def mean(results: list[dict[str, dict[str, float]]]) -> dict[str, dict[str, float]]:
    return {
        t: {k: round(sum(r[t][k] for r in results) / len(results), 4) for k in results[0][t]}
        for t in results[0]
    }


def show(name: str, res: dict[str, dict[str, float]]) -> None:
    cells = "  ".join(f"{t} {res[t]['f1']:.4f}" for t in (*TYPES, "micro"))
    print(f"{name:28} {cells}   (micro P {res['micro']['p']:.4f} R {res['micro']['r']:.4f})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=pathlib.Path, default=DATA)
    ap.add_argument("--model", type=pathlib.Path, default=None, help="a .crfsuite model (default: shipped)")
    ap.add_argument("--mode", choices=("model", "full", "both"), default="both")
    ap.add_argument("--corpus", choices=("peyma", "peyma-dev", "arman", "all"), default="all")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.data.is_dir():
        print(f"evaluation corpora not found in {args.data}; skipped")
        return 0
    tagger = ner.load_tagger(args.model)
    modes = ("model", "full") if args.mode == "both" else (args.mode,)
    figures: dict[str, object] = {}
    for mode in modes:
        kw = (
            {"tagging": model_tagging(tagger)}
            if mode == "model"
            else {"doc_tagging": document_tagging(tagger)}
        )
        t0 = time.perf_counter()
        if args.corpus in ("peyma", "all"):
            sents = ner.read_iob(
                (args.data / "peyma" / "test.txt").read_text(encoding="utf-8"), tag_map=PEYMA_MAP
            )
            res = score(sents, **kw)
            figures[f"peyma_test/{mode}"] = res
            show(f"PEYMA test, {mode}", res)
        if args.corpus == "peyma-dev":
            sents = ner.read_iob(
                (args.data / "peyma" / "dev.txt").read_text(encoding="utf-8"), tag_map=PEYMA_MAP
            )
            res = score(sents, **kw)
            figures[f"peyma_dev/{mode}"] = res
            show(f"PEYMA dev, {mode}", res)
        if args.corpus in ("arman", "all"):
            folds = []
            for k in (1, 2, 3):
                text = (args.data / "arman" / f"test_fold{k}.txt").read_text(encoding="utf-8")
                folds.append(score(ner.read_iob(text, tag_map=ARMAN_MAP), **kw))
            res = mean(folds)
            figures[f"arman_3fold_mean/{mode}"] = res
            show(f"Arman 3-fold mean, {mode}", res)
        print(f"  ({mode}: {time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
