"""consistency: check whether news outlets agree with each other.

    >>> from consistency import Options, ingest, check, query
    >>> opts = Options(store="demo")
    >>> ingest(["corpora/sample"], opts)
    >>> for flag in check(opts).flags: print(flag.explanation)
    >>> query("the briefing was on March 10", opts).matches
"""

from .options import Options
from .pipeline import CheckResult, IngestResult, check, ingest, stats
from .query.engine import QueryResult, query
from .records import Article, Claim, Flag, Match
from .review import review

__all__ = ["Options", "ingest", "check", "query", "stats", "review", "Article", "Claim", "Flag", "Match",
           "IngestResult", "CheckResult", "QueryResult"]
