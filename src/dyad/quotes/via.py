"""The outlet a quotation was taken from, where the text credits one: an outlet the outlet
table knows, right after a credit cue ("told RIA Novosti", "в интервью ТАСС", "según recoge
la agencia EFE", "skriver TeleSUR", "interrogé par France 24") or right before one ("TASS
reported"), in the quotation's own sentence. Whether a credit in the sentence before carries
over is decided by the stage. A dateline agency ("MOSCOW (Reuters) -") credits the article,
not a quotation: no cue, no credit."""

from __future__ import annotations

from dyad.actors.tokens import Token
from dyad.metadata import outlets
from dyad.quotes.lexicon import QuoteLexicon

REACH = 4          # tokens between the end of a credit cue and the outlet


def credited(lex: QuoteLexicon, toks: list[Token], text: str) -> str | None:
    """The outlet the (masked) sentence `text` credits, or None. `toks` are its tokens."""
    found = outlets.mentions(text)
    if not found:
        return None
    starts = {t.start: k for k, t in enumerate(toks)}
    ends = {t.end: k for k, t in enumerate(toks)}
    for om in found:
        if not om.outlet.is_media:
            continue
        k = starts.get(om.start)
        j = ends.get(om.end)
        if k is None or j is None:
            continue
        for c, n in lex.find("via_before", toks, k - REACH - 3, k):
            if k - REACH <= c + n <= k:
                return om.outlet.name
        if lex.at("via_after", toks, j + 1) or (
                j + 2 < len(toks) and toks[j + 1].text == "," and lex.at("via_after", toks, j + 2)):
            return om.outlet.name
    return None
