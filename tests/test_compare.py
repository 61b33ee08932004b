"""Each comparator on hand-built claims: what it flags, and what it must not flag."""

from dataclasses import replace
from datetime import datetime, timezone

from consistency.compare import compare_pair, compare_pairs, one_per_deviation
from consistency.compare.base import Finding
from consistency.compare.names import is_spelling_variant
from consistency.extract.entities import EntityResolver
from consistency.extract.quantities import find_quantities
from consistency.extract.time.extract import find_times
from consistency.provenance import claim_clusters, repetition_flags
from consistency.records import Attribution, Claim, Entity

OWN = Attribution(source="outlet", source_kind="outlet")


def claim(cid: str, text: str, *, outlet: str = "A", day: int = 10, content: str | None = None,
          att: Attribution | None = None, negated: bool = False, modality: str | None = None,
          entities: tuple[Entity, ...] = ()) -> Claim:
    published = datetime(2026, 3, day, 9, tzinfo=timezone.utc)
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet, published=published, text=text, start=0,
                 end=len(text), content=content or text, attribution=att or replace(OWN, source=outlet),
                 times=tuple(find_times(text, published.date())), quantities=tuple(find_quantities(text)),
                 entities=entities, negated=negated, modality=modality)


def types(a: Claim, b: Claim, score: float = 0.95) -> list[str]:
    return [f.type for f in compare_pair(a, b, score, EntityResolver())]


def test_compare_timeline_conflicting_days():
    a = claim("a#1", "Markin told a March 10 press briefing that the battery was in place.")
    b = claim("b#1", "Markin told a March 12 press briefing that the battery was in place.", outlet="B", day=12)
    assert types(a, b) == ["timeline"]


def test_compare_timeline_granularity_agrees():
    a = claim("a#1", "The ministers will meet in late March to review the plan.")
    b = claim("b#1", "The ministers will meet on March 28 to review the plan.", outlet="B")
    assert types(a, b) == []


def test_compare_timeline_part_of_the_day_is_compared_as_its_day():
    # "Friday night" is valued 2026-03-06TNI: it lies in the Friday another outlet names bare
    a = claim("a#1", "The ferry Arden ran aground off Kellow Point on Friday night, the coastguard said.")
    b = claim("b#1", "The ferry Arden ran aground off Kellow Point on Friday, the coastguard said.", outlet="B")
    assert [t.value for t in a.times] == ["2026-03-06TNI"]
    assert types(a, b) == []
    c = claim("c#1", "The ferry Arden ran aground off Kellow Point on Wednesday, the coastguard said.", outlet="C")
    assert types(a, c) == ["timeline"]


def test_compare_timeline_late_one_day_and_early_the_next_are_one_night():
    a = claim("a#1", "The ferry Arden ran aground off Kellow Point late Friday, the coastguard said.")
    for text in ("The ferry Arden ran aground off Kellow Point early Saturday, the coastguard said.",
                 "The ferry Arden ran aground off Kellow Point just after midnight Saturday, the coastguard said."):
        assert types(a, claim("b#1", text, outlet="B")) == []
    late = claim("c#1", "The ferry Arden ran aground off Kellow Point at 10:40 p.m. Friday, the coastguard said.")
    assert types(late, claim("b#1", "The ferry Arden ran aground off Kellow Point early Saturday, the coastguard "
                                    "said.", outlet="B")) == []
    # a bare night and the next morning, or late one day and early two days on, are told apart
    night = claim("d#1", "The ferry Arden ran aground off Kellow Point on Friday night, the coastguard said.")
    morning = claim("e#1", "The ferry Arden ran aground off Kellow Point on Saturday morning, the coastguard said.",
                    outlet="B")
    assert types(night, morning) == ["timeline"]
    sunday = claim("f#1", "The ferry Arden ran aground off Kellow Point early Sunday, the coastguard said.", outlet="B")
    assert types(a, sunday) == ["timeline"]


def test_compare_timeline_deadline_against_later_month():
    a = claim("a#1", "Lukashenko said the system would be fully operational by December.", day=10)
    b = claim("b#1", "Lukashenko said the system would be fully operational in January.", outlet="B", day=10)
    assert types(a, b) == ["timeline"]


def test_compare_timeline_same_relative_words_in_a_later_copy_agree():
    a = claim("a#1", "The producers announced today that the host will return.", day=10)
    b = claim("b#1", "The producers announced today that the host will return.", outlet="B", day=11)
    assert types(a, b) == []


def test_compare_timeline_different_roles_are_not_compared():
    a = claim("a#1", "Markin told a March 12 press briefing that the battery had reached its position.")
    b = claim("b#1", "Markin said the battery had reached its position on Monday.", outlet="B", day=11)
    assert types(a, b) == []


def test_compare_number_conflict_and_hedges():
    a = claim("a#1", "Twelve people were killed in the fire, officials said.")
    b = claim("b#1", "Twenty-one people were killed in the fire, officials said.", outlet="B")
    assert types(a, b) == ["number"]
    hedged = claim("c#1", "At least 40 firefighters fought the blaze for six hours.")
    exact = claim("d#1", "A total of 42 firefighters fought the blaze for six hours.", outlet="B")
    assert types(hedged, exact) == []
    rounded = claim("e#1", "About 2,000 residents were evacuated overnight.")
    precise = claim("f#1", "A total of 1,960 residents were evacuated overnight.", outlet="B")
    assert types(rounded, precise) == []


def test_compare_number_later_report_with_update_language_is_an_update():
    a = claim("a#1", "Nine workers were killed in the fire, the emergency service said.", day=10)
    b = claim("b#1", "The number of workers killed in the fire has risen to 14, the emergency service said.",
              outlet="B", day=12)
    assert types(a, b, score=0.8) == ["update"]


def test_compare_attribution_quote_in_two_mouths():
    quote = "Our western flank will no longer be left exposed"
    a = claim("a#1", f'"{quote}," Voronets said.', content=quote,
              att=Attribution(source="Voronets", source_kind="named", quote="direct", content=quote))
    b = claim("b#1", f'"{quote}," Krestov said.', outlet="B", content=quote,
              att=Attribution(source="Pavel Krestov", source_kind="named", quote="direct", content=quote))
    assert types(a, b) == ["attribution"]


def test_compare_attribution_same_speaker_short_form_and_title_agree():
    text = "the deployment was purely defensive"
    a = claim("a#1", f"President Pavel Krestov said {text}.", content=text,
              att=Attribution(source="Pavel Krestov", source_kind="named", quote="indirect"))
    b = claim("b#1", f"President Krestov said {text}.", outlet="B", content=text,
              att=Attribution(source="Krestov", source_kind="named", quote="indirect"))
    assert types(a, b) == []


def test_compare_attribution_independent_sources_in_their_own_words_agree():
    a = claim("a#1", "The fire started in a storage room holding dye solvents, fire chief Tomas Whitlock said.",
              content="The fire started in a storage room holding dye solvents",
              att=Attribution(source="Tomas Whitlock", source_kind="named", quote="indirect"))
    b = claim("b#1", "The blaze began in a room used to store dye solvents, safety manager Ruth Okafor said.",
              outlet="B", content="The blaze began in a room used to store dye solvents",
              att=Attribution(source="Ruth Okafor", source_kind="named", quote="indirect"))
    assert types(a, b, score=0.9) == []


def test_compare_attribution_a_word_or_two_quoted_make_no_quote():
    x = 'The boy was taken to Lakeview Hospital, where he was listed as "stable"'
    y = 'The boy was taken to Lakeview Hospital in "fair but stable" condition'
    a = claim("a#1", f"{x}, fire captain Omar Trent said.", content=x,
              att=Attribution(source="Omar Trent", source_kind="named", quote="mixed", content=x))
    b = claim("b#1", f"{y}, police spokesman Ivo Marsh said.", outlet="B", content=y,
              att=Attribution(source="Ivo Marsh", source_kind="named", quote="mixed", content=y))
    assert types(a, b, score=0.9) == []  # two officials telling one fact, each in their own words
    q = 'The boy "was taken to Lakeview Hospital and is listed as stable"'
    c = replace(a, text=f"{q}, fire captain Omar Trent said.", content=q,
                attribution=replace(a.attribution, content=q))
    r = 'The boy "was taken to Lakeview Hospital and is stable tonight"'
    d = replace(b, text=f"{r}, police spokesman Ivo Marsh said.", content=r,
                attribution=replace(b.attribution, content=r))
    assert types(c, d, score=0.9) == ["attribution"]  # the quoted words are one mouth's


def test_compare_channel_conflict_but_not_for_generic_modes():
    text = "the two batteries would be stationed near the border"
    a = claim("a#1", f"Voronets told Orbis News Agency that {text}.", content=text,
              att=Attribution(source="Voronets", source_kind="named", channel="Orbis News Agency"))
    b = claim("b#1", f"Voronets told Strelka Information Agency that {text}.", outlet="B", content=text,
              att=Attribution(source="Voronets", source_kind="named", channel="Strelka Information Agency"))
    assert types(a, b) == ["channel"]
    c = replace(b, attribution=replace(b.attribution, channel="a statement"))
    assert types(a, c) == []


def test_compare_polarity_conflict_but_not_paraphrased_negation():
    a = claim("a#1", "Halvorsen will close the Greystone distribution centre, Solberg said.")
    b = claim("b#1", "Halvorsen will not close the Greystone distribution centre, Solberg said.", outlet="B",
              negated=True)
    assert types(a, b) == ["polarity"]
    c = claim("c#1", "I feel on the floor we weren't executing the plan.", negated=False)
    d = claim("d#1", "I didn't feel on the floor we were executing the plan.", outlet="B", negated=True)
    assert types(c, d) == []


def test_compare_name_variant_spelling_not_short_form():
    assert is_spelling_variant("Aleksandr Voronets", "Alexander Voronetz")
    assert not is_spelling_variant("President Pavel Krestov", "President Krestov")
    assert not is_spelling_variant("Betty Ford Centre", "Betty Ford Center")
    assert not is_spelling_variant("Joe Biden", "Hunter Biden")
    text_a, text_b = "Voronets said the deployment was a protective measure.", "Voronetz said the deployment was a protective measure."
    a = claim("a#1", text_a, entities=(Entity("Voronets", 0, 8, "PERSON", "per:voronets"),))
    b = claim("b#1", text_b, outlet="B", entities=(Entity("Voronetz", 0, 8, "PERSON", "per:voronets"),))
    flags = compare_pairs([(1, 2, 0.97)], {1: a, 2: b}, EntityResolver())
    assert [f.type for f in flags] == ["name_variant"]
    assert flags[0].values == {"A": "Voronets", "B": "Voronetz"}


def test_compare_one_flag_per_deviating_copy():
    original = [claim(f"s{i}#1", "Twelve people were killed in the fire.", outlet=f"O{i}") for i in range(3)]
    odd = claim("x#1", "Forty people were killed in the fire.", outlet="X")
    findings = [(f, 0.95) for c in original for f in compare_pair(c, odd, 0.95, EntityResolver())]
    assert len(findings) == 3
    kept = one_per_deviation(findings)
    assert len(kept) == 1 and "x#1" in (kept[0].a.id, kept[0].b.id)


def _copies(source: Attribution | None, n: int = 3) -> dict[int, Claim]:
    text = "The deployment was agreed in secret at a meeting in Mirgorod in January."
    return {i: claim(f"c{i}#1", text, outlet=f"O{i}", day=10 + i,
                     att=source if source else replace(OWN, source=f"O{i}")) for i in range(n)}


def test_provenance_anonymous_repetition_is_flagged():
    anon = Attribution(source="a source familiar with the talks", source_kind="anonymous")
    claims = _copies(anon)
    clusters = claim_clusters([(0, 1, 0.99), (1, 2, 0.99)], claims)
    assert clusters[0].to_dict()["independent_origins"] == 1
    flags = repetition_flags(clusters, claims)
    assert [f.type for f in flags] == ["unsupported_repetition"] and len(flags[0].outlets) == 3
    assert "O0" in flags[0].explanation and "anonymous" in flags[0].explanation


def test_provenance_named_sources_are_independent_origins():
    claims = {i: replace(c, attribution=Attribution(source=name, source_kind="named"))
              for (i, c), name in zip(_copies(None).items(), ["Tomas Whitlock", "Ruth Okafor", "Daniel Price"])}
    clusters = claim_clusters([(0, 1, 0.99), (1, 2, 0.99)], claims)
    assert clusters[0].to_dict()["independent_origins"] == 3
    assert repetition_flags(clusters, claims) == []


def test_provenance_wire_copy_with_a_named_speaker_is_not_flagged():
    claims = _copies(Attribution(source="Marcus Bell", source_kind="named"))
    assert repetition_flags(claim_clusters([(0, 1, 1.0), (1, 2, 1.0)], claims), claims) == []


def test_compare_deviation_is_set_against_its_closest_copy():
    # Two copies give the same speaker; the odd claim is flagged once, against the copy the finding trusts most.
    odd = claim("x#1", "Mayor Ilse Brandt said the bridge will close in May.", outlet="X")
    near = claim("n#1", "Police chief Tomas Berg said the bridge will close in May.", outlet="N")
    far = claim("f#1", "Police chief Tomas Berg said the bridge would be closed in May.", outlet="F")
    findings = [(Finding("attribution", near, odd, "Tomas Berg", "Ilse Brandt", (0, 1), (0, 1), 0.9), 0.90),
                (Finding("attribution", far, odd, "Tomas Berg", "Ilse Brandt", (0, 1), (0, 1), 0.6), 0.93)]
    (kept,) = one_per_deviation(findings)
    assert kept.a.id == "n#1" and kept.b.id == "x#1"
