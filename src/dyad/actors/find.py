"""Finding and resolving who is named in a text: states, regions, organisations and people.

Three passes over the tokens of one text:
1. the gazetteer: the longest known form at each place (country names, adjectives,
   metonyms, organisations, regions, registry people), with case rules (acronyms only in
   capitals, proper names capitalised);
2. role phrases: "Venezuelan Foreign Minister Yván Gil", "el canciller venezolano", "o
   chanceler brasileiro Mauro Vieira", "министр иностранных дел Бразилии М.Виейра",
   "Nicaragua's Special Representative for Russian Affairs Laureano Ortega" give a person
   and whom they act for, registry or not;
3. coreference inside the text: a surname alone, "the minister", and a pronoun whose
   antecedent is clear resolve to a person already found.

It returns Mentions; it does not decide who acts in an event (that is the events stage).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import MappingProxyType

from dyad.actors.codebook import Entry, Gazetteer
from dyad.actors.registry import Person, Registry
from dyad.actors.tokens import Token, transliterate
from dyad.records import Mention

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
KIND_ORDER = {"person": 0, "organisation": 1, "state": 2, "region": 3, "metonym": 4,
              "adjective": 5}
MAX_NAME_TOKENS = 5
# how a gazetteer match was found, by the kind of its entry (else the kind itself)
_METHODS = MappingProxyType({"person": "registry", "organisation": "name", "state": "name",
                             "region": "name"})


@dataclass
class Found:
    """A span of tokens [i, j) and what it was resolved to."""

    i: int
    j: int
    code: str | None
    kind: str
    method: str
    person: str | None = None
    role: str | None = None
    gender: str | None = None


@dataclass
class Scan:
    g: Gazetteer
    registry: Registry
    toks: list[Token]
    text: str
    when: dt.date | None
    found: list[Found] = field(default_factory=list)
    at: dict[int, Found] = field(default_factory=dict)     # token index -> covering match
    roles: list[tuple[int, int, str]] = field(default_factory=list)
    titled: set[int] = field(default_factory=set)    # role tokens followed by their person

    @functools.cached_property
    def starts(self) -> list[int]:
        """Each token's start offset, in order (to find the tokens of a span of text)."""
        return [t.start for t in self.toks]

    @functools.cached_property
    def keys(self) -> list[str]:
        """Each token's key, in order (the passes slice it to look spans up)."""
        return [t.key for t in self.toks]

    @functools.cached_property
    def sentence_starts(self) -> list[int]:
        """Indexes of the tokens that open a sentence (see `_sentence_starts`)."""
        return _sentence_starts(self)

    def first_words(self, firsts: dict[str, tuple[int, ...]]) -> list[int]:
        """Indexes of the words whose key opens an entry of `firsts`, in order: the only
        places where a pass over the tokens can match (a screen, one step for the text)."""
        return [k for k, t in enumerate(self.toks) if t.key in firsts and t.is_word]

    def words(self, name: str) -> frozenset[str]:
        return self.g.syntax.get(name, frozenset())

    def cover(self, f: Found) -> None:
        self.found.append(f)
        for k in range(f.i, f.j):
            self.at[k] = f

    def uncover(self, f: Found) -> None:
        self.found.remove(f)
        for k in range(f.i, f.j):
            if self.at.get(k) is f:
                del self.at[k]


def _case_ok(entry: Entry, toks: list[Token]) -> bool:
    if entry.case == "upper":
        return all(t.upper for t in toks if t.is_word)
    return all(t.capitalised or not cap for t, cap in zip(toks, entry.caps))


def _excluded(s: Scan, i: int, entry: Entry) -> bool:
    """A match that is not a mention: "non-Western"; a lowercase-only form written with a
    capital in mid-sentence (Italian "russo" vs. the surname Russo)."""
    toks = s.toks
    if i >= 2 and toks[i - 1].text in "-‐" and toks[i - 2].key in s.words("negation_prefixes") \
            and toks[i - 2].end == toks[i - 1].start:
        return True
    if entry.kind == "adjective" and i + 2 < len(toks) and toks[i + 1].text in "-‐" \
            and toks[i + 2].key in s.words("language_words"):
        return True
    t = toks[i]
    if entry.case == "any" and not any(entry.caps) and t.capitalised and not t.upper and i > 0:
        prev = toks[i - 1]
        if prev.text not in ".!?…:«»\"“”„-—–•" and "\n" not in s.text[prev.end:t.start]:
            return True
    return False


def _best(entries: list[Entry]) -> Entry:
    return min(entries, key=lambda e: KIND_ORDER.get(e.kind, 9))


def _keys_at(s: Scan, i: int, lengths: tuple[int, ...]) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(length, token keys) of the spans starting at token i, longest first."""
    keys = s.keys
    for length in lengths:
        if i + length <= len(keys):
            yield length, tuple(keys[i:i + length])


def _gazetteer_pass(s: Scan) -> None:
    toks, i = s.toks, 0          # i: the first token no match covers yet
    first_keys = s.g.lengths
    people = s.registry.by_name()
    for k in s.first_words(first_keys):       # elsewhere no known form starts
        if k < i:
            continue
        for length, key in _keys_at(s, k, first_keys[s.keys[k]]):
            entries = s.g.table.get(key)
            if not entries:
                continue
            ok = [e for e in entries if _case_ok(e, toks[k:k + length]) and not _excluded(s, k, e)]
            if not ok:
                continue
            e = _best(ok)
            person = people.get(e.person) if e.person else None
            method = _METHODS.get(e.kind, e.kind)
            if e.kind == "organisation" and e.case == "upper":
                method = "acronym"
            code = person.acting_for(s.when) if person else e.code
            s.cover(Found(k, k + length, code, e.kind, method, e.person,
                          gender=person.gender if person else None))
            i = k + length
            break


def _role_pass(s: Scan) -> None:
    """Find role titles (not inside other matches) and resolve the person each names."""
    i = 0                        # the first token no role phrase covers yet
    first_keys = s.g.role_lengths
    for k in s.first_words(first_keys):       # elsewhere no role phrase starts
        if k < i or (k in s.at and s.at[k].kind != "organisation"):
            continue
        for length, key in _keys_at(s, k, first_keys[s.keys[k]]):
            role = s.g.roles.get(key)
            if role:
                s.roles.append((k, k + length, role))
                i = k + length
                break
    for i, j, role in s.roles:
        _resolve_role(s, i, j, role)


def _skip(s: Scan, k: int, step: int, words: frozenset[str]) -> int:
    while 0 <= k < len(s.toks) and (s.toks[k].key in words or s.toks[k].text in ",'’"):
        k += step
    return k


def _resolve_role(s: Scan, i: int, j: int, role: str) -> None:
    toks = s.toks
    articles = s.words("articles")
    acts_for = None
    # left: "Venezuelan Foreign Minister", "Nicaragua's Special Representative"
    k = i - 1
    while k >= 0 and (toks[k].key in s.words("possessive") or toks[k].text in "'’"):
        k -= 1
    left = s.at.get(k)
    if left is not None and left.kind in ("state", "adjective", "organisation") and left.j == k + 1:
        acts_for = left.code
    # right: an adjective right after the role ("el canciller venezolano"), then a complement
    # ("of the Republic of Nicaragua", "иностранных дел Бразилии") up to the name
    k = j
    after = s.at.get(k)
    if after is not None and after.kind == "adjective" and after.i == k:
        acts_for = acts_for or after.code
        k = after.j
    name_at = None
    limit = min(len(toks), j + 12)
    while k < limit:
        t = toks[k]
        here = s.at.get(k)
        if here is not None and here.kind == "person":
            name_at = here
            break
        if here is not None and here.i == k:
            if here.kind in ("state", "organisation") and acts_for is None and (
                    k - 1 < 0 or toks[k - 1].key not in s.words("purpose")):
                acts_for = here.code
            k = here.j
            continue
        if t.text == "," or t.key in articles or t.key in s.g.syntax.get("connectors", ()) \
                or (not t.capitalised and t.is_word and k - j < 4 and not _is_name_start(s, k)):
            k += 1
            continue
        if _is_name_start(s, k):
            end = _name_end(s, k)
            if end > k:
                name_at = Found(k, end, None, "person", "role")
            break
        if t.capitalised and t.key in s.words("title_words"):
            k += 1
            continue
        break
    if name_at is None:
        return
    if name_at.method != "registry" and not _plausible_name(s, name_at.i, name_at.j):
        return
    s.titled.update(range(i, j))
    if name_at.method == "registry":
        if name_at.role is None:
            name_at.role = role
        return
    name = _name_text(s, name_at.i, name_at.j)
    person = _registry_person(s, name)
    _claim(s, name_at.i, name_at.j)
    if person is not None:
        s.cover(Found(name_at.i, name_at.j, person.acting_for(s.when), "person", "registry",
                      person.name, role, person.gender))
        return
    if acts_for is None:
        acts_for = _coordinated_acts_for(s, i)
    s.cover(Found(name_at.i, name_at.j, acts_for, "person", "role", name, role, None))


def _plausible_name(s: Scan, i: int, j: int) -> bool:
    """A name the registry does not know: two words or more (an initial counts), not in a
    headline written in title case, where every word is capitalised."""
    if sum(1 for t in s.toks[i:j] if t.is_word) < 2:
        return False
    start = s.text.rfind("\n", 0, s.toks[i].start) + 1
    end = s.text.find("\n", s.toks[j - 1].end)
    # the tokens of the line are those of the text inside it (no token holds a line break)
    first = bisect.bisect_left(s.starts, start, 0, i)
    last = len(s.toks) if end < 0 else bisect.bisect_left(s.starts, end, j)
    line = [t for t in s.toks[first:last] if t.is_word and t.text.isalpha()]
    caps = sum(1 for t in line if t.capitalised)
    return not (len(line) >= 4 and caps >= 0.8 * len(line))


def _is_name_start(s: Scan, k: int) -> bool:
    t = s.toks[k]
    return (t.is_word and t.capitalised and k not in s.at and t.key not in s.words("title_words")
            and t.key not in s.words("articles") and not t.text.isdigit())


def _name_end(s: Scan, k: int) -> int:
    """End of a personal name starting at k: capitalised words, initials ("С. В."),
    particles between them ("da", "de la")."""
    toks, n, j, words = s.toks, len(s.toks), k, 0
    particles = s.words("particles")
    while j < n and words < MAX_NAME_TOKENS:
        t = toks[j]
        if t.is_word and t.capitalised and (j not in s.at or (words and _surname_like(s, j))) \
                and t.key not in s.words("title_words"):
            j += 1
            words += 1
            if len(t.text) == 1 and j < n and toks[j].text == ".":
                j += 1                                      # an initial
            elif j < n and toks[j].text in "-‐" and j + 1 < n and toks[j + 1].capitalised:
                j += 1                                      # Díaz-Canel
        elif t.key in particles and j + 1 < n and toks[j + 1].capitalised and words:
            j += 1
        else:
            break
    while j > k and not toks[j - 1].is_word and toks[j - 1].text != ".":
        j -= 1
    return j if words else k


def _surname_like(s: Scan, k: int) -> bool:
    """Token k is a one-word place name that may be a surname after a given name ("Luís
    Montenegro", "Gustavo Petro" is not at stake, "Ana Paula Brasil")."""
    f = s.at.get(k)
    return f is not None and f.j - f.i == 1 and f.kind in ("state", "region", "place")


def _claim(s: Scan, i: int, j: int) -> None:
    """Uncover the place names inside a personal name about to be covered."""
    for k in range(i, j):
        f = s.at.get(k)
        if f is not None and f.kind != "person":
            s.uncover(f)


def _name_text(s: Scan, i: int, j: int) -> str:
    """The name as written, spaced the usual way: "М.Виейра" -> "М. Виейра"."""
    out = ""
    for k in range(i, j):
        t = s.toks[k]
        glue = k == i or t.text in ".-‐" or s.toks[k - 1].text in "-‐"
        word = t.text
        if s.g.lemmatiser is not None and len(word) > 2 and _CYRILLIC.search(word):
            word = s.g.lemmatiser.lemma(word).capitalize()      # "Хилем" -> "Хиль"
        out += ("" if glue else " ") + word
    return out


def _registry_person(s: Scan, written: str) -> Person | None:
    key = tuple(t.key for t in s.g.tokens(written))
    for e in s.g.table.get(key, ()):
        if e.kind == "person" and e.person:
            return s.registry.by_name().get(e.person)
    return None


def _coordinated_acts_for(s: Scan, i: int) -> str | None:
    """"X of Nicaragua Laureano Ortega and Minister of Finance Ivan Acosta": a role joined
    by "and" to a person found just before takes whom that person acts for."""
    k = i - 1
    if k >= 0 and s.toks[k].key in s.words("coordinators"):
        prev = s.at.get(k - 1)
        if prev is not None and prev.kind == "person":
            return prev.code
    return None


def _org_of_state(s: Scan) -> None:
    """"the Security Council of the Russian Federation" is a body of that state."""
    for f in list(s.found):
        if f.kind != "organisation":
            continue
        k = f.j
        if k < len(s.toks) and s.toks[k].key in s.words("of"):
            k = _skip(s, k + 1, 1, s.words("articles"))
            nxt = s.at.get(k)
            if nxt is not None and nxt.i == k and nxt.kind == "state":
                f.code, f.method = nxt.code, "body-of-state"


def _metonyms(s: Scan) -> None:
    """A capital or seat after a locative preposition is a place, not an actor."""
    for f in s.found:
        if f.kind == "metonym" and f.i > 0 and s.toks[f.i - 1].key in s.words("locatives"):
            f.method = "place"


def _sentence_starts(s: Scan) -> list[int]:
    """Indexes of the tokens that open a sentence: the first, those after a line break
    and those after . ! ? …"""
    toks, text, n = s.toks, s.text, len(s.toks)
    found = {k for k in range(1, n) if toks[k - 1].text in ".!?…"}
    at = text.find("\n")
    while at >= 0:
        k = bisect.bisect_right(s.starts, at)    # the first token after the break
        if 0 < k < n:
            found.add(k)
        at = text.find("\n", at + 1)
    return [0, *sorted(found)]


def _coreference(s: Scan) -> None:
    people = sorted((f for f in s.found if f.kind == "person" and f.person), key=lambda f: f.i)
    if not people:
        return
    surnames: dict[str, Found] = {}
    for f in people:
        for t in s.toks[f.i:f.j][1:]:
            if t.is_word and len(t.text) >= 3 and t.capitalised:
                surnames.setdefault(t.key, f)
    pronouns = s.words("pronoun_m") | s.words("pronoun_f")
    nouns = s.g.noun_lengths
    toks, keys = s.toks, s.keys
    # nothing refers back before the first person, and only these words can refer (the
    # tests below, made once for the text; the loop keeps the order they had)
    referring = [k for k in range(people[0].j, len(toks)) if keys[k] in surnames
                 or keys[k] in nouns or keys[k] in pronouns or toks[k].text.casefold() in pronouns]
    for k in referring:
        t = toks[k]
        held = s.at.get(k)
        if held is not None and held.kind != "person" and held.j - held.i == 1 and \
                t.capitalised and t.key in surnames and surnames[t.key].j <= k:
            # "Luís Montenegro ... Montenegro condenou": the surname of a person named
            # before, not the country spelled the same
            s.uncover(held)
        if k in s.at or k in s.titled or not t.is_word:
            continue
        found = _refer(s, k, t, people, surnames)
        if found is not None:
            s.cover(found)
            people.append(found)


def _refer(s: Scan, k: int, t: Token, people: list[Found],
           surnames: dict[str, Found]) -> Found | None:
    """What the word at k refers back to: a surname alone, "the minister", or a pronoun
    with one clear antecedent in this or the previous sentence (among `people`, the
    persons found so far)."""
    if t.capitalised and t.key in surnames and surnames[t.key].j <= k:
        src = surnames[t.key]
        return Found(k, k + 1, src.code, "person", "surname", src.person, src.role, src.gender)
    for length in s.g.noun_lengths.get(t.key, ()):
        key = " ".join(s.keys[k:k + length])
        roles = s.g.syntax.get("person_noun:" + key)
        nxt = s.toks[k + length] if k + length < len(s.toks) else None
        if nxt is not None and nxt.is_word and nxt.capitalised and (
                nxt.key in surnames or (s.at.get(k + length) is not None
                                        and s.at[k + length].kind == "person")):
            return None          # "el presidente Trump": a title before its name, no pronoun
        if roles and not any(m in s.at for m in range(k, k + length)):
            earlier = [f for f in people if f.j <= k]
            cands = [f for f in earlier if f.role in roles or
                     (f.person and _has_role(s, f.person, roles))]
            if cands:
                src = cands[-1]
                return Found(k, k + length, src.code, "person", "coref-role", src.person,
                             src.role, src.gender)
            break
    for gender in ("m", "f"):
        forms = s.words("pronoun_" + gender)
        written = t.text.casefold()
        if (written in forms or (t.key in forms and t.key != written)) and \
                (not t.capitalised or k in s.sentence_starts):
            starts = s.sentence_starts

            def sentence_of(at: int) -> int:
                return bisect.bisect_right(starts, at) - 1

            here = sentence_of(k)
            earlier = [f for f in people if f.j <= k]
            window = [f for f in earlier if sentence_of(f.i) >= here - 1
                      and f.gender in (gender, None)]
            if len({f.person for f in window}) == 1:
                src = window[-1]
                return Found(k, k + 1, src.code, "person", "pronoun", src.person, src.role,
                             src.gender)
            break
    return None


def _has_role(s: Scan, person: str, roles: frozenset[str]) -> bool:
    p = s.registry.by_name().get(person)
    return p is not None and bool(p.role_keys & roles)


def scan(text: str, g: Gazetteer, registry: Registry, when: dt.date | None = None) -> list[Mention]:
    """Every actor and person mention in `text`, in order."""
    s = Scan(g=g, registry=registry, toks=g.tokens(text), text=text, when=when)
    _gazetteer_pass(s)
    _org_of_state(s)
    _metonyms(s)
    _role_pass(s)
    _coreference(s)
    out = []
    for f in sorted(s.found, key=lambda f: f.i):
        start, end = s.toks[f.i].start, s.toks[f.j - 1].end
        person = f.person
        if f.kind == "person" and person and f.method == "role":
            person = transliterate(person)
        out.append(Mention(start=start, end=end, text=text[start:end], code=f.code,
                           person=person, method=f.method if f.kind != "adjective" else "adjective"))
    return out
