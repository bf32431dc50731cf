"""The outlet table (`data/outlets.tsv`): who publishes at a web domain, under what
canonical name, what kind of documents they publish, and every other way their name is
written (other scripts, inflected forms, Telegram handles).

It answers three questions: which outlet a URL belongs to (`from_url`), which outlet a
written name stands for (`lookup`), and where a text names known outlets (`mentions`).
Whether a mention is a byline, a credit or a mere mention is decided in `citations`; which
outlet published a document is decided in `metadata.describe`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from urllib.parse import urlsplit

from dyad import lang as langdata

TABLE = "outlets.tsv"
KIND_COLUMN_VALUES = frozenset({"article", "statement", "blog", "channel"})
_URL_LIKE = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/\S*",
                       re.IGNORECASE)


@dataclass(frozen=True)
class Outlet:
    name: str
    kind: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]

    @property
    def is_media(self) -> bool:
        """A news outlet or a blog, as opposed to an official source."""
        return self.kind != "statement"


@dataclass(frozen=True)
class Mention:
    """A known outlet named in a text."""

    start: int
    end: int
    outlet: Outlet


@dataclass(frozen=True)
class OutletTable:
    outlets: Mapping[str, Outlet]            # canonical name -> outlet
    domains: tuple[tuple[str, str, str], ...]  # (host, path prefix, name), longest first
    variants: Mapping[str, str]              # written form (case-sensitive) -> name
    folded: Mapping[str, str]                # casefolded name/alias/handle -> name
    pattern: re.Pattern[str]


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[\s\-_'’\"«»“”]+", " ", s).strip()


def _variants(alias: str) -> set[str]:
    """The written forms an alias matches: as written, in capitals, and with the first
    letter up ("teleSUR" -> "TeleSUR", "TELESUR"; one-word "NewsVoice" -> "Newsvoice")."""
    out = {alias}
    if len(alias) >= 4 and any(c.islower() for c in alias):
        out.add(alias.upper())
    if alias[:1].islower():
        out.add(alias[:1].upper() + alias[1:])
    if " " not in alias and len(alias) >= 5 and any(c.isupper() for c in alias[1:]) \
            and any(c.islower() for c in alias):
        out.add(alias[:1].upper() + alias[1:].lower())
    return {v for v in out if v.strip()}


def _trie_regex(words: Iterable[str]) -> str:
    """One regex alternation for many literal strings, as a trie, so that matching does
    not try every string at every position."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return f"(?:{body})?"
        return body

    return build(trie)


def _read_rows() -> list[list[str]]:
    text = (resources.files("dyad") / "data" / TABLE).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if cols[0] == "domain":
            continue
        rows.append((cols + ["", "", "", ""])[:4])
    return rows


@functools.cache
def table() -> OutletTable:
    """The outlet table, read once."""
    names: dict[str, dict] = {}
    domains: list[tuple[str, str, str]] = []
    for domain, name, kind, aliases in _read_rows():
        name, kind = name.strip(), (kind.strip() or "article")
        if not name:
            continue
        if kind not in KIND_COLUMN_VALUES:
            raise ValueError(f"{TABLE}: unknown kind {kind!r} for {name!r}")
        entry = names.setdefault(name, {"kind": kind, "domains": [], "aliases": []})
        domain = domain.strip().lower()
        if domain and domain != "-":
            host, _, path = domain.partition("/")
            domains.append((host, "/" + path if path else "", name))
            entry["domains"].append(domain)
        entry["aliases"] += [a.strip() for a in aliases.split("|") if a.strip()]
    outlets = {n: Outlet(n, e["kind"], tuple(e["domains"]), tuple(dict.fromkeys(e["aliases"])))
               for n, e in names.items()}
    variants: dict[str, str] = {}
    folded: dict[str, str] = {}
    for o in outlets.values():
        for alias in (o.name, *o.aliases):
            if alias.startswith(("t.me/", "@")):
                folded.setdefault(_fold(alias.lstrip("@")), o.name)
                continue
            folded.setdefault(_fold(alias), o.name)
            for v in _variants(alias):
                variants.setdefault(v, o.name)
        for d in o.domains:
            folded.setdefault(_fold(d), o.name)
    domains.sort(key=lambda d: (-len(d[0]), -len(d[1])))
    body = _trie_regex(sorted(variants, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w@#.])(?:{body})(?![\w@])")
    return OutletTable(MappingProxyType(outlets), tuple(domains), MappingProxyType(variants),
                       MappingProxyType(folded), pattern)


# ---------------------------------------------------------------- URLs


def split_url(url: str | None) -> tuple[str, str] | None:
    """(host without "www."/"m.", path) of a URL, lower case; None if it has no host."""
    if not url or not url.strip():
        return None
    u = url.strip()
    if "://" not in u:
        u = "http://" + u
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    host = (parts.hostname or "").lower().rstrip(".")
    if not host or "." not in host:
        return None
    host = re.sub(r"^(?:www\d?|m|mobile|amp)\.", "", host)
    return host, parts.path or "/"


@functools.cache
def _not_outlets() -> tuple[re.Pattern[str], ...]:
    data = langdata.load("outlets").get(langdata.COMMON, {})
    return tuple(re.compile(str(p)) for p in data.get("not_outlets") or ())


def from_url(url: str | None) -> Outlet | None:
    """The outlet of the table that publishes at this URL (its host or a parent domain,
    with a path prefix where the table gives one), or a Telegram channel's table entry."""
    parts = split_url(url)
    if parts is None:
        return None
    host, path = parts
    t = table()
    if host in ("t.me", "telegram.me"):
        handle = path.strip("/").split("/")
        if handle and handle[0] == "s" and len(handle) > 1:
            handle = handle[1:]
        if handle and handle[0]:
            name = t.folded.get(_fold(f"t.me/{handle[0]}"))
            return t.outlets[name] if name else None
        return None
    for d_host, d_path, name in t.domains:
        if (host == d_host or host.endswith("." + d_host)) and \
                (not d_path or path.lower().startswith(d_path)):
            return t.outlets[name]
    return None


def host_label(url: str | None) -> str | None:
    """A URL's host as a last-resort outlet name ("sindonews.com"); None for hosts that are
    no publisher (archives, link shorteners, social networks, Telegram) and for bare IPs."""
    parts = split_url(url)
    if parts is None:
        return None
    host = parts[0]
    if re.fullmatch(r"[\d.]+", host) or any(p.search(host) for p in _not_outlets()):
        return None
    return host


# ---------------------------------------------------------------- names


# Names are looked up many times per document (credits, citations); the answers depend only
# on the name and the shipped table, so they are remembered (bounded).
NAME_CACHE = 8192


@functools.lru_cache(maxsize=NAME_CACHE)
def clean_name(name: str) -> str:
    """A channel or site name as given, without emoji, flags and surrounding punctuation."""
    kept = "".join(ch for ch in name if not unicodedata.category(ch).startswith(("So", "Sk"))
                   and not 0xFE00 <= ord(ch) <= 0xFE0F and ord(ch) != 0x200D
                   and not 0x1F1E6 <= ord(ch) <= 0x1F1FF)
    return re.sub(r"\s+", " ", kept).strip(" \t-–—|:·•,.")


@functools.lru_cache(maxsize=NAME_CACHE)
def lookup(name: str | None) -> Outlet | None:
    """The table's outlet for a written name, alias, handle or domain (any case)."""
    if not name:
        return None
    t = table()
    cleaned = clean_name(name)
    key = t.variants.get(cleaned) or t.folded.get(_fold(cleaned)) \
        or t.folded.get(_fold(cleaned.lstrip("@")))
    if key:
        return t.outlets[key]
    if re.fullmatch(r"[\w.-]+\.[a-z]{2,6}", cleaned.lower()):
        return from_url(cleaned)
    return None


def canonical(name: str | None) -> str | None:
    """The table's canonical name for `name`, else the name as given (cleaned)."""
    if not name:
        return None
    hit = lookup(name)
    return hit.name if hit else (clean_name(name) or None)


def as_given(name: str, row: Outlet | None) -> str:
    """A given name, cleaned; the table's spelling when it only spells that name otherwise
    ("telesur" -> "teleSUR", but "France Diplomatie" stays)."""
    cleaned = clean_name(name)
    if row is not None and _fold(row.name) == _fold(cleaned):
        return row.name
    return cleaned


def _url_spans(text: str) -> list[tuple[int, int]]:
    if "/" not in text and "www." not in text.lower():
        return []       # every URL-like has one of them (and the search is slow to fail)
    return [m.span() for m in _URL_LIKE.finditer(text)]


def mentions(text: str) -> list[Mention]:
    """Every place `text` names an outlet of the table (outside URLs), in order."""
    t = table()
    urls = _url_spans(text)
    out = []
    for m in t.pattern.finditer(text):
        if any(s <= m.start() < e for s, e in urls):
            continue
        name = t.variants.get(m.group())
        if name:
            out.append(Mention(m.start(), m.end(), t.outlets[name]))
    return out
