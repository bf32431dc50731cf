"""Event triggers in use, per language and PLOVER type: sentences written for this test in
the phrasing of news agencies, ministries and channels (states and leaders), each with the
event it must yield (type, source, target) through the whole pipeline. Covers the families
of forms each type takes (sanctions, tariffs, expulsions, recalled envoys; donations, loans,
arms deliveries; refusals; threats; calls and demands; calls, talks, visits and receptions,
passive ones included; backing and congratulations; condemnation and "aggression").
A case marked xfail fails because of how arguments are read (extract.py), not for want of
a trigger; its reason names the problem. Does not test dates, flags or deduplication."""

from __future__ import annotations

import pytest

from dyad.pipeline import process_document
from dyad.records import Document, Given

SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}


def triples(text: str, lang: str) -> set[tuple[str, str, str]]:
    doc = Document(file="t.txt", source_path="t.txt", fmt="txt", raw_text=text,
                   given=Given(language=lang, published="2024-05-14"))
    process_document(doc)
    return {(e.type, e.source, e.target) for e in doc.events if not e.planned and not e.negated}


def logic(reason: str) -> pytest.MarkDecorator:
    """A case the trigger data covers but argument reading (extract.py) gets wrong."""
    return pytest.mark.xfail(reason=f"extract.py: {reason}", strict=False)


C = pytest.param
CASES = [
    # ------------------------------------------------------------------ English
    C("en", "CONSULT", "RUS", "BRA", "Russian Foreign Minister Sergey Lavrov held talks with his Brazilian counterpart Mauro Vieira in Brasilia on Monday."),
    C("en", "CONSULT", "CHN", "RUS", "Xi Jinping was received by Vladimir Putin in the Kremlin on Monday."),
    C("en", "CONSULT", "USA", "MEX", "Antony Blinken spoke by phone with Mexican Foreign Minister Alicia Barcena."),
    C("en", "CONSULT", "FRA", "CHN", "French President Emmanuel Macron travelled to China for a three-day state visit."),
    C("en", "AGREE", "RUS", "VEN", "Russia and Venezuela signed a memorandum on energy cooperation on Tuesday."),
    C("en", "AGREE", "CHN", "BRA", "China and Brazil agreed to expand trade in their national currencies."),
    C("en", "SUPPORT", "EU", "UKR", "The European Union will continue to stand by Ukraine for as long as it takes, the Council said."),
    C("en", "SUPPORT", "RUS", "VEN", "Russia congratulated Nicolas Maduro on his victory in the presidential election."),
    C("en", "SUPPORT", "CUB", "RUS", "Cuba praised Russia for its solidarity with the Cuban people."),
    C("en", "COOPERATE", "RUS", "CHN", "Russia and China conducted joint naval exercises in the Sea of Japan."),
    C("en", "COOPERATE", "BRA", "ARG", "Brazil and Argentina set up a working group on energy integration."),
    C("en", "AID", "RUS", "CUB", "Russia delivered 25,000 tonnes of wheat to Cuba as humanitarian aid."),
    C("en", "AID", "USA", "UKR", "The United States sent weapons and ammunition worth $2 billion to Ukraine."),
    C("en", "AID", "CHN", "VEN", "China granted Venezuela a loan of $5 billion."),
    C("en", "REQUEST", "USA", "NIC", "We call on the government of Nicaragua to release all political prisoners, the State Department said."),
    C("en", "REQUEST", "FRA", "RUS", "France urged Russia to withdraw its troops from Ukraine."),
    C("en", "ACCUSE", "RUS", "USA", "Russia condemned the United States for its support of the coup attempt."),
    C("en", "ACCUSE", "UKR", "RUS", "Ukraine accused Russia of deliberately striking energy infrastructure."),
    C("en", "REJECT", "CHN", "USA", "China rejected the accusations made by the United States as groundless."),
    C("en", "REJECT", "BRA", "DEU", "Brazil refused Germany's request to send tank ammunition to Ukraine."),
    C("en", "THREATEN", "RUS", "SWE", "Russia threatened to take countermeasures against Sweden if NATO troops are stationed there."),
    C("en", "THREATEN", "USA", "CHN", "Washington warned Beijing of serious consequences."),
    C("en", "SANCTION", "USA", "NIC", "The United States is imposing visa restrictions on more than 100 Nicaraguan officials."),
    C("en", "SANCTION", "EU", "RUS", "The European Union adopted a new package of restrictive measures against Russia on Monday."),
    C("en", "SANCTION", "SWE", "RUS", "Sweden expelled five Russian diplomats and declared them persona non grata."),
    C("en", "SANCTION", "USA", "CAN", "The United States imposed tariffs of 25 percent on imports from Canada."),
    C("en", "PROTEST", "ARG", "USA", "Thousands of Argentines protested outside the embassy of the United States in Buenos Aires."),
    C("en", "MOBILIZE", "RUS", "CUB", "Russia deployed a naval group of warships to Cuba."),
    C("en", "COERCE", "RUS", "USA", "Russia detained an American journalist on espionage charges."),
    C("en", "ASSAULT", "RUS", "UKR", "Russia launched a massive missile attack on Ukraine overnight."),
    C("en", "CONCEDE", "USA", "VEN", "The United States eased sanctions on Venezuela's oil sector."),
    C("en", "RETREAT", "RUS", "ARM", "Russia withdrew its peacekeepers from Armenia."),
    # ------------------------------------------------------------------ Spanish
    C("es", "CONSULT", "VEN", "RUS", "El presidente Nicolás Maduro se reunió con el canciller ruso Serguéi Lavrov en Caracas."),
    C("es", "CONSULT", "VEN", "COL", "El presidente Nicolás Maduro sostuvo una conversación telefónica con su homólogo de Colombia, Gustavo Petro."),
    C("es", "CONSULT", "UKR", "ESP", "El canciller ucraniano Dmitro Kuleba fue recibido por el presidente del Gobierno de España, Pedro Sánchez."),
    C("es", "CONSULT", "ESP", "UKR", "Pedro Sánchez viajó a Kiev el 1 de julio."),
    C("es", "AGREE", "RUS", "CUB", "Rusia y Cuba firmaron un plan de consultas entre sus cancillerías."),
    C("es", "AGREE", "BOL", "RUS", "Bolivia y Rusia acordaron impulsar la cooperación en energía nuclear."),
    C("es", "SUPPORT", "RUS", "BOL", "Rusia respalda el ingreso de Bolivia al grupo BRICS."),
    C("es", "SUPPORT", "UKR", "ESP", "Kuleba agradeció el apoyo de España a Ucrania."),
    C("es", "COOPERATE", "RUS", "VEN", "Rusia y Venezuela realizaron maniobras militares conjuntas en el Caribe."),
    C("es", "COOPERATE", "MEX", "USA", "México y Estados Unidos intercambian información sobre el tráfico de armas."),
    C("es", "AID", "ESP", "UKR", "España envió a Ucrania cuatro carros de combate Leopard."),
    C("es", "AID", "RUS", "CUB", "Rusia donó 90.000 toneladas de petróleo a Cuba."),
    C("es", "AID", "CHN", "ARG", "China otorgó a Argentina un préstamo de 5.000 millones de dólares."),
    C("es", "REQUEST", "VEN", "USA", "El Gobierno de Venezuela exige al Gobierno de los Estados Unidos el levantamiento inmediato de las sanciones."),
    C("es", "REQUEST", "MEX", "USA", "México pidió a Estados Unidos que respete su soberanía."),
    C("es", "ACCUSE", "VEN", "USA", "Venezuela denunció la agresión de Estados Unidos contra el pueblo venezolano."),
    C("es", "ACCUSE", "CUB", "USA", "Cuba condenó el bloqueo impuesto por Estados Unidos."),
    C("es", "REJECT", "MEX", "USA", "México rechazó la propuesta de Estados Unidos de enviar tropas a la frontera."),
    C("es", "REJECT", "ARG", "VEN", "Argentina no reconoce los resultados anunciados por Venezuela."),
    C("es", "THREATEN", "USA", "VEN", "Estados Unidos amenazó con reimponer sanciones a Venezuela."),
    C("es", "THREATEN", "RUS", "MDA", "Rusia advirtió a Moldavia de graves consecuencias."),
    C("es", "SANCTION", "USA", "MEX", "Estados Unidos impuso aranceles de 25 por ciento a las importaciones de México."),
    C("es", "SANCTION", "CAN", "USA", "Canadá anunció aranceles de represalia contra Estados Unidos."),
    C("es", "SANCTION", "VEN", "ARG", "Venezuela expulsó a los diplomáticos de Argentina."),
    C("es", "SANCTION", "NIC", "ESP", "Nicaragua retiró a su embajador en España."),
    C("es", "PROTEST", "VEN", "USA", "Miles de venezolanos marcharon contra las sanciones de Estados Unidos."),
    C("es", "MOBILIZE", "VEN", "GUY", "Venezuela desplegó tropas en la frontera con Guyana."),
    C("es", "COERCE", "NIC", "USA", "Nicaragua confiscó los bienes de una universidad financiada por Estados Unidos."),
    C("es", "ASSAULT", "RUS", "UKR", "Rusia lanzó un ataque masivo con misiles contra Ucrania."),
    C("es", "CONCEDE", "USA", "VEN", "Estados Unidos levantó las sanciones al sector petrolero de Venezuela."),
    C("es", "RETREAT", "USA", "AFG", "Estados Unidos retiró sus tropas de Afganistán."),
    # ------------------------------------------------------------------ Portuguese
    C("pt", "CONSULT", "BRA", "CHN", "O presidente Lula foi recebido pelo presidente da China, Xi Jinping, em Pequim."),
    C("pt", "CONSULT", "BRA", "USA", "Lula e Biden reuniram-se nesta sexta-feira na Casa Branca."),
    C("pt", "CONSULT", "RUS", "BRA", "O chanceler russo Serguei Lavrov teve um encontro com o chanceler brasileiro Mauro Vieira."),
    C("pt", "CONSULT", "PRT", "UKR", "O primeiro-ministro português visitou a Ucrânia na segunda-feira."),
    C("pt", "AGREE", "PRT", "UKR", "Portugal e a Ucrânia assinaram um acordo bilateral de segurança."),
    C("pt", "AGREE", "BRA", "CHN", "O Brasil e a China acertaram a ampliação do comércio em moedas locais."),
    C("pt", "SUPPORT", "PRT", "UKR", "Montenegro garantiu que Portugal estará ao lado da Ucrânia até ao fim."),
    C("pt", "SUPPORT", "USA", "BRA", "Biden elogiou a democracia brasileira."),
    C("pt", "COOPERATE", "BRA", "ARG", "O Brasil e a Argentina realizaram exercícios militares conjuntos."),
    C("pt", "COOPERATE", "BRA", "PRY", "O Brasil e o Paraguai trocam informações sobre o crime organizado."),
    C("pt", "AID", "BRA", "CUB", "O Brasil doou 500 toneladas de arroz a Cuba."),
    C("pt", "AID", "USA", "UKR", "Os Estados Unidos enviaram armas à Ucrânia."),
    C("pt", "AID", "CHN", "ARG", "A China concedeu à Argentina um empréstimo de 5 bilhões de dólares."),
    C("pt", "REQUEST", "UKR", "PRT", "Zelensky pediu a Portugal que participe na cimeira para a paz."),
    C("pt", "REQUEST", "BRA", "VEN", "Fazemos um chamado às autoridades da Venezuela para que publiquem as atas, afirmou o Itamaraty."),
    C("pt", "ACCUSE", "PRT", "RUS", "O primeiro-ministro português condenou a agressão ilegal da Rússia."),
    C("pt", "ACCUSE", "BRA", "ISR", "O Brasil acusou Israel de violar o direito internacional."),
    C("pt", "REJECT", "BRA", "DEU", "Lula recusou o pedido alemão de enviar munição à Ucrânia."),
    C("pt", "REJECT", "BRA", "USA", "O Brasil rejeitou a proposta dos Estados Unidos."),
    C("pt", "THREATEN", "USA", "BRA", "Os Estados Unidos ameaçaram impor tarifas ao Brasil."),
    C("pt", "THREATEN", "RUS", "FIN", "A Rússia ameaçou a Finlândia com medidas de retaliação."),
    C("pt", "SANCTION", "VEN", "ARG", "O governo venezuelano determinou a retirada do pessoal diplomático argentino."),
    C("pt", "SANCTION", "EU", "RUS", "A União Europeia aprovou um novo pacote de sanções contra a Rússia."),
    C("pt", "SANCTION", "USA", "BRA", "Os Estados Unidos impuseram tarifas de 50% sobre produtos do Brasil."),
    C("pt", "PROTEST", "BRA", "USA", "Manifestantes brasileiros protestaram em frente à embaixada dos Estados Unidos em Brasília."),
    C("pt", "MOBILIZE", "BRA", "VEN", "O Brasil enviou tropas para a fronteira com a Venezuela."),
    C("pt", "COERCE", "VEN", "BRA", "A Venezuela deteve dois cidadãos brasileiros."),
    C("pt", "ASSAULT", "ISR", "LBN", "Israel bombardeou o sul do Líbano."),
    C("pt", "CONCEDE", "USA", "CUB", "Os Estados Unidos aliviaram as sanções contra Cuba."),
    C("pt", "RETREAT", "RUS", "UKR", "A Rússia retirou as suas tropas da Ucrânia."),
    # ------------------------------------------------------------------ Russian
    C("ru", "CONSULT", "RUS", "VEN", "Состоялся телефонный разговор Министра иностранных дел России Сергея Лаврова с Министром иностранных дел Венесуэлы Иваном Хилем."),
    C("ru", "CONSULT", "RUS", "SAU", "Лавров был принят наследным принцем Саудовской Аравии Мухаммедом бен Сальманом."),
    C("ru", "CONSULT", "RUS", "CHN", "Владимир Путин провёл переговоры с Си Цзиньпином в Пекине."),
    C("ru", "CONSULT", "RUS", "BRA", "Лавров посетил Бразилию с рабочим визитом."),
    C("ru", "AGREE", "RUS", "VEN", "Россия и Венесуэла договорились продолжить тесную координацию."),
    C("ru", "AGREE", "RUS", "CUB", "Россия и Куба подписали соглашение о сотрудничестве в энергетике."),
    C("ru", "SUPPORT", "RUS", "VEN", "Россия поздравила Венесуэлу с успешным проведением выборов."),
    C("ru", "SUPPORT", "RUS", "CUB", "Россия выразила солидарность с Кубой."),
    C("ru", "COOPERATE", "RUS", "CHN", "Россия и Китай провели совместные военно-морские учения."),
    C("ru", "COOPERATE", "RUS", "IND", "Россия и Индия перешли на расчёты в национальных валютах."),
    C("ru", "AID", "RUS", "CUB", "МЧС России доставило на Кубу 30 тонн гуманитарной помощи."),
    C("ru", "AID", "USA", "UKR", "США передали Украине новую партию вооружений."),
    C("ru", "AID", "RUS", "SYR", "Россия безвозмездно поставила в Сирию пшеницу."),
    C("ru", "REQUEST", "RUS", "USA", "Россия призвала США прекратить поставки оружия Киеву."),
    C("ru", "REQUEST", "CHN", "USA", "Китай потребовал от США отменить санкции."),
    C("ru", "ACCUSE", "RUS", "USA", "Лавров осудил попытки Вашингтона вмешаться во внутренние дела Венесуэлы."),
    C("ru", "ACCUSE", "VEN", "BRA", "Венесуэла назвала решение Бразилии агрессией против венесуэльского народа."),
    C("ru", "REJECT", "BRA", "VEN", "Бразилия выступила против вступления Венесуэлы в БРИКС."),
    C("ru", "REJECT", "CHN", "USA", "Китай отверг обвинения США."),
    C("ru", "THREATEN", "USA", "CHN", "Госсекретарь США Энтони Блинкен пригрозил Пекину новыми санкциями."),
    C("ru", "THREATEN", "RUS", "EU", "Россия пообещала принять ответные меры против Евросоюза."),
    C("ru", "SANCTION", "RUS", "DEU", "Россия объявила персонами нон грата двух немецких дипломатов."),
    C("ru", "SANCTION", "VEN", "BRA", "Венесуэла отозвала посла из Бразилии."),
    C("ru", "SANCTION", "RUS", "EU", "Россия ограничивает доступ к ресурсам 81 средства массовой информации из стран Евросоюза."),
    C("ru", "SANCTION", "EU", "RUS", "Евросоюз утвердил 14-й пакет ограничительных мер против России."),
    C("ru", "PROTEST", "SRB", "USA", "Сербы вышли на акцию протеста у посольства США в Белграде."),
    C("ru", "MOBILIZE", "RUS", "CUB", "Россия направила военные корабли к берегам Кубы."),
    C("ru", "COERCE", "RUS", "USA", "Россия задержала американского журналиста."),
    C("ru", "ASSAULT", "UKR", "RUS", "Украина атаковала беспилотниками Белгородскую область России."),
    C("ru", "CONCEDE", "USA", "VEN", "США смягчили санкции против Венесуэлы."),
    C("ru", "RETREAT", "RUS", "ARM", "Россия вывела войска из Армении."),
    # ------------------------------------------------------------------ French
    C("fr", "CONSULT", "FRA", "BRA", "Emmanuel Macron et Lula se sont retrouvés mardi à Belém."),
    C("fr", "CONSULT", "CHN", "FRA", "Le président chinois Xi Jinping a été reçu lundi à l'Élysée par Emmanuel Macron."),
    C("fr", "CONSULT", "FRA", "CHN", "En avril, Emmanuel Macron s'était rendu en Chine."),
    C("fr", "CONSULT", "FRA", "DEU", "Emmanuel Macron s'est entretenu au téléphone avec le chancelier allemand Olaf Scholz."),
    C("fr", "AGREE", "FRA", "BRA", "La France et le Brésil ont signé un accord de coopération spatiale."),
    C("fr", "AGREE", "FRA", "IND", "La France et l'Inde se sont mises d'accord sur la vente de 26 Rafale."),
    C("fr", "SUPPORT", "CHN", "VEN", "La Chine a félicité Nicolás Maduro pour sa victoire."),
    C("fr", "SUPPORT", "FRA", "UKR", "La France réaffirme son soutien indéfectible à l'Ukraine."),
    C("fr", "COOPERATE", "FRA", "IND", "La France et l'Inde ont mené des exercices navals conjoints."),
    C("fr", "COOPERATE", "FRA", "MAR", "La France et le Maroc coopèrent dans la lutte contre le terrorisme."),
    C("fr", "AID", "USA", "UKR", "Kamala Harris a annoncé une aide de 1,5 milliard de dollars pour l'Ukraine."),
    C("fr", "AID", "FRA", "UKR", "La France a livré des canons Caesar à l'Ukraine."),
    C("fr", "AID", "FRA", "HTI", "La France a fait don de 20 tonnes de matériel médical à Haïti."),
    C("fr", "REQUEST", "FRA", "RUS", "La France appelle la Russie à cesser immédiatement ses attaques."),
    C("fr", "REQUEST", "USA", "VEN", "Antony Blinken a exhorté le Venezuela à publier les résultats détaillés du scrutin."),
    C("fr", "ACCUSE", "FRA", "RUS", "La France condamne avec la plus grande fermeté les frappes menées par la Russie."),
    C("fr", "ACCUSE", "MLI", "FRA", "Le Mali accuse la France de violer son espace aérien."),
    C("fr", "REJECT", "UKR", "RUS", "L'Ukraine a rejeté l'ultimatum de la Russie."),
    C("fr", "REJECT", "FRA", "USA", "La France a refusé la proposition américaine."),
    C("fr", "THREATEN", "RUS", "FRA", "La Russie a menacé la France de représailles."),
    C("fr", "THREATEN", "USA", "EU", "Washington a menacé de taxer les produits de l'Union européenne."),
    C("fr", "SANCTION", "VEN", "ARG", "Le gouvernement vénézuélien a ordonné le retrait du personnel diplomatique de l'Argentine."),
    C("fr", "SANCTION", "FRA", "RUS", "La France a expulsé deux diplomates russes."),
    C("fr", "SANCTION", "EU", "RUS", "L'Union européenne a adopté un nouveau paquet de sanctions contre la Russie."),
    C("fr", "SANCTION", "USA", "FRA", "Les États-Unis ont imposé des droits de douane sur les vins français."),
    C("fr", "PROTEST", "NER", "FRA", "Des milliers de manifestants nigériens ont manifesté devant l'ambassade de France à Niamey."),
    C("fr", "MOBILIZE", "FRA", "EST", "La France a déployé des troupes en Estonie."),
    C("fr", "COERCE", "RUS", "FRA", "La Russie a arrêté un chercheur français à Moscou."),
    C("fr", "ASSAULT", "RUS", "UKR", "La Russie a bombardé des villes ukrainiennes dans la nuit."),
    C("fr", "CONCEDE", "USA", "VEN", "Les États-Unis ont assoupli les sanctions visant le Venezuela."),
    C("fr", "RETREAT", "FRA", "MLI", "La France a retiré ses troupes du Mali."),
    # ------------------------------------------------------------------ Swedish
    C("sv", "CONSULT", "SWE", "UKR", "Sveriges försvarsminister Pål Jonson träffade sin ukrainske kollega i Kiev."),
    C("sv", "CONSULT", "SWE", "USA", "Ulf Kristersson besökte Washington på torsdagen."),
    C("sv", "CONSULT", "UKR", "SWE", "Volodymyr Zelenskyj togs emot av statsminister Ulf Kristersson i Stockholm."),
    C("sv", "CONSULT", "SWE", "FIN", "Kristersson höll ett telefonsamtal med Finlands president Alexander Stubb."),
    C("sv", "AGREE", "TUR", "SWE", "Turkiets parlament godkände Sveriges ansökan om medlemskap i Nato."),
    C("sv", "AGREE", "USA", "CHN", "USA och Kina kom överens om att sänka tullarna."),
    C("sv", "SUPPORT", "SWE", "UKR", "Sverige kommer att stå vid Ukrainas sida så länge det behövs."),
    C("sv", "SUPPORT", "SWE", "FIN", "Sverige välkomnade Finlands beslut att gå med i Nato."),
    C("sv", "COOPERATE", "SWE", "FIN", "Sverige och Finland genomförde gemensamma militärövningar."),
    C("sv", "COOPERATE", "SWE", "NOR", "Sverige och Norge samarbetar om gränsövervakning."),
    C("sv", "AID", "SWE", "UKR", "Regeringen presenterade Sveriges sextonde militära stödpaket till Ukraina."),
    C("sv", "AID", "SWE", "UKR", "Sverige skickade stridsfordon till Ukraina."),
    C("sv", "AID", "SWE", "PSE", "Sverige skänker 100 miljoner kronor i humanitärt bistånd till Palestina."),
    C("sv", "REQUEST", "SWE", "RUS", "Sverige uppmanade Ryssland att dra tillbaka sina trupper."),
    C("sv", "REQUEST", "UKR", "SWE", "Ukraina bad Sverige om fler luftvärnssystem."),
    C("sv", "ACCUSE", "SWE", "RUS", "Sverige fördömde Rysslands anfallskrig mot Ukraina."),
    C("sv", "ACCUSE", "RUS", "SWE", "Ryssland anklagade Sverige för att ha brutit mot internationell rätt."),
    C("sv", "REJECT", "CHN", "USA", "Kina avvisade USA:s anklagelser."),
    C("sv", "REJECT", "HUN", "SWE", "Ungern vägrade att godkänna Sveriges ansökan."),
    C("sv", "THREATEN", "RUS", "SWE", "Ryssland hotade Sverige med motåtgärder."),
    C("sv", "THREATEN", "USA", "EU", "USA hotade att införa tullar på varor från EU."),
    C("sv", "SANCTION", "SWE", "RUS", "Sverige utvisade fem ryska diplomater."),
    C("sv", "SANCTION", "EU", "RUS", "EU antog ett nytt sanktionspaket mot Ryssland."),
    C("sv", "SANCTION", "SWE", "IRN", "Sverige kallade hem sin ambassadör från Iran."),
    C("sv", "PROTEST", "SWE", "RUS", "Hundratals svenskar protesterade utanför Rysslands ambassad i Stockholm."),
    C("sv", "MOBILIZE", "SWE", "LVA", "Sverige skickar soldater till Lettland."),
    C("sv", "COERCE", "IRN", "SWE", "Iran grep en svensk medborgare i Teheran."),
    C("sv", "ASSAULT", "RUS", "UKR", "Ryssland angrep ukrainska städer med robotar under natten."),
    C("sv", "CONCEDE", "USA", "VEN", "USA lättade på sanktionerna mot Venezuela."),
    C("sv", "RETREAT", "RUS", "ARM", "Ryssland drog tillbaka sina trupper från Armenien."),
]

# Cases the trigger data covers but extract.py reads wrongly: (language, start of the
# sentence) -> the logic problem.
GAP_ACTOR = ("an actor inside a gapped trigger's span (between its parts) is neither before nor "
             "after it, so it is never the target")
LOCATIVE = ("a country after a locative preposition is read as a place, also when it is the "
            "recipient or destination of the act")
INSTITUTION = ("a reporting institution ('the State Department said', 'afirmou o Itamaraty') is "
               "dropped as speaker unless it names a person; first-person text has no source")
DATIVE = ("double object: the recipient stands between the verb and the trigger noun ('granted "
          "Venezuela a loan') and is read as the subject, the actor before the verb is lost")
XFAIL: dict[tuple[str, str], str] = {
    ("en", "China granted Venezuela a loan of $5 bil"): DATIVE,
    ("es", "China otorgó a Argentina un préstamo de "): DATIVE,
    ("pt", "A China concedeu à Argentina um emprésti"): DATIVE,
    ("pt", "Fazemos um chamado às autoridades da Ven"): INSTITUTION,
    ("ru", "Россия безвозмездно поставила в Сирию пш"): LOCATIVE,
    ("fr", "La France a fait don de 20 tonnes de mat"): LOCATIVE,
    ("fr", "La France a déployé des troupes en Estoni"): LOCATIVE,
    ("sv", "Sverige kommer att stå vid Ukrainas sida"): LOCATIVE + "; and " + GAP_ACTOR,
}


def _params() -> list:
    out = []
    for p in CASES:
        lang, etype, src, tgt, text = p.values
        reason = next((r for (lg, start), r in XFAIL.items()
                       if lg == lang and text.startswith(start)), None)
        marks = (logic(reason),) if reason else ()
        out.append(pytest.param(lang, etype, src, tgt, text, marks=marks,
                                id=f"{lang}-{etype}-{text[:30]}"))
    return out


@pytest.mark.parametrize("lang,etype,src,tgt,text", _params())
def test_sentence_yields_event(lang: str, etype: str, src: str, tgt: str, text: str) -> None:
    found = triples(text, lang)
    ok = (etype, src, tgt) in found or (etype in SYMMETRIC and (etype, tgt, src) in found)
    assert ok, f"want {etype} {src}->{tgt}, found {sorted(found)}"


@pytest.mark.parametrize("lang", ["en", "es", "pt", "ru", "fr", "sv"])
def test_every_supported_type_is_covered(lang: str) -> None:
    """At least two sentences per core type and language."""
    core = {"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT",
            "THREATEN", "SANCTION"}
    counts = {t: 0 for t in core}
    for p in CASES:
        if p.values[0] == lang and p.values[1] in counts:
            counts[p.values[1]] += 1
    assert all(n >= 2 for n in counts.values()), counts
