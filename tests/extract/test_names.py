import re

import pytest

from app.extract.speakers.name_spans import holder_after_office, strip_leading
from app.extract.speakers.names import (
    is_description,
    normalise_name,
    same_person,
    sort_key,
    speaker_slug,
)
from app.extract.speakers.officials import Officials, trie_pattern


def test_normalise_name_folds_accents_and_drops_titles():
    assert normalise_name("President Nicolás Maduro") == "nicolas maduro"
    assert normalise_name("Mr. Sergey Lavrov") == "sergey lavrov"


def test_speaker_slug_is_stable_ascii():
    assert speaker_slug("Sergey Lavrov") == "sergey-lavrov"
    assert speaker_slug("Nicolás Maduro") == "nicolas-maduro"
    assert speaker_slug("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"


def test_letters_that_are_not_accented_ones_are_spelled_not_dropped():
    # A reader types "Aydin" or "Store"; the store must match them to the printed name.
    assert normalise_name("Selim Aydın") == normalise_name("Selim Aydin") == "selim aydin"
    assert normalise_name("Jonas Gahr Støre") == "jonas gahr store"
    assert speaker_slug("Radosław Wiśniewski") == "radoslaw-wisniewski"
    assert speaker_slug("Đorđe Vuković") == "dorde-vukovic"
    assert sort_key("Łukasz Nowak") == "nowak lukasz"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergey Lavrov", "Sergei Lavrov"),
        ("Lavrov", "Sergey Lavrov"),
        ("Nicolas Maduro", "Nicolás Maduro"),
        ("Volodymyr Zelensky", "Volodymyr Zelensky"),
        ("Aleksey Overchuk", "Alexei Overchuk"),
        ("Yury Ushakov", "Yuri Ushakov"),
        ("Mohammed Haddad", "Mohammad Haddad"),
        ("Alex Moreno", "Alexander Moreno"),
        ("A. Moreno", "Alexander Moreno"),
        ("Mr Moreno", "Alexander Moreno"),
        ("Ms. Duarte", "Helena Duarte"),
    ],
)
def test_same_person_matches_spellings_and_surnames(a, b):
    assert same_person(a, None, b, None)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Donald Trump", "Ivanka Trump"),
        ("Kevin Sullivan", "Jake Sullivan"),
        ("Sergey Lavrov", "Mike Pompeo"),
        # Two people of one surname, their first names alike: never one speaker.
        ("Carmen Martínez", "Carlos Martínez"),
        ("Michael Reyes", "Michelle Reyes"),
        ("Maria Rossi", "Mario Rossi"),
        ("Ivan Petrov", "Ivana Petrov"),
        ("Mary Cole", "Mark Cole"),
        # An honorific says the sex a given name contradicts: his mother, not him.
        ("Mrs Lam", "Joshua Lam"),
        ("Mr. Okafor", "Grace Okafor"),
    ],
)
def test_same_person_rejects_different_people(a, b):
    assert not same_person(a, None, b, None)


def test_same_person_conflicting_countries_are_different():
    assert not same_person("Lavrov", "US", "Sergey Lavrov", "RU")
    assert same_person("Lavrov", "ru", "Sergey Lavrov", "RU")


def test_officials_find_by_any_alias():
    officials = Officials.load()
    assert officials.lookup("Sergei Lavrov") == ("Sergey Lavrov", "RU", "Foreign Minister")
    assert officials.lookup("nicolas maduro")[0] == "Nicolás Maduro"
    assert officials.lookup("the Kremlin")[:2] == ("Kremlin", "RU")
    assert officials.lookup("Nobody Atall") is None


def test_officials_media_outlets_are_marked():
    officials = Officials.load()
    assert officials.is_media("The New York Times")
    assert not officials.is_media("Vladimir Putin")


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Russian Foreign Minister", "RU"),
        ("U.S. State Secretary", "US"),
        ("a Venezuelan businessman", "VE"),
        ("former Representative of Virginia", "US"),
        ("Latin American Studies at the Russian Academy", "RU"),
        ("Russian-American councils", None),
        ("the expert", None),
    ],
)
def test_officials_country_in_phrase(phrase, code):
    assert Officials.load().country_in(phrase) == code


def test_same_person_never_merges_bodies_by_their_last_word():
    assert not same_person("Japan's foreign ministry", "JP", "Ukrainian foreign ministry", None)
    assert not same_person("foreign ministry", None, "Ukrainian foreign ministry", "UA")
    assert same_person("Duarte", None, "Helena Duarte", "BR")
    assert same_person("Antonio de la Cruz", "VE", "Cruz", None)


@pytest.mark.parametrize(
    ("name", "described"),
    [
        ("a Venezuelan businessman", True),
        ("the British minister", True),
        ("The minister", True),
        ("one delegate from the Pacific", True),
        ("Claire Whitcombe", False),
        ("Antonio de la Cruz", False),
        ("Theo Angelopoulos", False),
    ],
)
def test_is_description_tells_a_description_from_a_name(name, described):
    assert is_description(name) is described


def test_trie_pattern_finds_what_a_longest_first_alternation_finds():
    """The known-names regex is built as a trie for speed; it must match exactly as the flat
    alternation, longest name first, falling back to a prefix when what follows rejects it."""
    names = ["UN", "UNESCO", "UN Security Council", "Ula", "Ulan Bator", "Oman", "O"]
    flat = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    text = (
        "UNESCO and the UN Security Council met; the UN said so. UNx is no name, UNESCOs "
        "neither. Ulan Bator, Ula, Ulan, Oman and O. UN Security Councillor Oma."
    )
    for pattern in (trie_pattern(names), f"(?:{flat})"):
        found = [m.group() for m in re.finditer(rf"(?<![\w.]){pattern}(?![\w])", text)]
        assert found == [
            "UNESCO", "UN Security Council", "UN", "Ulan Bator", "Ula", "Oman", "O", "UN",
        ]  # fmt: skip


@pytest.mark.parametrize(
    ("printed", "kept"),
    [
        ("Palm Beach Tuesday", "Palm Beach"),  # when it happened, not part of a name
        ("Mayor of Tromso Anna Lindqvist", "Anna Lindqvist"),  # the office's place, then who
        ("Governor of the Bank of Norway Anna Lindqvist", "Anna Lindqvist"),
    ],
)
def test_strip_leading_keeps_only_the_name(printed, kept):
    officials = Officials.load()
    words = list(re.finditer(r"\S+", printed))
    assert (
        " ".join(w.group() for w in strip_leading(holder_after_office(words, ""), officials, set()))
        == kept
    )
