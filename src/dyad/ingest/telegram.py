"""Telegram channels in the shapes people hand them over: a Telegram Desktop export
(`result.json`; also the HTML export's `messages.html`), a saved t.me/s channel page, and a
channel dump pasted as plain text. Each becomes one Document whose Posts are the messages,
with their date, forwarding channel and message id where the source gives them.

What a pasted dump's headers look like ("Forwarded from ...", "Channel, [19.04.2023 12:30]")
and which lines only Telegram prints (reaction counts, view counts, "Read in full") is data:
`lang/<code>/telegram.yaml` for each interface language, `lang/xx/telegram.yaml` for the
patterns. This module splits and labels; it never removes repeats or boilerplate lines
(cleaning and dedup do that), so reaction and "Read in full" lines stay in `raw_text`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from dyad import lang
from dyad.config import Config
from dyad.errors import InputError
from dyad.ingest import Parsed
from dyad.ingest.decode import check_binary, normalise_newlines, not_utf8_reason
from dyad.records import Document, FileError, Given, Post

MAX_PROBLEMS = 20             # broken messages reported one by one; the rest are counted


# ---------------------------------------------------------------- patterns (data)


@dataclass(frozen=True)
class Patterns:
    """The compiled Telegram patterns of every language, from `telegram.yaml`."""

    date_headers: tuple[re.Pattern[str], ...]
    stamps: tuple[re.Pattern[str], ...]
    forward_headers: tuple[re.Pattern[str], ...]
    forward_labels: tuple[re.Pattern[str], ...]
    traces: tuple[re.Pattern[str], ...]
    name_edges: re.Pattern[str]
    forward_phrases: tuple[str, ...]
    max_name_words: int


@functools.cache
def patterns() -> Patterns:
    data = lang.load("telegram")
    common = data.get(lang.COMMON, {})

    def phrases(key: str) -> list[str]:
        found = {p for code, d in data.items() if code != lang.COMMON for p in d.get(key, ())}
        return sorted(found, key=lambda p: (-len(p), p))

    fills = {key: "|".join(re.escape(p) for p in phrases(key))
             for key in ("forwarded_from", "read_in_full", "views")}
    fills["emoji"] = common.get("emoji", "")

    def compile_all(key: str) -> tuple[re.Pattern[str], ...]:
        out = []
        for pattern in common.get(key, ()):
            for name, value in fills.items():
                pattern = pattern.replace(f"<<{name}>>", value or "(?!)")
            out.append(re.compile(pattern))
        return tuple(out)

    edge = f"[\\s{fills['emoji']}:;,|\\-\u2013\u2014]+"
    return Patterns(
        date_headers=compile_all("date_headers"),
        stamps=compile_all("stamps"),
        forward_headers=compile_all("forward_headers"),
        forward_labels=compile_all("forward_labels"),
        traces=compile_all("traces"),
        name_edges=re.compile(f"^{edge}|{edge}$"),
        forward_phrases=tuple(phrases("forwarded_from")),
        max_name_words=int(common.get("max_name_words", 10)),
    )


def channel_name(raw: str) -> str:
    """A channel's name without the emoji and separators around it:
    "Russian MFA 🇷🇺" -> "Russian MFA". A name that is only emoji is kept as it is."""
    name = patterns().name_edges.sub("", raw.strip())
    return name or raw.strip()


_SENTENCE_BREAK = re.compile(r"[.!?]\s+\S")


def _good_name(raw: str) -> bool:
    """Whether a header's name can be a channel's: short, and not running into a sentence."""
    name = channel_name(raw)
    return bool(name) and len(name.split()) <= patterns().max_name_words \
        and not _SENTENCE_BREAK.search(name)


# ---------------------------------------------------------------- pasted dumps


@dataclass(frozen=True)
class _Header:
    line: int                         # index of the header's first line
    length: int                       # lines it takes (a name may follow a label)
    name: str | None                  # the channel it names (forwarded from, or sender)
    stamp: dict[str, str | None] | None
    rest: str | None                  # message text on the header's own line


def _forward_at(lines: Sequence[str], i: int, pats: Patterns) -> tuple[str, int] | None:
    """(channel name, lines taken) when lines[i] is a "Forwarded from" header."""
    s = lines[i].strip()
    if not s:
        return None
    for p in pats.forward_headers:
        if (m := p.match(s)) and _good_name(m["name"]):
            return channel_name(m["name"]), 1
    for p in pats.forward_labels:
        if p.match(s) and i + 1 < len(lines):
            nxt = lines[i + 1].strip()
            if nxt and len(nxt) <= 80 and _good_name(nxt) and not _is_header_line(nxt, pats):
                return channel_name(nxt), 2
    return None


def _is_header_line(s: str, pats: Patterns) -> bool:
    return any(p.match(s) for p in (*pats.forward_headers, *pats.forward_labels,
                                     *pats.date_headers))


def _stamp(text: str, pats: Patterns) -> dict[str, str | None] | None:
    for p in pats.stamps:
        if m := p.match(text.strip()):
            return m.groupdict()
    return None


def _header_at(lines: Sequence[str], i: int, pats: Patterns) -> _Header | None:
    s = lines[i].strip()
    if not s:
        return None
    if "[" in s:
        for p in pats.date_headers:
            m = p.match(s)
            if not m or not _good_name(m["name"]):
                continue
            stamp = _stamp(m["stamp"], pats)
            if stamp is None:
                continue
            name, length = channel_name(m["name"]), 1
            if i + 1 < len(lines) and (fwd := _forward_at(lines, i + 1, pats)):
                name, length = fwd[0], 1 + fwd[1]
            rest = m.groupdict().get("rest")
            return _Header(i, length, name, stamp, rest.strip() if rest else None)
    if fwd := _forward_at(lines, i, pats):
        return _Header(i, fwd[1], fwd[0], None, None)
    return None


def _scan(lines: Sequence[str]) -> Iterator[_Header]:
    """The post headers of a dump, in order."""
    pats = patterns()
    i = 0
    while i < len(lines):
        h = _header_at(lines, i, pats)
        if h is None:
            i += 1
        else:
            yield h
            i += h.length


def _may_have_headers(text: str) -> bool:
    return "[" in text or any(p in text for p in patterns().forward_phrases)


def trace_lines(lines: Iterable[str]) -> Iterator[int]:
    """Indexes of the lines only Telegram prints: reaction counts, view counts, a
    channel's "Read in full" link."""
    traces = patterns().traces
    for n, line in enumerate(lines):
        s = line.strip()
        if s and len(s) <= 80 and any(p.match(s) for p in traces):
            yield n


def looks_like_dump(text: str) -> bool:
    """Whether a text is Telegram channel posts pasted one after another: two post headers
    or more, or one header and a line only Telegram prints."""
    if not _may_have_headers(text):
        return False
    lines = text.split("\n")
    headers = list(itertools.islice(_scan(lines), 2))
    if len(headers) >= 2:
        return True
    return len(headers) == 1 and next(trace_lines(lines), None) is not None


def _day_first(stamps: Iterable[dict[str, str | None]]) -> bool:
    """Whether the ambiguous a/b stamps of one dump are day/month (else month/day): any
    first number over 12 says day first, any second over 12 month first, a 12-hour clock
    says month first (US), and day first otherwise (most locales)."""
    stamps = [s for s in stamps if s.get("a")]
    if any(int(s["a"] or 0) > 12 for s in stamps):
        return True
    if any(int(s["b"] or 0) > 12 for s in stamps):
        return False
    return not any(s.get("ampm") for s in stamps)


def _stamp_iso(s: dict[str, str | None], day_first: bool) -> str | None:
    try:
        if s.get("a"):
            d, m = (s["a"], s["b"]) if day_first else (s["b"], s["a"])
        else:
            d, m = s["d"], s["m"]
        y = int(s["y"] or 0)
        y += 2000 if y < 100 else 0
        hour = int(s["H"] or 0)
        ampm = (s.get("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        return dt.datetime(y, int(m or 0), int(d or 0), hour, int(s["M"] or 0),
                           int(s.get("S") or 0)).isoformat()
    except (TypeError, ValueError):
        return None


def _strip_blank_edges(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def parse_dump(path: str, text: str, given: Given, config: Config) -> Parsed:
    """A pasted channel dump as one Document (raw_text: the whole dump) with a Post per
    header: its text without the header line, the channel the header names (the
    forwarding source; in a "Channel, [date]" copy header without a forward line, the
    sender) and the header's date. Text before the first header is a post of its own."""
    lines = text.split("\n")
    headers = list(_scan(lines))
    day_first = _day_first(h.stamp for h in headers if h.stamp)
    chunks: list[tuple[_Header | None, list[str]]] = []
    first = headers[0].line if headers else len(lines)
    chunks.append((None, lines[:first]))
    for k, h in enumerate(headers):
        end = headers[k + 1].line if k + 1 < len(headers) else len(lines)
        body = lines[h.line + h.length:end]
        chunks.append((h, ([h.rest] if h.rest else []) + body))
    posts: list[Post] = []
    for h, body in chunks:
        body = _strip_blank_edges(body)
        if not body:
            continue
        posts.append(Post(index=len(posts), raw_text="\n".join(body),
                          date=_stamp_iso(h.stamp, day_first) if h and h.stamp else None,
                          forwarded_from=h.name if h else None))
    if not posts:
        raise InputError(path, "a Telegram channel dump with no post text in it")
    doc = Document(file=path, source_path=path, fmt="telegram-dump", raw_text=text,
                   given=dataclasses.replace(given, kind=given.kind or "channel"), posts=posts)
    return Parsed([doc], [], "telegram-dump")


# ---------------------------------------------------------------- Telegram Desktop JSON export


def _load_json(path: str, data: bytes) -> Any:
    check_binary(path, data)
    if not data.strip():
        raise InputError(path, "the file holds only whitespace")
    try:
        return json.loads(data)
    except UnicodeDecodeError as e:
        raise InputError(path, not_utf8_reason(data, e)) from None
    except json.JSONDecodeError as e:
        hint = ("; it looks like JSON Lines (one object a line): name it .jsonl"
                if e.msg == "Extra data" and e.colno == 1 else "")
        raise InputError(path, f"not valid JSON: {e.msg} (line {e.lineno}, column "
                               f"{e.colno}){hint}") from None
    except RecursionError:
        raise InputError(path, "not a usable JSON file: it is nested too deeply") from None


def _chats(path: str, obj: Any) -> tuple[list[dict[str, Any]], bool]:
    """(chats, whether the export is of a whole account): the one chat of a chat export, or
    the channels of an account export ({"chats": {"list": [...]}}; private chats are
    passed over)."""
    if isinstance(obj, dict) and isinstance(obj.get("messages"), list):
        return [obj], False
    if isinstance(obj, dict) and isinstance(obj.get("chats"), dict) \
            and isinstance(obj["chats"].get("list"), list):
        chats = [c for key in ("chats", "left_chats") if isinstance(obj.get(key), dict)
                 for c in obj[key].get("list") or []
                 if isinstance(c, dict) and isinstance(c.get("messages"), list)
                 and "channel" in str(c.get("type", ""))]
        if not chats:
            raise InputError(path, "a Telegram account export with no channel in it")
        return chats, True
    raise InputError(path, "a JSON file that is not a Telegram export (no 'messages' list); "
                           "articles go in a .jsonl file, one JSON object with 'text' a line")


def _message_text(msg: dict[str, Any]) -> str:
    """A message's plain text from its `text_entities` (or `text`): a string, or a list of
    strings and {"type": ..., "text": ...} parts."""
    parts = msg.get("text_entities")
    if not isinstance(parts, list) or (not parts and msg.get("text")):
        parts = msg.get("text", "")
    if isinstance(parts, str):
        return parts
    if not isinstance(parts, list):
        raise ValueError("its 'text' is neither a string nor a list of parts")
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text", ""), str):
            out.append(part.get("text", ""))
        else:
            raise ValueError("a part of its text is neither a string nor a {'text': ...} object")
    return "".join(out)


def _export_date(msg: dict[str, Any]) -> str | None:
    date = msg.get("date")
    if isinstance(date, str):
        try:
            return dt.datetime.fromisoformat(date).isoformat()
        except ValueError:
            raise ValueError(f"bad date {date!r} (the post is kept without it)") from None
    unix = msg.get("date_unixtime")
    if isinstance(unix, (str, int)) and str(unix).isdigit():
        return dt.datetime.fromtimestamp(int(unix), dt.timezone.utc).isoformat()
    return None


class _Problems:
    """Problems of one file, reported one by one up to MAX_PROBLEMS, then counted."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[FileError] = []
        self.more = 0

    def add(self, reason: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(FileError(self.path, reason))
        else:
            self.more += 1

    def done(self, what: str) -> list[FileError]:
        if self.more:
            return self.items + [FileError(self.path, f"... and {self.more} more broken {what}")]
        return self.items


def _export_posts(chat: dict[str, Any], problems: _Problems) -> list[Post]:
    posts: list[Post] = []
    for n, msg in enumerate(chat["messages"], start=1):
        if not isinstance(msg, dict):
            problems.add(f"message #{n}: not a JSON object")
            continue
        label = f"message {msg['id']}" if isinstance(msg.get("id"), (int, str)) else f"message #{n}"
        if msg.get("type", "message") != "message":
            continue                  # service messages: joins, pins, title changes
        try:
            text = normalise_newlines(_message_text(msg))
        except ValueError as e:
            problems.add(f"{label}: {e}")
            continue
        if not text.strip():
            continue                  # a photo or file without a caption
        try:
            date = _export_date(msg)
        except ValueError as e:
            problems.add(f"{label}: {e}")
            date = None
        fwd = msg.get("forwarded_from")
        posts.append(Post(index=len(posts), raw_text=text, date=date,
                          forwarded_from=channel_name(fwd) if isinstance(fwd, str) and fwd.strip()
                          else None,
                          message_id=str(msg["id"]) if isinstance(msg.get("id"), (int, str))
                          else None))
    return posts


def parse_export(path: str, data: bytes, given: Given, config: Config) -> Parsed:
    """A Telegram Desktop JSON export: one Document per channel (one for a chat export),
    one Post per message with text (captions included; service messages and media
    without caption left out). A broken message is reported and passed over."""
    obj = _load_json(path, data)
    chats, account = _chats(path, obj)
    problems = _Problems(path)
    docs: list[Document] = []
    for chat in chats:
        posts = _export_posts(chat, problems)
        if not posts:
            continue
        name = chat.get("name") if isinstance(chat.get("name"), str) else None
        file = f"{path}#{chat.get('id', len(docs) + 1)}" if account else path
        docs.append(_channel_document(file, path, "telegram-json", name, posts, given))
    if not docs:
        raise InputError(path, "a Telegram export with no message text in it")
    return Parsed(docs, problems.done("messages"), "telegram-json")


def _channel_document(file: str, path: str, fmt: str, name: str | None, posts: list[Post],
                      given: Given) -> Document:
    outlet = given.outlet or (channel_name(name) if name and name.strip() else None)
    return Document(file=file, source_path=path, fmt=fmt,
                    raw_text="\n\n".join(p.raw_text for p in posts),
                    given=dataclasses.replace(given, outlet=outlet, kind=given.kind or "channel"),
                    posts=posts)


# ---------------------------------------------------------------- HTML exports and t.me pages

_DESKTOP_DATE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})(?::(\d{2}))?")


def _classes(el: Any) -> set[str]:
    return set((el.get("class") or "").split())


def looks_like_html_export(html: str) -> bool:
    """A Telegram Desktop HTML export page (messages.html) or a saved t.me/s channel page."""
    head = html[:200_000]
    return ('class="page_header"' in head and 'class="message default' in head) \
        or "tgme_widget_message_text" in head


def _text_of(el: Any) -> str:
    """An element's text with <br> as line breaks and block children on their own lines."""
    for br in el.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return normalise_newlines(el.text_content())


def parse_html_export(path: str, html: str, given: Given, config: Config) -> Parsed:
    """A Telegram Desktop HTML export page or a saved t.me/s page as a channel Document."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html.encode("utf-8"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except Exception as e:  # lxml raises several types for hopeless markup
        raise InputError(path, f"the HTML cannot be parsed ({e})") from None
    if root.xpath("//*[contains(@class, 'tgme_widget_message_text')]"):
        name, posts = _tme_posts(root)
    else:
        name, posts = _desktop_posts(root)
    if not posts:
        raise InputError(path, "a Telegram HTML page with no message text in it")
    return Parsed([_channel_document(path, path, "telegram-html", name, posts, given)], [], "telegram-html")


def _desktop_posts(root: Any) -> tuple[str | None, list[Post]]:
    title = root.xpath("//div[@class='page_header']//div[contains(@class, 'bold')]")
    name = title[0].text_content().strip() if title else None
    posts: list[Post] = []
    for msg in root.xpath("//div[contains(@class, 'message')]"):
        if not {"message", "default"} <= _classes(msg):
            continue
        texts = [el for el in msg.iter("div") if _classes(el) == {"text"}]
        text = "\n".join(_text_of(t).strip() for t in texts).strip()
        if not text:
            continue
        date = None
        for el in msg.iter("div"):
            if {"date", "details"} <= _classes(el) and "pull_right" in _classes(el):
                if m := _DESKTOP_DATE.search(el.get("title") or ""):
                    d, mo, y, hh, mm, ss = m.groups()
                    date = f"{y}-{mo}-{d}T{hh}:{mm}:{ss or '00'}"
                break
        fwd = None
        for el in msg.iter("div"):
            if {"forwarded", "body"} <= _classes(el):
                for fn in el.iter("div"):
                    if "from_name" in _classes(fn):
                        fwd = channel_name((fn.text or "").strip()) or None
                        break
                break
        mid = (msg.get("id") or "").removeprefix("message") or None
        posts.append(Post(index=len(posts), raw_text=text, date=date, forwarded_from=fwd,
                          message_id=mid))
    return name, posts


def _tme_posts(root: Any) -> tuple[str | None, list[Post]]:
    title = root.xpath("//*[contains(@class, 'tgme_channel_info_header_title')]") \
        or root.xpath("//meta[@property='og:title']/@content")
    name = (title[0] if isinstance(title[0], str) else title[0].text_content()).strip() \
        if title else None
    posts: list[Post] = []
    for msg in root.xpath("//div[@data-post]"):
        texts = [el for el in msg.xpath(".//div[contains(@class, 'tgme_widget_message_text')]")
                 if not el.xpath("ancestor::*[contains(@class, 'tgme_widget_message_reply')]")]
        text = "\n".join(_text_of(t).strip() for t in texts).strip()
        if not text:
            continue
        times = msg.xpath(".//a[contains(@class, 'tgme_widget_message_date')]//time/@datetime") \
            or msg.xpath(".//time/@datetime")
        fwd = msg.xpath(".//*[contains(@class, 'tgme_widget_message_forwarded_from_name')]")
        mid = str(msg.get("data-post")).rsplit("/", 1)[-1] or None
        posts.append(Post(index=len(posts), raw_text=text,
                          date=str(times[0]) if times else None,
                          forwarded_from=channel_name(fwd[0].text_content()) if fwd else None,
                          message_id=mid))
    return name, posts
