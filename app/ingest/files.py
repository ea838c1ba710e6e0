"""Bytes to article text: decoding, refusing what is not text, and HTML reduced to its prose."""

from pathlib import Path

from charset_normalizer import from_bytes
from selectolax.lexbor import LexborHTMLParser as HTMLParser

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
BINARY_MAGIC = (b"\x89PNG", b"\x7fELF", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04")
DROPPED_TAGS = "script, style, noscript, nav, footer, aside, form, iframe, svg, template, header"
BLOCK_TAGS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, dd, dt"


class UnreadableArticle(Exception):
    """An article that cannot be read as text; the message is the one-line reason."""


def decode_bytes(data: bytes) -> str:
    """Decode article bytes (UTF-8, UTF-16 with BOM, cp1252 …); refuse binary and empty files."""
    if not data.strip():
        raise UnreadableArticle("empty file")
    if data.startswith(BINARY_MAGIC):
        raise UnreadableArticle("binary file, not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strip_bom(data.decode("utf-16"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _legacy_decode(data)
    # Stray NULs from a broken scraper are dropped; text that is mostly NULs is not text.
    if text.count("\x00") > len(text) // 10:
        raise UnreadableArticle("binary file, not text (NUL bytes)")
    text = text.replace("\x00", "")
    if not text.strip():
        raise UnreadableArticle("no text")
    return text


def _legacy_decode(data: bytes) -> str:
    """Mostly-ASCII English news with a few high bytes is cp1252 (curly quotes, dashes);
    charset detection guesses wrong on so little evidence. Otherwise ask charset-normalizer."""
    high = sum(1 for b in data if b >= 0x80)
    if high <= len(data) // 20:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableArticle("binary file, not text") from None
    return str(best)


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def html_to_text(html: str) -> str:
    """The readable text of an HTML page: title first, then its paragraphs, blank-line separated."""
    tree = HTMLParser(html)
    title = tree.css_first("title")
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    assert root is not None  # lexbor builds <html><body> around any input, even an empty one
    for node in root.css(DROPPED_TAGS):
        node.decompose()
    blocks = [_squash(node.text(separator=" ")) for node in root.css(BLOCK_TAGS)]
    if not blocks:
        blocks = [_squash(line) for line in root.text(separator="\n").splitlines()]
    blocks = [b for b in blocks if b]
    heading = _squash(title.text()) if title else ""
    if heading and (not blocks or blocks[0] != heading):
        blocks.insert(0, heading)
    return "\n\n".join(blocks) + "\n"


def _squash(text: str) -> str:
    return " ".join(text.split())


def read_article(path: Path, max_bytes: int | None = None) -> str:
    """The text of one article file; offsets of extracted quotes index into this string.

    A file over `max_bytes` is refused before it is read: it is not one news article, and
    extraction time grows faster than length.
    """
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise UnreadableArticle(f"unsupported file type {suffix or '(none)'}")
    try:
        if not path.is_file():
            broken = path.is_symlink() and not path.exists()
            raise UnreadableArticle("broken symbolic link" if broken else "not a regular file")
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise UnreadableArticle(
                f"too large for one article ({_mb(size)}; the limit is {_mb(max_bytes)},"
                " set MAX_ARTICLE_MB to change it)"
            )
        text = decode_bytes(path.read_bytes())
    except PermissionError:
        raise UnreadableArticle("permission denied") from None
    if suffix in HTML_SUFFIXES:
        text = html_to_text(text)
        if not text.strip():
            raise UnreadableArticle("no article text in the HTML")
    return text


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
