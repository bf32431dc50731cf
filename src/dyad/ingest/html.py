"""Web pages (.html, .htm, .xhtml): the main text, one paragraph a line, found by trafilatura,
and the page's own metadata (title, author, site name, date, canonical URL) where the
manifest has not already given them (the manifest wins). The bytes are decoded by the
charset the page declares. A Telegram export page or saved t.me channel page is handed to
`telegram.parse_html_export`. Boilerplate judgement beyond trafilatura's is left to cleaning.
"""

from __future__ import annotations

import codecs
import dataclasses
import re

from dyad.config import Config
from dyad.errors import InputError
from dyad.ingest import Parsed, telegram
from dyad.ingest.decode import decode, normalise_newlines
from dyad.ingest.manifest import parse_date
from dyad.records import Document, Given

PRESCAN = 4096                 # bytes searched for a charset declaration (as browsers do)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.I)
_HTML_LANG = re.compile(r"""<html[^>]*?\slang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.I)
# Labels the HTML standard maps to another encoding than Python's codec of that name.
_WHATWG = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252",
           "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
           "iso-8859-9": "cp1254", "tis-620": "cp874", "x-user-defined": "cp1252"}


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in its first bytes (<meta charset>, <meta http-equiv>
    or an XML declaration), as a Python codec name; None if none or unknown. A declared
    UTF-16/32 without a byte-order mark is read as UTF-8, as browsers do."""
    head = data[:PRESCAN]
    m = _XML_ENCODING.search(head) or _CHARSET.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "replace").strip().lower()
    label = _WHATWG.get(label, label)
    if label.startswith(("utf-16", "utf-32", "utf16", "utf32")):
        return "utf-8"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def parse(path: str, data: bytes, given: Given, config: Config) -> Parsed:
    """One Document (fmt "html") with the page's main text, or a Telegram page's channel."""
    charset = declared_charset(data)
    html = decode(path, data, charset or config.encoding, lenient=charset is not None)
    if telegram.looks_like_html_export(html):
        return telegram.parse_html_export(path, html, given, config)
    import trafilatura

    try:
        found = trafilatura.bare_extraction(html, url=given.url, with_metadata=True,
                                            include_comments=False, include_tables=True)
    except Exception as e:  # trafilatura/lxml fail in many ways on broken markup
        raise InputError(path, f"the HTML cannot be parsed ({type(e).__name__}: {e})") from None
    text = normalise_newlines(getattr(found, "text", None) or "")
    if not text.strip():
        raise InputError(path, "no main text found in the HTML")
    doc = Document(file=path, source_path=path, fmt="html", raw_text=text,
                   given=_with_page_metadata(given, found))
    if m := _HTML_LANG.search(html[:PRESCAN * 4]):
        doc.extra["html_lang"] = m.group(1).lower()
    return Parsed([doc], [], "html")


def _with_page_metadata(given: Given, found: object) -> Given:
    """`given`, with the fields it lacks taken from the page's metadata."""
    page = {
        "title": getattr(found, "title", None),
        "author": getattr(found, "author", None),
        "sitename": getattr(found, "sitename", None),
        "page_date": parse_date(str(getattr(found, "date", None) or "")),
        "url": getattr(found, "url", None),
    }
    fill = {k: v.strip() for k, v in page.items()
            if isinstance(v, str) and v.strip() and getattr(given, k) is None}
    return dataclasses.replace(given, **fill)
