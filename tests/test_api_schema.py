"""The OpenAPI schema matches the server: schemathesis generates requests from it, in process
(no network), with a bounded number of examples, and every answer must conform."""

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from sample_story import STORY

pytestmark = pytest.mark.slow  # building the store parses articles with spaCy

schemathesis = pytest.importorskip("schemathesis")

from consistency import Options, check, ingest  # noqa: E402
from consistency.server.app import create_app  # noqa: E402


def _app(root: Path):
    rows = [{"id": f"a{i}", "outlet": o, "url": f"https://a{i}.example/story", "title": f"Story {i}",
             "published": d + "T08:00:00+00:00", "text": t} for i, (o, d, t) in enumerate(STORY)]
    (root / "articles.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    options = Options(store=root / "store", embedder="hashing")
    ingest([root / "articles.jsonl"], options)
    check(options)
    # A generous rate: the generated requests arrive faster than a person types.
    return create_app(options, rate=10_000, burst=10_000)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    return _app(tmp_path_factory.mktemp("api"))


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=25, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
def test_api_schema_every_generated_request_gets_a_documented_answer(case):
    case.call_and_validate()


def test_api_schema_answers_the_server_gives_are_the_documented_ones(app):
    from fastapi.testclient import TestClient

    client = TestClient(app)
    bogus = client.get("/api/flags", params={"status": "bogus"})
    assert bogus.status_code == 422 and "status" in bogus.json()["error"]
    assert client.get("/api/flags", params={"type": "nonsense"}).status_code == 422
    wrong = client.request("OPTIONS", "/api/query")
    assert wrong.status_code == 405 and {"GET", "POST"} <= set(wrong.headers["Allow"].split(", "))
    post_get_only = client.post("/api/health", content=b"x", headers={"Content-Type": "text/plain"})
    assert post_get_only.status_code == 405 and "GET" in post_get_only.headers["Allow"]
    documented = client.get("/openapi.json").json()["paths"]
    assert {"400", "413", "415", "422", "429"} <= set(documented["/api/query"]["post"]["responses"])
    assert "404" in documented["/api/flags/{flag_id}/review"]["post"]["responses"]
