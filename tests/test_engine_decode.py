"""The Ray driver's side of a batch, without Ray: the rows it stores equal the local engine's."""

import json
from dataclasses import replace
from datetime import datetime, timezone

import numpy as np

from consistency.engine.distributed import decode_batch
from consistency.extract.entities import EntityResolver
from consistency.records import Article, Claim, Entity, Quantity
from consistency.store.encoding import claim_row, claim_to_dict

WHEN = datetime(2025, 3, 4, 9, 30, tzinfo=timezone.utc)
ARTICLE = Article(id="a1", outlet="Harbour Courier", url="https://example.org/a1", title="Ferry strike ends",
                  published=WHEN, text="Mayor Ilse Varga said at least 40 ferries would sail again on Friday.")


def _claim(canonical: str) -> Claim:
    return Claim(id="a1:0", article_id="a1", outlet=ARTICLE.outlet, published=WHEN, text=ARTICLE.text, start=0,
                 end=len(ARTICLE.text), content="at least 40 ferries would sail again on Friday",
                 quantities=(Quantity(text="at least 40", start=33, end=44, value=40.0, low=40.0,
                                      high=float("inf"), unit="ferries", hedge="at least"),),
                 entities=(Entity(text="Ilse Varga", start=6, end=16, label="PERSON", canonical=canonical),))


def test_engine_decode_batch_rows_equal_the_local_engines():
    sent = _claim("\x000")  # as an actor leaves it: the first look-up it recorded, resolved on the driver
    vec = np.arange(4, dtype=np.float32)
    batch = {"id": np.array(["a1"], dtype=object),
             "claims": np.array([json.dumps([claim_to_dict(sent)])], dtype=object),
             "hashes": np.array([json.dumps([sent.content_hash])], dtype=object),
             "calls": np.array([json.dumps([["Ilse Varga", "PERSON"]])], dtype=object),
             "vectors": np.array([vec.tobytes()], dtype=object), "title": np.array([b""], dtype=object)}
    [(article, rows, vectors, title)] = decode_batch(batch, {"a1": ARTICLE}, EntityResolver())
    local = replace(sent, entities=(replace(sent.entities[0], canonical=EntityResolver().resolve("Ilse Varga",
                                                                                               "PERSON")),))
    assert article is ARTICLE and title is None
    assert rows == [claim_row(local)]
    np.testing.assert_array_equal(vectors[local.content_hash], vec)
