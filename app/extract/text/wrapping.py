"""Hard-wrapped text: paragraphs printed over several lines of a fixed width.

Wire copy, e-mailed releases and many .txt dumps break every line near 70-80 characters and
mark paragraphs with a blank line. The extractor reads one paragraph a line (news as scraped
puts each on its own line), so a wrapped sentence fell apart into fragments: its speaker on one
line, the verb on the next. A line break that only wraps becomes a space; the text keeps its
length, so every offset into it still holds.
"""

MAX_WRAP_WIDTH = 100  # longer lines are paragraphs, not wrapped lines
MIN_WRAP_WIDTH = 50
WRAP_SLACK = 25  # a wrapped line ends within this many characters of the widest one
MIN_WRAPPED_LINES = 3  # fewer near-width lines with a continuation is no wrapping
MIN_WRAPPED_SHARE = 0.3  # of the breaks between two lines of text
CLOSERS = "\"'”’)]»"


def _mid_sentence(line: str) -> bool:
    """A line that stops inside a sentence: "…, Solberg" or '… years,"', not "… July." """
    return line.rstrip().rstrip(CLOSERS)[-1:] not in (".", "!", "?", ":", ";", "")


def unwrap(text: str) -> str:
    """`text` with each line break that wraps a sentence made a space; unchanged when the
    text is not hard-wrapped (a line longer than MAX_WRAP_WIDTH, or too few lines that run
    to the width and stop inside a sentence). A break after a sentence's end stays: there a
    paragraph may end."""
    lines = text.split("\n")
    widths = [len(line.rstrip()) for line in lines]
    widest = max(widths, default=0)
    if not MIN_WRAP_WIDTH <= widest <= MAX_WRAP_WIDTH:
        return text
    joins, breaks, pos = [], 0, 0
    for n, line in enumerate(lines[:-1]):
        pos += len(line)
        following = lines[n + 1]
        if line.strip() and following.strip():
            breaks += 1
            if widths[n] >= widest - WRAP_SLACK and _mid_sentence(line):
                joins.append(pos)  # the "\n" after this line
        pos += 1
    if len(joins) < MIN_WRAPPED_LINES or len(joins) < MIN_WRAPPED_SHARE * breaks:
        return text
    chars = list(text)
    for at in joins:
        chars[at] = " "
    return "".join(chars)
