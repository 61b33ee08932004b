"""The fact-checker's page in real headless Chromium, against the real server on a free port."""

import json
import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from consistency import Options, check, ingest

CHROMIUM = Path("/usr/bin/chromium")
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                       "(apt-get install chromium; CI installs it)"),
]

ARTICLES = [
    ("Baltic Wire", "2026-03-10", "Markin briefing",
     "Defence Minister Ilya Markin told a March 10 press briefing that the first battery had reached its position. "
     "The ministry said 40 soldiers were deployed near the border town of Kesk."),
    ("Riga Post", "2026-03-11", "Markin briefing " + IMG,
     "Defence Minister Ilya Markin told a March 12 press briefing that the first battery had reached its position. "
     f"Officials said 12 launchers {SCRIPT} arrived in Kesk on Tuesday. The ministry said 40 soldiers were deployed near the border "
     f"town of Kesk {IMG} on Monday."),
    ("Harbour Courier", "2026-03-11", "Summit ends",
     "Markin said the first battery had reached its position on Monday. Officials said the summit would end with "
     "a joint declaration."),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Two strikes at one port three weeks apart, each told with two different head counts: two stories
# (two events), one thread.
STRIKES = [
    ("Baltic Wire", "2026-03-02", "Dock workers strike in Kesk harbour",
     "About 300 dock workers in Kesk harbour walked out on Monday in a strike over pay, halting the Viking and "
     "Eckero ferries to Tallinn, Maret Ilves of the Baltic Dockers Union said."),
    ("Riga Post", "2026-03-02", "Kesk dockers walk out over pay",
     "About 500 dock workers in Kesk harbour walked out on Monday in a strike over pay, stopping the Viking and "
     "Eckero ferries to Tallinn, Maret Ilves of the Baltic Dockers Union said."),
    ("Baltic Wire", "2026-03-23", "Crane operators strike at Kesk container terminal",
     "About 40 crane operators at the Kesk container terminal stopped work on Monday in a new strike over pay, "
     "leaving Maersk and Hapag cargo ships waiting offshore, Toomas Kask of the Harju Port Authority said."),
    ("Riga Post", "2026-03-23", "Kesk terminal halted by crane strike",
     "About 90 crane operators at the Kesk container terminal stopped work on Monday in a new strike over pay, "
     "leaving Maersk and Hapag cargo ships waiting offshore, Toomas Kask of the Harju Port Authority said."),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    rows = [{"id": f"a{i}", "outlet": o, "url": f"https://{i}.example/story", "title": t,
             "published": d + "T08:00:00+00:00", "text": x} for i, (o, d, t, x) in enumerate(ARTICLES)]
    rows[2]["url"] = "javascript:window.__pwned=3"
    yield from _serve(tmp_path_factory.mktemp("web"), rows)


@pytest.fixture(scope="module")
def strike_server(tmp_path_factory):
    rows = [{"id": f"s{i}", "outlet": o, "url": f"https://{i}.example/strike", "title": t,
             "published": d + "T08:00:00+00:00", "text": x} for i, (o, d, t, x) in enumerate(STRIKES)]
    yield from _serve(tmp_path_factory.mktemp("strikes"), rows)


def _serve(root, rows):
    import uvicorn

    from consistency.server.app import create_app

    path = root / "articles.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    options = Options(store=root / "store", embedder="hashing")
    ingest([path], options)
    check(options)
    port = free_port()
    app = create_app(options, allowed_hosts=("127.0.0.1", "localhost"))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync"])
        pg = browser.new_page(viewport={"width": 1280, "height": 1000})
        pg.console_errors = []
        pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
        yield pg
        browser.close()


def search(page, server: str, text: str) -> None:
    page.goto(server + "/")
    page.fill("#q", text)
    page.press("#q", "Enter")
    page.wait_for_selector("#grid tbody tr", timeout=20_000)


def test_web_search_shows_outlets_grid_and_flags_with_markup_inert(page, server):
    search(page, server, "Markin told a press briefing the first battery reached its position")
    outlets = page.locator("#grid td.col-outlet strong").all_text_contents()
    assert {"Baltic Wire", "Riga Post", "Harbour Courier"} <= set(outlets)
    assert "March 12" in page.locator("#grid").inner_text()
    flag = page.locator(".flag.type-timeline", has_text="Baltic Wire")
    assert flag.count() == 1
    assert "March 10" in flag.locator(".explanation").inner_text()
    assert page.locator("#clusters .cluster").count() >= 1
    assert "Independent origins" in page.locator("#clusters").inner_text()
    text = page.locator("#results").inner_text()
    assert SCRIPT in text and IMG in text  # shown as text, not parsed
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#results script, #results img").count() == 0
    links = page.locator("#grid a[target=_blank]")
    assert links.count() >= 2
    for i in range(links.count()):
        assert links.nth(i).get_attribute("href").startswith("https://")
        assert "noopener" in links.nth(i).get_attribute("rel")
    assert page.locator("#grid .nolink").count() >= 1  # the javascript: URL stays plain text
    Path("test-output").mkdir(exist_ok=True)
    page.screenshot(path="test-output/web_search.png", full_page=True)
    assert page.console_errors == []


def test_web_answer_puts_outlets_side_by_side_and_marks_the_differing_date(page, server):
    search(page, server, "Markin told a press briefing the first battery reached its position")
    fact = page.locator("#facts .fact").first
    outlets = fact.locator("td.col-outlet").all_text_contents()
    assert {"Baltic Wire", "Riga Post"} <= set(outlets)
    marked = fact.locator("td.col-date.differs").all_text_contents()
    assert any("March 10" in t for t in marked) and any("March 12" in t for t in marked)
    assert "Timeline" in fact.locator(".disagreements").inner_text()
    assert set(fact.locator("td.col-stance").all_text_contents()) <= {"supports", "denies", "repeats"}
    assert page.console_errors == []


def test_web_dismiss_persists_through_the_api(page, server):
    search(page, server, "Markin told a press briefing the first battery reached its position")
    flag = page.locator(".flag.type-timeline", has_text="Baltic Wire")
    flag_id = flag.get_attribute("data-flag")
    flag.locator(".note").fill("same briefing, time zones differ")
    flag.locator("button.dismiss").click()
    page.wait_for_selector(f".flag.dismissed[data-flag='{flag_id}']", timeout=10_000)
    with urllib.request.urlopen(server + "/api/flags?type=timeline") as r:
        flags = json.load(r)["flags"]
    review = {f["id"]: f["review"] for f in flags}[flag_id]
    assert review["verdict"] == "dismissed" and review["note"] == "same briefing, time zones differ"
    page.reload()  # the query is kept in the address, and the verdict comes back with it
    page.wait_for_selector(f".flag.dismissed[data-flag='{flag_id}']", timeout=20_000)
    assert page.locator(f".flag[data-flag='{flag_id}'] .verdict").inner_text() == "Dismissed"
    assert page.console_errors == []


def test_web_docs_page_lists_the_endpoints_offline(page, server):
    page.goto(server + "/docs")
    page.wait_for_selector("#endpoints .card")
    text = page.locator("#endpoints").inner_text()
    assert "GET /api/query" in text and "POST /api/flags/{flag_id}/review" in text
    assert page.console_errors == []


def test_web_hides_flags_less_sure_than_chosen(page, server):
    search(page, server, "Markin told a press briefing the first battery reached its position")
    cards = page.locator("#flags .flag")
    before = cards.count()
    assert before >= 1
    confidences = [float(m.get_attribute("value")) for m in page.locator("#flags .flag meter").all()]
    page.select_option("#min-confidence", "0.7")
    assert cards.count() == sum(1 for c in confidences if c >= 0.7)
    if cards.count() < before:
        assert "less sure flags hidden" in page.locator("#flags").inner_text()
    page.select_option("#min-confidence", "0")
    assert cards.count() == before
    assert page.console_errors == []


def test_web_flags_of_two_stories_of_one_subject_sit_under_their_thread(page, strike_server):
    search(page, strike_server, "dock workers strike over pay in Kesk harbour")
    thread = page.locator("#flags .thread")
    assert thread.count() == 1
    stories = thread.locator(".story-title").all_text_contents()
    assert sorted(stories) == sorted(t for o, d, t, x in STRIKES if o == "Baltic Wire")
    for i in range(2):  # each story keeps its own flag: the head counts of one strike only
        flags = thread.locator(".story").nth(i).locator(".flag.type-number")
        assert flags.count() == 1
        text = flags.first.inner_text()
        assert ("300" in text) != ("40" in text)
    assert thread.locator(".thread-title").inner_text() == "Thread: " + STRIKES[0][2]  # named after the earlier
    assert page.console_errors == []
