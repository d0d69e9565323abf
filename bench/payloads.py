"""Realistic CRM chat bodies of a given size, with personal data in three scripts.

`chat_body` is the dense payload (about 5 entities per 250 bytes: every note is a contact
card); `typical_chat_body` is mostly prose with a name or a contact now and then, nearer to
what a sales assistant prompt holds. Figures are reported with entities per KB next to them.
"""

from __future__ import annotations

from typing import Any

_NOTES = (
    "Call notes: spoke with Dana Levi (dana.levi@orbitrade.co.il, +972 52-555-0143) about the "
    "Growth plan renewal. She asked for a 12% discount on 40 seats before Q3; invoice INV-20931 "
    "is still open. Follow up on Monday with the pricing sheet. ",
    "Lead summary: Omar Al-Haddad, procurement lead at Gulf Logistics, met us at GITEX. Mobile "
    "+971 50 555 0199, email omar.haddad@gulflog.ae. Interested in the Enterprise tier, budget "
    "AED 180,000, decision by 15 March 2026. ",
    "סיכום שיחה: דיברתי עם יוסי כהן, מנהל מכירות, טלפון 054-555-0177. מבקש הצעת מחיר ל-25 "
    "משתמשים ותמיכה בעברית. פגישה ביום שלישי. ",
    "ملاحظات: تحدثت مع السيدة فاطمة الزهراء بخصوص العرض. رقمها 0501234567 والبريد "
    "fatima.z@emirates-trade.ae. تريد عرضاً قبل نهاية الشهر. ",
    "Deal DL-4471 moved to Negotiation. Owner: Priya Raghavan. Next step: send the MSA v2.3 "
    "and the SOC 2 report. Amount USD 64,500, close date 2026-12-18. ",
)


# Mostly prose: about one entity per 300-400 bytes.
_TYPICAL = (
    "Summarise the last three calls with the account and draft a short follow-up email. The "
    "customer asked about pricing tiers, onboarding time and the SSO integration; our side "
    "promised a demo of the reporting module next week and a written answer on data residency. "
    "Keep the tone friendly, mention the open questions, and stay under 120 words. ",
    "Context: the champion is Dana Levi, who reports to the CFO. Budget is approved for this "
    "quarter, but legal wants to review the data processing agreement before signing. The "
    "competitor offered a lower price with fewer seats and no Hebrew interface. ",
    "הלקוח ביקש לקבל הצעת מחיר מעודכנת עם הנחה לשנתיים, ושאל אם אפשר להתחיל בפיילוט של חודש. "
    "המנהל שלו צריך לאשר את התקציב עד סוף הרבעון. ",
    "Next steps for the deal: confirm the pilot scope, send the security questionnaire back "
    "by Thursday, and book a call with the IT lead (omar.haddad@gulflog.ae) about the rollout "
    "plan for the Dubai and Abu Dhabi offices. ",
)


def typical_chat_body(
    size_bytes: int, *, stream: bool = False, model: str = "gpt-4o-mini"
) -> dict[str, Any]:
    """Like `chat_body`, with the mostly-prose notes."""
    return _body(_TYPICAL, size_bytes, stream=stream, model=model)


def chat_body(
    size_bytes: int, *, stream: bool = False, model: str = "gpt-4o-mini"
) -> dict[str, Any]:
    """A chat body whose user message is about `size_bytes` of UTF-8 CRM text."""
    return _body(_NOTES, size_bytes, stream=stream, model=model)


def _body(notes: tuple[str, ...], size_bytes: int, *, stream: bool, model: str) -> dict[str, Any]:
    parts: list[str] = []
    total = 0
    i = 0
    while total < size_bytes:
        note = notes[i % len(notes)]
        parts.append(note)
        total += len(note.encode())
        i += 1
    return {
        "model": model,
        "stream": stream,
        "messages": [
            {"role": "system", "content": "You are a CRM assistant. Summarise for the sales rep."},
            {"role": "user", "content": "".join(parts)},
        ],
    }
