"""The time scorer's per-fold figures, on hand-written TimeML files."""

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from bench_time import evaluate, fold_of  # noqa: E402
from time_misses import kind  # noqa: E402

DOC = """<?xml version="1.0" ?>
<TimeML><DOCID>{name}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-04-06" functionInDocument="CREATION_TIME">2022-04-06</TIMEX3></DCT>
<TEXT>The ferry sailed on <TIMEX3 tid="t1" type="DATE" value="{value}">Monday</TIMEX3> after a long delay.</TEXT>
</TimeML>
"""


def test_bench_time_scores_each_document_fold(tmp_path):
    names = [f"doc{i}" for i in range(12)]
    for i, name in enumerate(names):
        # half the gold values are wrong on purpose, so the folds can differ
        (tmp_path / f"{name}.tml").write_text(DOC.format(name=name, value="2022-04-04" if i % 2 else "2021-01-01"))
    res = evaluate(str(tmp_path), folds=3)
    assert res["n_docs"] == 12 and res["value_f1"] == 0.5
    assert len(res["fold_value_f1"]) == 3
    sizes = [sum(fold_of(str(tmp_path / f"{n}.tml"), 3) == k for n in names) for k in range(3)]
    assert sum(sizes) == 12
    assert min(res["fold_value_f1"]) <= 0.5 <= max(res["fold_value_f1"])


def test_bench_time_halves_split_the_documents(tmp_path):
    names = [f"doc{i}" for i in range(10)]
    for name in names:
        (tmp_path / f"{name}.tml").write_text(DOC.format(name=name, value="2022-04-04"))
    tune, test = evaluate(str(tmp_path), half="tune"), evaluate(str(tmp_path), half="test")
    assert tune["n_docs"] + test["n_docs"] == 10 and min(tune["n_docs"], test["n_docs"]) > 0
    assert tune["n_docs"] == sum(fold_of(n + ".tml", 2) == 0 for n in names)


def test_bench_time_pooled_folds_hold_both_corpora(tmp_path):
    from bench_time import pooled_folds

    for corpus, value in (("a", "2022-04-04"), ("b", "2021-01-01")):
        (tmp_path / corpus).mkdir()
        for i in range(6):
            (tmp_path / corpus / f"{corpus}{i}.tml").write_text(DOC.format(name=f"{corpus}{i}", value=value))
    names = [f"{c}{i}.tml" for c in "ab" for i in range(6)]
    right = {n for n in names if n.startswith("a")}  # corpus a's gold is what the rules read
    folds = pooled_folds([str(tmp_path / "a"), str(tmp_path / "b")], 2)
    for k, f1 in enumerate(folds):
        in_fold = [n for n in names if fold_of(n, 2) == k]
        share = sum(n in right for n in in_fold) / len(in_fold) if in_fold else 0.0
        assert f1 == round(share, 4)


def test_time_misses_sorts_a_wrong_value_by_what_differs():
    dct = date(2022, 4, 6)
    assert kind("2022-04-04", "DATE", "2022-04-11", "DATE", dct) == "direction past/future"
    assert kind("2022-04-04", "DATE", "2022-03-28", "DATE", dct) == "reference anchor/offset"
    assert kind("2022-W14", "DATE", "2022-04", "DATE", dct) == "granularity WEEK vs MONTH"
    assert kind("P1W", "DURATION", "2022-W13", "DATE", dct) == "duration vs point"
    assert kind("P1W", "DURATION", "P7D", "DURATION", dct) == "duration value"
    assert kind("XXXX-WXX-1", "SET", "2022-04-04", "DATE", dct) == "set/frequency"
    assert kind("PAST_REF", "DATE", "2021", "DATE", dct) == "REF vs value"


def _cat(sentences, timexes):
    """An invented MEANTIME CAT file: sentences of tokens, TIMEX3s as (t_ids, attributes)."""
    toks, n = [], 0
    for s, words in enumerate(sentences):
        for w in words.split():
            n += 1
            toks.append(f'<token number="{n - 1}" sentence="{s}" t_id="{n}">{w}</token>')
    marks = []
    for i, (ids, attrs) in enumerate(timexes):
        anchors = "".join(f'<token_anchor t_id="{t}"/>' for t in ids)
        extra = " ".join(f'{k}="{v}"' for k, v in attrs.items())
        marks.append(f'<TIMEX3 m_id="{i + 1}" {extra}>{anchors}</TIMEX3>' if ids
                     else f'<TIMEX3 m_id="{i + 1}" {extra}/>')
    return (f'<?xml version="1.0" ?><Document doc_id="1" doc_name="x" lang="en">{"".join(toks)}'
            f'<Markables>{"".join(marks)}</Markables><Relations/></Document>')


def test_bench_time_reads_meantime_cat_files(tmp_path):
    from bench.meantime import read_cat

    sentences = ["Ferry resumes service", "March 3 , 2010", "The ferry sailed on Monday , the line said .",
                 "It had been idle .", "Crews waited .", "Fares rose .", "It was cold on Tuesday ."]
    dct = {"functionInDocument": "CREATION_TIME", "type": "DATE", "value": "2010-03-03"}
    monday = {"functionInDocument": "NONE", "type": "DATE", "value": "2010-03-01"}
    unanchored = {"functionInDocument": "NONE", "type": "DATE", "value": "2009", "TAG_DESCRIPTOR": "2009"}
    path = tmp_path / "1_Ferry.xml"
    path.write_text(_cat(sentences, [([4, 5, 6, 7], dct), ([12], monday), ([], unanchored)]))
    doc = read_cat(path)
    assert doc.dct == date(2010, 3, 3)
    # the dateline is the DCT, out of the text; sentence 6 was not annotated, so it is cut
    assert doc.text == ("Ferry resumes service\nThe ferry sailed on Monday, the line said. "
                        "It had been idle. Crews waited. Fares rose.")
    assert [(g.text, g.value) for g in doc.timexes] == [("Monday", "2010-03-01")]
    res = evaluate(str(tmp_path))
    assert res["n_docs"] == 1 and res["value_f1"] == 1.0
