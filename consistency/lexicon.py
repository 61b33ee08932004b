"""The word lists of the pipeline: verbs of saying, titles, nicknames, negations, channels, counts.

Each concept lives here once. Where a stage reads a narrower or wider set than the main list, that
set sits beside it under a name that says what it is for: merging two sets changes what a stage
finds, so a merge has to leave every benchmark that reads them unchanged. The stance model's cue
lists stay in ``compare/stance.py``: its shipped weights were fit to them.
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

# Past forms of irregular verbs, so that "knew" and "did not know" say the same verb.
IRREGULAR_PAST = dict(pair.split(":") for pair in (
    "knew:know known:know found:find took:take taken:take made:make went:go gone:go saw:see seen:see came:come "
    "gave:give given:give told:tell said:say left:leave kept:keep held:hold ran:run began:begin begun:begin "
    "brought:bring thought:think bought:buy caught:catch fought:fight won:win lost:lose met:meet paid:pay "
    "sent:send spent:spend stood:stand understood:understand wrote:write written:write drove:drive driven:drive "
    "broke:break broken:break spoke:speak spoken:speak stole:steal stolen:steal chose:choose chosen:choose "
    "fell:fall fallen:fall felt:feel led:lead fled:flee hid:hide hidden:hide shot:shoot struck:strike "
    "threw:throw thrown:throw grew:grow grown:grow flew:fly flown:fly drew:draw drawn:draw wore:wear "
    "sold:sell sought:seek taught:teach became:become got:get gotten:get built:build heard:hear "
    "sat:sit slept:sleep swam:swim rose:rise risen:rise woke:wake bore:bear born:bear forgot:forget "
    "forgotten:forget ate:eat eaten:eat lay:lie lain:lie laid:lay meant:mean dealt:deal sank:sink "
    "sunk:sink sang:sing sung:sing rang:ring rung:ring bit:bite bitten:bite hit:hit put:put set:set "
    "cut:cut hurt:hurt quit:quit shut:shut spread:spread").split())
# The past forms of verbs of saying no suffix rule undoes, and words that stand for a verb of saying:
# narrower than IRREGULAR_PAST, whose "written" and "spoken" would make a passive a verb of saying.
IRREGULAR_VERBS = {w: IRREGULAR_PAST[w] for w in ("said", "told", "wrote", "thought", "found", "spoke")} | {
    "says": "say", "according": "say", "quoted": "say", "quoting": "say"}


def verb_lemmas(word: str) -> set[str]:
    """The lemmas a lower-case word may be a form of ("denied" -> deny, "said" -> say)."""
    forms = {word, IRREGULAR_VERBS.get(word, word)}
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.add(word[: -len(suffix)] + repl)
    return forms


# Lemmas whose clausal complement is the reported content, so polarity reads its negation there
# ("officials said no one was killed"); wider than SPEECH_VERBS with verbs of knowing and expecting.
REPORTING_LEMMAS = frozenset({
    "say", "tell", "report", "state", "add", "claim", "insist", "announce", "confirm",
    "note", "write", "argue", "stress", "emphasize", "emphasise", "clarify", "assert",
    "warn", "explain", "declare", "suggest", "believe", "think", "allege", "acknowledge",
    "admit", "reveal", "indicate", "maintain", "tweet", "post", "comment", "disclose",
    "verify", "predict", "estimate", "accuse", "know", "learn", "show",
    "find", "understand", "fear", "hope", "expect"})
# The acts of saying and reporting a fact table never dates: narrower than SPEECH_VERBS, whose
# "find", "show" or "estimate" date what was found or estimated.
SPEECH_EVENTS = frozenset({"say", "tell", "report", "state", "add", "confirm", "write", "claim", "note", "explain",
                           "speak", "comment", "insist", "argue", "acknowledge", "admit", "deny"})
# Lemmas that carry a cue on from the verb before them ("declined to comment on").
CUE_CHAINING_VERBS = frozenset({"comment", "discuss", "address", "acknowledge", "say", "talk", "speak", "explain",
                                "describe", "criticize", "criticise", "deny", "confirm", "answer", "reveal"})
# Lemmas that put their speaker after them ("..., said X"), the humorous ones included ("quipped X").
CUE_INVERTING_VERBS = frozenset({"say", "add", "write", "tell", "ask", "explain", "continue", "note", "recall",
                                 "argue", "suggest", "insist", "reply", "respond", "admit", "acknowledge", "warn",
                                 "declare", "observe", "remark", "quip", "joke", "answer", "conclude", "concede",
                                 "predict"})
# Lemmas whose direct object is the listener, not the content ("told reporters").
ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "remind", "brief"})

# Surface forms, for the stages that read text without a parse.
# A reporting frame around a named speaker: "..., Ruth Okafor said", "Ruth Okafor said ...".
FRAME_CUES = (r"said|says|stated|states|added|adds|noted|notes|explained|explains|commented|remarked|wrote|writes|"
              r"declared|announced|insisted|argued|recalled|claimed|observed|told|tweeted|posted|confirmed|confirms|"
              r"stressed|emphasi[sz]ed|warned|warns|pointed out|acknowledged|admitted|maintained|reiterated|asserted|"
              r"replied|responded|concluded|recounted|revealed|disclosed|was quoted as saying")
# The frame inverted, "..., said Ruth Okafor": never "told", whose object is the listener.
INVERTED_FRAME_CUES = ("said|says|stated|added|noted|explained|commented|remarked|wrote|declared|announced|insisted|"
                       "argued|confirmed|stressed|warned|acknowledged|admitted|replied|responded")
# Words that make an extracted cue a verb of saying: the parse also reads acts as attributions
# ("An Atlanta judge sentenced Nichols").
SPEECH_CUE_WORDS = frozenset(
    "say said says saying tell told tells telling state stated states stating add added adds adding note noted notes "
    "explain explained explains comment commented comments remark remarked write wrote writes written declare declared "
    "announce announced announces insist insisted argue argued argues recall recalled claim claimed claims observe "
    "observed tweet tweeted post posted confirm confirmed confirms report reported reports reporting warn warned "
    "stress stressed suggest suggested believe believes believed deny denied denies acknowledge acknowledged admit "
    "admitted reply replied respond responded quote quoted cite cited indicate indicated contend contended reiterate "
    "reiterated assert asserted maintain maintained predict predicted vow vowed promise promised describe described "
    "continue continued : according".split())
# A report inside reported content ("X said Y said ..."): whose report a copy repeats.
NESTED_REPORT = re.compile(r"\b(?:said|says|say|claims?|claimed|told|tells|according to|reported|reports|reporting|"
                           r"stated)\b", re.I)
# A date next to these says when someone spoke or an outlet reported, not when the reported event
# happened. Comparison's set also reads "reported", "tells", "confirmed", "disclosed", "revealed";
# extraction's, which anchors a speech time, also reads "declared" and "insisted".
DATE_OF_REPORT_CUES = r"(?:said|says|told|tells|reported|reports|announced|stated|added|confirmed|wrote|disclosed|revealed)"
SPEECH_TIME_CUES = r"(?:said|says|told|announced|added|stated|wrote|declared|insisted)"
# A statement passed on from a report ("..., according to NPR", "citing Reuters").
RELAY_CUES = re.compile(r"\b(?:reports?|reported|reporting|according to|citing)\b", re.I)

# Titles and offices that stand before a person's name ("Police Inspector Dave Gaskin").
TITLES = frozenset(
    "mr mrs ms miss dr prof professor sir dame lord lady rev father inspector detective det sergeant sgt officer "
    "constable const chief captain capt lieutenant lt colonel col general gen major maj commander cmdr admiral adm "
    "president vice secretary minister senator sen rep representative governor gov mayor judge justice attorney "
    "prosecutor police trooper deputy sheriff superintendent supt spokesman spokeswoman spokesperson director coach "
    "agent prime pm chancellor premier ceo chair chairman chairwoman ambassador envoy marshal mp king queen prince "
    "princess pope reverend ayatollah sheikh emir sultan".split())
# Words that follow a surname: a junior and a senior are two people.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

# What a short title before a name spells out, and the broader nouns an office is also called by (a
# senator is a lawmaker, a justice a judge): a question asks "which congressman", the sentence says "Rep.".
TITLE_MEANS = {
    "dr": "doctor physician", "prof": "professor", "rev": "reverend", "det": "detective", "sgt": "sergeant",
    "capt": "captain", "lt": "lieutenant", "col": "colonel", "gen": "general", "maj": "major",
    "cmdr": "commander", "adm": "admiral", "supt": "superintendent", "const": "constable",
    "sen": "senator lawmaker", "senator": "lawmaker",
    "rep": "representative congressman congresswoman lawmaker",
    "representative": "congressman congresswoman lawmaker", "congressman": "representative lawmaker",
    "congresswoman": "representative lawmaker", "legislator": "lawmaker",
    "gov": "governor", "justice": "judge", "pm": "prime minister",
}

# Nouns that name an office, rank or function a person holds; wider than TITLES (it has "aide",
# "nominee", "analyst"), since a role is read after a name too ("Priebus, chairman of ...").
OFFICES = frozenset(
    "president vice-president senator sen representative rep congressman congresswoman congressmember lawmaker "
    "governor gov mayor secretary minister premier chancellor chairman chairwoman chair chairperson speaker leader "
    "whip judge justice ambassador envoy director chief ceo cfo coo executive spokesman spokeswoman spokesperson "
    "commissioner sheriff general gen admiral adm colonel col captain capt lieutenant lt sergeant sgt officer "
    "attorney prosecutor counsel lawyer adviser advisor aide treasurer comptroller auditor delegate deputy "
    "head founder owner manager coach king queen prince princess pope bishop archbishop cardinal pastor "
    "superintendent inspector detective trooper nominee candidate chairmanship mp councilman councilwoman "
    "councilor councillor alderman assemblyman assemblywoman legislator administrator economist strategist "
    "pollster consultant analyst professor dean provost president-elect".split())
# Offices written in lower case between a body and a name ("Beaumont Hospital spokeswoman Ilene
# Wolfe"), as a pattern: comparison reads them from text, where "threat" and "advanced" come before
# "researcher" and a capitalised word may follow.
OFFICE_WORDS_PATTERN = (r"spokes(?:man|woman|person)|officer|detective|sergeant|inspector|constable|chief|director|"
                        r"manager|general|coach|head|president|vice|minister|prime|foreign|defen[cs]e|interior|finance|"
                        r"secretary|press|attorney|district|lawyer|counsel|prosecutor|commissioner|captain|lieutenant|"
                        r"deputy|assistant|senior|sheriff|mayor|governor|senator|official|executive|chairman|"
                        r"chairwoman|fire|police|researcher|analyst|threat|advanced|editor|correspondent|professor|"
                        r"expert|leader|founder|owner|agent|investigator|pastor")
# Words that place a title in time: a former or coming office is no conflict with a present one.
TITLE_TIME_WORDS = frozenset("former ex then-former then late outgoing incoming acting interim onetime one-time "
                             "retired elect designate future past previous erstwhile".split())
# A title placed in time, hoped for, or borrowed from someone else ("the senator's wife").
TITLE_HEDGES = TITLE_TIME_WORDS | frozenset({
    "candidate", "nominee", "hopeful", "challenger", "running", "would-be", "aspiring", "wife", "husband", "son",
    "daughter", "father", "mother", "brother", "sister", "aide", "adviser", "advisor", "spokesman", "spokeswoman",
    "spokesperson", "staff", "chief of staff", "campaign"})

# Anonymous sources. Extraction reads the head noun of an unnamed source and the phrases that keep
# it unnamed; provenance reads the source text of a stored claim, where "people familiar" stands
# for the phrase and a spokesperson speaks on the record unless the text says otherwise.
ANON_HEADS = frozenset(
    """source sources official officials aide aides person people insider insiders diplomat
    diplomats spokesperson spokesman spokeswoman adviser advisers advisor advisors
    representative representatives staffer staffers member members expert experts
    analyst analysts observer observers critic critics someone witness witnesses""".split()
)
ANON_MARKERS = ("unnamed", "anonymous", "declined to be named", "not authorized", "not authorised",
                "familiar with", "asked not to be", "speaking on condition", "requested anonymity")
ANONYMOUS_WORDS = re.compile(r"\b(sources?|insiders?|officials?|people familiar|person familiar|aides?|"
                             r"anonymity|unnamed|anonymous)\b", re.I)
SPOKESPERSON = re.compile(r"\bspokes(?:man|woman|person)\b", re.I)
OFF_RECORD = re.compile(r"\b(?:declined to be (?:named|identified)|not authori[sz]ed|condition)\b", re.I)

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
# Pronouns that negate the clause they are an argument of ("nobody was hurt").
NEGATIVE_PRONOUNS = frozenset({"nobody", "nothing", "none", "noone"})
DENY_FORMS = frozenset({"deny", "denies", "denied"})
DENIALS = DENY_FORMS | frozenset("denying refute refutes refuted untrue false".split())
# Lemmas that deny their object or complement ("rejected reports that ...").
DENIAL_LEMMAS = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "debunk", "disprove", "dispute",
                           "repudiate", "disown"})
# Words after "not" that leave a claim standing ("not only ... but also").
NOT_REALLY = frozenset({"only", "just", "merely", "simply"})
# Words that call what they describe false ("the report is baseless", "a hoax").
FALSE_ADJECTIVES = frozenset({"false", "untrue", "baseless", "unfounded", "groundless", "incorrect", "wrong",
                              "fabricated", "fake", "inaccurate", "bogus"})
FALSE_NOUNS = frozenset({"hoax", "fabrication", "myth", "lie", "falsehood", "fiction", "fake", "misinformation",
                         "disinformation", "canard", "fakery"})

# Media a statement is made in: "in an interview", "in a statement", "during a briefing".
CHANNEL_NOUNS = frozenset({"interview", "statement", "speech", "briefing", "conference", "email", "letter",
                           "post", "tweet", "call", "appearance", "op-ed", "column", "video", "address",
                           "broadcast"})

# The channel nouns of writing: an attribution "in a tweet" or "in a letter" is "a statement".
WRITTEN_CHANNELS = frozenset({"statement", "post", "tweet", "email", "letter"})
# A channel that names a mode, medium or audience, not who heard it ("a statement", "reporters",
# "the newspaper"): wider than CHANNEL_NOUNS, so that "told reporters" and "told Reuters" are not
# two conflicting channels.
GENERIC_CHANNELS = re.compile(
    r"^(a |an |the |its |his |her |their )?(statement|press release|release|interview|news conference|"
    r"press conference|briefing|mag|magazine|paper|newspaper|website|site|tv|television|radio|reporters?|"
    r"journalists?|social media|post|email|letter|blog)s?$", re.I)

# "the number of games", "the death toll of ...": a count of the noun that follows.
COUNT_NOUNS = r"number|count|tally|toll|total"
COUNT_OF = re.compile(rf"\b(?:{COUNT_NOUNS}) of (\w+)", re.I)
# The same, ending where the figure begins: "the number of games was revised to" 14.
COUNT_OF_BEFORE_FIGURE = re.compile(
    rf"\b(?:{COUNT_NOUNS})\s+of\s+([a-z][a-z-]+)\b(?:[^.;]{{0,60}}?)\b"
    r"(?:to|at|is|was|stands? at|reached|of)\s+(?:about\s+|at least\s+|nearly\s+)?$", re.I)

# Numbers written as words, as regex alternations (the quantity reader holds their values). The words
# to twelve have no regular form; a stage that reads the teens writes them as "[a-z]+teen".
ONES_WORDS = r"one|two|three|four|five|six|seven|eight|nine"
WORDS_TO_TWELVE = rf"{ONES_WORDS}|ten|eleven|twelve"
# A count of two or more people, in words to ten or in digits ("two of whom", "five people were shot").
SEVERAL_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)"
TENS_WORDS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# A figure spelled out where copies are traced and sentences lined up by their names and figures:
# tens to fifty and the scale words. Narrower than the words the quantity reader knows; widening it
# changes which sentences count as copies, so it would have to be measured first.
FIGURE_WORDS = rf"{WORDS_TO_TWELVE}|twenty|thirty|forty|fifty|hundred|thousand|million|billion"

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

# Names news gives a country besides its sovereign name, and the nations of the United Kingdom: places
# of a country's grain ("in Britain" / "in London").
COUNTRY_ALIASES = frozenset("us|u.s.|america|britain|england|scotland|wales".split("|"))

# Kinds of happening news dates, each with the verbs and nouns that name it. "pass" and "adopt" are
# votes of a body; "quit" and "resign" are leaving a post. Words as often something else ("issue",
# "post", "name", "address", "talk") are left out: they would pair dates of unrelated things.
_KINDS = {
    "vote": "vote ballot pass passage approve approval adopt adoption reject rejection",
    "leave": "leave quit resign resignation depart departure retire retirement exit",
    "join": "join hire appoint appointment nominate nomination",
    "announce": "announce announcement unveil unveiling declare declaration statement",
    "publish": "publish publication release print",
    "arrest": "arrest detain detention apprehend custody",
    "charge": "charge indict indictment",
    "die": "die death kill killing",
    "apologize": "apologize apologise apology",
    "debate": "debate",
    "hearing": "hearing testify testimony",
    "meet": "meet meeting summit",
    "interview": "interview",
    "speech": "speech",
    "election": "election primary caucus",
    "sign": "sign signing",
    "file": "file filing sue lawsuit suit",
    "launch": "launch",
    "attack": "attack shoot shooting bomb bombing explosion",
    "serve": "serve tenure",
    "end": "end expire expiration",
    "open": "open opening",
    "visit": "visit trip tour",
    "rule": "rule ruling verdict decision decide",
    "acquit": "acquit acquittal",
    "convict": "convict conviction",
    "sentence": "sentence sentencing",
    "repay": "repay repayment pay payment refund",
    "lead": "lead",
}
# Word -> the kind of happening it names.
HAPPENING_KINDS = {w: kind for kind, words in _KINDS.items() for w in words.split()}
