"""Confidence as measured precision: the fitted table and how flags are shown by it."""

from consistency.compare.calibration import POOLED, calibrate, calibrated, fit_table
from consistency.records import Flag


def test_calibration_table_rises_with_the_score_and_stays_within_bounds():
    points = {"timeline": [(0.2, 0), (0.3, 0), (0.4, 0), (0.7, 1), (0.8, 1), (0.9, 0), (0.95, 1)]}
    table = fit_table(points)
    values = [calibrated("timeline", s, table) for s in (0.1, 0.35, 0.75, 0.99)]
    assert values == sorted(values)
    assert 0 < values[0] < values[-1] < 1  # never 0 or 1 on the strength of a handful of flags


def test_calibration_unseen_type_uses_the_pooled_table():
    table = fit_table({"number": [(0.2, 0), (0.9, 1)]})
    assert calibrated("place", 0.95, table) == calibrated(POOLED, 0.95, table)


def test_calibration_without_a_table_keeps_the_score():
    assert calibrated("number", 0.42, {}) == 0.42


def test_calibration_replaces_confidence_on_flags():
    table = {"number": [(0.0, 0.1), (0.6, 0.8)]}
    flags = [Flag(id="n1", type="number", claims=("a", "b"), articles=("a", "b"), outlets=("A", "B"), confidence=0.7),
             Flag(id="n2", type="number", claims=("c", "d"), articles=("c", "d"), outlets=("A", "B"), confidence=0.3)]
    assert [f.confidence for f in calibrate(flags, table)] == [0.8, 0.1]
