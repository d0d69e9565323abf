"""The one road to the upstream: a shared pooled session, header hygiene, timeouts.

`upstream_errors()` is the single place where aiohttp/asyncio failures on the
upstream side become `UpstreamUnavailable`/`UpstreamTimeout`. It wraps only upstream
operations, so a caller that hangs up (also an OSError) is never mistaken for it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager

import aiohttp
from multidict import CIMultiDict

from proxy.errors import NotConfigured, UpstreamTimeout, UpstreamUnavailable
from proxy.settings import Settings

# Caller headers reach the upstream only when `Settings.forwarded_headers` names them: a
# header is free text the redaction never sees (an integration key, an email in a custom
# header), so the default is the few the OpenAI API reads. These are never forwarded even
# when named: the caller's credentials and identity at the proxy, cookies, hop-by-hop
# headers (RFC 9110 §7.6.1), and what aiohttp recomputes for the new body.
_DROP_REQUEST = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "api-key",
        "cookie",
        "x-tenant-id",
        "openai-organization",
        "openai-project",
        "host",
        "content-length",
        "content-encoding",
        "accept-encoding",
        "connection",
        "keep-alive",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "expect",
    }
)

# Never passed back to the caller: hop-by-hop, framing aiohttp redoes, upstream cookies.
_DROP_RESPONSE = frozenset(
    {
        "set-cookie",
        "content-length",
        "content-encoding",
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "server",
        "date",
        "alt-svc",
    }
)


@contextmanager
def upstream_errors() -> Iterator[None]:
    """Map low-level upstream failures to the proxy's errors, without their messages."""
    try:
        yield
    except TimeoutError:  # asyncio.timeout, aiohttp.ServerTimeoutError and friends
        raise UpstreamTimeout("The upstream did not answer in time.") from None
    except (aiohttp.ClientError, OSError):
        raise UpstreamUnavailable("The upstream could not be reached.") from None


def _connection_tokens(headers: Mapping[str, str]) -> frozenset[str]:
    """Header names the Connection header declares hop-by-hop (any key case)."""
    value = headers.get("Connection") or headers.get("connection")
    if not value:
        return frozenset()
    return frozenset(token.strip().lower() for token in value.split(","))


def request_headers(
    incoming: Mapping[str, str], authorization: str, forwarded: frozenset[str]
) -> CIMultiDict[str]:
    """Headers to send upstream: the caller's that `forwarded` (lower-case names) allows and
    no rule forbids, plus our key."""
    named = _connection_tokens(incoming)
    out: CIMultiDict[str] = CIMultiDict()
    for name, value in incoming.items():
        lower = name.lower()
        if lower in forwarded and lower not in _DROP_REQUEST and lower not in named:
            out.add(name, value)
    out["Authorization"] = authorization
    return out


def response_headers(upstream: Mapping[str, str]) -> CIMultiDict[str]:
    """Upstream reply headers safe to hand to the caller."""
    named = _connection_tokens(upstream)
    out: CIMultiDict[str] = CIMultiDict()
    for name, value in upstream.items():
        lower = name.lower()
        if lower not in _DROP_RESPONSE and lower not in named:
            out.add(name, value)
    return out


def open_session(settings: Settings) -> aiohttp.ClientSession:
    """The process-wide session: one pool of keep-alive connections to the upstream."""
    connector = aiohttp.TCPConnector(
        limit=settings.upstream_pool_size,
        limit_per_host=settings.upstream_pool_size,
        ttl_dns_cache=300,
        keepalive_timeout=30,
    )
    timeout = aiohttp.ClientTimeout(
        total=settings.upstream_total_timeout,
        sock_connect=settings.upstream_connect_timeout,
    )
    # Cookies are never kept: a shared jar would leak one caller's cookies to the next.
    return aiohttp.ClientSession(
        connector=connector,
        timeout=timeout,
        cookie_jar=aiohttp.DummyCookieJar(),
        auto_decompress=True,
        raise_for_status=False,
    )


class Upstream:
    """Sends requests to the configured upstream with the proxy's own key."""

    def __init__(self, settings: Settings, session: aiohttp.ClientSession) -> None:
        self._session = session
        self._base = settings.upstream_url.rstrip("/")
        key = settings.upstream_api_key
        self._authorization = (
            f"Bearer {key.get_secret_value()}" if key and key.get_secret_value() else None
        )
        self._forwarded = frozenset(h.lower() for h in settings.forwarded_headers)
        self._first_byte = settings.upstream_first_byte_timeout
        self._idle = settings.stream_idle_timeout

    @property
    def configured(self) -> bool:
        return self._authorization is not None

    @asynccontextmanager
    async def send(
        self,
        method: str,
        path: str,
        query: str,
        headers: Mapping[str, str],
        body: bytes | None,
    ) -> AsyncIterator[aiohttp.ClientResponse]:
        """The upstream response once its headers arrived; closed (not pooled) on error."""
        if self._authorization is None:
            raise NotConfigured("No upstream API key is configured on the proxy.")
        url = f"{self._base}/{path}?{query}" if query else f"{self._base}/{path}"
        outgoing = request_headers(headers, self._authorization, self._forwarded)
        if body is not None:
            outgoing["Content-Type"] = "application/json"
        with upstream_errors():
            async with asyncio.timeout(self._first_byte):
                # Redirects are the caller's business: never re-send a body (or our key) elsewhere.
                response = await self._session.request(
                    method, url, headers=outgoing, data=body, allow_redirects=False
                )
        try:
            yield response
        except BaseException:
            # Also on cancellation (the caller hung up): drop the connection at once.
            response.close()
            raise
        response.release()

    async def read(self, response: aiohttp.ClientResponse) -> bytes:
        """The whole body of a non-streamed reply (bounded by the total timeout)."""
        with upstream_errors():
            return await response.read()

    async def next_chunk(self, response: aiohttp.ClientResponse) -> bytes:
        """The next bytes of a streamed reply, b"" at its end; idle timeout between chunks."""
        with upstream_errors():
            async with asyncio.timeout(self._idle):
                return await response.content.readany()
