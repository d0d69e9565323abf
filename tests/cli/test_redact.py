"""`redaction-proxy redact` pseudonymizes stdin with a policy, as plain text or JSON lines."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from proxy.cli import main


def _run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stdin: str, *args: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["redact", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_plain_text_comes_out_pseudonymized_with_business_words_kept(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(
        monkeypatch, capsys, "Spoke with Dana Levi (dana.levi@acme.io) about the Q3 renewal."
    )

    assert (0, "Spoke with [PERSON_1] ([EMAIL_1]) about the Q3 renewal.") == (code, out)


def test_jsonl_lines_form_one_request_and_report_entity_offsets(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [json.dumps("Dear Yossi Cohen, thanks for the call."), json.dumps("Yossi agreed.")]

    code, out, _ = _run(monkeypatch, capsys, "\n".join(lines) + "\n", "--jsonl")

    first, second = (json.loads(line) for line in out.splitlines())
    assert 0 == code
    assert "Dear [PERSON_1], thanks for the call." == first["text"]
    assert [{"type": "PERSON", "start": 5, "end": 16}] == first["entities"]
    assert "[PERSON_2] agreed." == second["text"]  # the lone first name, found by propagation


def test_a_line_that_is_not_a_json_string_is_refused_without_echoing_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(monkeypatch, capsys, '"ok"\n{"name": "Dana Levi"}\n', "--jsonl")

    assert (2, "") == (code, out)
    assert "line 2" in err
    assert "Dana" not in err


def test_an_unknown_policy_is_named_on_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(monkeypatch, capsys, "text", "--policy", "nope")

    assert 2 == code
    assert "nope" in err


def test_a_blocked_type_fails_naming_the_type_not_the_value(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "default.yaml").write_text("actions:\n  EMAIL: block\n")
    monkeypatch.setenv("PROXY_POLICY_DIR", str(tmp_path))

    code, out, err = _run(monkeypatch, capsys, "write to dana.levi@acme.io")

    assert (3, "") == (code, out)
    assert "EMAIL" in err
    assert "dana" not in err
