"""The detection engine: every recognizer over every text of a request, then propagation.

Built once per request from process-wide parts (lexicon, compiled regexes, cached tenant
automata), it normalises each text, runs the validated recognizers and the name signals,
spreads found names over all texts, resolves overlaps and maps spans back to the original.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter

from proxy.detect import casing
from proxy.detect.address import find_addresses
from proxy.detect.cards import find_cards
from proxy.detect.checksums import VALIDATORS
from proxy.detect.cjk_names import find_cjk_names
from proxy.detect.context import PARTICLES
from proxy.detect.devanagari_names import find_devanagari_names
from proxy.detect.dictionary import TermDictionary, term_dictionary
from proxy.detect.email import find_emails, local_part_names
from proxy.detect.iban import find_ibans
from proxy.detect.ip import find_ips
from proxy.detect.lexicon import NameLexicon, load_lexicon
from proxy.detect.names import find_names
from proxy.detect.namesakes import namesake_spans
from proxy.detect.national_ids import find_il_ids, find_ssns
from proxy.detect.normalize import NormalizedText, normalize
from proxy.detect.phone import find_phones
from proxy.detect.phone_fragments import find_phone_fragments
from proxy.detect.propagation import Propagator, name_parts
from proxy.detect.repeats import repeats
from proxy.detect.secrets import find_secrets
from proxy.detect.spans import Detector, EntityType, Span
from proxy.detect.speakers import find_speakers
from proxy.detect.structured import find_column_addresses, read_structure
from proxy.detect.text_memo import TextFindings, TextMemo
from proxy.detect.word_uses import drop_word_uses
from proxy.errors import NotConfigured, RedactionFailed
from proxy.policy import CustomPattern

# Higher wins an overlap: validated identifiers over addresses over names.
PRIORITY = {
    EntityType.SECRET: 9,
    EntityType.EMAIL: 8,
    EntityType.IBAN: 8,
    EntityType.CREDIT_CARD: 8,
    EntityType.US_SSN: 7,
    EntityType.IL_ID: 7,
    EntityType.IP_ADDRESS: 7,
    EntityType.CUSTOM: 6,
    EntityType.PHONE: 6,
    EntityType.ADDRESS: 5,
    EntityType.PERSON: 4,
}
_RANK = {entity: -priority for entity, priority in PRIORITY.items()}  # sorts highest first
_START_END = attrgetter("start", "end")
RECOGNIZERS = (
    find_secrets,
    find_emails,
    find_ibans,
    find_cards,
    find_ssns,
    find_il_ids,
    find_ips,
    find_phones,
    find_phone_fragments,
    find_addresses,
    find_column_addresses,
)
# A text without a digit (a system prompt, most chat turns) cannot hold a card, IBAN, national
# id or phone: only these can match it (an IPv6 may be all letters, an Arabic address has no
# number). One search for a digit replaces five scans of the text.
WITHOUT_DIGITS = (find_secrets, find_emails, find_ips, find_addresses, find_column_addresses)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class _Custom:
    pattern: re.Pattern[str]
    validator: str | None


class DetectionEngine(Detector):
    """The default detector: no model, lexicon + rules + validation; cheap to build."""

    def __init__(
        self,
        *,
        allow_terms: Iterable[str] = (),
        always_personal_terms: Iterable[str] = (),
        custom_patterns: Sequence[CustomPattern] = (),
        lexicon: NameLexicon | None = None,
        memo_texts: int = 4096,
    ) -> None:
        self._lex = lexicon or load_lexicon()
        self._memo = TextMemo(max_texts=memo_texts)
        self._allow = frozenset(t.strip().casefold() for t in allow_terms if t.strip())
        self._personal: TermDictionary = term_dictionary(always_personal_terms)
        self._custom = [_Custom(_compile_custom(p), p.validator) for p in custom_patterns]

    @property
    def remembered_texts(self) -> int:
        """How many texts' findings the memo holds now."""
        return len(self._memo)

    def detect(self, text: str) -> list[Span]:
        """Spans of a single text (a request of one)."""
        return self.detect_all([text])[0]

    def detect_all(self, texts: list[str]) -> list[list[Span]]:
        """Spans per text, non-overlapping, with offsets into the original texts.

        Any failure inside is raised as `RedactionFailed`, without the text: the request must
        then not go upstream (fail closed)."""
        try:
            return self._detect_all(texts)
        except Exception:
            raise RedactionFailed("detection failed") from None
        finally:
            casing.forget()

    def _detect_all(self, texts: list[str]) -> list[list[Span]]:
        views: list[NormalizedText] = []
        found: list[list[Span]] = []
        # Name candidates stay plain (start, end) pairs until merged: far fewer objects.
        people_of: list[set[tuple[int, int]]] = []
        not_people_of: list[list[tuple[int, int]]] = []
        names: set[str] = set()
        for text in texts:
            view, spans, people, not_people = self._one_text(text)
            views.append(view)
            not_people_of.append(not_people)
            # A lone word read as a name inside an address is a street's or a town's ("شارع
            # فيصل 22، نابلس"): it is not spread to the request's other mentions of that word.
            # A full name there (a recipient's, "Ship to: Dana Kowalczyk, 12 Herzl St") is.
            addresses = [(s.start, s.end) for s in spans if s.type is EntityType.ADDRESS]
            names.update(
                view.text[s:e]
                for s, e in people
                if not addresses
                or " " in view.text[s:e]
                or not any(a <= s and e <= b for a, b in addresses)
            )
            for s in spans:
                if s.type is EntityType.EMAIL:
                    names.update(self._email_names(view.text, s))
            found.append(spans)
            people_of.append(people)
        parts = {
            p: exact for p, exact in name_parts(names, self._lex).items() if p not in self._allow
        }
        propagator = Propagator(parts)
        for spans, more in zip(found, repeats([v.text for v in views], found), strict=True):
            spans.extend(more)
        results: list[list[Span]] = []
        for view, spans, people, not_people in zip(
            views, found, people_of, not_people_of, strict=True
        ):
            spread = drop_word_uses(view.text, propagator.find(view.text), self._lex)
            if not_people:
                # "Bekele Catering" in a company column, "Kfar Saba" in a city field: a name
                # found elsewhere is not that person there.
                spread = _outside(spread, not_people)
            people.update(spread)
            spans.extend(_merge_people(view.text, people))
            results.append(self._finish(view, spans))
        return results

    def _one_text(
        self, text: str
    ) -> tuple[NormalizedText, list[Span], set[tuple[int, int]], list[tuple[int, int]]]:
        """What one text holds on its own: its view, identifiers, name candidates and values
        that hold no person; taken from the memo when the text was seen before (a chat
        history sent again)."""
        digest = b""
        if self._memo.enabled:
            digest, known = self._memo.get(text)
            if known is not None:
                view = normalize(text) if known.normalised else NormalizedText(text, text)
                return view, list(known.identifiers), set(known.people), list(known.not_people)
        view = normalize(text)
        spans = list(self._identifiers(view.text))
        people, not_people = self._people(view.text)
        if self._memo.enabled:
            changed = view.text != text or bool(view.edits)
            findings = TextFindings(tuple(spans), frozenset(people), changed, tuple(not_people))
            self._memo.put(digest, findings)
        return view, spans, people, not_people

    def _identifiers(self, text: str) -> Iterator[Span]:
        for recognizer in RECOGNIZERS if _DIGIT.search(text) else WITHOUT_DIGITS:
            yield from recognizer(text)
        for custom in self._custom:
            for m in custom.pattern.finditer(text):
                check = VALIDATORS.get(custom.validator or "")
                if check is None or check(m.group()):
                    yield Span(m.start(), m.end(), EntityType.CUSTOM, 1.0, "custom")
        for start, end in self._personal.find(text):
            yield Span(start, end, EntityType.PERSON, 1.0, "dictionary")

    def _people(self, text: str) -> tuple[set[tuple[int, int]], list[tuple[int, int]]]:
        """Name candidates, and the values structure says hold no person."""
        found = {(h.start, h.end) for h in find_names(text, self._lex)}
        found.update(find_cjk_names(text))
        found.update(find_devanagari_names(text, self._lex))
        people, not_people = read_structure(text)
        # Businesses, institutions and streets named after people hold no person either.
        not_people += namesake_spans(text, self._lex)
        if not_people:
            # A name inside a company, account, deal, place or title value is not a person.
            found = set(_outside(list(found), not_people))
        found.update(people)
        found.update(find_speakers(text, self._lex))
        return found, not_people

    def _email_names(self, text: str, email: Span) -> list[str]:
        """Local-part pieces that are names, or that the text also writes as a word."""
        out = []
        near = text[max(0, email.start - 300) : email.end + 300]
        for part in local_part_names(text[email.start : email.end]):
            if (self._lex.flags.get(part) and part not in self._lex.common) or part.title() in near:
                out.append(part)
        return out

    def _finish(self, view: NormalizedText, spans: list[Span]) -> list[Span]:
        kept = _resolve(_drop_inside_addresses(spans), view.text)
        if not self._allow and not view.moves_offsets:
            return kept  # offsets are already the original's: no new objects needed
        out: list[Span] = []
        for s in kept:
            if self._allow and view.text[s.start : s.end].strip().casefold() in self._allow:
                continue
            start, end = view.to_original(s.start, s.end)
            if start == s.start and end == s.end:
                out.append(s)  # untouched by the edits: the same span, no new object
            elif end > start:
                out.append(Span(start, end, s.type, s.score, s.source))
        return out


def _outside(spans: list[tuple[int, int]], areas: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` without those that lie inside one of `areas`."""
    return [p for p in spans if not any(s <= p[0] and p[1] <= e for s, e in areas)]


def _compile_custom(pattern: CustomPattern) -> re.Pattern[str]:
    """The tenant pattern, compiled; a bad one is a configuration error (fail closed)."""
    if pattern.validator is not None and pattern.validator not in VALIDATORS:
        raise NotConfigured(f"custom pattern {pattern.name!r} names an unknown validator")
    try:
        return re.compile(pattern.regex)
    except re.error:
        raise NotConfigured(f"custom pattern {pattern.name!r} does not compile") from None


# Kinds a number inside an address may have been read as (a postcode read as a phone).
_INSIDE_ADDRESS = frozenset(
    t
    for t, p in PRIORITY.items()
    if t is not EntityType.ADDRESS and p <= PRIORITY[EntityType.PHONE]
)


def _drop_inside_addresses(spans: list[Span]) -> list[Span]:
    """Numbers inside an address (a postcode read as a phone) belong to the address.

    An address overlapped by an identifier that outranks a phone loses to it later ("Eliyahu
    Nagar, ID 090937863" read as an address line): it takes nothing, or the name inside it
    would be dropped with it."""
    beaten = [s for s in spans if PRIORITY[s.type] > PRIORITY[EntityType.PHONE]]
    addresses = sorted(
        (
            s
            for s in spans
            if s.type is EntityType.ADDRESS
            and not any(b.start < s.end and s.start < b.end for b in beaten)
        ),
        key=lambda s: s.start,
    )
    if not addresses:
        return spans
    starts = [a.start for a in addresses]
    # Addresses may overlap each other: a span belongs to one of the (up to) three that start
    # last at or before it; `reach[i]` is the furthest end among those before index i + 1.
    ends = [a.end for a in addresses]
    reach = [max(ends[max(0, i - 2) : i + 1]) for i in range(len(ends))]
    kept: list[Span] = []
    for s in spans:
        if s.type in _INSIDE_ADDRESS:
            i = bisect_right(starts, s.start) - 1
            if i >= 0 and reach[i] >= s.end:
                continue
        kept.append(s)
    return kept


# How far back the space before a particle may be: the longest particle, its space after it
# and the space before it ("della", "abdul" are five letters).
_PARTICLE_REACH = max(len(p) for p in PARTICLES) + 2


def _particle_start(text: str, start: int) -> int:
    """Start of a name particle right before `start` ("Al Qasimi", "al-Mansouri"), else start."""
    low = max(0, start - _PARTICLE_REACH)
    cut = text.rfind(" ", low, start - 1)
    if cut < 0 and low > 0:
        return start  # the word before is longer than any particle
    word = text[cut + 1 : start - 1]
    particle = word.lstrip(_BRACKETS)  # "(أبو علي)", "[\"أبو حميد\"]": a kunya in brackets
    return start - 1 - len(particle) if particle.casefold() in PARTICLES else start


_BRACKETS = "([{\"'«“"


# Initials written before a name ("John F. Kennedy", "A. B. Okafor", "K.-H. Müller"), in
# Cyrillic, Hebrew, Arabic and Persian too ("С. Гринберг", "מ. גלר", "ح. کاظمی").
_INITIAL = r"[A-ZА-ЯЁ\u05d0-\u05ea\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]\."
_INITIALS_BEFORE = re.compile(rf"(?<![\w.])(?:{_INITIAL}(?:-{_INITIAL})? ?){{1,3}}(?<= )$")


# A short capitalised word between two name parts is a middle name ("Nguyễn Thị [Thu] Hà").
_MIDDLE = re.compile(r" [A-Z\u00c0-\u024f][a-z\u00e0-\u024f]{1,3} ")
# A trailing initial ("Rowan P", "Dana L."); "I" and "A" read as words.
_INITIAL_AFTER = re.compile(
    r" (?:(?![AI]\b)[A-Z]\.?|[\u05d0-\u05ea][.'׳]|[А-ЯЁ]\.)(?![\w.'’-])"  # "Света К."
)
# A generational suffix ends the name: "Rogelio Ochoa Jr.", "Dimaculangan Jr.", "Henry Ford II".
_SUFFIX_AFTER = re.compile(r",? (?:Jr|Sr|JR|SR)\.?(?![\w'’-])|,? (?:II|III|IV)(?![\w'’-])")
# The surname after a middle initial ("Marcus T. Bellweather"), unless a sentence goes on.
_SURNAME_AFTER_INITIAL = re.compile(
    r" (?!(?:The|This|That|Thanks|We|I|Please|And|But)\b)[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b"
)


# Short capitalised words that join two names in title-case text without being one.
_NOT_MIDDLE = frozenset(
    "and or the for of to in on at by but nor yet so via per cc re fw fwd".split()  # noqa: SIM905
)


_CUE_BEFORE_INITIALS = re.compile(
    r"(?:^|\W)(?:[Mm]et|with|w/|from|to|by|cc|CC|[Dd]ear|[Hh]i|[Hh]ello|[Tt]hanks|and|[Cc]ontact"
    r"|name of|[Ss]igned|[Mm]rs?\.?|[Mm]s\.?|[Dd]r\.?)$"
)


def _opens_name(text: str, start: int, merged: list[list[int]]) -> bool:
    """Initials at `start` belong to the name after them when they open a line, a field or a
    list ("CC: A. B. Okafor"), or follow another name ("John F. Kennedy"); after an ordinary
    word they end a sentence ("Plan B. Dana", "the U.S. Dana").
    """
    before = text[:start].rstrip(" ")
    if not before or before[-1] in "\n:;,(\"'+&/_|–—!?":
        return True
    if _CUE_BEFORE_INITIALS.search(before[-12:]):
        return True  # "Met J.R. Okonkwo", "cc A. Levi"
    return bool(merged) and merged[-1][1] == len(before)


def _continues(text: str, last: list[int], start: int, end: int) -> bool:
    """True (and `last` extended to `end`) when the part at `start` overlaps the name `last`
    or follows it across a joining gap (a space, a hyphen, a short middle name)."""
    # A joining gap is at most 6 characters: longer ones are not even sliced.
    if start <= last[1] or (start - last[1] <= 6 and _joins(text[last[1] : start])):
        if end > last[1]:
            last[1] = end
        return True
    if start - last[1] == 2 and text[last[1] : start] == " (" and text[end : end + 1] == ")":
        last[1] = end + 1  # a nickname: "Yitzhak (Itzik) Shemesh"
        return True
    return False


def _joins(gap: str) -> bool:
    """True when `gap` between two name parts makes them one name."""
    if gap in (" ", "-", " - ", ".", "_"):
        return True  # ".", "_": the parts of a login ("zainab.qureshi")
    return _MIDDLE.fullmatch(gap) is not None and gap.strip().casefold() not in _NOT_MIDDLE


def _whole_login(text: str, span: list[int]) -> None:
    """A lower-case name part with an initial glued by a dot or an underscore is a login:
    all of it is the person's ("j.whitehorse", "tamar.w")."""
    start, end = span
    before = text[max(0, start - 3) : start]
    initial = len(before) >= 2 and before[-1] in "._" and before[-2].islower()
    if initial and (len(before) == 2 or not (before[0].isalnum() or before[0] in "._@-")):
        span[0] = start - 2
    after = text[end : end + 3]
    if len(after) >= 2 and after[0] in "._" and after[1].islower():
        rest = after[2:]
        if not rest or not (rest.isalnum() or rest in "._@-"):
            span[1] = end + 2


def _merge_people(text: str, people: set[tuple[int, int]]) -> list[Span]:
    """PERSON spans: overlapping or space-separated parts joined (given + surname), with any
    name particle right before them."""
    merged: list[list[int]] = []
    for start, end in sorted(people):
        # A part that joins the name before (most do) would join it as well with a particle or
        # initials before it, and only its end counts: test that first.
        if merged and _continues(text, merged[-1], start, end):
            continue
        if start > 1 and text[start - 1] in " -":
            start = _particle_start(text, start)
        if start > 2 and text[start - 2] == ".":
            initials = _INITIALS_BEFORE.search(text, max(0, start - 16), start)
            if initials and _opens_name(text, initials.start(), merged):
                start = initials.start()
        if merged and _continues(text, merged[-1], start, end):
            continue
        merged.append([start, end])
    for span in merged:
        if text[span[0]].islower():
            _whole_login(text, span)
        if text[span[1] : span[1] + 1] == "." and text[span[1] - 3 : span[1]] in (" Jr", " Sr"):
            span[1] += 1  # the suffix was read as a word: its dot too
        elif text[span[1] : span[1] + 2] in (" J", " S", ", ", " I"):
            suffix = _SUFFIX_AFTER.match(text, span[1])
            if suffix:
                span[1] = suffix.end()
        # The trailing initial is " X": test its two characters before the pattern.
        after = text[span[1] + 1 : span[1] + 2]
        if text[span[1] : span[1] + 1] == " " and (after.isupper() or "א" <= after <= "ת"):
            initial = _INITIAL_AFTER.match(text, span[1])
            if initial:
                span[1] = initial.end()
                surname = _SURNAME_AFTER_INITIAL.match(text, span[1])
                if surname and initial.group().endswith("."):
                    span[1] = surname.end()
    # A middle initial between two parts found apart joins them ("BRIANNA K SULLIVAN").
    joined = merged[:1]
    for span in merged[1:]:
        if span[0] == joined[-1][1] + 1 and text[joined[-1][1]] == " ":
            joined[-1][1] = span[1]
        else:
            joined.append(span)
    return [Span(s, e, EntityType.PERSON, 0.8, "names") for s, e in joined]


def _resolve(spans: list[Span], text: str) -> list[Span]:
    """Non-overlapping spans: higher priority first, then longer.

    Spans that overlap no other (most of them) are kept as they are; only each group of
    overlapping ones is settled by priority (groups cannot affect each other)."""
    order = sorted((s for s in spans if s.end > s.start), key=_START_END)  # stable: ties keep
    kept: list[Span] = []  # their input order, which settles them as before
    group: list[Span] = []
    reach = -1
    for s in order:
        if s.start < reach:
            group.append(s)
            reach = max(reach, s.end)
            continue
        if len(group) == 1:
            kept.append(group[0])
        elif group:
            kept += _settle(group, text)
        group = [s]
        reach = s.end
    if len(group) == 1:
        kept.append(group[0])
    elif group:
        kept += _settle(group, text)
    return kept


def _settle(spans: list[Span], text: str) -> list[Span]:
    """The non-overlapping choice among overlapping spans, sorted by start.

    A name that a stronger span overlaps keeps its words outside that span: "הדס ביטון -
    hadas", joined to the local part of the email after it, loses "hadas" to the email, not
    the whole name."""
    order = sorted(spans, key=lambda s: (_RANK[s.type], s.start - s.end, s.start))
    starts: list[int] = []  # taken spans, sorted by start; they never overlap each other
    ends: list[int] = []
    kept: list[Span] = []
    for s in order:
        pieces = _free(s.start, s.end, starts, ends)
        if pieces != [(s.start, s.end)]:
            if s.type is not EntityType.PERSON:
                continue
            pieces = [p for p in (_trim(text, a, b) for a, b in pieces) if p is not None]
        for start, end in pieces:
            i = bisect_left(starts, start)
            starts.insert(i, start)
            ends.insert(i, end)
            whole = (start, end) == (s.start, s.end)
            kept.insert(i, s if whole else Span(start, end, s.type, s.score, s.source))
    return kept


def _free(start: int, end: int, starts: list[int], ends: list[int]) -> list[tuple[int, int]]:
    """The stretches of [start, end) that no taken span covers."""
    i = bisect_left(starts, start)
    if i and ends[i - 1] > start:
        i -= 1
    pieces: list[tuple[int, int]] = []
    at = start
    while i < len(starts) and starts[i] < end:
        if starts[i] > at:
            pieces.append((at, starts[i]))
        at = max(at, ends[i])
        i += 1
    if at < end:
        pieces.append((at, end))
    return pieces


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A name's leftover stretch without the spaces and marks at its edges; None when less
    than two letters are left."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (start, end) if end - start >= 2 else None
