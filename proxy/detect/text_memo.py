"""What the detector found in recently seen texts, so a resent chat history is not scanned again.

A CRM chat feature sends the whole conversation on every turn: by turn ten, nine of every ten
messages were already read on earlier turns. The per-text part of detection (normalising,
the identifier recognizers, the name signals) depends only on the text and the engine's
policy, so its result is kept here, for one engine, and reused when the same text comes back.

Nothing readable is kept: the key is a keyed BLAKE2b digest of the text (the key is random per
process, so a digest cannot be tested against a guessed text outside it) and the value is
offsets and entity types. Found names are read back out of the text when it is seen again.
The memo is bounded by entries and by the spans it holds, and drops the least recently used.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass

from proxy.detect.spans import Span


@dataclass(frozen=True, slots=True)
class TextFindings:
    """The per-text result, in the offsets of the text's normalised view."""

    identifiers: tuple[Span, ...]
    people: frozenset[tuple[int, int]]
    normalised: bool  # the view differs from the text: it is rebuilt on reuse
    # Values that hold no person (company, place and title fields): spread names stay out.
    not_people: tuple[tuple[int, int], ...] = ()


class TextMemo:
    """A bounded least-recently-used map from a text to its `TextFindings`."""

    def __init__(self, max_texts: int = 4096, max_spans: int = 200_000) -> None:
        self._max_texts = max_texts
        self._max_spans = max_spans
        self._spans = 0
        self._key = os.urandom(32)
        self._entries: OrderedDict[bytes, TextFindings] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def enabled(self) -> bool:
        return self._max_texts > 0

    def _digest(self, text: str) -> bytes:
        data = text.encode("utf-8", "surrogatepass")
        return hashlib.blake2b(data, key=self._key, digest_size=16).digest()

    def get(self, text: str) -> tuple[bytes, TextFindings | None]:
        """The text's digest (to `put` with) and its findings, if they are still held."""
        digest = self._digest(text)
        with self._lock:
            found = self._entries.get(digest)
            if found is not None:
                self._entries.move_to_end(digest)
        return digest, found

    def put(self, digest: bytes, findings: TextFindings) -> None:
        size = _size(findings)
        if not self.enabled or size > self._max_spans:
            return
        with self._lock:
            old = self._entries.pop(digest, None)
            if old is not None:
                self._spans -= _size(old)
            self._entries[digest] = findings
            self._spans += size
            while len(self._entries) > self._max_texts or self._spans > self._max_spans:
                _, dropped = self._entries.popitem(last=False)
                self._spans -= _size(dropped)


def _size(findings: TextFindings) -> int:
    return 1 + len(findings.identifiers) + len(findings.people) + len(findings.not_people)
