"""The gazetteer: every written form of every actor code and registry person in one
language, keyed by token keys (see `tokens.py`). Country names come from CLDR through babel
(alpha-2 -> alpha-3 by iso3166); the rest from `lang/<code>/actors.yaml` and the people
registry. It matches nothing by itself; `find.py` walks texts with it."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import iso3166
from babel import Locale, UnknownLocaleError

from dyad import lang as langdata
from dyad.actors.registry import Registry, load_registry
from dyad.actors.tokens import Lemmatiser, Token, shared_lemmatiser, tokenize

# CLDR territory codes that are not states: the ones we code, the others left out
CLDR_NON_STATES = {"419": "LAC", "150": "EUR", "002": "AFR", "142": "ASI", "EU": "EU",
                   "UN": "UN"}
SECTIONS = {"states": "state", "adjectives": "adjective", "metonyms": "metonym",
            "organisations": "organisation", "regions": "region"}
REGIONS = {"LAC", "EUR", "AFR", "ASI", "INT", "WST", "GLS", "MEA"}
RECENT_TEXTS = 4          # long texts whose tokens a gazetteer remembers
RECENT_MIN_CHARS = 400    # shorter texts are tokenised again (cheap, and many)
RECENT_MAX_CHARS = 200_000   # longer ones too (their tokens would hold much memory)
LOWER_OK = {"adjective", "region", "organisation", "metonym", "state"}


@dataclass(frozen=True)
class Entry:
    code: str                 # actor code (for a person: whom they act for)
    kind: str                 # state | adjective | metonym | organisation | region | person
    form: str                 # as written in the data
    case: str                 # "upper" (acronyms), "cap" (proper names) or "any"
    person: str | None = None
    caps: tuple[bool, ...] = ()   # which tokens of the form are capitalised


@dataclass
class Gazetteer:
    lang: str
    table: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    lemmatiser: Lemmatiser | None = None
    roles: dict[tuple[str, ...], str] = field(default_factory=dict)    # role phrase -> role key
    syntax: dict[str, frozenset[str]] = field(default_factory=dict)    # word classes by name
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first key -> lengths
    role_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    noun_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    folded: dict[str, str] = field(default_factory=dict)   # word -> token key, remembered
    # the texts tokenised last (a document's text is asked for by mentions, quotes and events)
    recent: dict[str, list[Token]] = field(default_factory=dict)

    def tokens(self, text: str) -> list[Token]:
        """The tokens of `text` (a new list each call; the last few long texts' tokens are
        remembered)."""
        if not RECENT_MIN_CHARS <= len(text) <= RECENT_MAX_CHARS:
            return tokenize(text, self.lemmatiser, self.folded)
        toks = self.recent.get(text)
        if toks is None:
            toks = tokenize(text, self.lemmatiser, self.folded)
            if len(self.recent) >= RECENT_TEXTS:
                del self.recent[next(iter(self.recent))]
            self.recent[text] = toks
        return list(toks)

    def index(self) -> None:
        """First-token indexes of the tables, longest first (built once, after loading)."""
        for table, out in ((self.table, self.lengths), (self.roles, self.role_lengths)):
            for key in table:
                out[key[0]] = tuple(sorted(set(out.get(key[0], ())) | {len(key)}, reverse=True))
        for name in self.syntax:
            if name.startswith("person_noun:"):
                key = name.split(":", 1)[1].split(" ")
                self.noun_lengths[key[0]] = tuple(sorted(
                    set(self.noun_lengths.get(key[0], ())) | {len(key)}, reverse=True))

    def add(self, form: str, entry: Entry) -> None:
        toks = self.tokens(form)
        key = tuple(t.key for t in toks)
        if not key:
            return
        entry = Entry(entry.code, entry.kind, entry.form, entry.case, entry.person,
                      tuple(t.capitalised for t in toks))
        bucket = self.table.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)


def case_of(form: str, kind: str) -> str:
    letters = [c for c in form if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "upper"
    if form[:1].isupper() or kind == "person":
        return "cap"
    return "any" if kind in LOWER_OK else "cap"


def _cldr_states(code: str) -> dict[str, str]:
    """{name: actor code} of CLDR's territory names in one language."""
    try:
        territories = Locale.parse(code).territories
    except (UnknownLocaleError, ValueError):
        return {}
    out = {}
    for key, name in territories.items():
        if key in CLDR_NON_STATES:
            out[name] = CLDR_NON_STATES[key]
        elif len(key) == 2 and key.isalpha():
            country = iso3166.countries_by_alpha2.get(key)
            if country is not None:
                out[name] = country.alpha3
    return out


def gazetteer(code: str, registries: tuple[str, ...] = ()) -> Gazetteer:
    """The gazetteer of one language (with the people of the registry, in every script),
    built once per process for each (language, registries)."""
    return _gazetteer(code, tuple(registries))


@functools.cache
def _gazetteer(code: str, registries: tuple[str, ...]) -> Gazetteer:
    registry: Registry = load_registry(registries)
    lemmatiser = shared_lemmatiser()                        # Cyrillic names occur anywhere
    g = Gazetteer(lang=code, lemmatiser=lemmatiser, folded=lemmatiser.keys)
    langs = langdata.available() if code == "*" else (code,)
    for lc in langs:
        for name, actor in _cldr_states(lc).items():
            kind = ("region" if actor in REGIONS else
                    "organisation" if actor in ("EU", "UN") else "state")
            g.add(name, Entry(actor, kind, name, "cap"))
        data = langdata.load("actors").get(lc, {})
        for section, kind in SECTIONS.items():
            for actor, forms in (data.get(section) or {}).items():
                for form in forms or ():
                    g.add(str(form), Entry(str(actor), kind, str(form), case_of(str(form), kind)))
        roles = langdata.load("roles").get(lc, {})
        for role, forms in (roles.get("roles") or {}).items():
            for form in forms or ():
                key = tuple(t.key for t in g.tokens(str(form)))
                if key:
                    g.roles.setdefault(key, str(role))
        for name in ("connectors", "possessive"):
            words = {t.key for f in roles.get(name) or () for t in g.tokens(str(f))}
            g.syntax[name] = g.syntax.get(name, frozenset()) | frozenset(words)
        for gender, words in (roles.get("pronouns") or {}).items():
            # pronouns keep their accents: Spanish "él" is a pronoun, "el" an article
            keys = frozenset(str(w).casefold() for w in words or ())
            g.syntax["pronoun_" + str(gender)] = g.syntax.get("pronoun_" + str(gender),
                                                               frozenset()) | keys
        for role, forms in (roles.get("person_nouns") or {}).items():
            for form in forms or ():
                key = tuple(t.key for t in g.tokens(str(form)))
                if key:
                    g.syntax.setdefault("person_noun:" + " ".join(key), frozenset({str(role)}))
        syntax = langdata.load("syntax").get(lc, {})
        for name, words in syntax.items():
            g.syntax[name] = g.syntax.get(name, frozenset()) | frozenset(
                t.key for w in words or () for t in g.tokens(str(w)))
    for p in registry.people:
        for n in p.names:
            g.add(n, Entry(p.acts_for, "person", n, "cap", person=p.name))
    g.index()
    return g
