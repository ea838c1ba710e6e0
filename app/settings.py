"""Configuration, read once from the environment (prefix-free names) or passed in by tests."""

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = f"sqlite:///{ROOT / 'data' / 'diplomat.db'}"
    page_size: int = 20
    # Counts that take longer than this are finished in the background and fetched by the page
    # when ready (see app.web.listing), rather than slowing the page.
    facet_budget_ms: int = 25
    page_cache_entries: int = 256  # rendered pages kept per process until the data changes
    page_cache_mb: float = 16.0  # ... and at most this much of them
    # Pages each server process builds at once; more requests wait their turn. Python runs one
    # thread at a time, and a page thread back from the database waits out the others' turns
    # (up to 5 ms each), so four or more at once made every page slower: at 8 connections on
    # two workers, two at a time cut the long tail's p99 by a fifth at the same throughput.
    page_threads: int = 2
    site_name: str = "diplomat"
    # A file bigger than this is not one news article; extraction time grows faster than size.
    max_article_mb: float = 5.0
    # Extraction of one article is abandoned (and reported) after this many seconds.
    article_time_budget_s: float = 60.0
    # Fetching feeds and pages (`diplomat ingest URL`, `--feeds`): name a contact in the
    # User-Agent (a URL or an e-mail address) so site owners can reach you; seconds between
    # requests to one host (robots.txt's Crawl-delay wins when longer); seconds a connection,
    # a read or a whole response may take; further attempts after a temporary failure.
    fetch_user_agent: str = "diplomat/0.1 (news quote indexer; robots.txt respected)"
    fetch_delay_s: float = 1.0
    fetch_timeout_s: float = 20.0
    fetch_retries: int = 2
    # Requests past these are refused (414 / 413) before any route runs.
    max_url_bytes: int = 4096
    max_body_bytes: int = 65_536
    # A request head (request line and headers) over this gets 431; one not fully received this
    # many seconds after its first byte gets the connection closed (slow-client protection).
    max_header_bytes: int = 32_768
    header_timeout_s: float = 10.0
    # The site's public address (e.g. https://quotes.example.org). When set, every absolute URL
    # (links, canonical, feeds, CSV) uses it whatever Host header a request carries.
    base_url: str | None = None
    # Host names the site answers to, comma-separated ("*": any). Others get 400.
    allowed_hosts: str = "*"


def get_settings() -> Settings:
    return Settings()
