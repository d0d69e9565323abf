"""Check-digit validators shared by recognizers and tenant custom patterns."""

from __future__ import annotations

from collections.abc import Callable


def digits_of(value: str) -> str:
    """Only the ASCII digits of `value`."""
    return "".join(ch for ch in value if "0" <= ch <= "9")


def luhn_valid(value: str) -> bool:
    """Payment-card Luhn check over the digits of `value`."""
    digits = digits_of(value)
    if len(digits) < 2:
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def mod97_valid(value: str) -> bool:
    """IBAN ISO 13616 mod-97 check (letters count as 10..35)."""
    compact = "".join(ch for ch in value.upper() if ch.isalnum())
    if len(compact) < 15 or not compact[:2].isalpha() or not compact[2:4].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    try:
        number = int("".join(str(int(ch, 36)) for ch in rearranged))
    except ValueError:
        return False
    return number % 97 == 1


def il_id_valid(value: str) -> bool:
    """Israeli Teudat Zehut check digit (Luhn-like, weights 1,2 over 9 digits)."""
    digits = digits_of(value)
    if not 5 <= len(digits) <= 9 or set(digits) == {"0"}:
        return False
    digits = digits.zfill(9)
    total = 0
    for i, ch in enumerate(digits):
        d = (ord(ch) - 48) * (1 + i % 2)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "luhn": luhn_valid,
    "mod97": mod97_valid,
    "il_id": il_id_valid,
}
