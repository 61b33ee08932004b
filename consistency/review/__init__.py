"""Review: fact-checkers' verdicts on flags, and the confirmed ones exported as schema.org ClaimReview."""

from .claimreview import export_claim_reviews
from .verdicts import VERDICTS, review

__all__ = ["VERDICTS", "export_claim_reviews", "review"]
