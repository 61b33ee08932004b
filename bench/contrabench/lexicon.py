"""Word pools the injections draw from: outlets, channels, speakers, frames and claim templates."""

from __future__ import annotations

OUTLETS: tuple[str, ...] = (
    "The Harbor Ledger", "Northgate Post", "Daily Meridian", "Capital Wire Review",
    "The Lakeside Courier", "Evening Sentinel", "Pacific Gazette", "Metro Dispatch",
    "The Granite Herald", "Valley Chronicle", "Crossroads Times", "The Civic Observer",
    "Riverbend Journal", "Summit Tribune", "Westfield Standard",
)

# Channels a statement can come through ("told Reuters"); none of them is a fictional outlet above.
CHANNELS: tuple[str, ...] = (
    "Reuters", "the Associated Press", "AFP", "CNN", "the BBC", "Bloomberg", "NBC News",
    "Sky News", "Al Jazeera", "CBS News", "ABC News", "Fox News", "the New York Times",
    "the Washington Post", "People magazine", "ESPN", "Agence France-Presse", "NPR",
)
CHANNEL_PATTERN = (
    r"Reuters|the Associated Press|Associated Press|AP|AFP|Agence France-Presse|CNN|the BBC|BBC|"
    r"Bloomberg|NBC News|NBC|Sky News|Al Jazeera|CBS News|CBS|ABC News|ABC|Fox News|"
    r"the New York Times|the Washington Post|People magazine|People|ESPN|NPR|TMZ|Us Weekly|"
    r"E! News|the Los Angeles Times|USA Today|MTV|Variety|the Times"
)

# Fictional named officials used when a story has too few people of its own.
FALLBACK_PEOPLE: tuple[str, ...] = (
    "Martin Kessler", "Dana Whitfield", "Samuel Okafor", "Laura Brennan", "Victor Almeida",
    "Helen Marchetti", "Ross Delaney", "Priya Natarajan", "Owen Castellano", "Ingrid Solberg",
    "Thomas Reyes", "Claire Donovan",
)

ANONYMOUS_SOURCES: tuple[str, ...] = (
    "a source close to the investigation", "a person familiar with the matter",
    "an official who spoke on condition of anonymity", "a source with knowledge of the case",
    "one insider who asked not to be named", "a person briefed on the situation",
    "an unnamed official", "a source close to the family",
)

# Cue verbs with the same reporting force: changing one for another must not be flagged.
NEUTRAL_CUES: dict[str, tuple[str, ...]] = {
    "said": ("stated", "noted", "added", "explained", "remarked", "commented"),
    "says": ("states", "notes", "adds", "explains", "remarks"),
    "stated": ("said", "noted", "added"),
    "noted": ("said", "stated", "added"),
    "added": ("said", "noted", "stated"),
    "explained": ("said", "noted"),
}

# Frames that attribute a sentence to a speaker; {s} is the sentence body without final
# punctuation, {s_lc} the same with a lower-cased first word, {x} the speaker, {c} the cue.
SPEAKER_FRAMES: tuple[str, ...] = (
    "{s}, {x} {c}.",
    "{s}, {x} {c} in a statement.",
    "According to {x}, {s_lc}.",
    "{x} {c} that {s_lc}.",
    "{s}, {c} {x}.",
    "{s}, {x} {c} at a news conference.",
)

CHANNEL_FRAMES: tuple[str, ...] = (
    "{s}, {x} told {ch}.",
    "{s}, {x} said in an interview with {ch}.",
    "{x} told {ch} that {s_lc}.",
    "Speaking to {ch}, {x} said {s_lc}.",
    "{s}, {x} said in comments to {ch}.",
    "{s}, according to remarks {x} made to {ch}.",
)

ANON_FRAMES: tuple[str, ...] = (
    "{s}, {a} said.",
    "According to {a}, {s_lc}.",
    "{s}, {a} told reporters.",
    "{s}, according to {a}.",
)

# New, unsourced claims about a story's entities for unsupported repetition.
REPETITION_TEMPLATES: tuple[str, ...] = (
    "{person} had been warned privately about the risks several weeks before the events",
    "{person} is expected to face further questions from investigators in the coming days",
    "{person} had quietly hired a second legal team earlier in the year",
    "{person} had been in talks about the move for months before it became public",
    "{person} had turned down a similar offer the previous spring",
    "{org} had received an internal complaint about the matter last year",
    "{org} is preparing a review of its procedures after the episode",
    "{org} had discussed the decision at a closed meeting days earlier",
    "officials in {place} had raised concerns about the situation months ago",
    "a second inquiry into the events in {place} is already under way",
    "the people involved had met in {place} shortly before the news broke",
    "the decision had been taken at a private meeting a week before it was announced",
    "several of those involved had been questioned before the announcement was made",
    "an internal memo had flagged the problem well before it became public",
)
REPETITION_SWAPS: tuple[tuple[str, str], ...] = (
    ("several weeks", "a few weeks"), ("had quietly", "had"), ("in the coming days", "soon"),
    ("months ago", "several months ago"), ("already under way", "under way"),
    ("shortly before", "just before"), ("well before", "long before"), ("last year", "in the past year"),
)

UPDATE_FRAMES_FULL: tuple[str, ...] = (
    "{s}, up from {old} reported earlier.",
    "{s}, revised from an earlier figure of {old}.",
    "In an updated count, {s_lc}.",
    "{s} in the latest revised count.",
    "Updated figures now show that {s_lc}.",
    "The figure has since been revised: {s_lc}.",
)
UPDATE_FRAMES_NOUN: tuple[str, ...] = (
    "The number of {noun} has since risen to {new}.",
    "The number of {noun} was revised to {new}, officials said.",
    "Officials later revised the number of {noun} to {new}.",
    "By the latest count, the number of {noun} had climbed to {new}.",
)

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
WEEKDAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)
# Sentence-initial words that are safe to lower-case when a frame is put in front.
LOWERABLE = frozenset(
    "the a an this that these those it he she they we there in on at after before when while "
    "his her their its some many several most both all one two three four five police officials "
    "authorities witnesses investigators his".split()
)
