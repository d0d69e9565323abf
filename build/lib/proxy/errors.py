"""The proxy's one exception tree; app.py maps it to HTTP once.

    ProxyError                      status  type                    code
    ├── ClientError                  4xx
    │   ├── InvalidRequest           400    invalid_request_error   (given)
    │   ├── TenantRequired           400    invalid_request_error   missing_tenant_id
    │   ├── AuthenticationFailed     401    authentication_error    invalid_api_key
    │   ├── ConsentWithdrawn         403    permission_error        tenant_ai_consent_withdrawn
    │   ├── EndpointNotAllowed       404    invalid_request_error   unknown_url
    │   ├── NotFound                 404    invalid_request_error   not_found
    │   ├── PolicyBlocked            400    invalid_request_error   blocked_by_policy
    │   ├── ClientTooSlow            408    invalid_request_error   request_timeout
    │   ├── LimitExceeded            413    invalid_request_error   (given)
    │   ├── UnsupportedEncoding      415    invalid_request_error   unsupported_content_encoding
    │   └── HeadersTooLarge          431    invalid_request_error   headers_too_large
    ├── UpstreamError                5xx
    │   ├── UpstreamUnavailable      502    api_error               upstream_unavailable
    │   └── UpstreamTimeout          504    api_error               upstream_timeout
    └── ServiceError                 5xx
        ├── StoreUnavailable         503    api_error               store_unavailable
        ├── NotConfigured            503    api_error               not_configured
        │   └── PolicyNotFound       503    api_error               policy_not_found
        └── RedactionFailed          500    api_error               redaction_failed

    ConfigError                      start-up and reload only, never an HTTP answer
    └── PolicyInvalid                a policy file is broken (FILE:LINE: FIELD: message)

Every message here is written by the proxy and never carries caller content,
placeholder mappings or keys: an exception that holds user text is caught and
re-raised as one of these without it (`raise ... from None`).
"""

from __future__ import annotations

from typing import Any, ClassVar


class ProxyError(Exception):
    """Base of everything the proxy raises on purpose; carries its own HTTP shape."""

    status: ClassVar[int] = 500
    error_type: ClassVar[str] = "api_error"
    default_code: ClassVar[str] = "internal_error"

    def __init__(self, message: str, *, code: str | None = None, param: str | None = None):
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        self.param = param

    def body(self) -> dict[str, Any]:
        """The OpenAI-shaped error body the SDK turns into its usual exception."""
        return {
            "error": {
                "message": self.message,
                "type": self.error_type,
                "param": self.param,
                "code": self.code,
            }
        }


class ClientError(ProxyError):
    """The caller sent something the proxy will not forward."""

    status = 400
    error_type = "invalid_request_error"
    default_code = "invalid_request"


class InvalidRequest(ClientError):
    """The body is not JSON, or not a shape this endpoint accepts."""


class TenantRequired(ClientError):
    """A service key was used without naming a tenant."""

    default_code = "missing_tenant_id"


class AuthenticationFailed(ClientError):
    """No key, an unknown key or a revoked key."""

    status = 401
    error_type = "authentication_error"
    default_code = "invalid_api_key"


class ConsentWithdrawn(ClientError):
    """The tenant has withdrawn consent to AI processing."""

    status = 403
    error_type = "permission_error"
    default_code = "tenant_ai_consent_withdrawn"


class EndpointNotAllowed(ClientError):
    """The path is not one the proxy forwards."""

    status = 404
    default_code = "unknown_url"


class NotFound(ClientError):
    """An admin API lookup found no such tenant or key."""

    status = 404
    default_code = "not_found"


class PolicyBlocked(ClientError):
    """The tenant's policy blocks an entity type found in the request; names the type only."""

    default_code = "blocked_by_policy"


class LimitExceeded(ClientError):
    """A size, depth or count limit was exceeded."""

    status = 413
    default_code = "limit_exceeded"


class ClientTooSlow(ClientError):
    """The caller did not send its request body within the client body timeout."""

    status = 408
    default_code = "request_timeout"


class UnsupportedEncoding(ClientError):
    """A compressed request body: refused rather than inflated (no decompression bombs)."""

    status = 415
    default_code = "unsupported_content_encoding"


class HeadersTooLarge(ClientError):
    """A header line, the header count or the whole header block is over its limit."""

    status = 431
    default_code = "headers_too_large"


class UpstreamError(ProxyError):
    """The upstream could not be reached or did not answer in time."""

    status = 502
    default_code = "upstream_error"


class UpstreamUnavailable(UpstreamError):
    """Connection refused, reset, or a broken reply."""

    default_code = "upstream_unavailable"


class UpstreamTimeout(UpstreamError):
    """Connect, first-byte, idle or total timeout."""

    status = 504
    default_code = "upstream_timeout"


class ServiceError(ProxyError):
    """The proxy itself cannot serve the request safely right now."""


class StoreUnavailable(ServiceError):
    """The key or consent store cannot be read: never treated as a pass."""

    status = 503
    default_code = "store_unavailable"


class NotConfigured(ServiceError):
    """A setting the request needs is missing (e.g. no upstream key)."""

    status = 503
    default_code = "not_configured"


class PolicyNotFound(NotConfigured):
    """The policy a tenant is assigned to is not loaded: refuse rather than guess."""

    default_code = "policy_not_found"


class RedactionFailed(ServiceError):
    """Detection or pseudonymization failed; nothing was sent upstream."""

    default_code = "redaction_failed"


class ConfigError(Exception):
    """Bad configuration at start-up: names the file, the field and the fix."""


class PolicyInvalid(ConfigError):
    """A policy file is broken: one `FILE:LINE: FIELD: message` line per problem."""
