"""Kind of a document: article, statement, blog or channel."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyad.metadata import describe, kind
from dyad.records import Document, Given, Post
from dyad.stage import Context

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"

FILLER = {
    "en": "The two countries discussed trade, energy and investment projects.",
    "es": "Los dos países discutieron proyectos de comercio, energía e inversiones.",
    "pt": "Os dois países discutiram projetos de comércio, energia e investimentos.",
    "ru": "Две страны обсудили проекты в области торговли, энергетики и инвестиций.",
    "fr": "Les deux pays ont discuté de projets commerciaux, énergétiques et d'investissement.",
    "sv": "De två länderna diskuterade projekt inom handel, energi och investeringar.",
    "de": "Die beiden Länder erörterten Projekte in Handel, Energie und Investitionen.",
    "it": "I due paesi hanno discusso progetti di commercio, energia e investimenti.",
}

STATEMENTS = {
    "en": "Address by the Minister of Foreign Affairs at the reception\n\nYour Excellencies, "
          "distinguished guests,\n\n{f}\n\nThank you for your attention.",
    "es": "Discurso del Canciller en la sesión inaugural\n\nExcelentísimos señores, señoras y "
          "señores:\n\n{f}\n\nMuchas gracias por su atención.",
    "pt": "Discurso do Ministro das Relações Exteriores na abertura\n\nSenhoras e senhores,"
          "\n\n{f}\n\nObrigado pela atenção.",
    "ru": "Выступление Министра иностранных дел на приёме\n\nУважаемые коллеги, дамы и "
          "господа!\n\n{f}\n\nБлагодарю за внимание.",
    "fr": "Déclaration du ministre à l'ouverture de la conférence\n\nExcellences, Mesdames et "
          "Messieurs,\n\n{f}\n\nJe vous remercie de votre attention.",
    "sv": "Tal av utrikesministern vid mottagningen\n\nErs excellenser, mina damer och herrar,"
          "\n\n{f}\n\nTack för uppmärksamheten.",
    "de": "Rede des Außenministers bei der Eröffnung\n\nExzellenzen, meine Damen und Herren,"
          "\n\n{f}\n\nVielen Dank für Ihre Aufmerksamkeit.",
    "it": "Discorso del Ministro degli Esteri all'apertura\n\nEccellenze, signore e signori,"
          "\n\n{f}\n\nGrazie per l'attenzione.",
}

BLOGS = {
    "en": "Why sanctions fail\n\n{f}\n\nIn my opinion the West has lost.\n\nJohn Roe is the "
          "founder of this blog. Support my work with a donation via PayPal.",
    "es": "Por qué fracasan las sanciones\n\n{f}\n\nEn mi opinión Occidente ha perdido.\n\n"
          "Juan Pérez es el fundador de este blog. Haz una donación vía PayPal.",
    "pt": "Por que as sanções falham\n\n{f}\n\nNa minha opinião o Ocidente perdeu.\n\nJoão "
          "Silva é o fundador do blog. Faça uma doação pelo PIX.",
    "ru": "Почему санкции не работают\n\n{f}\n\nПо-моему, Запад проиграл.\n\nОб авторе: "
          "Иван Петров, автор блога. Поддержать автора можно донатом на Boosty.",
    "fr": "Pourquoi les sanctions échouent\n\n{f}\n\nÀ mon avis l'Occident a perdu.\n\nJean "
          "Dupont est le fondateur de ce blog. Faites un don via Tipeee.",
    "sv": "Därför misslyckas sanktionerna\n\n{f}\n\nJag anser att väst har förlorat.\n\n"
          "Sammandrag och översättning: Anna Berg. Stöd hennes arbete via Swish.",
    "de": "Warum Sanktionen scheitern\n\n{f}\n\nMeiner Meinung nach hat der Westen verloren."
          "\n\nÜber den Autor: Hans Meier ist Blogger. Spenden per PayPal.",
    "it": "Perché le sanzioni falliscono\n\n{f}\n\nSecondo me l'Occidente ha perso.\n\nMario "
          "Rossi è il fondatore del blog. Fai una donazione con PayPal.",
}

ARTICLES = {
    "en": "Russia and Brazil agree to expand trade\n\nMOSCOW — {f} The minister said the "
          "talks were constructive, according to officials.",
    "es": "Rusia y Brasil acuerdan ampliar el comercio\n\nMOSCÚ — {f} El ministro dijo que "
          "las conversaciones fueron constructivas.",
    "pt": "Rússia e Brasil ampliam comércio\n\nMOSCOU — {f} O ministro disse que as "
          "conversas foram construtivas.",
    "ru": "Россия и Бразилия расширят торговлю\n\nМОСКВА — {f} Министр назвал переговоры "
          "конструктивными.",
    "fr": "La Russie et le Brésil élargissent leur commerce\n\nMOSCOU — {f} Le ministre a "
          "qualifié les entretiens de constructifs.",
    "sv": "Ryssland och Brasilien utökar handeln\n\nMOSKVA — {f} Ministern kallade samtalen "
          "konstruktiva.",
    "de": "Russland und Brasilien bauen Handel aus\n\nMOSKAU — {f} Der Minister nannte die "
          "Gespräche konstruktiv.",
    "it": "Russia e Brasile ampliano il commercio\n\nMOSCA — {f} Il ministro ha definito i "
          "colloqui costruttivi.",
}


def make(raw: str, lang: str | None, fmt: str = "txt", **given: str) -> Document:
    d = Document(file="t.txt", source_path="t.txt", fmt=fmt, raw_text=raw, given=Given(**given))
    d.text, d.language = raw, lang
    return d


def kind_of(raw: str, lang: str | None, **given: str) -> str | None:
    d = make(raw, lang, **given)
    describe(d, Context())
    return d.kind


@pytest.mark.parametrize("lang", sorted(STATEMENTS))
def test_statements_in_every_language(lang: str) -> None:
    assert kind_of(STATEMENTS[lang].format(f=FILLER[lang]), lang) == "statement"


@pytest.mark.parametrize("lang", sorted(BLOGS))
def test_blogs_in_every_language(lang: str) -> None:
    assert kind_of(BLOGS[lang].format(f=FILLER[lang]), lang) == "blog"


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_articles_in_every_language(lang: str) -> None:
    assert kind_of(ARTICLES[lang].format(f=FILLER[lang]), lang) == "article"


def test_channels_by_format() -> None:
    for fmt in ("telegram-json", "telegram-dump"):
        d = make("Forwarded from MFA\ntext", "en", fmt=fmt)
        d.posts = [Post(0, "text", text="text")]
        describe(d, Context())
        assert d.kind == "channel"


def test_given_kind_wins() -> None:
    assert kind_of(ARTICLES["en"].format(f=FILLER["en"]), "en", kind="blog") == "blog"


@pytest.mark.parametrize("url,want", [
    ("https://mid.ru/ru/foreign_policy/news/1900000/", "statement"),
    ("https://www.kremlin.ru/events/president/news/72000", "statement"),
    ("https://russiaeu.ru/en/news/address", "statement"),
    ("https://www.gov.br/mre/pt-br/canais_atendimento/imprensa/notas-a-imprensa/nota", "statement"),
    ("https://mppre.gob.ve/comunicado/venezuela-rechaza", "statement"),
    ("https://www.cancilleria.gob.ec/2023/05/03/boletin/", "statement"),
    ("https://venezuela.mid.ru/es/embajada/", "statement"),
    ("https://www.embajadaderusia.es/noticias", "statement"),
    ("https://someone.substack.com/p/why-sanctions-fail", "blog"),
    ("https://analisisgeo.blogspot.com/2023/05/x.html", "blog"),
    ("https://newsvoice.se/2023/11/ryssland/", "blog"),
    ("https://omvarldsbloggen.se/2024/04/04/bolivia", "blog"),
    ("https://www.telesurenglish.net/news/x", "article"),
])
def test_domain_defaults(url: str, want: str) -> None:
    assert kind_of(ARTICLES["en"].format(f=FILLER["en"]), "en", url=url) == want


def test_an_article_outlet_needs_strong_evidence() -> None:
    text = "Statement by the Ministry\n\n" + FILLER["en"]
    assert kind_of(text, "en") == "statement"
    assert kind_of(text, "en", url="https://www.reuters.com/world/x") == "article"


def test_a_speech_quoted_in_an_article_is_no_statement() -> None:
    text = ("Putin opens parliamentary conference\n\nMOSCOW — The president addressed the "
            "delegates. “Dear friends, ladies and gentlemen, we strongly reject pressure on "
            "our partners. Thank you for your attention,” he said.\n\n" + FILLER["en"])
    assert kind_of(text, "en") == "article"


def test_we_voice_outside_quotes() -> None:
    we = ("We believe that our cooperation will grow. We support the sovereign choice of our "
          "partners and we reject pressure on them. Our position is clear. ") * 2
    assert kind.voice_share(we, "en", "we") > 0.1
    quoted = "“" + we + "” said the minister. " + FILLER["en"]
    assert kind.voice_share(quoted, "en", "we") == 0.0


def test_domain_kind_patterns() -> None:
    assert kind.domain_kind("https://www.minrex.gob.cu/es/declaracion") == "statement"
    assert kind.domain_kind("https://example-news.com/world") is None
    assert kind.domain_kind("https://foreignpolicy.com/2023/05/x") is None


def test_seed_kinds() -> None:
    if not SEEDS.is_dir():
        pytest.skip("seed corpus absent")
    want = {"000": "article", "001": "statement", "002": "blog", "003": "article",
            "004": "channel"}
    for f in sorted(SEEDS.glob("*.txt")):
        raw = f.read_text(encoding="utf-8")
        d = make(raw, "sv" if f.name.startswith("002") else "en")
        if raw.startswith("Forwarded from"):
            d.fmt = "telegram-dump"
            d.posts = [Post(i, c, text=c) for i, c in
                       enumerate(c for c in re.split(r"(?m)^(?=Forwarded from)", raw) if c)]
        describe(d, Context())
        assert d.kind == want[f.name[:3]], f.name
