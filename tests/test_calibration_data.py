"""Labelled flags for the confidence table, and how a table fitted on some folds fits the others."""

from __future__ import annotations

from consistency.compare.calibration import calibrated
from consistency.records import Evidence, Flag

from bench.calibration import (
    Point,
    by_kind,
    cross_validate,
    fit_quality,
    fold_of,
    generated_points,
    pooled_fitter,
    real_points,
)
from bench.realcoverage import event_part


def _flag(type_: str, texts: dict[str, str], confidence: float = 0.5, story: str | None = None) -> Flag:
    evidence = tuple(Evidence(claim_id=f"c-{a}", article_id=a, outlet=a.split("_")[0], published="2020-01-01",
                              text=t, start=0, end=len(t)) for a, t in texts.items())
    return Flag(id=f"{type_}-{'-'.join(texts)}", type=type_, claims=tuple(e.claim_id for e in evidence),
                articles=tuple(texts), outlets=tuple(e.outlet for e in evidence), evidence=evidence,
                confidence=confidence, story_id=story)


def _event(part: str) -> str:
    return next(f"ev{i}" for i in range(100) if event_part(f"ev{i}") == part)


def test_calibration_data_real_points_label_by_gold_and_keep_one_part() -> None:
    tune, held = _event("tune"), _event("held")
    article_event = {"a_1": tune, "b_1": tune, "c_1": held, "d_1": held}
    gold = [{"event": tune, "type": "number", "articles": ["a_1", "b_1"], "worth_note": True,
             "quotes": {"a_1": "The council said 40 homes flooded.", "b_1": "Officials counted 45 flooded homes."}}]
    right = _flag("number", {"a_1": "The council said 40 homes flooded.", "b_1": "Officials counted 45 flooded homes."}, 0.7)
    wrong = _flag("number", {"a_1": "The mayor spoke on Sunday.", "b_1": "The river rose overnight."}, 0.6)
    placed = _flag("place", {"a_1": "The council said 40 homes flooded.", "b_1": "Officials counted 45 flooded homes."})
    other_half = _flag("number", {"c_1": "x", "d_1": "y"})
    points = real_points([right, wrong, placed, other_half], gold, article_event, source="real")
    assert [(p.kind, p.score, p.right, p.group) for p in points] == [
        ("number", 0.7, 1, tune), ("number", 0.6, 0, tune), ("place", 0.5, 1, tune)]  # place: any type counts


def test_calibration_data_generated_points_follow_the_bench_matching() -> None:
    gold = [{"type": "polarity", "articles": ["a_1", "b_1"], "expect": "flag"},
            {"type": "number", "articles": ["c_1", "d_1"], "expect": "no_flag"}]
    flags = [_flag("polarity", {"a_1": "x", "b_1": "y"}, 0.8, "s1"),
             _flag("number", {"c_1": "x", "d_1": "y"}, 0.6, "s2")]
    points = generated_points(flags, gold, {}, source="generated")
    assert [(p.group, p.kind, p.right) for p in points] == [("s1", "polarity", 1), ("s2", "number", 0)]


def test_calibration_data_fit_quality_rewards_confidence_that_matches_outcomes() -> None:
    outcomes = [1, 1, 1, 0] * 5
    good = fit_quality([(0.75, r) for r in outcomes])
    bad = fit_quality([(0.2, r) for r in outcomes])
    assert good["ece"] < 1e-9 < bad["ece"]
    assert good["brier"] < bad["brier"] and good["log_loss"] < bad["log_loss"]
    assert fit_quality([])["brier"] is None


def test_calibration_data_cross_validation_scores_each_group_with_a_table_fitted_without_it() -> None:
    points = [Point("real", f"g{i}", "timeline", 0.5 + 0.01 * (i % 5), int(i % 3 == 0)) for i in range(60)]
    scored = cross_validate(points, pooled_fitter(2.0), folds=5)
    assert sorted(p.group for p, _ in scored) == sorted(p.group for p in points)
    for p, confidence in scored:
        without = pooled_fitter(2.0)([q for q in points if fold_of(q.group, 5) != fold_of(p.group, 5)])
        with_own = pooled_fitter(2.0)(points)
        assert confidence == calibrated(p.kind, p.score, without)
        assert 0 < confidence < 1
    assert with_own != without  # the folds do differ, so the check above can fail
    raw = cross_validate(points, lambda train: None, folds=5)
    assert all(c == p.score for p, c in raw)


def test_calibration_data_pooled_fitter_keeps_only_the_named_sources() -> None:
    points = [Point("real", "g1", "number", 0.6, 0), Point("real", "g2", "number", 0.6, 0),
              Point("generated", "s1", "number", 0.6, 1), Point("generated", "s2", "number", 0.6, 1)]
    real_only = pooled_fitter(1.0, ["real"])(points)
    pooled = pooled_fitter(1.0)(points)
    assert real_only["number"][-1][1] < pooled["number"][-1][1]
    assert by_kind(points)["number"] == [(0.6, 0), (0.6, 0), (0.6, 1), (0.6, 1)]


def test_calibration_data_logistic_map_rises_and_stays_near_the_score_on_little_data() -> None:
    from bench.calibration import fit_logistic, logistic_table

    a, b = fit_logistic([(0.5, 1), (0.5, 0)], spread=0.25)
    assert abs(a) < 0.1 and abs(b - 1) < 0.1  # two flags barely move the map off the score
    many = [(0.3, 0)] * 40 + [(0.8, 1)] * 40 + [(0.8, 0)] * 10
    table = logistic_table(*fit_logistic(many))
    low, high = calibrated("number", 0.3, table), calibrated("timeline", 0.8, table)
    assert low < 0.3 < high  # the same map for every type, fitted to the outcomes
    values = [calibrated("polarity", s / 20, table) for s in range(21)]
    assert values == sorted(values)
    assert fit_logistic([(0.9, 0)] * 30)[1] == 0.0  # never falling as the score rises


def test_calibration_data_level_shift_moves_a_shape_to_the_observed_precision() -> None:
    from bench.calibration import level_shift, shifted

    table = {"number": [(0.0, 0.2), (0.6, 0.9)]}
    shift = level_shift([(0.9, 0)] * 10 + [(0.9, 1)] * 10)
    moved = shifted(table, shift)
    assert shift < 0 and 0.5 <= moved["number"][1][1] < 0.9 and moved["number"][0][1] < 0.2


def test_calibration_data_a_type_on_its_own_scale_is_moved_to_its_precision() -> None:
    from bench.calibration import typed_logistic_fitter

    # Timeline flags scored 0.5 are right nine times in ten; polarity flags scored 0.8 half the time.
    points = ([Point("real", f"e{i}", "timeline", 0.5, int(i % 10 != 0)) for i in range(40)]
              + [Point("real", f"p{i}", "polarity", 0.8, i % 2) for i in range(40)])
    table = typed_logistic_fitter(["real"], spread=1.0, type_spread=1.0)(points)
    assert calibrated("timeline", 0.5, table) > calibrated("polarity", 0.8, table)
    assert calibrated("timeline", 0.5, table) > 0.7 and calibrated("polarity", 0.8, table) < 0.65
    values = [calibrated("timeline", s / 20, table) for s in range(21)]
    assert values == sorted(values)  # still rising with the score within a type


def test_calibration_data_reliability_reports_given_against_observed_per_band() -> None:
    from bench.calibration import reliability

    bands = reliability([(0.1, 0), (0.15, 1), (0.9, 1), (0.95, 1), (1.0, 0)], bins=5)
    assert [b["band"] for b in bands] == ["0.0-0.2", "0.8-1.0"]
    assert bands[0] == {"band": "0.0-0.2", "flags": 2, "predicted": 0.125, "observed": 0.5}
    assert bands[1]["flags"] == 3 and bands[1]["observed"] == round(2 / 3, 3)
