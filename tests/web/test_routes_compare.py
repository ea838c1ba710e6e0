"""Routes: the compare view."""

HTMX = {"HX-Request": "true"}


def test_compare_puts_speakers_side_by_side_by_date(seeded_client):
    response = seeded_client.get("/compare?topic=sanctions&speakers=sergey-lavrov,mike-pompeo")
    assert response.status_code == 200 and "HX-Request" in response.headers["Vary"].split(", ")
    html = response.text
    head = html.split("<thead>")[1].split("</thead>")[0]
    assert head.index("Sergey Lavrov") < head.index("Mike Pompeo")
    body = html.split("<tbody>")[1]
    assert body.index("2 June 2019") < body.index("14 May 2019")
    june = body.split("2 June 2019")[1].split("</tr>")[0]
    assert "Sanctions are not a policy" in june and "Iran" not in june


def test_compare_fragment_and_form_without_js(seeded_client):
    html = seeded_client.get("/compare").text
    assert 'action="http://testserver/compare" method="get"' in html
    assert "Choose at least two speakers" in html
    fragment = seeded_client.get("/compare?speakers=sergey-lavrov,mike-pompeo", headers=HTMX)
    assert "<html" not in fragment.text and fragment.text.startswith('<div id="compare">')


def test_compare_reports_unknown_speakers_and_topics(seeded_client):
    html = seeded_client.get("/compare?topic=knitting&speakers=sergey-lavrov,ghost").text
    assert "We have no speaker “ghost”" in html and "We have no topic “knitting”" in html
    assert "Choose at least two speakers" in html


def test_compare_no_quotes_on_topic_says_so(seeded_client):
    html = seeded_client.get("/compare?topic=venezuela&speakers=mike-pompeo,unknown").text
    assert "Choose at least two speakers" in html
    html = seeded_client.get("/compare?topic=iran&speakers=sergey-lavrov,mike-pompeo").text
    assert "14 May 2019" in html


def test_compare_speakers_are_added_by_name_and_removed_by_chip(seeded_client):
    added = seeded_client.get(
        "/compare?speakers=sergey-lavrov&who=pompeo&topic=sanctions", follow_redirects=False
    )
    assert added.status_code == 303
    tidy = "http://testserver/compare?topic=sanctions&speakers=sergey-lavrov%2Cmike-pompeo"
    assert added.headers["location"] == tidy
    html = seeded_client.get(tidy).text
    chips = html.split('aria-label="Speakers compared"')[1].split("</ul>")[0]
    assert "Sergey Lavrov" in chips and "Mike Pompeo" in chips
    assert 'href="http://testserver/compare?topic=sanctions&amp;speakers=mike-pompeo"' in chips
    unknown = seeded_client.get("/compare?speakers=sergey-lavrov&who=Zorro").text
    assert "No speaker has a name like “Zorro”." in unknown


def test_compare_most_quoted_are_links_that_add_them(seeded_client):
    html = seeded_client.get("/compare?speakers=sergey-lavrov").text
    picks = html.split('class="suggestions"')[1].split("</p>")[0]
    assert 'href="http://testserver/compare?speakers=sergey-lavrov%2Cmike-pompeo"' in picks
    assert "Sergey Lavrov</a>" not in picks
