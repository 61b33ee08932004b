"""Each statement's stance toward the query: agreeing, denying, or merely passing the claim on."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from consistency.query.stance import query_negated, relays, stance_toward
from consistency.records import Attribution, Claim

WHEN = datetime(2026, 3, 10, tzinfo=timezone.utc)


def claim(cid: str, text: str, **kw) -> Claim:
    return Claim(id=cid, article_id=cid.split("#")[0], outlet="Baltic Wire", published=WHEN, text=text, start=0,
                 end=len(text), content=text, **kw)


def test_query_stance_reads_the_querys_polarity_word_by_word():
    assert not query_negated("The ferry line to Kesk reopened in April")
    assert not query_negated("How many passengers did the ferry carry?")
    assert query_negated("The ferry line to Kesk never reopened")
    assert query_negated("Did the harbour office deny the ferry reopened?")
    assert query_negated("There is no evidence the ferry reopened")
    assert query_negated("The harbour office dismissed reports that the ferry reopened")
    assert query_negated("Claims that the ferry reopened are baseless")
    assert query_negated("The ferry didn't reopen")


def test_query_stance_double_negation_and_idle_markers_cancel():
    assert not query_negated("The harbour office did not deny that the ferry reopened")
    assert not query_negated("Not only the ferry but the bridge reopened")
    assert not query_negated("The disputed ferry contract was signed in April")


def test_query_stance_agreeing_statements_support_the_query():
    q = query_negated("The harbour office denied that the ferry reopened")
    # both the query and the statement deny: the statement agrees with the query
    denial = claim("a#0", "The harbour office denied on Monday that the ferry had reopened.",
                   negated=True, modality="denied",
                   attribution=Attribution(source="The harbour office", source_kind="organisation", cue="denied"))
    assert stance_toward(denial, q) == "supports"
    assert stance_toward(claim("b#0", "The ferry reopened on Monday."), q) == "denies"


def test_query_stance_opposite_polarity_denies_even_when_relayed():
    q = query_negated("The ferry line reopened")
    assert stance_toward(claim("a#0", "The ferry line reopened on Monday."), q) == "supports"
    assert stance_toward(claim("b#0", "The ferry line has not reopened.", negated=True), q) == "denies"
    hearsay = claim("c#0", "The ferry line reportedly has not reopened.", negated=True, modality="reported")
    assert stance_toward(hearsay, q) == "denies"


def test_query_stance_statements_that_only_pass_the_claim_on_repeat_it():
    q = query_negated("The ferry line reopened")
    hearsay = claim("a#0", "The ferry line has reportedly reopened.", modality="reported")
    unnamed = claim("b#0", "The ferry line reopened, officials who would not give their names said.",
                    attribution=Attribution(source="officials", source_kind="anonymous", cue="said"))
    relayed = claim("c#0", "The ferry line reopened, the Kesk Herald reported.",
                    attribution=Attribution(source="the Kesk Herald", source_kind="organisation", cue="reported"))
    hedged = claim("d#0", "The ferry line may have reopened.", modality="possible")
    named = claim("e#0", "The ferry line reopened, the harbour master said.",
                  attribution=Attribution(source="the harbour master", source_kind="named", cue="said"))
    assert [stance_toward(c, q) for c in (hearsay, unnamed, relayed, hedged)] == ["repeats"] * 4
    assert stance_toward(named, q) == "supports" and not relays(named)
    spokesman = claim("g#0", "The ferry line reopened, a harbour spokesman said.",
                      attribution=Attribution(source="a harbour spokesman", source_kind="anonymous", cue="said"))
    assert stance_toward(spokesman, q) == "supports"
    voice = claim("f#0", "The ferry line reopened on Monday.", attribution=Attribution(source="", source_kind="anonymous"))
    assert stance_toward(voice, q) == "supports"


@pytest.mark.slow
def test_query_stance_from_extracted_claims_agrees_denies_and_repeats():
    from consistency.extract.claims import extract_claims
    from consistency.extract.entities import EntityResolver
    from consistency.records import Article

    said = {"agree": "The port office denied on Monday that the ferry had reopened.",
            "spokesman": "A spokesman for the port office also denied that the ferry had reopened.",
            "deny": "The ferry reopened on Monday, the harbour master said.",
            "repeat": "The ferry has reportedly not reopened."}
    arts = [Article(id=k, outlet="Harbour Post", url="u", title="t", published=WHEN, text=t) for k, t in said.items()]
    got = {c.article_id: c for c in extract_claims(arts, EntityResolver())}
    q = query_negated("The port office denied that the ferry reopened")
    assert {k: stance_toward(c, q) for k, c in got.items()} == {
        "agree": "supports", "spokesman": "supports", "deny": "denies", "repeat": "repeats"}
