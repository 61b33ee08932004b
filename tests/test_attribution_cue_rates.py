"""The recall breakdown by cue rate, on a hand-written two-annotator article."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from attribution_cue_rates import bin_of  # noqa: E402

TEXT = "The mayor said the bridge would reopen. Critics said the repairs were rushed."
MAYOR = "T1\tSource 0 9\tx\nT2\tCue 10 14\tx\nT3\tContent 15 38\tx\nT9\tAttribution 10 14\tx\nE1\tAttribution:T9 Cue:T2 Source:T1 Content:T3\n"
CRITICS = "T4\tSource 40 47\tx\nT5\tCue 48 52\tx\nT6\tContent 53 77\tx\nT8\tAttribution 48 52\tx\nE2\tAttribution:T8 Cue:T5 Source:T4 Content:T6\n"


def test_attribution_cue_rates_bins_have_closed_lower_edges():
    assert bin_of(None) == "unseen"
    assert bin_of(0.0) == "never a cue"
    assert bin_of(0.05) == "below .1"
    assert bin_of(0.1) == ".1 to .3"
    assert bin_of(0.3) == ".3 to .6"
    assert bin_of(1.0) == ".6 and up"


@pytest.mark.slow
def test_attribution_cue_rates_counts_cues_found_and_annotator_agreement(tmp_path):
    from attribution_cue_rates import cue_rates, run

    from consistency.extract.nlp import load_nlp

    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "story.txt").write_text(TEXT)
    (tmp_path / "attributions" / "story_aaaa.ann").write_text(MAYOR + CRITICS)
    # the second annotator marked only the mayor
    (tmp_path / "attributions" / "story_bbbb.ann").write_text(MAYOR)
    rates = cue_rates(tmp_path, load_nlp())
    assert rates["say"] == 1.0 and rates["bridge"] == 0.0
    res = run(tmp_path, tmp_path)
    top = res[".6 and up"]
    # 2 cues from the first file and 1 from the second, each file weighing one half
    assert top["gold_cues"] == 1.5 and top["share"] == 1.0
    assert top["found"] == 1.0
    # of the three marked cues, the other annotator overlaps two (the mayor's, both ways)
    assert top["annotators"] == round(2 / 3, 3)
