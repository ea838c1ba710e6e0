# diplomat: the web app, its CLI and the spaCy model in one image.
#   docker build -t diplomat .
#   docker run -p 8000:8000 -v diplomat-data:/data diplomat
#   docker run --rm -v diplomat-data:/data diplomat diplomat ingest examples
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 1000 --user-group diplomat \
    && mkdir /data \
    && chown diplomat:diplomat /data

WORKDIR /app

# Code and assets stay owned by root: the app only reads them and writes to /data.
# README.md is copied because pyproject.toml names it as the package readme.
COPY pyproject.toml README.md alembic.ini ./
COPY requirements/ requirements/
COPY app/ app/
COPY templates/ templates/
COPY static/ static/
COPY migrations/ migrations/
COPY examples/ examples/

# Editable on purpose: app/settings.py finds templates/, static/, migrations/ and
# alembic.ini from ROOT (the parent of app/), which must be /app, not site-packages.
RUN pip install --no-cache-dir -e . \
    && pip install --no-cache-dir --no-deps --require-hashes -r requirements/model.txt

ENV DATABASE_URL=sqlite:////data/diplomat.db

USER diplomat

# Declared after /data is chowned so a new named volume starts out owned by diplomat.
VOLUME /data

EXPOSE 8000

# exec replaces the shell, so uvicorn runs as PID 1 and gets SIGTERM on `docker stop`.
CMD ["sh", "-c", "diplomat db upgrade && exec diplomat serve --host 0.0.0.0 --port 8000"]
