from __future__ import annotations

from proxy.detect.email import find_emails, local_part_names


def test_email_addresses_are_found_with_exact_bounds() -> None:
    text = "write to dana.levi@acme.co.il, or sales+crm@example.com."
    assert ["dana.levi@acme.co.il", "sales+crm@example.com"] == [
        text[s.start : s.end] for s in find_emails(text)
    ]


def test_an_at_sign_without_a_domain_is_not_an_email() -> None:
    assert [] == list(find_emails("meet @ 5pm, ping @dana"))


def test_local_part_names_skip_role_mailboxes() -> None:
    assert ["dana", "levi"] == local_part_names("dana.levi@acme.com")
    assert [] == local_part_names("sales@acme.com")


def test_a_hebrew_preposition_glued_with_a_hyphen_is_not_part_of_the_address() -> None:
    text = "לשלוח ל-anna.p@walla.com או ب-ali@x.ae"
    assert [text[s.start : s.end] for s in find_emails(text)] == ["anna.p@walla.com", "ali@x.ae"]
