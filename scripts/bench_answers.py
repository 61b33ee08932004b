"""Answer quality on paraphrased fact-checker questions: P@1, P@5 and MRR over the distinct facts shown.

    python3 scripts/bench_answers.py ../shared/bench/real-coverage/basil bench/questions/basil.jsonl --store STORE
    python3 scripts/bench_answers.py DIR QUESTIONS --store STORE --split tune --json

DIR holds ``articles.jsonl``; STORE is that corpus ingested (and checked) with the real MiniLM.
Each question names the articles and character spans (start, end) that answer it; the quote
text is read from DIR at run time and checked against the question's hash. A fact shown for a
question answers it when one of its statements' claim spans overlaps an answer span. P@5 is
over the facts shown (at most five), P@1 over the first, MRR over the first ten facts.
Each question has a split: ``tune`` (the settings and the question re-ranker are chosen on it),
``held`` (scored only) and ``fresh`` (a second check set, written later on events of the corpus's
tuning half and never used for tuning; scored only). ``--split all`` (the default) is tune and held,
as before the fresh questions were added, so its figures stay comparable; ``--split fresh`` scores
the fresh ones alone.
``--sentences`` scores the ranked matching sentences instead, one sentence one fact, as the
query answered before facts were grouped. ``--grid`` scores every combination of the question
re-ranker's depth, prior weight, show margin and the weight of a match's previous sentence on the
tune split (it refuses the check sets); ``--context-weight`` sets that last one for a run;
``--followers`` sets how many of a question's best matches bring the claim their article states
next, ``--articles`` how many of the articles they come from bring all their claims;
``--no-question-ranker`` answers questions as claims are answered. ``--recall`` measures the
first stage instead: the share of questions with an answering claim among the candidates the
re-ranker reads (and among the store's claims at all), and the first answering candidate's rank.
"""

from __future__ import annotations

import argparse
import itertools
import hashlib
import json
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def read_questions(path: Path, articles: dict[str, str]) -> list[dict]:
    """The questions, each answer span checked against the article text it points into."""
    out = []
    for n, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip():
            continue
        q = json.loads(line)
        for a in q["answers"]:
            text = articles.get(a["article"])
            if text is None:
                raise SystemExit(f"{path}:{n}: article {a['article']!r} is not in the corpus; check DIR")
            quote = text[a["start"]:a["end"]]
            if "sha1" in a and hashlib.sha1(quote.encode()).hexdigest()[:len(a["sha1"])] != a["sha1"]:
                raise SystemExit(f"{path}:{n}: the span {a['start']}-{a['end']} of {a['article']} no longer holds "
                                 "the answer (hash differs); the corpus changed")
        out.append(q)
    return out


def answers(q: dict, statement: dict) -> bool:
    return any(a["article"] == statement["article_id"] and statement["start"] < a["end"] and a["start"] < statement["end"]
               for a in q["answers"])


def score(questions: list[dict], shown: list[list[list[dict]]]) -> dict:
    """P@1, P@5 (over the facts shown, at most five) and MRR (first ten facts) of facts given as statement lists."""
    p1 = p5 = rr = 0.0
    for q, facts in zip(questions, shown):
        hits = [any(answers(q, s) for s in fact) for fact in facts]
        p1 += float(bool(hits[:1]) and hits[0])
        top = hits[:5]
        p5 += sum(top) / len(top) if top else 0.0
        rr += next((1.0 / (i + 1) for i, h in enumerate(hits[:10]) if h), 0.0)
    n = max(len(questions), 1)
    return {"questions": len(questions), "p_at_1": round(p1 / n, 3), "p_at_5": round(p5 / n, 3),
            "mrr": round(rr / n, 3),
            "facts_shown": round(sum(min(len(f), 5) for f in shown) / n, 2)}


def candidate_recall(engine, questions: list[dict], misses: bool = False) -> dict:
    """How often an answering claim is among a question's candidates (the first stage's matches and the
    claims added beside them), among the stored claims of the answering articles, and its rank there."""
    found = stored = 0
    ranks = []
    for q in questions:
        claims, _ = engine.question_candidates(q["question"])
        spans = [{"article_id": c.article_id, "start": c.start, "end": c.end} for c in claims]
        rank = next((i for i, s in enumerate(spans) if answers(q, s)), None)
        in_store = any(answers(q, {"article_id": c.article_id, "start": c.start, "end": c.end})
                       for c in engine.store.claims(article_ids={a["article"] for a in q["answers"]}).values())
        found += rank is not None
        stored += in_store
        if rank is not None:
            ranks.append(rank)
        if misses and rank is None:
            print(f"NOT A CANDIDATE {q['id']} {q['question']} (in the store: {in_store})", file=sys.stderr)
    n = max(len(questions), 1)
    return {"questions": len(questions), "candidate_recall": round(found / n, 3), "store_recall": round(stored / n, 3),
            "candidates_median_rank": float(np.median(ranks)) if ranks else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path, help="Corpus folder holding articles.jsonl.")
    ap.add_argument("questions", type=Path, help="Questions JSONL (question, answers: article, start, end, sha1).")
    ap.add_argument("--store", type=Path, required=True, help="The corpus ingested and checked.")
    ap.add_argument("--split", choices=["tune", "held", "fresh", "all"], default="all",
                    help="Questions to score: tune, held, fresh (the second check set, scored only) or all "
                         "(tune and held, without fresh, so figures stay comparable with earlier runs).")
    ap.add_argument("--sentences", action="store_true", help="Score ranked sentences, one per fact (the old answer).")
    ap.add_argument("--misses", action="store_true", help="Print each question whose first fact does not answer it.")
    ap.add_argument("--json", action="store_true", help="Print one JSON object.")
    ap.add_argument("--grid", action="store_true",
                    help="Score each question re-ranker setting (depth, prior weight, margin) on the tune split.")
    ap.add_argument("--context-weight", type=float, default=None,
                    help="Weight of a match's previous sentence in the question's words (default: the engine's).")
    ap.add_argument("--followers", type=int, default=None,
                    help="How many of a question's best matches bring their article's next claim (default: the engine's).")
    ap.add_argument("--articles", type=int, default=None,
                    help="How many of the articles a question's matches come from bring all their claims.")
    ap.add_argument("--no-question-ranker", action="store_true", help="Rank questions' matches as a claim's.")
    ap.add_argument("--recall", action="store_true",
                    help="Score the candidates the re-ranker reads: is an answering claim among them at all.")
    args = ap.parse_args()
    if args.grid and args.split != "tune":
        ap.error("--grid chooses settings on the tune questions only (held and fresh are scored only): add --split tune")

    from consistency.options import Options
    from consistency.query.engine import QueryEngine

    articles = {}
    with open(args.dir / "articles.jsonl") as fh:
        for line in fh:
            rec = json.loads(line)
            articles[rec["id"]] = rec["text"]
    questions = read_questions(args.questions, articles)
    splits = ["tune", "held"] if args.split == "all" else [args.split]
    engine = QueryEngine(Options(store=args.store))
    if args.no_question_ranker:
        engine.question_ranker = None
    if args.context_weight is not None:
        engine.question_context = args.context_weight
    if args.followers is not None:
        engine.question_followers = args.followers
    if args.articles is not None:
        engine.question_articles = args.articles
    if args.grid:
        qs = [q for q in questions if q.get("split", "tune") == args.split]
        rows = []
        for depth, weight, margin, context in itertools.product(
                (100, 200), (0.25, 0.5, 0.75, 1.0), (0.5, 0.75), (0.0, 0.25, 0.5)):
            engine.question_depth, engine.question_weight, engine.question_margin = depth, weight, margin
            engine.question_context = context
            res = [[f["statements"] for f in engine.query(q["question"], k=10, facts=5).facts] for q in qs]
            rows.append({"depth": depth, "weight": weight, "margin": margin, "context": context, **score(qs, res)})
        for r in sorted(rows, key=lambda r: (-r["p_at_1"], -r["p_at_5"], -r["mrr"])):
            print(json.dumps(r))
        return
    if args.recall:
        result = {split: candidate_recall(engine, [q for q in questions if q.get("split", "tune") == split],
                                          args.misses) for split in splits}
        engine.close()
        print(json.dumps(result) if args.json else "\n".join(f"{k}: {json.dumps(v)}" for k, v in result.items()))
        return
    claims_by_id = {}
    result = {"mode": "sentences" if args.sentences else "facts"}
    for split in splits:
        qs = [q for q in questions if q.get("split", "tune") == split]
        shown = []
        for q in qs:
            res = engine.query(q["question"], k=10, facts=5)
            if args.sentences:
                ids = [m.claim_id for m in res.matches]
                rows = engine.store.claim_rowids([i for i in ids if i not in claims_by_id])
                claims_by_id.update({c.id: c for c in engine.store.claims(rows.values()).values()})
                facts = [[{"article_id": claims_by_id[i].article_id, "start": claims_by_id[i].start,
                           "end": claims_by_id[i].end, "text": claims_by_id[i].text}] for i in ids]
            else:
                facts = [f["statements"] for f in res.facts]
            shown.append(facts)
            if args.misses and not (facts and any(answers(q, s) for s in facts[0])):
                print(f"MISS {q['id']} {q['question']}\n   first: {facts[0][0]['text'][:160] if facts else '-'}",
                      file=sys.stderr)
        result[split] = score(qs, shown)
    engine.close()
    if args.json:
        print(json.dumps(result))
    else:
        for split in splits:
            r = result[split]
            print(f"{split}: {r['questions']} questions, P@1 {r['p_at_1']:.3f}, P@5 {r['p_at_5']:.3f}, "
                  f"MRR {r['mrr']:.3f} ({result['mode']}; {r['facts_shown']} facts shown on average)")


if __name__ == "__main__":
    main()
