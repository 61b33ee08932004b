"""The word lists more than one stage reads: verbs of saying, titles, nicknames, negations, channels.

Each list lives here once; a stage that needs a narrower or wider set says so where it reads it.
The stance model's cue lists stay in ``compare/stance.py``: its shipped weights were fit to them.
"""

from __future__ import annotations

import re

# Verbs of speech, thought and evidence, as lemmas ("said" -> say: see ``verb_lemmas``).
SPEECH_VERBS = frozenset(
    """say tell add write claim insist deny argue note report announce explain state warn
    suggest acknowledge admit declare confirm tweet post recall respond reply ask answer
    believe think predict estimate show find accuse criticize criticise praise urge vow
    promise threaten allege assert contend complain describe call agree conclude
    caution stress emphasise emphasize observe remark comment testify reveal indicate
    speak quote express maintain cite issue insistence defend question pen blog brief inform disclose""".split()
)

# Past forms no suffix rule undoes, and words that stand for a verb of saying.
IRREGULAR_VERBS = {"said": "say", "told": "tell", "wrote": "write", "thought": "think", "found": "find",
                   "spoke": "speak", "says": "say", "according": "say", "quoted": "say", "quoting": "say"}


def verb_lemmas(word: str) -> set[str]:
    """The lemmas a lower-case word may be a form of ("denied" -> deny, "said" -> say)."""
    forms = {word, IRREGULAR_VERBS.get(word, word)}
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.add(word[: -len(suffix)] + repl)
    return forms


# Titles and offices that stand before a person's name ("Police Inspector Dave Gaskin").
TITLES = frozenset(
    "mr mrs ms miss dr prof professor sir dame lord lady rev father inspector detective det sergeant sgt officer "
    "constable const chief captain capt lieutenant lt colonel col general gen major maj commander cmdr admiral adm "
    "president vice secretary minister senator sen rep representative governor gov mayor judge justice attorney "
    "prosecutor police trooper deputy sheriff superintendent supt spokesman spokeswoman spokesperson director coach "
    "agent prime pm chancellor premier ceo chair chairman chairwoman ambassador envoy marshal mp king queen prince "
    "princess pope reverend ayatollah sheikh emir sultan".split())

# Short forms of first names, to the full name they stand for ("Bill" / "William").
NICKNAMES = dict(pair.split(":") for pair in (
    "joe:joseph bill:william billy:william will:william bob:robert bobby:robert rob:robert mike:michael "
    "jim:james tom:thomas alex:alexander sasha:alexander sandy:alexander dick:richard rick:richard "
    "tony:anthony nick:nicholas dan:daniel dave:david ben:benjamin sam:samuel steve:stephen kate:katherine "
    "liz:elizabeth betsy:elizabeth beth:elizabeth ted:edward ned:edward jack:john peggy:margaret hank:henry "
    "harry:henry chuck:charles drew:andrew polly:mary molly:mary sally:sarah patsy:patricia jerry:gerald "
    "vlad:vladimir volodymyr:vladimir vova:vladimir misha:mikhail dima:dmitry kolya:nikolai petro:peter "
    "pyotr:peter yury:yuri georgy:george").split())

# Words that negate what follows, including contractions typed without the apostrophe ("dont").
NEGATIONS = frozenset("not no never neither nor none nobody nothing nowhere cannot "
                      "cant dont wont didnt doesnt isnt wasnt arent werent couldnt wouldnt shouldnt hasnt havent "
                      "hadnt aint".split())
DENIALS = frozenset("deny denies denied denying refute refutes refuted untrue false".split())

# Media a statement is made in: "in an interview", "in a statement", "during a briefing".
CHANNEL_NOUNS = frozenset({"interview", "statement", "speech", "briefing", "conference", "email", "letter",
                           "post", "tweet", "call", "appearance", "op-ed", "column", "video", "address",
                           "broadcast"})

# "the number of games", "the death toll of ...": a count of the noun that follows.
COUNT_OF = re.compile(r"\b(?:number|count|tally|toll|total) of (\w+)", re.I)

# Sovereign states by their common English names: a place inside one of them and the country itself
# can both be right ("in Athens" / "in Greece").
COUNTRIES = frozenset(
    "afghanistan|albania|algeria|andorra|angola|antigua and barbuda|argentina|armenia|australia|austria|"
    "azerbaijan|bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|"
    "bosnia and herzegovina|bosnia|botswana|brazil|brunei|bulgaria|burkina faso|burundi|cambodia|cameroon|canada|"
    "cape verde|central african republic|chad|chile|china|colombia|comoros|congo|costa rica|croatia|cuba|cyprus|"
    "czech republic|czechia|denmark|djibouti|dominica|dominican republic|east timor|ecuador|egypt|el salvador|"
    "equatorial guinea|eritrea|estonia|eswatini|swaziland|ethiopia|fiji|finland|france|gabon|gambia|georgia|"
    "germany|ghana|greece|grenada|guatemala|guinea|guinea-bissau|guyana|haiti|honduras|hungary|iceland|india|"
    "indonesia|iran|iraq|ireland|israel|italy|ivory coast|jamaica|japan|jordan|kazakhstan|kenya|kiribati|kosovo|"
    "kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|luxembourg|madagascar|"
    "malawi|malaysia|maldives|mali|malta|marshall islands|mauritania|mauritius|mexico|micronesia|moldova|monaco|"
    "mongolia|montenegro|morocco|mozambique|myanmar|burma|namibia|nauru|nepal|netherlands|holland|new zealand|"
    "nicaragua|niger|nigeria|north korea|north macedonia|macedonia|norway|oman|pakistan|palau|palestine|panama|"
    "papua new guinea|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|saint lucia|samoa|"
    "san marino|saudi arabia|senegal|serbia|seychelles|sierra leone|singapore|slovakia|slovenia|solomon islands|"
    "somalia|south africa|south korea|south sudan|spain|sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|"
    "tajikistan|tanzania|thailand|togo|tonga|trinidad and tobago|tunisia|turkey|turkmenistan|tuvalu|uganda|"
    "ukraine|united arab emirates|united kingdom|united states|uruguay|uzbekistan|vanuatu|vatican|venezuela|"
    "vietnam|yemen|zambia|zimbabwe".split("|"))
