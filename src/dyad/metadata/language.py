"""The language of a document and of each channel post (ISO 639-1), by py3langid restricted
to the run's languages.

The manifest's language wins for the document when it is given. A channel's posts are
classified one by one and the document takes the language of most kept-post text. Text is
classified after cleaning, with URLs, hashtags, @handles and emoji taken out; a text too
short to judge takes the document's language. This module decides nothing else.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from dyad.metadata.byte_ngrams import load_identifier
from dyad.records import Document, Post
from dyad.stage import Context

MIN_LETTERS = 25            # fewer letters than this: too short to classify on its own
_NOISE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[#@][\w.]+|\b\w+\.(?:com|org|net|ru|es|br|se)\b/?\S*",
    re.IGNORECASE)
# The same for a text without "@" (the e-mail alternative, slow to fail, cannot match there)
_NOISE_NO_AT = re.compile(
    r"https?://\S+|www\.\S+|#[\w.]+|\b\w+\.(?:com|org|net|ru|es|br|se)\b/?\S*",
    re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")


@functools.cache
def identifier(languages: tuple[str, ...]) -> LanguageIdentifier:
    """A py3langid identifier restricted to `languages` (those the model knows), built
    once per language set (its byte walk done with numpy, see `byte_ngrams`)."""
    ident = load_identifier(MODEL_FILE, norm_probs=True)
    known = set(ident.labels)
    usable = [code for code in languages if code in known]
    if usable:
        ident.set_languages(usable)
    return ident


_SYMBOL_CATEGORIES = ("So", "Sk", "Cs", "Co")     # other and modifier symbols, surrogates,
                                                 # private use
_SPACES = re.compile(r"\s+")


def _is_symbol(ch: str) -> bool:
    code = ord(ch)
    return unicodedata.category(ch) in _SYMBOL_CATEGORIES or 0xFE00 <= code <= 0xFE0F \
        or code == 0x200D                        # variation selectors, zero-width joiner


def _strip_symbols(text: str) -> str:
    """Emoji, pictographs, flags and other symbols out. (Each distinct character is
    judged once; a text has few.)"""
    for ch in set(text):
        if _is_symbol(ch):
            text = text.replace(ch, "")
    return text


def prepare(text: str) -> str:
    """The text as the classifier should see it: no URLs, hashtags, handles or emoji."""
    noise = _NOISE if "@" in text else _NOISE_NO_AT
    return _SPACES.sub(" ", _strip_symbols(noise.sub(" ", text))).strip()


def normalise_code(code: str | None) -> str | None:
    """"pt-BR", "PT_br", " en " -> "pt", "en"; anything not a two-letter code -> None."""
    if not code:
        return None
    base = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    return base if len(base) == 2 and base.isalpha() else None


def classify(text: str, languages: tuple[str, ...],
             min_letters: int = MIN_LETTERS) -> str | None:
    """The language of `text` among `languages`, or None when it is too short to tell."""
    return _classify_prepared(prepare(text), languages, min_letters)


def _classify_prepared(clean: str, languages: tuple[str, ...],
                       min_letters: int = MIN_LETTERS) -> str | None:
    """`classify` of a text `prepare` has already been through."""
    if not _has_letters(clean, min_letters):
        return None
    lang, _conf = identifier(tuple(languages)).classify(clean)
    return str(lang)


def _has_letters(text: str, n: int) -> bool:
    """At least `n` letters in `text` (counting stops there)."""
    if n <= 0:
        return True
    for seen, _m in enumerate(_LETTER.finditer(text), 1):
        if seen >= n:
            return True
    return False


def _post_text(post: Post) -> str:
    return post.text or post.raw_text


def detect(doc: Document, ctx: Context) -> None:
    """Set doc.language and, for channels, each post's language."""
    languages = tuple(ctx.config.languages)
    identifier(languages)         # loaded even when no text needs it, so that warming the
                                  # stages before forking workers loads it once for all
    given = normalise_code(doc.given.language)
    if doc.posts:
        # a kept post has text, so what was classified is its text
        prepared = {p.index: prepare(_post_text(p)) for p in doc.posts}
        by_text: dict[str, str | None] = {}     # a post pasted twice is classified once
        found = {i: by_text[t] if t in by_text else by_text.setdefault(
                     t, _classify_prepared(t, languages)) for i, t in prepared.items()}
        weight: Counter[str] = Counter()
        for p in doc.kept_posts:
            if found.get(p.index):
                weight[found[p.index]] += len(prepared[p.index])
        doc_lang = given or (weight.most_common(1)[0][0] if weight else None) \
            or classify(doc.text or doc.raw_text, languages, min_letters=1)
        by_index = {p.index: p for p in doc.posts}
        for p in doc.posts:
            lang = found.get(p.index)
            if lang is None and p.duplicate_of is not None and p.duplicate_of in by_index:
                lang = found.get(p.duplicate_of)
            p.language = lang or doc_lang
        doc.language = doc_lang
        return
    if given:
        doc.language = given
        return
    doc.language = classify(doc.text, languages) or \
        classify(doc.raw_text, languages) or \
        classify(f"{doc.given.title or ''} {doc.text or doc.raw_text}", languages, min_letters=1)
