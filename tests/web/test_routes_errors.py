"""Routes: error pages."""

from fastapi.testclient import TestClient

from app.web.app import create_app
from tests.support.engines import dispose_after_counts


def test_errors_unknown_path_gets_html_404_with_search(client):
    response = client.get("/no/such-page")
    assert response.status_code == 404
    assert "<html" in response.text and "There is no page at this address" in response.text
    assert 'value="such page"' in response.text


def test_errors_wrong_id_type_is_not_a_500(client):
    assert client.get("/quotes/abc").status_code == 422


def test_errors_server_fault_gets_html_500_without_details(app_settings):
    app = create_app(app_settings)

    def boom():
        raise RuntimeError("secret internals")

    app.add_api_route("/boom", boom)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")
    dispose_after_counts(app.state.engine)
    assert response.status_code == 500
    assert "Something went wrong" in response.text and "secret internals" not in response.text
