"""A revision named in the sentence after a changed figure makes the later report an update."""

from datetime import datetime, timezone

from consistency.compare.finding import Finding
from consistency.compare.revision_notes import names_old_figure, next_claims, updates_noted_after
from consistency.records import Attribution, Claim, Quantity


def claim(cid: str, text: str, *, start: int, day: int, figures: tuple[str, ...] = ()) -> Claim:
    """A claim of article ``cid``'s prefix starting at ``start``, with ``figures`` read as counts."""
    qs = []
    for f in figures:
        at = start + text.index(f)
        v = float(f.replace(",", ""))
        qs.append(Quantity(f, at, at + len(f), v, v, v, None, None, "count"))
    article = cid.split("#")[0]
    return Claim(id=cid, article_id=article, outlet=article.upper(),
                 published=datetime(2026, 3, day, 8, tzinfo=timezone.utc), text=text, start=start,
                 end=start + len(text), content=text, attribution=Attribution(source=article, source_kind="outlet"),
                 quantities=tuple(qs), story_id="s1")


def number(a: Claim, b: Claim) -> Finding:
    x, y = a.quantities[0], b.quantities[0]
    return Finding("number", a, b, x.text, y.text, (x.start, x.end), (y.start, y.end), confidence=0.8)


OLD = claim("a#1", "The ferry carried 40 passengers on its last crossing.", start=100, day=2, figures=("40",))
NEW = claim("b#1", "The ferry carried 52 passengers on its last crossing.", start=300, day=3, figures=("52",))


def test_revision_notes_a_next_sentence_naming_the_old_figure_makes_an_update():
    note = claim("b#2", "That was revised from an earlier figure of 40.", start=NEW.end + 1, day=3, figures=("40",))
    (f, score), = updates_noted_after([(number(OLD, NEW), 0.9)], [OLD, NEW, note])
    assert (f.type.value, f.value_a, f.value_b, score) == ("update", "40", "52", 0.9)
    # whichever way round the comparator set the pair, the earlier report is a
    (g, _), = updates_noted_after([(number(NEW, OLD), 0.9)], [OLD, NEW, note])
    assert (g.type.value, g.a.id, g.b.id, g.value_a, g.value_b) == ("update", "a#1", "b#1", "40", "52")


def test_revision_notes_need_the_old_figure_the_next_sentence_and_a_later_report():
    other_figure = claim("b#2", "That is up from 31 a year ago.", start=NEW.end + 1, day=3, figures=("31",))
    far = claim("b#2", "It was revised from 40.", start=NEW.end + 200, day=3, figures=("40",))
    no_cue = claim("b#2", "Some 40 of them were children.", start=NEW.end + 1, day=3, figures=("40",))
    for note in (other_figure, far, no_cue):
        (f, _), = updates_noted_after([(number(OLD, NEW), 0.9)], [OLD, NEW, note])
        assert f.type.value == "number", note.text
    # the note follows the earlier report, not the later one: the later figure is still a conflict
    after_old = claim("a#2", "That was up from 52.", start=OLD.end + 1, day=2, figures=("52",))
    (f, _), = updates_noted_after([(number(OLD, NEW), 0.9)], [OLD, NEW, after_old])
    assert f.type.value == "number"


def test_revision_notes_next_claims_and_cue_reading():
    note = claim("b#2", "The count was lowered from 60 on Monday.", start=NEW.end + 2, day=3, figures=("60",))
    assert next_claims([note, NEW, OLD]) == {"b#1": note}
    assert names_old_figure(note, claim("x#1", "It had 60 seats.", start=0, day=1, figures=("60",)).quantities[0])
    assert not names_old_figure(note, OLD.quantities[0])
