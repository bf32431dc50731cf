"""Who said a quotation, read from the sentence around it (its frame, with the quoted words
masked): the person next to the reporting verb nearest the quote ("said Lavrov", "Гил
заявил"); else the institution there ("the Russian Foreign Ministry informed", "indique le
communiqué du Quai d'Orsay"); else a pronoun or role phrase resolved through what came before
("he added", "el canciller venezolano" -> the last Venezuelan named, "the ministry said" -> the
last institution); else, for a quotation standing alone or after a colon, the person the
sentence or the text before names. It does not find quotations or outlets."""

from __future__ import annotations

from dataclasses import dataclass, field

from dyad.actors.tokens import Token
from dyad.quotes.lexicon import QuoteLexicon
from dyad.records import Mention, PersonRef

BEFORE = 10           # tokens before a reporting verb where its speaker may stand
AFTER = 8             # ... and after it
INSTITUTION_GAP = 8   # tokens between an institution word and the state it belongs to
MASK = "\u02ac"       # a letter that stands for a quotation in a frame (after its mark)


@dataclass
class History:
    """What the text before a sentence says about who is speaking: the subject of the last
    sentence naming a person, the last person named for each actor, the last institution."""

    subject: PersonRef | None = None
    by_code: dict[str, PersonRef] = field(default_factory=dict)
    institution: PersonRef | None = None

    def see(self, persons: list[PersonRef], institutions: list[PersonRef]) -> None:
        if persons:
            self.subject = persons[0]
        for p in persons:
            if p.acts_for:
                self.by_code[p.acts_for] = p
        if institutions:
            self.institution = institutions[0]


@dataclass(frozen=True)
class Placed:
    """A mention with its token index in the frame."""

    k: int
    m: Mention


def place(mentions: list[Mention], toks: list[Token], base: int) -> list[Placed]:
    """Mentions (offsets in the document) placed on frame tokens (offsets from `base`)."""
    starts = {t.start + base: k for k, t in enumerate(toks)}
    out = []
    for m in mentions:
        k = starts.get(m.start)
        if k is None:
            k = next((n for n, t in enumerate(toks) if t.start + base >= m.start), len(toks))
        out.append(Placed(k, m))
    return out


def person_ref(m: Mention) -> PersonRef:
    return PersonRef(m.person or m.text, m.code)


def institutions(lex: QuoteLexicon, toks: list[Token], placed: list[Placed], text: str,
                 base: int) -> list[PersonRef]:
    """Institutions a sentence names, in order: a state's ministry, government, embassy (an
    institution word with the state nearest it: "the Russian Foreign Ministry", "Ministerio
    ... de Venezuela"), or a metonym ("Itamaraty", "Kremlin")."""
    found: list[tuple[int, PersonRef]] = []
    states = [p for p in placed if not p.m.person and p.m.code and p.m.method != "place"]
    for k, n in lex.find("institution_words", toks):
        near = [p for p in states if k - 3 <= p.k < k or k + n <= p.k <= k + n + INSTITUTION_GAP]
        if not near:
            continue
        p = min(near, key=lambda p: (p.k > k, abs(p.k - k)))     # "the Russian ministry" first
        a = min(toks[k].start, p.m.start - base)
        b = max(toks[k + n - 1].end, p.m.end - base)
        found.append((min(k, p.k), PersonRef(text[a:b].strip(), p.m.code)))
    for p in states:
        if p.m.method == "metonym" and not any(abs(k - p.k) <= INSTITUTION_GAP for k, _ in found):
            found.append((p.k, PersonRef(p.m.text, p.m.code)))
    return [ref for _, ref in sorted(found, key=lambda x: x[0])]


def resolve(lex: QuoteLexicon, toks: list[Token], qk: int, placed: list[Placed],
            insts: list[PersonRef], hist: History, standalone: bool) -> PersonRef | None:
    """The speaker of the quotation at frame token qk (see the module docstring)."""
    persons = [p for p in placed if p.m.person and p.m.code]
    cues = lex.find("reporting", toks) + lex.find("according_to", toks)
    cues.sort(key=lambda c: min(abs(c[0] - qk), abs(c[0] + c[1] - 1 - qk)))
    for k, n in cues:
        if hist.subject is not None and (lex.is_pronoun(toks, k - 1) or lex.is_pronoun(toks, k + n)):
            return hist.subject              # "he said", "заявил он", "a-t-il affirmé"
        near = [p for p in persons if k - BEFORE <= p.k < k or k + n <= p.k <= k + n + AFTER]
        near = [p for p in near if not _masked_between(toks, p.k, k)]
        if near:
            return person_ref(min(near, key=lambda p: abs(p.k - k)).m)
    for k, n in cues:
        got = _by_reference(lex, toks, k - 4, k + n + 5, placed, insts, hist)
        if got is not None:
            return got
    colon = any(t.text == ":" for t in toks[max(qk - 2, 0):qk])
    if colon:
        before = [p for p in persons if p.k < qk]
        if before:
            return person_ref(before[-1].m)
        got = _by_reference(lex, toks, 0, qk, placed, insts, hist)
        if got is not None:
            return got
    if standalone:
        if persons:
            return person_ref(persons[0].m)
        return hist.subject
    if cues and not persons:
        return hist.subject                  # no subject written: "respondió:", "отметил"
    return None


def _masked_between(toks: list[Token], a: int, b: int) -> bool:
    lo, hi = sorted((a, b))
    return any(t.text == MASK for t in toks[lo + 1:hi])


def _by_reference(lex: QuoteLexicon, toks: list[Token], lo: int, hi: int, placed: list[Placed],
                  insts: list[PersonRef], hist: History) -> PersonRef | None:
    """A pronoun, role phrase or institution word in toks[lo:hi], resolved through the text
    before; an institution the window itself names."""
    lo, hi = max(lo, 0), min(hi, len(toks))
    codes = [p.m.code for p in placed if lo <= p.k < hi and p.m.code and not p.m.person
             and p.m.method != "place"]
    in_window = [i for i in insts if any(p.m.code == i.acts_for and lo <= p.k < hi for p in placed)]
    if lex.find("role_words", toks, lo, hi):
        for c in codes:
            if c in hist.by_code:
                return hist.by_code[c]
        if hist.subject is not None:
            return hist.subject
    if any(lex.is_pronoun(toks, k) for k in range(lo, hi)) and hist.subject is not None:
        return hist.subject
    if in_window:
        return in_window[0]
    if lex.find("institution_words", toks, lo, hi):
        if hist.institution is not None and (not codes or hist.institution.acts_for in codes):
            return hist.institution
        if codes:
            return PersonRef(_window_text(toks, lo, hi), codes[0])
    return None


def _window_text(toks: list[Token], lo: int, hi: int) -> str:
    return " ".join(t.text for t in toks[lo:hi] if t.text != MASK).strip(" ,.;:")
