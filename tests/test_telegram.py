"""Telegram inputs: Desktop JSON and HTML exports, saved t.me pages, and pasted channel dumps
in several interface languages; ordinary articles must never be taken for dumps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.config import Config
from dyad.errors import InputError
from dyad.ingest import html, telegram, text
from dyad.records import Given

CFG = Config()


def export(messages: list, name: str = "Canal Diplomático 🇪🇸") -> bytes:
    return json.dumps({"name": name, "type": "public_channel", "id": 1234,
                       "messages": messages}, ensure_ascii=False).encode()


# ---------------------------------------------------------------- JSON export


def test_export_posts_entities_captions_and_service_messages() -> None:
    msgs = [
        {"id": 1, "type": "service", "date": "2023-04-18T09:00:00", "action": "create_channel",
         "text": ""},
        {"id": 2, "type": "message", "date": "2023-04-19T12:30:00", "from": "Canal Diplomático",
         "text": ["El canciller ", {"type": "bold", "text": "Lavrov"}, " llegó a Managua.\n",
                  {"type": "hashtag", "text": "#Nicaragua"}],
         "text_entities": [{"type": "plain", "text": "El canciller "},
                           {"type": "bold", "text": "Lavrov"},
                           {"type": "plain", "text": " llegó a Managua.\n"},
                           {"type": "hashtag", "text": "#Nicaragua"}]},
        {"id": 3, "type": "message", "date": "2023-04-19T13:00:00", "photo": "photos/p.jpg",
         "text": "", "text_entities": []},
        {"id": 4, "type": "message", "date": "2023-04-19T14:00:00", "photo": "photos/q.jpg",
         "forwarded_from": "МИД России 🇷🇺",
         "text": "Подписано соглашение о сотрудничестве.",
         "text_entities": [{"type": "plain", "text": "Подписано соглашение о сотрудничестве."}]},
        {"id": 5, "type": "message", "date": "2023-04-20T08:00:00",
         "text": [{"type": "text_link", "text": "Leer más", "href": "https://example.org/x"}]},
    ]
    parsed = telegram.parse_export("chan/result.json", export(msgs), Given(), CFG)
    assert parsed.fmt == "telegram-json" and not parsed.problems
    (doc,) = parsed.documents
    assert doc.fmt == "telegram-json" and doc.file == "chan/result.json"
    assert doc.given.outlet == "Canal Diplomático" and doc.given.kind == "channel"
    assert [p.message_id for p in doc.posts] == ["2", "4", "5"]
    assert doc.posts[0].raw_text == "El canciller Lavrov llegó a Managua.\n#Nicaragua"
    assert doc.posts[0].date == "2023-04-19T12:30:00"
    assert doc.posts[1].forwarded_from == "МИД России"      # caption of a photo is kept
    assert doc.posts[2].raw_text == "Leer más"
    assert [p.index for p in doc.posts] == [0, 1, 2]
    assert doc.raw_text == "\n\n".join(p.raw_text for p in doc.posts)


def test_export_manifest_outlet_and_kind_win() -> None:
    msgs = [{"id": 1, "type": "message", "date": "2023-01-01T00:00:00", "text": "Bonjour."}]
    parsed = telegram.parse_export("r.json", export(msgs), Given(outlet="MAE", kind="statement"),
                                   CFG)
    assert parsed.documents[0].given.outlet == "MAE"
    assert parsed.documents[0].given.kind == "statement"


def test_export_broken_message_is_a_problem_and_the_rest_go_on() -> None:
    msgs = [
        {"id": 7, "type": "message", "date": "2023-01-01T00:00:00", "text": {"oops": 1}},
        "not an object",
        {"id": 8, "type": "message", "date": "yesterday", "text": "Utrikesministern reste till Brasília."},
        {"id": 9, "type": "message", "date": "2023-01-02T10:00:00", "text": "Lavrov traf Gil."},
    ]
    parsed = telegram.parse_export("r.json", export(msgs), Given(), CFG)
    reasons = [p.reason for p in parsed.problems]
    assert any(r.startswith("message 7:") for r in reasons)
    assert any(r.startswith("message #2:") for r in reasons)
    assert any(r.startswith("message 8:") and "bad date" in r for r in reasons)
    doc = parsed.documents[0]
    assert [p.message_id for p in doc.posts] == ["8", "9"]
    assert doc.posts[0].date is None


def test_export_errors_name_the_problem() -> None:
    with pytest.raises(InputError, match=r"not valid JSON: .*line 2, column"):
        telegram.parse_export("r.json", b'{"name": "x",\n "messages": [}', Given(), CFG)
    with pytest.raises(InputError, match="not a Telegram export \\(no 'messages' list\\)"):
        telegram.parse_export("r.json", b'{"name": "x", "posts": []}', Given(), CFG)
    with pytest.raises(InputError, match="not a Telegram export"):
        telegram.parse_export("r.json", b'[1, 2, 3]', Given(), CFG)
    with pytest.raises(InputError, match="no message text"):
        telegram.parse_export("r.json", export([{"id": 1, "type": "service", "text": ""}]),
                              Given(), CFG)
    with pytest.raises(InputError, match="nested too deeply"):
        telegram.parse_export("r.json", b"[" * 200_000 + b"]" * 200_000, Given(), CFG)


def test_account_export_gives_one_document_per_channel() -> None:
    chat = {"name": "Canal A", "type": "public_channel", "id": 11,
            "messages": [{"id": 1, "type": "message", "text": "Primeira mensagem do canal."}]}
    private = {"name": "Ana", "type": "personal_chat", "id": 12,
               "messages": [{"id": 1, "type": "message", "text": "oi"}]}
    data = json.dumps({"about": "", "chats": {"about": "", "list": [chat, private]}}).encode()
    parsed = telegram.parse_export("all/result.json", data, Given(), CFG)
    assert [d.file for d in parsed.documents] == ["all/result.json#11"]
    assert parsed.documents[0].given.outlet == "Canal A"


# ---------------------------------------------------------------- pasted dumps


@pytest.mark.parametrize("phrase", ["Forwarded from", "Переслано от", "Reenviado de",
                                    "Encaminhado de", "Transféré de", "Vidarebefordrat från",
                                    "Weitergeleitet von", "Inoltrato da"])
def test_localised_forward_headers_split_a_dump(phrase: str) -> None:
    dump = (f"{phrase} Canal Uno 🇦🇷\nPrimer mensaje sobre la reunión de cancilleres.\n👍3 🔥1\n"
            f"{phrase} Canal Dos\nSegundo mensaje: se firmó un memorando.\n")
    assert telegram.looks_like_dump(dump)
    parsed = text.parse("d.txt", dump.encode(), Given(), CFG)
    assert parsed.fmt == "telegram-dump"
    (doc,) = parsed.documents
    assert doc.raw_text == dump and doc.given.kind == "channel"
    assert [p.forwarded_from for p in doc.posts] == ["Canal Uno", "Canal Dos"]
    assert doc.posts[0].raw_text.endswith("👍3 🔥1")        # reactions are cleaning's job
    assert phrase not in doc.posts[1].raw_text


def test_desktop_copy_headers_with_dates() -> None:
    dump = ("МИД России, [19.04.2023 12:30]\n"
            "[Переслано от Посольство России в Никарагуа]\n"
            "Сергей Лавров провёл переговоры в Манагуа.\n\n"
            "МИД России, [20.04.2023 9:05]\n"
            "Лавров прибыл в Гавану.\n")
    doc = text.parse("ru.txt", dump.encode(), Given(), CFG).documents[0]
    assert [(p.forwarded_from, p.date) for p in doc.posts] == [
        ("Посольство России в Никарагуа", "2023-04-19T12:30:00"),
        ("МИД России", "2023-04-20T09:05:00")]
    assert doc.posts[0].raw_text == "Сергей Лавров провёл переговоры в Манагуа."


def test_bracketed_time_first_headers_and_us_dates() -> None:
    dump = ("[4/19/23 1:30 PM] State Dept: The Secretary met the Foreign Minister of Brazil.\n"
            "More details to follow.\n"
            "[4/20/23 9:00 AM] State Dept: The Secretary spoke with the Foreign Minister of Chile.\n")
    doc = text.parse("en.txt", dump.encode(), Given(), CFG).documents[0]
    assert [p.date for p in doc.posts] == ["2023-04-19T13:30:00", "2023-04-20T09:00:00"]
    assert doc.posts[0].raw_text == ("The Secretary met the Foreign Minister of Brazil.\n"
                                     "More details to follow.")
    assert doc.posts[1].forwarded_from == "State Dept"


def test_day_month_order_is_decided_per_dump() -> None:
    dump = ("Canal, [03/04/2023 10:00]\nPremier message du canal.\n"
            "Canal, [25/04/2023 11:00]\nDeuxième message du canal.\n")
    doc = text.parse("fr.txt", dump.encode(), Given(), CFG).documents[0]
    assert [p.date for p in doc.posts] == ["2023-04-03T10:00:00", "2023-04-25T11:00:00"]


def test_one_header_needs_a_telegram_trace() -> None:
    one = "Переслано от ТАСС\nЛавров встретился с министром иностранных дел Венесуэлы.\n"
    assert not telegram.looks_like_dump(one)
    assert telegram.looks_like_dump(one + "👍 12 ❤️ 3\n")
    assert telegram.looks_like_dump(one + "Читать полностью\n")
    assert telegram.looks_like_dump(one + "1,2K просмотров\n")
    assert telegram.looks_like_dump(one + "👁 1.2K\n")


@pytest.mark.parametrize("article", [
    "The note was forwarded from the embassy to the ministry on Tuesday.\n"
    "Forwarded from the Foreign Ministry's press office, the statement said the talks were useful.\n",
    "Reenviado de inmediato al Congreso, el proyecto fue aprobado por amplia mayoría en la sesión.\n"
    "Leer más\n",
    "Lavrov, [who spoke in Moscow on 19.04.2023 12:30], said relations were strong.\n"
    "Read more\n👍\n",
    "Putin said on Friday that Russia wants Latin America to be strong.\n[1] See the transcript.\n"
    "[2] Translated by the editors.\n",
])
def test_articles_are_not_dumps(article: str) -> None:
    assert not telegram.looks_like_dump(article)
    assert text.parse("a.txt", article.encode(), Given(), CFG).fmt == "txt"


def test_seed_channel_dump_splits_into_six_posts(seeds_dir: Path) -> None:
    (f,) = seeds_dir.glob("004_*.txt")
    parsed = text.parse(f.name, f.read_bytes(), Given(), CFG)
    (doc,) = parsed.documents
    assert doc.fmt == "telegram-dump" and len(doc.posts) == 6
    assert {p.forwarded_from for p in doc.posts} == {"Russian MFA"}
    assert all("Forwarded from" not in p.raw_text for p in doc.posts)
    assert "👍1" in doc.posts[0].raw_text and "Read in full" in doc.posts[0].raw_text
    assert doc.raw_text == f.read_text(encoding="utf-8")


def test_other_seeds_are_not_dumps(seeds_dir: Path) -> None:
    others = sorted(f for f in seeds_dir.glob("*.txt") if not f.name.startswith("004_"))
    assert len(others) == 4
    for f in others:
        parsed = text.parse(f.name, f.read_bytes(), Given(), CFG)
        assert parsed.fmt == "txt" and not parsed.documents[0].posts, f.name


def test_channel_name_loses_flags_and_emoji() -> None:
    assert telegram.channel_name("Russian MFA 🇷🇺") == "Russian MFA"
    assert telegram.channel_name("🇻🇪 Cancillería Venezuela ✅") == "Cancillería Venezuela"
    assert telegram.channel_name("🔥") == "🔥"


# ---------------------------------------------------------------- HTML exports and t.me pages

DESKTOP_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Exported Data</title></head>
<body><div class="page_wrap">
<div class="page_header"><div class="content"><div class="text bold">Embajada de Rusia 🇷🇺</div></div></div>
<div class="page_body chat_page"><div class="history">
<div class="message service" id="message-1"><div class="body details">19 April 2023</div></div>
<div class="message default clearfix" id="message101">
 <div class="pull_left userpic_wrap"><div class="userpic"></div></div>
 <div class="body">
  <div class="pull_right date details" title="19.04.2023 12:30:00 UTC+03:00">12:30</div>
  <div class="from_name">Embajada de Rusia</div>
  <div class="text">El canciller Lavrov llegó a Managua.<br>Reunión con Moncada.</div>
 </div>
</div>
<div class="message default clearfix joined" id="message102">
 <div class="body">
  <div class="pull_right date details" title="19.04.2023 13:00:00 UTC+03:00">13:00</div>
  <div class="forwarded body">
   <div class="from_name">МИД России <span class="date details" title="19.04.2023 12:50:00"> 19.04.2023 12:50:00</span></div>
   <div class="text">Переговоры прошли в дружественной атмосфере.</div>
  </div>
 </div>
</div>
<div class="message default clearfix joined" id="message103">
 <div class="body"><div class="pull_right date details" title="19.04.2023 13:05:00">13:05</div>
  <div class="media_wrap clearfix"><div class="title bold">Photo</div></div></div>
</div>
</div></div></div></body></html>"""

TME_HTML = """<html><head><meta charset="utf-8"><meta property="og:title" content="MID Rossii 🇷🇺"></head>
<body><div class="tgme_channel_info_header_title"><span dir="auto">MID Rossii 🇷🇺</span></div>
<div class="tgme_widget_message_wrap"><div class="tgme_widget_message" data-post="mid_russia/555">
 <div class="tgme_widget_message_forwarded_from">Forwarded from <a class="tgme_widget_message_forwarded_from_name"><span>Russian MFA 🇷🇺</span></a></div>
 <div class="tgme_widget_message_text js-message_text">Sergey Lavrov held talks in Brasília.<br/>Read in full</div>
 <div class="tgme_widget_message_footer"><span class="tgme_widget_message_views">12.3K</span>
 <a class="tgme_widget_message_date" href="https://t.me/mid_russia/555"><time datetime="2023-04-17T10:00:00+00:00">10:00</time></a></div>
</div></div></body></html>"""


def test_telegram_desktop_html_export() -> None:
    parsed = html.parse("chat/messages.html", DESKTOP_HTML.encode(), Given(), CFG)
    (doc,) = parsed.documents
    assert doc.given.outlet == "Embajada de Rusia" and doc.given.kind == "channel"
    assert [p.message_id for p in doc.posts] == ["101", "102"]
    assert doc.posts[0].raw_text == "El canciller Lavrov llegó a Managua.\nReunión con Moncada."
    assert doc.posts[0].date == "2023-04-19T12:30:00"
    assert doc.posts[1].forwarded_from == "МИД России"


def test_saved_tme_page() -> None:
    (doc,) = html.parse("tme.html", TME_HTML.encode(), Given(), CFG).documents
    (post,) = doc.posts
    assert post.message_id == "555" and post.forwarded_from == "Russian MFA"
    assert post.date == "2023-04-17T10:00:00+00:00"
    assert post.raw_text == "Sergey Lavrov held talks in Brasília.\nRead in full"
    assert doc.given.outlet == "MID Rossii"
