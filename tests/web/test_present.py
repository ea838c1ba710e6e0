"""Presentation helpers (app/web/present): the speaker's words of a stored quote, and how a
report's wording differs from another's."""

from markupsafe import Markup

from app.web.present.options import datalist_options
from app.web.present.timeline import timeline
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


def test_timeline_draws_one_bar_and_one_row_per_month_with_quotes():
    chart = timeline({(2020, 1): 2, (2020, 3): 1, (2020, 4): 4})
    assert chart is not None and len(chart.bars) == 3  # February a gap: see x below
    rects = str(chart.rects()).split("\n")
    rect = '<rect x="{}" y="{}" width="27.0" height="{}"><title>{}</title></rect>'
    assert rects == [
        rect.format("0.0", "24.0", "24.0", "Jan 2020: 2 quotes"),
        rect.format("56.0", "36.0", "12.0", "Mar 2020: 1 quote"),
        rect.format("84.0", "0.0", "48.0", "Apr 2020: 4 quotes"),
    ]
    assert str(chart.rows()) == (
        "<tr><td>Jan 2020</td><td>2</td></tr><tr><td>Mar 2020</td><td>1</td></tr>"
        "<tr><td>Apr 2020</td><td>4</td></tr>"
    )
    assert isinstance(chart.rects(), Markup)  # not escaped again by the template


def test_datalist_options_escape_each_value_and_are_kept():
    """An outlet's name is text from a feed: quotes and brackets in it stay inside the value."""
    pairs = [('Wire "A" <b>', 'Wire "A" <b>'), ("Post & Co", "Post & Co")]
    html = datalist_options(pairs)
    assert html == ('<option value="Wire &#34;A&#34; &lt;b&gt;"><option value="Post &amp; Co">')
    assert datalist_options(list(pairs)) is html  # built once for the same outlets
