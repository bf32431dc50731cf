"""Language of documents and channel posts."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.config import Config
from dyad.metadata import language
from dyad.metadata.language import classify, detect, normalise_code, prepare
from dyad.records import Document, Given, Post
from dyad.stage import Context

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
ALL = Config().languages

SENTENCES = {
    "en": "The foreign ministers met in Moscow on Thursday and agreed to expand trade "
          "and investment between their countries.",
    "es": "Los cancilleres se reunieron el jueves en Moscú y acordaron ampliar el comercio "
          "y las inversiones entre sus países.",
    "pt": "Os chanceleres reuniram-se na quinta-feira em Moscou e concordaram em ampliar o "
          "comércio e os investimentos entre os seus países.",
    "ru": "Министры иностранных дел встретились в четверг в Москве и договорились "
          "расширять торговлю и инвестиции между странами.",
    "fr": "Les ministres des Affaires étrangères se sont rencontrés jeudi à Moscou et ont "
          "convenu de développer le commerce entre leurs pays.",
    "sv": "Utrikesministrarna möttes i Moskva på torsdagen och kom överens om att utöka "
          "handeln och investeringarna mellan länderna.",
    "de": "Die Außenminister trafen sich am Donnerstag in Moskau und vereinbarten, den "
          "Handel und die Investitionen zwischen ihren Ländern auszubauen.",
    "it": "I ministri degli Esteri si sono incontrati giovedì a Mosca e hanno concordato "
          "di ampliare il commercio e gli investimenti tra i loro paesi.",
}


def make(raw: str, **given: str) -> Document:
    d = Document(file="t.txt", source_path="t.txt", fmt="txt", raw_text=raw, given=Given(**given))
    d.text = raw
    return d


@pytest.mark.parametrize("code", sorted(SENTENCES))
def test_every_language(code: str) -> None:
    assert classify(SENTENCES[code], ALL) == code
    d = make(SENTENCES[code])
    detect(d, Context())
    assert d.language == code


def test_identifier_is_built_once_per_language_set() -> None:
    assert language.identifier(("en", "es")) is language.identifier(("en", "es"))
    assert language.identifier(("en", "es")) is not language.identifier(ALL)


def test_restricted_to_the_configured_languages() -> None:
    only = ("es", "pt")
    assert classify(SENTENCES["it"], only) in only
    d = make(SENTENCES["it"])
    detect(d, Context(config=Config(languages=only)))
    assert d.language in only


def test_unknown_codes_in_the_config_are_ignored() -> None:
    assert classify(SENTENCES["sv"], ("sv", "en", "zz")) == "sv"


def test_manifest_language_wins() -> None:
    d = make(SENTENCES["es"], language="pt-BR")
    detect(d, Context())
    assert d.language == "pt"
    assert normalise_code("PT_br") == "pt" and normalise_code("español") is None


def test_urls_tags_handles_and_emoji_are_ignored() -> None:
    noisy = ("🇷🇺🇧🇷 #RussiaBrazil @MFA_Russia https://mid.ru/en/foreign_policy/news/1234567/ "
             + SENTENCES["pt"] + " 👍 🔥 #BRICS https://t.me/MFARussia/5")
    assert "#" not in prepare(noisy) and "http" not in prepare(noisy) and "🔥" not in prepare(noisy)
    assert classify(noisy, ALL) == "pt"


def test_short_text_is_not_guessed() -> None:
    assert classify("👍 #BRICS https://t.me/x", ALL) is None
    assert classify("Read in full", ALL) is None


def test_channel_language_is_that_of_most_post_text() -> None:
    posts = [Post(0, SENTENCES["ru"] * 3, text=SENTENCES["ru"] * 3),
             Post(1, SENTENCES["en"], text=SENTENCES["en"]),
             Post(2, "👍 Подробнее", text="👍 Подробнее"),                # too short
             Post(3, SENTENCES["en"], text=SENTENCES["en"], duplicate_of=1),
             Post(4, SENTENCES["es"], text=SENTENCES["es"])]
    d = Document("c.json", "c.json", "telegram-json", "", posts=posts)
    d.text = "\n\n".join(p.text for p in posts)
    detect(d, Context())
    assert d.language == "ru"
    assert [p.language for p in posts] == ["ru", "en", "ru", "en", "es"]


def test_channel_posts_keep_their_own_language_when_the_manifest_gives_one() -> None:
    posts = [Post(0, SENTENCES["fr"], text=SENTENCES["fr"]),
             Post(1, SENTENCES["de"], text=SENTENCES["de"])]
    d = Document("c.json", "c.json", "telegram-json", "", given=Given(language="de"), posts=posts)
    detect(d, Context())
    assert d.language == "de"
    assert [p.language for p in posts] == ["fr", "de"]


def test_seed_languages() -> None:
    if not SEEDS.is_dir():
        pytest.skip("seed corpus absent")
    want = {"000": "en", "001": "en", "002": "sv", "003": "en", "004": "en"}
    for f in sorted(SEEDS.glob("*.txt")):
        d = make(f.read_text(encoding="utf-8"))
        detect(d, Context())
        assert d.language == want[f.name[:3]], f.name


def test_numpy_byte_walk_counts_as_py3langid() -> None:
    """The numpy walk of `byte_ngrams` gives py3langid's own feature counts, in order."""
    import random

    from py3langid.langid import visit_counts

    from dyad.metadata.byte_ngrams import FastIdentifier

    ident = language.identifier(tuple(ALL))
    if not isinstance(ident, FastIdentifier):
        pytest.skip("installed py3langid keeps its automaton otherwise")
    rng = random.Random(8)
    texts = [s.encode() for s in SENTENCES.values()]
    texts += [" ".join(SENTENCES.values()).encode() * 3, b"", b"a", "Ё".encode()]
    texts += [bytes(rng.randrange(256) for _ in range(rng.randint(0, 90))) for _ in range(300)]
    texts += [bytes(rng.choice(b"ab c.\xd0\xb0\xc3\xa9") for _ in range(rng.randint(1, 70)))
              for _ in range(300)]
    rowbase = [r << 8 for r in ident.tk_row]
    for data in texts:
        want = visit_counts(ident.tk_nextmove, rowbase, ident.tk_output, data)
        got = ident.feature_counts(data)
        assert (list(want.items()) if want else None) == (list(got.items()) if got else None)
