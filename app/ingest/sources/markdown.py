"""A Markdown article as plain text: its `# Title` the first line, each block a paragraph,
emphasis, links and list markers gone, so the site shows prose, not markup (and quote offsets
index into the prose)."""

from markdown_it import MarkdownIt

_PARSER = MarkdownIt("commonmark")
_BLOCKS = {"heading_open", "paragraph_open", "blockquote_open", "list_item_open"}


def markdown_to_text(source: str) -> str:
    """Paragraphs of the article's words, blank-line separated."""
    blocks: list[str] = []
    for token in _PARSER.parse(source):
        if token.type == "inline" and token.children is not None:
            words = "".join(_inline_text(token.children)).strip()
            if words:
                blocks.append(words)
        elif token.type in ("fence", "code_block") and token.content.strip():
            blocks.append(token.content.strip())
    return "\n\n".join(blocks) + "\n"


def _inline_text(children) -> list[str]:
    out = []
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")  # kept: a byline and its date are lines of their own
        elif child.type == "image":
            out.append(child.content)  # its alt text
    return out
