"""The error tree gives OpenAI-shaped bodies with the right status and code."""

from __future__ import annotations

from proxy.errors import AuthenticationFailed, ConsentWithdrawn, PolicyBlocked, ProxyError


def test_authentication_failure_is_openai_shaped_401() -> None:
    error = AuthenticationFailed("Invalid API key.")

    assert (error.status, error.body()) == (
        401,
        {
            "error": {
                "message": "Invalid API key.",
                "type": "authentication_error",
                "param": None,
                "code": "invalid_api_key",
            }
        },
    )


def test_consent_withdrawn_has_the_contract_code() -> None:
    error = ConsentWithdrawn("AI processing is switched off for this tenant.")

    assert (403, "tenant_ai_consent_withdrawn") == (error.status, error.body()["error"]["code"])


def test_a_given_code_overrides_the_default() -> None:
    error = PolicyBlocked("Blocked: CREDIT_CARD", code="entity_blocked")

    assert isinstance(error, ProxyError)
    assert error.body()["error"]["code"] == "entity_blocked"
