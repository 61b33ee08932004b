"""Score new sources of information for the stance model by repeated grouped CV on the training portion.

    python3 scripts/stance_sources.py ../shared/bench/emergent-stance/emergent.csv
    python3 scripts/stance_sources.py ../shared/bench/emergent-stance/emergent.csv --source words --repeats 5

Each source adds columns to the shipped recipe (bench_stance.py's "shipped" variant: the hand-written
pair features and their peer-relative copies, a logistic regression averaged with boosted trees and a
random forest; the shipped vote of the nearest training pairs reads no columns and is left out here):

- ``words``: the headline's words and word pairs, the claim's own words masked, kept when they occur
  in the headlines of at least three training claims, added to the logistic regression as counts;
- ``word-scores``: the three label scores of a logistic regression over those words alone, learned
  out of fold inside the training folds (so the stacked model weighs them as on unseen claims), and
  the same scores relative to the other headlines of the claim;
- ``minilm``: the MiniLM cosine of headline and claim, the headline's cosine to the claim's negation
  ("It is not true that ...") and to the claim reported ("Reports say that ..."), each minus its
  cosine to the claim, its cosine to the centroid of the other headlines of the claim, and the
  per-claim relative copies of these;
- ``peers``: a first model's out-of-fold probabilities for the headline and the mean of its peers';
- ``frames``: the product's own reading of the headline (the attribution frames of
  ``find_attributions`` and the modality of ``polarity``): how much of the claim sits in the content
  of a frame whose source is not one of the claim's words, whether a frame's source is one of the
  claim's words (the claim is about the speaker), whether the headline credits a source outside
  the claim, and whether its modality is reported or possible; ``frames:<column>`` adds one of them.
  The columns join the pair features, so they get peer-relative copies and reach all three members.

The folds are bench_stance.py's (the fixed grouped cut, then claims shuffled by seeds 1..R-1); the dev
portion is not read. A source is worth shipping only when its mean beats "shipped" by more than the
spread across repeats.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from consistency.compare.stance import (  # noqa: E402
    LABELS, STOP, _words, forest_classifier, pair_matrix, relative_to_peers, tokens,
)
from scripts.bench_stance import VARIANTS, CachedEmbedder, read_emergent, split_rows  # noqa: E402

FRAME_COLUMNS = ("claim_in_reported", "source_in_claim", "outside_source", "reported_modality")
SOURCES = ("shipped", "words", "word-scores", "minilm", "peers", "frames") + tuple(f"frames:{c}" for c in FRAME_COLUMNS)
MIN_CLAIMS = 3  # a word must occur in the headlines of this many training claims


def masked_words(claim: str, text: str) -> list[str]:
    """The headline's words (the claim's content words as one placeholder), word pairs and first word."""
    own = set(_words(tokens(claim))) - STOP
    ws = ["<claim>" if w in own else w for w in tokens(text)]
    return ws + [f"{a}_{b}" for a, b in zip(ws, ws[1:])] + ([f"<first>{ws[0]}"] if ws else [])


def peer_mean(m: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Each row's mean over the other rows of its group (the mean of all rows for a lone row)."""
    out = np.empty_like(m)
    for g in np.unique(groups):
        idx = np.flatnonzero(groups == g)
        total = m[idx].sum(axis=0)
        out[idx] = (total - m[idx]) / (len(idx) - 1) if len(idx) > 1 else m.mean(axis=0)
    return out


def _stems(text: str) -> set[str]:
    return {w[:5] for w in _words(tokens(text))} - {w[:5] for w in STOP}


def frame_columns(claims: list[str], texts: list[str]) -> np.ndarray:
    """FRAME_COLUMNS of each pair, read by the product's attribution and polarity extraction."""
    from consistency.extract.attribution.frames import find_attributions
    from consistency.extract.nlp import load_nlp
    from consistency.extract.polarity import polarity

    unique = list(dict.fromkeys(texts))
    read = {}
    for doc, text in zip(load_nlp().pipe(unique, batch_size=64), unique):
        modalities = {polarity(sent)[1] for sent in doc.sents}
        read[text] = (find_attributions(doc), bool(modalities & {"reported", "possible"}))
    out = np.zeros((len(texts), len(FRAME_COLUMNS)))
    for i, (claim, text) in enumerate(zip(claims, texts)):
        own = _stems(claim)
        frames, modal = read[text]
        for att in frames:
            if _stems(att.source) & own:
                out[i, 1] = 1.0
                continue
            out[i, 0] = max(out[i, 0], len(_stems(att.content) & own) / max(1, len(own)))
            # an unnamed source counts half unless the headline's own colon credits it
            out[i, 2] = max(out[i, 2], 1.0 if att.source_kind != "anonymous" or att.cue == ":" else 0.5)
        out[i, 3] = float(modal)
    return out


class Data:
    """The training portion's pairs with every source's raw material computed once."""

    def __init__(self, rows: dict[str, list[str]], embedder=None, frames: bool = False) -> None:
        self.claims = np.array(rows["claimHeadline"], dtype=object)
        self.texts = np.array(rows["articleHeadline"], dtype=object)
        self.y = np.array(rows["articleHeadlineStance"])
        self.groups = np.array(rows["claimId"])
        self.base = pair_matrix(list(self.claims), list(self.texts))
        self.docs = [masked_words(c, t) for c, t in zip(self.claims, self.texts)]
        self.minilm = self._minilm(embedder) if embedder is not None else None
        self.frames = frame_columns(list(self.claims), list(self.texts)) if frames else None

    def _minilm(self, embedder) -> np.ndarray:
        lower = [c[:1].lower() + c[1:] for c in self.claims]
        negated = ["It is not true that " + c for c in lower]
        reported = ["Reports say that " + c for c in lower]
        u, v, n, r = (np.asarray(embedder.embed(list(x)), dtype=np.float64)
                      for x in (self.claims, self.texts, negated, reported))
        cos = (u * v).sum(1)
        centroid = peer_mean(v, self.groups)
        centroid /= np.linalg.norm(centroid, axis=1, keepdims=True) + 1e-9
        to_peers = (v * centroid).sum(1)
        cols = np.column_stack([cos, (n * v).sum(1) - cos, (r * v).sum(1) - cos, to_peers])
        return np.hstack([cols, cols - peer_mean(cols, self.groups)])

    def features(self, idx: np.ndarray, train: np.ndarray, base: np.ndarray | None = None) -> np.ndarray:
        """The shipped recipe's columns: pair features (``base``, the hand-written ones by default)
        and their peer-relative copies."""
        base = self.base if base is None else base
        x = base[idx]
        return np.hstack([x, relative_to_peers(x, list(self.claims[idx]), base[train].mean(axis=0))])

    def word_matrix(self, train: np.ndarray):
        """A function giving the word counts of rows, over the words of enough training claims."""
        from scipy import sparse

        seen: dict[str, set] = {}
        for i in train:
            for w in set(self.docs[i]):
                seen.setdefault(w, set()).add(self.groups[i])
        vocab = {w: k for k, w in enumerate(sorted(w for w, s in seen.items() if len(s) >= MIN_CLAIMS))}

        def matrix(idx: np.ndarray):
            cells = [(j, vocab[w]) for j, i in enumerate(idx) for w in set(self.docs[i]) if w in vocab]
            r, c = zip(*cells) if cells else ((), ())
            return sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=(len(idx), len(vocab)))
        return matrix


def _ordered(clf, p: np.ndarray) -> np.ndarray:
    return p[:, [list(clf.classes_).index(label) for label in LABELS]]


def shipped_proba(x_train: np.ndarray, y_train: np.ndarray, x_test: np.ndarray, extra=None) -> np.ndarray:
    """The shipped recipe fit on one fold; ``extra`` (train, test) sparse columns go to the regression only."""
    from scipy import sparse
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    recipe = VARIANTS["shipped"]
    mean, scale = x_train.mean(axis=0), x_train.std(axis=0)
    scale[scale == 0] = 1.0
    za, zb = (x_train - mean) / scale, (x_test - mean) / scale
    if extra is not None:
        za, zb = (sparse.hstack([sparse.csr_matrix(z), e]).tocsr() for z, e in zip((za, zb), extra))
    lr = LogisticRegression(C=recipe["C"], max_iter=5000).fit(za, y_train)
    trees = HistGradientBoostingClassifier(max_iter=recipe["boost_rounds"], learning_rate=0.05, max_depth=3,
                                           l2_regularization=1.0, random_state=0).fit(x_train, y_train)
    members = [_ordered(lr, lr.predict_proba(zb)), _ordered(trees, trees.predict_proba(x_test))]
    if recipe.get("forest_trees"):
        grove = forest_classifier(recipe["forest_trees"]).fit(x_train, y_train)
        members.append(_ordered(grove, grove.predict_proba(x_test)))
    return sum(members) / len(members)


def _inner_folds(data: Data, train: np.ndarray):
    from sklearn.model_selection import GroupKFold

    return GroupKFold(5).split(train, groups=data.groups[train])


def fold_proba(data: Data, source: str, train: np.ndarray, test: np.ndarray) -> np.ndarray:
    """Probabilities for the test rows of a model with ``source`` fit on the training rows."""
    from sklearn.linear_model import LogisticRegression

    base = None
    if source.startswith("frames"):
        pick = list(range(len(FRAME_COLUMNS))) if source == "frames" else [FRAME_COLUMNS.index(source[7:])]
        base = np.hstack([data.base, data.frames[:, pick]])
    xa, xb = data.features(train, train, base), data.features(test, train, base)
    extra = None
    if source == "words":
        matrix = data.word_matrix(train)
        extra = (matrix(train), matrix(test))
    elif source == "word-scores":
        def scores(a: np.ndarray, b: np.ndarray) -> np.ndarray:
            matrix = data.word_matrix(a)
            clf = LogisticRegression(C=0.3, max_iter=3000).fit(matrix(a), data.y[a])
            return _ordered(clf, clf.predict_log_proba(matrix(b)))
        sa = np.empty((len(train), len(LABELS)))
        for a, b in _inner_folds(data, train):
            sa[b] = scores(train[a], train[b])
        sb = scores(train, test)
        xa = np.hstack([xa, sa, sa - peer_mean(sa, data.groups[train])])
        xb = np.hstack([xb, sb, sb - peer_mean(sb, data.groups[test])])
    elif source == "minilm":
        xa, xb = np.hstack([xa, data.minilm[train]]), np.hstack([xb, data.minilm[test]])
    elif source == "peers":
        pa = np.empty((len(train), len(LABELS)))
        for a, b in _inner_folds(data, train):
            pa[b] = shipped_proba(data.features(train[a], train[a]), data.y[train[a]],
                                  data.features(train[b], train[a]))
        pb = shipped_proba(xa, data.y[train], xb)
        xa = np.hstack([xa, pa, peer_mean(pa, data.groups[train])])
        xb = np.hstack([xb, pb, peer_mean(pb, data.groups[test])])
    return shipped_proba(xa, data.y[train], xb, extra)


def cv_accuracy(data: Data, source: str, folds: int, seed: int | None) -> float:
    """Mean fold accuracy of one grouped CV (bench_stance.py's folds for this seed)."""
    from sklearn.model_selection import GroupKFold

    cut = GroupKFold(folds) if seed is None else GroupKFold(folds, shuffle=True, random_state=seed)
    accs = []
    for train, test in cut.split(data.base, data.y, data.groups):
        pred = np.array(LABELS)[fold_proba(data, source, train, test).argmax(axis=1)]
        accs.append(float((pred == data.y[test]).mean()))
    return float(np.mean(accs))


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--source", "sources", type=click.Choice(SOURCES), multiple=True,
              help="Which sources to score (repeatable; default all).")
@click.option("--folds", default=5, show_default=True)
@click.option("--repeats", default=3, show_default=True, help="The fixed folds, then seeds 1..R-1.")
def main(file: str, sources: tuple[str, ...], folds: int, repeats: int) -> None:
    """Print each source's grouped-CV accuracy on the training portion of FILE, per repeat and mean."""
    sources = sources or SOURCES
    train, _ = split_rows(read_emergent(file))
    embedder = None
    if "minilm" in sources:
        from consistency.embed import get_embedder

        embedder = CachedEmbedder(get_embedder("minilm"))
    data = Data(train, embedder, frames=any(s.startswith("frames") for s in sources))
    for source in sources:
        by_repeat = [cv_accuracy(data, source, folds, None if r == 0 else r) for r in range(repeats)]
        click.echo(f"{source:<12} accuracy {np.mean(by_repeat):.4f} (repeat std {np.std(by_repeat):.4f})  by repeat "
                   + " ".join(f"{a:.4f}" for a in by_repeat))


if __name__ == "__main__":
    main()
