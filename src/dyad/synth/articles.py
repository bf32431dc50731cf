"""Web articles, official statements, HTML pages and JSONL clips: laying a report's
`Outline` out as a file's text with the boilerplate its outlet prints (share bars, bylines,
time stamps, photo credits, related headlines, tags, footers). Telegram formats are in
`channels`; what goes where in the corpus folder is `corpus`'s business.
"""

from __future__ import annotations

import datetime as dt
import html
import random

from dyad.synth.fill import Filler, format_date
from dyad.synth.registry import Outlet
from dyad.synth.render import Outline, boilerplate, clock, share_lines

MAX_ARTICLE_BYTES = 6000         # an article file is at most this long (and at least 1 KiB:
                                 # the corpus asks outlines for more than that)


def _lines_size(lines: list[str]) -> int:
    return len("\n".join(lines).encode("utf-8"))


def fit(head: list[str], paragraphs: list[str], tail: list[str],
        hi: int = MAX_ARTICLE_BYTES) -> list[str]:
    """Head lines, the paragraphs (blank lines between) and tail lines, with the last
    paragraphs and then the tail dropped until the text is at most `hi` bytes. The first
    paragraph is always kept."""
    paragraphs, tail = list(paragraphs), list(tail)

    def build() -> list[str]:
        body: list[str] = []
        for p in paragraphs:
            body += [p, ""]
        return head + [""] + body + tail

    lines = build()
    while _lines_size(lines) > hi and (len(paragraphs) > 1 or tail):
        if len(paragraphs) > 1:
            paragraphs.pop()
        else:
            tail.pop()
        lines = build()
    return lines


def article_text(o: Outline, f: Filler, rng: random.Random, outlet: Outlet, author: str,
                 published: dt.date, related: list[str]) -> str:
    """A news article as a crawler saves it: text lines with the site's boilerplate."""
    pub = format_date(published, f.lang)
    head: list[str] = []
    if rng.random() < 0.4:
        head += share_lines(f, rng)
    if rng.random() < 0.4:
        head.append(boilerplate(f, rng, "section"))
    head.append(o.headline)
    if rng.random() < 0.6:
        head.append(boilerplate(f, rng, "byline", author=author, outlet=outlet.name))
    if rng.random() < 0.6:
        head.append(boilerplate(f, rng, "stamp", date=pub, time=clock(rng)))
    if rng.random() < 0.3:
        head += ["", f.base["pa"].Full, boilerplate(f, rng, "photo", outlet=outlet.name)]
    tail: list[str] = []
    if related and rng.random() < 0.45:
        tail += [boilerplate(f, rng, "related"), *related, ""]
    if rng.random() < 0.3:
        tail += [boilerplate(f, rng, "tags"), f"{f.base['a'].bare} {f.base['b'].bare}", ""]
    if rng.random() < 0.75:
        footers = f.t["boilerplate"]["footer"]
        for tpl in rng.sample(list(footers), rng.randint(1, 3)):
            tail.append(f.fill(tpl, outlet=outlet.name))
    lines = fit(head, list(o.paragraphs), tail)
    return "\n".join(lines).rstrip("\n") + "\n"


def statement_text(o: Outline, f: Filler, rng: random.Random, ministry: str,
                   published: dt.date) -> str:
    """An official statement as a ministry site prints it: kicker, title, date, body,
    closing lines."""
    st = f.t["statement"]
    head = []
    if rng.random() < 0.6:
        head.append(rng.choice(st["kicker"]))
    head.append(f.fill(rng.choice(st["title"]), ministry=ministry))
    head.append(format_date(published, f.lang))
    body = [o.paragraphs[0], " ".join(f.fill(s) for s in rng.sample(st["body"], 2)),
            *o.paragraphs[1:]]
    tail = [f.fill(rng.choice(st["closing"]), ministry=ministry)]
    lines = fit(head, body, tail)
    return "\n".join(lines).rstrip("\n") + "\n"


def html_page(o: Outline, f: Filler, rng: random.Random, outlet: Outlet, author: str,
              published: dt.date, url: str, related: list[tuple[str, str]]) -> str:
    """A saved article page: head metadata (some sites give little), navigation, share bar,
    the article, a related block and the footer."""
    h = f.t["html"]
    e = html.escape
    stamp = f"{published.isoformat()}T{clock(rng)}:00"
    meta = [f'  <meta charset="utf-8">',
            f"  <title>{e(o.headline)} | {e(outlet.name)}</title>"]
    rich = rng.random() < 0.7
    if rich:
        meta += [f'  <meta name="description" content="{e(o.paragraphs[0][:150])}">',
                 f'  <meta name="author" content="{e(author)}">',
                 '  <meta property="og:type" content="article">',
                 f'  <meta property="og:site_name" content="{e(outlet.name)}">',
                 f'  <meta property="og:title" content="{e(o.headline)}">',
                 f'  <meta property="og:url" content="{e(url)}">',
                 f'  <meta property="og:locale" content="{h["locale"]}">',
                 f'  <meta property="article:published_time" content="{stamp}">',
                 f'  <link rel="canonical" href="{e(url)}">']
    nav = "\n".join(f'        <li><a href="/{i}/">{e(item)}</a></li>'
                    for i, item in enumerate(h["nav"]))
    share = "\n".join(f'      <a href="#">{e(s)}</a>' for s in h["share"])
    paras = "\n".join(f"      <p>{e(p)}</p>" for p in o.paragraphs)
    time_el = (f'      <p class="dateline"><time datetime="{stamp}">'
               f"{e(format_date(published, f.lang))} {stamp[11:16]}</time></p>")
    byline = f'      <p class="byline">{e(boilerplate(f, rng, "byline", author=author, outlet=outlet.name))}</p>'
    rel = "\n".join(f'        <li><a href="{e(u)}">{e(t)}</a></li>' for t, u in related)
    aside = (f'    <aside class="related">\n      <h2>{e(h["related"])}</h2>\n      <ul>\n{rel}\n'
             f"      </ul>\n    </aside>\n") if related else ""
    links = "\n".join(f'      <li><a href="/p{i}/">{e(x)}</a></li>'
                      for i, x in enumerate(h["footer_links"]))
    footer = e(f.fill(h["footer"], outlet=outlet.name))
    return (f'<!DOCTYPE html>\n<html lang="{h["lang"]}">\n<head>\n' + "\n".join(meta) +
            f'\n</head>\n<body>\n  <header class="site-header">\n'
            f'    <a class="logo" href="/">{e(outlet.name)}</a>\n'
            f'    <nav class="main-menu">\n      <ul>\n{nav}\n      </ul>\n    </nav>\n'
            f'  </header>\n  <main>\n    <div class="share-bar">\n{share}\n    </div>\n'
            f"    <article>\n      <h1>{e(o.headline)}</h1>\n{byline}\n{time_el}\n{paras}\n"
            f"    </article>\n{aside}  </main>\n"
            f'  <footer class="site-footer">\n    <p>{footer}</p>\n    <ul>\n{links}\n'
            f"    </ul>\n  </footer>\n</body>\n</html>\n")
