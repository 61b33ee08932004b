"""The per-story fact table: what is counted or dated, by whom, with each outlet's value.

Pairs of aligned sentences miss the same fact stated in other words ("voted on Wednesday" and "the
resolution passed Tuesday"). Here every figure and every date of a story becomes a row keyed by
what it is about (the noun a figure counts, the happening a date attaches to, and that happening's
subject and object, as extraction read them). Rows of different outlets that may be about one thing
and whose values cannot both be right are candidates; a fitted scorer (``fact_features``) says which
state one fact. A later report with a newer figure, said to revise it or higher on a later day, is
an update.

The table reads as its steps: ``rows`` (the rows a claim adds), ``values`` (whether two values agree or
differ), ``holders`` (whom a row is said of), ``statistics`` (what kind of figure a row is by its
words), ``sameness`` (whether two rows state one fact), ``pairing`` (candidates for the scorer) and
``table`` (each story's table and its findings).
"""

from __future__ import annotations

from .pairing import Candidate, candidates, in_order
from .rows import Fact, facts_of
from .sameness import one_fact
from .statistics import is_part
from .table import compare_facts, fact_findings, stories_of, story_table, story_tables

__all__ = ["Candidate", "Fact", "candidates", "compare_facts", "fact_findings", "facts_of",
           "in_order", "is_part", "one_fact", "stories_of", "story_table", "story_tables"]
