"""The PolNeAR scorer's annotator-agreement mode, on a hand-written two-annotator article."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from bench_attribution import agreement, fold_of, match_counts  # noqa: E402
from train_attribution import without_fold  # noqa: E402

TEXT = "The mayor said the bridge would reopen. Critics said the repairs were rushed."


def _ann(source: tuple[int, int], cue: tuple[int, int], content: tuple[int, int], extra: str = "") -> str:
    lines = [f"T1\tSource {source[0]} {source[1]}\tx", f"T2\tCue {cue[0]} {cue[1]}\tx",
             f"T3\tContent {content[0]} {content[1]}\tx", f"T9\tAttribution {cue[0]} {cue[1]}\tx",
             "E1\tAttribution:T9 Cue:T2 Source:T1 Content:T3"]
    return "\n".join(lines) + "\n" + extra


def test_bench_attribution_agreement_scores_one_annotator_against_the_other(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "story.txt").write_text(TEXT)
    mayor = (0, 9), (10, 14), (15, 38)
    critics = (40, 47), (48, 52), (53, 77)
    second = ("T4\tSource 40 47\tx\nT5\tCue 48 52\tx\nT6\tContent 53 70\tx\nT8\tAttribution 48 52\tx\n"
              "E2\tAttribution:T8 Cue:T5 Source:T4 Content:T6\n")
    (tmp_path / "attributions" / "story_aaaa.ann").write_text(_ann(*mayor) + second.replace("53 70", "53 77"))
    (tmp_path / "attributions" / "story_bbbb.ann").write_text(_ann(*mayor) + second)
    (tmp_path / "text" / "alone.txt").write_text(TEXT)  # one annotator only: not an agreement pair
    (tmp_path / "attributions" / "alone_cccc.ann").write_text(_ann(*critics))
    res = agreement(tmp_path)
    assert res["n_articles"] == 1
    assert res["source_exact_f1"] == 1.0 and res["cue_exact_f1"] == 1.0
    assert res["content_exact_f1"] == 0.5 and res["content_overlap_f1"] == 1.0


def test_bench_attribution_folds_keep_each_article_whole_and_are_stable(tmp_path):
    names = [f"story{i}" for i in range(40)]
    folds = [fold_of(n, 5) for n in names]
    assert folds == [fold_of(n, 5) for n in names] and set(folds) == set(range(5))
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    for n in names:
        (tmp_path / "text" / f"{n}.txt").write_text(TEXT)
        (tmp_path / "attributions" / f"{n}_aaaa.ann").write_text(_ann((0, 9), (10, 14), (15, 38)))
    rows = [(n,) for n in sorted(names)]  # one row per annotated article, in name order
    kept = without_fold(rows, tmp_path, "2/5")
    assert [r[0] for r in kept] == [n for n in sorted(names) if fold_of(n, 5) != 2]


def test_bench_attribution_a_partial_cv_scores_only_the_named_folds(tmp_path, monkeypatch):
    import bench_attribution

    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    for n in range(12):
        (tmp_path / "text" / f"a{n}.txt").write_text(TEXT)
        (tmp_path / "attributions" / f"a{n}_aaaa.ann").write_text(_ann((0, 9), (10, 14), (15, 38)))
    seen = []

    def fake_run(root, limit=None, only=None):
        seen.append(sorted(only))
        return {key: 0.5 for key in bench_attribution.HEADLINE + ("source_overlap_f1", "content_exact_f1")}

    monkeypatch.setattr(bench_attribution, "run", fake_run)
    out = bench_attribution.cross_validate(tmp_path, 3, None, only=[1])
    assert out["scored_folds"] == [1] and len(out["per_fold"]) == 1
    assert seen == [sorted(f"a{n}" for n in range(12) if fold_of(f"a{n}", 3) == 1)]


def test_bench_attribution_fold_taggers_decode_under_the_bias_given_instead_of_the_shipped_one(tmp_path, monkeypatch):
    import bench_attribution

    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    for n in range(6):
        (tmp_path / "text" / f"a{n}.txt").write_text(TEXT)
        (tmp_path / "attributions" / f"a{n}_aaaa.ann").write_text(_ann((0, 9), (10, 14), (15, 38)))
    used = []
    monkeypatch.setattr(bench_attribution, "run", lambda root, limit=None, only=None: {"content_overlap_f1": 0.5})
    monkeypatch.setattr(bench_attribution, "shipped_bias", lambda: [0.0, 0.0, 0.0])
    monkeypatch.setattr(bench_attribution, "use_tagger", lambda path, bias=None: used.append((path.name, bias)))
    given = bench_attribution.cross_validate(tmp_path, 2, str(tmp_path / "f{k}.npz"), fold_bias=[0.0, 0.0, 0.5])
    shipped = bench_attribution.cross_validate(tmp_path, 2, str(tmp_path / "f{k}.npz"), only=[1])
    assert used == [("f0.npz", [0.0, 0.0, 0.5]), ("f1.npz", [0.0, 0.0, 0.5]), ("f1.npz", [0.0, 0.0, 0.0])]
    assert given["fold_outside_bias"] == [0.0, 0.0, 0.5] and shipped["fold_outside_bias"] == [0.0, 0.0, 0.0]


def test_bench_attribution_the_shipped_tagger_decodes_the_folds_under_the_bias_given_and_gets_its_own_back(
        tmp_path, monkeypatch):
    import bench_attribution
    import numpy as np

    from consistency.extract.attribution import frames as attribution

    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    for n in range(6):
        (tmp_path / "text" / f"a{n}.txt").write_text(TEXT)
        (tmp_path / "attributions" / f"a{n}_aaaa.ann").write_text(_ann((0, 9), (10, 14), (15, 38)))

    class Shipped:
        outside_bias = np.zeros(3, dtype=np.float32)

    tagger = Shipped()
    seen = []
    monkeypatch.setattr(attribution, "load_tagger", lambda: tagger)
    monkeypatch.setattr(bench_attribution, "run", lambda root, limit=None, only=None:
                        seen.append(tagger.outside_bias.tolist()) or {"content_overlap_f1": 0.5})
    out = bench_attribution.cross_validate(tmp_path, 2, None, fold_bias=[0.0, 0.25, 0.5])
    assert seen == [[0.0, 0.25, 0.5], [0.0, 0.25, 0.5]] and out["fold_outside_bias"] == [0.0, 0.25, 0.5]
    assert tagger.outside_bias.tolist() == [0.0, 0.0, 0.0]

def test_bench_attribution_cache_reads_back_the_parse_and_the_tagger_scores(tmp_path, monkeypatch):
    import bench_attribution
    import numpy as np
    import spacy

    from consistency.extract.attribution import frames as attribution

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    calls = []

    class FakeTagger:
        outside_bias = 0.0

        def log_probs(self, doc, quotes=None):
            calls.append(doc.text)
            return np.zeros((len(doc), 3, 3), dtype=np.float32)

        def spans(self, doc, log_probs):
            return {"cue": [(0, 1)], "source": [], "content": [(1, len(doc))], "bias": self.outside_bias}

    tagger = FakeTagger()
    monkeypatch.setattr(attribution, "load_tagger", lambda: tagger)
    path = tmp_path / "cache.pkl"
    cache = bench_attribution.ParseCache(path)
    doc = cache.doc(nlp, tmp_path, "story", TEXT)
    assert cache.tagging(tmp_path, "story").tag(doc)["bias"] == 0.0
    cache.save()
    again = bench_attribution.ParseCache(path)
    tagger.outside_bias = 0.5
    doc2 = again.doc(nlp, tmp_path, "story", TEXT)
    assert doc2.text == TEXT and [s.text for s in doc2.sents] == [s.text for s in doc.sents]
    # decoded again from the cached scores under the tagger's new bias, without running the tagger
    assert again.tagging(tmp_path, "story").tag(doc2)["bias"] == 0.5
    assert calls == [TEXT]
    # another tagger is not answered from the first one's scores
    again.tagger_name = "other"
    again.tagging(tmp_path, "story").tag(again.doc(nlp, tmp_path, "story", TEXT))
    assert calls == [TEXT, TEXT]


def test_bench_attribution_a_quoted_sentence_is_scored_by_the_speaker_its_claim_takes():
    from collections import defaultdict

    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from bench_attribution import count_speakers
    from consistency.records import Attribution

    words = ['"', "The", "pier", "is", "rotten", ".", "Nobody", "should", "stand", "on", "it", ",", '"',
             "the", "inspector", "said", "."]
    spaces = [False, True, True, True, False, True, True, True, True, True, False, False, True, True, True, False, False]
    starts = [True] + [False] * 5 + [True] + [False] * 10
    doc = Doc(Vocab(), words=words, spaces=spaces, sent_starts=starts)
    text = doc.text
    source = (text.index("the inspector"), text.index("the inspector") + len("the inspector"))
    cue = (text.index("said"), text.index("said") + 4)
    quote = (0, text.index('" the') + 1)
    gold = [{"source": source, "cue": cue, "content": quote}]
    whole = Attribution("the inspector", "named", content_span=quote, source_span=source, cue_span=cue)
    c = defaultdict(float)
    count_speakers(c, doc, text, gold, [whole])
    assert (c["sentence_n"], c["sentence_speaker"], c["quoted_sentence_n"], c["quoted_sentence_speaker"]) == (2, 2, 1, 1)
    # only the closing sentence framed: the opening one has no speaker
    second = (text.index("Nobody"), quote[1])
    c = defaultdict(float)
    count_speakers(c, doc, text, gold, [Attribution("the inspector", "named", content_span=second, source_span=source,
                                                    cue_span=cue)])
    assert (c["sentence_speaker"], c["quoted_sentence_n"], c["quoted_sentence_speaker"]) == (1, 1, 0)


def test_bench_attribution_overlap_counts_a_shared_word_wherever_the_spans_start():
    text = "The clerk said that the ferry will sail at noon tomorrow."
    gold = (15, 56)  # "that the ferry will sail at noon tomorrow"
    inner = (text.index("ferry"), text.index("ferry") + 5)
    later = (text.index("noon"), 56)
    before = (0, 9)
    assert match_counts(text, [gold], [inner]) == (0, 1)
    assert match_counts(text, [gold], [later]) == (0, 1)
    assert match_counts(text, [gold], [before]) == (0, 0)
