/**
 * Vocabulary of the default codebook's themes (see default-codebook.ts): the words and short phrases
 * that workshop cards about Dutch care procurement (Wlz, Wmo, Jeugdwet, Forensische Zorg, GZSP) use
 * for each theme. Data only.
 *
 * How the engine reads it (features.ts, model.ts):
 * - Entries are normalised (lowercase, no diacritics), stopwords dropped and the rest stemmed with the
 *   Dutch Snowball stemmer, so one form per stem is enough; forms that stem differently are listed
 *   separately (uniformering / uniform, innovatie / innovaties).
 * - A multi-word entry adds its phrase AND each of its words with the weight of its tier. A phrase
 *   therefore sits in the tier its weakest word deserves: 'reële kostprijs' is medium because
 *   'reëel' is not a tariff word on its own.
 * - Every word of every entry is a known word for splitting compounds ("meerzorgaanvragen" ->
 *   "meerzorg" + "aanvragen") and for matching misspellings; heads and modifiers are listed on purpose.
 * - GENERIC_TERMS are removed from every theme (phrases that contain them still count, e.g.
 *   'per gemeente', 'zelf inkopen').
 * - ABBREVIATIONS are applied to the normalised card text (punctuation already turned into spaces),
 *   so their keys are written normalised: 'vg 7' for "VG-7", 'e health' for "e-health".
 */

/** Vocabulary per theme of the default codebook: words and short phrases a card about the theme tends to use. */
export interface ThemeVocabulary {
  /** Unambiguous indicators of this theme (a card with one of these is very likely about it). */
  strong: string[];
  /** Typical words of the theme that also occur elsewhere now and then. */
  medium: string[];
  /** Context words that lean towards the theme but are common. */
  weak: string[];
}

export const THEME_VOCABULARY: Record<string, ThemeVocabulary> = {
  /** Eenduidigheid en uniformering: standaarden (ISD), opplussen, verschillen tussen gemeenten/zorgkantoren en over de jaren, gezamenlijk inkopen. */
  uniformering: {
    strong: [
      'administratieprotocol', 'administratieprotocollen', 'eenduidig', 'eenheid van beleid', 'geharmoniseerd',
      'gestandaardiseerd', 'harmonisatie', 'harmoniseren', 'ijw', 'inconsistent', 'inconsistentie', 'inkoopkader',
      'inkoopsamenwerking', 'isd', 'istandaard', 'iwlz', 'iwmo', 'lappendeken', 'opgeplust', 'opplussen',
      'productcodelijst', 'standaardcontract', 'standaarddocumenten', 'standaardisatie', 'standaardiseren',
      'standaardovereenkomst', 'standaardtarief', 'uniform', 'uniformering', 'uniformiteit', 'versnipperd',
      'versnippering', 'wildgroei',
    ],
    medium: [
      'afwijken', 'andere eisen', 'andere regels', 'autonomie', 'beleidsvrijheid', 'consistent', 'consistentie',
      'dezelfde', 'differentiatie', 'differentiëren', 'eigen beleid', 'eigen eisen', 'eigen invulling', 'eigen regels',
      'eigen voorwaarden', 'elk zorgkantoor', 'elke gemeente', 'gelijktrekken', 'gemeentegrens',
      'gemeentelijke autonomie', 'gemeenten onderling', 'gezamenlijk', 'gezamenlijk inkopen',
      'gezamenlijke aanbesteding', 'iedere gemeente', 'informatievoorziening sociaal domein', 'inkoopregio',
      'landelijk', 'landelijk inkoopkader', 'landelijke afspraken', 'landelijke standaard', 'modelcontract',
      'modelovereenkomst', 'onderling', 'overal hetzelfde', 'per gemeente', 'per zorgkantoor', 'plussen', 'regiogrens',
      'regionaal inkopen', 'samenwerkingsregio', 'standaard', 'systeemaanpassing', 'varianten', 'variatie',
      'variatie over de jaren', 'verschil', 'verschillen', 'verschillen tussen gemeenten',
      'verschillen tussen zorgkantoren', 'verschilt', 'zelf inkopen', 'zorgkantoorregio', 'zorgkantoren onderling',
    ],
    weak: [
      'aansluiten', 'afstemming', 'allemaal', 'berichten', 'berichtenverkeer', 'contractvoorwaarden', 'format',
      'gelijk', 'grens', 'hetzelfde', 'iedereen', 'inkoopvoorwaarden', 'model', 'overal', 'programma van eisen',
      'protocol', 'protocollen', 'regelgeving', 'regels', 'regio', 'regionaal', 'software', 'softwareleverancier',
      'uitzondering', 'vng', 'voorschriften', 'voorwaarden', 'zn',
    ],
  },
  /** Dialoog, vertrouwen en samenwerking: gesprekstafels, terugkoppeling, inspraak, relatie, bereikbaarheid van de inkoper. */
  dialoog: {
    strong: [
      'aanspreekpunt', 'accounthouder', 'accountmanager', 'bereikbaar', 'cocreatie', 'contactpersoon', 'dialoog',
      'dialoogsessie', 'dialoogtafel', 'eenrichtingsverkeer', 'feedback', 'gelijkwaardig', 'gesprekspartner',
      'gesprekstafel', 'inkoopdialoog', 'inspraak', 'klankbordgroep', 'luisteren', 'marktconsultatie', 'mede-eigenaar',
      'meebeslissen', 'meedenken', 'meepraten', 'onbereikbaar', 'ongelijkwaardig', 'overlegstructuur', 'overlegtafel',
      'partnerschap', 'relatiemanager', 'samenwerkingsrelatie', 'teruggekoppeld', 'terugkoppeling', 'vertrouwen',
      'vertrouwensrelatie', 'wantrouwen', 'werkbezoek', 'zendmodus',
    ],
    medium: [
      'afstand', 'ambtenaren', 'bellen', 'bestuurlijk overleg', 'betrekken', 'betrokken', 'bezoek', 'bijeenkomst',
      'communicatie', 'communiceren', 'contact', 'eenzijdig', 'eenzijdig opgelegd', 'evaluatie', 'evalueren', 'gehoord',
      'gesprek', 'informatiebijeenkomst', 'input', 'jaargesprek', 'kijkje', 'laagdrempelig', 'langsgekomen',
      'langskomen', 'langskwam', 'machtsverhouding', 'mail', 'open houding', 'openheid', 'openstaan', 'opgelegd',
      'overleg', 'overleggen', 'personeelswisselingen', 'persoonlijk contact', 'reactie', 'reageren', 'relatie',
      'samen optrekken', 'samenwerking', 'serieus genomen', 'sessie', 'signalen', 'telefonisch', 'tijdig betrekken',
      'toelichting', 'transparant', 'transparantie', 'uitgenodigd', 'uitleg', 'uitleggen', 'uitnodiging',
      'verwachtingen', 'vroegtijdig', 'wederzijds', 'wethouder', 'wisselende inkopers', 'wisselingen', 'zenden',
    ],
    weak: [
      'aandacht', 'antwoord', 'begrip voor elkaar', 'bestuur', 'bestuurders', 'constructief', 'cultuur',
      'duidelijkheid', 'elkaar', 'geïnformeerd', 'gelijk', 'gesproken', 'houding', 'informeren', 'inzicht', 'kennen',
      'kennismaken', 'korte lijnen', 'locatie', 'locaties', 'meenemen', 'partners', 'personele wisselingen', 'praktijk',
      'praten', 'prettig', 'samen', 'sfeer', 'spreken', 'tafel', 'toegankelijk', 'toon', 'uitwisseling', 'werkvloer',
    ],
  },
  /** Administratieve lasten en tijdsinzet: hoeveelheid en detail van de uitvraag, documenten, NvI, tijd die inschrijven kost. */
  administratieve_lasten: {
    strong: [
      'aanbestedingsdocumenten', 'aanbestedingsstukken', 'aangeleverd', 'aanleveren', 'administratiedruk',
      'administratielast', 'arbeidsintensief', 'bewijslast', 'bewijsstukken', 'bureaucratie', 'bureaucratisch',
      'detailniveau', 'diploma', 'dubbelingen', 'formulieren', 'inlichtingen', 'inschrijfprocedure',
      'inschrijvingsdocumenten', 'invulwerk', 'lastendruk', 'leeswijzer', 'negometrix', 'nota van inlichtingen',
      'onoverzichtelijk', 'opgevraagd', 'opvragen', 'papierwerk', 'papierwinkel', 'regeldruk', 'rompslomp', 'tenderned',
      'tijdrovend', 'tijdsbesteding', 'tijdsinzet', 'toetredingsdocumenten', 'uittreksel', 'uitvraag',
      'verantwoordingsdruk', 'verantwoordingslast', 'vog', 'vragenlijsten', 'vragenronde',
    ],
    medium: [
      'aanbestedingsprocedure', 'accountantsverklaring', 'administratie', 'administratief', 'administratieve lasten',
      'bijlagen', 'chaotisch', 'controle', 'controles', 'deadline', 'documenten', 'doorworstelen', 'dubbel werk',
      'eenmalig', 'eenvoudiger', 'gedetailleerd', 'gegevens', 'hergebruik', 'hoeveelheid', 'indienen', 'informatie',
      'informatieverzoek', 'ingeschreven', 'ingewikkeld', 'inkoopprocedure', 'inschrijving', 'invullen', 'kvk',
      'kwalificaties', 'menskracht', 'omslachtig', 'onnodig', 'overbodig', 'overzicht', 'pagina', 'portaal',
      'procedure', 'rapportage', 'rapporteren', 'referenties', 'registratie', 'registreren', 'rommelig', 'structuur',
      'tijd kwijt', 'uitzoeken', 'uren kwijt', 'veel tijd', 'veel zorgverzekeraars', 'verantwoording',
      'vereenvoudiging', 'verklaringen', 'werkdruk', 'werklast',
    ],
    weak: [
      'belastend', 'controleren', 'digitaal', 'digitale inschrijving', 'duidelijk', 'efficiënt', 'enorm', 'helder',
      'inkoopproces', 'inspanning', 'lezen', 'moeite', 'nodig', 'noodzaak', 'nut', 'omzet', 'onduidelijk',
      'opnieuw aanleveren', 'platform', 'stukken', 'systeem', 'termijn', 'tijd', 'tijdig', 'vragen', 'waarom', 'zoeken',
      'zwaar',
    ],
  },
  /** Tarieven en kostprijs: hoogte van de prijs, kostendekkendheid, kortingen, indexering, loonkosten, hardheidsclausule. */
  tarieven: {
    strong: [
      'afslag', 'cao', 'doelmatigheidskorting', 'geïndexeerd', 'hardheidsclausule', 'huisvestingskosten', 'indexatie',
      'indexering', 'inflatie', 'kortingspercentage', 'kostendekkend', 'kostenstijging', 'kostprijs', 'kostprijsmodel',
      'kostprijsonderbouwing', 'kostprijsonderzoek', 'loonkosten', 'loonstijging', 'loonsverhoging', 'maximumtarief',
      'onderfinanciering', 'ondergefinancierd', 'ondergrens', 'ova', 'overheadkosten', 'personeelskosten',
      'prijsafspraken', 'prijsindex', 'prijsniveau', 'prijsstijging', 'richtprijs', 'richttarief', 'tarief',
      'tariefafspraken', 'tariefbeleid', 'tariefdifferentiatie', 'tariefgesprek', 'tariefhoogte', 'tariefkorting',
      'tariefonderbouwing', 'tariefpercentage', 'tariefstijging', 'tariefsverhoging', 'tariefverhoging',
      'tariefverlaging', 'uurtarief', 'verlieslatend',
    ],
    medium: [
      'afhaken', 'bedrag', 'betaalbaar', 'bezuiniging', 'contracteerruimte', 'dekkend', 'euro', 'exploitatie',
      'faillissement', 'financieel', 'financiële ruimte', 'financiën', 'geld', 'goedkoop', 'hogere tarieven', 'korting',
      'kosten', 'laagste prijs', 'lage tarieven', 'loon', 'marge', 'nhc', 'nza', 'nza-tarief', 'onder de kostprijs',
      'onderhandelen', 'onderhandelingsruimte', 'ontoereikend', 'opslag', 'overige kosten', 'passend tarief',
      'percentage', 'prijs', 'reëel tarief', 'reële', 'reële kostprijs', 'reële prijs', 'rendement', 'salarissen',
      'stijgende kosten', 'te laag', 'tekort', 'tekortschietend', 'terugtrekken', 'toereikend', 'vergoeding',
      'verhoging', 'verlaging', 'verlies', 'winst',
    ],
    weak: [
      'aangepast', 'begroting', 'berekening', 'budget', 'daling', 'energie', 'extra geld', 'gehonoreerd', 'gemiddelde',
      'hoger', 'hoog', 'huisvesting', 'in lijn met', 'investeren', 'jaarrekening', 'laag', 'lager',
      'landelijk gemiddelde', 'middelen', 'onderbouwing', 'onvoldoende', 'overleven', 'passend', 'personeel', 'procent',
      'rekenen', 'ruimte', 'stijging', 'vastgoed', 'verhoogd', 'verlaagd', 'verzoek', 'voldoende', 'volhouden',
      'voorgaande jaren', 'werkbaar',
    ],
  },
  /** Bekostigingssystemen: hoe betaald wordt (lumpsum, PxQ, trajecten, resultaat), declareren, productcodes, verantwoording die er niet bij past. */
  bekostiging: {
    strong: [
      'afgerekend', 'afrekenen', 'arrangement', 'bekostiging', 'bekostigingsmodel', 'bekostigingssysteem',
      'bekostigingssystematiek', 'bekostigingsvorm', 'beschikbaarheidsfinanciering', 'bevoorschotting',
      'budgetfinanciering', 'budgetplafond', 'capaciteitsfinanciering', 'dbbc', 'dbc', 'declaratie', 'declareren',
      'facturatie', 'factureren', 'financieringsmodel', 'financieringssystematiek', 'financieringsvorm', 'gedeclareerd',
      'inputgericht', 'inspanningsgericht', 'lumpsum', 'maandbedrag', 'nacalculatie', 'omzetplafond', 'onderproductie',
      'outcomebekostiging', 'outcomegericht', 'outputcontract', 'outputfinanciering', 'outputgericht', 'overproductie',
      'populatiebekostiging', 'populatiegebonden', 'productcode', 'productcodes', 'productieafspraken',
      'productieplafond', 'pxq', 'resultaatbekostiging', 'resultaatfinanciering', 'taakgericht', 'terugvordering',
      'trajectbekostiging', 'trajectfinanciering', 'uitvoeringsvariant', 'zorgprestatiemodel',
    ],
    medium: [
      'betaald', 'betaling', 'facturen', 'financiering', 'financieringsstromen', 'geleverde uren', 'geleverde zorg',
      'gewisseld', 'input', 'liquiditeit', 'met terugwerkende kracht', 'minuten', 'mismatch', 'mpt', 'outcome',
      'output', 'overstappen', 'per cliënt', 'per etmaal', 'per maand', 'per uur', 'perverse prikkels', 'pgb',
      'plafond', 'prestatie', 'prestatiebeschrijving', 'prikkels', 'productie', 'rechtmatigheid', 'registratiesystemen',
      'resultaatgericht', 'systematiek', 'uitbetaling', 'uren', 'verantwoording', 'volume', 'volumeafspraken',
      'voorschot', 'vpt', 'wisselen van bekostigingssysteem', 'zorg in natura', 'zzp',
    ],
    weak: [
      'aantallen', 'bepalen', 'controle', 'controleren', 'doelmatigheid', 'flexibel', 'flexibiliteit', 'geleverd',
      'inkoopmodel', 'inzet', 'keuze', 'maand', 'model', 'modellen', 'productiecijfers', 'registreren', 'resultaten',
      'risico', 'sturen', 'sturing', 'systeem', 'traject', 'uitvoeringsvorm', 'vorm', 'vrijheid',
    ],
  },
  /** Meerzorg en complexe zorg: aanvragen, toekenning en afhandeling, VG7, maatwerkafspraken, zorg boven het profiel. */
  meerzorg: {
    strong: [
      'cce', 'gedragsproblematiek', 'gedragsproblemen', 'ikz', 'maatwerkafspraken', 'meerzorg', 'meerzorgaanvraag',
      'meerzorgafspraken', 'meerzorgbudget', 'meerzorgmiddelen', 'meerzorgregeling', 'meerzorgsjabloon',
      'meerzorgtoekenning', 'onbegrepen gedrag', 'probleemgedrag', 'topzorg', 'vg7', 'zorgprofiel', 'zorgzwaarte',
      'zorgzwaartepakket',
    ],
    medium: [
      'aangevraagd', 'aanvraag', 'afgewezen', 'afhandeling', 'afwijzing', 'agressie', 'agressief', 'beoordeling',
      'beslistermijn', 'bezetting', 'boven het profiel', 'complexe zorg', 'complexe zorgvraag', 'doorlooptijd',
      'ernstig', 'ernstige gedragsproblematiek', 'extra begeleiding', 'extra inzet', 'extra middelen', 'extra uren',
      'extra zorg', 'gedragsdeskundige', 'intensieve kindzorg', 'intensieve zorg', 'kortingen op meerzorg', 'maatwerk',
      'nachtdienst', 'nachtzorg', 'onderbouwing', 'profiel', 'sjabloon', 'streng', 'strenger', 'terughoudend',
      'toegekend', 'toekenning', 'traag', 'zelfbeschadiging', 'zwaardere zorg', 'zware zorg',
    ],
    weak: [
      'behandelaar', 'bewoners', 'complexiteit', 'crisis', 'duurt lang', 'extra', 'extra personeel', 'financiering',
      'formatie', 'gedrag', 'gekort', 'intensief', 'lang', 'middelen', 'ontoereikend', 'personele inzet',
      'specialistisch', 'specialistische zorg', 'toezicht', 'uitzonderlijk', 'wachten', 'zeer', 'zwaar', 'zwaarste',
    ],
  },
  /** Contractduur en continuïteit: looptijd, meerjarige afspraken, verlenging, duur van beschikkingen, rust en zekerheid. */
  contractduur: {
    strong: [
      'beschikkingsduur', 'continuïteit', 'contractduur', 'contractlooptijd', 'contractperiode', 'contractverlenging',
      'eenjarig', 'einddatum', 'heraanbesteding', 'herindicatie', 'herindiceren', 'jaarcontract', 'kortlopend',
      'langjarig', 'langlopend', 'looptijd', 'meerjarenafspraken', 'meerjarenbeleid', 'meerjarencontract',
      'meerjarenperspectief', 'meerjarig', 'optiejaar', 'opzegtermijn', 'stilzwijgend', 'verlenging',
      'verlengingsoptie',
    ],
    medium: [
      'afloop', 'beëindiging', 'behouden', 'beschikking', 'bestendig', 'continueren', 'contract', 'contracteerperiode',
      'elk jaar opnieuw', 'gecontinueerd', 'geen contract', 'ieder jaar opnieuw', 'inkoopronde', 'investeringen',
      'jaarlijks', 'jaarlijks opnieuw', 'kort', 'korte beschikkingen', 'korte contracten', 'korte termijn', 'korter',
      'kortere contracten', 'lange contracten', 'lange termijn', 'langer', 'langere beschikkingen',
      'langere contracten', 'langetermijn', 'ongewijzigd', 'onrust', 'onzekerheid', 'opgezegd', 'opnieuw aanbesteden',
      'opzeggen', 'overeenkomst', 'periode', 'planbaarheid', 'raamovereenkomst', 'rust', 'stabiel', 'stabiliteit',
      'verlengd', 'voorspelbaarheid', 'voortzetting', 'zekerheid', 'zonder contract',
    ],
    weak: [
      'cliënten overdragen', 'duur', 'duurzaam', 'lang', 'menskracht', 'open house', 'opnieuw', 'personeel behouden',
      'perspectief', 'ruimte', 'stress', 'telkens', 'tijdelijk', 'toekomst', 'vast', 'veranderingen', 'voorgaande',
      'vorig', 'wijzigingen',
    ],
  },
  /** Innovatie: innovatiebudgetten, pilots, technologie, kpi’s, ruimte om te mislukken, subsidies. */
  innovatie: {
    strong: [
      'arbeidsbesparend', 'beeldbellen', 'businesscase', 'digitalisering', 'domotica', 'ehealth', 'experiment',
      'experimenteerruimte', 'experimenteren', 'falen', 'innovatie', 'innovatiebudget', 'innovatief', 'innovatiefonds',
      'innovatiegelden', 'innovatiekracht', 'innovatiemiddelen', 'innovatieplan', 'innovatieproject', 'innovatieruimte',
      'innovaties', 'innoveren', 'kpi', 'kunstmatige intelligentie', 'mislukking', 'opschaling', 'pilot', 'proeftuin',
      'robot', 'robotica', 'sensoren', 'stimuleringsregeling', 'subsidieregeling', 'technologie', 'technologische',
      'transformatiemiddelen', 'vernieuwing', 'zorgtechnologie', 'zorgvernieuwing',
    ],
    medium: [
      'anders werken', 'app', 'borgen', 'borging', 'business case', 'creatief', 'creativiteit', 'digitaal',
      'digitale zorg', 'doorontwikkelen', 'durven', 'economisch onderbouwd', 'goede voorbeelden', 'hybride', 'idee',
      'ideeën', 'implementatie', 'implementeren', 'inbedden', 'indicatoren', 'initiatief', 'kennis delen', 'leren',
      'lerend', 'meetbaar', 'monitoring', 'nieuwe methodiek', 'ontwikkeling', 'prestatie-indicatoren', 'projectplan',
      'regulier', 'reguliere zorg', 'subsidie', 'subsidiëren', 'subsidies', 'toekomstbestendig', 'uitrol',
      'voorbeelden', 'voorloper', 'wetenschappelijk', 'zorg op afstand',
    ],
    weak: [
      'anders organiseren', 'budget', 'data', 'delen', 'effect', 'efficiënt', 'efficiënter', 'ict', 'inspiratie',
      'investeren', 'kansen', 'krapte', 'mogelijkheden', 'nieuwe werkwijze', 'onderzoek', 'personeelstekort',
      'proberen', 'project', 'regulier aanbod', 'risico nemen', 'ruimte', 'slim', 'slimme', 'structureel',
      'structurele financiering', 'succes', 'succesvol', 'tijdelijk', 'toekomst', 'uitproberen', 'van elkaar leren',
      'verbeteren', 'vergoed', 'verwacht',
    ],
  },
  /** Kwaliteit van zorg: kwaliteitseisen en -kaders, zorginhoud, wat de cliënt nodig heeft, professionals. */
  kwaliteit: {
    strong: [
      'beroepsregistratie', 'certificering', 'cliëntenraad', 'cliëntervaring', 'cliënttevredenheid', 'effectiviteit',
      'generiek kompas', 'goede zorg', 'hkz', 'inhoudelijk', 'inspectie', 'keurmerk', 'kwaliteit', 'kwaliteitsbeleid',
      'kwaliteitsborging', 'kwaliteitscriteria', 'kwaliteitsdialoog', 'kwaliteitsdifferentiatie', 'kwaliteitseisen',
      'kwaliteitsgesprek', 'kwaliteitsindicatoren', 'kwaliteitskader', 'kwaliteitsniveau', 'kwaliteitsnormen',
      'kwaliteitsplan', 'kwaliteitsslag', 'kwaliteitsstandaard', 'kwaliteitssysteem', 'kwaliteitsverbetering',
      'kwaliteitsverslag', 'risicotaxatie', 'skj', 'uitkomstmaten', 'zorginhoud', 'zorgkwaliteit', 'zorgvisie',
    ],
    medium: [
      'audit', 'behandelmethode', 'bekwaam', 'bevoegd', 'certificaat', 'cliëntperspectief', 'deskundigheid',
      'effectief', 'emvi', 'ervaringsdeskundige', 'gecertificeerd', 'gesprek over kwaliteit', 'goede kwaliteit',
      'gunningscriteria', 'inhoudelijke gesprekken', 'kwaliteit van zorg', 'methodiek', 'normen', 'normering',
      'ondersteuningsplan', 'opleiding', 'opleidingseisen', 'opleidingsniveau', 'outcome', 'passende zorg',
      'personeelseisen', 'personeelssamenstelling', 'professionaliteit', 'professionals', 'resultaten', 'richtlijnen',
      'tevredenheid', 'toetsing', 'toezicht', 'uitkomsten', 'vakbekwaam', 'vakmanschap', 'veiligheid', 'verbeterplan',
      'visitatie', 'waardegedreven', 'zinnige zorg', 'zorgplan', 'zorgresultaten',
    ],
    weak: [
      'aandacht', 'ambitie', 'ambities', 'behandeling', 'beoordeling', 'cliëntgericht', 'criteria', 'definitie',
      'doelen', 'ervaringen', 'gebouw', 'geld', 'gunnen', 'in plaats van geld', 'juiste zorg', 'leren', 'meten',
      'niveau', 'nodig', 'passend', 'personeel', 'selectie', 'verbetering', 'visie', 'wat de cliënt nodig heeft',
      'werkwijze', 'zoekende',
    ],
  },
  /** Domeinoverstijgend werken en toegang: schotten tussen wetten, overgangen (18-/18+, naar de Wlz), toegang, regie in de regio, keten. */
  domeinoverstijgend: {
    strong: [
      '18min', '18plus', 'bovenregionaal', 'buurtteam', 'casuïstiek', 'ciz', 'cliëntreis', 'domeinoverschrijdend',
      'domeinoverstijgend', 'escalatieteam', 'gebiedsteam', 'grensvlak', 'jeugdteam', 'jongvolwassenen', 'ketenaanpak',
      'ketenpartners', 'ketensamenwerking', 'klantreis', 'nazorg', 'ontschotten', 'raakvlakken', 'regioplan',
      'regioplannen', 'regiovisie', 'rommelruimte', 'schotten', 'toegangsteam', 'tussen wal en schip', 'vervolgplek',
      'vervolgzorg', 'volwassenenzorg', 'voorliggend', 'warme overdracht', 'wetoverstijgend', 'wijkteam',
      'zorgcontinuïteit', 'zorgverzekeringswet',
    ],
    medium: [
      'andere wetten', 'beschermd wonen', 'casus', 'complexe casussen', 'complexe problematiek', 'doorstroom',
      'financiers', 'gecertificeerde instelling', 'gemeenten en zorgkantoren', 'ggz-cliënten', 'grenzen', 'huisarts',
      'indicatie', 'instroom', 'integraal', 'integrale aanpak', 'jeugdbescherming', 'jongeren', 'justitie en gemeenten',
      'justitiële titel', 'keten', 'lokale toegang', 'maatschappelijke opvang', 'meerderjarig',
      'meervoudige problematiek', 'multiproblematiek', 'netwerk', 'onderwijs', 'overdracht', 'overgang', 'overstap',
      'participatiewet', 'preventie', 'reclassering', 'regie', 'regie in de regio', 'regierol', 'regio', 'regionaal',
      'samenhang', 'samenloop', 'schuldhulpverlening', 'thuiszitters', 'titel', 'toegang', 'toegang tot zorg',
      'tussen de wetten', 'tussen domeinen', 'uitstroom', 'van ggz naar wlz', 'van jeugdwet naar wlz',
      'van wmo naar wlz', 'verlengde jeugdhulp', 'verwijzing', 'volwassenen', 'voorliggende voorzieningen',
      'wachtlijst', 'wachttijd', 'wet', 'wie betaalt', 'wlz-indicatie', 'woningcorporaties', 'woonplek',
      'zorgbemiddeling', 'zorgkantoor en gemeente',
    ],
    weak: [
      'aansluiting', 'afschuiven', 'buurt', 'faciliteren', 'gezin', 'gezinnen', 'ggz', 'kennis', 'lokaal', 'partners',
      'plek', 'politie', 'rechter', 'regionale samenwerking', 'route', 'thuis', 'vallen tussen', 'verantwoordelijk',
      'verbinding', 'verschuiven', 'wettelijk', 'wisselingen in de toegang', 'zorgvraag',
    ],
  },
  /** Hoofd- en onderaannemerschap: constructies, combinaties, doorbetalen en overhead, verantwoordelijkheden, positie van kleine aanbieders. */
  onderaanneming: {
    strong: [
      'afdracht', 'afdrachtpercentage', 'combinatievorming', 'consortia', 'consortium', 'doorbelasten', 'doorbetaling',
      'hoofdaannemer', 'hoofdaannemerschap', 'hoofdaannemersconstructie', 'hoofdaannemersmodel', 'managementfee',
      'onderaannemer', 'onderaannemerschap', 'onderaannemersconstructie', 'onderaannemersovereenkomst',
      'onderaanneming', 'onderaannemingsovereenkomst', 'penvoerder', 'penvoerderschap', 'regieaanbieder',
      'samenwerkingsverband', 'tussenlaag', 'uitbesteding', 'zzper',
    ],
    medium: [
      'aannemer', 'aansprakelijkheid', 'afbakening', 'afgebakend', 'afhankelijkheid', 'combinatie', 'concurrenten',
      'constructie', 'constructies', 'coöperatie', 'doorschuiven', 'eindverantwoordelijkheid', 'fee', 'freelancers',
      'grote aanbieders', 'grote organisaties', 'grote partijen', 'ingehouden', 'kleine aanbieders',
      'kleine organisaties', 'kleinere aanbieders', 'lead provider', 'machtspositie', 'management fee',
      'marktconcentratie', 'minder aanbieders', 'netwerkorganisatie', 'overhead', 'overheadpercentage', 'regisseursrol',
      'resultaatverantwoordelijk', 'samenwerkingspartner', 'verantwoordelijkheid', 'werkgebied', 'zelfstandigen',
    ],
    weak: [
      'aansluiten', 'aansluiten op systemen', 'aantal aanbieders', 'administratie', 'afspraken maken', 'concurrentie',
      'contractpartij', 'direct contract', 'eigen contract', 'gegund', 'grote', 'gunning', 'kleine', 'koppeling',
      'lasten', 'onduidelijkheid', 'opdrachtgever', 'partner', 'percelen', 'rechtstreeks contract', 'regisseur',
      'risico', 'rol', 'rollen', 'samenwerken', 'structuur', 'systemen', 'verdeling', 'verschuiven',
      'zelfstandig contracteren',
    ],
  },
  /** Begrip voor de doelgroep: mensen met een (verstandelijke) beperking, hun langdurige en intensieve ondersteuning, kennis van de doelgroep. */
  doelgroep: {
    strong: [
      'autisme', 'beperking', 'cliëntengroep', 'cliëntgroep', 'doelgroep', 'doelgroepkennis', 'doelgroepspecifiek',
      'emb', 'gehandicapten', 'gehandicaptenzorg', 'handicap', 'levensbreed', 'levenslang', 'lichamelijke beperking',
      'lvb', 'mensen met een beperking', 'nah', 'niet-aangeboren hersenletsel', 'sglvg', 'verstandelijk gehandicapt',
      'verstandelijke beperking', 'vg', 'zintuiglijke beperking',
    ],
    medium: [
      'aanslaan', 'aanslaat', 'afbouwen', 'afschalen', 'ander karakter', 'begrijpen', 'begrip',
      'begrip voor de doelgroep', 'behoeften', 'blijvend', 'chronisch', 'dementie', 'deze groep', 'eigen karakter',
      'eigenheid', 'erkend', 'erkenning', 'ernstige beperking', 'expertise', 'geduld', 'herstel', 'herstelgericht',
      'intensief', 'intensieve ondersteuning', 'karakter', 'kennis', 'kennis van de doelgroep', 'kwetsbaar',
      'kwetsbare doelgroep', 'langdurig', 'langdurige begeleiding', 'langdurige ondersteuning', 'lg', 'mantelzorgers',
      'meervoudige beperking', 'onderkennen', 'onderschatten', 'ondersteuningsbehoefte', 'ontwikkelingsperspectief',
      'psychiatrische problematiek', 'specifieke doelgroep', 'specifieke kennis', 'stabilisatie', 'stabiliseren',
      'verwanten', 'vooruitgang', 'zelfredzaam', 'zg', 'zorgbehoefte',
    ],
    weak: [
      'aandacht', 'beeld', 'bewustzijn', 'dagbesteding', 'hulpvraag', 'individueel', 'inzetten voor', 'inzicht',
      'kinderen', 'langer duren', 'mogelijkheden', 'onbekendheid', 'oog voor', 'perspectief', 'rekening houden met',
      'specifieke', 'tijd nodig', 'vaste begeleiders', 'vertrouwd', 'zorgvraag',
    ],
  },
};

/** Words that occur in cards of every theme and carry no theme signal (domain-generic). */
export const GENERIC_TERMS: string[] = [
  'aanbesteding', 'aanbieder', 'aanbieders', 'afspraken', 'alle', 'altijd', 'andere', 'anders', 'begeleiding', 'beleid',
  'beter', 'boven', 'cliënt', 'cliënten', 'dji', 'domein', 'eisen', 'elk', 'elke', 'fijn', 'forensische', 'gaan',
  'geen', 'gemeente', 'gemeentelijk', 'gemeenten', 'geven', 'goed', 'graag', 'gzsp', 'houden', 'ieder', 'iedere',
  'inkoop', 'inkoopbeleid', 'inkopen', 'inkoper', 'inkopers', 'instelling', 'instellingen', 'jaar', 'jaren', 'jenv',
  'jeugd', 'jeugdhulp', 'jeugdwet', 'jeugdzorg', 'justitie', 'komen', 'krijgen', 'maken', 'meer', 'mensen', 'minder',
  'moeten', 'niet', 'niets', 'nieuw', 'onder', 'ondersteuning', 'organisatie', 'organisaties', 'over', 'partijen',
  'per', 'proces', 'sociaal', 'staan', 'steeds', 'te', 'tegen', 'tussen', 'veel', 'verzekeraar', 'weer', 'werk', 'wlz',
  'wmo', 'zelf', 'zonder', 'zorg', 'zorgaanbieder', 'zorgaanbieders', 'zorginkoop', 'zorgkantoor', 'zorgkantoren',
  'zorgverzekeraar',
];

/** Spelling variants and abbreviations mapped to a canonical form, e.g. 'nvi' -> 'nota van inlichtingen', 'clienten' handled elsewhere. Keys and values lowercase. */
export const ABBREVIATIONS: Record<string, string> = {
  nvi: 'nota van inlichtingen',
  'vg 7': 'vg7',
  'vg 7+': 'vg7',
  'vg7+': 'vg7',
  'e health': 'ehealth',
  'lump sum': 'lumpsum',
  'p x q': 'pxq',
  'p q': 'pxq',
  'zzp ers': 'zzper',
  'zzp er': 'zzper',
  zzpers: 'zzper',
  'co creatie': 'cocreatie',
  'domein overstijgend': 'domeinoverstijgend',
  'domein overstijgende': 'domeinoverstijgend',
  'hoofd aannemer': 'hoofdaannemer',
  'hoofd aannemers': 'hoofdaannemer',
  'hoofd en onderaannemer': 'hoofdaannemer onderaannemer',
  'hoofd en onderaannemers': 'hoofdaannemer onderaannemers',
  'onder aannemer': 'onderaannemer',
  'onder aannemers': 'onderaannemer',
  '18 18+': '18min 18plus',
  '18+ 18': '18min 18plus',
  '18 min': '18min',
  '18 plus': '18plus',
  '18+': '18plus',
  zk: 'zorgkantoor',
  zks: 'zorgkantoren',
  zvw: 'zorgverzekeringswet',
  wfz: 'wet forensische zorg',
  igj: 'inspectie',
  ai: 'kunstmatige intelligentie',
  bw: 'beschermd wonen',
  mo: 'maatschappelijke opvang',
  gi: 'gecertificeerde instelling',
  lvg: 'licht verstandelijk gehandicapt',
  ghz: 'gehandicaptenzorg',
  pve: 'programma van eisen',
  'verstandelijk beperkt': 'verstandelijke beperking',
  'verstandelijk beperkte': 'verstandelijke beperking',
  reeel: 'reele',
  kpis: 'kpi',
  diplomas: 'diploma',
  'e mail': 'mail',
  'i standaarden': 'istandaarden',
  'i standaard': 'istandaard',
  'nza tarieven': 'nza tarief',
  'kosten dekkend': 'kostendekkend',
  'meer jarig': 'meerjarig',
  'meerjaren contract': 'meerjarencontract',
};
