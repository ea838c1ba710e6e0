import tomllib

from app.extract.topics import DEFAULT_TAXONOMY, load_taxonomy, topics_for

GOLD_IDS = {
    "us-russia-relations",
    "venezuela",
    "iran",
    "syria",
    "north-korea",
    "ukraine",
    "afghanistan",
    "arms-control",
    "election-interference",
    "sanctions",
    "latin-america",
    "energy",
    "china",
}


def test_taxonomy_has_gold_and_broader_ids():
    ids = {t.id for t in load_taxonomy().topics}
    assert GOLD_IDS <= ids
    assert {
        "trade",
        "climate",
        "nato",
        "middle-east",
        "human-rights",
        "migration",
        "terrorism",
        "nuclear",
        "eu",
    } <= ids


def test_taxonomy_ids_are_unique():
    with open(DEFAULT_TAXONOMY, "rb") as fh:
        ids = [row["id"] for row in tomllib.load(fh)["topic"]]
    assert len(ids) == len(set(ids))


def test_topics_for_quote_keywords():
    tax = load_taxonomy()
    found = topics_for("the United States will continue to apply sanctions on Iran", "", tax)
    assert "iran" in found and "sanctions" in found


def test_topics_for_falls_back_to_paragraph():
    tax = load_taxonomy()
    found = topics_for("We must act now,” he said.", "Talks on Venezuela stalled.", tax)
    assert found[0] == "venezuela"


def test_topics_for_acronyms_are_case_sensitive():
    tax = load_taxonomy()
    assert "eu" not in topics_for("the eu-phoria faded", "", tax)
    assert "eu" in topics_for("the EU will respond", "", tax)


def test_topics_for_relation_topic_needs_both_sides():
    tax = load_taxonomy()
    assert "us-russia-relations" in topics_for("we want to improve relations with Russia", "", tax)
    assert "us-russia-relations" not in topics_for("we want to improve relations", "", tax)


# Everyday words that begin like a keyword of some topic but are not about it.
FALSE_FRIENDS = [
    "important", "importance", "migraine", "Stockholm", "stockpile", "hackneyed", "Crimean",
    "votive", "marketing", "cyberpunk", "electoral",
]  # fmt: skip


def test_topics_keywords_match_whole_words_not_words_inside_words():
    tax = load_taxonomy()
    assert topics_for("Trade in kind", "", tax) == ("trade",)
    for word in FALSE_FRIENDS:
        found = topics_for(f"It was {word}, he said.", "", tax)
        assert all(topic not in found for topic in ("trade", "migration", "economy", "law")), (
            word,
            found,
        )
    assert "trade" not in topics_for("Talks were important and useful.", "", tax)
    assert "law" not in topics_for("Crimea is Ukraine, she said.", "", tax)
    assert "trade" in topics_for("Imports of grain fell again.", "", tax)
