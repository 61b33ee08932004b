"""The HTTP JSON API and the fact-checker's web page, over one loaded query engine.

Models, store and index are loaded once when the app is created; each query then picks up
what a batch has written since (SQLite WAL keeps the store readable while it writes).
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any, AsyncIterator, Literal

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import ConsistencyError, NotFoundError
from ..options import Options
from ..records import FlagType as FlagTypeName
from ..store.encoding import claim_to_dict, flag_to_dict

logger = logging.getLogger(__name__)

MAX_BODY = 64 * 1024
MAX_QUERY_CHARS = 2000
MAX_K = 200
VERDICTS = {"confirm": "confirmed", "confirmed": "confirmed", "dismiss": "dismissed", "dismissed": "dismissed"}
MIN_CONFIDENCE = "Leave out flags less sure than this (confidence is the precision measured at the flag's score)."
WEB_FILES = {"index.html": "text/html", "app.js": "text/javascript", "style.css": "text/css",
             "docs.html": "text/html", "docs.js": "text/javascript", "favicon.svg": "image/svg+xml"}
SECURITY_HEADERS = {
    # Nothing inline and nothing from elsewhere: even markup that slipped into the page could not run.
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                               "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class ApiError(Exception):
    """An error answered as ``{"error": message}`` with an HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# The limits the handlers enforce (with messages of their own), stated in the schema as well.
QUERY_TEXT = {"minLength": 1, "maxLength": MAX_QUERY_CHARS, "pattern": r"\S"}


class QueryBody(BaseModel):
    q: str = Field(description="The claim to look for, in plain words.", json_schema_extra=QUERY_TEXT)
    k: int = Field(10, ge=1, le=MAX_K, description=f"How many matching claims to return (1..{MAX_K}).")

    @field_validator("k", mode="before")
    @classmethod
    def _no_boolean_count(cls, value: object) -> object:
        # JSON's true is no count, though Python reads it as 1; 3.0 still is one, as JSON Schema says
        if isinstance(value, bool):
            raise ValueError("must be a whole number, not true or false")
        return value


class ReviewBody(BaseModel):
    verdict: str = Field(description="confirm (a real problem) or dismiss (a false alarm).",
                         json_schema_extra={"enum": sorted(VERDICTS)})
    note: str = Field("", description="Why; shown in reports.", json_schema_extra={"maxLength": MAX_QUERY_CHARS})


class ErrorBody(BaseModel):
    error: str = Field(description="What went wrong and what to do.")


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error answers a route can give, for the schema: each is ``{"error": message}``."""
    text = {400: "The Host header names another site", 404: "No such claim or flag", 413: "The body is over 64 KB",
            415: "A POST body that is not JSON", 422: "A parameter or body field is invalid",
            429: "Too many requests; see Retry-After", 500: "An internal error; see the server log"}
    return {status: {"model": ErrorBody, "description": text[status]} for status in statuses}


GET_ERRORS = _errors(400, 422, 429, 500)
POST_ERRORS = _errors(400, 413, 415, 422, 429, 500)


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, whether or not they declare a length."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _too_large(send, self.limit)
            return
        seen = 0
        over = False
        answered = False

        async def limited() -> Message:
            nonlocal seen, over
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    over = True
                    raise ApiError(413, _too_large_text(self.limit))
            return message

        async def checked_send(message: Message) -> None:
            # The framework turns a failed body read into its own 400; answer 413 instead.
            nonlocal answered
            if not over:
                await send(message)
            elif not answered:
                answered = True
                await _too_large(send, self.limit)

        try:
            await self.app(scope, limited, checked_send)
        except ApiError:
            if not answered:
                await _too_large(send, self.limit)


def _too_large_text(limit: int) -> str:
    return f"request body is over {limit // 1024} KB; send the claim text only (at most {MAX_QUERY_CHARS} characters)"


async def _too_large(send: Send, limit: int) -> None:
    response = JSONResponse({"error": _too_large_text(limit)}, status_code=413)
    await response({"type": "http"}, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


class RateLimiter:
    """A token bucket per client address: ``rate`` requests a second, bursts up to ``burst``."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> float:
        """0 when the request may go ahead, else the seconds to wait."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)
                return 0.0
            self._buckets[client] = (tokens, now)
            if len(self._buckets) > 10_000:  # forget idle clients rather than grow without bound
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 60}
            return (1.0 - tokens) / self.rate


class Service:
    """The loaded query engine plus the store operations the API needs, safe across threads."""

    def __init__(self, options: Options) -> None:
        from ..query.engine import QueryEngine

        self.options = options
        self.engine = QueryEngine(options)
        self.lock = threading.Lock()  # one SQLite connection and one FAISS index, shared by all requests
        with self.lock:
            self.engine.refresh()
            _ = self.engine.store.index
            self.engine.search("warm up", 1)  # the first encode pays one-off set-up costs
        self.model = self.engine.embedder.name

    def query(self, text: str, k: int, min_confidence: float = 0.0) -> dict:
        with self.lock:
            result = self.engine.query(text, k).to_dict()
            reviews = self.engine.store.reviews() if result["flags"] else {}
            result["flags"] = [f for f in result["flags"] if f["confidence"] >= min_confidence]
            result["threads"] = self._threads_of(result["flags"])
        for f in result["flags"]:
            f["review"] = reviews.get(f["id"])
        return result

    def _threads_of(self, flags: list[dict]) -> dict[str, dict]:
        """Thread id -> how many stories it holds in the store, for the flags' stories; each flag gets
        its story's title and thread id (the page groups stories of one thread together)."""
        store = self.engine.store
        stories = sorted({f["story_id"] for f in flags if f.get("story_id")})
        if not stories:
            return {}
        titles = store.story_titles(stories)
        links = store.story_threads(stories)
        for f in flags:
            f["story_title"] = titles.get(f.get("story_id") or "", "")
            f["thread_id"] = links.get(f.get("story_id") or "")
        sizes = store.thread_sizes(set(links.values()))
        return {tid: {"stories": sizes.get(tid, 1)} for tid in sorted(set(links.values()))}

    def claim(self, claim_id: str) -> dict | None:
        with self.lock:
            found = self.engine.store.claim_by_id(claim_id)
            if found is None:
                return None
            rowid, claim = found
            art = self.engine.store.article_meta_of([claim.article_id]).get(claim.article_id)
            self.engine.refresh()
            flags = [flag_to_dict(f) for f in self.engine._flags_by_claim.get(claim_id, [])]
        return {"claim": claim_to_dict(claim), "url": art["url"] if art else "", "title": art["title"] if art else "",
                "flags": flags}

    def flags(self, type_: str | None, status: str | None, limit: int, offset: int, min_confidence: float = 0.0
              ) -> dict:
        with self.lock:
            items = self.engine.store.flags(status)
            reviews = self.engine.store.reviews()
        if type_:
            items = [f for f in items if f.type == type_]
        items = [f for f in items if f.confidence >= min_confidence]
        page = []
        for f in items[offset:offset + limit]:
            d = flag_to_dict(f)
            d["review"] = reviews.get(f.id)
            page.append(d)
        return {"total": len(items), "offset": offset, "flags": page}

    def review(self, flag_id: str, verdict: str, note: str) -> dict:
        from ..review import review

        with self.lock:
            return review(flag_id, verdict, note, self.options)

    def health(self) -> dict:
        with self.lock:
            index_type = self.engine.store.index.type_name
            counts = self.engine.store.counts()
        return {"status": "ok", "store": str(Path(self.options.store).resolve()), "model": self.model,
                "index_type": index_type, "counts": counts}

    def close(self) -> None:
        self.engine.close()


def create_app(options: Options | None = None, *, rate: float = 20.0, burst: int = 40,
               allowed_hosts: tuple[str, ...] | None = None) -> FastAPI:
    """The API and the web page over the store in ``options``; models load here, once."""
    options = options or Options()
    service = Service(options)
    limiter = RateLimiter(rate, burst)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        service.close()

    app = FastAPI(title="consistency", version="0.1.0", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Find who reported a claim, what each outlet says, and where they disagree.")
    app.state.service = service

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Response:
        host = (request.headers.get("host") or "").rsplit(":", 1)[0].strip("[]")
        if allowed_hosts is not None and host not in allowed_hosts:
            # A page elsewhere that points its own name at 127.0.0.1 must not reach the API.
            return _error(400, f"host {host!r} is not served here; open http://127.0.0.1 or http://localhost")
        if request.url.path.startswith("/api/"):
            wait = limiter.allow(request.client.host if request.client else "?")
            if wait:
                response = _error(429, f"too many requests; at most {rate:g} a second. Retry in {wait:.2f}s")
                response.headers["Retry-After"] = str(max(1, round(wait)))
                return response
            if (request.method == "POST" and "POST" in _methods(app, request.url.path)
                    and "application/json" not in request.headers.get("content-type", "")):
                # Plain forms from other sites cannot send JSON without asking first.
                return _error(415, "send the body as JSON with 'Content-Type: application/json'")
        try:
            response = await call_next(request)
        except ApiError as exc:
            response = _error(exc.status, exc.message)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        response = _error(exc.status_code, "no such page or endpoint; see /docs" if exc.status_code == 404 else message)
        response.headers.update(exc.headers or {})
        if exc.status_code == 405:  # every method the path answers, not only the first route's
            response.headers["Allow"] = ", ".join(sorted(_methods(app, request.url.path)))
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path"))
            parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else str(e.get("msg", "invalid")))
        return _error(422, "; ".join(parts) or "invalid request")

    @app.exception_handler(ConsistencyError)
    async def domain_error(_: Request, exc: ConsistencyError) -> JSONResponse:
        return _error(404 if isinstance(exc, NotFoundError) else 400, str(exc))

    @app.exception_handler(Exception)
    async def crash(_: Request, exc: Exception) -> JSONResponse:
        logger.exception("request failed")
        return _error(500, f"internal error: {type(exc).__name__}; see the server log")

    @app.get("/api/query", summary="Claims matching a text, with grid, clusters and flags (each with its story and thread)",
             responses=GET_ERRORS)
    def get_query(q: str = Query(..., description="The claim to look for.", json_schema_extra=QUERY_TEXT),
                  k: int = Query(10, ge=1, le=MAX_K, description=f"Matches to return (1..{MAX_K})."),
                  min_confidence: float = Query(0.0, ge=0, le=1, description=MIN_CONFIDENCE)) -> dict:
        return service.query(*_checked(q, k), min_confidence)

    @app.post("/api/query", summary="The same as GET, with the claim in a JSON body", responses=POST_ERRORS)
    def post_query(body: QueryBody) -> dict:
        return service.query(*_checked(body.q, body.k))

    @app.get("/api/claims/{claim_id:path}", summary="One stored claim with its article link and flags",
             responses=_errors(400, 404, 422, 429, 500))
    def get_claim(claim_id: str) -> dict:
        found = service.claim(claim_id)
        if found is None:
            raise ApiError(404, f"no claim with id {claim_id!r}; claim ids look like 'ARTICLE#N' (encode '#' as %23)")
        return found

    @app.get("/api/flags", summary="Flags by type and status, with any verdict on them", responses=GET_ERRORS)
    def get_flags(type: FlagTypeName | None = Query(None, description="timeline, attribution, number, ..."),  # noqa: A002
                  status: Literal["open", "resolved", "all"] = Query("open", description="open, resolved, or all"),
                  limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0),
                  min_confidence: float = Query(0.0, ge=0, le=1, description=MIN_CONFIDENCE)) -> dict:
        return service.flags(type or None, None if status == "all" else status, limit, offset, min_confidence)

    @app.post("/api/flags/{flag_id}/review", summary="Record a verdict on a flag (confirm or dismiss)",
              responses={**POST_ERRORS, **_errors(404)})
    def post_review(flag_id: str, body: ReviewBody) -> dict:
        verdict = VERDICTS.get(body.verdict.strip().lower())
        if verdict is None:
            raise ApiError(422, f"verdict must be 'confirm' or 'dismiss' (got {body.verdict!r})")
        if len(body.note) > MAX_QUERY_CHARS:
            raise ApiError(422, f"note is {len(body.note)} characters; keep it under {MAX_QUERY_CHARS}")
        return service.review(flag_id, verdict, body.note)

    @app.get("/api/health", summary="Counts, store path, model and index type", responses=_errors(400, 429, 500))
    def health() -> dict:
        return service.health()

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return _web("index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return _web("docs.html")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> FileResponse:
        return _web(name)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return _web("favicon.svg")

    app.add_middleware(BodyLimit, limit=MAX_BODY)
    return app


def _methods(app: FastAPI, path: str) -> set[str]:
    """The HTTP methods some route answers at ``path``."""
    found: set[str] = set()
    for route in app.routes:
        regex, methods = getattr(route, "path_regex", None), getattr(route, "methods", None)
        if regex is not None and methods and regex.match(path):
            found |= set(methods)
    return found


def _checked(q: str, k: int) -> tuple[str, int]:
    if len(q) > MAX_QUERY_CHARS:
        raise ApiError(422, f"query is {len(q)} characters; the limit is {MAX_QUERY_CHARS}. Paste the claim, not the article")
    if not q.strip():
        raise ApiError(422, "the query is empty; type the claim to look for")
    if not 1 <= k <= MAX_K:
        raise ApiError(422, f"k must be between 1 and {MAX_K} (got {k})")
    return q, k


def _web(name: str) -> FileResponse:
    if name not in WEB_FILES:
        raise ApiError(404, f"no file {name!r}")
    path = resources.files("consistency.server") / "web" / name
    return FileResponse(str(path), media_type=WEB_FILES[name], headers={"Cache-Control": "no-cache"})


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def serve(options: Options, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Run the API and web page until interrupted."""
    import uvicorn

    loopback = host in ("127.0.0.1", "localhost", "::1")
    app = create_app(options, allowed_hosts=("127.0.0.1", "localhost", "::1") if loopback else None)
    logger.info("serving %s on http://%s:%d", options.store, host, port)
    uvicorn.run(app, host=host, port=port, log_level="warning")
