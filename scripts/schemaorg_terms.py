"""Extract the schema.org terms ClaimReview export uses (with their ancestors, domains and ranges) into
consistency/models/schemaorg_terms.json, which the export validates every document against.

    python3 scripts/schemaorg_terms.py schemaorg-current-https-types.csv schemaorg-current-https-properties.csv

The two CSV files are those of a schema.org release (data/releases/<version>/ in the schemaorg
repository); the output names the release it came from.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "consistency" / "models" / "schemaorg_terms.json"
TYPES = ("ClaimReview", "Claim", "Rating", "NewsArticle", "Organization", "Text", "URL", "Date", "DateTime")
PROPERTIES = ("claimReviewed", "itemReviewed", "reviewRating", "reviewBody", "author", "datePublished", "appearance",
              "firstAppearance", "alternateName", "ratingExplanation", "url", "headline", "publisher", "name",
              "description")


def _short(iri: str) -> str:
    return iri.strip().rsplit("/", 1)[-1]


def _list(cell: str) -> list[str]:
    return [_short(x) for x in cell.split(",") if x.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("types", type=Path)
    ap.add_argument("properties", type=Path)
    ap.add_argument("--release", default="30.0", help="The schema.org release the files come from.")
    args = ap.parse_args()
    types = {r["label"]: r for r in csv.DictReader(args.types.open(encoding="utf-8"))}
    props = {r["label"]: r for r in csv.DictReader(args.properties.open(encoding="utf-8"))}
    wanted, todo = {}, list(TYPES)
    while todo:  # each type with all its ancestors, so subclass checks need nothing else
        t = todo.pop()
        if t in wanted:
            continue
        wanted[t] = _list(types[t]["subTypeOf"]) if t in types else []
        todo.extend(wanted[t])
    out = {"release": args.release, "types": dict(sorted(wanted.items())),
           "properties": {p: {"domain": _list(props[p]["domainIncludes"]), "range": _list(props[p]["rangeIncludes"])}
                          for p in PROPERTIES}}
    OUT.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(out['types'])} types, {len(out['properties'])} properties")


if __name__ == "__main__":
    main()
