"""The actor codebook and role data of every language (issue 4): `lang/<code>/actors.yaml` and
`lang/<code>/roles.yaml` are well formed, use only the codes of the shared actor codebook, are
broad enough for held-out text, avoid ambiguous lowercase words, and can be matched (Russian
forms survive pymorphy3 lemmatisation; inflected text finds them). Checks the DATA only, with a
tiny matcher of its own; the matching engine is tested in test_actors.py."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import iso3166
import pytest
import yaml
from babel import Locale

LANGS = ("en", "es", "pt", "ru", "fr", "sv", "de", "it")
SHARED = Path(__file__).resolve().parents[2] / "shared"

# The codes of shared/eval/actors.yaml (copied: the shared folder may be absent in CI).
REGIONS = {"LAC", "WST", "EUR", "GLS", "AFR", "ASI", "MEA", "INT"}
ORGANISATIONS = {
    "UN", "UNSC", "UNGA", "UNHRC", "IAEA", "WHO", "WTO", "ICC", "ICJ", "IMF", "WB", "NDB", "AIIB",
    "BRICS", "SCO", "G7", "G20", "G77", "NAM", "OPEC", "EU", "NATO", "OSCE", "COE", "EAEU", "CIS",
    "CSTO", "UNION_STATE", "ASEAN", "APEC", "AU", "ARL", "GCC", "OIC", "OAS", "CELAC", "UNASUR",
    "MERCOSUR", "ALBA", "CARICOM", "SICA", "PACALL", "ANDEAN", "ALADI", "ECLAC", "PETROCARIBE",
    "OTCA"}
SUB_STATE = {"SRPSKA", "PRI", "DPR", "LPR", "ABKHAZIA", "SOUTH_OSSETIA", "TRANSNISTRIA"}

ACTOR_KEYS = {"states", "adjectives", "metonyms", "organisations", "regions"}
ROLE_KEYS = {"roles", "connectors", "host_connectors", "possessive", "pronouns", "person_nouns",
             "institutions"}
CORE_ROLES = {"head_of_state", "head_of_government", "foreign_minister", "deputy_foreign_minister",
              "minister", "spokesperson", "ambassador", "special_representative",
              "security_council_secretary", "charge_daffaires", "official"}

# every state of Latin America and the Caribbean, and the big ones of the beat
LAC_STATES = {"ATG", "ARG", "BHS", "BRB", "BLZ", "BOL", "BRA", "CHL", "COL", "CRI", "CUB", "DMA",
              "DOM", "ECU", "SLV", "GRD", "GTM", "GUY", "HTI", "HND", "JAM", "MEX", "NIC", "PAN",
              "PRY", "PER", "KNA", "LCA", "VCT", "SUR", "TTO", "URY", "VEN"}
KEY_STATES = LAC_STATES | {"RUS", "USA", "CHN", "UKR", "BLR", "IND", "BRA"}
# English has no adjective for Dominica distinct from the Dominican Republic's "Dominican".
NO_ADJECTIVE = {("en", "DMA")}

# Country names that are also common lowercase words: only ever written capitalised.
AMBIGUOUS = {"chile", "china", "turkey", "georgia", "jordan", "chad", "niger", "guinea"}
# ... except where the lowercase word IS that country's adjective in the language
# (Spanish "la parte china" = the Chinese side).
AMBIGUOUS_OK = {("es", "adjectives", "CHN", "china")}


# ------------------------------------------------------------------ loading


def _raw(lang: str, topic: str) -> dict[str, Any]:
    f = resources.files("dyad.lang") / lang / f"{topic}.yaml"
    assert f.is_file(), f"missing {lang}/{topic}.yaml"
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@cache
def actors(lang: str) -> dict[str, Any]:
    return _raw(lang, "actors")


@cache
def roles(lang: str) -> dict[str, Any]:
    return _raw(lang, "roles")


@cache
def cldr(lang: str) -> dict[str, str]:
    """{alpha-3: CLDR name} of the ISO states in one language."""
    out = {}
    for a2, name in Locale.parse(lang).territories.items():
        c = iso3166.countries_by_alpha2.get(a2)
        if c is not None and len(a2) == 2:
            out[c.alpha3] = name
    return out


def all_forms(lang: str) -> list[tuple[str, str, str]]:
    """(section, code, form) of every form of a language's codebook."""
    data = actors(lang)
    return [(sec, code, f) for sec in sorted(ACTOR_KEYS)
            for code, forms in (data.get(sec) or {}).items() for f in forms]


# ------------------------------------------------------------ a tiny matcher

_TOKEN = re.compile(r"\w+|[^\w\s]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


@cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold().replace("й", "\0")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", s).replace("\0", "й")


@cache
def lemma(word: str) -> str:
    return _morph().parse(word)[0].normal_form


def key(word: str) -> str:
    return fold(lemma(word)) if _CYRILLIC.search(word) else fold(word)


def keys(text: str) -> tuple[str, ...]:
    return tuple(key(w) for w in _TOKEN.findall(text))


def case_of(form: str) -> str:
    letters = [c for c in form if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "upper"
    return "cap" if form[:1].isupper() else "any"


@cache
def table(lang: str) -> dict[tuple[str, ...], set[tuple[str, str]]]:
    """token keys -> {(code, case)} of every form (CLDR names, codebook, roles)."""
    out: dict[tuple[str, ...], set[tuple[str, str]]] = {}
    for code, name in cldr(lang).items():
        out.setdefault(keys(name), set()).add((code, "cap"))
    for _, code, f in all_forms(lang):
        out.setdefault(keys(f), set()).add((code, case_of(f)))
    for role, forms in roles(lang)["roles"].items():
        for f in forms:
            out.setdefault(keys(f), set()).add(("role:" + role, case_of(f)))
    return out


def names(text: str, lang: str) -> set[str]:
    """Codes (and "role:<key>") of every form whose tokens occur in `text`."""
    words = _TOKEN.findall(text)
    ks = [key(w) for w in words]
    t, found = table(lang), set()
    longest = max(len(k) for k in t)
    for i in range(len(ks)):
        for n in range(1, min(longest, len(ks) - i) + 1):
            for code, case in t.get(tuple(ks[i:i + n]), ()):
                span = [w for w in words[i:i + n] if w[:1].isalpha()]
                if case == "upper" and not all(w.isupper() for w in span):
                    continue
                if case == "cap" and not words[i][:1].isupper():
                    continue
                found.add(code)
    return found


# ------------------------------------------------------------------- shape


@pytest.mark.parametrize("lang", LANGS)
def test_files_parse_with_only_the_allowed_keys(lang: str) -> None:
    assert set(actors(lang)) == ACTOR_KEYS
    assert set(roles(lang)) <= ROLE_KEYS
    assert {"roles", "connectors", "possessive", "pronouns", "person_nouns"} <= set(roles(lang))


@pytest.mark.parametrize("lang", LANGS)
def test_every_value_is_a_clean_list_of_forms(lang: str) -> None:
    for sec in ACTOR_KEYS:
        for code, forms in actors(lang)[sec].items():
            assert isinstance(code, str) and isinstance(forms, list) and forms, (sec, code)
            assert all(isinstance(f, str) and f and f == f.strip() and "\n" not in f
                       for f in forms), (sec, code, forms)
            assert len(set(forms)) == len(forms), (sec, code, forms)
    r = roles(lang)
    for top in ("roles", "person_nouns", "institutions"):
        for k, forms in (r.get(top) or {}).items():
            assert forms and all(isinstance(f, str) and f == f.strip() for f in forms), (top, k)
            assert len(set(forms)) == len(forms), (top, k)
    for top in ("connectors", "host_connectors", "possessive"):
        assert all(isinstance(f, str) and f for f in r.get(top) or []), top
    assert set(r["pronouns"]) == {"m", "f"} and r["pronouns"]["m"] and r["pronouns"]["f"]


@pytest.mark.parametrize("lang", LANGS)
def test_codes_are_iso_states_or_codebook_codes(lang: str) -> None:
    data = actors(lang)
    iso = {c.alpha3 for c in iso3166.countries}
    for sec in ("states", "adjectives"):
        bad = [c for c in data[sec] if c not in iso and c not in SUB_STATE]
        assert not bad, (sec, bad)
    bad = [c for c in data["metonyms"] if c not in iso | SUB_STATE | ORGANISATIONS]
    assert not bad, bad
    assert set(data["organisations"]) <= ORGANISATIONS
    assert set(data["regions"]) <= REGIONS


@pytest.mark.parametrize("lang", LANGS)
def test_every_organisation_and_region_is_named(lang: str) -> None:
    assert set(actors(lang)["organisations"]) == ORGANISATIONS
    assert set(actors(lang)["regions"]) == REGIONS


@pytest.mark.parametrize("lang", LANGS)
def test_key_states_have_adjectives(lang: str) -> None:
    missing = sorted(c for c in KEY_STATES - set(actors(lang)["adjectives"])
                     if (lang, c) not in NO_ADJECTIVE)
    assert not missing, missing


@pytest.mark.parametrize("lang", LANGS)
def test_coverage_is_broad(lang: str) -> None:
    data = actors(lang)
    assert len(data["adjectives"]) >= 140
    assert len(data["metonyms"]) >= 90
    assert len(data["states"]) >= 40
    assert sum(len(v) for v in data["organisations"].values()) >= 120
    assert CORE_ROLES <= set(roles(lang)["roles"])
    assert set(roles(lang)["person_nouns"]) <= set(roles(lang)["roles"])
    assert len(roles(lang).get("institutions") or {}) >= 6


# ------------------------------------------------------------- correctness


@pytest.mark.parametrize("lang", LANGS)
def test_no_lowercase_form_of_an_ambiguous_country_name(lang: str) -> None:
    bad = []
    for sec, code, f in all_forms(lang):
        if f[:1].isupper():
            continue
        for w in re.findall(r"\w+", f):
            if w in AMBIGUOUS and (lang, sec, code, w) not in AMBIGUOUS_OK:
                bad.append((sec, code, f))
    assert not bad, bad


@pytest.mark.parametrize("lang", LANGS)
def test_cldr_names_are_not_repeated(lang: str) -> None:
    names_ = cldr(lang)
    bad = [(c, f) for c, forms in actors(lang)["states"].items() for f in forms
           if names_.get(c) == f]
    assert not bad, bad


@pytest.mark.parametrize("lang", LANGS)
def test_no_form_names_two_actors(lang: str) -> None:
    seen: dict[str, str] = {}
    clash = []
    for c, name in cldr(lang).items():
        seen.setdefault(name.casefold(), c)
    for _, code, f in all_forms(lang):
        other = seen.setdefault(f.casefold(), code)
        if other != code:
            clash.append((f, other, code))
    assert not clash, clash


def test_russian_forms_are_lemma_stable() -> None:
    """Every Cyrillic word (acronyms aside: they match as written) is a fixed point of
    lemmatisation once lemmatised, so the engine's lemma keys are stable."""
    forms = [f for _, _, f in all_forms("ru")]
    r = roles("ru")
    for top in ("roles", "person_nouns", "institutions"):
        forms += [f for v in (r.get(top) or {}).values() for f in v]
    forms += r["pronouns"]["m"] + r["pronouns"]["f"]
    bad = []
    for f in forms:
        for w in _TOKEN.findall(f):
            if not _CYRILLIC.search(w) or (w.isupper() and len(w) > 1):
                continue
            k = key(w)
            if key(k) != k:
                bad.append((f, w, k, key(k)))
    assert not bad, bad


@pytest.mark.parametrize("phrase,code", [
    ("в Латинской Америке", "LAC"), ("латиноамериканских стран", "LAC"),
    ("Карибского бассейна", "LAC"), ("коллективного Запада", "WST"), ("западных стран", "WST"),
    ("Совета Безопасности ООН", "UNSC"), ("Генеральной Ассамблее ООН", "UNGA"),
    ("российского лидера", "RUS"), ("венесуэльской стороны", "VEN"), ("кубинцев", "CUB"),
    ("бразильцам", "BRA"), ("Евросоюза", "EU"), ("Еврокомиссией", "EU"),
    ("Шанхайской организации сотрудничества", "SCO"), ("Соединённых Штатов Америки", "USA"),
    ("Штатов", "USA"), ("Белоруссии", "BLR"), ("Южной Кореи", "KOR"), ("в Кремле", "RUS"),
    ("на Смоленской площади", "RUS"), ("Белого дома", "USA"), ("развивающихся стран", "GLS"),
    ("Глобального Юга", "GLS"), ("мирового сообщества", "INT"), ("Ближнего Востока", "MEA"),
    ("Евразийского экономического союза", "EAEU"),
    ("Организации Договора о коллективной безопасности", "CSTO"), ("в Кот-д'Ивуаре", "CIV"),
    ("посетил Астану", "KAZ"), ("ДНР", "DPR"), ("Приднестровья", "TRANSNISTRIA"),
    ("Республики Никарагуа", "NIC"), ("Кыргызстана", "KGZ"), ("Молдавии", "MDA"),
    ("Поднебесной", "CHN"), ("в Госдуме", "RUS"), ("Меркосуре", "MERCOSUR"),
    ("министра иностранных дел", "role:foreign_minister"),
    ("замминистра иностранных дел", "role:deputy_foreign_minister"),
    ("временного поверенного в делах", "role:charge_daffaires"),
    ("официального представителя", "role:spokesperson"),
    ("спецпредставителя", "role:special_representative"),
    ("премьер-министра", "role:head_of_government"), ("послом", "role:ambassador"),
    ("секретаря Совета безопасности", "role:security_council_secretary"),
])
def test_inflected_russian_text_finds_the_form(phrase: str, code: str) -> None:
    assert code in names(phrase, "ru")


SENTENCES = {
    "en": ("Russian Foreign Minister Sergey Lavrov met his Nicaraguan counterpart in Managua; the "
           "Kremlin said BRICS and the Eurasian Economic Union welcome Latin American and "
           "Caribbean states, while the collective West and the U.S. kept sanctions.",
           {"RUS", "NIC", "BRICS", "EAEU", "LAC", "WST", "USA", "role:foreign_minister"}),
    "es": ("El canciller venezolano se reunió en Moscú con representantes de la OTAN, la Unión "
           "Europea y la CELAC; EE.UU. y el Occidente colectivo impusieron sanciones a La Habana.",
           {"VEN", "RUS", "NATO", "EU", "CELAC", "USA", "WST", "CUB", "role:foreign_minister"}),
    "pt": ("O Itamaraty informou que o chanceler brasileiro viajará aos EUA para a cúpula do "
           "Mercosul e do BRICS com países latino-americanos e o Sul Global.",
           {"BRA", "USA", "MERCOSUR", "BRICS", "LAC", "GLS", "role:foreign_minister"}),
    "ru": ("Министр иностранных дел РФ провёл переговоры с венесуэльским коллегой в Каракасе; "
           "Совбез ООН и коллективный Запад обсуждали ситуацию в Латинской Америке.",
           {"RUS", "VEN", "UNSC", "WST", "LAC", "role:foreign_minister"}),
    "fr": ("Le ministre russe des Affaires étrangères a rencontré à Brasilia des représentants de "
           "l'Union européenne et de l'Otan ; les pays occidentaux et l'Amérique latine divergent.",
           {"RUS", "BRA", "EU", "NATO", "WST", "LAC", "role:minister"}),
    "sv": ("Rysslands utrikesminister träffade den venezuelanska utrikesministern i Moskva; USA:s "
           "sanktioner och västvärldens press mot Latinamerika fördömdes i FN.",
           {"RUS", "VEN", "USA", "WST", "LAC", "UN", "role:foreign_minister"}),
    "de": ("Der russische Außenminister traf in Brasília Vertreter der Europäischen Union und der "
           "Nato; Russlands Kritik richtete sich gegen die USA und den kollektiven Westen.",
           {"RUS", "BRA", "EU", "NATO", "USA", "WST", "role:foreign_minister"}),
    "it": ("Il ministro degli Esteri russo ha incontrato a Caracas il presidente venezuelano; "
           "l'Unione europea e gli Stati Uniti tacciono, l'Occidente collettivo pure.",
           {"RUS", "VEN", "EU", "USA", "WST", "role:foreign_minister", "role:head_of_state"}),
}


@pytest.mark.parametrize("lang", LANGS)
def test_sentences_of_each_language_name_their_actors(lang: str) -> None:
    text, expected = SENTENCES[lang]
    got = names(text, lang)
    assert expected <= got, expected - got


@pytest.mark.parametrize("lang,text", [
    ("en", "She planted a chile in a china pot near the turkey farm in georgia."),
    ("en", "Please jordan the chad and niger guinea."),
    ("es", "Comimos chile con turrón."),
])
def test_lowercase_common_words_name_no_state(lang: str, text: str) -> None:
    got = {c for c in names(text, lang) if not c.startswith("role:")}
    assert not got & {"CHL", "CHN", "TUR", "GEO", "JOR", "TCD", "NER", "GIN"}, got


def test_seed_documents_name_their_event_actors() -> None:
    """Every actor of a gold event in the development documents is named in its document by
    some form of the data (or CLDR)."""
    gold_path, seeds = SHARED / "eval" / "seeds.gold.yaml", SHARED / "corpus" / "seeds"
    if not gold_path.is_file() or not seeds.is_dir():
        pytest.skip("shared evaluation material absent")
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    missing = []
    for doc in gold["documents"]:
        text = (seeds / doc["file"]).read_text(encoding="utf-8")
        found = names(text, doc["language"])
        for ev in doc.get("events") or []:
            for code in (ev["source"], ev["target"]):
                if code not in found:
                    missing.append((doc["file"], code))
    assert not missing, missing
