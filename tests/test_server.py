"""The HTTP API over a small hand-written store, through FastAPI's test client."""

import json
import re
import shutil
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sample_story import STORY

from consistency import Options, check, ingest
from consistency.cli import main
from consistency.server.app import MAX_BODY, create_app
from consistency.store.database import Store

pytestmark = pytest.mark.slow  # building the store parses articles with spaCy

QUERY = "Markin told a press briefing the first battery reached its position"


def write_articles(path: Path, stories: list[tuple[str, str, str]], prefix: str = "a") -> Path:
    rows = [{"id": f"{prefix}{i}", "outlet": o, "url": f"https://{prefix}{i}.example/story", "title": f"Story {prefix}{i}",
             "published": d + "T08:00:00+00:00", "text": t} for i, (o, d, t) in enumerate(stories)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


@pytest.fixture(scope="module")
def built_store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("server")
    options = Options(store=root / "store", embedder="hashing")
    ingest([write_articles(root / "articles.jsonl", STORY)], options)
    check(options)
    return root / "store"


@pytest.fixture()
def store(built_store, tmp_path) -> Path:
    """A private copy, so tests that write do not disturb the others."""
    return Path(shutil.copytree(built_store, tmp_path / "store"))


@pytest.fixture()
def client(store):
    with TestClient(create_app(Options(store=store, embedder="hashing"))) as c:
        yield c


def timeline_flag(client) -> dict:
    flags = client.get("/api/flags", params={"type": "timeline"}).json()["flags"]
    found = [f for f in flags if set(f["values"]) == {"Baltic Wire", "Riga Post"}]
    assert len(found) == 1
    return found[0]


def test_server_health_counts_the_store(client, store):
    h = client.get("/api/health").json()
    assert h["status"] == "ok" and h["model"] == "hashing" and h["index_type"] == "flat"
    assert h["store"] == str(store.resolve())
    assert h["counts"]["articles"] == 3 and h["counts"]["outlets"] == 3
    assert h["counts"]["claims"] == h["counts"]["indexed"] >= 5
    assert h["counts"]["flags"] >= 1


def test_server_query_returns_matches_grid_and_flags(client):
    r = client.get("/api/query", params={"q": QUERY, "k": 3})
    assert r.status_code == 200
    d = r.json()
    assert len(d["matches"]) == len(d["grid"]) == 3
    assert {m["outlet"] for m in d["matches"][:2]} == {"Baltic Wire", "Riga Post"}
    assert all(m["url"].startswith("https://") and m["title"] for m in d["matches"])
    dates = {row["outlet"]: row["date"] for row in d["grid"]}
    assert dates["Baltic Wire"] == "March 10" and dates["Riga Post"] == "March 12"
    timeline = [f for f in d["flags"] if f["type"] == "timeline" and "Baltic Wire" in f["values"]]
    assert len(timeline) == 1 and "March 12" in timeline[0]["explanation"] and timeline[0]["review"] is None
    assert d["clusters"] and {"Baltic Wire", "Riga Post"} <= set(d["clusters"][0]["outlets"])
    post = client.post("/api/query", json={"q": QUERY, "k": 3}).json()
    assert [m["claim_id"] for m in post["matches"]] == [m["claim_id"] for m in d["matches"]]


def test_server_claim_by_url_encoded_id(client):
    claim_id = client.get("/api/query", params={"q": QUERY, "k": 1}).json()["matches"][0]["claim_id"]
    assert "#" in claim_id
    r = client.get("/api/claims/" + claim_id.replace("#", "%23"))
    assert r.status_code == 200
    d = r.json()
    assert d["claim"]["id"] == claim_id and d["url"].startswith("https://") and d["flags"]
    missing = client.get("/api/claims/nothing%2399")
    assert missing.status_code == 404 and "nothing#99" in missing.json()["error"]


def test_server_flags_filter_by_type_and_status(client):
    everything = client.get("/api/flags").json()
    assert everything["total"] == len(everything["flags"]) >= 1
    assert timeline_flag(client)["values"] == {"Baltic Wire": "March 10", "Riga Post": "March 12"}
    unknown = client.get("/api/flags", params={"type": "no_such_type"})
    assert unknown.status_code == 422 and "type" in unknown.json()["error"]
    assert client.get("/api/flags", params={"status": "resolved"}).json()["total"] == 0
    assert client.get("/api/flags", params={"limit": 0}).status_code == 422


def test_server_review_persists_in_the_store(client, store):
    flag = timeline_flag(client)
    r = client.post(f"/api/flags/{flag['id']}/review", json={"verdict": "dismiss", "note": "time zones"})
    assert r.status_code == 200 and r.json()["verdict"] == "dismissed"
    assert timeline_flag(client)["review"]["note"] == "time zones"
    answered = client.get("/api/query", params={"q": QUERY, "k": 3}).json()
    assert {f["id"]: f["review"] for f in answered["flags"]}[flag["id"]]["verdict"] == "dismissed"
    with Store(store, readonly=True) as s:
        assert s.reviews()[flag["id"]]["verdict"] == "dismissed"
    assert client.post(f"/api/flags/{flag['id']}/review", json={"verdict": "maybe"}).status_code == 422
    unknown = client.post("/api/flags/tim-000000000000/review", json={"verdict": "confirm"})
    assert unknown.status_code == 404 and "no flag" in unknown.json()["error"]
    form = client.post(f"/api/flags/{flag['id']}/review", data={"verdict": "confirm"})
    assert form.status_code == 415 and "JSON" in form.json()["error"]


def test_server_refuses_oversized_and_invalid_input(client):
    big = client.post("/api/query", content=b"x" * (MAX_BODY + 1), headers={"content-type": "application/json"})
    assert big.status_code == 413 and "64 KB" in big.json()["error"]

    def chunks():
        for _ in range(80):
            yield b"y" * 1024

    streamed = client.post("/api/query", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413
    long = client.get("/api/query", params={"q": "x" * 2001})
    assert long.status_code == 422 and "2001 characters" in long.json()["error"]
    assert client.post("/api/query", json={"q": "   "}).status_code == 422
    assert client.get("/api/query", params={"q": "battery", "k": 0}).status_code == 422
    assert client.post("/api/query", json={"q": "battery", "k": True}).status_code == 422
    assert client.post("/api/query", json={"q": "battery", "k": 3.0}).status_code == 200
    missing = client.get("/api/query")
    assert missing.status_code == 422 and "q" in missing.json()["error"]


def test_server_rate_limit_answers_429(store):
    with TestClient(create_app(Options(store=store, embedder="hashing"), rate=0.5, burst=3)) as c:
        codes = [c.get("/api/health").status_code for _ in range(5)]
        assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
        r = c.get("/api/health")
        assert "too many requests" in r.json()["error"] and int(r.headers["retry-after"]) >= 1
        assert c.get("/").status_code == 200  # the page itself is not counted


def test_server_errors_and_docs_need_nothing_external(client):
    r = client.get("/api/nowhere")
    assert r.status_code == 404 and r.json() == {"error": "no such page or endpoint; see /docs"}
    spec = client.get("/openapi.json").json()
    assert {"/api/query", "/api/claims/{claim_id}", "/api/flags", "/api/flags/{flag_id}/review",
            "/api/health"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/docs.js" in docs.text and "cdn" not in docs.text.lower()


def test_server_page_is_local_and_locked_down(client):
    r = client.get("/")
    assert r.status_code == 200 and '<script src="/static/app.js"' in r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    js = client.get("/static/app.js").text
    assert not re.search(r"\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write", js) and "textContent" in js
    assert client.get("/static/../server.py").status_code == 404
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")


def test_server_refuses_foreign_host_names(store):
    app = create_app(Options(store=store, embedder="hashing"), allowed_hosts=("127.0.0.1", "localhost"))
    with TestClient(app, base_url="http://127.0.0.1:8765") as c:
        assert c.get("/api/health").status_code == 200
        evil = c.get("/api/health", headers={"host": "attacker.example"})
        assert evil.status_code == 400 and "not served here" in evil.json()["error"]


def test_server_answers_while_an_ingest_writes(store, tmp_path):
    extra = [(f"Outlet {i}", "2026-03-12", f"Councillor Vera Lind said the ferry to Kesk carried {i + 100} "
              f"passengers on Friday. The port authority said the crossing took {i + 2} hours.") for i in range(30)]
    path = write_articles(tmp_path / "extra.jsonl", extra, prefix="x")
    errors: list[BaseException] = []

    def run() -> None:
        try:
            ingest([path], Options(store=store, embedder="hashing", batch_size=5))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    client = TestClient(create_app(Options(store=store, embedder="hashing"), rate=1000, burst=1000))
    writer = threading.Thread(target=run)
    writer.start()
    codes = []
    while writer.is_alive() or not codes:
        codes.append(client.get("/api/query", params={"q": QUERY, "k": 5}).status_code)
        codes.append(client.get("/api/health").status_code)
        time.sleep(0.01)
    writer.join()
    assert not errors and set(codes) == {200} and len(codes) >= 4
    after = client.get("/api/query", params={"q": "the ferry to Kesk carried passengers", "k": 5}).json()
    assert {m["outlet"] for m in after["matches"]} & {f"Outlet {i}" for i in range(30)}
    assert client.get("/api/health").json()["counts"]["articles"] == 33


def test_server_cli_serve_reports_a_missing_store(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--store", str(tmp_path / "none"), "--embedder", "hashing"])
    assert result.exit_code == 1 and "no store here" in result.output


def test_server_flags_and_query_leave_out_less_sure_flags(client):
    everything = client.get("/api/flags").json()["flags"]
    confidences = sorted({f["confidence"] for f in everything})
    cut = confidences[-1]
    sure = client.get("/api/flags", params={"min_confidence": cut}).json()
    assert sure["total"] == sum(1 for f in everything if f["confidence"] >= cut) >= 1
    assert all(f["confidence"] >= cut for f in sure["flags"])
    assert client.get("/api/flags", params={"min_confidence": 1.5}).status_code == 422
    answer = client.get("/api/query", params={"q": QUERY}).json()
    above_all = client.get("/api/query", params={"q": QUERY, "min_confidence": 1}).json()
    assert answer["flags"] and [f for f in answer["flags"] if f["confidence"] >= 1] == above_all["flags"]


def test_server_and_cli_give_each_statement_its_stance_toward_the_query(client, store):
    def stances(q: str) -> dict[str, str]:
        facts = client.get("/api/query", params={"q": q, "k": 3}).json()["facts"]
        return {s["claim_id"]: s["stance"] for f in facts for s in f["statements"]}

    agree = stances(QUERY)
    deny = stances("Markin denied the first battery reached its position")
    both = set(agree) & set(deny)
    assert both and all(agree[c] == "supports" and deny[c] == "denies" for c in both)
    r = CliRunner().invoke(main, ["query", "--store", str(store), "--embedder", "hashing", "--format", "json",
                                  "No battery reached its position"])
    assert r.exit_code == 0, r.output
    cli = {s["claim_id"]: s["stance"] for f in json.loads(r.output)["facts"] for s in f["statements"]}
    assert set(cli) & both and all(cli[c] == "denies" for c in set(cli) & both)
