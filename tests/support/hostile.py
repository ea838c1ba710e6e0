"""Hostile article files, generated at test time so no large blobs live in the repository.

Each generator writes one file (or folder) under `folder` and returns its path. `HOSTILE` maps a
name to (generator, expectation): "stored" means it must be ingested, "refused" that it must fail
with one line naming the file, "either" that both are acceptable as long as nothing hangs.
"""

import os
from collections.abc import Callable
from pathlib import Path

GOOD = (
    "Talks in Geneva\n\n"
    '"We will keep talking," Foreign Minister Anna Berg said on Monday.\n\n'
    "Berg said that the next round would start in May.\n"
)


def good(place: str) -> str:
    """A short valid article, different for each `place` so none is a duplicate of another."""
    return GOOD.replace("Geneva", place)


PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
ELF = b"\x7fELF\x02\x01\x01" + bytes(9) + bytes(range(256)) * 4


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def empty(folder: Path) -> Path:
    return _write(folder / "empty.txt", b"")


def whitespace(folder: Path) -> Path:
    return _write(folder / "whitespace.txt", b" \n\t\r\n   \n" * 100)


def png(folder: Path) -> Path:
    return _write(folder / "image.txt", PNG)


def elf(folder: Path) -> Path:
    return _write(folder / "program.md", ELF)


def utf16(folder: Path) -> Path:
    return _write(folder / "utf16.txt", good("Utrecht").encode("utf-16"))


def cp1252(folder: Path) -> Path:
    text = good("Lyon").replace('"We', "\u201cWe").replace('ing,"', "ing,\u201d")
    text += "Café société.\n"
    return _write(folder / "cp1252.txt", text.encode("cp1252"))


def invalid_utf8(folder: Path) -> Path:
    return _write(folder / "invalid.txt", good("Riga").encode() + b"\xff\xfe\xc3\x28 broken \xa0\n")


def nul_bytes(folder: Path) -> Path:
    return _write(folder / "nul.txt", good("Nice").encode().replace(b" ", b" \x00", 3))


def huge(folder: Path, megabytes: int = 50) -> Path:
    """A `megabytes` MB article made of ordinary paragraphs."""
    block = (GOOD * 20).encode()
    with (folder / "huge.txt").open("wb") as out:
        for _ in range(megabytes * 1_000_000 // len(block) + 1):
            out.write(block)
    return folder / "huge.txt"


def long_line(folder: Path) -> Path:
    return _write(folder / "long-line.txt", b"Minister said " + b"word " * 200_000 + b"\n")


def many_quotes(folder: Path) -> Path:
    return _write(folder / "quotes.txt", b"Title\n\n" + b'"' * 10_000 + b"\n")


def unbalanced_quotes(folder: Path) -> Path:
    line = '"He said that “it was ‘not so, he said "and she said «never ' * 400
    return _write(folder / "unbalanced.txt", ("Title\n\n" + line + "\n").encode())


def nested_quotes(folder: Path) -> Path:
    depth = 2_000
    text = "Title\n\nBerg said " + '“‘"' * depth + "yes" + '"’”' * depth + " on Monday.\n"
    return _write(folder / "nested.txt", text.encode())


def script_html(folder: Path) -> Path:
    junk = "<script>alert(1)</script><style>p{color:red}</style><!-- comment -->" * 2_000
    html = (
        f"<html><head><title>Talks</title>{junk}</head><body>{junk}"
        f"<p>\u201cWe will keep talking,\u201d Anna Berg said.</p>{junk}</body></html>"
    )
    return _write(folder / "scripts.html", html.encode())


def rtl_emoji(folder: Path) -> Path:
    text = (
        "محادثات في جنيف 🇨🇭\n\n"
        "«سنواصل الحديث» قال الوزير. 😀🙏🏽 \u202eevil\u202c\n\n"
        '"We will keep talking 🤝," Anna Berg said.\n'
    )
    return _write(folder / "rtl.txt", text.encode())


def symlink_loop(folder: Path) -> Path:
    loop = folder / "loop"
    loop.mkdir()
    (loop / "self").symlink_to(loop, target_is_directory=True)
    (loop / "article.txt").write_text(good("Oslo"))
    (loop / "dangling.txt").symlink_to(folder / "missing.txt")
    return loop


def unreadable(folder: Path) -> Path:
    path = _write(folder / "secret.txt", good("Bern").encode())
    path.chmod(0)
    return path


def small_files(folder: Path, count: int = 10_000) -> Path:
    many = folder / "many"
    many.mkdir()
    for n in range(count):
        (many / f"{n:05d}.txt").write_text(f"Note {n}\n\nThe minister arrived on day {n}.\n")
    return many


def can_read_unreadable() -> bool:
    """True when chmod 000 does not stop us (root, or CAP_DAC_OVERRIDE)."""
    return os.geteuid() == 0


Generator = Callable[[Path], Path]
HOSTILE: dict[str, tuple[Generator, str]] = {
    "empty": (empty, "refused"),
    "whitespace": (whitespace, "refused"),
    "png": (png, "refused"),
    "elf": (elf, "refused"),
    "utf16": (utf16, "stored"),
    "cp1252": (cp1252, "stored"),
    "invalid_utf8": (invalid_utf8, "stored"),
    "nul_bytes": (nul_bytes, "stored"),
    "long_line": (long_line, "either"),
    "many_quotes": (many_quotes, "either"),
    "unbalanced_quotes": (unbalanced_quotes, "either"),
    "nested_quotes": (nested_quotes, "either"),
    "script_html": (script_html, "stored"),
    "rtl_emoji": (rtl_emoji, "stored"),
}
