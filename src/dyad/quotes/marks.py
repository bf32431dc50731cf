"""Quoted spans in a text: every quote style of `lang/xx/quotes.yaml` (“…”, "…", «…», „…“,
‚…‘, »…«, »…», ”…”, ‘…’), quotes nested in quotes (kept inside the outer one), quotations
running over several paragraphs (each new paragraph opening with the same mark), and
dialogue-dash paragraphs ("— Words, — said X"; "– Words, säger X"). It finds where words stand
between marks; whether they are speech, a title or a scare quote is decided elsewhere."""

from __future__ import annotations

from dataclasses import dataclass

from dyad.quotes.lexicon import Marks, QuoteLexicon

_OPEN_BEFORE = set(" \t\n([{—–-:/…") | {"\u00a0"}


@dataclass(frozen=True)
class Span:
    """Quoted words: text[start:end] between the marks at text[outer_start] and
    text[outer_end - 1] (dash quotes: the dash and the closing dash or comma)."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    style: str                  # the opening mark, or "dash"


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _OPEN_BEFORE or not before.isalnum() and before not in ".,;!?") and \
        (not after.isspace() or text[i] in "«»")


def _can_close(text: str, i: int, apostrophe: bool) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i > 0 else " "
    if before in " \t\n" and not text[i] in "»«":
        return False
    return not (apostrophe and after.isalnum())


def quoted_spans(text: str, mk: Marks) -> list[Span]:
    """The outermost quoted spans of `text`, in order."""
    out: list[Span] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in mk.pairs and _can_open(text, i):
            end = _close(text, i, mk)
            if end is not None:
                close_at, inner_end = end
                out.append(Span(i + 1, inner_end, i, close_at + 1, c))
                i = close_at + 1
                continue
        i += 1
    return out


def _close(text: str, i: int, mk: Marks) -> tuple[int, int] | None:
    """(index of the closing mark, end of the quoted words) for the mark opened at i;
    None when it is not closed (a stray mark, an apostrophe)."""
    stack = [text[i]]
    j, n = i + 1, len(text)
    while j < n:
        c = text[j]
        if c == "\n":
            # a quotation over several paragraphs: the next paragraph reopens with the mark
            k = j
            while k < n and text[k] in " \t\n\u00a0":
                k += 1
            if len(stack) == 1 and k < n and text[k] == stack[0]:
                j = k + 1
                continue
            return None
        top = stack[-1]
        if c in mk.pairs[top] and _can_close(text, j, c in mk.apostrophes):
            stack.pop()
            if not stack:
                return j, j
            j += 1
            continue
        if c in mk.pairs and c != top and _can_open(text, j) and len(stack) < 3:
            stack.append(c)
        j += 1
    return None


def dash_spans(text: str, lex: QuoteLexicon, mk: Marks) -> list[Span]:
    """Dialogue-dash paragraphs: a line opening with a dash whose words are followed, on the
    same line, by a closing dash or a comma and a reporting verb."""
    out: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        base, pos = pos, pos + len(line) + 1
        stripped = line.lstrip()
        if not stripped or stripped[0] not in mk.dashes:
            continue
        lead = len(line) - len(stripped)
        start = base + lead + 1
        while start < base + len(line) and text[start] in " \u00a0":
            start += 1
        body = text[start:base + len(line)]
        cut = _dash_end(body, lex, mk)
        if cut is None:
            continue
        words_end, frame_at = cut
        out.append(Span(start, start + words_end, base + lead, start + frame_at, "dash"))
    return out


def _dash_end(body: str, lex: QuoteLexicon, mk: Marks) -> tuple[int, int] | None:
    """(end of the words, start of the frame) in a dash paragraph's body, when a reporting
    verb follows a closing dash or a comma."""
    toks = lex.tokens(body)
    for k, t in enumerate(toks):
        if t.text in mk.dashes or t.text == ",":
            nxt = k + 1
            while nxt < len(toks) and (toks[nxt].text in mk.dashes or toks[nxt].text == ","):
                nxt += 1
            if nxt < len(toks) and lex.at("reporting", toks, nxt):
                end = t.start
                while end > 0 and body[end - 1] in " ,\u00a0":
                    end -= 1
                return end, toks[nxt].start
    return None
