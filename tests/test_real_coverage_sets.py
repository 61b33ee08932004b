"""The named real-coverage sets: each draw is fixed by its rule and never shares an incident with the ones before."""

from __future__ import annotations

from scripts import real_coverage_sets as rcs
from scripts.make_real_coverage import Article, choose


def _articles(key: str, outlets: list[str]) -> list[Article]:
    return [Article(id=f"gvc-{key}-{n}", outlet=o, url=f"http://{o}/{n}", title="t", published="2019-03-0{n + 1}",
                    text="x" * 500) for n, o in enumerate(outlets)]


def _corpus() -> dict[str, list[Article]]:
    out = {}
    for k in range(1, 41):
        outlets = ["a.com", "b.com"] if k % 2 else ["a.com", "b.com", "c.com"]
        out[str(k)] = _articles(str(k), outlets)
    return out


def test_later_draws_leave_out_the_incidents_of_earlier_ones():
    pair_rule = rcs.Rule(min_outlets=2, min_articles=2, max_articles=2, seed=3)
    first = rcs.IncidentSet("first", pair_rule, 0, 8)
    second = rcs.IncidentSet("second", rcs.Rule(2, 2, 2, seed=4), 0, 8, after=("first",))
    chosen: dict[str, list[str]] = {}
    chosen["first"] = rcs.select(_corpus(), first, chosen)
    chosen["second"] = rcs.select(_corpus(), second, chosen)
    assert len(chosen["first"]) == len(chosen["second"]) == 8
    assert not set(chosen["first"]) & set(chosen["second"])
    assert all(int(k) % 2 for k in chosen["first"] + chosen["second"])  # two-article incidents only
    assert rcs.select(_corpus(), first, {}) == chosen["first"]  # the same rule draws the same incidents


def test_outside_keeps_the_larger_selections_order_minus_what_was_used():
    rule = rcs.Rule(min_outlets=2, min_articles=2, max_articles=3, seed=9)
    chosen = {"used": rcs.select(_corpus(), rcs.IncidentSet("used", rule, 0, 5), {})}
    rest = rcs.select(_corpus(), rcs.IncidentSet("rest", rule, 0, 10, outside=("used",)), chosen)
    order = choose(_corpus(), 100, 9, 2, 2, 3)
    assert rest == [k for k in order if k not in chosen["used"]][:10]


def test_set_names_are_unique_and_every_reference_is_to_an_earlier_set():
    seen: set[str] = set()
    for s in rcs.SETS:
        assert s.name not in seen
        assert set(s.after) | set(s.outside) <= seen
        seen.add(s.name)
