"""Fit the question re-ranker on public question / answer-sentence data and write its JSON weights.

The data is TREC QA as Yao et al. (2013) released it (news questions, each with candidate
sentences from newswire labelled as holding the answer or not: ``train.xml``, ``dev.xml``,
``test.xml`` in ``--trecqa DIR``) and, optionally, WikiQA (``--wikiqa DIR`` with ``train/``,
``dev/``, ``test/`` each holding ``a.toks``, ``b.toks``, ``id.txt``, ``sim.txt``). Every
candidate sentence goes through the claim extractor and the MiniLM encoder as a stored claim
would, so the features are those a query sees. The model is linear with a softmax loss over each
question's candidates (the answer should beat its own competitors); questions with no answering
candidate are left out of the fit.

    python3 scripts/train_question_ranker.py --trecqa DIR --cache /tmp/qr-cache
    python3 scripts/train_question_ranker.py --trecqa DIR --cv 5        # grouped CV, no model written

It prints P@1 and MRR on TREC QA test with a model fitted on train and dev, then fits on all the
data given and writes ``consistency/models/question_ranker.json``; scripts/tune_question_ranker.py
then refits those weights on the tune questions of bench/questions (the shipped file keeps the
TREC QA weights in its meta as ``adapted.base_coef``). TREC QA's candidates are lone sentences
without a story, so ``story_share`` is 0 there and only that refit weighs it.

The shipped model is fitted on TREC QA alone (269 questions, 250 of them with an answering candidate, 7,383 candidates;
on TREC QA test, fitted on train and dev: P@1 .876, MRR .935, against .708 and .810 for the
cosine alone; ``--cv 5`` P@1 .808, MRR .885). The cosine of each candidate to the noun a
"which <noun>" question asks about (its MiniLM vector, ``noun_vectors``) took it from .865 / .930
(CV .800 / .882; on the 25 such questions, CV P@1 .72 to .80). The answer-type features that read the figure and date asked for (a length in
the unit "how many years" names, a written year for "which years", a day for "what day" but not
"that same day", a day of the month not counted as a figure, "what is X's revenue" as a
quantity) took it from .820 / .908. ``--cv 5`` on TREC QA gives P@1 .800, MRR .882 at ``--l2`` 1
(cosine alone .720 / .820); before those features .796 / .880, and the penalty mattered little
(.788 to .808 from 0.3 to 10). Adding WikiQA scored better on TREC QA test (P@1 .854 against
.820 then) but worse on the tune questions of bench/questions (facts P@1 .68 against .76 at
their best blend each), and the tune questions decide: WikiQA's text is lower-cased, so the
entity features learnt on it are weak.
"""

from __future__ import annotations

import json
import logging
import math
import pickle
import re
import sys
from collections import Counter
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import click
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.listwise import fit_listwise  # noqa: E402
from consistency.query.bm25 import tokenize  # noqa: E402
from consistency.query.questions import (  # noqa: E402
    FEATURES,
    SHIPPED,
    QuestionRanker,
    compared_noun,
    question_features,
)
from consistency.records import Article, Claim  # noqa: E402

logger = logging.getLogger("train_question_ranker")

_BLOCK = re.compile(r"<(question|positive|negative)>\n(.*?)\n", re.S)


def detokenize(tokens: list[str]) -> str:
    """Running text from Penn-style tokens, first letter capitalised."""
    text = " ".join(tokens)
    text = text.replace("-LRB-", "(").replace("-RRB-", ")").replace("``", '"').replace("''", '"')
    text = re.sub(r" ([,.;:!?%)]|'s|n't|'re|'ll|'ve|'d|'m)", r"\1", text)
    text = re.sub(r"([($]) ", r"\1", text)
    return text[:1].upper() + text[1:]


def read_trecqa(path: Path, prefix: str) -> list[dict]:
    """Questions of one TREC QA file: {id, question, sentences, labels}."""
    out: list[dict] = []
    for n, block in enumerate(path.read_text(encoding="utf-8", errors="replace").split("<QApairs")[1:]):
        q, sents, labels = None, [], []
        for kind, line in _BLOCK.findall(block):
            text = detokenize(line.split("\t"))
            if kind == "question":
                q = text
            else:
                sents.append(text)
                labels.append(kind == "positive")
        if q and sents:
            out.append({"id": f"{prefix}{n}", "question": q, "sentences": sents, "labels": labels})
    return out


def read_wikiqa(folder: Path, prefix: str) -> list[dict]:
    """Questions of one WikiQA split folder (a.toks, b.toks, id.txt, sim.txt)."""
    cols = [(folder / f).read_text().splitlines() for f in ("id.txt", "a.toks", "b.toks", "sim.txt")]
    by_id: dict[str, dict] = {}
    for qid, q, s, lab in zip(*cols):
        rec = by_id.setdefault(qid, {"id": f"{prefix}{qid}", "question": detokenize(q.split()),
                                     "sentences": [], "labels": []})
        rec["sentences"].append(detokenize(s.split()))
        rec["labels"].append(lab.strip() == "1")
    return list(by_id.values())


def sentence_claims(sentences: list[str]) -> list[Claim]:
    """Each sentence as the extractor reads a one-sentence article: one claim with every slot it found."""
    from consistency.extract.claims import extract_claims
    from consistency.extract.entities import EntityResolver

    when = datetime(2000, 1, 1)
    arts = [Article(id=f"s{i}", outlet="x", url="", title="", published=when, text=s) for i, s in enumerate(sentences)]
    found: dict[str, list[Claim]] = {}
    for c in extract_claims(arts, EntityResolver(), batch_size=64):
        found.setdefault(c.article_id, []).append(c)
    out = []
    for a in arts:
        parts = found.get(a.id, [])
        if not parts:
            out.append(Claim(id=a.id, article_id=a.id, outlet="x", published=when, text=a.text, start=0,
                             end=len(a.text), content=a.text))
            continue
        main = max(parts, key=lambda c: c.end - c.start)
        out.append(replace(main, text=a.text, start=0, end=len(a.text),
                           times=tuple(t for c in parts for t in c.times),
                           quantities=tuple(x for c in parts for x in c.quantities),
                           entities=tuple(e for c in parts for e in c.entities)))
    return out


def prepare(questions: list[dict], cache: Path | None, name: str) -> list[dict]:
    """Claims and vectors for every question and candidate (cached: extraction is the slow part)."""
    path = cache / f"{name}.pkl" if cache else None
    if path and path.exists():
        return pickle.loads(path.read_bytes())
    from consistency.embed import get_embedder

    emb = get_embedder("minilm")
    sents = sorted({s for q in questions for s in q["sentences"]})
    claims = dict(zip(sents, sentence_claims(sents)))
    vecs = dict(zip(sents, emb.embed([claims[s].content for s in sents])))
    qvecs = emb.embed([q["question"] for q in questions])
    out = [{**q, "claims": [claims[s] for s in q["sentences"]], "vecs": np.stack([vecs[s] for s in q["sentences"]]),
            "qvec": qv} for q, qv in zip(questions, qvecs)]
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(out))
    return out


def idf_table(questions: list[dict]) -> dict[str, float]:
    """BM25 idf of every word over the distinct candidate sentences, as the store's index gives it."""
    sents = {s for q in questions for s in q["sentences"]}
    df = Counter(t for s in sents for t in set(tokenize(s)))
    n = len(sents)
    return {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}


def noun_vectors(questions: list[dict]) -> dict[str, np.ndarray]:
    """The MiniLM vector of every noun a question is compared with ("which <noun>", "who was the
    <noun>"), as a query embeds it."""
    nouns = sorted({n for q in questions if (n := compared_noun(q["question"])) is not None})
    if not nouns:
        return {}
    from consistency.embed import get_embedder

    return dict(zip(nouns, get_embedder("minilm").embed(nouns)))


def features(questions: list[dict], idf: dict[str, float], nouns: dict[str, np.ndarray] | None = None
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Feature rows, labels and question groups; ``nouns`` maps asked nouns to their vectors."""
    X, y, g = [], [], []
    nouns = nouns or {}
    for i, q in enumerate(questions):
        cos = q["vecs"] @ q["qvec"]
        noun = compared_noun(q["question"])
        noun_cos = q["vecs"] @ nouns[noun] if noun in nouns else None
        X.append(question_features(q["question"], q["claims"], cos, idf, noun_cos=noun_cos))
        y.append(np.asarray(q["labels"], np.float64))
        g.append(np.full(len(q["labels"]), i))
    return np.vstack(X), np.concatenate(y), np.concatenate(g)


def fit(X: np.ndarray, y: np.ndarray, groups: np.ndarray, l2: float) -> QuestionRanker:
    """A linear ranker on standardised features, by softmax loss over each question's candidates."""
    return QuestionRanker(*fit_listwise(X, y, groups, l2))


def ranking_scores(scores: np.ndarray, y: np.ndarray, groups: np.ndarray) -> dict:
    """P@1 and MRR over the questions that have an answering candidate."""
    p1, rr, n = 0.0, 0.0, 0
    for g in np.unique(groups):
        m = groups == g
        if not y[m].any():
            continue
        labels = y[m][np.argsort(-scores[m], kind="stable")]
        n += 1
        p1 += labels[0]
        rr += 1.0 / (1 + int(np.argmax(labels)))
    return {"questions": n, "p_at_1": round(p1 / max(n, 1), 3), "mrr": round(rr / max(n, 1), 3)}


def cross_validate(X, y, groups, k: int, l2: float) -> dict:
    """Scores of each question by a model fitted without its fold."""
    fold = groups % k
    out = np.zeros(len(y))
    for f in range(k):
        model = fit(X[fold != f], y[fold != f], np.unique(groups[fold != f], return_inverse=True)[1], l2)
        out[fold == f] = model.score(X[fold == f])
    return ranking_scores(out, y, groups)


@click.command()
@click.option("--trecqa", type=click.Path(exists=True, file_okay=False, path_type=Path), required=True,
              help="Folder with TREC QA train.xml, dev.xml and test.xml (Yao et al. 2013).")
@click.option("--wikiqa", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder with WikiQA train/ dev/ test/ (a.toks, b.toks, id.txt, sim.txt): added to training.")
@click.option("--cache", type=click.Path(path_type=Path), default=None, help="Folder for extracted claims and vectors.")
@click.option("--l2", type=float, default=1.0, show_default=True, help="Ridge penalty on the standardised weights.")
@click.option("--cv", "folds", type=int, default=0, help="Cross-validate with this many question folds; write nothing.")
@click.option("--out", type=click.Path(path_type=Path), default=SHIPPED, show_default=True)
def main(trecqa: Path, wikiqa: Path | None, cache: Path | None, l2: float, folds: int, out: Path) -> None:
    """Extract and embed the candidate sentences, fit the question re-ranker, write its weights."""
    logging.basicConfig(level=logging.INFO)
    parts = {name: prepare(read_trecqa(trecqa / f"{name}.xml", f"trec-{name}-"), cache, f"trec-{name}")
             for name in ("train", "dev", "test")}
    if wikiqa:
        for name in ("train", "dev", "test"):
            parts[f"wiki-{name}"] = prepare(read_wikiqa(wikiqa / name, f"wiki-{name}-"), cache, f"wiki-{name}")
    everything = [q for qs in parts.values() for q in qs]
    idf = idf_table(everything)
    nouns = noun_vectors(everything)
    X, y, g = features(everything, idf, nouns)
    if folds:
        base = ranking_scores(X[:, FEATURES.index("cos")], y, g)
        click.echo(json.dumps({"folds": folds, "l2": l2, "cosine_alone": base, "cv": cross_validate(X, y, g, folds, l2)}))
        return
    fit_parts = [n for n in parts if n != "test"]
    train = [q for n in fit_parts for q in parts[n]]
    Xt, yt, gt = features(train, idf, nouns)
    Xs, ys, gs = features(parts["test"], idf, nouns)
    model = fit(Xt, yt, gt, l2)
    held = {"cosine_alone": ranking_scores(Xs[:, FEATURES.index("cos")], ys, gs),
            "model": ranking_scores(model.score(Xs), ys, gs)}
    click.echo(f"TREC QA test, fitted on {'+'.join(fit_parts)}: {json.dumps(held)}")
    model = fit(X, y, g, l2)
    model.meta = {"loss": "listwise softmax", "l2": l2, "trained_on": sorted(parts),
                  "n_questions": int(len(np.unique(g))), "n_pairs": int(len(y)), "trecqa_test": held,
                  "weights": {f: round(float(w), 3) for f, w in zip(FEATURES, model.coef)}}
    model.save(out)
    click.echo(json.dumps(model.meta))


if __name__ == "__main__":
    main()
