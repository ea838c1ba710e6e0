"""The JSON API run through schemathesis against its own /openapi.json (in-process, ASGI).

schemathesis' pytest plugin does not run under this pytest (it reads a private attribute that
pytest 9 removed), so its Python API supplies the hypothesis strategies and this file the test.
"""

from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from app.settings import Settings
from app.web.app import create_app
from tests.support import hostile_web
from tests.support.engines import dispose_after_counts

CALLS: Counter = Counter()
OPERATIONS = [
    "GET /api/quotes",
    "GET /api/speakers",
    "GET /api/speakers/search",
    "GET /api/topics",
    "GET /api/countries",
    "GET /api/articles/{article_id}",
]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory, backend, pg_template):
    folder = tmp_path_factory.mktemp("api")
    with hostile_web.seeded_database(backend, pg_template, folder) as url:
        app = create_app(Settings(database_url=url))
        yield schemathesis.openapi.from_asgi("/openapi.json", app).include(path_regex="^/api/")
        dispose_after_counts(app.state.engine)
    print(f"schemathesis on {backend}: {sum(CALLS.values())} API calls")


def test_fuzz_api_schema_lists_every_api_operation(api_schema):
    labels = sorted(result.ok().label for result in api_schema.get_all_operations())
    assert labels == sorted(OPERATIONS)


@pytest.mark.parametrize(
    "label, mode",
    [(label, GenerationMode.POSITIVE) for label in OPERATIONS]
    # Only operations with parameters can be sent invalid ones.
    + [(label, GenerationMode.NEGATIVE) for label in OPERATIONS if "speakers" in label]
    + [(OPERATIONS[-1], GenerationMode.NEGATIVE)],
)
def test_fuzz_api_operation(api_schema, label, mode):
    operation = next(r.ok() for r in api_schema.get_all_operations() if r.ok().label == label)

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=50,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        response = case.call()
        CALLS[label] += 1
        assert response.status_code < 500, (case.formatted_path, case.query)
        assert "Traceback" not in response.text
        if mode == GenerationMode.POSITIVE:
            case.validate_response(response)
        else:
            assert response.status_code in (200, 400, 404, 422)

    run()
