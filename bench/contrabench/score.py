"""Score predicted flags against the benchmark's gold lines.

Matching rules:
- a flag matches a gold line of the same type; for pair types when the flag's article set equals
  the gold pair, or contains it when the flag names more than two articles; a ``name_variant``
  gold pair (A, B) also accepts (X, B) for any article X listed in ``detail.others`` (X carries
  the original spelling, so the variant shows against it too);
- an ``unsupported_repetition`` flag matches when it shares at least half of the gold list;
- each gold line is matched once (flags in order of confidence, best overlap first); a further
  flag that would match an already matched gold line is a duplicate: counted apart, not as a
  false positive;
- a flag that matches a ``no_flag`` gold line (and no ``flag`` line) is a no_flag violation and a
  false positive.

False flags per 100 untouched articles: an article is untouched when no gold line (flag or
no_flag) names it; every unmatched, non-duplicate flag that names at least one untouched article
counts once; the count is divided by the number of untouched articles and multiplied by 100.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Protocol, Sequence

from consistency.records import FLAG_TYPES


class FlagLike(Protocol):
    type: str
    articles: tuple[str, ...]


@dataclass
class Score:
    """Per-type and overall figures."""

    per_type: dict[str, dict[str, Any]]
    false_flags_per_100: float
    false_flags: int
    untouched_articles: int
    no_flag_violations: dict[str, int]
    duplicates: int
    matched: list[tuple[int, int]] = field(default_factory=list)  # (flag index, gold index)

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (``--json``)."""
        return {"per_type": self.per_type, "false_flags_per_100": self.false_flags_per_100,
                "false_flags": self.false_flags, "untouched_articles": self.untouched_articles,
                "no_flag_violations": self.no_flag_violations, "duplicates": self.duplicates}


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _matches(flag: FlagLike, gold: dict[str, Any], texts: dict[str, str] | None = None) -> float:
    """How well a flag matches a gold line: 0 for no match, higher is better."""
    if flag.type != gold["type"]:
        return 0.0
    arts, want = set(flag.articles), set(gold["articles"])
    if gold["type"] == "unsupported_repetition":
        overlap = len(arts & want)
        return overlap / len(want) if overlap * 2 >= len(want) else 0.0
    if arts == want:
        return 1.0
    if len(arts) > 2 and want <= arts:
        return 2 / len(arts)
    if gold["type"] == "name_variant" and len(arts) == 2:
        b = gold["articles"][1]
        others = set(gold.get("detail", {}).get("others", ()))
        if b in arts and (arts - {b}) <= others:
            return 0.9
    detail = gold.get("detail", {})
    if texts and len(arts) == 2 and detail.get("sentence_a") and detail.get("sentence_b"):
        # The changed copy B contradicts every article that carries the original sentence
        # verbatim (wire copies), not only the one it was taken from.
        original, changed = _norm(detail["sentence_a"]), _norm(detail["sentence_b"])
        for b in arts & want:
            x = next(iter(arts - {b}), None)
            if x and changed in texts.get(b, "") and original in texts.get(x, "") and changed not in texts.get(x, ""):
                return 0.8
    return 0.0


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def score(flags: Iterable[FlagLike], gold: list[dict[str, Any]], article_ids: Iterable[str],
          texts: dict[str, str] | None = None) -> Score:
    """Precision, recall and F1 per type, false flags on untouched articles, no_flag violations.

    ``texts`` (article id -> text) lets a pair flag match when its first article carries the
    original sentence verbatim, as a wire copy of the source article does."""
    texts = {k: _norm(v) for k, v in texts.items()} if texts else None
    flags = sorted(enumerate(flags), key=lambda p: -float(getattr(p[1], "confidence", 0.5)))
    touched = {a for g in gold for a in g["articles"]}
    untouched = set(article_ids) - touched
    want = [i for i, g in enumerate(gold) if g["expect"] == "flag"]
    avoid = [i for i, g in enumerate(gold) if g["expect"] != "flag"]
    taken: set[int] = set()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    violations: Counter[str] = Counter()
    duplicates = false_flags = 0
    matched: list[tuple[int, int]] = []
    for fi, flag in flags:
        scored = [(_matches(flag, gold[gi], texts), gi) for gi in want]
        scored = [(s, gi) for s, gi in scored if s > 0]
        free = [(s, gi) for s, gi in scored if gi not in taken]
        if free:
            _, gi = max(free)
            taken.add(gi)
            tp[flag.type] += 1
            matched.append((fi, gi))
            continue
        if scored:
            duplicates += 1
            continue
        fp[flag.type] += 1
        if any(_matches(flag, gold[gi], texts) > 0 for gi in avoid):
            violations[flag.type] += 1
        if set(flag.articles) & untouched:
            false_flags += 1
    gold_count = Counter(gold[i]["type"] for i in want)
    per_type: dict[str, dict[str, Any]] = {}
    for t in list(FLAG_TYPES) + sorted(set(fp) - set(FLAG_TYPES)):
        fn = gold_count[t] - tp[t]
        p, r = _ratio(tp[t], tp[t] + fp[t]), _ratio(tp[t], gold_count[t])
        f1 = round(2 * p * r / (p + r), 4) if p is not None and r is not None and p + r else \
            (0.0 if p is not None and r is not None else None)
        per_type[t] = {"precision": p, "recall": r, "f1": f1, "tp": tp[t], "fp": fp[t], "fn": fn}
    return Score(
        per_type=per_type,
        false_flags_per_100=round(100 * false_flags / len(untouched), 2) if untouched else 0.0,
        false_flags=false_flags, untouched_articles=len(untouched),
        no_flag_violations={t: violations[t] for t in sorted({gold[i]["type"] for i in avoid})},
        duplicates=duplicates, matched=matched,
    )


def flag_outcomes(flags: Sequence[FlagLike], gold: list[dict[str, Any]], texts: dict[str, str] | None = None
                  ) -> list[bool]:
    """Whether each flag is right: it matches a case that should be flagged (a duplicate of a matched
    case is right too: the difference is real, only flagged twice)."""
    texts = {k: _norm(v) for k, v in texts.items()} if texts else None
    want = [g for g in gold if g["expect"] == "flag"]
    return [any(_matches(f, g, texts) > 0 for g in want) for f in flags]


def render(result: Score) -> str:
    """A plain-text table of the figures."""
    def f(x: float | None) -> str:
        return "   -" if x is None else f"{x:.2f}"

    lines = [f"{'type':24} {'P':>5} {'R':>5} {'F1':>5} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for t, m in result.per_type.items():
        lines.append(f"{t:24} {f(m['precision']):>5} {f(m['recall']):>5} {f(m['f1']):>5} "
                     f"{m['tp']:>4} {m['fp']:>4} {m['fn']:>4}")
    lines.append(f"false flags per 100 untouched articles: {result.false_flags_per_100:.2f} "
                 f"({result.false_flags} on {result.untouched_articles} untouched articles)")
    lines.append("no_flag violations: " + ", ".join(
        f"{t} {n}" for t, n in result.no_flag_violations.items()))
    lines.append(f"duplicate flags (same gold case again): {result.duplicates}")
    return "\n".join(lines)
