"""The dated-happening rule's choice: figures of a rule, and the rule cross-validation picks."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from consistency.compare.happenings import DateRule

_SPEC = importlib.util.spec_from_file_location(
    "fit_date_pairs", Path(__file__).resolve().parents[1] / "scripts" / "fit_date_pairs.py")
fit = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fit)


def _pair(days_apart: int, similarity: float) -> SimpleNamespace:
    def row(d: date) -> SimpleNamespace:
        return SimpleNamespace(slot=SimpleNamespace(granularity="day"), interval=(d, d))
    return SimpleNamespace(a=row(date(2026, 3, 10)), b=row(date(2026, 3, 10 + days_apart)), similarity=similarity,
                           reported_first=False)


# Right pairs a day apart in claims alike; wrong ones four days apart or in claims unlike.
ROWS = [{"event": f"e{i}", "pair": _pair(1, 0.5), "item": i} for i in range(4)] + [
    {"event": "e4", "pair": _pair(4, 0.5), "item": None},
    {"event": "e5", "pair": _pair(1, 0.05), "item": None},
    {"event": "e6", "pair": _pair(4, 0.6), "item": None}]


def test_fit_date_pairs_figures_of_a_rule():
    loose = fit.figures(ROWS, DateRule(6, -1.0))
    assert (loose["flags"], loose["right"], loose["items"]) == (7, 4, 4)
    strict = fit.figures(ROWS, DateRule(1, 0.1))
    assert (strict["flags"], strict["right"], strict["precision"]) == (4, 4, 1.0)


def test_fit_date_pairs_choice_drops_what_the_tuning_pairs_say_is_wrong():
    rule = fit.choose(ROWS)
    assert all(rule.keeps(r["pair"]) for r in ROWS if r["item"] is not None)
    assert not any(rule.keeps(r["pair"]) for r in ROWS if r["item"] is None)


def test_fit_date_pairs_out_of_fold_scores_each_event_by_a_rule_chosen_without_it():
    # Only e5 has claims unlike: chosen without e5, the rule keeps its pair; the far days recur (e4, e6)
    # and are dropped in every fold.
    got = fit.out_of_fold(ROWS)
    assert (got["flags"], got["right"], got["items"]) == (5, 4, 4)
