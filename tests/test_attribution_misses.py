"""The table of missed attribution frames: cue kinds and the sorting of gold sources."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

slow = pytest.mark.slow

TEXT = ("Council weighs new bridge\n"
        "The mayor said the bridge would reopen in May. Critics believe the repairs were rushed. "
        "According to the engineers, the cables are sound. Her opposition to the plan is well known.")


def _span(word: str, start: int = 0) -> tuple[int, int]:
    a = TEXT.index(word, start)
    return a, a + len(word)


@slow
def test_attribution_misses_cue_kinds_read_off_the_parse():
    from attribution_misses import cue_kind

    from consistency.extract.nlp import load_nlp

    doc = load_nlp()(TEXT)
    assert cue_kind(doc, TEXT, _span("weighs")) == "headline"
    assert cue_kind(doc, TEXT, _span("said")) == "verb of saying"
    assert cue_kind(doc, TEXT, _span("believe")) == "verb of belief or intent"
    assert cue_kind(doc, TEXT, _span("According to")) == "according to"
    assert cue_kind(doc, TEXT, _span("opposition")) == "noun"



def _gold_frames() -> tuple[dict, dict, dict]:
    """The mayor's, the critics' and the engineers' frames of TEXT, as gold writes them."""
    said = {"source": _span("The mayor"), "cue": _span("said"), "content": _span("the bridge would reopen in May")}
    believe = {"source": _span("Critics"), "cue": _span("believe"), "content": _span("the repairs were rushed")}
    according = {"source": _span("the engineers"), "cue": _span("According to"), "content": _span("the cables are sound")}
    return said, believe, according


@slow
def test_attribution_misses_sorts_found_missed_and_wrong_sources():
    from attribution_misses import classify

    from consistency.extract.nlp import load_nlp

    doc = load_nlp()(TEXT)
    said, believe, according = _gold_frames()
    # the first frame found whole, the second missed, the third found with another mention as source
    pred = [dict(said), {"source": _span("the cables"), "cue": _span("According to"), "content": None}]
    res = classify([("story", TEXT, [said, believe, according], pred, 1.0)], {"story": doc})
    assert res["kinds"]["verb of saying"] == [1.0, 0.0]
    assert res["kinds"]["verb of belief or intent"] == [1.0, 1.0]
    assert res["kinds"]["according to"] == [1.0, 0.0]
    assert res["source"] == {"exact": 1.0, "frame missed": 1.0, "wrong or missing mention": 1.0}


@slow
def test_attribution_misses_sorts_content_overlap_misses_by_kind():
    from attribution_misses import CONTENT_KINDS, content_misses

    from consistency.extract.nlp import load_nlp

    doc = load_nlp()(TEXT)
    said, believe, according = _gold_frames()
    opposition = {"source": _span("Her"), "cue": _span("opposition"), "content": _span("the plan")}
    # one prediction runs over the mayor's and the critics' contents; "according to" is found with its
    # content read elsewhere; the opposition frame is never found; one content has no gold at all
    long = (_span("the bridge")[0], _span("rushed")[1])
    pred = [{"source": _span("The mayor"), "cue": _span("said"), "content": long},
            {"source": None, "cue": _span("According to"), "content": _span("Council weighs")},
            {"source": None, "cue": _span("is well known"), "content": _span("well known")}]
    res = content_misses([("story", TEXT, [said, believe, according, opposition], pred, 1.0)], {"story": doc})
    merged, elsewhere, never, split, spurious = (CONTENT_KINDS[2], CONTENT_KINDS[1], CONTENT_KINDS[0],
                                                 CONTENT_KINDS[3], CONTENT_KINDS[4])
    assert res["kinds"] == {merged: 1.0, elsewhere: 1.0, never: 1.0, spurious: 2.0}
    assert split not in res["kinds"]
    assert res["by_cue"][never] == {"noun": 1.0}
    assert res["totals"] == {"gold": 4.0, "pred": 3.0}


def test_attribution_misses_sorts_source_misses_by_edge_and_frame():
    from attribution_misses import source_misses

    said, believe, according = _gold_frames()
    pred = [
        {"source": _span("The mayor said"), "cue": _span("said"), "content": said["content"]},  # runs on past gold
        {"source": None, "cue": _span("believe"), "content": believe["content"]},
        {"source": _span("the cables"), "cue": _span("According to"), "content": according["content"]},
        {"source": _span("Her"), "cue": _span("opposition"), "content": None},
    ]
    res = source_misses([("story", TEXT, [said, believe, according], pred, 1.0)])
    assert res["gold"] == {"boundary: ends late": 1.0, "frame found, no source": 1.0,
                           "frame found, another mention": 1.0}
    assert res["predicted"] == {"overlaps a gold source with another edge": 1.0,
                                "on a gold frame with another source": 1.0, "on a cue gold does not mark": 1.0}
