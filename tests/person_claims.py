"""Invented claims about people, with the figures extraction reads and the people named: what the age and
different-things tests build their stories from."""

from datetime import datetime, timedelta, timezone

from consistency.extract.quantities import find_quantities
from consistency.records import Claim, Entity


def claim(cid: str, text: str, people: tuple[str, ...] = (), *, outlet: str = "A", day: int = 0,
          story: str = "s1") -> Claim:
    """A claim of article ``cid``'s prefix, published ``day`` days after a fixed morning, naming ``people``."""
    published = datetime(2026, 3, 1, 9, tzinfo=timezone.utc) + timedelta(days=day)
    ents = tuple(Entity(n, text.index(n), text.index(n) + len(n), "PERSON", "per:" + n.split()[-1].casefold())
                 for n in people)
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet, published=published, text=text, start=0,
                 end=len(text), content=text, quantities=tuple(find_quantities(text)), entities=ents,
                 story_id=story)
