/**
 * Field vocabulary: words and phrases that evaluation prose, provider quotes and phone notes about
 * Dutch care procurement (Wlz, Wmo, Jeugdwet, Forensische Zorg, Zvw) use for the default codebook's
 * themes and that the core vocabulary (lexicon.ts) does not list: synonyms, paraphrases, multi-word
 * expressions and the words of contracting, financing, quality and access. Data, plus the helper that
 * merges it into the core vocabulary; the engine uses the merged VOCABULARY (lexicon.ts itself is
 * left as it is).
 *
 * Entries are read exactly like those of lexicon.ts (see its header): normalised, stopwords dropped,
 * Snowball-stemmed; a phrase adds its words too, at 0.3 of its tier's weight, and every shorter
 * phrase of the lexicon inside it at the phrase's own tier. Choices made here:
 * - Phrases are medium unless they are unmistakable and hold no common word. A matched phrase
 *   scores 2.25 times its tier's weight, so a strong one (6.75) outweighs two strong words; a
 *   phrase made of a theme's strong word plus a modifier ('meerjarige contracten') stays medium.
 * - A single common word ("tijd", "ruimte", "gesprek", "termijn") is never strong, and strong
 *   phrases avoid them: a phrase's words would lean that way in every clause. Phrases whose words
 *   are common ("de deur staat open", "aan tafel zitten") are weak; the phrase still counts when
 *   it matches.
 * - Stopwords vanish ('niet uit kunnen' would be just "niet", 'contract van een jaar' just
 *   "contract"): such expressions are left out. "onze" is not a stopword, so no entry uses it.
 * - Stems that collide with a common word are avoided: "leven" stems like "lef", "eindelijk" like
 *   "einde", "keer" and "keren" are everywhere, "langs" stems like "lang", "deels" like "deel".
 * - Compounds the engine already splits into a head that is strong for the theme
 *   ("kwaliteitsmonitor", "meerzorgdossier", "lumpsumcontract") are not listed.
 * - Words another theme owns are not spread over more themes: every theme a word appears in lowers
 *   its weight everywhere (model.ts), so e.g. "prijs", "geld", "samen" and "vertrouwen" stay where
 *   they are.
 * - An entry a theme already has in lexicon.ts (same stems, any tier) is dropped by mergeVocabularies,
 *   so this file cannot change the tier of a core entry.
 */
import { ABBREVIATIONS, THEME_VOCABULARY, type ThemeVocabulary } from './lexicon.ts';
import { isContentWord, normaliseText, stem, tokenize } from './text.ts';

export const FIELD_VOCABULARY: Record<string, ThemeVocabulary> = {
  /** Verschillen per gemeente, zorgkantoor en jaar, eigen varianten op standaarden, gelijke definities en gezamenlijk contracteren. */
  uniformering: {
    strong: [
      'berichtenstandaard', 'gegevensstandaard', 'geüniformeerd', 'harmoniseert', 'het wiel uitvinden',
      'informatiestandaard', 'inkooplandschap', 'opplust', 'standaardeisen', 'standaardformulier', 'standaardiseert',
      'standaardwerkwijze',
    ],
    medium: [
      'aanvullende wensen', 'afwijkende eisen', 'afwijkende voorwaarden', 'andere definities', 'andere formats',
      'andere spelregels', 'anders interpreteren', 'bovenop de standaard', 'dezelfde definities', 'dezelfde eisen',
      'dezelfde productcodes', 'dezelfde voorwaarden', 'één lijn trekken', 'eenduidig beleid', 'eenduidige definities',
      'eenduidige taal', 'eenheid van taal', 'eigen formats', 'eigen kleur', 'eigen productcodes', 'eigen smaakje',
      'elk jaar andere eisen', 'elk jaar andere regels', 'elk zorgkantoor anders', 'elke gemeente anders',
      'elke verzekeraar', 'geen lijn', 'gelijke eisen', 'gelijke voorwaarden', 'gemeentelijke verschillen',
      'gemeenten doen het allemaal anders', 'gezamenlijk contracteren', 'gezamenlijk inkoopkader',
      'gezamenlijke inkoopstrategie', 'het wiel opnieuw uitvinden', 'ieder zorgkantoor anders',
      'iedere gemeente anders', 'inconsequent', 'inkoopbureau', 'inkooporganisatie', 'koerswijziging',
      'landelijk format', 'landelijk model', 'landelijk uniform', 'landelijke kaders', 'landelijke productcodelijst',
      'lokale invulling', 'lokale kleur', 'lokale wensen', 'nieuwe spelregels', 'per gemeente anders',
      'per gemeente apart', 'per zorgkantoor anders', 'per zorgverzekeraar', 'uniforme productcodes',
      'uniforme werkwijze', 'verschillen per gemeente', 'verschillen per regio', 'verschillen per zorgkantoor',
      'verschilt per gemeente', 'verschilt per regio', 'verschilt per zorgkantoor', 'versnipperde inkoop', 'zwalken',
    ],
    weak: [
      'centrumgemeente', 'definities', 'iedere regio doet het anders', 'landelijk geregeld', 'landelijk vastgelegd',
      'spelregels',
    ],
  },
  /** Vroeg betrekken, gelijkwaardigheid, overlegvormen, terugkoppeling, bereikbaarheid en contact met de inkoper. */
  dialoog: {
    strong: [
      'aan de voorkant betrekken', 'aan de voorkant betrokken', 'aanbiedersoverleg', 'achterdocht',
      'betrekken bij de besluitvorming', 'betrokken bij de besluitvorming', 'consultatieronde', 'denktank',
      'geconsulteerd', 'geraadpleegd', 'luisterde', 'marktbijeenkomst', 'meeloopdag', 'meenemen in de besluitvorming',
      'relatiegesprek', 'sparren', 'sparringpartner', 'teruggebeld', 'verstandhouding', 'vertrouwt',
      'voor het blok gezet', 'wij-zijdenken',
    ],
    medium: [
      'aan de voorkant meedenken', 'aan tafel uitgenodigd', 'als partner behandeld', 'als partner gezien',
      'andere inkoper', 'belde', 'belt', 'benaderd', 'controlerende houding', 'eenzijdig besluit',
      'eenzijdige communicatie', 'elkaars positie', 'evaluatiegesprek', 'gebeld', 'geen gehoor', 'geen inspraak',
      'gelijkwaardige partner', 'gelijkwaardige relatie', 'gemaild', 'goed contact', 'goed gesprek',
      'goede samenwerking', 'hoor en wederhoor', 'in een vroeg stadium', 'in gesprek gaan', 'koppelt terug',
      'korte lijntjes', 'luisterend oor', 'machtsongelijkheid', 'mailtjes', 'moeilijk bereikbaar', 'niet bereikbaar',
      'niet serieus genomen', 'nieuwe contactpersoon', 'op tijd meenemen in de besluitvorming', 'open dialoog',
      'proactief', 'reageerde', 'relatie opbouwen', 'samen tot afspraken komen', 'samen vormgeven', 'serieus neemt',
      'serieus nemen', 'slecht bereikbaar', 'tegenover elkaar', 'vaste contactpersoon', 'voldongen feit',
      'vroeg aan tafel', 'webinar', 'wederzijds vertrouwen', 'werksessie', 'wisselende contactpersonen', 'zeggenschap',
    ],
    weak: [
      'aan tafel zitten', 'de deur staat open', 'invloed', 'mee te denken', 'meegenomen', 'met elkaar in gesprek',
      'niets mee gedaan', 'op de werkvloer kijken', 'vast aanspreekpunt',
    ],
  },
  /** Uitvraag en aanlevering, stapels documenten, platforms, termijnen, taal en opbouw van de stukken, uren die het kost. */
  administratieve_lasten: {
    strong: [
      'aanbestedingsleidraad', 'berg papier', 'eherkenning', 'hoeveelheid documenten', 'hoeveelheid informatie',
      'inkoopplatform', 'invulformat', 'invulvelden', 'knip- en plakwerk', 'kopieerwerk', 'lastenreductie',
      'lastenverlichting', 'manuren', 'minder papier', 'overtypen', 'papieren tijger', 'rapportagedruk',
      'rapportageverplichtingen', 'rectificatie', 'registratieverplichtingen', 'stapel documenten',
      'te veel documenten', 'tendernet', 'tenderplatform', 'tenderteam', 'tijdsbeslag', 'tijdsinvestering', 'uitvraagt',
      'verantwoordingsformat', 'verplichte velden',
    ],
    medium: [
      'accountantscontrole', 'administratieve belasting', 'administratieve druk', 'administratieve verplichtingen',
      'backoffice', 'bewijsvoering', 'controleprotocol', 'ctm', 'dataverzoek', 'deadlines', 'dubbel aanleveren',
      'dubbele uitvraag', 'eenmalig aanleveren', 'eigen verklaring', 'excel', 'handmatig', 'heldere structuur',
      'hergebruikt', 'in te vullen', 'informatie-uitvraag', 'informatievoorziening', 'jaarverantwoording', 'jargon',
      'kopieën', 'korte inschrijftermijn', 'krappe deadline', 'kvk-uittreksel', 'leesbaarheid', 'leidraad',
      'minder administratie', 'minder formulieren', 'moeilijke taal', 'moeite getroosten', 'nieuwe versie', 'offerte',
      'opgevraagde informatie', 'overzichtelijker', 'procedurele stappen', 'referentieprojecten', 'stappenplan',
      'structuur in de procedure', 'te veel informatie', 'te veel papierwerk', 'tientallen documenten', 'tijdlijn',
      'toetreden', 'vereenvoudigd', 'versies', 'versimpelen', 'wollige taal',
    ],
    weak: [
      'aanbestedingsrecht', 'bestek', 'dagen kwijt', 'details', 'eerder aangeleverde', 'ontlasten',
      'papieren werkelijkheid', 'tender', 'zomervakantie',
    ],
  },
  /** Hoogte en opbouw van de prijs, NZa-maximum, loon- en prijsbijstelling, verlies draaien, financiële positie, kortingen. */
  tarieven: {
    strong: [
      'bezuinigingsopgave', 'bezuinigingstaakstelling', 'efficiencykorting', 'efficiëntiekorting', 'energieprijzen',
      'etmaalprijs', 'etmaaltarief', 'exploitatieresultaat', 'fwg', 'huurprijzen', 'indexcijfer', 'inschrijfprijs',
      'kostenopbouw', 'loonschaal', 'normbedrag', 'normkosten', 'normprijs', 'onderhandelingspositie',
      'prijsontwikkeling', 'prijsopgave', 'prijsvechter', 'rondkomen', 'salarisschaal', 'tariefaanpassing',
      'tariefbepaling', 'tariefniveau', 'tariefopbouw', 'tariefstelling', 'tarieftabel', 'tariefvaststelling',
      'tariefwijziging', 'tarievenlijst', 'werkgeverslasten',
    ],
    medium: [
      'afgehaakt', 'afhaakt', 'all-in tarief', 'bandbreedte', 'beroep op de hardheidsclausule', 'bijpassen',
      'budgetkorting', 'cao-stijging', 'cao-verhoging', 'concurreren op prijs', 'dekken de kosten niet',
      'dekt de kosten niet', 'financieel onhoudbaar', 'financiële positie', 'financiële reserves', 'fwg-schaal',
      'gestegen kosten', 'hogere kosten', 'huurkosten', 'kosten dekken', 'kosten rijzen de pan uit',
      'kostendekkende tarieven', 'kostenposten', 'kostenstructuur', 'loon- en prijsbijstelling', 'loonkloof',
      'loonontwikkeling', 'marktconform', 'marktconform tarief', 'negatief exploitatieresultaat', 'nza-maximumtarief',
      'ondernemersrisico', 'onvoldoende vergoed', 'opslagpercentage', 'ova-index', 'ova-percentage', 'pensioenpremie',
      'percentage van het nza-tarief', 'personele kosten', 'prijspeil', 'procent van het maximumtarief',
      'procent van het nza-tarief', 'productiviteitsnorm', 'quitte spelen', 'redelijke winst', 'reserves',
      'risico-opslag', 'solvabiliteit', 'taakstelling', 'tarief omlaag', 'tarieven omhoog', 'te laag tarief',
      'te lage vergoeding', 'verlies draaien', 'verlies lijden', 'weerstandsvermogen',
    ],
    weak: [
      'benchmark', 'druk op de tarieven', 'financiële problemen', 'financiële situatie', 'onhoudbaar', 'productiviteit',
      'te weinig geld',
    ],
  },
  /** Financierings- en declaratiesystemen, betalen per eenheid of resultaat, plafonds, betaaltermijnen, terugvordering, prikkels. */
  bekostiging: {
    strong: [
      'bekostigingsvariant', 'beschikbaarheidsbekostiging', 'betaalachterstand', 'betaalsystemen', 'betaaltermijn',
      'betalen op resultaat', 'betalen voor inzet', 'boven het plafond', 'budgetoverschrijding',
      'cliëntvolgende financiering', 'declarabel', 'financieringsregels', 'financieringssystemen',
      'leegstandsvergoeding', 'lumpsumbedrag', 'nacalculeren', 'omzetgarantie', 'plafondafspraken', 'productiegestuurd',
      'productieverantwoording', 'rechtmatigheidscontrole', 'resultaatgerichte financiering', 'systeemwissel',
      'teruggevorderd', 'uurtje-factuurtje', 'voorcalculatie', 'zorgprestatie',
    ],
    medium: [
      'andere bekostiging', 'bedbezetting', 'bestedingsvrijheid', 'betalen per uur', 'bezettingsgraad',
      'budget schuiven', 'cliëntvolgende bekostiging', 'dagdeel', 'declarabele uren', 'declaraties',
      'financieringsbronnen', 'geleverde minuten', 'leegstand', 'maandelijkse bevoorschotting', 'materiële controle',
      'niet betaald', 'nieuwe bekostiging', 'overschreden', 'past niet bij de bekostiging', 'per arrangement',
      'per dagdeel', 'per product', 'per productcode', 'persoonsgebonden budget', 'populatiegerichte bekostiging',
      'productiedruk', 'pxq-systematiek', 'resultaatgerichte bekostiging', 'sluit niet aan bij de bekostiging',
      'subsidierelatie', 'systeemwijziging', 'taakgerichte bekostiging', 'taakgerichte financiering', 'tijdschrijven',
      'urenverantwoording', 'van lumpsum naar pxq', 'van pxq naar lumpsum', 'vast bedrag', 'vast bedrag per cliënt',
      'vast budget', 'verantwoording past niet', 'verkeerde prikkel', 'voorfinancieren', 'vrij besteedbaar',
      'wachten op betaling', 'wisselen van systeem',
    ],
    weak: [
      'betaalt', 'eigen bijdrage', 'financiële prikkel', 'late betaling', 'per dag', 'per week',
      'werkelijk geleverde zorg',
    ],
  },
  /** Zwaar of gevaarlijk gedrag, extra personele inzet, aanvraag, beoordeling en toekenning van meerzorg, zorg boven het zzp. */
  meerzorg: {
    strong: [
      '1-op-1 begeleiding', '1-op-1 zorg', 'gedragsrapportage', 'gedragsrapportages', 'meerzorgbeschikking',
      'meerzorgindicatie', 'meerzorgtarief', 'toekenningsbesluit', 'toekenningsperiode', 'wachten op toekenning',
    ],
    medium: [
      'aanvraagprocedure', 'aanvraagproces', 'aanvraagtermijn', 'afgewezen aanvraag', 'beoordelingsproces',
      'beoordelingstermijn', 'boven het zorgzwaartepakket', 'boven het zzp', 'bovenop het zorgzwaartepakket',
      'cce-advies', 'complexe zorgsituatie', 'dubbele bezetting', 'ernstig probleemgedrag', 'ernstige gedragsproblemen',
      'extra begeleider', 'extra fte', 'extra handen aan het bed', 'extra nachtdienst', 'extra nachtwacht',
      'extra personele inzet', 'fysieke agressie', 'gedeeltelijk toegekend', 'gevaarlijk gedrag',
      'grensoverschrijdend gedrag', 'heraanvraag', 'hoogcomplex', 'hoogcomplexe zorg', 'logboeken', 'maatwerkbudget',
      'meer zorg dan het profiel', 'moeilijk verstaanbaar gedrag', 'niet toegekend', 'slaapdienst', 'toegekende uren',
      'toekent', 'verbale agressie', 'vg7-profiel', 'wachten op een besluit', 'wakende nacht', 'zeer complexe zorg',
      'zeer ernstig probleemgedrag', 'zorgintensief', 'zorgintensieve cliënten', 'zwaardere zorgvraag', 'zwaarte',
      'zware gedragsproblematiek', 'zware zorgvraag',
    ],
    weak: [
      'aanvraagformulier', 'bezwaarprocedure', 'maatwerkoplossing', 'onderbouwd', 'onvrijwillige zorg',
      'vrijheidsbeperkende maatregelen',
    ],
  },
  /** Meerjarig perspectief, verlengingsopties, aflopende contracten, heraanbesteding, wisselen van aanbieder, duur van beschikkingen. */
  contractduur: {
    strong: [
      'achtjarig', 'aflopend contract', 'contractovergang', 'contractwissel', 'evergreen', 'evergreencontract',
      'herbeschikt', 'herindicaties', 'investeringen terugverdienen', 'jaarlijks contract', 'kortdurende beschikkingen',
      'kortdurende contracten', 'kortetermijncontracten', 'kortetermijndenken', 'langdurige beschikking',
      'langetermijnperspectief', 'langetermijnplanning', 'terugverdientijd', 'tienjarig', 'tussentijds opzeggen',
      'tussentijdse beëindiging', 'vierjarig', 'voor onbepaalde duur', 'zesjarig',
    ],
    medium: [
      'aanbestedingsronde', 'afschrijvingstermijn', 'andere hulpverlener', 'continuïteit van zorg', 'contract eindigt',
      'contract stopt', 'doorlopende beschikking', 'financiële zekerheid', 'jaarlijks verlengen', 'korte contractduur',
      'korte looptijd', 'kortlopende contracten', 'langdurige samenwerking', 'langere periode',
      'langjarige samenwerking', 'langjarige zekerheid', 'looptijd van het contract', 'meerjarig perspectief',
      'meerjarige afspraken', 'meerjarige contracten', 'meerjarige contractering', 'meerjarige financiering',
      'meerjarige overeenkomst', 'nieuwe aanbestedingsronde', 'nieuwe hulpverlener', 'onbepaalde looptijd', 'ontbinden',
      'onzekere toekomst', 'optie tot verlenging', 'opties tot verlenging', 'overgangsrecht', 'overgangsregeling',
      'personeel binden', 'personeel vasthouden', 'raamcontract', 'rust en continuïteit', 'rust en stabiliteit',
      'rust en zekerheid', 'rust in de tent', 'steeds opnieuw aanbesteden', 'stilzwijgende verlenging',
      'telkens opnieuw', 'tijdelijke arbeidscontracten', 'tussentijdse aanbesteding', 'verlopen contract',
      'voor onbepaalde tijd', 'vooruitzicht', 'wisselen van aanbieder', 'zekerheid geven', 'zekerheid op lange termijn',
    ],
    weak: [
      'duurzame samenwerking', 'gunningsperiode', 'huurcontract', 'huurovereenkomst', 'ingangsdatum', 'kortdurend',
      'startdatum', 'vasthouden', 'voor langere tijd', 'voor meerdere jaren', 'vooruitkijken', 'zekerheid bieden',
      'zekerheid voor langere tijd',
    ],
  },
  /** Pilots en proeftuinen, ruimte om te mislukken, innovatie- en stimuleringsgelden, zorgtechnologie, van project naar structureel. */
  innovatie: {
    strong: [
      'aanjaagfonds', 'aanjaaggelden', 'beeldzorg', 'chatbot', 'faalruimte', 'impactmeting', 'impulsgelden',
      'innovatieaanvraag', 'innovatieopslag', 'medicatiedispenser', 'medicijndispenser', 'ontwikkelbudget',
      'ontwikkelmiddelen', 'pilotgelden', 'pilotitis', 'proefperiode', 'projectencarrousel', 'projectsubsidie',
      'startsubsidie', 'stimuleringsbudget', 'stimuleringsfonds', 'stimuleringsgelden', 'subsidieaanvraag',
      'subsidiegelden', 'subsidiepot', 'valdetectie', 'videobellen', 'vr-bril', 'zonmw',
    ],
    medium: [
      'academische werkplaats', 'automatisering', 'digitale hulpmiddelen', 'digitale middelen',
      'digitale ondersteuning', 'effectonderzoek', 'ehealth-toepassingen', 'fondsaanvraag', 'hogeschool',
      'incidentele middelen', 'innovatie in het tarief', 'innovatieve aanpak', 'innovatieve ideeën', 'lectoraat',
      'leren van fouten', 'maatschappelijke businesscase', 'maatschappelijke impact', 'meetbare doelen', 'mkba',
      'nieuw behandelconcept', 'nieuwe aanpak', 'nieuwe behandelvorm', 'nieuwe concepten', 'nieuwe initiatieven',
      'nieuwe zorgvormen', 'ontwikkelopdracht', 'reguliere financiering', 'ruimte om te experimenteren',
      'ruimte voor experimenten', 'ruimte voor innovatie', 'slimme technologie', 'slimme zorg', 'slimmer werken',
      'startup', 'structureel maken', 'structurele inbedding', 'subsidieverlening', 'subsidievoorwaarden',
      'taakherschikking', 'tablet', 'technologische innovaties', 'tijdelijke financiering', 'transformatieagenda',
      'transformatieopgave', 'uitprobeert', 'van pilot naar structureel', 'vernieuwende aanpak',
    ],
    weak: [
      'aantonen', 'buiten de kaders denken', 'evaluatieonderzoek', 'fondsen', 'fouten mogen maken', 'kenniscentrum',
      'mag mislukken', 'mogen mislukken', 'nieuwe dingen', 'nieuwe manier van werken', 'nieuwsgierig',
      'toekomstgericht', 'vliegwiel', 'vooruitstrevend',
    ],
  },
  /** Zorginhoud, professionele en zorgstandaarden, veiligheid, erkende interventies, cliëntervaringen, kwaliteit tegenover geld. */
  kwaliteit: {
    strong: [
      'behandeldoelen', 'beroepscode', 'beroepsethiek', 'beroepsnorm', 'beroepsstandaard', 'bewezen methodiek',
      'cliëntveiligheid', 'doelrealisatie', 'effectieve interventies', 'ervaringsonderzoek', 'gunningscriterium',
      'hbo-opgeleid', 'inspectiebezoek', 'kwaliteitsmonitor', 'kwaliteitsrapportage', 'ondersteuningsdoelen',
      'oordeel van de professional', 'patiëntveiligheid', 'professioneel oordeel', 'professionele inschatting',
      'professionele standaard', 'tevredenheidsmeting', 'tevredenheidsonderzoek', 'uitkomstgerichte zorg',
      'veilige zorg', 'zorgdoelen', 'zorgstandaard',
    ],
    medium: [
      'aantoonbare kwaliteit', 'betere uitkomsten', 'bewezen resultaten', 'big-geregistreerd', 'bpkv',
      'cliënt centraal', 'deskundige begeleiders', 'erkende interventies', 'ervaringen van cliënten', 'gekwalificeerd',
      'gekwalificeerd personeel', 'geregistreerde professionals', 'gezondheidswinst', 'goed opgeleid',
      'goede ondersteuning', 'hbo-niveau', 'het financiële aspect voert de boventoon', 'incidentmeldingen',
      'inhoud van de zorg', 'inhoudelijke kwaliteit', 'kwaliteit centraal', 'kwaliteit en veiligheid',
      'kwaliteit voorop', 'kwaliteitskader gehandicaptenzorg', 'kwaliteitskader verpleeghuiszorg',
      'kwaliteitsverschillen', 'mbo-niveau', 'methodisch', 'methodisch werken', 'mic-meldingen', 'nps',
      'passend bij de cliënt', 'past bij de cliënt', 'past bij de zorgvraag', 'practice based', 'professionele ruimte',
      'recidivevermindering', 'registerplicht', 'toetsingskader', 'toezichtsbezoek', 'vakkundig', 'value based',
      'verantwoorde zorg', 'zorginhoudelijke eisen',
    ],
    weak: [
      'alleen over geld', 'cto', 'dossiervoering', 'goede hulp', 'meldingen', 'niet alleen over geld', 'recidive',
      'voert de boventoon', 'welke zorg past het best bij deze cliënten', 'zorg op maat',
    ],
  },
  /** Overgangen tussen wetten (18-/18+, naar de Wlz, uit detentie), lokale teams en toegang, keten en casusregie, wachtlijsten, onderwijs en wonen. */
  domeinoverstijgend: {
    strong: [
      'achttiende verjaardag', 'achttienjarigen', 'buiten de boot vallen', 'casemanager', 'casusregisseur',
      'doorbraakaanpak', 'doorstroom naar de wlz', 'eerstelijnsverblijf', 'escalatieroute', 'expertteam',
      'forensisch naar regulier', 'gezinsteam', 'instroom in de wlz', 'jeugdconsulent', 'leerplicht',
      'onderwijs-zorgarrangement', 'overgang naar de wlz', 'overgang naar de wmo', 'overgang tussen wetten',
      'resocialisatie', 'toegang tot de wlz', 'toegangsbeleid', 'toegangsloket', 'transferpunt',
      'uitstroom uit detentie', 'van jeugd naar wlz', 'van jeugd naar wmo', 'van loket naar loket', 'veiligheidshuis',
      'verkokering', 'wachtlijstproblematiek', 'wetswisseling', 'wijkcoach', 'wmo-loket', 'woonplaatsbeginsel', 'wvggz',
      'zorgcoördinatie', 'zorgmachtiging',
    ],
    medium: [
      'achttiende', 'algemene voorziening', 'ciz-indicatie', 'cliëntondersteuner', 'geen plek',
      'gemeente en zorgverzekeraar', 'integraal werken', 'ketenoverleg', 'lokaal team', 'maatwerkvoorziening',
      'nuldelijn', 'onderwijs en zorg', 'ontschot budget', 'ontschotte financiering', 'over de domeinen heen',
      'overgang 18', 'passend onderwijs', 'praktijkondersteuner', 'regiehouder', 'regionaal expertteam',
      'regionale regie', 'sociaal wijkteam', 'toegankelijkheid van zorg', 'tussen de stoelen vallen', 'uitplaatsing',
      'uitstroom uit beschermd wonen', 'verkeerde bed', 'verkeerde plek', 'verlengde jeugdzorg', 'volwassen worden',
      'voorveld', 'vroegsignalering', 'wet verplichte ggz', 'wijkverpleegkundige', 'wlz en wmo', 'wlz-aanvraag',
      'wmo en zvw', 'woningtekort', 'zorgpad',
    ],
    weak: [
      '18 jaar', 'aanmeldstop', 'gebrek aan woonruimte', 'naar elkaar wijzen', 'onder welke wet', 'titel loopt af',
      'toegang via de huisarts', 'toegang via de wijkteams', 'ziekenhuisopname',
    ],
  },
  /** Combinaties en samenwerkingsconstructies, doorbetalen en afdragen, aansprakelijkheid, verdeling van verantwoordelijkheden en cliënten. */
  onderaanneming: {
    strong: [
      'afdraagt', 'combinatieovereenkomst', 'combinatiepartner', 'coördinatiefee', 'doorbetaalt', 'hoofdcontractant',
      'hoofdelijk aansprakelijk', 'inhoudingspercentage', 'regiefee', 'samenwerkingsconstructie', 'tussenschakel',
    ],
    medium: [
      'aan de strijkstok blijven hangen', 'afgewenteld', 'afhankelijk van de hoofdaannemer', 'afwentelen',
      'blijft hangen bij de hoofdaannemer', 'cliëntverdeling', 'contractant', 'contractrelatie',
      'direct gecontracteerd', 'doorbetaling aan onderaannemers', 'franchise', 'franchiseconstructie',
      'geen directe contractrelatie', 'geen eigen contract', 'kleine zorgpartijen', 'kleinschalige aanbieders',
      'kleinschalige organisaties', 'kleinschalige zorgaanbieders', 'monopoliepositie', 'onder de hoofdaannemer',
      'overheadvergoeding', 'rechtstreeks gecontracteerd', "risico's doorschuiven", 'samenwerkingsafspraken',
      'samenwerkingsovereenkomst', 'samenwerkingsvorm', 'toewijzing van cliënten', 'verantwoordelijkheidsverdeling',
      'verdeelsleutel', 'verdeling van cliënten', 'verdeling van verantwoordelijkheden',
    ],
    weak: [
      'blijft hangen', 'deel van het tarief', 'dochterorganisatie', 'grote jongens', 'kleinschalig', 'marktaandeel',
      'uit de markt gedrukt', 'verdringing', 'weggeconcurreerd',
    ],
  },
  /** LVB, EMB en andere blijvende beperkingen, levenslange en intensieve ondersteuning, kennis van en voeling met de doelgroep. */
  doelgroep: {
    strong: [
      'blijvende ondersteuning', 'doofblind', 'ervaringsdeskundigheid', 'intensief en langdurig',
      'langdurig en intensief', 'ontwikkelingsleeftijd', 'zmlk',
    ],
    medium: [
      'adhd', 'affiniteit', 'affiniteit met de doelgroep', 'beeld van de doelgroep', 'beperkt zelfredzaam',
      'blijvende beperking', 'chronische beperking', 'chronische problematiek', 'cognitieve beperking', 'eigen tempo',
      'epa', 'ernstig meervoudig beperkt', 'ernstige meervoudige beperking', 'ernstige psychiatrische aandoening',
      'geen beeld van de doelgroep', 'geneest niet', 'hechtingsproblematiek', 'kennis van lvb',
      'kinderen met een beperking', 'kwetsbare cliënten', 'kwetsbare groepen', 'kwetsbare mensen',
      'levenslang en levensbreed', 'levenslange begeleiding', 'levenslange beperking', 'levenslange ondersteuning',
      'levenslange zorg', 'lichamelijk gehandicapt', 'licht verstandelijke beperking', 'lvb-expertise',
      'meervoudig gehandicapt', 'mensen met een handicap', 'motorische beperking', 'niet maakbaar', 'niet te genezen',
      'niet zelfredzaam', 'onbekend met de doelgroep', 'overvraging', 'psychische kwetsbaarheid', 'psychogeriatrie',
      'sociaal-emotioneel', 'somatiek', 'specifieke behoeften', 'specifieke zorgbehoefte', 'stapje voor stapje',
      'vaste gezichten', 'voeling', 'voeling met de doelgroep', 'wat deze doelgroep nodig heeft',
      'wat deze kinderen nodig hebben', 'wat deze mensen nodig hebben', 'zintuiglijk gehandicapt',
    ],
    weak: [
      'bewindvoerder', 'curator', 'de mens achter', 'familieleden', 'kwetsbare burgers', 'kwetsbare inwoners', 'mentor',
      'naasten', 'overschat', 'psychische problemen', 'trauma',
    ],
  },
};

const TIERS = ['strong', 'medium', 'weak'] as const;

/**
 * An entry as the engine reads it (abbreviations applied, stopwords dropped, stemmed):
 * "Meerjarige contracten" -> "meerjar contract", "1-op-1 begeleiding" -> "1op1 begeleiding".
 */
export function entryKey(entry: string): string {
  let text = normaliseText(entry);
  for (const [alias, canonical] of Object.entries(ABBREVIATIONS)) {
    if (text.includes(alias)) text = ` ${text} `.replaceAll(` ${alias} `, ` ${normaliseText(canonical)} `).trim();
  }
  return tokenize(text).filter(isContentWord).map(stem).join(' ');
}

/**
 * The base vocabulary with the extra entries added, per theme and tier. Base entries are kept as
 * they are; an extra entry is left out when its theme already has an entry that reads the same (same
 * stems, in any tier: the base tier wins) or when it reads as nothing (only stopwords). Themes of
 * either side are kept. Neither input is changed.
 */
export function mergeVocabularies(
  base: Record<string, ThemeVocabulary>,
  extra: Record<string, ThemeVocabulary>,
): Record<string, ThemeVocabulary> {
  const merged: Record<string, ThemeVocabulary> = {};
  for (const id of new Set([...Object.keys(base), ...Object.keys(extra)])) {
    const own = base[id];
    const tiers: ThemeVocabulary = { strong: [...(own?.strong ?? [])], medium: [...(own?.medium ?? [])], weak: [...(own?.weak ?? [])] };
    const seen = new Set(TIERS.flatMap((tier) => tiers[tier].map(entryKey)));
    for (const tier of TIERS) {
      for (const entry of extra[id]?.[tier] ?? []) {
        const key = entryKey(entry);
        if (key === '' || seen.has(key)) continue;
        seen.add(key);
        tiers[tier].push(entry);
      }
    }
    merged[id] = tiers;
  }
  return merged;
}

/** The vocabulary the engine uses: lexicon.ts with the field vocabulary merged in. */
export const VOCABULARY: Record<string, ThemeVocabulary> = mergeVocabularies(THEME_VOCABULARY, FIELD_VOCABULARY);
