"""Presentation helpers (app/web/present): the speaker's words of a stored quote, and how a
report's wording differs from another's."""

from app.web.present.wording import differences, spoken


def test_spoken_leaves_out_the_reporters_words():
    assert spoken('according to the agency, "We are ready to talk."') == "“We are ready to talk.”"
    assert spoken('"It is time," she said, "to act."') == "“It is time … to act.”"
    assert spoken('"We will see,"') == "“We will see”"


def test_spoken_keeps_what_is_more_than_a_tag():
    indirect = "that the partners should continue the talks"
    assert spoken(indirect) == indirect
    mixed = 'He said that "the talks" were useful and that the partners should meet again soon'
    assert spoken(mixed) == mixed


def test_differences_mark_left_out_and_added_words():
    html = str(differences('"We will not abandon Caracas,"', '"We shall not abandon Caracas"'))
    assert html == "We <del>will</del> <ins>shall</ins> not abandon Caracas"
    assert "<script>" not in str(differences("a", "<script>x</script>"))
