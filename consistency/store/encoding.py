"""JSON forms of the records, for the store and for ``--format json``."""

from __future__ import annotations

import json
import math
from dataclasses import fields, is_dataclass
from datetime import datetime

from ..records import Attribution, Claim, Entity, Evidence, Flag, FlagType, Quantity, TimeExpr

_BIG = 1e308  # JSON has no infinity; open-ended intervals ("at least 40") are stored as ±1e308


_ATOMS = (str, int, float, bool, type(None), datetime, FlagType)
_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(obj: object) -> object:
    """``dataclasses.asdict`` for the records, without its generic deep copy (the store writes
    every claim through this; asdict cost more than the rest of the write)."""
    cls = type(obj)
    if cls in _ATOMS:
        return obj
    names = _FIELDS.get(cls)
    if names is not None:
        return {n: _plain(getattr(obj, n)) for n in names}
    if cls is tuple or cls is list:
        return cls(_plain(v) for v in obj)
    if cls is dict:
        return {_plain(k): _plain(v) for k, v in obj.items()}
    if is_dataclass(obj) and not isinstance(obj, type):
        _FIELDS[cls] = tuple(f.name for f in fields(obj))
        return _plain(obj)
    return obj


def asdict(record: object) -> dict:
    """A record as nested dicts, lists and tuples, as ``dataclasses.asdict`` gives it."""
    return _plain(record)  # type: ignore[return-value]


def claim_to_dict(c: Claim) -> dict:
    d = asdict(c)
    d["published"] = c.published.isoformat()
    for q in d["quantities"]:
        for key in ("low", "high", "value"):
            if math.isinf(q[key]):
                q[key] = math.copysign(_BIG, q[key])
    return d


def claim_to_json(c: Claim) -> str:
    return claim_dict_to_json(claim_to_dict(c))


def claim_dict_to_json(d: dict) -> str:
    """``claim_to_dict``'s output as the store keeps it."""
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def claim_row(c: Claim) -> tuple[str, str, str, str]:
    """The claim as the store writes it: id, article id, content hash and JSON."""
    return c.id, c.article_id, c.content_hash, claim_to_json(c)


def _span(v: list | None) -> tuple[int, int] | None:
    return tuple(v) if v is not None else None  # type: ignore[return-value]


def claim_from_dict(d: dict) -> Claim:
    att = d.get("attribution")
    if att is not None:
        for key in ("source_span", "cue_span", "content_span", "channel_span"):
            att[key] = _span(att.get(key))
        att = Attribution(**att)
    return Claim(
        id=d["id"], article_id=d["article_id"], outlet=d["outlet"],
        published=datetime.fromisoformat(d["published"]), text=d["text"], start=d["start"], end=d["end"],
        content=d["content"], attribution=att,
        times=tuple(TimeExpr(**_about_tuple(t)) for t in d.get("times", ())),
        quantities=tuple(Quantity(**_about_tuple(_finite_to_inf(q))) for q in d.get("quantities", ())),
        entities=tuple(Entity(**e) for e in d.get("entities", ())),
        negated=d.get("negated", False), modality=d.get("modality"), story_id=d.get("story_id"),
    )


def _finite_to_inf(q: dict) -> dict:
    return {k: (math.copysign(math.inf, v) if k in ("low", "high", "value") and abs(v) >= _BIG else v)
            for k, v in q.items()}


def _about_tuple(d: dict) -> dict:
    if "about" in d:
        d["about"] = tuple(d["about"])
    if d.get("holder") is not None:
        d["holder"] = tuple(d["holder"])
    return d


def claim_from_json(s: str) -> Claim:
    return claim_from_dict(json.loads(s))


def flag_to_dict(f: Flag) -> dict:
    return asdict(f)


def flag_to_json(f: Flag) -> str:
    return json.dumps(flag_to_dict(f), ensure_ascii=False, separators=(",", ":"))


def flag_from_dict(d: dict) -> Flag:
    return Flag(
        id=d["id"], type=FlagType(d["type"]), claims=tuple(d["claims"]), articles=tuple(d["articles"]),
        outlets=tuple(d["outlets"]), values=dict(d.get("values", {})),
        evidence=tuple(Evidence(**e) for e in d.get("evidence", ())),
        confidence=d.get("confidence", 0.5), explanation=d.get("explanation", ""), story_id=d.get("story_id"),
    )


def flag_from_json(s: str) -> Flag:
    return flag_from_dict(json.loads(s))
