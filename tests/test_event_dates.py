"""Event dates (dyad.events.when): absolute dates, day ranges, months, relative phrases in
every language, future phrases, and datelines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from babel.dates import get_day_names
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad import lang as langdata
from dyad.events import when
from dyad.events.when import dateline, event_date
from dyad.records import DaySpan

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
D = dt.date.fromisoformat
REF = D("2023-09-21")                       # a Thursday
WEEK_BEFORE = ("2023-09-11", "2023-09-17")
WEEK_AFTER = ("2023-09-25", "2023-10-01")
AUGUST = ("2023-08-01", "2023-08-31")
MARCH = ("2023-03-01", "2023-03-31")
DEC_2022 = ("2022-12-01", "2022-12-31")
LANGS = ("en", "es", "pt", "ru", "fr", "sv", "de", "it")


def span(expected: str | tuple[str, str]) -> DaySpan:
    if isinstance(expected, str):
        return DaySpan.day(D(expected))
    return DaySpan(D(expected[0]), D(expected[1]))


# ---------------------------------------------------------------- the cases of the brief


def test_wednesday_before_a_thursday_reference() -> None:
    s = ("The Venezuelan Foreign Minister, Yván Gil, and his Russian counterpart, Sergei "
         "Lavrov, held a meeting on Wednesday in the framework of the 78th regular session "
         "of the UN General Assembly.")
    assert event_date(s, "en", D("2023-09-21")) == (span("2023-09-20"), "relative")


def test_friday_before_a_saturday_reference() -> None:
    s = "He made these remarks on Friday, when he spoke at the opening ceremony."
    assert event_date(s, "en", D("2023-09-30")) == (span("2023-09-29"), "relative")


def test_last_december_is_a_month_span() -> None:
    s = "This foundation was built last December, when the delegation visited our country."
    assert event_date(s, "en", D("2023-04-19")) == (span(DEC_2022), "relative")


def test_yearless_range_needs_a_reference() -> None:
    s = "On February 21-22, Foreign Minister Sergey Lavrov took part in the G20 meeting."
    assert event_date(s, "en", None) == (None, "none")
    assert event_date(s, "en", D("2024-03-01")) == (span(("2024-02-21", "2024-02-22")),
                                                    "absolute")


def test_swedish_full_date() -> None:
    s = "Den 16 november 2023 sa Lavrov att samarbetet växer."
    assert event_date(s, "sv", None) == (span("2023-11-16"), "absolute")


def test_brief_datelines() -> None:
    assert dateline("📍 Managua, April 19, 2023\n💬 We discussed trade.", "en") \
        == (D("2023-04-19"), "Managua")
    text = ("🎥 Foreign Minister Sergey Lavrov’s interview with the Prensa Latina Cuban news "
            "agency (Moscow, March 30, 2023)\n#Sanctions\nThree-quarters of the countries ...")
    assert dateline(text, "en") == (D("2023-03-30"), "Moscow")


# ---------------------------------------------------------------- absolute dates


@pytest.mark.parametrize("lang,sentence,expected", [
    ("en", "The talks took place on 16 November 2023 in Moscow.", "2023-11-16"),
    ("en", "The conference was held on September 28-29, 2023 in Moscow.",
     ("2023-09-28", "2023-09-29")),
    ("en", "The delegation stayed from 30 September to 2 October 2023.",
     ("2023-09-30", "2023-10-02")),
    ("en", "In March 2023 Russia adopted a new Foreign Policy Concept.", MARCH),
    ("es", "Las conversaciones se celebraron el 16 de noviembre de 2023.", "2023-11-16"),
    ("es", "La cumbre se celebró del 21 al 22 de febrero de 2024.", ("2024-02-21", "2024-02-22")),
    ("es", "La cumbre se celebró los días 21–22 de febrero de 2024.",
     ("2024-02-21", "2024-02-22")),
    ("es", "En marzo de 2023 Rusia aprobó su nuevo concepto.", MARCH),
    ("pt", "A reunião ocorreu em 16 de novembro de 2023 em Brasília.", "2023-11-16"),
    ("pt", "A cúpula ocorreu de 21 a 22 de fevereiro de 2024.", ("2024-02-21", "2024-02-22")),
    ("pt", "Em março de 2023 a Rússia aprovou o conceito.", MARCH),
    ("ru", "Переговоры состоялись 16 ноября 2023 года в Москве.", "2023-11-16"),
    ("ru", "С 21 по 22 февраля 2024 года прошла встреча министров.",
     ("2024-02-21", "2024-02-22")),
    ("ru", "В марте 2023 года Россия приняла новую концепцию.", MARCH),
    ("fr", "Les entretiens ont eu lieu le 16 novembre 2023 à Moscou.", "2023-11-16"),
    ("fr", "Le sommet s'est tenu du 21 au 22 février 2024 à Rio.", ("2024-02-21", "2024-02-22")),
    ("fr", "En mars 2023, la Russie a adopté son concept.", MARCH),
    ("sv", "Toppmötet hölls den 21–22 februari 2024 i Rio.", ("2024-02-21", "2024-02-22")),
    ("sv", "I mars 2023 antog Ryssland ett nytt koncept.", MARCH),
    ("de", "Das Treffen fand vom 21. bis 22. Februar 2024 statt.", ("2024-02-21", "2024-02-22")),
    ("de", "Im März 2023 verabschiedete Russland ein neues Konzept.", MARCH),
    ("it", "Il vertice si è svolto dal 21 al 22 febbraio 2024.", ("2024-02-21", "2024-02-22")),
    ("it", "A marzo 2023 la Russia ha adottato il concetto.", MARCH),
])
def test_absolute_dates(lang: str, sentence: str, expected: Any) -> None:
    assert event_date(sentence, lang, None) == (span(expected), "absolute")
    assert event_date(sentence, lang, D("2024-06-01")) == (span(expected), "absolute")


def test_absolute_date_beats_relative_phrase() -> None:
    s = "Yesterday the ministry recalled the talks of 16 November 2023."
    assert event_date(s, "en", D("2024-01-10")) == (span("2023-11-16"), "absolute")


@pytest.mark.parametrize("lang,sentence,reference,expected", [
    ("es", "El canciller llegó el 3 de mayo a Caracas.", "2023-09-21", "2023-05-03"),
    ("en", "On December 28, the two ministers spoke by phone.", "2024-01-05", "2023-12-28"),
    ("ru", "12 апреля министр прибыл в Москву.", "2023-04-13", "2023-04-12"),
    ("fr", "Le 3 mai, le ministre est arrivé à Caracas.", "2023-05-01", "2023-05-03"),
    ("sv", "Den 16 november talade ministrarna i Moskva.", "2023-11-17", "2023-11-16"),
])
def test_yearless_dates_take_the_reference_year(lang: str, sentence: str, reference: str,
                                                 expected: str) -> None:
    found, how = event_date(sentence, lang, D(reference))
    assert found == span(expected)
    assert how == ("future" if D(expected) > D(reference) else "absolute")
    assert event_date(sentence, lang, None) == (None, "none")


def test_a_date_after_the_reference_is_future() -> None:
    s = "The co-chairs would hold another meeting at the forum in June 2023."
    assert event_date(s, "en", D("2023-04-19")) == (span(("2023-06-01", "2023-06-30")),
                                                    "future")
    s = "The summit will be held on 3 March."
    assert event_date(s, "en", D("2023-12-20")) == (span("2024-03-03"), "future")


# ---------------------------------------------------------------- relative phrases


RELATIVE = [
    # English
    ("en", "Lavrov arrived in Caracas yesterday.", "2023-09-20"),
    ("en", "The ministers met today in New York.", "2023-09-21"),
    ("en", "The talks ran late this morning.", "2023-09-21"),
    ("en", "The day before yesterday the delegation landed in Havana.", "2023-09-19"),
    ("en", "The minister spoke on Tuesday.", "2023-09-19"),
    ("en", "The minister spoke on Thursday.", "2023-09-21"),
    ("en", "The minister spoke last Thursday.", "2023-09-14"),
    ("en", "The envoy arrived Wednesday of last week.", "2023-09-13"),
    ("en", "The sides signed the memorandum last week.", WEEK_BEFORE),
    ("en", "The envoy visited Managua last month.", AUGUST),
    ("en", "Earlier this month the two leaders spoke by phone.", ("2023-09-01", "2023-09-21")),
    ("en", "Russia hosted the forum last December.", DEC_2022),
    ("en", "Russia hosted the forum in December last year.", DEC_2022),
    ("en", "The concept was adopted in March.", MARCH),
    ("en", "The treaty was ratified three days ago.", "2023-09-18"),
    ("en", "Trade grew last year.", ("2022-01-01", "2022-12-31")),
    # Spanish
    ("es", "El canciller llegó ayer a Moscú.", "2023-09-20"),
    ("es", "Hoy los ministros firmaron un acuerdo.", "2023-09-21"),
    ("es", "Esta mañana el canciller habló con la prensa.", "2023-09-21"),
    ("es", "Anteayer la delegación aterrizó en La Habana.", "2023-09-19"),
    ("es", "Los ministros se reunieron el miércoles en Nueva York.", "2023-09-20"),
    ("es", "El pasado lunes el presidente recibió al enviado.", "2023-09-18"),
    ("es", "La semana pasada ambos países firmaron un memorando.", WEEK_BEFORE),
    ("es", "El mes pasado el enviado visitó Managua.", AUGUST),
    ("es", "Rusia acogió el foro en diciembre pasado.", DEC_2022),
    ("es", "Rusia acogió el foro el pasado diciembre.", DEC_2022),
    ("es", "El concepto se aprobó en marzo.", MARCH),
    ("es", "A principios de este mes los presidentes hablaron.", ("2023-09-01", "2023-09-21")),
    ("es", "El tratado se ratificó hace tres días.", "2023-09-18"),
    # Portuguese
    ("pt", "O chanceler chegou ontem a Moscou.", "2023-09-20"),
    ("pt", "Hoje os ministros assinaram um acordo.", "2023-09-21"),
    ("pt", "Anteontem a delegação desembarcou em Havana.", "2023-09-19"),
    ("pt", "Os ministros se reuniram na quarta-feira em Nova York.", "2023-09-20"),
    ("pt", "O presidente disse nesta terça (19) que o acordo avança.", "2023-09-19"),
    ("pt", "Na semana passada os dois países assinaram um memorando.", WEEK_BEFORE),
    ("pt", "No mês passado o enviado visitou Manágua.", AUGUST),
    ("pt", "A Rússia sediou o fórum em dezembro passado.", DEC_2022),
    ("pt", "O conceito foi aprovado em março.", MARCH),
    ("pt", "O tratado foi ratificado há três dias.", "2023-09-18"),
    # Russian
    ("ru", "Вчера министр прибыл в Москву.", "2023-09-20"),
    ("ru", "Сегодня министры подписали соглашение.", "2023-09-21"),
    ("ru", "Позавчера делегация прибыла в Гавану.", "2023-09-19"),
    ("ru", "Министры провели переговоры в среду в Нью-Йорке.", "2023-09-20"),
    ("ru", "Во вторник посол вручил верительные грамоты.", "2023-09-19"),
    ("ru", "В прошлый четверг президент принял посланника.", "2023-09-14"),
    ("ru", "На прошлой неделе стороны подписали меморандум.", WEEK_BEFORE),
    ("ru", "В прошлом месяце посланник посетил Манагуа.", AUGUST),
    ("ru", "В декабре прошлого года Россия провела форум.", DEC_2022),
    ("ru", "Концепция была принята в марте.", MARCH),
    ("ru", "В начале этого месяца президенты провели телефонный разговор.",
     ("2023-09-01", "2023-09-21")),
    ("ru", "Договор был ратифицирован три дня назад.", "2023-09-18"),
    # French
    ("fr", "Le ministre est arrivé hier à Moscou.", "2023-09-20"),
    ("fr", "Aujourd'hui les ministres ont signé un accord.", "2023-09-21"),
    ("fr", "Avant-hier la délégation est arrivée à La Havane.", "2023-09-19"),
    ("fr", "Les ministres se sont réunis mercredi à New York.", "2023-09-20"),
    ("fr", "Jeudi dernier le président a reçu l'envoyé.", "2023-09-14"),
    ("fr", "La semaine dernière les deux pays ont signé un mémorandum.", WEEK_BEFORE),
    ("fr", "Le mois dernier l'envoyé s'est rendu à Managua.", AUGUST),
    ("fr", "La Russie a accueilli le forum en décembre dernier.", DEC_2022),
    ("fr", "Le concept a été adopté en mars.", MARCH),
    ("fr", "Le traité a été ratifié il y a trois jours.", "2023-09-18"),
    # Swedish
    ("sv", "Ministern anlände i går till Moskva.", "2023-09-20"),
    ("sv", "Ministrarna undertecknade idag ett avtal.", "2023-09-21"),
    ("sv", "Delegationen landade i förrgår i Havanna.", "2023-09-19"),
    ("sv", "Ministrarna träffades i onsdags i New York.", "2023-09-20"),
    ("sv", "Ministrarna träffades på onsdagen i New York.", "2023-09-20"),
    ("sv", "Förra veckan undertecknade länderna ett memorandum.", WEEK_BEFORE),
    ("sv", "Sändebudet besökte Managua förra månaden.", AUGUST),
    ("sv", "Ryssland var värd för forumet i december förra året.", DEC_2022),
    ("sv", "Konceptet antogs i mars.", MARCH),
    ("sv", "Fördraget ratificerades för tre dagar sedan.", "2023-09-18"),
    # German
    ("de", "Der Minister ist gestern in Moskau eingetroffen.", "2023-09-20"),
    ("de", "Die Minister trafen sich am Mittwoch in New York.", "2023-09-20"),
    ("de", "In der vergangenen Woche unterzeichneten beide Länder ein Memorandum.", WEEK_BEFORE),
    ("de", "Russland richtete das Forum im vergangenen Dezember aus.", DEC_2022),
    ("de", "Das Konzept wurde im März verabschiedet.", MARCH),
    # Italian
    ("it", "Il ministro è arrivato ieri a Mosca.", "2023-09-20"),
    ("it", "I ministri si sono incontrati mercoledì a New York.", "2023-09-20"),
    ("it", "La settimana scorsa i due paesi hanno firmato un memorandum.", WEEK_BEFORE),
    ("it", "La Russia ha ospitato il forum lo scorso dicembre.", DEC_2022),
    ("it", "Il concetto è stato adottato a marzo.", MARCH),
]


@pytest.mark.parametrize("lang,sentence,expected", RELATIVE)
def test_relative_phrases(lang: str, sentence: str, expected: Any) -> None:
    assert event_date(sentence, lang, REF) == (span(expected), "relative")
    assert event_date(sentence, lang, None) == (None, "none")


@pytest.mark.parametrize("lang,sentence,expected", [
    (lang, s, e) for lang, s, e in RELATIVE if lang in ("en", "es", "ru", "sv")
])
def test_relative_phrases_without_a_language(lang: str, sentence: str, expected: Any) -> None:
    assert event_date(sentence, None, REF)[0] == span(expected)


FUTURE = [
    ("en", "The delegation will arrive tomorrow.", "2023-09-22"),
    ("en", "The summit opens next week.", WEEK_AFTER),
    ("en", "Lavrov will fly to Havana on Monday.", "2023-09-25"),
    ("en", "On Friday, Lavrov will fly to Havana.", "2023-09-22"),
    ("en", "Lavrov will visit Brasília next Thursday.", "2023-09-28"),
    ("en", "The commission meets later this month.", ("2023-09-21", "2023-09-30")),
    ("es", "El canciller viajará mañana a Caracas.", "2023-09-22"),
    ("es", "La cumbre será la próxima semana.", WEEK_AFTER),
    ("es", "El presidente viajará el lunes a Brasilia.", "2023-09-25"),
    ("pt", "O chanceler viajará amanhã para Caracas.", "2023-09-22"),
    ("pt", "A cúpula acontece na próxima semana.", WEEK_AFTER),
    ("ru", "Министр завтра посетит Каракас.", "2023-09-22"),
    ("ru", "Саммит пройдёт на следующей неделе.", WEEK_AFTER),
    ("ru", "Министр будет в Бразилиа в понедельник.", "2023-09-25"),
    ("fr", "Le ministre se rendra demain à Caracas.", "2023-09-22"),
    ("fr", "Le sommet aura lieu la semaine prochaine.", WEEK_AFTER),
    ("sv", "Ministern reser i morgon till Caracas.", "2023-09-22"),
    ("sv", "Toppmötet hålls nästa vecka.", WEEK_AFTER),
    ("sv", "Ministrarna träffas på måndag i Moskva.", "2023-09-25"),
    ("de", "Der Minister reist morgen nach Caracas.", "2023-09-22"),
    ("it", "Il ministro si recherà domani a Caracas.", "2023-09-22"),
]


@pytest.mark.parametrize("lang,sentence,expected", FUTURE)
def test_future_phrases(lang: str, sentence: str, expected: Any) -> None:
    assert event_date(sentence, lang, REF) == (span(expected), "future")


@pytest.mark.parametrize("lang,sentence,expected", [
    # a future cue in another clause leaves the weekday in the past
    ("en", "Gil said on Monday that the two countries will deepen ties.", "2023-09-18"),
    ("en", "On Wednesday, Lavrov said Russia will expand trade.", "2023-09-20"),
    ("es", "El canciller dijo el lunes que Rusia ampliará el comercio.", "2023-09-18"),
    ("ru", "В понедельник министр заявил, что Россия будет расширять торговлю.", "2023-09-18"),
    ("sv", "Han sa på måndagen att Ryssland ska utöka handeln.", "2023-09-18"),
])
def test_future_cue_in_another_clause(lang: str, sentence: str, expected: str) -> None:
    assert event_date(sentence, lang, REF) == (span(expected), "relative")


@pytest.mark.parametrize("lang,sentence", [
    ("en", "The ministers discussed trade and investment."),
    ("es", "Por la mañana el canciller habló con la prensa."),   # morning, not tomorrow
    ("es", "Hoy en día las relaciones son estrechas."),           # nowadays
    ("pt", "Na segunda reunião, o ministro falou de comércio."),  # the second meeting
    ("ru", "Обсуждались меры защиты окружающей среды."),           # environment, not Wednesday
    ("de", "Am Morgen sprach der Minister."),                     # the morning, not tomorrow
    ("fr", "Le ministre a parlé de l'avenir de la région."),
    ("en", "Over the last year trade has grown."),                # not the calendar year
])
def test_no_date(lang: str, sentence: str) -> None:
    assert event_date(sentence, lang, REF) == (None, "none")


def test_month_alone_in_the_past() -> None:
    s = "The concept was adopted in September."          # the reference's own month
    assert event_date(s, "en", REF) == (span(("2023-09-01", "2023-09-21")), "relative")
    s = "The concept was adopted in October."            # the last October before it
    assert event_date(s, "en", REF) == (span(("2022-10-01", "2022-10-31")), "relative")
    s = "The forum will be held in October."
    assert event_date(s, "en", REF) == (span(("2023-10-01", "2023-10-31")), "future")


def test_will_the_noun_is_no_future() -> None:
    s = "On Tuesday the leaders stressed the political will of both nations."
    assert event_date(s, "en", REF) == (span("2023-09-19"), "relative")


# ---------------------------------------------------------------- properties


def _english_weekdays() -> dict[int, str]:
    return {int(k): v for k, v in get_day_names("wide", "format", locale="en").items()}


refs = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))


@settings(max_examples=150, deadline=None)
@given(ref=refs, wd=st.integers(0, 6))
def test_weekday_rules_hold_for_any_reference(ref: dt.date, wd: int) -> None:
    name = _english_weekdays()[wd]
    bare, how = event_date(f"The envoy spoke on {name}.", "en", ref)
    assert how == "relative" and bare is not None
    assert bare.first.weekday() == wd and 0 <= (ref - bare.first).days <= 6
    last, _ = event_date(f"The envoy spoke last {name}.", "en", ref)
    assert last is not None and 1 <= (ref - last.first).days <= 7
    nxt, how = event_date(f"The envoy speaks next {name}.", "en", ref)
    assert how == "future" and nxt is not None and 1 <= (nxt.first - ref).days <= 7


@settings(max_examples=100, deadline=None)
@given(ref=refs)
def test_last_and_next_week_are_whole_weeks(ref: dt.date) -> None:
    last, _ = event_date("The sides met last week.", "en", ref)
    nxt, how = event_date("The sides meet next week.", "en", ref)
    assert last is not None and nxt is not None and how == "future"
    for w in (last, nxt):
        assert w.first.weekday() == 0 and (w.last - w.first).days == 6
    assert 1 <= (ref - last.last).days <= 7 and 1 <= (nxt.first - ref).days <= 7


@settings(max_examples=150, deadline=None)
@given(ref=refs, day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2000, 12, 31)))
def test_yearless_date_is_the_latest_not_after_a_week_ahead(ref: dt.date,
                                                            day: dt.date) -> None:
    text = f"The talks were held on {day.day} {day.strftime('%B')}."
    found, _how = event_date(text, "en", ref)
    assert found is not None and found.first == found.last
    got = found.first
    assert (got.month, got.day) == (day.month, day.day)
    assert got <= ref + when.YEARLESS_LEAD
    later = (got.replace(year=got.year + 1) if not (got.month == 2 and got.day == 29)
             else dt.date(got.year + 4, 2, 29))
    assert later > ref + when.YEARLESS_LEAD


# ---------------------------------------------------------------- datelines


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "MOSCOW, April 12 (Reuters) - Russia said on Wednesday ...", (None, "Moscow")),
    ("es", "Caracas, 16 nov (EFE).- El canciller venezolano ...", (None, "Caracas")),
    ("ru", "Москва, 12 апреля. /ТАСС/. Министр иностранных дел ...", (None, "Москва")),
    ("es", "Caracas, 16 de noviembre de 2023.- El canciller ...", ("2023-11-16", "Caracas")),
    ("pt", "RIO DE JANEIRO, 21 de fevereiro de 2024 - O chanceler ...",
     ("2024-02-21", "Rio de Janeiro")),
    ("fr", "PARIS, 12 avril 2023 (AFP) - Le ministre ...", ("2023-04-12", "Paris")),
    ("en", "Statement by the Foreign Minister (New York, July 16, 2024)\nThank you.",
     ("2024-07-16", "New York")),
    ("en", "BUENOS AIRES (AP) — The government said ...", (None, "Buenos Aires")),
    ("de", "Berlin (dpa) - Der Außenminister ...", (None, "Berlin")),
    ("en", "MOSCOW – Russia wants Latin America to be strong.", (None, "Moscow")),
])
def test_datelines(lang: str, text: str, expected: tuple[str | None, str]) -> None:
    date, place = expected
    assert dateline(text, lang) == (D(date) if date else None, place)


@pytest.mark.parametrize("text", [
    "Thursday, 21 September 2023\nThe ministers met.",
    "Submitted on Thu, 06/29/2023 - 13:28",
    "Published 21 September 2023 (1 hours 28 minutes ago)",
    "The talks, held in Moscow, 12 April 2023, ended.",
    "Lavrov (left) – said the talks went well.",
    "Russia – the country said it would respond.",
])
def test_not_datelines(text: str) -> None:
    assert dateline(text, "en") == (None, None)


def test_dateline_only_near_the_head() -> None:
    filler = "\n".join(f"Paragraph {i} of the article." for i in range(20))
    assert dateline(filler + "\n📍 Managua, April 19, 2023", "en") == (None, None)


# ---------------------------------------------------------------- data


def test_every_language_has_its_data() -> None:
    data = langdata.load("when")
    for code in LANGS:
        assert code in data, code
        for key in ("day", "week", "month", "year", "ago", "weekday", "month_name",
                    "future_cues", "clause_breaks", "range_joiners", "month_parts"):
            assert key in data[code], (code, key)
        lg = when._lang(code)                  # every pattern compiles
        assert len(set(lg.weekdays.values())) == 7 and len(set(lg.months.values())) == 12


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    if hasattr(value, "items"):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    return []


@pytest.mark.parametrize("code", LANGS)
def test_weekday_names_are_not_typed_in_the_data(code: str) -> None:
    names = {n.casefold() for n in get_day_names("wide", "format", locale=code).values()}
    text = " ".join(_strings(langdata.load("when")[code])).casefold()
    assert not [n for n in names if n in text]


# ---------------------------------------------------------------- seed documents


def _seed(name: str) -> str:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed {name} not available")
    return path.read_text(encoding="utf-8")


def _sentence_with(text: str, words: str) -> str:
    i = text.index(words)
    start = max(text.rfind("\n", 0, i), text.rfind(". ", 0, i)) + 1
    end = text.find("\n", i)
    return text[start:end if end >= 0 else len(text)]


def test_seed_teleSUR_meeting_on_wednesday() -> None:
    text = _seed("003_3926136115c42c37.txt")
    s = _sentence_with(text, "held a meeting on Wednesday")
    assert event_date(s, "en", D("2023-09-21")) == (span("2023-09-20"), "relative")


def test_seed_remarks_on_friday_and_dateline() -> None:
    text = _seed("000_341a0cb18d61d2f9.txt")
    s = _sentence_with(text, "He made these remarks on Friday")
    assert event_date(s, "en", D("2023-09-30")) == (span("2023-09-29"), "relative")
    assert dateline(text, "en") == (None, "Moscow")


def test_seed_swedish_blog_dates() -> None:
    text = _seed("002_7c1bd9df277c0756.txt")
    s = _sentence_with(text, "Putin talade i Moskva")
    assert event_date(s, "sv", D("2023-11-17")) == (span("2023-09-29"), "absolute")
    s = _sentence_with(text, "den 16 oktober 2023")
    assert event_date(s, "sv", D("2023-11-17")) == (span("2023-10-16"), "absolute")


def test_seed_channel_datelines_and_last_december() -> None:
    text = _seed("004_15bc1a7ff6d97cc3.txt")
    assert dateline(text, "en") == (D("2023-03-30"), "Moscow")
    i = text.index("📍 Managua")
    post = text[i:]
    ref, place = dateline(post, "en")
    assert (ref, place) == (D("2023-04-19"), "Managua")
    s = _sentence_with(post, "This foundation was built last December")
    assert event_date(s, "en", ref) == (span(DEC_2022), "relative")
    i = text.index("🎙 Statement by Foreign Minister Sergey Lavrov during the UN")
    assert dateline(text[i:], "en") == (D("2024-07-16"), "New York")
    s = _sentence_with(text, "On February 21-22")
    assert event_date(s, "en", None) == (None, "none")


@pytest.mark.parametrize("lang,text,first,last", [
    ("en", "In early January the ministers met in Brasília.", 1, 10),
    ("en", "The talks took place in mid-January.", 11, 20),
    ("es", "Los cancilleres se reunieron a finales de enero.", 21, 31),
    ("pt", "No fim de janeiro, Lula recebeu o chanceler alemão.", 21, 31),
    ("ru", "В конце января состоялась встреча министров.", 21, 31),
    ("fr", "Les deux ministres se sont rencontrés début janvier.", 1, 10),
    ("sv", "Ministrarna träffades i mitten av januari.", 11, 20),
    ("de", "Die Minister trafen sich Ende Januar.", 21, 31),
])
def test_a_part_of_a_month_is_its_third(lang: str, text: str, first: int, last: int) -> None:
    span, _how = when.event_date(text, lang, dt.date(2023, 2, 10))
    assert span == DaySpan(dt.date(2023, 1, first), dt.date(2023, 1, last))


@pytest.mark.parametrize("lang,text,dated", [
    ("ru", "Накануне госсекретарь США пригрозил Пекину новыми санкциями.", True),
    ("ru", "Накануне переговоров Лавров был принят наследным принцем.", False),
    ("es", "La víspera, el canciller se reunió con su homólogo.", True),
    ("fr", "La veille, le ministre avait rencontré son homologue.", True),
])
def test_the_day_before(lang: str, text: str, dated: bool) -> None:
    """"накануне" alone is the day before; "накануне переговоров" is the eve of an event."""
    span, _how = when.event_date(text, lang, dt.date(2024, 5, 16))
    assert (span == DaySpan.day(dt.date(2024, 5, 15))) if dated else span is None
