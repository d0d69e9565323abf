"""The dry run's diff: which regions of the input change, and into what."""

from __future__ import annotations

from proxy.admin.dry_run import Change, changes_between, dry_run
from proxy.exchange import Passthrough
from proxy.request_context import RequestContext


def test_an_unchanged_text_has_no_changes() -> None:
    assert () == changes_between("שלום Dana", "שלום Dana")


def test_each_placeholder_is_one_change_at_the_original_offsets() -> None:
    original = "Dana Levi: dana@acme.io"
    sent = "[PERSON_1]: [EMAIL_1]"

    assert (
        Change(0, 9, "[PERSON_1]", "PERSON"),
        Change(11, 23, "[EMAIL_1]", "EMAIL"),
    ) == changes_between(original, sent)


def test_a_placeholder_sharing_a_character_with_the_value_stays_one_change() -> None:
    assert (Change(4, 12, "[PHONE_1]", "PHONE"),) == changes_between(
        "tel 050-1234 ok", "tel [PHONE_1] ok"
    )


def test_a_redaction_without_a_type_name_is_reported_untyped() -> None:
    assert (Change(4, 8, "████", None),) == changes_between("pin 4321.", "pin ████.")


def test_the_dry_run_through_passthrough_sends_the_text_as_it_is() -> None:
    seen: list[RequestContext] = []

    def factory(ctx: RequestContext) -> Passthrough:
        seen.append(ctx)
        return Passthrough()

    result = dry_run(factory, "acme", "Dana Levi")

    assert ("Dana Levi", ()) == (result.sent, result.changes)
    assert [("chat/completions", "acme")] == [(c.endpoint, c.tenant_id) for c in seen]
