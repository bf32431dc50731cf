"""Checks on the people registry `src/dyad/data/people.yaml`: its format (codes, genders, role
keys, dates), that no name form points to two people, that a surname listed on its own is not
shared with anyone else, coverage of the states of the beat, and that the people of the seed
answer key are present with their acts_for and the name forms the seed texts use."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

SHARED = Path(__file__).resolve().parents[2] / "shared"

# Codes of shared/eval/actors.yaml for what is not a state (copied: shared/ may be absent in CI;
# `test_org_codes_match_shared_codebook` checks the copy when it is there).
ACTOR_CODES = frozenset("""
LAC WST EUR GLS AFR ASI MEA INT
UN UNSC UNGA UNHRC IAEA WHO WTO ICC ICJ IMF WB NDB AIIB BRICS SCO G7 G20 G77 NAM OPEC EU NATO
OSCE COE EAEU CIS CSTO UNION_STATE ASEAN APEC AU ARL GCC OIC OAS CELAC UNASUR MERCOSUR ALBA
CARICOM SICA PACALL ANDEAN ALADI ECLAC PETROCARIBE OTCA
SRPSKA PRI DPR LPR ABKHAZIA SOUTH_OSSETIA TRANSNISTRIA
""".split())

ROLE_KEYS = frozenset({
    "head_of_state", "head_of_government", "foreign_minister", "deputy_foreign_minister",
    "minister", "spokesperson", "ambassador", "special_representative",
    "security_council_secretary", "charge_daffaires", "official",
})
ENTRY_KEYS = frozenset({"name", "acts_for", "gender", "roles", "names"})
ROLE_ENTRY_KEYS = frozenset({"role", "title", "from", "to", "acts_for"})

# The 33 states of Latin America and the Caribbean.
LAC_STATES = frozenset("""
ATG ARG BHS BRB BLZ BOL BRA CHL COL CRI CUB DMA DOM ECU SLV GRD GTM GUY HTI HND JAM MEX NIC PAN
PRY PER KNA LCA VCT SUR TTO URY VEN
""".split())
# States whose foreign minister for 2022-2025 is not (yet) in the registry: the name could not
# be confirmed. Shrink this set; never grow it.
FOREIGN_MINISTER_GAPS = frozenset({"VCT"})

# The people of shared/eval/seeds.gold.yaml: canonical name, acts_for, and the name forms the
# seed texts use for them (each must be a match form of that person).
GOLD_PEOPLE = {
    "putin": ("Vladimir Putin", "RUS", ["Vladimir Putin", "Putin"]),
    "lavrov": ("Sergey Lavrov", "RUS", ["Sergey Lavrov", "Sergei Lavrov", "Lavrov"]),
    "shoigu": ("Sergey Shoigu", "RUS", ["Sergey Shoigu"]),
    "logvinov": ("Kirill Logvinov", "RUS", ["Kirill Logvinov"]),
    "gil": ("Yván Gil", "VEN", ["Yván Gil", "Yvan Gil"]),
    "moncada": ("Denis Moncada Colindres", "NIC", ["Denis Moncada Colindres"]),
    "lortega": ("Laureano Ortega", "NIC", ["Laureano Ortega"]),
    "acosta": ("Iván Acosta", "NIC", ["Ivan Acosta"]),
}

# People the beat cannot do without, with the actor they act for.
KEY_PEOPLE = {
    "Sergey Lavrov": "RUS", "Vladimir Putin": "RUS", "Mikhail Mishustin": "RUS",
    "Maria Zakharova": "RUS", "Dmitry Peskov": "RUS", "Yuri Ushakov": "RUS",
    "Nikolai Patrushev": "RUS", "Dmitry Medvedev": "RUS", "Andrey Belousov": "RUS",
    "Vyacheslav Volodin": "RUS", "Valentina Matviyenko": "RUS", "Vasily Nebenzya": "RUS",
    "Anatoly Antonov": "RUS", "Alexander Darchiev": "RUS", "Alexander Shchetinin": "RUS",
    "Sergey Ryabkov": "RUS", "Andrey Rudenko": "RUS", "Mikhail Galuzin": "RUS",
    "Alexander Grushko": "RUS", "Alexander Pankin": "RUS", "Sergey Vershinin": "RUS",
    "Mikhail Bogdanov": "RUS", "Georgy Borisenko": "RUS",
    "Nicolás Maduro": "VEN", "Delcy Rodríguez": "VEN", "Carlos Faría": "VEN",
    "Miguel Díaz-Canel": "CUB", "Bruno Rodríguez Parrilla": "CUB",
    "Daniel Ortega": "NIC", "Rosario Murillo": "NIC",
    "Luiz Inácio Lula da Silva": "BRA", "Mauro Vieira": "BRA", "Celso Amorim": "BRA",
    "Gustavo Petro": "COL", "Claudia Sheinbaum": "MEX", "Javier Milei": "ARG",
    "Joe Biden": "USA", "Donald Trump": "USA", "Antony Blinken": "USA", "Marco Rubio": "USA",
    "Xi Jinping": "CHN", "Wang Yi": "CHN", "Volodymyr Zelensky": "UKR", "Dmytro Kuleba": "UKR",
    "Andrii Sybiha": "UKR", "Andriy Yermak": "UKR", "Alexander Lukashenko": "BLR",
    "Recep Tayyip Erdoğan": "TUR", "Hakan Fidan": "TUR",
    "Ursula von der Leyen": "EU", "Josep Borrell": "EU", "Kaja Kallas": "EU",
    "Charles Michel": "EU", "António Costa": "EU",
    "António Guterres": "UN", "Stéphane Dujarric": "UN",
    "Jens Stoltenberg": "NATO", "Mark Rutte": "NATO",
}

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
ROMAN_NUMERAL = re.compile(r"\b[IVXL]+\.?(?!\w)")
PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?")


def fold(text: str) -> str:
    """Case- and accent-folded, spaces collapsed (ё counts as е)."""
    text = text.translate(str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                                         "ё": "е", "Ё": "Е"}))
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text.casefold()).strip()


@pytest.fixture(scope="module")
def people() -> list[dict[str, Any]]:
    path = resources.files("dyad") / "data" / "people.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, list) and data
    return data


@pytest.fixture(scope="module")
def by_name(people: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in people}


def forms(person: dict[str, Any]) -> list[str]:
    return [person["name"], *person["names"]]


def date_bounds(value: Any) -> tuple[dt.date, dt.date] | None:
    """(earliest, latest) day a from/to value can mean; None for null; raises if malformed."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value, value
    assert isinstance(value, str), f"date {value!r} must be a YAML date or a 'YYYY[-MM]' string"
    m = PARTIAL_DATE.fullmatch(value)
    assert m, f"malformed date {value!r}"
    year, month = int(m.group(1)), m.group(2)
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    mo = int(month)
    last = (dt.date(year + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1))
    return dt.date(year, mo, 1), last


def is_code(code: Any) -> bool:
    iso3166 = pytest.importorskip("iso3166")
    if not isinstance(code, str):
        return False
    if code in ACTOR_CODES:
        return True
    return len(code) == 3 and code.isupper() and code in iso3166.countries_by_alpha3


def test_registry_is_large(people: list[dict[str, Any]]) -> None:
    assert len(people) >= 200


def test_entries_have_the_format(people: list[dict[str, Any]]) -> None:
    for p in people:
        assert set(p) == ENTRY_KEYS, p.get("name")
        assert isinstance(p["name"], str) and p["name"].strip() == p["name"] and p["name"]
        assert not CYRILLIC.search(p["name"]), f"{p['name']}: canonical name must be Latin script"
        assert p["gender"] in ("m", "f"), p["name"]
        assert isinstance(p["names"], list), p["name"]


def test_acts_for_codes_are_states_or_codebook_codes(people: list[dict[str, Any]]) -> None:
    for p in people:
        assert is_code(p["acts_for"]), f"{p['name']}: unknown acts_for {p['acts_for']!r}"
        for r in p["roles"]:
            if "acts_for" in r:
                assert is_code(r["acts_for"]), f"{p['name']}: unknown role acts_for {r['acts_for']!r}"
                assert r["acts_for"] != p["acts_for"], f"{p['name']}: redundant role acts_for"


def test_roles_have_known_keys_and_valid_dates(people: list[dict[str, Any]]) -> None:
    for p in people:
        assert isinstance(p["roles"], list) and p["roles"], p["name"]
        for r in p["roles"]:
            assert isinstance(r, dict) and set(r) <= ROLE_ENTRY_KEYS, (p["name"], r)
            assert {"role", "title", "from", "to"} <= set(r), (p["name"], r)
            assert r["role"] in ROLE_KEYS, (p["name"], r["role"])
            assert isinstance(r["title"], str) and r["title"].strip(), (p["name"], r)
            start, end = date_bounds(r["from"]), date_bounds(r["to"])
            for b in (start, end):
                if b:
                    assert dt.date(1940, 1, 1) <= b[0] <= dt.date(2026, 12, 31), (p["name"], r)
            if start and end:
                assert start[0] <= end[1], f"{p['name']}: {r['title']} ends before it starts"


def test_names_are_clean_lists_without_duplicates(people: list[dict[str, Any]]) -> None:
    for p in people:
        names = p["names"]
        assert names or p["name"], p["name"]
        for n in names:
            assert isinstance(n, str) and n, p["name"]
            assert n == re.sub(r"\s+", " ", n).strip(), f"{p['name']}: untidy spacing in {n!r}"
            letters = ROMAN_NUMERAL.sub("", n)  # "Карл III": regnal numbers are Latin letters
            assert not (CYRILLIC.search(letters) and LATIN.search(letters)), \
                f"{p['name']}: mixed scripts in {n!r}"
        assert len(names) == len(set(names)), f"{p['name']}: duplicate name forms"
        assert p["name"] not in names, f"{p['name']}: canonical name repeated in names"


def test_every_person_has_a_name_in_some_form(people: list[dict[str, Any]]) -> None:
    assert all(forms(p) for p in people)


def test_no_name_form_belongs_to_two_people(people: list[dict[str, Any]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for p in people:
        for n in forms(p):
            owners[fold(n)].add(p["name"])
    shared = {n: sorted(o) for n, o in owners.items() if len(o) > 1}
    assert not shared, shared


def test_canonical_names_are_unique(people: list[dict[str, Any]]) -> None:
    names = [fold(p["name"]) for p in people]
    assert len(names) == len(set(names))


def test_a_lone_surname_is_nobody_elses_name_part(people: list[dict[str, Any]]) -> None:
    """A one-word form ("Lavrov", "Лула") must not be a word of another person's names:
    'Ortega' would be ambiguous between Daniel and Laureano Ortega."""
    owners: dict[str, set[str]] = defaultdict(set)
    for p in people:
        for n in forms(p):
            for word in fold(n).split():
                owners[word].add(p["name"])
    for p in people:
        for n in p["names"]:
            if " " not in n:
                others = owners[fold(n)] - {p["name"]}
                assert not others, f"{p['name']}: lone {n!r} is also part of {sorted(others)}"


def test_russian_people_have_cyrillic_forms(people: list[dict[str, Any]]) -> None:
    for p in people:
        if p["acts_for"] == "RUS":
            assert any(CYRILLIC.search(n) for n in p["names"]), p["name"]


def test_key_people_are_present_with_their_actor(by_name: dict[str, dict[str, Any]]) -> None:
    missing = sorted(set(KEY_PEOPLE) - set(by_name))
    assert not missing, missing
    for name, code in KEY_PEOPLE.items():
        assert by_name[name]["acts_for"] == code, name


def test_every_latin_american_state_has_its_leaders(people: list[dict[str, Any]]) -> None:
    leaders: set[str] = set()
    ministers: set[str] = set()
    for p in people:
        for r in p["roles"]:
            code = r.get("acts_for", p["acts_for"])
            if r["role"] in ("head_of_state", "head_of_government"):
                leaders.add(code)
            if r["role"] == "foreign_minister":
                ministers.add(code)
    assert not LAC_STATES - leaders, sorted(LAC_STATES - leaders)
    assert not LAC_STATES - ministers - FOREIGN_MINISTER_GAPS, sorted(LAC_STATES - ministers)
    assert not FOREIGN_MINISTER_GAPS & ministers, "a gap was filled: shrink FOREIGN_MINISTER_GAPS"


def test_gold_people_are_present(by_name: dict[str, dict[str, Any]]) -> None:
    for slug, (name, code, seen) in GOLD_PEOPLE.items():
        assert name in by_name, slug
        person = by_name[name]
        assert person["acts_for"] == code, slug
        known = {fold(n) for n in forms(person)}
        for form in seen:
            assert fold(form) in known, f"{slug}: {form!r} is not a form of {name}"
            assert form in forms(person), f"{slug}: {form!r} (as written) is not listed"


def test_gold_people_agree_with_the_shared_answer_key() -> None:
    gold_file = SHARED / "eval" / "seeds.gold.yaml"
    if not gold_file.is_file():
        pytest.skip("shared answer key absent")
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    for slug, entry in gold["people"].items():
        assert slug in GOLD_PEOPLE, f"new gold person {slug}: add them to GOLD_PEOPLE"
        name, code, _ = GOLD_PEOPLE[slug]
        assert (entry["name"], entry["acts_for"]) == (name, code), slug


def test_seed_texts_name_their_gold_people(people: list[dict[str, Any]]) -> None:
    """Every person the answer key puts in a seed document's events or quotes is named there
    in one of their registry forms."""
    gold_file = SHARED / "eval" / "seeds.gold.yaml"
    seeds = SHARED / "corpus" / "seeds"
    if not gold_file.is_file() or not seeds.is_dir():
        pytest.skip("shared seeds absent")
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    registry = {p["name"]: p for p in people}
    for doc in gold["documents"]:
        text = (seeds / doc["file"]).read_text(encoding="utf-8")
        slugs = {s for e in doc.get("events", []) for s in e.get("people", [])}
        slugs |= {q["speaker"] for q in doc.get("quotes", []) if q["speaker"] in gold["people"]}
        for slug in slugs:
            person = registry[gold["people"][slug]["name"]]
            found = [n for n in forms(person)
                     if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)]
            assert found, f"{doc['file']}: no registry form of {slug} in the text"


def test_org_codes_match_shared_codebook() -> None:
    actors = SHARED / "eval" / "actors.yaml"
    if not actors.is_file():
        pytest.skip("shared codebook absent")
    book = yaml.safe_load(actors.read_text(encoding="utf-8"))
    codes = {c for key in ("regions", "organisations", "sub_state") for c in book.get(key, {})}
    assert codes == ACTOR_CODES
