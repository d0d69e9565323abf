# redaction-proxy: slim image, non-root, health-checked.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Everything not in .dockerignore: the package, README, and policies/ once it exists.
WORKDIR /app
COPY . .
RUN pip install . \
    && useradd --system --uid 10001 --home-dir /data --create-home proxy

# The SQLite default lives in the working directory: /data, owned by the proxy user.
# Mount a volume there, or set PROXY_DATABASE_URL=postgresql://... for several replicas.
WORKDIR /data
USER proxy

ENV PROXY_HOST=0.0.0.0 \
    PROXY_PORT=8080 \
    PROXY_POLICY_DIR=/app/policies
EXPOSE 8080

# No curl in slim images: the standard library does the probe.
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PROXY_PORT', '8080'), timeout=2)"]

ENTRYPOINT ["redaction-proxy", "serve"]
