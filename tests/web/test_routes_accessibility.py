"""Accessibility checks on the served pages: landmarks, labels, and AA colour contrast."""

import re
from html.parser import HTMLParser

import pytest

MAIN_PAGES = [
    "/",
    "/?speaker=sergey-lavrov&speaker=mike-pompeo",
    "/?country=FR",
    "/search",
    "/search?q=sanctions",
    "/speakers",
    "/speakers/sergey-lavrov",
    "/countries",
    "/countries/RU",
    "/topics",
    "/topics/sanctions",
    "/articles",
    "/compare?topic=sanctions&speakers=sergey-lavrov,mike-pompeo",
]


class Controls(HTMLParser):
    """Collects landmarks, form controls, label targets and controls wrapped in labels."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.controls: list[dict] = []
        self.label_for: set[str] = set()
        self.open_labels = 0
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "label":
            self.open_labels += 1
            if a.get("for"):
                self.label_for.add(a["for"])
        if tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            self.controls.append({**a, "_wrapped": self.open_labels > 0})

    def handle_endtag(self, tag):
        if tag == "label":
            self.open_labels -= 1


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_accessibility_landmarks_labels_and_skip_link(seeded_client, path):
    html = seeded_client.get(path).text
    page = Controls()
    page.feed(html)
    for landmark in ("header", "nav", "main", "footer"):
        assert landmark in page.tags, f"{path} has no <{landmark}>"
    assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html
    assert page.tags.count("h1") == 1
    for control in page.controls:
        named = (
            control["_wrapped"]
            or control.get("aria-label")
            or control.get("id") in (page.label_for)
        )
        assert named, f"{path}: unlabelled control {control}"
    duplicates = {i for i in page.ids if page.ids.count(i) > 1}
    assert not duplicates, f"{path}: duplicate ids {duplicates}"


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_accessibility_contrast_helper_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_accessibility_colours_meet_wcag_aa(seeded_client):
    css = seeded_client.get("/static/app.css").text
    variables = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))

    def rule(selector: str, before: str) -> str:
        """The colour after `before` (e.g. 'background: ') in the rule for `selector`."""
        body = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css).group(1)
        return re.search(rf"(?<![-\w]){before}(#[0-9a-fA-F]{{6}})", body).group(1)

    c = {f"--{k}": v for k, v in variables.items()}
    c["callout"] = rule(".callout", "background: ")
    c["input-border"] = rule("input, select, textarea", "border: 1px solid ")
    text_pairs = [  # (text, background): body text needs 4.5:1
        ("--ink", "--paper"),
        ("--ink", "--wash"),
        ("--ink", "--mark"),
        ("--ink", "callout"),
        ("--muted", "--paper"),
        ("--muted", "--wash"),
        ("--muted", "--mark"),
        ("--muted", "callout"),
        ("--accent", "--paper"),
        ("--accent", "--wash"),
        ("--accent", "callout"),
        ("--accent-dark", "--paper"),
        ("--accent-dark", "--wash"),
        ("--paper", "--accent"),
        ("--paper", "--accent-dark"),
        ("--paper", "--ink"),
        ("--low", "--low-wash"),
    ]
    for fg, bg in text_pairs:
        ratio = contrast(c[fg], c[bg])
        assert ratio >= 4.5, f"{fg} on {bg}: {ratio:.2f}:1"
    # Focus rings and input borders are user-interface components: 3:1 against what is around.
    for fg, bg in [("--focus", "--paper"), ("--focus", "--wash"), ("input-border", "--paper")]:
        ratio = contrast(c[fg], c[bg])
        assert ratio >= 3, f"{fg} on {bg}: {ratio:.2f}:1"
    assert ":focus-visible" in css and "outline: 3px solid var(--focus)" in css


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/", "http://testserver/"),
        ("/?country=RU&after=xyz", "http://testserver/?country=RU"),
        ("/speakers/sergey-lavrov?topic=sanctions", "http://testserver/speakers/sergey-lavrov"),
        ("/topics/sanctions", "http://testserver/topics/sanctions"),
        ("/countries/RU", "http://testserver/countries/RU"),
        ("/search?q=sanctions&sort=oldest", "http://testserver/search?q=sanctions&amp;sort=oldest"),
    ],
)
def test_sharing_canonical_url_and_opengraph(seeded_client, path, canonical):
    html = seeded_client.get(path).text
    head = html.split("</head>")[0]
    assert f'<link rel="canonical" href="{canonical}">' in head
    assert '<meta property="og:title" content="' in head
    assert f'<meta property="og:url" content="{canonical}">' in head


def test_sharing_article_and_quote_pages_have_opengraph(seeded_client):
    html = seeded_client.get("/").text
    quote = re.search(r'href="http://testserver(/quotes/\d+)"', html).group(1)
    article = re.search(r'href="http://testserver(/articles/\d+)#q', html).group(1)
    for path in (quote, article):
        head = seeded_client.get(path).text.split("</head>")[0]
        assert '<meta property="og:type" content="article">' in head
        assert f'<link rel="canonical" href="http://testserver{path}">' in head
