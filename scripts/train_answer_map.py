"""Fit an answer map: a small low-rank map over frozen MiniLM vectors that scores how well a sentence answers a
question, rather than how close it is in topic, and write it as an .npz (``U``, ``V``, ``meta``).

The data is any reading-comprehension set in SQuAD v1.1's JSON form (``data`` -> articles with a ``title`` ->
``paragraphs`` with a ``context`` and ``qas``, each with ``question`` and ``answers[0].answer_start``). Each
paragraph is split into sentences; a question's positive is the sentence holding the start of its first answer
(questions whose answer crosses a sentence end are left out), and its hard negatives are the other sentences of
the same paragraph: they are on the question's topic but do not answer it. The other paragraphs' sentences of a
batch are softer negatives (``--soft`` weighs their loss), so that topic still counts.

The score is ``q . s + (q U) . (s V)``: the cosine plus a rank-``r`` correction (``W = I + U V^T``), fitted with a
softmax loss over each question's candidates and an L2 penalty on ``U`` and ``V`` that pulls the map towards the
plain cosine; ``--seeds`` maps from different starts are averaged into one of ``seeds`` times the rank. Articles are
split by title: ``--held`` of them are kept out of the fit and scored at the end (answer-sentence P@1 among the
paragraph's sentences, cosine against the map). The query code does not read such a map: as a feature of the
question re-ranker it was measured and not kept (bench/NOTES.md, "an answer map learnt from public reading
comprehension data").

    python3 scripts/train_answer_map.py DATA.json [DATA2.json ...] --cache /tmp/am-emb.npz --out /tmp/answer_map.npz
"""

from __future__ import annotations

import json
import logging
import re
import sys
import zlib
from pathlib import Path

import click
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

logger = logging.getLogger("train_answer_map")


class AnswerMap:
    """``score(q, S) = S q + (S V)(U^T q)``, with ``U``, ``V`` of shape (dim, rank)."""

    def __init__(self, U: np.ndarray, V: np.ndarray, meta: dict | None = None) -> None:
        if U.shape != V.shape or U.ndim != 2:
            raise ValueError("answer map: U and V must be (dim, rank) matrices of one shape")
        self.U, self.V = np.asarray(U, np.float32), np.asarray(V, np.float32)
        self.meta = meta or {}

    def score(self, qvec: np.ndarray, vecs: np.ndarray) -> np.ndarray:
        """How well each row of ``vecs`` answers the question ``qvec`` (both L2-normalised)."""
        vecs = np.asarray(vecs, np.float32).reshape(-1, self.U.shape[0])
        q = np.asarray(qvec, np.float32).ravel()
        return vecs @ q + (vecs @ self.V) @ (self.U.T @ q)

    def save(self, path: Path) -> None:
        """Write U, V (float32) and the meta as JSON text in one .npz."""
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            np.savez_compressed(fh, U=self.U, V=self.V, meta=np.array(json.dumps(self.meta)))

    @classmethod
    def load(cls, path: Path) -> "AnswerMap":
        """Read a map written by ``save``."""
        with np.load(path) as z:
            return cls(z["U"], z["V"], json.loads(str(z["meta"])))


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph: a split after . ! ? before a capital or a digit."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start() + len(m.group(0).rstrip())))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def read_squad(paths: list[Path]) -> dict:
    """Questions, sentences, each question's paragraph (a range of sentences), its positive and its article."""
    qs: list[str] = []
    titles: list[str] = []
    sents: list[str] = []
    groups: list[tuple[int, int]] = []
    pos: list[int] = []
    for path in paths:
        for art in json.loads(Path(path).read_text())["data"]:
            for p in art["paragraphs"]:
                ctx = p["context"]
                spans = sentence_spans(ctx)
                if len(spans) < 2:
                    continue
                base = len(sents)
                sents += [ctx[a:b].strip() for a, b in spans]
                for qa in p["qas"]:
                    start, length = qa["answers"][0]["answer_start"], len(qa["answers"][0]["text"])
                    hit = [i for i, (a, b) in enumerate(spans) if a <= start < b]
                    if not hit or start + length > spans[hit[0]][1] + 1:
                        continue  # the answer crosses a sentence end
                    qs.append(qa["question"].strip())
                    titles.append(art["title"])
                    groups.append((base, base + len(spans)))
                    pos.append(base + hit[0])
    return {"qs": qs, "titles": titles, "sents": sents, "groups": groups, "pos": pos}


def embedded(data: dict, cache: Path | None) -> tuple[np.ndarray, np.ndarray]:
    """MiniLM vectors of the questions and sentences, L2-normalised as the store keeps claims; cached if asked."""
    if cache is not None and cache.exists():
        z = np.load(cache)
        if len(z["Q"]) == len(data["qs"]) and len(z["S"]) == len(data["sents"]):
            return z["Q"], z["S"]
    from consistency.embed.embedders import get_embedder
    emb = get_embedder("minilm")
    Q, S = emb.embed(data["qs"]), emb.embed(data["sents"])
    if cache is not None:
        np.savez(cache, Q=Q, S=S)
    return Q, S


def held_titles(titles: list[str], share: float) -> set[str]:
    """A stable share of the articles, chosen by a hash of the title."""
    return {t for t in set(titles) if zlib.crc32(t.encode()) % 1000 < share * 1000}


def fit_map(Q: np.ndarray, S: np.ndarray, groups: np.ndarray, pos: np.ndarray, rank: int = 32,
            l2: float = 1e-3, epochs: int = 4, batch: int = 128, lr: float = 3e-3, seed: int = 0,
            soft: float = 1.0) -> AnswerMap:
    """Fit U, V by a softmax over each question's paragraph sentences plus the batch's other sentences."""
    import torch
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    d = Q.shape[1]
    U = torch.nn.Parameter(torch.randn(d, rank) * 0.01)
    V = torch.nn.Parameter(torch.randn(d, rank) * 0.01)
    log_scale = torch.nn.Parameter(torch.tensor(np.log(20.0), dtype=torch.float32))
    opt = torch.optim.Adam([U, V, log_scale], lr=lr)
    Qt, St = torch.from_numpy(Q), torch.from_numpy(S)
    for epoch in range(epochs):
        order = rng.permutation(len(Q))
        total = 0.0
        for k in range(0, len(order), batch):
            idx = order[k:k + batch]
            rows = sorted({s for i in idx for s in range(*groups[i])})
            col = {s: j for j, s in enumerate(rows)}
            q, s = Qt[idx], St[rows]
            scores = (q @ s.T + (q @ U) @ (s @ V).T) * log_scale.exp()
            own = torch.zeros_like(scores, dtype=torch.bool)
            for r, i in enumerate(idx):
                own[r, col[groups[i][0]]:col[groups[i][1] - 1] + 1] = True
            target = torch.tensor([col[pos[i]] for i in idx])
            hard = torch.nn.functional.cross_entropy(scores.masked_fill(~own, -1e9), target)
            soft_loss = torch.nn.functional.cross_entropy(scores, target)
            loss = hard + soft * soft_loss + l2 * (U.pow(2).sum() + V.pow(2).sum())
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += float(loss.detach()) * len(idx)
        logger.info("epoch %d loss %.4f scale %.1f", epoch, total / len(Q), float(log_scale.detach().exp()))
    return AnswerMap(U.detach().numpy().astype(np.float32), V.detach().numpy().astype(np.float32))


def fit_ensemble(Q: np.ndarray, S: np.ndarray, groups: np.ndarray, pos: np.ndarray, seeds: int = 1,
                 **kw) -> AnswerMap:
    """The mean of ``seeds`` maps fitted from different starts, as one map of ``seeds`` times the rank: the
    corrections are summed, so U and V are set side by side (U scaled by 1 / seeds)."""
    maps = [fit_map(Q, S, groups, pos, seed=k, **kw) for k in range(seeds)]
    return AnswerMap(np.hstack([m.U for m in maps]) / seeds, np.hstack([m.V for m in maps]))


def passage_p_at_1(Q: np.ndarray, S: np.ndarray, groups: np.ndarray, pos: np.ndarray,
                   amap: AnswerMap | None) -> float:
    """Share of questions whose best-scored sentence of their paragraph is the one holding the answer."""
    hits = 0
    for q, (a, b), p in zip(Q, groups, pos):
        scores = S[a:b] @ q if amap is None else amap.score(q, S[a:b])
        hits += int(a + int(np.argmax(scores)) == p)
    return hits / max(len(Q), 1)


@click.command()
@click.argument("data", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=None, help="where to write the map (.npz)")
@click.option("--cache", type=click.Path(path_type=Path), default=None, help="embeddings cache (.npz)")
@click.option("--held", default=0.2, show_default=True, help="share of articles kept out and scored")
@click.option("--rank", default=16, show_default=True)
@click.option("--l2", default=1e-3, show_default=True)
@click.option("--epochs", default=4, show_default=True)
@click.option("--soft", default=1.0, show_default=True, help="weight of the other paragraphs' sentences' loss")
@click.option("--seeds", default=3, show_default=True, help="maps from different starts, averaged")
@click.option("--full/--no-full", default=True, show_default=True,
              help="after scoring the held articles, refit on all of them before writing")
def main(data: tuple[Path, ...], out: Path | None, cache: Path | None, held: float, rank: int, l2: float,
         epochs: int, soft: float, seeds: int, full: bool) -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    d = read_squad(list(data))
    Q, S = embedded(d, cache)
    groups, pos = np.array(d["groups"]), np.array(d["pos"])
    out_titles = held_titles(d["titles"], held)
    test = np.array([t in out_titles for t in d["titles"]])
    logger.info("%d questions, %d sentences, %d articles (%d held out, %d questions)",
                len(Q), len(S), len(set(d["titles"])), len(out_titles), int(test.sum()))
    kw = {"rank": rank, "l2": l2, "epochs": epochs, "soft": soft}
    amap = fit_ensemble(Q[~test], S, groups[~test], pos[~test], seeds, **kw)
    if test.any():
        cos = passage_p_at_1(Q[test], S, groups[test], pos[test], None)
        learned = passage_p_at_1(Q[test], S, groups[test], pos[test], amap)
        logger.info("held-out articles: answer-sentence P@1 cosine %.3f, map %.3f", cos, learned)
    if out is not None:
        if full and test.any():
            amap = fit_ensemble(Q, S, groups, pos, seeds, **kw)
        amap.meta = {"data": [p.name for p in data], "questions": int(len(Q)), "seeds": seeds, **kw}
        amap.save(out)
        logger.info("wrote %s (%d bytes)", out, out.stat().st_size)


if __name__ == "__main__":
    main()
