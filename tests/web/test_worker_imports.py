"""A web worker never extracts quotes, so it must not carry the extractor's parser: spaCy and
its model cost each worker about 90 MB of resident memory."""

import subprocess
import sys


def test_the_web_app_does_not_load_spacy():
    code = (
        "import sys; import app.web.app, app.web.routes, app.web.serving; "
        "print(sorted(m for m in ('spacy', 'thinc', 'trafilatura') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
