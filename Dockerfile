FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY migrations ./migrations
COPY templates ./templates
COPY static ./static
COPY seeds ./seeds
# Editable, so that migrations/, templates/ and static/ are found beside the package.
RUN pip install --no-cache-dir -e .
EXPOSE 8000
CMD ["sh", "-c", "waqai db upgrade && (waqai ingest seeds || true) && waqai serve --host 0.0.0.0 --port 8000"]
