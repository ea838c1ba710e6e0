"""Application factory: `uvicorn --factory app.web.app:create_app`."""

import gc
import logging
from contextlib import asynccontextmanager

from anyio import to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from app.db import make_engine
from app.queries import facets
from app.queries.warmup import warm_caches
from app.settings import ROOT, Settings, get_settings
from app.web.counts_wait import CountsWait
from app.web.hosts import HostMiddleware, parse_base_url
from app.web.methods import MethodsMiddleware
from app.web.pagecache import PageCache
from app.web.security import SecurityMiddleware


@asynccontextmanager
async def lifespan(app: FastAPI):
    # The first readers after a start should not wait for what every page needs.
    await to_thread.run_sync(_warm_up, app)
    # Everything loaded so far lives as long as the process: take it out of the garbage
    # collector's sight, so a full collection under load scans only what requests create
    # (≈ 125,000 objects took 80 ms to scan, a pause every request in flight waited out).
    gc.collect()
    gc.freeze()
    limiter = to_thread.current_default_thread_limiter()  # this event loop's
    limiter.total_tokens = max(1, app.state.settings.page_threads)
    facets.rest_while(lambda: limiter.borrowed_tokens > 0)  # a page thread is busy
    yield


def _warm_up(app: FastAPI) -> None:
    """Shared counts and lists computed, templates compiled; a database that cannot answer
    yet (a migration still to run) only means a slower first page, not a failed start."""
    try:
        with Session(app.state.engine) as session:
            warm_caches(session)
    except SQLAlchemyError as error:
        logging.getLogger("uvicorn.error").warning("counts not warmed up: %s", error)
    from app.web.templating import templates  # see create_app: imported when the app starts

    for name in templates.env.list_templates(filter_func=lambda name: name.endswith(".html")):
        templates.env.get_template(name)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    if settings.base_url:
        parse_base_url(settings.base_url)  # a wrong BASE_URL stops the start, not a request
    app = FastAPI(
        title="diplomat",
        summary="Who said what in diplomacy",
        lifespan=lifespan,
        docs_url=None,  # served by app.web.routes.docs from static/, not a CDN
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = make_engine(settings.database_url)
    # Middleware added later wraps what was added before. From the outside in: security headers
    # and request bounds; the host the site answers as; HEAD and OPTIONS; the page cache (so
    # cached pages get the headers too, and HEAD is answered from it); a listing's counts part
    # waited for in the event loop.
    app.add_middleware(CountsWait)
    app.add_middleware(
        PageCache,
        max_entries=settings.page_cache_entries,
        max_total_bytes=int(settings.page_cache_mb * 1_000_000),
    )
    app.add_middleware(MethodsMiddleware)
    app.add_middleware(
        HostMiddleware, base_url=settings.base_url, allowed_hosts=settings.allowed_hosts
    )
    app.add_middleware(
        SecurityMiddleware,
        max_url_bytes=settings.max_url_bytes,
        max_body_bytes=settings.max_body_bytes,
    )
    app.mount("/static", StaticFiles(directory=ROOT / "static"), name="static")

    from app.web.routes import register  # routes import templates; keep import-time work here

    register(app)
    return app
