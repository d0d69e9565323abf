"""The gazetteer of places that may end an address (cities, districts, countries).

Read once from `data/address_words.txt`, which also holds the words that are never a street's
name before a number (`not_street_words`).
"""

from __future__ import annotations

from proxy.detect.wordlists import read_sections

ADDRESS_WORDS = read_sections("address_words.txt")
PLACES = ADDRESS_WORDS["cities"] | ADDRESS_WORDS["countries"]
