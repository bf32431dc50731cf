"""Dates in text (find_dates) and a document's publication date."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dyad.metadata import dates
from dyad.metadata.dates import find_dates, published_date, text_published
from dyad.records import Document, Given, Post

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


def found(text: str, lang: str | None) -> list[tuple[str, str, bool]]:
    return [(text[s:e], d.isoformat(), y) for s, e, d, y in find_dates(text, lang)]


def doc(raw: str, lang: str | None = None, **given: str) -> Document:
    d = Document(file="t.txt", source_path="t.txt", fmt="txt", raw_text=raw,
                 given=Given(**given))
    d.text, d.language = raw, lang
    return d


# ---------------------------------------------------------------- find_dates


@pytest.mark.parametrize("lang,text,iso", [
    ("en", "The talks ended on 21 September 2023 in New York.", "2023-09-21"),
    ("en", "The talks ended on September 21st, 2023 in New York.", "2023-09-21"),
    ("en", "The talks ended on Sep. 21, 2023 in New York.", "2023-09-21"),
    ("en", "The talks ended on the 21st of September 2023.", "2023-09-21"),
    ("es", "La reunión se celebró el 3 de mayo de 2023 en Caracas.", "2023-05-03"),
    ("es", "La reunión se celebró el 3 de mayo del 2023 en Caracas.", "2023-05-03"),
    ("pt", "O encontro ocorreu em 3 de março de 2024 em Brasília.", "2024-03-03"),
    ("ru", "Переговоры состоялись 12 апреля 2023 года в Москве.", "2023-04-12"),
    ("ru", "Переговоры состоялись 1-го мая 2023 г. в Москве.", "2023-05-01"),
    ("fr", "La rencontre a eu lieu le 1er février 2024 à Paris.", "2024-02-01"),
    ("sv", "Mötet hölls den 17:e november 2023 i Stockholm.", "2023-11-17"),
    ("de", "Das Treffen fand am 5. März 2024 in Berlin statt.", "2024-03-05"),
    ("it", "L'incontro si è svolto il 5 maggio 2023 a Roma.", "2023-05-05"),
    ("en", "Figures released 2023-09-30 show growth.", "2023-09-30"),
    ("ru", "Документ подписан 12.04.2023 в Минске.", "2023-04-12"),
])
def test_dates_in_every_language(lang: str, text: str, iso: str) -> None:
    hits = found(text, lang)
    assert [(d, y) for _s, d, y in hits] == [(iso, True)]


def test_month_names_come_from_cldr_in_every_case() -> None:
    ru = dict(dates.month_forms("ru"))
    assert ru["апреля"] == 4 and ru["апрель"] == 4          # genitive and nominative
    assert dict(dates.month_forms("pt"))["março"] == 3
    assert dict(dates.month_forms("sv"))["maj"] == 5


@pytest.mark.parametrize("lang,text,iso", [
    ("en", "Submitted on Thu, 06/29/2023 - 13:28", "2023-06-29"),   # month > 12 cannot be day
    ("en", "Saturday (30/9/2023)", "2023-09-30"),                   # day > 12
    ("en", "Posted 05/06/2023", "2023-05-06"),                      # US order when ambiguous
    ("es", "Publicado 05/06/2023", "2023-06-05"),                   # day first elsewhere
    ("en", "Updated 05.06.2023", "2023-06-05"),                     # dots are day first
    ("de", "Stand: 05.06.23", "2023-06-05"),                        # two-digit year
])
def test_numeric_dates(lang: str, text: str, iso: str) -> None:
    assert [d for _s, d, _y in found(text, lang)] == [iso]


def test_the_text_decides_an_ambiguous_numeric_order() -> None:
    text = "Posted 13/06/2023. The previous note of 05/06/2023 is withdrawn."
    assert [d for _s, d, _y in found(text, "en")] == ["2023-06-13", "2023-06-05"]


def test_dates_without_year_are_flagged() -> None:
    hits = found("Lavrov arrived on 16 November and left on Nov 18.", "en")
    assert [(d[5:], y) for _s, d, y in hits] == [("11-16", False), ("11-18", False)]
    (s, e, d, y), = find_dates("Llegó el 16 de noviembre.", "es", default_year=2023)
    assert d == dt.date(2023, 11, 16) and not y


@pytest.mark.parametrize("lang,text", [
    ("en", "You may 5 times ask and still get no answer."),
    ("en", "Published 1 hours 28 minutes ago"),
    ("es", "Publicado hace 3 horas"),
    ("ru", "Опубликовано 2 часа назад"),
    ("en", "version 1.2.3 and build 10.20.30"),
    ("fr", "Il a 25 ans et mesure 1,80 m."),
])
def test_no_dates_where_there_are_none(lang: str, text: str) -> None:
    assert find_dates(text, lang) == []


def test_ranges_give_their_last_day() -> None:
    assert [d for _s, d, _y in found("on 20-21 September 2023", "en")] == ["2023-09-21"]


# ---------------------------------------------------------------- publication cues


@pytest.mark.parametrize("lang,text,iso", [
    ("en", "Published 21 September 2023 (1 hours 28 minutes ago)", "2023-09-21"),
    ("en", "Submitted on Thu, 06/29/2023 - 13:28", "2023-06-29"),
    ("en", " date 2023-09-30 loading…", "2023-09-30"),
    ("en", "Posted by Jane Roe on May 5, 2023", "2023-05-05"),
    ("sv", "publicerad 17 november 2023", "2023-11-17"),
    ("ru", "Опубликовано 12 апреля 2023", "2023-04-12"),
    ("ru", "Опубликовано: 12.04.2023, 18:05", "2023-04-12"),
    ("es", "Publicado el 3 de mayo de 2023", "2023-05-03"),
    ("pt", "Publicado em 03/05/2023", "2023-05-03"),
    ("fr", "Publié le 5 mai 2023 à 10h30", "2023-05-05"),
    ("de", "Veröffentlicht am 5. Mai 2023", "2023-05-05"),
    ("it", "Pubblicato il 5 maggio 2023", "2023-05-05"),
])
def test_publication_cues(lang: str, text: str, iso: str) -> None:
    body = ("A caption of 2 May 2023 stands above.\n" + text +
            "\nThe talks of 1 May 2023 went well.\n")
    assert text_published(body, lang) == dt.date.fromisoformat(iso)


def test_cue_beats_an_earlier_caption_date() -> None:
    text = ("Ministers Meet\nLavrov and Gil at the UN. Sep. 20, 2023.\n"
            "Published 21 September 2023\nThe ministers met on Wednesday.")
    assert text_published(text, "en") == dt.date(2023, 9, 21)


def test_updated_only_when_no_published_cue() -> None:
    assert text_published("Actualizado el 4 de mayo de 2023\nTexto.", "es") == dt.date(2023, 5, 4)
    text = "Publicado el 3 de mayo de 2023\nActualizado el 4 de mayo de 2023\nTexto."
    assert text_published(text, "es") == dt.date(2023, 5, 3)


def test_cue_words_deep_in_a_long_sentence_do_not_count() -> None:
    text = ("Headline without a date\n\n" + "Word " * 60 +
            "and the report published on 5 May 2019 was cited again " + "word " * 40)
    assert text_published(text, "en") is None


def test_timestamp_and_head_date() -> None:
    assert text_published("Politics\n12 апреля 2023, 14:05\nТекст статьи.", "ru") == \
        dt.date(2023, 4, 12)
    assert text_published("Caracas, 16 de noviembre de 2023.- El canciller ...", "es") == \
        dt.date(2023, 11, 16)


def test_date_deep_in_the_body_is_no_publication_date() -> None:
    body = "\n".join(f"Paragraph {i} of the article without dates." for i in range(12))
    assert text_published(body + "\nThe summit of 5 May 2023 was a success.", "en") is None


# ---------------------------------------------------------------- published_date


def test_manifest_wins() -> None:
    d = doc("Published 21 September 2023", "en", published="2023-09-30")
    assert published_date(d, d.raw_text) == "2023-09-30"
    d = doc("Published 21 September 2023", "en", published="2023-09-30T08:00:00Z")
    assert published_date(d, d.raw_text) == "2023-09-30"
    d = doc("text", "en", published="2023-09")
    assert published_date(d, d.raw_text) == "2023-09"


def test_page_date_is_the_last_resort() -> None:
    d = doc("No date in this text at all.", "en", page_date="2024-04-05")
    assert published_date(d, d.raw_text) == "2024-04-05"
    d = doc("Published 21 September 2023", "en", page_date="2024-04-05")
    assert published_date(d, d.raw_text) == "2023-09-21"


def test_channels_take_their_newest_post() -> None:
    posts = [Post(0, "a", date="2024-03-12T10:15:00"), Post(1, "b", date="2024-03-20"),
             Post(2, "c")]
    d = Document("c.json", "c.json", "telegram-json", "a\n\nb\n\nc", posts=posts)
    assert published_date(d, d.raw_text) == "2024-03-20"


def test_a_dump_without_post_dates_has_no_date() -> None:
    raw = "Forwarded from MFA\n📍 Managua, April 19, 2023\nText\nPublished 20 April 2023"
    d = Document("d.txt", "d.txt", "telegram-dump", raw, posts=[Post(0, raw)])
    assert published_date(d, raw) is None


def test_no_date_is_none_never_today() -> None:
    d = doc("Text written 3 hours ago, updated yesterday.", "en")
    assert published_date(d, d.raw_text) is None


def test_seed_publication_dates() -> None:
    if not SEEDS.is_dir():
        pytest.skip("seed corpus absent")
    want = {"000": ("en", "2023-09-30"), "001": ("en", "2023-06-29"),
            "002": ("sv", "2023-11-17"), "003": ("en", "2023-09-21")}
    for f in sorted(SEEDS.glob("*.txt")):
        key = f.name[:3]
        if key in want:
            lang, iso = want[key]
            raw = f.read_text(encoding="utf-8")
            d = doc(raw, lang)
            assert published_date(d, raw) == iso, f.name


def test_dates_outside_plausible_years_are_no_publication_date() -> None:
    assert text_published("Published 5 May 1945", "en") is None
    assert re.match(r"\d{4}", "2023")
