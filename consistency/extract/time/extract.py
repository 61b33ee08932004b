"""Find time expressions in English news text and normalise them to TIMEX3 values.

A rule grammar in the manner of HeidelTime: the patterns of ``rules.py`` propose spans, the longest
non-overlapping ones win, and each is normalised against the publication date (the anchor),
the tense of the sentence around it and the last date the text mentioned.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from datetime import date, datetime, timedelta

from ...lexicon import SPEECH_TIME_CUES
from ...records import TimeExpr
from .lexicon import HALF_OF, WEEKDAY_RE
from .normalise import bounds
from .rules import COMPILED, range_end

_FUTURE = {"will", "wo", "'ll", "’ll", "shall", "going", "expect", "expects", "expected", "plan",
           "plans", "planning", "scheduled", "schedule", "due", "intend", "intends", "would",
           "upcoming", "tomorrow", "hope", "hopes", "aims", "aim", "might", "may", "ready",
           "preparing", "soon"}
_DEADLINE_BEFORE = re.compile(r"\b(?:by|before|until|till|through)\s+$", re.I)
# a deadline is also put ahead by what may or is forecast to happen ("could reach 5 pct by year-end"),
# words too loose to set the tense of a sentence by themselves
_DEADLINE_CUES = _FUTURE | {"could", "should", "can", "forecast", "forecasts", "predicted", "projected"}
# the verbs among them that govern the words after them: a season they speak of lies ahead ("could
# open in the autumn"), where a looser cue before it ("behind schedule because the winter was cold") need not
_MODAL_VERBS = {"will", "would", "could", "should", "can", "may", "might", "shall", "expect", "expects",
                "intends", "plans", "forecast", "forecasts", "predicted", "projected", "aims", "hopes"}
_PRESENT = {"is", "are", "am", "meets", "begins", "starts", "opens", "ends",
            "takes", "holds", "closes", "comes", "goes"}
_PAST = {"said", "was", "were", "had", "did", "ago", "last", "yesterday", "told", "made", "took",
         "gave", "came", "went", "met", "began", "rose", "fell", "won", "lost", "sold", "bought",
         "paid", "left", "held", "saw", "got", "became", "wrote", "spoke", "ran", "led", "put",
         "set", "cut", "hit", "quit", "shut", "closed",
         # irregular past forms and participles ("had been", "was last seen", "brought in")
         "been", "seen", "brought", "thought", "found", "kept", "sent", "spent", "built", "heard",
         "felt", "meant", "stood", "caught", "taught", "fought", "sought", "struck", "shot",
         "taken", "given", "shown", "known", "done", "gone", "begun", "chosen", "written",
         "spoken", "driven", "fallen", "grown", "risen", "broke", "broken", "drew", "drawn",
         "flew", "knew", "threw", "grew", "chose", "rode", "woke", "fled", "sank", "swore",
         "forgot", "hung", "slid", "spun", "won", "withdrew", "overtook", "undertook"}
_NOT_PAST = {"need", "indeed", "red", "bed", "speed", "seed", "feed", "deed", "reed", "weed", "heed", "shed",
             "sled", "aged", "succeed", "proceed", "exceed", "breed", "bleed", "embed", "hundred", "united",
             "based", "limited", "proposed", "expected", "scheduled", "planned", "related"}
_WORD = re.compile(r"[A-Za-z'’]+")
# the word right before a date that fixes its direction whatever the verb ("since March")
# "to" before a bare verb: what is set, planned or due to happen ("planned to leave on Thursday")
_INFINITIVE = re.compile(r"\s+(?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|be|have|date"
                         r"|court|port|power|office|work|school|market|death|war|trial|prison|jail|bed|town"
                         r"|light|life|help)\b)[a-z]+(?:\s|$)")
_AIMED = re.compile(r"\b(?:planned|plans|set|scheduled|due|is|are|was|were|ready|expected|going|about|poised"
                    r"|prepared|intended|agreed|promised|vowed|decided|threatened)\s+$", re.I)
# not "ending": a period "ending June 30" may still be running or ahead ("expects a loss for the
# quarter ending June 30"), so its tense decides, as for any date
_LEAD_PAST = re.compile(r"\b(?:since|ended|dating\s+(?:back\s+)?to)\s+(?:on\s+|in\s+)?(?:the\s+)?$", re.I)
# "this year" right after a day is that day's year, not a new clause's subject ("this year's")
_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?(this|last|next)\s+year\b(?!['’]s|\s+(?:is|was|has|had|will)\b)", re.I)
# a split year or a quarter or half with its year, then the day that closes it ("1986/87, ending")
_PERIOD_ENDING = re.compile(r"(?:\b(?P<y>(?:19|20)\d\d)[/-](?P<y2>\d\d|(?:19|20)\d\d)(?:\s+(?:[a-z]+\s+)?(?:year|season|period))?"
                            r"|\b(?:quarter|half)\s+(?P<q>(?:19|20)\d\d))\)?,?\s+(?:which\s+|that\s+)?"
                            r"(?:ended|ending)\s+(?:on\s+)?$", re.I)
# "effective Feb. 1": the day a decision takes hold, announced before it
_LEAD_FUTURE = re.compile(r"\b(?:until|till|as\s+soon\s+as|effective(?:\s+from)?)\s+(?:on\s+|in\s+)?$", re.I)
# cue words that are nouns after a determiner, not verbs of the clause ("in the hope of", "their plans")
_NOUN_CUES = {"hope", "hopes", "plan", "plans", "schedule", "aim", "aims"}
_DETERMINER = re.compile(r"\b(?:the|a|an|his|its|their|our)\s+$", re.I)
_SENT_END = re.compile(r"(?<![A-Z][a-z])(?<![A-Z])[.!?][\"'”’)]*\s+(?=[A-Z\"“'‘(])|\n\s*\n")
# a full stop after a title or "vs." does not end the sentence ("Sen. Ames", "Roe vs. Wade")
_WORD_BEFORE = re.compile(r"(?:^|\W)(?:vs?|Gen|Sen|Rep|Gov|Col|Capt|Sgt|Maj|Cmdr|Adm|Atty|Lt|Rev|Prof|Supt|Insp|Det)$")


# a reporting span longer than a quarter: the figures compared "a year earlier" are that span's
_MONTHS_SPAN = re.compile(r"\b(?:nine|six|9|6)[- ]months?\b|\byear[- ]to[- ]date\b", re.I)
# a quarter of a reporting year, not "headquarters", "a quarter-century", "a quarter of the vote",
# "living quarters", "in some quarters"
_FISCAL_QUARTER = re.compile(
    r"(?<!\bliving\s)(?<!\bclose\s)(?<!\bsome\s)\bquarter(?:s|ly)?\b"
    r"(?!-(?:century|mile|point|inch|pound|final)|\s+(?:of\s+a\s+)?century)"
    r"(?!(?:(?<=\ba\squarter)|(?<=\bone\squarter)|(?<=\bthree\squarters))\s+of\s+(?!the\s+year|fiscal|\d))", re.I)
_OPENS_CLAUSE = {"that", "but", "which", "who", "whom", "whose", "when", "while", "because", "although"}
# what opens another clause between a date and a verb after it
_CLAUSE = re.compile(r"\b(?:that|he|she|they|it|we|I|who|how|whom|what|whether|if|when|which)\b|[,;:\"“”]")
# a day a present verb sets a happening on is ahead: "the summit opens Monday", "the vote is Friday"
_SCHEDULED = re.compile(r"\b(?:is|are|(?:open|begin|start|end|close|meet|resume|convene|reconvene|expire)s?)"
                        r"\s+(?:(?:on|in|at|until|through|by)\s+)?$", re.I)
_FOLLOWED_BY = re.compile(r"\s+by\b", re.I)
_CLAUSE_END = re.compile(r"[;:.!?\"“”]|''|[’'](?=[\s,])")
# a plan told in the past ("was to arrive Monday", "were scheduled to leave Tuesday"), its weekday in the
# same clause: whether it is still ahead is not told, so the weekday is the one nearer the story's day
_PLANNED_THEN = re.compile(r"\b(?:was|were)\s+(?:(?:also|then|originally|initially|first|still|not)\s+)?"
                           r"(?:(?:due|scheduled|set|expected|slated|supposed)\s+)?to\s+[a-z-]+\b[^,.;:!?\"“”]{0,60}$",
                           re.I)
# a condition in the present is about what is still to come ("if she wins the vote Tuesday")
_CONDITION = re.compile(r"\b(?:if|unless)\b[^,.;:!?\"“”]*$", re.I)
_SPEECH_VERBS = {"said", "told", "announced", "added", "stated", "reported", "wrote"}


def _cue_word(w: str) -> str:
    """A lower-cased word as the tense cues read it: a contracted "will" ("we'll", "it’ll", "won't"),
    which the tokens keep whole, as "will"."""
    return "will" if w.endswith(("'ll", "’ll")) or w in ("won't", "won’t") else w


# a date right after a past verb of saying is the day it was said ("he said in July", "told the
# Daily Ledger in February", "wrote on Monday"), whatever the quote or clause around it tells
_SAID_BEFORE = re.compile(r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)"  # not "will be announced on"
                          r"\b(?:said|told|announced|added|stated|wrote|declared|insisted)"
                          r"(?P<mid>(?:\s+[A-Za-z.'’]+){0,4}?)\s+(?:(?:on|in|at|during|late|early)\s+)?$")
# what may stand between the verb and the date: whom it was told to, by name, or where it was said
_TOLD_WORDS = {"the", "a", "an", "in", "at", "on", "during", "him", "her", "them", "us", "me", "reporters",
               "journalists", "supporters", "voters", "lawmakers", "members", "interview", "statement"}


def _said_before(lead: str) -> bool:
    """Whether ``lead`` ends in a past verb of saying and the words naming whom it was told to."""
    m = _SAID_BEFORE.search(lead)
    return bool(m) and all(w[0].isupper() or w in _TOLD_WORDS for w in m.group("mid").split())


def _is_past(w: str) -> bool:
    """Whether a lower-cased word reads as a past verb form."""
    return w in _PAST or (w.endswith("ed") and len(w) > 3 and w not in _NOT_PAST)


_BE_BEFORE = re.compile(r"\bbe\s+$", re.I)


def _after_be(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` follows a bare "be": a passive after a modal or "to" ("should be
    completed in October", "is due to be finished"), which says nothing of the past."""
    return bool(_BE_BEFORE.search(text, max(0, pos - 4), pos))


class Context:
    """Document state used while normalising: anchor, tense cues and the last date seen."""

    def __init__(self, text: str, anchor: date, probe: bool = False) -> None:
        self.text = text
        self.anchor = anchor
        self.probe = probe  # the first pass, which only asks whether a span can be normalised at all
        self.ref: tuple[str, str] | None = None  # (value, granularity) of the last date seen
        self.last: tuple[int, str, str] | None = None  # (start, value, granularity) of the last date of any rule
        self.last_q: str | None = None
        self.derived = False  # set by a rule whose value was computed from the reference time
        self._bounds = [0] + [m.end() for m in _SENT_END.finditer(text)
                              if not _WORD_BEFORE.search(text[max(0, m.start() - 6):m.start()])] + [len(text)]

    def _sentence(self, start: int, end: int) -> tuple[int, int]:
        b = self._bounds  # sorted: bisect keeps a long article linear in its time expressions
        i = bisect.bisect_right(b, start) - 1
        j = bisect.bisect_left(b, end)
        return (b[i] if i >= 0 else 0), (b[j] if j < len(b) else len(self.text))

    def tense(self, start: int, end: int, future_first: bool = False) -> str | None:
        """"past", "future", "present" or None from the verb cue nearest the span.

        With ``future_first`` any future cue in the sentence wins ("said it will report
        on Nov. 16").
        """
        lo, hi = self._sentence(start, end)
        lead = self.text[max(lo, start - 30):start]
        if _LEAD_PAST.search(lead) or _said_before(self.text[max(lo, start - 50):start]):
            return "past"
        if _LEAD_FUTURE.search(lead) and not re.search(r"\bhad\b", self.text[lo:hi], re.I):
            return "future"  # "until Tuesday" is a deadline still ahead, unless told as over ("had")
        best: tuple[int, str] | None = None
        if future_first:
            fut = [m.end() for m in _WORD.finditer(self.text, lo, start) if self._future_cue(m)]
            # unless a past verb stands between it and the date ("it will ... since he was rescued in")
            if fut and not any(_is_past(m.group().lower()) and m.group().lower() not in _SPEECH_VERBS
                               for m in _WORD.finditer(self.text, fut[-1], start)):
                return "future"
            if not fut and any(self._future_cue(m) for m in _WORD.finditer(self.text, end, hi)):
                return "future"
        # a past verb before the date governs it over a future one in the clause after it ("told
        # voters Sunday that he would", "announcing on Wednesday he would meet")
        past_before = False  # the last past verb before the date, in its clause, not after "has"/"have"
        words = list(_WORD.finditer(self.text, lo, start))
        for i in range(len(words) - 1, -1, -1):
            w = words[i].group().lower()
            if w in _OPENS_CLAUSE:
                break
            if _is_past(w) and w != "last" and not _after_be(self.text, words[i].start()):
                past_before = not (i and words[i - 1].group().lower() in ("has", "have"))
                break
        for m in _WORD.finditer(self.text, lo, hi):
            if start <= m.start() < end:
                continue
            w = _cue_word(m.group().lower())
            if m.group() == "May":
                continue
            skip_future = past_before and m.start() >= end and _CLAUSE.search(self.text, end, m.start())
            aimed = (w == "to" and m.end() <= start and _INFINITIVE.match(self.text, m.end())
                     and _AIMED.search(self.text, max(lo, m.start() - 14), m.start()))
            if aimed or (w in _FUTURE and self._future_cue(m)):
                if skip_future:
                    continue
                kind = "future"
            elif _is_past(w) and not _after_be(self.text, m.start()) and not self._not_governing(m, end):
                kind = "past"
            elif w in _PRESENT:
                kind = "present"
            else:
                continue
            dist = start - m.end() if m.end() <= start else m.start() - end
            dist += 0 if m.end() <= start else 3  # a verb before the time phrase governs it more often
            if best is None or dist < best[0]:
                best = (dist, kind)
        return best[1] if best else None

    def _not_governing(self, m: re.Match, end: int) -> bool:
        """Whether a past verb says nothing of the date's tense: "followed by" after a comma, which
        adds the next thing in a sequence ("opens on Monday, followed by a vote on Tuesday"), or the
        verb of a short attribution ending the sentence after the date ("... on Tuesday, a spokesman
        said.")."""
        w = m.group().lower()
        if w == "followed" and _FOLLOWED_BY.match(self.text, m.end()) \
                and re.search(r",\s*$", self.text[max(0, m.start() - 3):m.start()]):
            return True
        if w not in _SPEECH_VERBS or m.start() < end:
            return False
        between = self.text[end:m.start()]
        comma = max(between.rfind(","), between.rfind("—"))
        lo, hi = self._sentence(m.start(), m.end())
        return (comma >= 0 and len(_WORD.findall(between[comma:])) <= 5 and not _CLAUSE_END.search(between)
                and len(_WORD.findall(self.text[m.end():hi])) <= 2 and self._inside_clause(lo, end - 1))

    def _inside_clause(self, lo: int, pos: int) -> bool:
        """Whether the date at ``pos`` comes after a few words of its clause, not at its head ("but on
        Tuesday, the party announced ...", where the verb after it is the clause's own)."""
        head = re.split(r"[,;:]|\bbut\b", self.text[lo:pos])[-1]
        return len(_WORD.findall(head)) >= 4

    def deadline_ahead(self, start: int, end: int) -> bool:
        """Whether the span is a deadline still ahead: after "by"/"before"/"until"/"through", with a
        modal or forecast verb speaking of it ("said the currency could firm by year-end")."""
        return bool(_DEADLINE_BEFORE.search(self.text, max(0, start - 10), start)) and self.modal_ahead(start, end)

    def modal_ahead(self, start: int, end: int) -> bool:
        """Whether a modal or a forecast verb of the sentence speaks of the span as still ahead: one
        before it with no past verb between but one of saying ("said the currency could firm by
        year-end"), or, with none before, one after it ("By year-end, he said, the line will run")."""
        lo, hi = self._sentence(start, end)
        cue = self._last_cue(lo, start, _DEADLINE_CUES)
        if cue is not None:
            return self._nothing_past_between(cue.end(), start)
        return any(self._future_cue(m, _DEADLINE_CUES) for m in _WORD.finditer(self.text, end, hi))

    def modal_before(self, start: int, end: int) -> bool:
        """Whether a modal verb before the span in its sentence speaks of it, with no past verb
        between but one of saying ("said the fair could open in the spring"); one after it may
        belong to another clause ("since she took over in the spring, aides would ...")."""
        cue = self._last_cue(self._sentence(start, end)[0], start, _MODAL_VERBS)
        return cue is not None and self._nothing_past_between(cue.end(), start)

    def _last_cue(self, lo: int, start: int, cues: set[str]) -> re.Match | None:
        """The last word of ``cues`` pointing ahead between ``lo`` and ``start``."""
        found = [m for m in _WORD.finditer(self.text, lo, start) if self._future_cue(m, cues)]
        return found[-1] if found else None

    def _nothing_past_between(self, lo: int, hi: int) -> bool:
        """Whether no past verb but one of saying stands between ``lo`` and ``hi``."""
        return not any(_is_past(w.group().lower()) and w.group().lower() not in _SPEECH_VERBS
                       for w in _WORD.finditer(self.text, lo, hi))

    def _future_cue(self, m: re.Match, cues: set[str] = _FUTURE) -> bool:
        """Whether a word points ahead: one of ``cues`` ("will", "we'll", "plans"), not the month "May"
        nor a noun ("the hope")."""
        w = _cue_word(m.group().lower())
        return (w in cues and m.group() != "May"
                and not (w in _NOUN_CUES and _DETERMINER.search(self.text, max(0, m.start() - 8), m.start())))

    def _pick_year(self, make, start: int, end: int) -> int | None:
        """The year putting ``make(year)`` nearest the anchor, against the tense's direction at a cost."""
        a, t = self.anchor, self.tense(start, end, future_first=True)
        if t != "past" and _SCHEDULED.search(self.text, max(0, start - 30), start):
            t = "future"  # "the election is in November", "the trial opens on Jan. 8"
        # "since March" is behind the publication date whatever the distance
        behind = bool(_LEAD_PAST.search(self.text[max(0, start - 30):start]))
        best: tuple[float, int] | None = None
        for y in (a.year - 1, a.year, a.year + 1):
            d = make(y)
            if d is None:
                continue
            gap = (d - a).days
            if behind and gap > 0:
                continue
            cost = abs(gap) * (3 if (t == "past" and gap > 0) or (t == "future" and gap < 0) else 1)
            if best is None or cost < best[0]:
                best = (cost, y)
        return best[1] if best else None

    def part_year(self, first: int, last: int, start: int, end: int) -> int:
        """The year of months ``first``..``last`` of a year the text names only as "the year" or a
        part of it: the publication year, unless a past sentence is about a part that has barely
        begun (a sum collected in the second half of the year, told in January: the year before) or
        a future one about a part long over ("will grow in the first half", said in November: the
        year after). As with a bare month, the part nearest publication wins, at three times the
        cost when it lies against the tense. A past sentence cannot be about the days still to
        come, and less than a sixteenth of a part gone is as good as none (the year's
        best month, told in the first days of January); a future one can be about what is left of a part
        (a deadline before the end of the year, said in December), so only a part over looks a year ahead."""
        a, y = self.anchor, self.anchor.year

        def lo(y: int) -> date:
            return date(y, first, 1)

        def hi(y: int) -> date:  # the day after the part
            return date(y + (last == 12), last % 12 + 1, 1)

        edge = (hi(y) - lo(y)).days / 16
        if (a - hi(y - 1)).days < 3 * ((lo(y) - a).days + edge) and self.tense(start, end) == "past" \
                and not self.deadline_ahead(start, end):
            return y - 1
        if (lo(y + 1) - a).days < 3 * (a - hi(y)).days \
                and self.tense(start, end, future_first=True) == "future":
            return y + 1
        return y

    def month_year(self, month: int, start: int, end: int) -> int:
        """Year of a month named without one."""
        y = self._pick_year(lambda y: date(y, month, 15), start, end)
        return y if y is not None else self.anchor.year

    def month_day(self, month: int, day: int, start: int, end: int) -> date | None:
        """Date of a month and day named without a year."""
        def make(y: int) -> date | None:
            try:
                return date(y, month, day)
            except ValueError:
                return None

        y = self._year_after(end)
        y = y if y is not None else self._ended_in(start)
        y = y if y is not None else self._pick_year(make, start, end)
        return make(y) if y is not None else None

    def _year_after(self, end: int) -> int | None:
        """The year a day names right after it ("on May 4 next year", "signed on June 2, last year")."""
        m = _YEAR_AFTER.match(self.text, end)
        return self.anchor.year + {"last": -1, "this": 0, "next": 1}[m.group(1).lower()] if m else None

    def _ended_in(self, start: int) -> int | None:
        """The year a period written with its year closes in, for the day after it that closes it
        ("the 2031/32 budget year ending March 31": 2032; "third quarter 2030 ended Sept 30": 2030)."""
        m = _PERIOD_ENDING.search(self.text, max(0, start - 60), start)
        if not m:
            return None
        if m.group("q"):
            return int(m.group("q"))
        y, y2 = int(m.group("y")), m.group("y2")
        later = int(y2) if len(y2) == 4 else y // 100 * 100 + int(y2) + (100 if int(y2) <= y % 100 else 0)
        return later if later == y + 1 else None

    def weekday(self, wd: int, start: int, end: int) -> date:
        """The weekday meant: the latest one in past-tense context, else the coming one."""
        a = self.anchor
        if self.text[end:end + 2] in ("'s", "’s"):  # "Wednesday's ruling": a happening already known
            return a - timedelta(days=(a.isoweekday() - wd) % 7)
        if _PLANNED_THEN.search(self.text, max(self._sentence(start, end)[0], start - 100), start):
            back = (a.isoweekday() - wd) % 7
            return a - timedelta(days=back) if back <= 3 else a + timedelta(days=7 - back)
        t = self.tense(start, end)
        if t == "future" or (t != "past" and (_SCHEDULED.search(self.text, max(0, start - 30), start)
                                              or self._in_condition(start, end))):
            return a + timedelta(days=(wd - a.isoweekday()) % 7)
        return a - timedelta(days=(a.isoweekday() - wd) % 7)

    def _in_condition(self, start: int, end: int) -> bool:
        """Whether the date sits in a clause opened by "if" or "unless" ("if she wins the vote Tuesday")."""
        return bool(_CONDITION.search(self.text, max(self._sentence(start, end)[0], start - 60), start))

    def ref_day(self) -> date | None:
        if self.ref and self.ref[1] in ("day", "time"):
            return date.fromisoformat(self.ref[0][:10])
        return None

    def sentence_day(self, pos: int) -> str | None:
        """The day the sentence around ``pos`` named before it, read off the text, if any."""
        if self.last and self.last[0] >= self._sentence(pos, pos)[0] and self.last[2] == "day":
            return self.last[1]
        return None

    def ref_date(self, unit: str, pos: int | None = None) -> date | None:
        """A day inside the last mentioned period, if that period is at least as fine as ``unit``;
        with ``pos``, a period the same sentence named before it comes first ("this fiscal year,
        up 15% over the previous year"), whether read off the text or counted."""
        ref = self.ref
        if pos is not None and self.last and self.last[0] >= self._sentence(pos, pos)[0]:
            ref = self.last[1:]
        if not ref:
            return None
        order = ["time", "day", "week", "month", "quarter", "half", "season", "year"]
        v, g = ref
        if g not in order or unit not in order or order.index(g) > order.index(unit):
            return None
        _, lo, _ = bounds(v)
        return date.fromisoformat(lo) if lo else None

    def last_quarter(self) -> str | None:
        """The last quarter value the text mentioned ("1989-Q3")."""
        return self.last_q

    def quarter_context(self, pos: int) -> bool:
        """Whether the nearby text talks about quarters (financial reporting), unless the sentence
        or the one before moved on to a span of months ("in the first nine months ... a year earlier")."""
        lo, _ = self._sentence(pos, pos)
        lo, _ = self._sentence(max(0, lo - 2), max(0, lo - 2))
        spans = list(_MONTHS_SPAN.finditer(self.text, lo, pos))
        if spans and not _FISCAL_QUARTER.search(self.text, spans[-1].end(), pos):
            return False
        if self.ref and self.ref[1] == "quarter":
            return True
        return bool(_FISCAL_QUARTER.search(self.text, max(0, pos - 300), pos + 80))


# Rules whose values are read off the text rather than computed from the last reference.
_ABSOLUTE = {"time", "clock", "mdy", "day_range", "dmy", "month", "weekday", "dayrel", "year", "quarter",
             "quarter_code", "season", "holiday", "year_words", "year_end_named"}


# rules that cannot match without one of these strings: most texts skip their scan
_NEEDS = {"long_adj": ("-long", "-Long", "-LONG"), "nth_day": ("day of", "Day of", "DAY OF"),
          "week_in_month": ("week of", "Week of", "WEEK OF"),
          "year_end_named": ("ear-end", "ear end", "EAR-END", "EAR END")}
# rules scanned only in a window around each hit of a cheap hint: a count in hundreds or thousands,
# two numbers joined as a range (case-sensitive, with no leading class: "undred" holds "Hundreds")
_AROUND = {"duration_big": re.compile(r",\d\d\d[\s-]|undred|housand|ozens"),
           "day_range": re.compile(r"\d(?:\s*[-–]\s*|\s+(?:to|through|until|till)\s+)\d")}


def _around(rx: re.Pattern, hint: re.Pattern, text: str) -> list[re.Match]:
    """The matches of ``rx`` that hold a hit of ``hint``, each found once, searching only near the hits."""
    out, seen = [], set()
    for h in hint.finditer(text):
        end = min(len(text), h.end() + 80)
        for m in rx.finditer(text, max(0, h.start() - 60), end):
            # a match running up to the window's edge may be one the text goes on past
            if m.end() == end < len(text):
                continue
            if m.start() <= h.start() and m.end() >= h.end() and m.span() not in seen:
                seen.add(m.span())
                out.append(m)
    return out


def _candidates(text: str) -> list[tuple[int, int, int, str, re.Match]]:
    out = []
    for prio, (name, rx, _) in enumerate(COMPILED):
        if name in _NEEDS and not any(k in text for k in _NEEDS[name]):
            continue
        for m in (_around(rx, _AROUND[name], text) if name in _AROUND else rx.finditer(text)):
            s, e = m.span()
            while e > s and text[e - 1] in " ,":
                e -= 1
            if name.startswith("duration") and m.group("the") and "-" in text[m.start("n"):m.start("u")]:
                s = m.start("adj") if m.group("adj") else m.start("n")  # "the five-year plan"
            if e > s:
                out.append((s, e, prio, name, m))
    return out


def _normalised(name: str, m: re.Match, ctx: "Context"):
    """The handler's (type, value, mod), or None when the value would fall off the calendar."""
    try:
        return _HANDLERS[name](m, ctx)
    except (OverflowError, ValueError):  # "in 9000 years", "the day after 9999-12-31"
        return None


def find_times(text: str, anchor: date | datetime) -> list[TimeExpr]:
    """Time expressions in ``text``, normalised against the publication date ``anchor``."""
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    probe = Context(text, anchor, probe=True)
    cands = []
    for s, e, prio, name, m in _candidates(text):
        if _normalised(name, m, probe) is not None:
            cands.append((s, e, prio, name, m))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int, int, str, re.Match]] = []
    starts: list[int] = []  # sorted starts of the taken spans, which never overlap one another
    ends: list[int] = []
    for c in cands:
        i = bisect.bisect_left(starts, c[0])
        if (i < len(starts) and starts[i] < c[1]) or (i > 0 and ends[i - 1] > c[0]):
            continue
        starts.insert(i, c[0])
        ends.insert(i, c[1])
        taken.append(c)
    taken.sort(key=lambda c: c[0])
    ctx = Context(text, anchor)
    captions = _caption_spans(text)
    out: list[TimeExpr] = []
    deictic: list[tuple[int, str, re.Match]] = []  # out index, rule and match of what is read from publication
    for s, e, _, name, m in taken:
        ctx.derived = False
        r = _normalised(name, m, ctx)
        if r is None:
            continue
        typ, value, mod = r
        if name == "weekday" and _in_title(text, s, e):
            continue
        value, mod = _year_half(text[s:e], value, mod)
        if typ in ("DATE", "TIME"):
            mod = _bound_mod(text[max(0, s - 20):s]) or mod
        if typ in ("DATE", "TIME") and value[:1].isdigit():
            try:
                gran, lo, hi = bounds(value, mod)
            except (OverflowError, ValueError):  # a date past the calendar's ends: not a usable value
                continue
            if gran == "quarter" and not ctx.derived:
                ctx.last_q = value
            # a caption's date is when the picture was taken, not where the story is
            if name in _ABSOLUTE and gran not in ("decade", "century") and not _inside(s, captions):
                ctx.ref = (value, gran)
            if not ctx.derived:  # "the previous year ... the previous year" do not count back twice
                ctx.last = (s, value, gran)
        else:
            gran = "duration" if typ == "DURATION" else "set" if typ == "SET" else "ref"
            lo = hi = None
        if _speaker_relative(name, m):
            deictic.append((len(out), name, m))
        if name == "day_range":  # "Oct. 13-14": the first day, then the second on its own
            end = range_end(value, m) if typ == "DATE" else None
            if end is not None:
                out.append(TimeExpr(text=text[s:m.end("d")], start=s, end=m.end("d"), type=typ, value=value,
                                    granularity=gran, earliest=lo, latest=hi, mod=mod))
                s, value, lo, hi, mod = m.start("d2"), end, end, end, None
            else:  # "Feb. 27-30": the first day alone
                e = m.end("d")
        out.append(TimeExpr(text=text[s:e], start=s, end=e, type=typ, value=value,
                            granularity=gran, earliest=lo, latest=hi, mod=mod))
    return _order_ranges(text, _speech_time(ctx, out, deictic))


# a quoted name in capitals around a weekday: a show or a paper's title ("on “Metro News Sunday”"),
# not a day
_TITLE_BEFORE = re.compile(r"(?:[\"“]|``|'')((?:[A-Z][A-Za-z.&’']*\s+){0,4})$")
_TITLE_AFTER = re.compile(r"((?:\s+[A-Z][A-Za-z.&’']*){0,4})[,.]?(?:[\"”]|'')")


def _in_title(text: str, start: int, end: int) -> bool:
    """Whether a weekday is a word of a quoted title in capitals ("“Metro News Sunday”", "“Friday
    Night Quiz”"), not a day: the quote holds another word besides the weekday and its part of day."""
    before = _TITLE_BEFORE.search(text, max(0, start - 60), start)
    after = _TITLE_AFTER.match(text, end)
    if not before or not after:
        return False
    return bool(before.group(1).strip() or after.group(1).strip())


# a word before a date that bounds one side of it: "by March", "Before 1961", "no later than Friday", "after 1960"
_BOUND_LEAD = re.compile(r"\b(by|before|after|no\s+later\s+than|no\s+earlier\s+than|on\s+or\s+before"
                         r"|on\s+or\s+after)\s+(?:the\s+)?$", re.I)
_BOUND_MODS = {"by": "BEFORE", "before": "BEFORE", "no later than": "ON_OR_BEFORE", "on or before": "ON_OR_BEFORE",
               "after": "AFTER", "no earlier than": "ON_OR_AFTER", "on or after": "ON_OR_AFTER"}


def _bound_mod(lead: str) -> str | None:
    """The TIMEX3 mod a bounding word at the end of ``lead`` gives the date after it, in any case."""
    m = _BOUND_LEAD.search(lead)
    return _BOUND_MODS[" ".join(m.group(1).lower().split())] if m else None


def _year_half(span: str, value: str, mod: str | None) -> tuple[str, str | None]:
    """"the first half of 2025" is TIMEX3's 2025-H1, not the year with START ("of the '80s" keeps the mod)."""
    h = HALF_OF.match(span) if mod in ("START", "END") and len(value) == 4 and value.isdigit() else None
    if not h:
        return value, mod
    return f"{value}-H{1 if h.group('o').lower() == 'first' else 2}", None


_CAPTION = re.compile(
    r"^[ \t]*(?:photo|image|picture|caption|file\s+photo|image\s+caption|pictured)\b\s*[:|-]?.*$"
    r"|^.*(?:\((?:AP|AFP|Reuters|Getty)\b[^)\n]*(?:photo|images?)[^)\n]*\)|\b(?:Photograph|Photo|Image):\s*[^.\n]{0,80})[ \t]*$",
    re.I | re.M)
_CAPTION_HINT = re.compile(r"photo|image|picture|caption", re.I)
_QUOTE = re.compile(r"[\"“](?P<q>[^\"“”\n]{2,600})[\"”]|``(?P<q2>[^\n]{2,600}?)''")
_SPEECH = re.compile(rf"\b{SPEECH_TIME_CUES}\b"
                     r"(?:\s+[a-z]+){0,2}\s+(?:on\s+|late\s+|early\s+)?$", re.I)


def _caption_spans(text: str) -> list[tuple[int, int]]:
    """Lines that caption a picture ("Photo: ...", "... (AP Photo/J. Doe)")."""
    if not _CAPTION_HINT.search(text):
        return []  # most texts have none: skip the line-by-line pattern
    return [m.span() for m in _CAPTION.finditer(text)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether pos falls in one of the spans (sorted by start and not overlapping, as finditer gives them)."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _speaker_relative(name: str, m: re.Match) -> bool:
    """Whether the expression counts from the speaker's day alone: "today", "tomorrow", a weekday,
    "next week", "last month" (not "that Friday", "the following Monday" or "the following week",
    read from the story)."""
    if name == "dayrel":
        return True
    if name == "weekday":
        rel = (m.group("rel") or "").lower().split()
        return rel[-1:] != ["that"] and rel[:1] != ["the"]
    if name != "rel":
        return False
    g = m.groupdict()
    return ((g["det"] or "").lower() in ("last", "next", "this") and not (g.get("adjs") or "").strip()
            and g["u"].lower() in ("week", "weekend", "month", "year") and not g.get("ry"))


def _speech_time(
    ctx: Context, out: list[TimeExpr], deictic: list[tuple[int, str, re.Match]]
) -> list[TimeExpr]:
    """Read "today", "tomorrow", a weekday or "next week" inside a quote from the day it was said
    ("'We leave tomorrow,' she said on Friday"), when the sentence names that day outside the quote."""
    if not deictic:
        return out
    quotes = [m.span() for m in _QUOTE.finditer(ctx.text)]
    starts = [o.start for o in out]  # out is in text order
    at_day: dict[date, Context] = {}  # one reading of the text per day a quote was said on
    for i, name, match in deictic:
        t = out[i]
        if not _inside(t.start, quotes) or not t.value[:1].isdigit():
            continue
        lo, hi = ctx._sentence(t.start, t.end)
        k = bisect.bisect_right(quotes, (t.start, float("inf"))) - 1  # the quote holding t (see _inside)
        lo, hi = min(lo, quotes[k][0]), max(hi, quotes[k][1])
        near = out[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi + 80)]
        said = [o for o in near if o is not t and o.granularity in ("day", "time")
                and not _inside(o.start, quotes) and _SPEECH.search(ctx.text, max(0, o.start - 40), o.start)]
        if not said:
            continue
        said_day = date.fromisoformat(said[0].value[:10])
        if said_day == ctx.anchor:
            continue
        if said_day not in at_day:
            at_day[said_day] = Context(ctx.text, said_day)
        again = _normalised(name, match, at_day[said_day])
        if again is None or again[1] == t.value:
            continue
        value = again[1]
        _, lo_v, hi_v = bounds(value, t.mod)
        out[i] = dataclasses.replace(t, value=value, earliest=lo_v, latest=hi_v)
    return out


# weekdays are read a few days either side of their anchor: "made Friday and Thursday" is a list of
# days, not a range whose start lies a year back
_DAY_NAME = re.compile(WEEKDAY_RE)
_RANGE_GAP = re.compile(r"\s*(?:to|through|until|till|and|-|–|—)\s*$", re.I)


def _order_ranges(text: str, out: list[TimeExpr]) -> list[TimeExpr]:
    """In "from March to May 2024" the first end takes the year of the second, the one before
    it when it would otherwise come after it ("from December to February 2024")."""
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if not (a.type == b.type == "DATE" and a.granularity == b.granularity
                and a.granularity in ("day", "month") and _RANGE_GAP.match(text[a.end:b.start])
                and not re.search(r"\d{4}", a.text) and not _DAY_NAME.search(a.text + " " + b.text)):
            continue
        if a.value <= b.value and not re.search(r"\d{4}", b.text):
            continue
        value = f"{int(b.value[:4]) - (a.value[4:] > b.value[4:])}{a.value[4:]}"
        if value == a.value:
            continue
        _, lo, hi = bounds(value, a.mod)
        out[i] = dataclasses.replace(a, value=value, earliest=lo, latest=hi)
    return out


_HANDLERS = {name: h for name, _, h in COMPILED}
