"""Origin tracing: how many independent origins stand behind copies of one claim."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from consistency.provenance import claim_clusters, origin_kind, repetition_flags, trace_origins
from consistency.records import Attribution, Claim

TEXT = "The pipeline deal was agreed in secret at a meeting in Mirgorod in January."


def copy(cid: str, outlet: str, att: Attribution | None, *, day: int = 10, text: str = TEXT) -> Claim:
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet,
                 published=datetime(2026, 3, day, 9, tzinfo=timezone.utc), text=text, start=0, end=len(text),
                 content=text, attribution=att or Attribution(source=outlet, source_kind="outlet"))


def said(source: str, kind: str = "named", cue: str = "said") -> Attribution:
    return Attribution(source=source, source_kind=kind, cue=cue, content=TEXT)


def test_provenance_origin_kind_reads_the_source_and_its_verb():
    assert origin_kind(copy("a#1", "A", said("Ruth Okafor"))) == "named"
    assert origin_kind(copy("a#1", "A", said("a source close to the talks", "anonymous"))) == "anonymous"
    assert origin_kind(copy("a#1", "A", None)) == "absent"
    # a frame whose verb reports no speech names the subject of the sentence, not a source
    assert origin_kind(copy("a#1", "A", said("the Navy", "organisation", cue="discussed"))) == "absent"
    # a demand ("calling for") names what is wanted: the people calling are no source of a statement
    assert origin_kind(copy("a#1", "A", said("many residents", "anonymous", cue="have been calling for"))) == "absent"
    assert origin_kind(copy("a#1", "A", said("residents", "anonymous", cue="have been saying"))) == "anonymous"
    # an unnamed spokesperson speaks on the record for a body
    assert origin_kind(copy("a#1", "A", said("a police spokeswoman", "anonymous"))) == "named"


def test_provenance_anonymous_copies_are_one_origin_and_named_sources_several():
    anon = [copy(f"{o}#1", o, said("an official who asked not to be named", "anonymous")) for o in "ABC"]
    assert list(trace_origins(anon)) == ["anonymous"]
    named = [copy("a#1", "A", said("Ruth Okafor")), copy("b#1", "B", said("Daniel Price")),
             copy("c#1", "C", said("ruth okafor"))]
    assert trace_origins(named) == {"named:ruth okafor": ["a#1", "c#1"], "named:daniel price": ["b#1"]}


def test_provenance_unattributed_copy_of_an_anonymous_claim_is_the_same_origin():
    members = [copy("b#1", "B", None, day=11), copy("a#1", "A", said("sources", "anonymous"))]
    assert trace_origins(members) == {"anonymous": ["a#1", "b#1"]}
    # an unattributed sentence that shares little wording is an origin of its own
    other = copy("c#1", "C", None, text="Ministers say the pipeline will carry gas to the coast by next winter.")
    assert set(trace_origins(members + [other])) == {"anonymous", "unattributed:c#1"}


def test_provenance_clusters_join_close_pairs_across_outlets_earliest_first():
    claims = {1: copy("b#1", "B", said("Ruth Okafor"), day=12), 2: copy("a#1", "A", said("Ruth Okafor"), day=10),
              3: copy("c#1", "C", said("Daniel Price"), day=11),
              4: copy("d#1", "D", None, text="Ferry tickets on the northern route will cost more from April.")}
    clusters = claim_clusters([(1, 2, 0.95), (2, 3, 0.90), (3, 4, 0.30)], claims)
    assert len(clusters) == 1
    (cluster,) = clusters
    assert [c.id for c in cluster.claims] == ["a#1", "c#1", "b#1"] and cluster.earliest.id == "a#1"
    d = cluster.to_dict()
    assert d["outlets"] == ["A", "B", "C"] and d["independent_origins"] == 2
    assert d["earliest"]["outlet"] == "A"
    # one outlet alone is no cluster
    assert claim_clusters([(1, 2, 0.95)], {1: claims[1], 2: copy("x#1", "B", None)}) == []


def test_provenance_a_plan_and_a_past_fact_worded_alike_are_not_one_claim_repeated():
    past = "Until last year, ferry operators had to file their safety logs with the harbour office every month."
    plan = "Ferry operators will again have to file their safety logs with the harbour office every month."
    claims = {1: copy("a#1", "A", None, text=past, day=10), 2: copy("b#1", "B", None, text=past, day=11),
              3: copy("c#1", "C", None, text=plan, day=12)}
    pairs = [(1, 2, 0.99), (1, 3, 0.9), (2, 3, 0.9)]
    # three outlets repeating the past fact with no source are flagged
    alike = {**claims, 3: copy("c#1", "C", None, text=past, day=12)}
    assert [f.type for f in repetition_flags(claim_clusters(pairs, alike), alike, pairs)] == ["unsupported_repetition"]
    # the third states what will happen: two outlets of the past fact are left, too few to flag
    claims[3] = replace(claims[3], modality="expected")
    assert repetition_flags(claim_clusters(pairs, claims), claims, pairs) == []


def test_provenance_two_outlets_of_one_withheld_source_must_carry_it_alike():
    anon = said("a source close to the inquiry", "anonymous")
    first = "The boy was taken to Mercy Hospital in serious condition."
    longer = ("The boy was taken to Mercy Hospital but died there hours later of his wounds, "
              "a source close to the inquiry said.")
    two = {1: copy("a#1", "A", anon, day=10, text=first), 2: copy("b#1", "B", anon, day=11, text=longer)}
    two = {k: replace(c, content=c.text) for k, c in two.items()}
    pairs = [(1, 2, 0.9)]
    assert repetition_flags(claim_clusters(pairs, two), two, pairs) == []
    # the same sentence from both outlets is still one claim passed on
    alike = {**two, 2: replace(two[1], id="b#1", article_id="b", outlet="B")}
    assert [f.type for f in repetition_flags(claim_clusters(pairs, alike), alike, pairs)] == ["unsupported_repetition"]


def test_provenance_officials_speaking_need_three_outlets_to_be_a_repetition():
    officials = said("officials", "anonymous")
    text = "The boy was taken to Mercy Hospital in serious condition, officials said."
    two = {1: copy("a#1", "A", officials, day=10, text=text), 2: copy("b#1", "B", officials, day=11, text=text)}
    two = {k: replace(c, content=c.text) for k, c in two.items()}
    assert repetition_flags(claim_clusters([(1, 2, 0.99)], two), two, [(1, 2, 0.99)]) == []
    three = {**two, 3: replace(two[1], id="c#1", article_id="c", outlet="C")}
    pairs = [(1, 2, 0.99), (1, 3, 0.99), (2, 3, 0.99)]
    assert [f.type for f in repetition_flags(claim_clusters(pairs, three), three, pairs)] == ["unsupported_repetition"]
