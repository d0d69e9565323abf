"""Realistic CRM chat bodies of a given size, with personal data in three scripts."""

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


def chat_body(
    size_bytes: int, *, stream: bool = False, model: str = "gpt-4o-mini"
) -> dict[str, Any]:
    """A chat body whose user message is about `size_bytes` of UTF-8 CRM text."""
    parts: list[str] = []
    total = 0
    i = 0
    while total < size_bytes:
        note = _NOTES[i % len(_NOTES)]
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
