import pytest

from app.ingest.files import UnreadableArticle, decode_bytes, html_to_text, read_file_text


def test_decode_bytes_utf8_kept_exactly():
    text = "Lavrov said: “We disagree.”\r\n\nNext paragraph.\n"
    assert decode_bytes(text.encode("utf-8")) == text


def test_decode_bytes_strips_utf8_bom():
    assert decode_bytes("\ufeffHello there".encode()) == "Hello there"


def test_decode_bytes_utf16_with_bom():
    assert decode_bytes("Pompeo said “yes”.".encode("utf-16")) == "Pompeo said “yes”."


def test_decode_bytes_cp1252_curly_quotes():
    data = "The minister said “we will not retreat” on Monday.".encode("cp1252")
    assert decode_bytes(data) == "The minister said “we will not retreat” on Monday."


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(200),
        b"\x7fELF\x02\x01" + bytes(99),
        b"ab\x00\x00\x00\x00cd" * 50,
    ],
)
def test_decode_bytes_refuses_binary(data):
    with pytest.raises(UnreadableArticle):
        decode_bytes(data)


@pytest.mark.parametrize("data", [b"", b"   \n\t  \n"])
def test_decode_bytes_refuses_empty(data):
    with pytest.raises(UnreadableArticle):
        decode_bytes(data)


def test_read_file_text_txt_unchanged(tmp_path):
    text = "Title line\n\n“Quote here,” she said.  Extra  spaces stay.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    assert read_file_text(path) == text


def test_html_to_text_reduces_to_paragraphs():
    html = """<html><head><title>Big News</title><style>p{}</style><script>var x=1;</script>
    </head><body><nav>Home | World</nav><article><p>First   paragraph here.</p>
    <!-- a comment --><p>“We are ready,” he said.</p><aside>Related: other story</aside>
    </article><footer>Copyright</footer></body></html>"""
    text = html_to_text(html)
    assert text.splitlines()[0] == "Big News"
    assert "First paragraph here.\n\n“We are ready,” he said." in text
    for junk in ("var x", "Home | World", "Related", "Copyright", "a comment", "p{}"):
        assert junk not in text


def test_read_file_text_other_extension_refused(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(UnreadableArticle, match="unsupported"):
        read_file_text(path)
