"""Quotations (issue 6): quote styles, broken and multi-paragraph quotations, dialogue dashes,
transcripts, 💬 lines and main theses, titles and scare quotes left out, speakers through
reporting verbs, pronouns, roles and institutions, outlets credited, per language. Sentences
written for these tests; the seeds are checked by the golden floors."""

from __future__ import annotations

import pytest

from dyad.pipeline import process_document
from dyad.quotes.lexicon import lexicon, marks
from dyad.quotes.marks import dash_spans, quoted_spans
from dyad.records import Document, Given
from dyad.stage import Context


def _quotes(text: str, lang: str, published: str = "2024-03-01"):
    doc = Document(file="t.txt", source_path="t.txt", fmt="txt", raw_text=text,
                   given=Given(language=lang, published=published))
    process_document(doc, Context())
    return doc


def _spans(text: str) -> list[str]:
    return [text[s.start:s.end] for s in quoted_spans(text, marks())]


@pytest.mark.parametrize("text, inner", [
    ("He said “we will never accept this kind of pressure” today.", "we will never accept this kind of pressure"),
    ('He said "we will never accept this kind of pressure" today.', "we will never accept this kind of pressure"),
    ("Он сказал: «Мы никогда не примем такое давление».", "Мы никогда не примем такое давление"),
    ("Er sagte: „Wir werden diesen Druck niemals akzeptieren“.", "Wir werden diesen Druck niemals akzeptieren"),
    ("Er sagte: »Wir werden diesen Druck niemals akzeptieren«.", "Wir werden diesen Druck niemals akzeptieren"),
    ("Han sa: ”Vi kommer aldrig att acceptera detta tryck”.", "Vi kommer aldrig att acceptera detta tryck"),
    ("Han sa: »Vi kommer aldrig att acceptera detta tryck».", "Vi kommer aldrig att acceptera detta tryck"),
    ("He said ‘Ukraine’s neighbours will never accept it’ today.", "Ukraine’s neighbours will never accept it"),
    ("Er sagte ‚wir akzeptieren das niemals so‘ heute.", "wir akzeptieren das niemals so"),
])
def test_every_quote_style(text: str, inner: str) -> None:
    assert _spans(text) == [inner]


def test_nested_quotes_stay_inside_the_outer_one() -> None:
    text = "«Так называемый „порядок, основанный на правилах“ — это обман», — сказал он."
    assert _spans(text) == ["Так называемый „порядок, основанный на правилах“ — это обман"]
    text = "“They ask us to ‘take sides’, but we will not do it,” she said."
    assert _spans(text) == ["They ask us to ‘take sides’, but we will not do it,"]


def test_a_quotation_over_two_paragraphs() -> None:
    text = "“The first paragraph goes on here.\n\n“And the second one ends it,” he said."
    assert _spans(text) == ["The first paragraph goes on here.\n\n“And the second one ends it,"]


def test_dialogue_dashes() -> None:
    lex = lexicon("ru")
    text = "— Мы внимательно изучаем все предложения, — сказал Песков."
    assert [text[s.start:s.end] for s in dash_spans(text, lex, marks())] == \
        ["Мы внимательно изучаем все предложения"]
    lex = lexicon("sv")
    text = "– Vi hoppas att parterna löser tvisten, säger Peskov."
    assert [text[s.start:s.end] for s in dash_spans(text, lex, marks())] == \
        ["Vi hoppas att parterna löser tvisten"]
    text = "- rejection of hegemony in international affairs;"     # a list item, not speech
    assert dash_spans(text, lexicon("en"), marks()) == []


@pytest.mark.parametrize("lang, text, speaker, words, via", [
    ("en", "Russian President Vladimir Putin spoke in Moscow on Friday.\n\n“Latin America has "
           "always fought for its independence,” he said, as quoted by RT.",
     "Vladimir Putin", "Latin America has always fought", "RT"),
    ("en", "“Brazil is our key partner in the region,” Putin said at the forum, “and we will "
           "keep expanding trade.”", "Vladimir Putin", "Brazil is our key partner in the region, and we will", None),
    ("en", "Sergey Lavrov met the press in Caracas.\n\nThe minister went further: “Sanctions have "
           "never brought anything but suffering to ordinary people.”",
     "Sergey Lavrov", "Sanctions have never brought", None),
    ("es", "«Rusia es un aliado fiable que siempre respetó nuestra soberanía», dijo Yván Gil "
           "a la agencia Sputnik.", "Yván Gil", "Rusia es un aliado fiable", "Sputnik"),
    ("es", "Claudia Sheinbaum habló en su conferencia.\n\nPreguntada por la prensa, respondió: "
           "“México siempre ha apostado por el diálogo entre las partes”.",
     "Claudia Sheinbaum", "México siempre ha apostado", None),
    ("es", "—Es un gesto de solidaridad que el mundo debe ver —señaló el canciller Bruno "
           "Rodríguez Parrilla.", "Bruno Rodríguez Parrilla", "Es un gesto de solidaridad", None),
    ("pt", "O chanceler Mauro Vieira falou em Brasília.\n\n“O Brasil continuará defendendo uma "
           "saída negociada para a guerra”, afirmou Vieira em entrevista à RIA Novosti.",
     "Mauro Vieira", "O Brasil continuará defendendo", "RIA Novosti"),
    ("ru", "Министр иностранных дел России Сергей Лавров провел переговоры.\n\n«Мы видим большой "
           "интерес наших друзей к развитию торговли», — сказал Лавров в интервью ТАСС.",
     "Sergey Lavrov", "Мы видим большой интерес", "TASS"),
    ("ru", "Николас Мадуро поблагодарил российского лидера. «Россия всегда была рядом с "
           "Венесуэлой в трудное время», — заявил он, передает РИА Новости.",
     "Nicolás Maduro", "Россия всегда была рядом", "RIA Novosti"),
    ("fr", "Le président Nicolás Maduro a rejeté ces appels. « Le Venezuela est un pays "
           "souverain, a-t-il affirmé, et personne ne nous dira comment voter. »",
     "Nicolás Maduro", "Le Venezuela est un pays souverain et personne", None),
    ("fr", "Selon Sergueï Lavrov, « la Russie est un partenaire fiable pour toute la région »,"
           " rapporte l'AFP.", "Sergey Lavrov", "la Russie est un partenaire fiable", "AFP"),
    ("sv", "”Latinamerika är en viktig del av den multipolära världen”, sa Sergej Lavrov "
           "enligt nyhetsbyrån Tass.", "Sergey Lavrov", "Latinamerika är en viktig del", "TASS"),
    ("sv", "– Vi hoppas att parterna löser tvisten på fredlig väg, sade Dmitrij Peskov till "
           "Interfax.", "Dmitry Peskov", "Vi hoppas att parterna", "Interfax"),
])
def test_speaker_words_and_via_per_language(lang: str, text: str, speaker: str, words: str,
                                            via: str | None) -> None:
    doc = _quotes(text, lang)
    assert len(doc.quotes) == 1, doc.quotes
    q = doc.quotes[0]
    assert q.speaker is not None and q.speaker.name == speaker
    assert q.text.startswith(words)
    assert q.via == via


@pytest.mark.parametrize("lang, text, code", [
    ("en", "The Russian Foreign Ministry condemned the decision.\n\n\"We regard these measures as "
           "illegitimate and unacceptable,\" the ministry said in a statement.", "RUS"),
    ("es", "El Ministerio de Relaciones Exteriores de Venezuela rechazó las declaraciones.\n\n"
           "En un comunicado, la cancillería señaló que \"Venezuela no acepta tutelajes de ningún "
           "gobierno extranjero\".", "VEN"),
    ("pt", "«O Governo brasileiro reitera o seu firme repúdio a todos os atos de violência», "
           "lê-se na nota divulgada pelo Itamaraty.", "BRA"),
    ("fr", "« La France appelle à la publication de l'ensemble des résultats du scrutin », "
           "indique le communiqué du Quai d'Orsay.", "FRA"),
])
def test_institutions_speak_for_their_state(lang: str, text: str, code: str) -> None:
    doc = _quotes(text, lang)
    assert [q.speaker.acts_for for q in doc.quotes if q.speaker] == [code]


@pytest.mark.parametrize("lang, text", [
    ("en", "Sergey Lavrov said the talks were “historic” and “very useful”."),           # scare quotes
    ("en", "Sergey Lavrov presented the book “Russia and the Multipolar World Order” in Moscow."),
    ("pt", "Vladimir Putin comentou o livro \"A Rússia e o mundo multipolar do século XXI\"."),
    ("ru", "Сергей Лавров выступил на конференции под названием «Россия и Латинская Америка в новом мире»."),
    ("sv", "Vladimir Putin talade, skriver RT (“Russia wants ‘strong’ Latin America”), i Moskva."),
    ("en", "Vladimir Putin said Russia wanted the region to be “strong, independent and successful”."),
])
def test_titles_and_scare_quotes_are_left_out(lang: str, text: str) -> None:
    assert _quotes(text, lang).quotes == []


def test_speech_marker_lines_and_main_theses() -> None:
    text = ("🎙 Remarks by Foreign Minister Sergey Lavrov at a news conference (Moscow, "
            "November 20, 2023)\n💬 Our Cuban friends are facing an illegal economic blockade.\n"
            "The ministers also signed a plan of consultations for next year.\n")
    doc = _quotes(text, "en")
    assert [(q.speaker.name, q.text) for q in doc.quotes] == \
        [("Sergey Lavrov", "Our Cuban friends are facing an illegal economic blockade.")]
    assert doc.quotes[0].via is None
    text = ("🎙 Выступление Министра иностранных дел России Сергея Лаврова на переговорах\n\n"
            "Основные тезисы:\n\n🔹 Мы высоко ценим позицию Манагуа в поддержку многополярного мира.\n"
            "🔹 Санкции Запада не остановят развитие нашего сотрудничества.\n\nЧитать полностью\n")
    doc = _quotes(text, "ru")
    assert [q.speaker.name for q in doc.quotes] == ["Sergey Lavrov"] * 2


_DIGEST = {
    "en": ("🎥 Foreign Minister Sergey Lavrov’s interview with a news agency (Moscow, May 5, 2024)\n"
           "#RussiaEU\nEurope keeps paying more for the gas it buys from far away.\n"
           "#RussiaBrazil\nOur trade with Brazil grew again last year despite all the pressure.\n"
           "We will keep working on payments in national currencies.\n"
           "Read in full\n"),
    "es": ("🎥 Entrevista del canciller Serguéi Lavrov a una agencia de noticias\n"
           "#RusiaUE\nEuropa sigue pagando más por el gas que compra lejos.\n"
           "#RusiaMéxico\nNuestro comercio con México creció de nuevo el año pasado.\n"),
    "ru": ("🎥 Интервью Министра иностранных дел России Сергея Лаврова информационному агентству\n"
           "#РоссияЕС\nЕвропа продолжает платить больше за газ, который покупает издалека.\n"
           "#РоссияКуба\nНаше сотрудничество с Кубой развивается вопреки санкциям и блокаде.\n"),
}


@pytest.mark.parametrize("lang", sorted(_DIGEST))
def test_digest_sections_on_the_beat_are_the_speakers_words(lang: str) -> None:
    doc = _quotes(_DIGEST[lang], lang)
    assert [q.speaker.name for q in doc.quotes] == ["Sergey Lavrov"]
    words = doc.quotes[0].text
    assert ("Brazil" in words or "México" in words or "Кубой" in words) and "\n#" not in words
    assert "Europ" not in words and "Read in full" not in words
    if lang == "en":      # the section runs over its paragraphs, to the short line
        assert words.endswith("national currencies.")


def test_a_beat_of_ones_own_chooses_other_sections(tmp_path) -> None:
    from dyad.config import Config
    beat = tmp_path / "beat.yaml"
    beat.write_text("codes: [EUR]\n", encoding="utf-8")
    doc = Document(file="t.txt", source_path="t.txt", fmt="txt", raw_text=_DIGEST["en"],
                   given=Given(language="en", published="2024-05-05"))
    process_document(doc, Context(config=Config(beat=str(beat))))
    assert [q.text for q in doc.quotes] == \
        ["Europe keeps paying more for the gas it buys from far away."]


def test_a_bad_beat_file_is_named(tmp_path) -> None:
    from dyad.actors.beat import beat_codes
    from dyad.errors import DyadError
    bad = tmp_path / "beat.yaml"
    bad.write_text("codes: LAC\n", encoding="utf-8")
    with pytest.raises(DyadError, match="beat.yaml: a beat file needs"):
        beat_codes(str(bad))


def test_hashtag_lines_without_a_voice_are_left_alone() -> None:
    text = "Trade news\n#Energy\nEurope keeps paying more for the gas it buys from Brazil.\n"
    assert _quotes(text, "en").quotes == []


@pytest.mark.parametrize("lang,text,speaker,words", [
    ("en", "🇷🇺🇻🇪 Lavrov met Gil in Moscow on Thursday.\n💬 Venezuela's Foreign Minister Yván Gil: "
           "We will respond to these measures, and they will not change our course.\n",
     "Yván Gil", "We will respond to these measures, and they will not change our course."),
    ("fr", "🎙 Intervention du ministre russe des Affaires étrangères Sergueï Lavrov\n"
           "💬 Le ministre vénézuélien des Affaires étrangères Yván Gil : Nous répondrons à ces "
           "mesures, et elles ne changeront pas notre cap.\n",
     "Yván Gil", "Nous répondrons à ces mesures, et elles ne changeront pas notre cap."),
])
def test_a_marked_line_naming_its_speaker_is_theirs(lang: str, text: str, speaker: str,
                                                    words: str) -> None:
    """"💬 Name: words" is Name's, whatever voice a head line set, and the quotation is the
    words after the colon, not the name."""
    doc = _quotes(text, lang)
    assert [(q.speaker.name, q.text) for q in doc.quotes] == [(speaker, words)]


def test_lines_no_head_line_voices_are_left_alone() -> None:
    text = ("📄 Excerpts from the Concept of the Foreign Policy of the Russian Federation\n"
            "☝️ Russia intends to develop relations with the states of the region.\n")
    assert _quotes(text, "en").quotes == []


def test_a_speech_printed_as_the_document_has_no_quotations() -> None:
    text = ("Address by Kirill Logvinov at a reception in Brussels\n\nWe believe that the system "
            "of international relations should be multipolar:\n\n - sovereign equality of "
            "states and respect for their choices;\n - rejection of hegemony in world affairs;\n")
    assert _quotes(text, "en").quotes == []


def test_transcript_lines() -> None:
    text = ("Putin: Russia will expand trade\n\nQuestion: What about China?\n\nVladimir Putin: "
            "We have carefully studied China's position paper on the crisis.\n")
    doc = _quotes(text, "en")
    assert [(q.speaker.name, q.text[:20]) for q in doc.quotes] == [("Vladimir Putin", "We have carefully st")]


@pytest.mark.parametrize("lang,text", [
    ("en", "Maria Zakharova spoke at her weekly briefing: \"Washington has once again shown that "
           "it does not care about ordinary Venezuelans.\""),
    ("fr", "« Nous exprimons notre pleine solidarité avec le peuple de l'Argentine », a déclaré "
           "le ministre russe des Affaires étrangères Sergueï Lavrov."),
])
def test_quote_text_stands_in_the_cleaned_text(lang: str, text: str) -> None:
    """A quotation's start is where its words start (French marks hold spaces): the mentions
    inside the words are found by it."""
    doc = _quotes(text, lang)
    assert doc.quotes and all(q.text in doc.text for q in doc.quotes)
    q = doc.quotes[0]
    assert q.start is not None and doc.text[q.start:].startswith(q.text)
