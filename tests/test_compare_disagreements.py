"""One flag per disagreement: findings that set the same two values of the same outlets against each other."""

from dataclasses import replace
from datetime import datetime, timezone

from consistency.compare import compare_pairs
from consistency.compare.disagreements import indirectness, one_per_disagreement
from consistency.compare.finding import Finding
from consistency.extract.entities import EntityResolver
from consistency.extract.quantities import find_quantities
from consistency.records import Attribution, Claim, TimeExpr

OWN = Attribution(source="outlet", source_kind="outlet")


def claim(cid: str, text: str, *, outlet: str = "A", day: int = 10, start: int = 0) -> Claim:
    published = datetime(2026, 3, day, 9, tzinfo=timezone.utc)
    quantities = tuple(replace(q, start=q.start + start, end=q.end + start) for q in find_quantities(text))
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet, published=published, text=text, start=start,
                 end=start + len(text), content=text, attribution=replace(OWN, source=outlet), times=(),
                 quantities=quantities, entities=())


def finding(kind: str, a: Claim, value_a: str, b: Claim, value_b: str, confidence: float = 0.6) -> Finding:
    def span(c: Claim, v: str) -> tuple[int, int]:
        at = c.start + c.text.index(v)
        return at, at + len(v)
    return Finding(kind, a, b, value_a, value_b, span(a, value_a), span(b, value_b), confidence)


OLD = claim("p#1", "A gunman opened fire outside a bar in Dunmore and wounded two people, police said.", outlet="P")
POST = claim("q#7", "Seen the guy who shot 3 people last night? Call our tip line @ #dunmore", outlet="Q", day=11,
             start=900)
CAPTION = claim("q#1", "Police say Ed Varo, 30, shot three people near the bar. View Full Caption", outlet="Q", day=11)
PLAIN = claim("q#2", "Police said a gunman shot three people outside the bar early Sunday.", outlet="Q", day=11, start=80)


def test_one_update_read_off_three_sentences_is_kept_once_on_the_plainest():
    findings = [finding("update", OLD, "two", later, value, c)
                for later, value, c in ((POST, "3", 0.62), (CAPTION, "three", 0.61), (PLAIN, "three", 0.58))]
    (kept,) = one_per_disagreement(findings)
    assert kept.b.id == "q#2"  # neither a quoted post, a caption, nor the value in a relative clause


def test_the_surest_of_equally_plain_findings_is_kept():
    other = claim("q#3", "Three people were shot outside the bar, officers said.", outlet="Q", day=11, start=200)
    findings = [finding("update", OLD, "two", PLAIN, "three", 0.58), finding("update", OLD, "two", other, "Three", 0.7)]
    (kept,) = one_per_disagreement(findings)
    assert kept.b.id == "q#3"


def test_other_values_or_other_outlets_are_other_disagreements():
    four = claim("r#1", "Police said a gunman shot four people outside the bar.", outlet="R", day=11)
    five = claim("s#1", "The gunman shot five people, police said.", outlet="S", day=11)
    three = claim("t#1", "The gunman wounded three people, police said.", outlet="T", day=11)
    findings = [finding("update", OLD, "two", four, "four"), finding("update", OLD, "two", PLAIN, "three"),
                finding("number", five, "five", three, "three")]
    assert len(one_per_disagreement(findings)) == 3  # two, three and four; five against three of other outlets


def test_polarity_findings_are_never_one_disagreement_by_their_values():
    a = claim("a#1", "The mayor said the plant would close.", outlet="A")
    b = claim("b#1", "The mayor denied the plant would close.", outlet="B")
    c = claim("a#2", "The mayor said the school would move.", outlet="A")
    d = claim("b#2", "The mayor denied the school would move.", outlet="B")
    findings = [finding("polarity", a, "said", b, "denied"), finding("polarity", c, "said", d, "denied")]
    assert len(one_per_disagreement(findings)) == 2


def test_signs_of_a_sentence_stating_its_value_other_than_plainly():
    def signs(c: Claim, value: str) -> int:
        at = c.start + c.text.index(value)
        return indirectness(c, (at, at + len(value)))
    assert signs(PLAIN, "three") == 0
    assert signs(CAPTION, "three") == 2  # the caption button, no sentence end
    assert signs(POST, "3") == 3  # a handle and hashtag, a relative clause, no sentence end
    video = claim("v#1", "Shooting outside a bar | 01:12 Police said a 41-year-old man was held.", outlet="V")
    assert signs(video, "41") == 1


def test_compare_pairs_flags_one_figure_given_in_two_sentences_of_each_outlet_once():
    lede_a = claim("a#1", "The fire destroyed 12 homes in Kellow, officials said.", outlet="A")
    caption_a = claim("a#2", "The fire destroyed 12 homes in Kellow, officials said. View Full Caption", outlet="A",
                      start=300)
    lede_b = claim("b#1", "The fire destroyed 14 homes in Kellow, officials said.", outlet="B", day=12)
    post_b = claim("b#2", "The fire destroyed 14 homes in Kellow @ #kellowfire", outlet="B", day=12, start=300)
    claims = {1: lede_a, 2: caption_a, 3: lede_b, 4: post_b}
    flags = compare_pairs([(2, 4, 0.95), (1, 3, 0.95)], claims, EntityResolver())
    (number,) = [f for f in flags if f.type == "number"]
    assert number.claims == ("a#1", "b#1") and number.values == {"A": "12", "B": "14"}


def with_event(c: Claim, value: str, event: str) -> Claim:
    """``c`` with the figure worded ``value`` read as a figure of the verb ``event``."""
    at = c.start + c.text.index(value)
    return replace(c, quantities=tuple(replace(q, event=event) if q.start == at else q for q in c.quantities))


def test_a_disagreement_read_off_several_sentences_cites_each_articles_plainest_sentence():
    old = with_event(OLD, "two", "wound")
    post = with_event(POST, "3", "shoot")
    caption = with_event(CAPTION, "three", "shoot")
    lede = with_event(claim("q#0", "A gunman shot three people outside a bar in Dunmore, police said.", outlet="Q",
                            day=11, start=10), "three", "shot")
    later = with_event(claim("q#5", "Officers said the man fired at the group and hit three people.", outlet="Q", day=11,
                             start=600), "three", "hit")
    arrests = with_event(claim("q#4", "Three people were arrested later, police said.", outlet="Q", day=11, start=0),
                         "Three", "arrest")
    story = [old, post, caption, lede, later, arrests]
    findings = [finding("update", old, "two", post, "3", 0.62), finding("update", old, "two", caption, "three", 0.61)]
    (kept,) = one_per_disagreement(findings, story)
    # the lede: no sign of indirect statement and the earliest; "shot" is a form of the caption's shoot;
    # the arrests, earlier still, and the later "hit" are figures of other verbs
    assert kept.b.id == "q#0" and kept.value_b == "three" and kept.a.id == "p#1"
    at = lede.text.index("three")
    assert kept.span_b == (lede.start + at, lede.start + at + len("three"))


def test_a_disagreement_read_off_one_pair_also_cites_the_plainest_sentences():
    old = with_event(OLD, "two", "wound")
    caption = with_event(CAPTION, "three", "shoot")
    lede = with_event(claim("q#0", "A gunman shot three people outside a bar in Dunmore, police said.", outlet="Q",
                            day=11, start=10), "three", "shoot")
    (kept,) = one_per_disagreement([finding("update", old, "two", caption, "three")], [old, caption, lede])
    assert kept.b.id == "q#0" and kept.a.id == "p#1"


def test_a_single_pair_moved_to_plainer_sentences_keeps_its_agreeing_copies():
    old = with_event(OLD, "two", "wound")
    copy = with_event(claim("r#1", "A gunman wounded two people outside a bar in Dunmore.", outlet="R"), "two", "wound")
    caption = with_event(CAPTION, "three", "shoot")
    lede = with_event(claim("q#0", "A gunman shot three people outside a bar in Dunmore, police said.", outlet="Q",
                            day=11, start=10), "three", "shoot")
    single = replace(finding("number", old, "two", caption, "three"), also=(copy,))
    (kept,) = one_per_disagreement([single], [old, copy, caption, lede])
    assert kept.b.id == "q#0" and kept.also == (copy,)


def test_a_single_pair_with_no_plainer_sentence_is_left_as_it_is():
    old = with_event(OLD, "two", "wound")
    lede = with_event(claim("q#0", "A gunman shot three people outside a bar in Dunmore, police said.", outlet="Q",
                            day=11, start=10), "three", "shoot")
    arrests = with_event(claim("q#4", "Three people were arrested later, police said.", outlet="Q", day=11, start=0),
                         "Three", "arrest")
    single = finding("update", old, "two", lede, "three")
    (kept,) = one_per_disagreement([single], [old, lede, arrests])
    assert kept is single  # the earlier sentence gives three of another verb


def dated(c: Claim, words: str, event: str, day: int) -> Claim:
    """``c`` with the date worded ``words`` read as the day ``day`` of March, dating the verb ``event``."""
    at = c.start + c.text.index(words)
    iso = f"2026-03-{day:02d}"
    return replace(c, times=(TimeExpr(words, at, at + len(words), "DATE", iso, earliest=iso, latest=iso,
                                      event=event),))


def test_a_date_told_in_a_caption_further_down_is_cited_from_the_lede():
    other = dated(claim("p#1", "Deputies said the boy was shot in Dunmore on March 4.", outlet="P"),
                  "March 4", "shoot", 4)
    lede = dated(claim("q#0", "Young Teo Marsh was shot and killed by a burglar on Thursday, March 5.", outlet="Q",
                       start=0), "Thursday, March 5", "kill", 5)
    caption = dated(claim("q#6", "Lina Marsh, 31, and her son who were shot in a burglary on Thursday, March 5.",
                          outlet="Q", start=900), "Thursday, March 5", "shoot", 5)
    arrest = dated(claim("q#2", "A neighbour was arrested on Thursday, March 5.", outlet="Q", start=300),
                   "Thursday, March 5", "arrest", 5)
    (kept,) = one_per_disagreement([finding("timeline", other, "March 4", caption, "Thursday, March 5")],
                                   [other, lede, caption, arrest])
    # the lede dates the shooting too ("shot and killed"); the arrest, of another verb, is never cited
    assert kept.b.id == "q#0" and kept.value_b == "Thursday, March 5" and kept.a.id == "p#1"
    at = lede.text.index("Thursday")
    assert kept.span_b == (at, at + len("Thursday, March 5"))


def test_a_date_relative_to_the_reports_day_stays_in_its_sentence():
    other = dated(claim("p#1", "The clinic closed its doors on March 4.", outlet="P"), "March 4", "close", 4)
    said = dated(claim("q#6", "The clinic closed last week, its owner said.", outlet="Q", start=900),
                 "last week", "close", 5)
    early = dated(claim("q#0", "The owner moved to Dunmore last week.", outlet="Q", start=0), "last week", "close", 5)
    single = finding("timeline", other, "March 4", said, "last week")
    (kept,) = one_per_disagreement([single], [other, said, early])
    assert kept is single
