"""Stance of a text towards a claim: it supports it ("for"), denies it ("against"), or only
repeats or reports it without taking a side ("observing").

The model averages a multinomial logistic regression, small gradient-boosted trees and a small
random forest, all over hand-written features of the pair: cue lexicons for refuting, hedging,
attributing and confirming language, negation alignment, question form, source prefixes and suffixes
("Officials: ...", "..., report says") and word overlap with the claim. Each text is also read
against the other texts given for the same claim in one call (how much more it hedges, refutes or
questions than its peers): a headline that merely relays a story stands out less among its peers
than one that takes a side. A model trained with ``neighbours`` also takes a vote of the training
pairs nearest in embedding space (``stance_neighbours``), read with the embedder it was trained
with; one trained with ``use_cosine`` also takes the embedding cosine of the pair.
Weights and trees ship as JSON: loading needs no pickle and no network.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from ..embed import Embedder, get_embedder
from ..errors import ModelError
from ..models import model_path
from .stance_neighbours import NeighbourVote, pair_directions


LABELS: tuple[str, str, str] = ("for", "against", "observing")
MODEL_PATH = model_path("stance.json")
VECTOR_DIM = 384  # MiniLM's

NEGATION = frozenset("not no never none nobody nothing neither nor without n't cannot nope".split())
REFUTE = frozenset(
    """fake fakes faked fraud fraudulent hoax hoaxes false falsely deny denies denied denial
    refute refutes refuted debunk debunks debunked debunking bogus myth myths untrue wrong incorrect
    erroneous inaccurate baseless unfounded dismiss dismisses dismissed reject rejects rejected
    retract retracts retracted retraction prank pranks pranked satire satirical fabricated
    fabrication fiction fictional figment doubt doubts doubtful scam lie lies lied misleading
    nonsense rubbish phony phoney busted bullshit staged invented imaginary""".split()
)
HEDGE = frozenset(
    """alleged allegedly apparent apparently appear appears appeared purport purports purported
    purportedly reported reportedly rumor rumors rumour rumours rumored rumoured unconfirmed
    unverified possible possibly probably likely unlikely may might could perhaps maybe presumably
    suspected suspect seems seem seemingly supposedly speculation speculate speculates speculated
    claimed claim claims unclear unknown uncertain mystery""".split()
)
REPORT = frozenset(
    """says say said saying tells told report reports according source sources insider insiders
    suggests suggest suggesting believed believes thinks expects expected predicts predicted
    forecast forecasts analyst analysts accuses accused blames blamed""".split()
)
CONFIRM = frozenset(
    """confirm confirms confirmed confirmation officially proves proved proven proof true real
    really indeed revealed reveals identified verified finally admits admitted""".split()
)
CORRECTION = frozenset(
    """actually truth reality clarify clarifies clarified clarification alive safe evidence
    correction corrects corrected""".split()
)
UNCERTAIN = frozenset(
    """whether if probe probes probing investigate investigates investigating investigation fear
    fears feared scare confusion talks hunt eye eyes eyeing considering weighs mulls plans
    planning set expected""".split()
)
RUMOUR = frozenset("rumor rumors rumour rumours rumored rumoured".split())
MODAL = frozenset("may might could".split())
QUESTION_START = frozenset(
    "did does do is are was were can could will would has have should who what why how".split()
)
# Prefixes that look like a source before a colon but only flag the story's format.
NOT_SOURCES = frozenset(
    "exclusive breaking update updated video watch photos photo pics live report analysis opinion".split()
)
STOP = frozenset(
    "a an the of to in on for at by with and or is are was were be been has have had it its this that as from".split()
)
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|n't|[?:!\"]")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})

FEATURE_NAMES: tuple[str, ...] = (
    "refute_count", "has_refute", "negation_count", "has_negation", "negation_only_in_text",
    "negation_only_in_claim", "starts_with_no", "hedge_count", "has_hedge", "report_count",
    "has_report", "confirm_count", "has_question_mark", "ends_with_question", "question_form",
    "source_prefix", "source_suffix", "has_colon", "has_quote", "claim_recall", "text_precision",
    "shared_number", "different_number", "log_length", "has_rumour", "has_report_word",
    "has_say", "has_modal", "has_claim_word", "negated_confirm", "correction_count",
    "uncertain_count", "made_up",
)
# Each pair feature minus the mean over the other texts about the same claim, and how many there are.
RELATIVE_NAMES: tuple[str, ...] = tuple(f"relative_{name}" for name in FEATURE_NAMES) + ("log_peers",)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, with "n't" split off and ? : ! " kept as tokens."""
    text = text.casefold().translate(_QUOTES)
    text = re.sub(r"(\w)n't\b", r"\1 n't", text)
    return _TOKEN.findall(text)


def _words(toks: list[str]) -> list[str]:
    return [t for t in toks if t[0].isalnum() or t == "n't"]


def pair_features(claim: str, text: str) -> list[float]:
    """The hand-written features of one (claim, text) pair, in FEATURE_NAMES order."""
    words = _words(tokens(text))
    ws = set(words)
    cs = set(_words(tokens(claim)))
    claim_content, text_content = cs - STOP, ws - STOP
    neg_text = sum(w in NEGATION for w in words)
    neg_claim = sum(w in NEGATION for w in cs)
    first = words[0] if words else ""
    stripped = text.strip()
    colon = stripped.find(":")
    prefix = _words(tokens(stripped[:colon])) if colon > 0 else []
    last_colon = stripped.rfind(":")
    suffix = _words(tokens(stripped[last_colon + 1 :])) if last_colon > 0 else []
    nums_claim = set(re.findall(r"\d+", claim))
    nums_text = set(re.findall(r"\d+", text))
    overlap = len(claim_content & text_content)
    return [
        sum(w in REFUTE for w in words),
        float(bool(ws & REFUTE)),
        neg_text,
        float(neg_text > 0),
        float(neg_text > 0 and neg_claim == 0),
        float(neg_claim > 0 and neg_text == 0),
        float(first in ("no", "not", "nope", "sorry")),
        sum(w in HEDGE for w in words),
        float(bool(ws & HEDGE)),
        sum(w in REPORT for w in words),
        float(bool(ws & REPORT)),
        sum(w in CONFIRM for w in words),
        float("?" in text),
        float(stripped.endswith("?")),
        float(first in QUESTION_START and "?" in text),
        float(0 < len(prefix) <= 4 and not set(prefix) & NOT_SOURCES),
        float(0 < len(suffix) <= 3 and last_colon > len(stripped) // 2),
        float(colon > 0),
        float("'" in text or '"' in text.translate(_QUOTES)),
        overlap / max(1, len(claim_content)),
        overlap / max(1, len(text_content)),
        float(bool(nums_claim & nums_text)),
        float(bool(nums_claim) and bool(nums_text) and not nums_claim & nums_text),
        float(np.log1p(len(words))),
        float(bool(ws & RUMOUR)),
        float(bool(ws & {"report", "reports", "reportedly"})),
        float(bool(ws & {"says", "say", "said"})),
        float(bool(ws & MODAL)),
        float(bool(ws & {"claims", "claim", "claimed"})),
        float(neg_text > 0 and bool(ws & {"real", "true", "confirmed", "happen", "happened"})),
        sum(w in CORRECTION for w in words),
        sum(w in UNCERTAIN for w in words),
        float(" made up" in " " + " ".join(words) or "made it all up" in " ".join(words)),
    ]


@dataclass(frozen=True)
class Trees:
    """Gradient-boosted trees flattened into arrays: one tree list per label, summed as logits."""

    baseline: np.ndarray  # (3,) in LABELS order
    roots: np.ndarray  # (n_trees,) index of each tree's root node
    label: np.ndarray  # (n_trees,) which logit the tree adds to
    feature: np.ndarray  # per node
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    is_leaf: np.ndarray
    value: np.ndarray
    depth: int

    def logits(self, x: np.ndarray) -> np.ndarray:
        """Raw scores of shape (n, 3)."""
        out = np.tile(self.baseline, (len(x), 1))
        rows = np.arange(len(x))
        for root, label in zip(self.roots, self.label):
            node = np.full(len(x), root)
            for _ in range(self.depth):
                leaf = self.is_leaf[node]
                go_left = x[rows, self.feature[node]] <= self.threshold[node]
                node = np.where(leaf, node, np.where(go_left, self.left[node], self.right[node]))
            out[:, label] += self.value[node]
        return out

    def to_dict(self) -> dict:
        return {k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in _fields(self).items()}

    @classmethod
    def from_dict(cls, d: dict) -> "Trees":
        ints = {"roots", "label", "feature", "left", "right"}
        return cls(**{
            k: (np.asarray(v, dtype=np.int64 if k in ints else bool if k == "is_leaf" else np.float64)
                if isinstance(v, list) else v)
            for k, v in d.items()
        })


@dataclass(frozen=True)
class Forest:
    """A random forest flattened into arrays: each leaf holds its label shares, averaged over trees."""

    roots: np.ndarray  # (n_trees,) index of each tree's root node
    feature: np.ndarray  # per node
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    is_leaf: np.ndarray
    value: np.ndarray  # (n_nodes, 3) label shares in LABELS order
    depth: int

    def proba(self, x: np.ndarray) -> np.ndarray:
        """Probabilities of shape (n, 3)."""
        # the trees were grown on float32 copies of the features: compare as they did
        x = x.astype(np.float32)
        rows = np.arange(len(x))
        out = np.zeros((len(x), self.value.shape[1]))
        for root in self.roots:
            node = np.full(len(x), root)
            for _ in range(self.depth):
                go_left = x[rows, self.feature[node]] <= self.threshold[node]
                node = np.where(self.is_leaf[node], node, np.where(go_left, self.left[node], self.right[node]))
            out += self.value[node]
        return out / max(1, len(self.roots))

    def to_dict(self) -> dict:
        return {k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in _fields(self).items()}

    @classmethod
    def from_dict(cls, d: dict) -> "Forest":
        ints = {"roots", "feature", "left", "right"}
        return cls(**{
            k: (np.asarray(v, dtype=np.int64 if k in ints else bool if k == "is_leaf" else np.float64)
                if isinstance(v, list) else v)
            for k, v in d.items()
        })


def export_forest(clf) -> Forest:  # clf: fitted RandomForestClassifier
    """A fitted RandomForestClassifier as plain arrays, its classes in LABELS order."""
    order = [list(clf.classes_).index(label) for label in LABELS]
    cols: dict[str, list] = {k: [] for k in ("feature", "threshold", "left", "right", "is_leaf", "value")}
    roots, depth = [], 0
    for est in clf.estimators_:
        tree = est.tree_
        offset = len(cols["value"])
        roots.append(offset)
        depth = max(depth, int(tree.max_depth))
        leaf = tree.children_left < 0
        own = np.arange(tree.node_count) + offset
        value = tree.value[:, 0, :][:, order]
        cols["feature"] += np.where(leaf, 0, tree.feature).tolist()
        cols["threshold"] += np.where(leaf, 0.0, tree.threshold).tolist()
        cols["left"] += np.where(leaf, own, tree.children_left + offset).tolist()
        cols["right"] += np.where(leaf, own, tree.children_right + offset).tolist()
        cols["is_leaf"] += leaf.tolist()
        cols["value"] += np.where(leaf[:, None], value / value.sum(axis=1, keepdims=True), 0.0).tolist()
    return Forest.from_dict({"roots": roots, "depth": depth, **cols})


def _fields(obj: object) -> dict:
    return {f: getattr(obj, f) for f in obj.__dataclass_fields__}


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax of a matrix of logits."""
    logits = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    return p / p.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class StanceModel:
    """A trained stance classifier: the mean of a logistic regression, boosted trees and a forest."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray  # (3, n_features) in LABELS order
    intercept: np.ndarray  # (3,)
    trees: Trees | None = None
    use_cosine: bool = False
    prior: np.ndarray | None = None  # mean pair features of the training texts; None: no relative features
    vectors: bool = False  # the logistic regression also reads the text's embedding and its product with the claim's
    forest: Forest | None = None  # reads the same columns as the boosted trees
    neighbours: NeighbourVote | None = None  # joins the average with its own weight

    def features(
        self, claims: Sequence[str], texts: Sequence[str], embedder: Embedder | None = None
    ) -> np.ndarray:
        """The raw (unscaled) feature matrix of the pairs."""
        x = pair_matrix(claims, texts, embedder if self.use_cosine else None, self.use_cosine)
        if self.prior is not None:
            x = np.hstack([x, relative_to_peers(x[:, : len(FEATURE_NAMES)], claims, self.prior)])
        if self.vectors:
            x = np.hstack([x, pair_vectors(claims, texts, embedder)])
        return x

    def predict_proba(
        self, claims: Sequence[str], texts: Sequence[str], embedder: Embedder | None = None
    ) -> np.ndarray:
        """Probabilities of shape (n, 3) in the order ("for", "against", "observing"); pass all the
        texts about one claim together, since each is read against the others."""
        if len(claims) != len(texts):
            raise ValueError(f"got {len(claims)} claims but {len(texts)} texts; pass one text per claim")
        if not claims:
            return np.zeros((0, len(LABELS)))
        x = self.features(claims, texts, embedder)
        members = [softmax(((x - self.mean) / self.scale) @ self.coef.T + self.intercept)]
        if self.trees is not None:
            members.append(softmax(self.trees.logits(x)))
        if self.forest is not None:
            members.append(self.forest.proba(x))
        proba = sum(members) / len(members)
        vote = self.neighbours
        if vote is None:
            return proba
        embedder = embedder or _default_embedder()
        if getattr(embedder, "name", None) != vote.embedder:
            # another embedder's directions are not comparable with the stored ones
            return proba
        votes = vote.proba(pair_directions(claims, texts, embedder), len(LABELS))
        return (1 - vote.weight) * proba + vote.weight * votes

    def predict(
        self, claims: Sequence[str], texts: Sequence[str], embedder: Embedder | None = None
    ) -> list[str]:
        """One label per pair: "for", "against" or "observing"."""
        proba = self.predict_proba(claims, texts, embedder)
        return [LABELS[i] for i in proba.argmax(axis=1)]

    def save(self, path: str | Path) -> None:
        """Write the model as JSON."""
        payload = {
            "labels": list(LABELS),
            "features": _names(self.use_cosine, self.prior is not None, self.vectors),
            "use_cosine": self.use_cosine,
            "vectors": self.vectors,
            "prior": None if self.prior is None else self.prior.tolist(),
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "coef": self.coef.tolist(),
            "intercept": self.intercept.tolist(),
            "trees": self.trees.to_dict() if self.trees is not None else None,
            "forest": self.forest.to_dict() if self.forest is not None else None,
            "neighbours": self.neighbours.to_dict() if self.neighbours is not None else None,
        }
        Path(path).write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "StanceModel":
        """Read a model written by ``save``."""
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
        expected = _names(payload["use_cosine"], payload.get("prior") is not None, payload.get("vectors", False))
        if payload["features"] != expected or payload["labels"] != list(LABELS):
            raise ModelError(f"{path}: model features do not match this code; retrain it with scripts/train_stance.py")
        return cls(
            mean=np.asarray(payload["mean"]),
            scale=np.asarray(payload["scale"]),
            coef=np.asarray(payload["coef"]),
            intercept=np.asarray(payload["intercept"]),
            trees=Trees.from_dict(payload["trees"]) if payload.get("trees") else None,
            use_cosine=bool(payload["use_cosine"]),
            prior=None if payload.get("prior") is None else np.asarray(payload["prior"]),
            vectors=bool(payload.get("vectors", False)),
            forest=Forest.from_dict(payload["forest"]) if payload.get("forest") else None,
            neighbours=NeighbourVote.from_dict(payload["neighbours"]) if payload.get("neighbours") else None,
        )


def _default_embedder() -> Embedder:
    from ..embed import QuickMiniLM

    return QuickMiniLM()  # a report's few texts per claim run without loading torch


def _names(use_cosine: bool, relative: bool, vectors: bool = False) -> list[str]:
    names = list(FEATURE_NAMES) + (["cosine"] if use_cosine else []) + (list(RELATIVE_NAMES) if relative else [])
    return names + ([f"vectors_{VECTOR_DIM}x2"] if vectors else [])


def export_trees(clf) -> Trees:  # clf: fitted HistGradientBoostingClassifier
    """A fitted HistGradientBoostingClassifier as plain arrays, its classes in LABELS order."""
    order = [list(clf.classes_).index(label) for label in LABELS]
    cols: dict[str, list] = {k: [] for k in ("feature", "threshold", "left", "right", "is_leaf", "value")}
    roots, label_of, depth = [], [], 0
    for iteration in clf._predictors:
        for k, label in enumerate(order):
            nodes = iteration[label].nodes
            offset = len(cols["value"])
            roots.append(offset)
            label_of.append(k)
            depth = max(depth, int(nodes["depth"].max()))
            cols["feature"] += nodes["feature_idx"].tolist()
            cols["threshold"] += nodes["num_threshold"].tolist()
            cols["left"] += (nodes["left"].astype(np.int64) + offset).tolist()
            cols["right"] += (nodes["right"].astype(np.int64) + offset).tolist()
            cols["is_leaf"] += nodes["is_leaf"].astype(bool).tolist()
            cols["value"] += nodes["value"].tolist()
    return Trees.from_dict({
        "baseline": np.asarray(clf._baseline_prediction).ravel()[order].tolist(),
        "roots": roots, "label": label_of, "depth": depth, **cols,
    })


def pair_matrix(
    claims: Sequence[str],
    texts: Sequence[str],
    embedder: Embedder | None = None,
    use_cosine: bool = False,
) -> np.ndarray:
    """Feature matrix of the pairs; with ``use_cosine`` a last column holds embedding cosine."""
    rows = np.array([pair_features(c, t) for c, t in zip(claims, texts)], dtype=np.float64)
    rows = rows.reshape(len(claims), len(FEATURE_NAMES))
    if not use_cosine:
        return rows
    embedder = embedder or get_embedder("minilm")
    u = embedder.embed(list(claims))
    v = embedder.embed(list(texts))
    cosine = (u * v).sum(axis=1, keepdims=True).astype(np.float64)
    return np.hstack([rows, cosine])


def pair_vectors(claims: Sequence[str], texts: Sequence[str], embedder: Embedder | None = None) -> np.ndarray:
    """The text's embedding and its elementwise product with the claim's, side by side."""
    embedder = embedder or get_embedder("minilm")
    u = np.asarray(embedder.embed(list(claims)), dtype=np.float64)
    v = np.asarray(embedder.embed(list(texts)), dtype=np.float64)
    if u.shape[1] != VECTOR_DIM:
        raise ValueError(f"the stance model reads {VECTOR_DIM}-dimensional embeddings, got {u.shape[1]}")
    return np.hstack([v, u * v])


def relative_to_peers(rows: np.ndarray, claims: Sequence[str], prior: np.ndarray) -> np.ndarray:
    """Each row minus the mean row of the other texts about the same claim (``prior`` when it has
    none), and the log of how many others there are."""
    out = np.empty((len(rows), rows.shape[1] + 1))
    groups: dict[str, list[int]] = {}
    for i, claim in enumerate(claims):
        groups.setdefault(" ".join(claim.split()), []).append(i)
    for members in groups.values():
        total = rows[members].sum(axis=0)
        peers = len(members) - 1
        for i in members:
            mean = (total - rows[i]) / peers if peers else prior
            out[i, :-1] = rows[i] - mean
            out[i, -1] = np.log1p(peers)
    return out


def forest_classifier(n_trees: int):
    """The unfitted random forest of the model's average (a RandomForestClassifier)."""
    from sklearn.ensemble import RandomForestClassifier

    # bagged deep trees err differently from the boosted shallow ones and from the regression
    return RandomForestClassifier(
        n_estimators=n_trees, min_samples_leaf=5, max_depth=10, max_features="sqrt", random_state=0
    )


def train_stance(
    claims: Sequence[str],
    texts: Sequence[str],
    labels: Sequence[str],
    embedder: Embedder | None = None,
    use_cosine: bool = False,
    C: float = 0.1,
    boosted: bool = True,
    relative: bool = True,
    vectors: bool = False,
    vector_shrink: float = 1.0,
    boost_rounds: int = 150,
    forest_trees: int = 0,
    neighbours: int = 0,
    neighbour_weight: float = 0.2,
) -> StanceModel:
    """Fit a StanceModel on labelled pairs (labels from LABELS); with ``relative`` each text is also
    read against the other texts of its claim; ``forest_trees`` above 0 adds a random forest of that
    many trees to the average; ``neighbours`` above 0 adds, at ``neighbour_weight``, the vote of
    that many nearest training pairs read with ``embedder`` (MiniLM when None)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    unknown = sorted(set(labels) - set(LABELS))
    if unknown:
        raise ValueError(f"unknown stance labels {unknown}; use {list(LABELS)}")
    if set(labels) != set(LABELS):
        raise ValueError(f"training needs examples of every label {list(LABELS)}")
    x = pair_matrix(claims, texts, embedder, use_cosine)
    prior = x[:, : len(FEATURE_NAMES)].mean(axis=0) if relative else None
    if prior is not None:
        x = np.hstack([x, relative_to_peers(x[:, : len(FEATURE_NAMES)], claims, prior)])
    n_tree = x.shape[1]  # the trees read the hand-written features only, not the embedding columns
    if vectors:
        x = np.hstack([x, pair_vectors(claims, texts, embedder)])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    if vectors:
        # hundreds of embedding columns against a few dozen hand-written ones: shrink them so the
        # same penalty holds them back more
        scale[n_tree:] *= vector_shrink
    clf = LogisticRegression(C=C, max_iter=5000)
    clf.fit((x - mean) / scale, list(labels))
    order = [list(clf.classes_).index(label) for label in LABELS]
    trees = None
    if boosted:
        boost = HistGradientBoostingClassifier(
            max_iter=boost_rounds, learning_rate=0.05, max_depth=3, l2_regularization=1.0, random_state=0
        )
        trees = export_trees(boost.fit(x[:, :n_tree], list(labels)))
    forest = None
    if forest_trees > 0:
        forest = export_forest(forest_classifier(forest_trees).fit(x[:, :n_tree], list(labels)))
    vote = None
    if neighbours > 0:
        embedder = embedder or get_embedder("minilm")
        vote = NeighbourVote.fit(pair_directions(claims, texts, embedder), np.array([LABELS.index(v) for v in labels]),
                                 neighbours, neighbour_weight, embedder.name)
    return StanceModel(
        mean=mean,
        scale=scale,
        coef=clf.coef_[order],
        intercept=clf.intercept_[order],
        trees=trees,
        use_cosine=use_cosine,
        prior=prior,
        vectors=vectors,
        forest=forest,
        neighbours=vote,
    )


@lru_cache(maxsize=1)
def load_stance_model() -> StanceModel:
    """The shipped stance model, loaded once per process."""
    return StanceModel.load(MODEL_PATH)


def stance_of(claim_text: str, texts: Sequence[str], embedder: Embedder | None = None) -> list[str]:
    """The stance of each text towards one claim: "for", "against" or "observing"."""
    if not texts:
        return []
    model = load_stance_model()
    return model.predict([claim_text] * len(texts), list(texts), embedder)
