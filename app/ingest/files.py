"""Bytes to article text: decoding, refusing what is not text, and a plain reduction of HTML
to its prose (the fallback for pages too small for trafilatura)."""

import os
import re
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


BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# C0 control characters other than tab, newline and carriage return: never article text, and
# XML (feeds) and PostgreSQL (NUL) refuse some of them. Page breaks become line breaks.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def decode_bytes(data: bytes) -> str:
    """Decode article bytes (UTF-8, UTF-16/32 with or without BOM, cp1252 …); refuse binary
    and empty files. The text is cleaned of control characters (see clean_text)."""
    if not data.strip():
        raise UnreadableArticle("empty file")
    if data.startswith(BINARY_MAGIC):
        raise UnreadableArticle("binary file, not text")
    text = _decode(data)
    # Text that is mostly NULs is not text; stray NULs from a broken scraper are dropped.
    if text.count("\x00") > len(text) // 10:
        raise UnreadableArticle("binary file, not text (NUL bytes)")
    text = clean_text(text)
    if not text.strip():
        raise UnreadableArticle("no text")
    return text


def clean_text(text: str) -> str:
    """Article text without control characters: page and line separators become newlines,
    the rest (NUL, bell, escape …) are dropped."""
    return _CONTROLS.sub("", _BREAKS.sub("\n", text))


def _decode(data: bytes) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise UnreadableArticle(f"not valid {encoding.upper()}") from None
    wide = _wide_encoding(data)
    if wide is not None:
        return data.decode(wide, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _legacy_decode(data)


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by where its NUL bytes fall: mostly
    Latin text has a NUL beside every letter (UTF-16) or three (UTF-32)."""
    sample = data[:4000]
    if len(sample) < 8 or sample.count(0) < len(sample) // 4:
        return None
    for width, names in ((4, ("utf-32-le", "utf-32-be")), (2, ("utf-16-le", "utf-16-be"))):
        if len(sample) % width:
            sample = sample[: len(sample) - len(sample) % width]
        units = [sample[i : i + width] for i in range(0, len(sample), width)]
        low = sum(1 for u in units if u[0] != 0 and not any(u[1:]))
        high = sum(1 for u in units if u[-1] != 0 and not any(u[:-1]))
        if low >= len(units) * 0.6:
            return names[0]
        if high >= len(units) * 0.6:
            return names[1]
    return None


def _legacy_decode(data: bytes) -> str:
    """Not UTF-8. English news with a few accented letters, curly quotes and dashes is cp1252
    (a superset of Latin-1), however short: charset detection guesses wrong on so little
    evidence ("“we are ready” –" came out as "ōwe are readyö ¢"). Text whose letters are
    mostly non-ASCII under cp1252 is another script (Cyrillic, Greek …): ask
    charset-normalizer."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        letters = [c for c in text if c.isalpha()]
        foreign = sum(1 for c in letters if not c.isascii())
        if foreign <= max(2, len(letters) * 0.3):
            return text
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableArticle("binary file, not text") from None
    return str(best)


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


def source_name(path: Path) -> str:
    """The path as text that can be stored and printed: bytes of a file name that are not
    UTF-8 (os.fsdecode keeps them as surrogates, which no database accepts) become \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_file_text(path: Path, max_bytes: int | None = None) -> str:
    """The decoded text of one article file (HTML as it is: app/ingest/sources/html.py reads
    it); offsets of extracted quotes index into what is made of it.

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
        check_size(path.stat().st_size, max_bytes)
        return decode_bytes(path.read_bytes())
    except PermissionError:
        raise UnreadableArticle("permission denied") from None


def check_size(size: int, max_bytes: int | None) -> None:
    """Refuse an article of `size` bytes over the limit, saying how to change it."""
    if max_bytes is not None and size > max_bytes:
        raise UnreadableArticle(
            f"too large for one article ({_mb(size)}; the limit is {_mb(max_bytes)},"
            " set MAX_ARTICLE_MB to change it)"
        )


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
