"""Attribution, channel and polarity comparators on hand-built claims: what they flag and what they must not."""

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from consistency.compare import compare_pair
from consistency.compare.speakers import channels, frame_speaker
from consistency.extract.entities import EntityResolver
from consistency.records import Attribution, Claim


def claim(cid: str, text: str, *, outlet: str = "A", att: Attribution | None = None, content: str | None = None,
          negated: bool = False, modality: str | None = None) -> Claim:
    published = datetime(2026, 3, 10, 9, tzinfo=timezone.utc)
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet, published=published, text=text, start=0,
                 end=len(text), content=content or text,
                 attribution=att or Attribution(source=outlet, source_kind="outlet"),
                 negated=negated, modality=modality)


def said(source: str, text: str, content: str, *, cue: str = "said", quote: str = "indirect",
         kind: str = "named", channel: str | None = None) -> Attribution:
    start = text.find(source)
    span = (start, start + len(source)) if start >= 0 else None
    channel_span = None
    if channel and channel in text:
        channel_span = (text.find(channel), text.find(channel) + len(channel))
    return Attribution(source=source, source_kind=kind, cue=cue, content=content, quote=quote, channel=channel,
                       source_span=span, channel_span=channel_span)


def types(a: Claim, b: Claim, score: float = 0.95) -> list[str]:
    return [f.type for f in compare_pair(a, b, score, EntityResolver())]


def test_speakers_frame_read_when_the_parse_found_no_speaker():
    a = claim("a#1", "Repairs on the Harlow bridge will take at least two weeks, Dana Okoro stated.")
    b = claim("b#1", "Repairs on the Harlow bridge will take at least two weeks, Marcus Feldhaus stated.", outlet="B")
    assert frame_speaker(a).name == "Dana Okoro"
    assert types(a, b) == ["attribution"]


def test_speakers_inverted_frame_with_a_title():
    a = claim("a#1", "The line will reopen in spring, said Ruth Okafor, director, Harlow Transit.")
    b = claim("b#1", "The line will reopen in spring, said Tomas Whitlock, director, Harlow Transit.", outlet="B")
    assert frame_speaker(b).name == "Tomas Whitlock"
    assert types(a, b) == ["attribution"]


def test_speakers_name_spelt_a_letter_apart_is_one_source():
    text_a = "Hefner told reporters that she was a remarkable lady and an icon of her era."
    text_b = "Heffner told reporters that she was a remarkable lady and an icon of her era."
    content = "she was a remarkable lady and an icon of her era"
    a = claim("a#1", text_a, att=said("Hefner", text_a, content, cue="told"))
    b = claim("b#1", text_b, outlet="B", att=said("Heffner", text_b, content, cue="told"))
    assert "attribution" not in types(a, b)


def test_speakers_a_kind_of_source_is_no_named_speaker():
    text_a = "Environmental groups said the act has protected threatened species for decades."
    text_b = "The act has protected threatened species for decades, said Locke."
    content = "the act has protected threatened species for decades"
    a = claim("a#1", text_a, att=said("Environmental groups", text_a, content, kind="organisation"))
    b = claim("b#1", text_b, outlet="B", att=said("Locke", text_b, content))
    assert types(a, b) == []


def test_speakers_an_act_is_not_a_statement():
    text_a = "An Atlanta judge sentenced Brian Nichols to life in prison."
    text_b = "A judge in Fulton County sentenced Brian Nichols to life in prison on Saturday."
    a = claim("a#1", text_a, att=said("Atlanta", text_a, "Brian Nichols", cue="sentenced", kind="organisation"))
    b = claim("b#1", text_b, outlet="B", att=said("Fulton County", text_b, "Brian Nichols", cue="sentenced",
                                                     kind="organisation"))
    assert types(a, b) == []


def test_speakers_a_report_of_a_report_is_not_a_different_speaker():
    text_a = "MSNBC is reporting that the Indian Navy claims it captured pirates in the Gulf of Aden."
    text_b = "The Indian Navy captured pirates in the Gulf of Aden, the Defence Ministry said on Saturday, adding more."
    a = claim("a#1", text_a, att=said("MSNBC", text_a, "the Indian Navy claims it captured pirates in the Gulf of Aden",
                                      cue="is reporting", kind="organisation"))
    b = claim("b#1", text_b, outlet="B", att=said("the Defence Ministry", text_b,
                                                     "The Indian Navy captured pirates in the Gulf of Aden",
                                                     kind="organisation"))
    assert types(a, b) == []


def test_speakers_a_name_inside_the_statement_is_its_topic_not_a_second_speaker():
    a = claim("a#1", "Stunning Okafor quickly achieved fame as a swimmer, said Ruth Okafor.")
    b = claim("b#1", "Stunning Okafor quickly achieved fame as a swimmer, said Daniel Price.", outlet="B")
    assert types(a, b) == ["attribution"]


def test_speakers_quotes_in_other_words_are_two_statements():
    text_a = '"For three decades the act has protected our most threatened wildlife," Whitlock said.'
    text_b = '"For decades the act has protected species and the habitats they need," Okafor said.'
    a = claim("a#1", text_a, att=said("Whitlock", text_a, "For three decades the act has protected our most "
                                      "threatened wildlife", quote="direct"))
    b = claim("b#1", text_b, outlet="B", att=said("Okafor", text_b, "For decades the act has protected species and "
                                                  "the habitats they need", quote="direct"))
    assert types(a, b) == []


def test_channel_read_from_the_frame_when_the_parse_missed_it():
    a = claim("a#1", "Speaking to Orbis News, Voronets said the batteries would be stationed near the border.")
    b = claim("b#1", "Speaking to Strelka Radio, Voronets said the batteries would be stationed near the border.",
              outlet="B")
    assert [n for n, _ in channels(a)] == ["Orbis News"]
    assert types(a, b) == ["channel"]


def test_channel_other_frames_name_the_outlet():
    for frame in ("in an interview with {}", "in comments to {}"):
        a = claim("a#1", f"The batteries would be stationed near the border, Voronets said {frame.format('NPR')}.")
        b = claim("b#1", f"The batteries would be stationed near the border, Voronets said {frame.format('CNN')}.",
                  outlet="B")
        assert types(a, b) == ["channel"], frame


def test_channel_outlet_reporting_is_a_channel_not_a_speaker():
    text_a, text_b = "The pirates were Somali and Yemeni, the BBC reported.", "The pirates were Somali and Yemeni, Reuters reported."
    a = claim("a#1", text_a, att=said("the BBC", text_a, "The pirates were Somali and Yemeni", cue="reported",
                                      kind="organisation"))
    b = claim("b#1", text_b, outlet="B", att=said("Reuters", text_b, "The pirates were Somali and Yemeni",
                                                     cue="reported", kind="organisation"))
    assert types(a, b) == ["channel"]


def test_channel_not_flagged_when_more_than_the_channel_differs():
    text_a = '"Tara Reid has checked herself into Promises Treatment Center," her rep told UsMagazine.com.'
    text_b = "Perennial party girl Tara Reid checked herself into Promises Treatment Center, her rep told People."
    a = claim("a#1", text_a, att=said("her rep", text_a, "Tara Reid has checked herself into Promises Treatment Center",
                                      cue="told", kind="organisation", channel="UsMagazine.com", quote="direct"))
    b = claim("b#1", text_b, outlet="B", att=said("her rep", text_b, "Perennial party girl Tara Reid checked herself "
                                                  "into Promises Treatment Center", cue="told", kind="organisation",
                                                  channel="People"))
    assert types(a, b) == []


def test_channel_a_weekday_or_a_generic_mode_is_no_channel():
    assert channels(claim("a#1", "Voronets said on Monday that the batteries were in place.")) == []
    assert channels(claim("a#1", "Voronets told reporters that the batteries were in place.")) == []
    text = "Voronets said in a statement that the batteries were in place."
    assert channels(claim("a#1", text, att=said("Voronets", text, "the batteries were in place",
                                                channel="a statement"))) == []


def test_channel_a_kind_of_source_reporting_is_no_channel():
    a = claim("a#1", "Police reported hearing several shots just after midnight on Dunmore Road.")
    b = claim("b#1", "Officers reported hearing several shots just after midnight on Dunmore Road.", outlet="B")
    c = claim("c#1", "Deputies reported hearing several shots just after midnight on Dunmore Road.", outlet="C")
    assert channels(a) == channels(b) == channels(c) == []
    assert types(a, b) == types(a, c) == []
    d = claim("d#1", "Kelford Radio reported hearing several shots just after midnight on Dunmore Road.", outlet="D")
    assert [n for n, _ in channels(d)] == ["Kelford Radio"]


def test_polarity_flip_found_without_the_parse_flag():
    a = claim("a#1", "The elections will have two parties for the first time, TASS reported.")
    b = claim("b#1", "The elections won't have two parties for the first time, TASS reported.", outlet="B")
    assert types(a, b, score=0.7) == ["polarity"]


def test_polarity_verb_forms_around_a_negation_are_one_statement():
    a = claim("a#1", "A provision in the spending bill allows the secretaries to rescind the rule changes.")
    b = claim("b#1", "A provision in the spending bill doesn't allow the secretaries to rescind the rule changes.",
              outlet="B", negated=True)
    assert types(a, b) == ["polarity"]


def test_polarity_headlines_saying_different_things_are_not_a_negation():
    a = claim("a#1", "Gary Ross Won't Direct 'Hunger Games' Sequel", negated=True, modality="expected")
    b = claim("b#1", "GARY ROSS REMAINS IN NEGOTIATIONS TO DIRECT 'THE HUNGER GAMES' SEQUEL", outlet="B")
    assert types(a, b) == []


def test_polarity_negation_in_another_clause_is_not_a_conflict():
    a = claim("a#1", "The film's stars, Lawrence, Hutcherson and Hemsworth, are all signed on for the series.")
    b = claim("b#1", "While Ross wasn't signed on to multiple films, stars Lawrence, Hutcherson and Hemsworth are "
                     "all on board for the series.", outlet="B", negated=True)
    assert types(a, b) == []


def test_polarity_denial_frame_against_an_assertion():
    text_a = "Okafor denied that the Greystone plant would close in June."
    a = claim("a#1", text_a, att=said("Okafor", text_a, "the Greystone plant would close in June", cue="denied"),
              content="the Greystone plant would close in June", negated=True, modality="denied")
    text_b = "The Greystone plant would close in June, Whitlock said."
    b = claim("b#1", text_b, outlet="B", content="The Greystone plant would close in June",
              att=said("Whitlock", text_b, "The Greystone plant would close in June"))
    assert "polarity" in types(a, b)


def test_polarity_denial_read_from_the_frame_needs_the_same_words():
    text_a = "Andrew Wetzler, director of the council's species program, commented,"
    a = claim("a#1", text_a, content="Andrew Wetzler, director of the council's species program", modality="denied",
              negated=True, att=said("Andrew Wetzler", text_a, "Andrew Wetzler, director of the council's species "
                                     "program", cue="commented"))
    b = claim("b#1", "Andrew Wetzler, director of the council's species program, was blunt:", outlet="B")
    assert types(a, b) == []


def test_polarity_same_count_of_negations_is_a_paraphrase():
    a = claim("a#1", "I feel on the floor we weren't executing the plan.")
    b = claim("b#1", "I didn't feel on the floor we were executing the plan.", outlet="B", negated=True)
    assert types(a, b) == []
    c = replace(a, text="I feel on the floor we were executing the plan.", content="I feel on the floor we were "
                "executing the plan.", id="c#1", article_id="c")
    assert types(c, b) == ["polarity"]


def test_speakers_frames_with_an_apposition_or_according_to():
    cases = {
        '"The plant will close," Ruth Okafor, a spokeswoman for the council, told AFP.': "Ruth Okafor",
        "The plant will close, according to Ruth Okafor.": "Ruth Okafor",
        "In a statement on Monday, Ruth Okafor said the plant will close.": "Ruth Okafor",
    }
    for text, name in cases.items():
        assert frame_speaker(claim("a#1", text)).name == name, text
    # the listener of ", told X" is no speaker
    assert frame_speaker(claim("a#1", "The plant will close, told AFP.")) is None


def test_channel_a_mode_the_parse_misplaced_does_not_hide_the_outlet():
    text = "Pinup shots of her circulated on Twitter, Ruth Okafor said in an interview with ABC News."
    at = text.find("Twitter")
    att = Attribution(source="Ruth Okafor", source_kind="named", cue="said", channel="statement",
                      channel_span=(at, at + len("Twitter")))
    assert [n for n, _ in channels(claim("a#1", text, att=att))] == ["ABC News"]
    # A mode the parse placed right ("an interview") does not hide the outlet the frame names.
    placed = replace(att, channel="an interview", channel_span=(text.find("an interview"), text.find(" with ABC")))
    assert [n for n, _ in channels(claim("a#1", text, att=placed))] == ["ABC News"]


def test_channel_a_mode_read_by_the_parse_leaves_the_told_frame_readable():
    text_a = "Its service was restored at 10:57 on 11 October, as posted on its website, Abu Talat told Orbis News."
    text_b = text_a.replace("Orbis News", "Strelka Radio")
    at = text_a.find("website")
    att = Attribution(source="Abu Talat", source_kind="named", cue="told", channel="website",
                      channel_span=(at, at + len("website")))
    a, b = claim("a#1", text_a, att=att), claim("b#1", text_b, outlet="B", att=att)
    assert types(a, b) == ["channel"]


def test_channel_an_outlet_both_name_inside_the_statement_is_not_the_frame():
    text = ("Miles Vinar spoke to ONE News about seeing his brother fall on Thursday, Dana Okoro said in an interview "
            "with {}.")
    a = claim("a#1", text.format("NBC News"))
    b = claim("b#1", text.format("the Harlow Times"), outlet="B")
    assert types(a, b) == ["channel"]
    c = claim("c#1", "Miles Vinar spoke to ONE News about seeing his brother fall on Thursday, Dana Okoro said.",
              outlet="C")
    assert types(a, c) == []


def test_channel_a_copy_whose_meaning_vectors_fell_apart_is_still_compared():
    a = claim("a#1", "'Then I went home and I heard a lot of screams, John Jenkin told the BBC.")
    b = claim("b#1", "'Then I went home and I heard a lot of screams, John Jenkin told the Washington Post.", outlet="B")
    assert types(a, b, score=0.68) == ["channel"]


def test_speakers_a_copy_whose_parsed_contents_differ_is_still_compared():
    text = "Citing an agreement with clients, Lawrence declined to discuss the players, {} stated at a news conference."
    a = claim("a#1", text.format("Brian Pennings"))
    b = claim("b#1", text.format("Jamal Williams"), outlet="B")
    assert types(a, b, score=0.48) == ["attribution"]
    c = claim("c#1", "Lawrence declined to discuss the players at length, Jamal Williams said.", outlet="C")
    assert types(a, c, score=0.73) == []


def test_speakers_an_office_in_lower_case_between_a_body_and_a_name():
    a = claim("a#1", "The hospital would not release any details, Beaumont Hospital spokeswoman Ilene Wolfe said.")
    assert frame_speaker(a).name == "Beaumont Hospital spokeswoman Ilene Wolfe"
    b = claim("b#1", "The hospital would not release any details, Beaumont Hospital spokeswoman Gerry Scherlinck said.",
              outlet="B")
    assert types(a, b) == ["attribution"]


def test_polarity_short_sentences_flip_too_but_not_empty_ones():
    a = claim("a#1", "Lohan was arrested.")
    b = claim("b#1", "Lohan wasn't arrested.", outlet="B")
    assert types(a, b) == ["polarity"]
    assert types(claim("c#1", "Not yet."), claim("d#1", "Yet.", outlet="B")) == []


def test_speakers_a_joint_source_includes_each_member():
    quote = '"He also has style, elegance and a sense of occasion,"'
    a = claim("a#1", f"{quote} Mark and Condon said in a joint statement.")
    b = claim("b#1", f"{quote} Laurence Mark said.", outlet="B")
    c = claim("c#1", f"{quote} Hugh Jackman said.", outlet="C")
    assert types(a, b) == []
    assert types(a, c) == ["attribution"]


def test_speakers_a_title_before_a_name_is_still_a_name_but_a_bare_kind_is_not():
    assert frame_speaker(claim("a#1", "The bridge will reopen in May, Police Chief Ana Ruiz said.")).name == "Police Chief Ana Ruiz"
    assert frame_speaker(claim("a#1", "The bridge will reopen in May, Officials said.")) is None


@pytest.mark.parametrize("title", ["", "Attorney "])  # a shared title does not make two surnames one
def test_speakers_full_names_with_different_surnames_are_two_people(title):
    a = claim("a#1", f"{title}Mark Jay Heller told a judge that Lohan was settling in at Morningside.")
    b = claim("b#1", f"{title}Mark Jay Holley told a judge that Lohan was settling in at Morningside.", outlet="B")
    assert types(a, b) == ["attribution"]


def test_speakers_one_person_under_titles_initials_and_spellings():
    from consistency.compare.person_names import same_name
    resolver = EntityResolver()
    for x, y in [("Inspector Gaskin", "Mr Gaskin"), ("the California Highway Patrol", "CHP"),
                 ("Police Inspector Dave Gascin", "Police Inspector Dave Gaskin"), ("Duncan Raite", "Duncan Rate"),
                 ("CHP Officer Brad Baehr", "Highway Patrol Officer Brad Baehr"), ("Bill Gates", "William Gates")]:
        assert same_name(x, y, resolver), (x, y)
    for x, y in [("Jon Stewart", "Kristen Stewart"), ("Mark Jay Heller", "Mark Jay Holley"), ("Paul Lee", "Craig Zadan")]:
        assert not same_name(x, y, resolver), (x, y)


def test_speakers_a_bare_title_names_nobody():
    a = claim("a#1", 'He tried to provide first aid and comfort for her," said Sgt.')
    b = claim("b#1", 'He tried to provide first aid and comfort for her," said Earley.', outlet="B")
    assert frame_speaker(a) is None
    assert types(a, b) == []


def test_polarity_contraction_without_apostrophe_is_still_a_negation():
    a = claim("a#1", '"I can\'t speak for the first death but it looks like a lack of experience," he said.')
    b = claim("b#1", '"I cant speak for the first death but it looks like a lack of experience," Gaskin said.',
              outlet="B")
    assert "polarity" not in types(a, b)


def test_polarity_denial_in_another_clause_of_a_long_sentence_is_not_read_as_the_frame():
    content = "Felt was the source who connected the White House to the break-in"
    a = claim("a#1", f"While some speculated that {content}, he long denied it and kept silent for thirty years.",
              content=content, modality="denied", negated=True)
    b = claim("b#1", f"Some speculated that {content}.", outlet="B", content=content)
    assert types(a, b) == []


def test_speakers_initials_with_and_without_full_stops_are_one_name():
    text = '"We know of the issue involving Vincent," team manager {} said in a statement.'
    content = "We know of the issue involving Vincent"
    a = claim("a#1", text.format("A.J. Booth"), att=said("A.J. Booth", text.format("A.J. Booth"), content, quote="direct"))
    b = claim("b#1", text.format("AJ Booth"), outlet="B", att=said("AJ Booth", text.format("AJ Booth"), content,
                                                                  quote="direct"))
    assert types(a, b) == []
    c = claim("c#1", text.format("A.J. Smith"), outlet="C", att=said("A.J. Smith", text.format("A.J. Smith"), content,
                                                                    quote="direct"))
    assert types(a, c) == ["attribution"]


def test_speakers_a_body_and_one_of_its_officers_are_no_conflict():
    text_a = "He was on probation for a previous arrest, the Harlow Highway Patrol said."
    text_b = "Jensen was on probation for a previous arrest, Highway Patrol Officer Dana Okoro said."
    a = claim("a#1", text_a, att=said("the Harlow Highway Patrol", text_a, "He was on probation for a previous arrest",
                                      kind="organisation"))
    b = claim("b#1", text_b, outlet="B", att=said("Dana Okoro", text_b, "Jensen was on probation for a previous arrest"))
    assert types(a, b) == []


def test_speakers_a_source_read_from_part_of_a_kind_names_nobody():
    text_a = "The cable was cut at the same time as a second cable owned by the state firm, Harlovian authorities said."
    text_b = "The cable was cut at the same time as a second cable owned by the state firm, Ruth Okafor said."
    start = text_a.find("Harlovian")
    a = claim("a#1", text_a, att=replace(said("Harlovian", text_a, text_a[: text_a.find(", Harl")], kind="organisation"),
                                         source_span=(start, start + len("Harlovian authorities"))))
    b = claim("b#1", text_b, outlet="B")
    assert types(a, b) == []


def test_polarity_the_odd_copy_is_set_against_the_copy_it_was_made_from():
    from consistency.compare import compare_pairs
    original = "Police allege the recently- fired man opened fire at a Vancouver office Friday."
    respaced = claim("a#1", original.replace("- ", "-"))
    source = claim("b#1", original, outlet="B")
    changed = claim("c#1", original.replace("opened", "did not open"), outlet="C")
    claims = {1: respaced, 2: source, 3: changed}
    flags = compare_pairs([(1, 3, 0.95), (2, 3, 0.95), (1, 2, 1.0)], claims, EntityResolver())
    assert [(f.type, set(f.articles)) for f in flags] == [("polarity", {"b", "c"})]


def test_polarity_an_irregular_past_and_its_negation():
    a = claim("a#1", "The gunman knew the victims, police said.")
    b = claim("b#1", "The gunman did not know the victims, police said.", outlet="B")
    assert types(a, b) == ["polarity"]
    c = claim("c#1", "The gunman knew the owners, police said.", outlet="C")
    assert "polarity" not in types(b, c)


def test_speakers_other_verbs_of_saying_frame_a_speaker():
    for cue in ("confirmed", "warned", "pointed out", "acknowledged"):
        a = claim("a#1", f"Repairs on the Harlow bridge will take at least two weeks, Dana Okoro {cue}.")
        b = claim("b#1", f"Repairs on the Harlow bridge will take at least two weeks, Marcus Feldhaus {cue}.", outlet="B")
        assert frame_speaker(a).name == "Dana Okoro", cue
        assert types(a, b) == ["attribution"], cue


def test_channel_more_frames_name_the_outlet():
    for frame in ("in an interview on {}", "in a statement released to {}", "writing for {}"):
        a = claim("a#1", f"The batteries would be stationed near the border, Voronets said {frame.format('NPR')}.")
        b = claim("b#1", f"The batteries would be stationed near the border, Voronets said {frame.format('CNN')}.",
                  outlet="B")
        assert types(a, b) == ["channel"], frame


def test_speakers_one_person_described_two_ways():
    from consistency.compare.person_names import same_name
    resolver = EntityResolver()
    assert same_name("Paul Ferguson, a researcher with Trend Micro", "Trend Micro threat researcher Paul Ferguson",
                     resolver)
    assert not same_name("Trend Micro researcher Paul Ferguson", "Trend Micro researcher Dana Okoro", resolver)


def test_channel_an_outlet_that_passed_a_framed_statement_on():
    base = "The batteries would be stationed near the border, Voronets said"
    a = claim("a#1", f"{base}, according to NPR.")
    b = claim("b#1", f"{base}, according to CNN.", outlet="B")
    assert frame_speaker(b).name == "Voronets"
    assert types(a, b) == ["channel"]
    assert frame_speaker(claim("c#1", "The batteries would be stationed near the border, according to CNN.")).name == "CNN"


def test_channel_an_outlet_named_before_interview():
    a = claim("a#1", "The batteries would be stationed near the border, Voronets said in an NPR interview.")
    b = claim("b#1", "The batteries would be stationed near the border, Voronets said in a CNN interview.", outlet="B")
    assert types(a, b) == ["channel"]


def test_speakers_a_several_word_office_between_a_body_and_a_name():
    a = claim("a#1", "The talks will resume next week, Russian foreign minister Sergei Lavrov said on Monday.")
    assert frame_speaker(a).name == "Russian foreign minister Sergei Lavrov"
    b = claim("b#1", "The talks will resume next week, Russian foreign minister Oleg Karpov said on Monday.", outlet="B")
    assert types(a, b) == ["attribution"]
    c = claim("c#1", "The talks will resume next week, Sergei Lavrov said on Monday.", outlet="C")
    assert types(a, c) == []


def test_channel_an_outlet_and_its_initials_are_one_channel():
    base = "The batteries would be stationed near the border, Voronets told {}."
    for x, y in [("AP", "the Associated Press"), ("AFP", "Agence France-Presse"), ("the BBC", "BBC News")]:
        a = claim("a#1", base.format(x))
        b = claim("b#1", base.format(y), outlet="B")
        assert types(a, b) == [], (x, y)
    assert types(claim("a#1", base.format("AP")), claim("b#1", base.format("Reuters"), outlet="B")) == ["channel"]


def test_polarity_negated_frame_bears_on_the_content_it_frames():
    text_a = "I don't think the harbour bridge will reopen before the spring, the engineer said."
    a = claim("a#1", text_a, content="the harbour bridge will reopen before the spring",
              att=said("the engineer", text_a, "the harbour bridge will reopen before the spring", cue="don't think"))
    text_b = "\"I don't think the harbour bridge will reopen before the spring, the engineer said."
    b = claim("b#1", text_b, outlet="B", content="I don't think the harbour bridge will reopen before the spring",
              att=said("the engineer", text_b, "I don't think the harbour bridge will reopen before the spring"))
    assert "polarity" not in types(a, b)
    text_c = "The harbour bridge will reopen before the spring, the engineer said."
    c = claim("c#1", text_c, outlet="C", content="The harbour bridge will reopen before the spring",
              att=said("the engineer", text_c, "The harbour bridge will reopen before the spring"))
    assert "polarity" in types(b, c)


def test_speakers_a_quote_standing_alone_is_not_set_against_a_framed_one():
    # The lone quote took its speaker from the sentence before it, which may be another speaker's.
    quote = '"We never expected the river to rise this fast.'
    content = "We never expected the river to rise this fast"
    alone = replace(claim("a#2", quote), start=300, end=300 + len(quote),
                    attribution=Attribution(source="Hal Brenner", source_kind="named", cue="said", content=content,
                                            quote="direct", source_span=(270, 281)))
    framed_text = '"We never expected the river to rise this fast," Nadia Ostrova said.'
    framed = claim("b#1", framed_text, outlet="B",
                   att=said("Nadia Ostrova", framed_text, content, quote="direct"))
    assert "attribution" not in types(alone, framed)
    # Named in its own sentence, the same speaker is set against the other outlet's.
    own_text = '"We never expected the river to rise this fast," Hal Brenner said.'
    own = claim("a#1", own_text, att=said("Hal Brenner", own_text, content, quote="direct"))
    assert types(own, framed) == ["attribution"]
