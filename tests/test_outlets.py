"""The outlet table, a document's outlet and the sources it cites."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyad.metadata import citations, describe, outlets
from dyad.records import KINDS, Document, DroppedLine, Given, Post
from dyad.stage import Context

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


def make(raw: str, lang: str | None = None, fmt: str = "txt", **given: str) -> Document:
    d = Document(file="t.txt", source_path="t.txt", fmt=fmt, raw_text=raw, given=Given(**given))
    d.text, d.language = raw, lang
    return d


def run(raw: str, lang: str | None = None, **given: str) -> Document:
    d = make(raw, lang, **given)
    describe(d, Context())
    return d


def cited(raw: str, lang: str | None = None, **given: str) -> list[str]:
    return run(raw, lang, **given).cited_sources


# ---------------------------------------------------------------- the table


def test_table_is_broad_and_well_formed() -> None:
    t = outlets.table()
    assert len(t.outlets) >= 150
    assert all(o.kind in KINDS for o in t.outlets.values())
    for name in ("TASS", "RIA Novosti", "Interfax", "Sputnik", "RT", "EFE", "AFP", "Reuters",
                 "AP", "Xinhua", "Prensa Latina", "ANSA", "dpa", "Agência Brasil",
                 "Europa Press", "TT", "teleSUR", "Granma", "Cubadebate", "Página/12", "Clarín",
                 "La Nación", "El Universal", "Folha de S.Paulo", "O Globo", "Estadão",
                 "Brasil de Fato", "La Jornada", "El País", "Kommersant", "Izvestia",
                 "Vedomosti", "RBC", "Meduza", "Novaya Gazeta", "Rossiyskaya Gazeta", "BBC",
                 "CNN", "The New York Times", "The Washington Post", "The Guardian", "Le Monde",
                 "Le Figaro", "RFI", "France 24", "DW", "Der Spiegel", "SVT", "Dagens Nyheter",
                 "Svenska Dagbladet", "Aftonbladet", "NewsVoice", "Russian MFA"):
        assert name in t.outlets, name


@pytest.mark.parametrize("written,name", [
    ("ТАСС", "TASS"), ("РИА Новости", "RIA Novosti"), ("Интерфакса", "Interfax"),
    ("Коммерсанту", "Kommersant"), ("Известий", "Izvestia"), ("Russia Today", "RT"),
    ("TeleSUR", "teleSUR"), ("Telesur", "teleSUR"), ("Newsvoice", "NewsVoice"),
    ("Agence France-Presse", "AFP"), ("Associated Press", "AP"), ("Deutsche Welle", "DW"),
    ("MFA Russia 🇷🇺", "Russian MFA"), ("МИД России", "Russian MFA"), ("t.me/MFARussia", "Russian MFA"),
    ("newsvoice.se", "NewsVoice"), ("agencia EFE", "EFE"),
])
def test_aliases(written: str, name: str) -> None:
    hit = outlets.lookup(written)
    assert hit is not None and hit.name == name


@pytest.mark.parametrize("url,name", [
    ("https://www.telesurenglish.net/news/venezuela-russia-20230921-0001.html", "teleSUR"),
    ("https://actualidad.rt.com/actualidad/123-rusia", "RT"),
    ("https://tass.com/politics/1234", "TASS"),
    ("https://www.gov.br/mre/pt-br/assuntos/nota", "Itamaraty (Brazilian Foreign Ministry)"),
    ("https://www.gov.br/planalto/pt-br/noticia", "Planalto (Presidency of Brazil)"),
    ("https://mid.ru/en/press_service/1", "Russian MFA"),
    ("https://t.me/s/MFARussia/12345", "Russian MFA"),
    ("http://m.folha.uol.com.br/mundo/2023/x.shtml", "Folha de S.Paulo"),
])
def test_urls(url: str, name: str) -> None:
    hit = outlets.from_url(url)
    assert hit is not None and hit.name == name


def test_hosts_that_are_no_publisher() -> None:
    assert outlets.host_label("https://www.sindonews.com/read/123") == "sindonews.com"
    for url in ("https://web.archive.org/web/2023/https://x.com", "https://t.me/somechannel/5",
                "https://news.google.com/articles/x", "https://bit.ly/abc", None, "not a url"):
        assert outlets.host_label(url) is None


def test_mentions_skip_urls_and_handles() -> None:
    text = "See https://tass.ru/politika/1 and @RT_com and #RT; RT reported it."
    assert [(text[m.start:m.end], m.outlet.name) for m in outlets.mentions(text)] == [("RT", "RT")]


# ---------------------------------------------------------------- the outlet


def test_given_outlet_wins_in_canonical_spelling() -> None:
    assert run("by teleSUR/ GSD", "en", outlet="Prensa Latina").outlet == "Prensa Latina"
    assert run("text", "en", outlet="telesur").outlet == "teleSUR"
    assert run("text", "en", outlet="Jornal do Cerrado").outlet == "Jornal do Cerrado"
    assert run("text", "fr", outlet="France Diplomatie").outlet == "France Diplomatie"


def test_url_then_sitename_then_text_then_host() -> None:
    assert run("© 2024 Other Paper", "en", url="https://www.dn.se/x").outlet == "Dagens Nyheter"
    assert run("© 2024 Other Paper", "en", url="https://unknown.example.org/x",
               sitename="Gazeta Internacional").outlet == "Gazeta Internacional"
    assert run("© 2024 Other Paper. All rights reserved.", "en",
               url="https://unknown-paper.net/x").outlet == "Other Paper"
    assert run("Nothing here.", "en", url="https://unknown-paper.net/x").outlet == "unknown-paper.net"


@pytest.mark.parametrize("lang,text,name", [
    ("en", "Body of the story.\n\nby teleSUR/ GSD\nComment", "teleSUR"),
    ("en", "Body.\n\nCopyright © 2023 Prensa Latina", "Prensa Latina"),
    ("en", "Body.\n\n© 2024 The Hemisphere Dispatch. All rights reserved.", "The Hemisphere Dispatch"),
    ("es", "Cuerpo.\n\n© 2024 Diario del Caribe. Todos los derechos reservados.", "Diario del Caribe"),
    ("es", "Cuerpo.\n\nDiario Meridiano — Todos los derechos reservados © 2024", "Diario Meridiano"),
    ("pt", "Corpo.\n\n© 2024 Jornal do Cerrado. Todos os direitos reservados.", "Jornal do Cerrado"),
    ("ru", "Текст.\n\n© 2024 «Международная панорама». Все права защищены.", "Международная панорама"),
    ("fr", "Texte.\n\n© 2024 Le Courrier du Sud. Tous droits réservés.", "Le Courrier du Sud"),
    ("de", "Text.\n\n© 2024 Rheinische Rundschau. Alle Rechte vorbehalten.", "Rheinische Rundschau"),
    ("it", "Testo.\n\n© 2024 Gazzetta del Nord. Tutti i diritti riservati.", "Gazzetta del Nord"),
    ("sv", "Text.\n\nSammandrag och översättning: T. Svensson, NewsVoice", "NewsVoice"),
    ("sv", "Text.\n\nDu kan stötta Newsvoice via MediaLinq", "NewsVoice"),
    ("sv", "Anna Berg är grundare av NewsVoice som startade 2011.\nText.", "NewsVoice"),
    ("en", "Jane Roe is the founder of ZeroHedge.\nText.", "ZeroHedge"),
    ("es", "Cuerpo del texto.\n\nPor: Prensa Latina", "Prensa Latina"),
    ("es", "Cuerpo.\n\nAutor: teleSUR - jdo - MM\n\nFuente: EFE", "teleSUR"),
    ("ru", "Текст.\n\nПодписывайтесь на ТАСС в Telegram", "TASS"),
])
def test_outlet_from_credit_lines(lang: str, text: str, name: str) -> None:
    assert run(text, lang).outlet == name


def test_a_cited_source_is_never_the_outlet() -> None:
    d = run("“Words,” he said as quoted by RT, Saturday.\nMore text.", "en")
    assert d.outlet is None and d.cited_sources == ["RT"]
    d = run("Text.\n\nXinhua\nRT\nComment", "en")          # a related-links list
    assert d.outlet is None and d.cited_sources == []


def test_picture_credits_are_neither() -> None:
    d = run("Photo: EFE\nFoto: Reuters\n© Sputnik / Ilya Pitalev\nФото: РИА Новости\nText.", "en")
    assert d.outlet is None and d.cited_sources == []


def test_dropped_byline_lines_weigh_more() -> None:
    raw = "Text citing nobody.\n\nby teleSUR/ GSD\n\nFollow Granma on Telegram"
    d = make(raw, "en")
    d.text = "Text citing nobody."
    d.dropped = [DroppedLine(2, "by teleSUR/ GSD", "byline")]
    describe(d, Context())
    assert d.outlet == "teleSUR"


# ---------------------------------------------------------------- cited sources


@pytest.mark.parametrize("lang,text,want", [
    ("en", "“We are ready,” he said as quoted by RT, Saturday.", ["RT"]),
    ("en", "The minister spoke, citing TASS.", ["TASS"]),
    ("en", "The deputy minister told RIA Novosti on Friday that talks continue.", ["RIA Novosti"]),
    ("en", "Trade grew by 5%, according to Reuters.", ["Reuters"]),
    ("en", "MOSCOW (Reuters) - Russia said on Monday it would expand trade.", ["Reuters"]),
    ("en", "Trade grew, according to the Russian news agency TASS.", ["TASS"]),
    ("es", "Los cancilleres se reunieron en Moscú (EFE).", ["EFE"]),
    ("es", "El comercio creció, según EFE.", ["EFE"]),
    ("es", "Los ministros firmaron el acuerdo, informó Prensa Latina.", ["Prensa Latina"]),
    ("es", "Fuente: Cubadebate", ["Cubadebate"]),
    ("pt", "O comércio cresceu, segundo a Agência Brasil.", ["Agência Brasil"]),
    ("pt", "Fonte: Folha de S.Paulo", ["Folha de S.Paulo"]),
    ("ru", "Переговоры прошли успешно, сообщает ТАСС.", ["TASS"]),
    ("ru", "Министр прибыл в Каракас, передает РИА Новости.", ["RIA Novosti"]),
    ("ru", "Товарооборот вырос, по данным Интерфакса.", ["Interfax"]),
    ("ru", "Об этом он заявил в интервью ТАСС.", ["TASS"]),
    ("ru", "Источник: Коммерсантъ", ["Kommersant"]),
    ("fr", "Les échanges ont progressé, selon l'AFP.", ["AFP"]),
    ("fr", "La réunion a été reportée, rapporte Le Monde.", ["Le Monde"]),
    ("de", "Der Handel wuchs, laut dpa.", ["dpa"]),
    ("de", "Die Gespräche seien gescheitert, berichtet der Spiegel.", ["Der Spiegel"]),
    ("it", "Gli scambi sono cresciuti, secondo l'ANSA.", ["ANSA"]),
    ("sv", "Samarbetet ska stärkas, skriver TeleSUR.", ["teleSUR"]),
    ("sv", "Ryssland delar synen, skriver ryska RT (“Russia wants…”), en kanal.", ["RT"]),
    ("sv", "Sanktionerna kritiserades, skriver den sydamerikanska kanalen TeleSUR.", ["teleSUR"]),
    ("sv", "Mötet hölls i Moskva, enligt TT.", ["TT"]),
    ("sv", "Källa: SVT", ["SVT"]),
    ("en", "Trade grew, according to Reuters and AP.", ["Reuters", "AP"]),
    ("es", "Fuente: EFE - PL", ["EFE", "Prensa Latina"]),
    ("ru", "МОСКВА, 12 апр — РИА Новости. Лавров заявил, что переговоры прошли успешно.",
     ["RIA Novosti"]),
    ("ru", "МОСКВА, 12 апреля. /ТАСС/. Министр прибыл в Каракас.", ["TASS"]),
    ("ru", "Об этом сообщают ТАСС и Интерфакс.", ["TASS", "Interfax"]),
    ("en", "BEIJING, Sept. 30 (Xinhua) -- China and Brazil signed a deal.", ["Xinhua"]),
    ("en", "This article was originally published by RT.", ["RT"]),
    ("pt", "Publicado originalmente no Brasil de Fato.", ["Brasil de Fato"]),
    ("de", "Dieser Beitrag erschien zuerst bei NachDenkSeiten.", ["NachDenkSeiten"]),
])
def test_cited_source_cues(lang: str, text: str, want: list[str]) -> None:
    assert cited(text, lang) == want


def test_names_without_a_cue_are_not_cited() -> None:
    assert cited("RT and Sputnik are banned in the EU. Reuters journalists were expelled "
                 "earlier.", "en") == []
    assert cited("Medier wie RT und Sputnik sind in der EU verboten.", "de") == []
    assert cited("El canciller agradeció a Rusia, según dijo el presidente.", "es") == []


def test_official_bodies_are_cited_only_as_forwarded_channels() -> None:
    assert cited("The talks went well, according to the Russian MFA.", "en") == []


def test_canonical_names_once_in_order_without_the_own_outlet() -> None:
    text = ("Trade grew, according to Reuters. The minister told TASS that Reuters was wrong, "
            "according to Reuters again. (EFE)\n\nby teleSUR/ GSD")
    d = run(text, "en")
    assert d.outlet == "teleSUR"
    assert d.cited_sources == ["Reuters", "TASS", "EFE"]
    d = run("Talks ended, according to teleSUR.\n\nby teleSUR/ GSD", "en")
    assert d.cited_sources == []


def test_forwarded_channels_are_cited_as_given() -> None:
    raw = ("Forwarded from MFA Russia 🇷🇺\nText one.\n\n"
           "Forwarded from Russian Embassy in Cuba 🇷🇺🇨🇺\nText two, according to Prensa Latina.\n\n"
           "Переслано от Посольство России в Никарагуа\nТекст три.")
    d = make(raw, "en", fmt="telegram-dump")
    d.posts = [Post(0, "Text one.", text="Text one.", forwarded_from="MFA Russia 🇷🇺")]
    describe(d, Context())
    assert d.cited_sources == ["Russian MFA", "Russian Embassy in Cuba", "Prensa Latina",
                               "Посольство России в Никарагуа"]


def test_wire_datelines_of_unknown_agencies() -> None:
    assert cited("MANAGUA, 20 mar (ALN).— Rusia y Nicaragua firmaron un memorando.", "es") == ["ALN"]
    assert cited("CARACAS (AVN) – El gobierno anunció nuevas medidas.", "es") == ["AVN"]
    assert cited("Caracas (5 de mayo) – Texto.", "es") == []


def test_credit_roles() -> None:
    found = citations.credits("by teleSUR/ GSD\nTrade grew, according to Reuters.")
    assert [(c.mention.outlet.name, c.role) for c in found] == [("teleSUR", "own"),
                                                                ("Reuters", "cited")]


# ---------------------------------------------------------------- seeds


def test_seed_outlets_and_cited_sources() -> None:
    if not SEEDS.is_dir():
        pytest.skip("seed corpus absent")
    outlet = {"002": "NewsVoice", "003": "teleSUR"}
    sources = {"000": ["RT"], "002": ["RT", "teleSUR"]}
    for f in sorted(SEEDS.glob("*.txt")):
        key = f.name[:3]
        raw = f.read_text(encoding="utf-8")
        d = make(raw, "sv" if key == "002" else "en")
        if raw.startswith("Forwarded from"):
            d.fmt = "telegram-dump"
            d.posts = [Post(i, c, text=c) for i, c in
                       enumerate(c for c in re.split(r"(?m)^(?=Forwarded from)", raw) if c)]
        describe(d, Context())
        if key in outlet:
            assert d.outlet == outlet[key], f.name
        if key in sources:
            assert d.cited_sources == sources[key], f.name
        if key == "004":
            assert d.cited_sources[0] == "Russian MFA"
