"""Attribution extraction on small hand-written articles."""

from __future__ import annotations

import pytest

from consistency.extract.attribution.quotes import quote_spans

slow = pytest.mark.slow


def _attrs(text: str):
    from consistency.extract.attribution.frames import find_attributions
    from consistency.extract.nlp import load_nlp

    return find_attributions(load_nlp()(text))


def _by_cue(attrs, cue: str):
    found = [a for a in attrs if a.cue.lower().startswith(cue)]
    assert found, f"no attribution with cue {cue!r} in {attrs}"
    return found[0]


def test_attribution_quote_spans_pairs_marks():
    text = 'He said “no deal” and then "maybe later" again.'
    spans = quote_spans(text)
    assert [text[a:b] for a, b in spans] == ["“no deal”", '"maybe later"']


def test_attribution_quote_spans_unclosed_ends_at_paragraph():
    text = '"We will stay, she said\nNext paragraph.'
    assert [text[a:b] for a, b in quote_spans(text)] == ['"We will stay, she said']


@slow
def test_attribution_direct_quote_and_continuation():
    text = ('"We will not back down," Wolffovich said. "The alliance is a proxy for foreign interests."')
    attrs = _attrs(text)
    first = _by_cue(attrs, "said")
    assert first.source == "Wolffovich"
    assert first.source_kind == "named"
    assert first.quote == "direct"
    assert "We will not back down" in first.content
    assert any("proxy for foreign interests" in a.content and a.source == "Wolffovich" for a in attrs)


@slow
def test_attribution_indirect_that_clause():
    a = _by_cue(_attrs("The minister said that the talks had failed after two days."), "said")
    assert a.source == "The minister"
    assert a.quote == "indirect"
    assert a.content.startswith("that the talks had failed")
    text = "The minister said that the talks had failed after two days."
    assert text[a.content_span[0]:a.content_span[1]] == a.content


@slow
@pytest.mark.parametrize("briefing", ["a March 10 press briefing", "a March 12 press briefing", "reporters"])
def test_attribution_content_starts_after_the_addressee(briefing):
    a = _by_cue(_attrs(f"Defence Minister Ilya Markin told {briefing} that the first battery had reached its position."), "told")
    assert a.content == "that the first battery had reached its position"


@slow
def test_attribution_content_keeps_the_actor_of_an_urging():
    a = _by_cue(_attrs("Senators urged the president to veto the bill before Friday."), "urged")
    assert a.content == "the president to veto the bill before Friday"


@slow
def test_attribution_content_without_that_starts_at_its_subject():
    a = _by_cue(_attrs("The mayor told residents the water was safe to drink."), "told")
    assert a.content == "the water was safe to drink"


@slow
def test_attribution_mixed_quote():
    a = _by_cue(_attrs('Clinton said the plan was "a disaster for working families" and must be stopped.'), "said")
    assert a.quote == "mixed"
    assert a.source == "Clinton"


@slow
def test_attribution_according_to():
    a = _by_cue(_attrs("According to the Interior Ministry, 40 people were arrested on Sunday."), "according")
    assert a.source == "the Interior Ministry"
    assert a.source_kind == "organisation"
    assert "40 people were arrested" in a.content


@slow
def test_attribution_anonymous_sources():
    attrs = _attrs(
        "The convoy was stopped at the border, sources said. "
        "The deal is off, one unnamed official told reporters."
    )
    kinds = {a.source: a.source_kind for a in attrs}
    assert kinds.get("sources") == "anonymous"
    assert kinds.get("one unnamed official") == "anonymous"
    said = _by_cue(attrs, "said")
    assert said.content.startswith("The convoy was stopped")


@slow
def test_attribution_channel_told_tass():
    a = _by_cue(_attrs("Deputy minister Alexei Petrov told TASS that the summit would go ahead."), "told")
    assert a.channel == "TASS"
    assert a.source == "Deputy minister Alexei Petrov"


@slow
def test_attribution_channel_interview_with_reuters():
    a = _by_cue(_attrs("Johnson said in an interview with Reuters that prices would rise next year."), "said")
    assert a.channel == "Reuters"


@slow
def test_attribution_channel_statement():
    a = _by_cue(_attrs("The company said in a statement that it would appeal the ruling."), "said")
    assert a.channel == "statement"


@slow
def test_attribution_pronoun_resolved_to_speaker():
    attrs = _attrs("Igor Wolffovich arrived in Minsk on Monday. He said the alliance would respond.")
    a = _by_cue(attrs, "said")
    assert a.source == "Igor Wolffovich"
    assert a.resolved_from == "He"
    assert a.source_kind == "named"
    assert a.source_span is not None


@slow
def test_attribution_inverted_said_x():
    a = _by_cue(_attrs('"Prices will fall," said Maria Lopez, the bank\'s chief economist.'), "said")
    assert a.source.startswith("Maria Lopez")
    assert a.quote == "direct"


@slow
def test_attribution_none_in_plain_sentence():
    assert _attrs("The bridge opened to traffic in 1932 and carries four lanes.") == []


@slow
def test_attribution_single_quoted_speech_is_direct():
    attrs = _attrs("'Belarus is no longer a passive player,' one unnamed CSTO source told a journalist.")
    a = _by_cue(attrs, "told")
    assert a.quote == "direct"
    assert a.source_kind == "anonymous"
    assert "passive player" in a.content


@slow
def test_attribution_relative_who_resolved_to_noun():
    attrs = _attrs("The bill was drafted by Senator Maria Lopez, who said the vote would pass easily.")
    a = _by_cue(attrs, "said")
    assert a.source == "Senator Maria Lopez"
    assert a.resolved_from == "who"
    assert a.content.startswith("the vote would pass")


@slow
def test_attribution_unnamed_officials_of_a_country_are_anonymous():
    a = _by_cue(_attrs("Russian officials said the talks would resume in March."), "said")
    assert a.source == "Russian officials"
    assert a.source_kind == "anonymous"


def _line_frames(text: str):
    import spacy

    from consistency.extract.attribution.lines import line_frames

    return [(text[slice(*f.source)], text[slice(*f.cue)], text[slice(*f.content)]) for f in line_frames(spacy.blank("en")(text))]


def test_attribution_lines_headline_speaker():
    assert _line_frames("Sanders: Clinton needs to change course.\n\nBody text.") == [
        ("Sanders", ":", "Clinton needs to change course")
    ]


def test_attribution_lines_headline_topic_is_not_a_speaker():
    assert _line_frames("Watch: the debate in two minutes.\n\nBody.") == []


def test_attribution_lines_transcript_turns():
    text = 'Partial transcript as follows:\n\n"WALLACE: Will she be there?\n\n"PENCE: She will not be attending.'
    assert [(s, c) for s, _, c in _line_frames(text)] == [
        ("WALLACE", "Will she be there?"), ("PENCE", "She will not be attending")
    ]


@slow
def test_attribution_layout_cues_join_the_tagged_frames():
    text = ("Martinez: The Port Budget Will Not Cover the Dredging.\n\n"
            "The interview ran on Sunday. Partial transcript as follows:\n\n"
            '"HOST: Will the senator attend the hearing on Tuesday?\n\n'
            '"GREEN: She will not be attending, and the committee knows why.')
    found = {(a.source, a.cue, a.content) for a in _attrs(text)}
    assert ("Martinez", ":", "The Port Budget Will Not Cover the Dredging") in found
    assert ("HOST", ":", "Will the senator attend the hearing on Tuesday?") in found
    assert ("GREEN", ":", "She will not be attending, and the committee knows why") in found


def test_attribution_lines_signed_quote():
    text = "“Maybe we can build a wall around him.” ― Steve Quinlan.\nNext line."
    assert _line_frames(text) == [("Steve Quinlan", "―", "“Maybe we can build a wall around him.”")]


def test_attribution_lines_named_quote_after_dash():
    text = "Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one.”"
    assert _line_frames(text)[0][:2] == ("Carl Bialik", ":")


def test_attribution_lines_plain_prose_has_none():
    assert _line_frames("The bridge opened in 1932.\nIt carries four lanes: two each way.") == []


def _frame_texts(text: str, cue_word: str):
    from consistency.extract.attribution.spans import frame_at
    from consistency.extract.nlp import load_nlp

    doc = load_nlp()(text)
    fr = frame_at(next(t for t in doc if t.text == cue_word))
    assert fr is not None, f"no frame at {cue_word!r}"
    return (text[slice(*fr.source)] if fr.source else None), text[slice(*fr.cue)], text[slice(*fr.content)]


@slow
def test_attribution_stance_adjective_with_preposition():
    assert _frame_texts("Democratic leaders are wary of steering the party too far left.", "are") == (
        "Democratic leaders", "are wary of", "steering the party too far left"
    )


@slow
def test_attribution_relative_clause_object_is_content():
    src, _, content = _frame_texts("The committee relies on an arrangement the Sanders campaign has criticized.",
                                   "criticized")
    assert (src, content) == ("the Sanders campaign", "an arrangement")


@slow
def test_attribution_hyphenated_source_kept_whole():
    assert _frame_texts("The field was full of candidates backed by big-bucks super PACs.", "backed")[0] == (
        "big-bucks super PACs"
    )


@slow
def test_attribution_object_of_urge_is_in_content():
    assert _frame_texts("The mayor urged supporters to monitor polling places.", "urged")[2] == (
        "supporters to monitor polling places"
    )


@slow
def test_attribution_light_verb_and_chained_cues():
    assert _frame_texts("She expressed her condolences over the Orlando massacre.", "expressed")[1:] == (
        "expressed her condolences over", "the Orlando massacre"
    )
    assert _frame_texts("The team declined to comment on reports that Starr had been fired.", "declined")[1:] == (
        "declined to comment on", "reports that Starr had been fired"
    )


@slow
def test_attribution_called_x_y_keeps_the_predicate():
    assert _frame_texts("Warren called the bank's behavior outrageous.", "called")[2] == "the bank's behavior outrageous"


@slow
def test_attribution_comma_relative_clause_left_out_of_object():
    assert _frame_texts("The union endorsed Trump, who says he is honored.", "endorsed")[2] == "Trump"


@slow
def test_attribution_participle_after_preposition_takes_clause_subject():
    assert _frame_texts("Cruz spoke for an hour before adding that he thinks the race is close.", "adding")[0] == "Cruz"


@slow
def test_attribution_dateline_parsed_as_subject_is_skipped():
    a = _by_cue(_attrs("BUENA PARK, Calif. — Hillary Clinton promised to deliver change on Monday."), "promised")
    assert a.source == "Hillary Clinton"


@slow
def test_attribution_report_inside_a_quote_is_content():
    attrs = _attrs('"He is not as rich as he says he is," Clinton said.')
    assert [a.cue for a in attrs] == ["said"]
    assert attrs[0].source == "Clinton"


@slow
def test_attribution_source_without_channel_or_participle_tail():
    a = _by_cue(_attrs("Senator Dick Durbin in an interview said the bill was dead."), "said")
    assert a.source == "Senator Dick Durbin"
    # a participle that says which poll it is stays, as annotators mark it; one set off by commas goes
    b = _by_cue(_attrs("A Quinnipiac University poll released in late August found that Clinton led."), "found")
    assert b.source == "A Quinnipiac University poll released in late August"


@slow
def test_attribution_title_case_headline_verb():
    attrs = _attrs("Hillary Clinton Slams Donald Trump On Abortion After Court Ruling.\n\nThe body follows.")
    a = _by_cue(attrs, "slams")
    assert a.source == "Hillary Clinton"
    assert a.content.startswith("Donald Trump On Abortion")


@slow
def test_attribution_title_case_headline_without_cue_word_has_none():
    assert _attrs("The Mythology Of The Working Class Vote.\n\nThe body follows.") == []


@slow
def test_attribution_agentless_passive_reports_its_subject():
    src, cue, content = _frame_texts("On Thursday, the dissolution of the club was announced.", "announced")
    assert src is None
    assert content == "the dissolution of the club"


def test_attribution_tagger_decode_repairs_stray_inside_tags():
    from consistency.extract.attribution.tagger import decode

    # O B I I O I I B O: an inside tag after an outside one opens a new span
    assert decode([0, 1, 2, 2, 0, 2, 2, 1, 0]) == [(1, 4), (5, 7), (7, 8)]
    assert decode([2, 2]) == [(0, 2)]
    assert decode([0, 0]) == []


def test_attribution_tagger_chunks_keep_sentences_whole():
    from consistency.extract.attribution.tagger import chunk_ranges

    parts = chunk_ranges([0, 4, 9, 15], 20, limit=10)
    assert parts == [(0, 9), (9, 15), (15, 20)]
    # a sentence longer than the limit is cut, and nothing is lost
    long = chunk_ranges([0], 25, limit=10)
    assert long == [(0, 10), (10, 20), (20, 25)]


def test_attribution_tagger_save_and_load_round_trip(tmp_path):
    import numpy as np
    import torch

    from consistency.extract.attribution.tagger import (
        CATS,
        build_model,
        encode_cats,
        load_tagger,
        save_tagger,
    )

    vocabs = {c: {"<unk>": 0, "x": 1} for c in CATS}
    dims = {c: 4 for c in CATS}
    models = []
    for seed in (0, 1):
        torch.manual_seed(seed)
        models.append(build_model({c: 2 for c in CATS}, dims, 110))
    path = tmp_path / "tagger.npz"
    save_tagger(path, models, vocabs, dims, outside_bias=(0.5, 0.0, 1.0))
    loaded = load_tagger(str(path))
    assert loaded is not None and loaded.vocabs["lemma"] == {"<unk>": 0, "x": 1}
    assert len(loaded.models) == 2 and loaded.outside_bias.tolist() == [0.5, 0.0, 1.0]
    for model, back in zip(models, loaded.models):
        for k, v in model.state_dict().items():
            expected = torch.from_numpy(v.numpy().astype(np.float16).astype(np.float32))
            assert torch.equal(back.state_dict()[k], expected)
    assert encode_cats([["x", "y", "x", "x", "x", "x", "x"]], loaded.vocabs).tolist() == [[1, 0, 1, 1, 1, 1, 1]]


@slow
def test_attribution_source_and_cue_leave_out_punctuation_and_date_preposition():
    a = _by_cue(_attrs("Okafor, speaking to a dairy cooperative in Iowa, said he would order a review."), "said")
    assert a.source == "Okafor"
    b = _by_cue(_attrs("Governor Ann Reyes said on Monday that the bridge would reopen."), "said")
    assert b.cue == "said"
    assert b.source == "Governor Ann Reyes"


def _trimmed_source(text: str, tagged: str) -> str:
    from consistency.extract.attribution.assemble import trim_source
    from consistency.extract.nlp import load_nlp

    doc = load_nlp()(text)
    start = text.index(tagged)
    span = doc.char_span(start, start + len(tagged))
    a, b = trim_source(doc, (span.start, span.end))
    return doc[a:b].text


@slow
def test_attribution_source_keeps_a_participle_that_defines_it():
    assert _trimmed_source("Those surveyed said the plan was too costly.", "Those surveyed") == "Those surveyed"
    assert _trimmed_source("Exit polls taken in Ohio showed the race was close.",
                           "Exit polls taken in Ohio") == "Exit polls taken in Ohio"


@slow
def test_attribution_source_drops_a_participle_set_off_by_commas():
    assert _trimmed_source("The governor, pressed on the budget, said cuts were coming.",
                           "The governor, pressed on the budget") == "The governor"
    assert _trimmed_source("Marta Olsen, speaking at a rally in Leeds, said the vote was rigged.",
                           "Marta Olsen, speaking") == "Marta Olsen"


@slow
def test_attribution_source_drops_the_date_of_speaking_but_not_one_describing_the_speaker():
    assert _trimmed_source("Durbin on Monday said the vote would wait.", "Durbin on Monday") == "Durbin"
    described = "Murphy, who was elected to the House in 2012"
    assert _trimmed_source(f"{described}, said the bill would fail.", described) == described


@slow
def test_attribution_source_that_stops_on_a_modifier_runs_on_to_its_noun():
    assert _trimmed_source("Mr. Lopez said the vote would wait.", "Mr.") == "Mr. Lopez"
    assert _trimmed_source("The ad also claims the senator voted twice.", "The") == "The ad"


def _assembled(text: str, tagged: dict[str, list[str]]):
    from consistency.extract.attribution.assemble import assemble
    from consistency.extract.nlp import load_nlp

    doc = load_nlp()(text)
    spans = {}
    for role in ("cue", "source", "content"):
        spans[role] = []
        for part in tagged.get(role, []):
            start = text.index(part)
            span = doc.char_span(start, start + len(part))
            spans[role].append((span.start, span.end))
    return [(text[f.cue[0]:f.cue[1]], text[f.source[0]:f.source[1]] if f.source else None,
             text[f.content[0]:f.content[1]]) for f in assemble(doc, spans, quote_spans(text))]


@slow
def test_attribution_content_without_a_cue_takes_the_word_it_hangs_on():
    text = "Engineers said repairs would start soon.\nThe mayor rejected claims that the tunnel had flooded twice."
    frames = _assembled(text, {"cue": ["said"], "source": ["Engineers", "The mayor"],
                               "content": ["repairs would start soon", "that the tunnel had flooded twice"]})
    assert len(frames) == 2
    cue, source, content = frames[1]
    assert cue.startswith("claims")
    assert content == "that the tunnel had flooded twice"


@slow
def test_attribution_content_after_a_frame_still_continues_it():
    text = 'The mayor said the tunnel was safe. "It has never flooded," she added later in a letter.'
    frames = _assembled(text, {"cue": ["said"], "source": ["The mayor"],
                               "content": ["the tunnel was safe", '"It has never flooded,"']})
    assert [f[0] for f in frames] == ["said", "said"]


@slow
def test_attribution_quotation_in_a_new_paragraph_continues_the_frame_before():
    text = '"The dam will hold," the engineer said.\n"We tested it all winter."'
    frames = _assembled(text, {"cue": ["said"], "source": ["the engineer"],
                               "content": ['"The dam will hold,"', '"We tested it all winter."']})
    assert [(f[0], f[1]) for f in frames] == [("said", "the engineer"), ("said", "the engineer")]


@slow
def test_attribution_quotation_over_two_sentences_takes_the_speaker_at_its_close():
    text = ('The mayor said the ferry would run again. "The pier is rotten. '
            'Nobody should stand on it," the harbour inspector warned.')
    frames = _assembled(text, {"cue": ["said", "warned"], "source": ["The mayor", "the harbour inspector"],
                               "content": ["the ferry would run again", '"The pier is rotten.',
                                           'Nobody should stand on it,"']})
    assert [(f[0], f[1]) for f in frames] == [("said", "The mayor"), ("warned", "the harbour inspector")]
    assert frames[1][2].startswith('"The pier is rotten.') and frames[1][2].endswith('stand on it,"')


@slow
def test_attribution_a_cue_nested_in_a_quotation_does_not_take_it():
    text = '"The pier is rotten. Everyone in the harbour knows that," the inspector said.'
    frames = _assembled(text, {"cue": ["knows", "said"], "source": ["the inspector"],
                               "content": ['"The pier is rotten.', 'Everyone in the harbour knows that,"']})
    assert [(f[0], f[1]) for f in frames] == [("said", "the inspector")]


@slow
def test_attribution_passive_cue_does_not_take_its_subject_as_source():
    text = "The harbour master was asked about the ferry timetable."
    frames = _assembled(text, {"cue": ["was asked about"], "source": ["The harbour master"],
                               "content": ["the ferry timetable"]})
    assert [(f[0], f[1]) for f in frames] == [("was asked about", None)]


@slow
def test_attribution_relative_clause_cue_takes_its_who():
    text = "The ferry is run by Ana Ruiz, who said the pier was rotten."
    frames = _assembled(text, {"cue": ["said"], "source": ["Ana Ruiz"], "content": ["the pier was rotten"]})
    assert [(f[0], f[1]) for f in frames] == [("said", "who")]


@slow
def test_attribution_noun_cue_takes_its_possessive_as_source():
    text = "Her support for the levy surprised the harbour council."
    frames = _assembled(text, {"cue": ["support for"], "source": ["the harbour council"], "content": ["the levy"]})
    assert [(f[0], f[1]) for f in frames] == [("support for", "Her")]


@slow
def test_attribution_cue_without_a_tagged_source_takes_its_subject():
    text = "Two engineers from the port said repairs would start soon."
    frames = _assembled(text, {"cue": ["said"], "content": ["repairs would start soon"]})
    assert [(f[0], f[1]) for f in frames] == [("said", "Two engineers from the port")]


@slow
def test_attribution_source_does_not_end_on_a_word_opening_a_phrase():
    text = "The harbour council on Monday warned that the pier was rotten."
    frames = _assembled(text, {"cue": ["warned"], "source": ["The harbour council on"],
                               "content": ["that the pier was rotten"]})
    assert [(f[0], f[1]) for f in frames] == [("warned", "The harbour council")]


@slow
def test_attribution_source_runs_on_over_its_own_of_phrase():
    text = "Most of the harbour pilots said the pier was rotten. A second batch of letters showed the ferry was late."
    frames = _assembled(text, {"cue": ["said", "showed"], "source": ["Most", "A second batch"],
                               "content": ["the pier was rotten", "the ferry was late"]})
    assert [(f[0], f[1]) for f in frames] == [("said", "Most of the harbour pilots"),
                                              ("showed", "A second batch of letters")]


@slow
def test_attribution_source_runs_back_over_its_determiner_but_not_an_adverb():
    text = ("A new survey of ferry users showed the pier was rotten. Her nephew said the ferry was late. "
            "Even the harbour master warned that the tolls would rise.")
    frames = _assembled(text, {"cue": ["showed", "said", "warned"],
                               "source": ["new survey of ferry users", "nephew", "harbour master"],
                               "content": ["the pier was rotten", "the ferry was late", "that the tolls would rise"]})
    assert [(f[0], f[1]) for f in frames] == [("showed", "A new survey of ferry users"), ("said", "Her nephew"),
                                              ("warned", "the harbour master")]


@slow
def test_attribution_possessor_source_keeps_its_mark_in_the_span_not_the_name():
    from consistency.extract.attribution.frames import source_name
    from consistency.extract.nlp import load_nlp

    text = "The harbour master's warning about the pier came too late."
    frames = _assembled(text, {"cue": ["warning about"], "source": ["The harbour master"], "content": ["the pier"]})
    assert [(f[0], f[1]) for f in frames] == [("warning about", "The harbour master's")]
    doc = load_nlp()(text)
    assert source_name(doc[0:4]) == "The harbour master"
