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
 *
 * Pitfalls when adding entries:
 * - Snowball keeps the -t of the present tense and the ge- of participles, so everyday verb forms
 *   are listed beside the infinitive ('luisteren', 'luistert', 'geluisterd').
 * - An entry whose stem is that of a common word fires on that word: 'eigenheid' stems like "eigen",
 *   'wet' like "weet"/"weten"; such entries stay weak or are left out.
 * - Stopwords vanish from phrases: 'wie betaalt' would be the single word 'betaalt'.
 * - A known word is no longer split or spell-matched: listing 'verschillende' would drop the
 *   'verschil' part it now gets; listing 'afschrijven' would turn every "schrijven" into it.
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
      'administratieprotocol', 'administratieprotocollen', 'berichtstandaard', 'eenduidig', 'eenheid van beleid',
      'eenvormig', 'geharmoniseerd', 'gelijkschakelen', 'gestandaardiseerd', 'harmonisatie', 'harmoniseren', 'ijw',
      'inconsistent', 'inconsistentie', 'inkoopkader', 'inkoopsamenwerking', 'interpretatieverschillen', 'isd',
      'istandaard', 'iwlz', 'iwmo', 'lappendeken', 'opgeplust', 'opplussen', 'productcodelijst', 'standaardcontract',
      'standaarddocumenten', 'standaardisatie', 'standaardiseren', 'standaardovereenkomst', 'standaardtarief',
      'uniform', 'uniformering', 'uniformiteit', 'versnipperd', 'versnippering', 'wildgroei',
    ],
    medium: [
      'aanvullende eisen', 'aanvullende voorwaarden', 'afgeweken', 'afwijken', 'andere eisen', 'andere regels',
      'autonomie', 'beleidsvrijheid', 'centraal inkopen', 'centrale inkoop', 'consistent', 'consistentie',
      'differentiatie', 'differentiëren', 'eigen beleid', 'eigen eisen', 'eigen interpretatie', 'eigen invulling',
      'eigen regels', 'eigen sausje', 'eigen voorwaarden', 'eigen werkwijze', 'elk zorgkantoor', 'elke gemeente',
      'gelijk speelveld', 'gelijkgetrokken', 'gelijktrekken', 'gemeentegrens', 'gemeentelijke autonomie',
      'gemeenten onderling', 'gezamenlijk', 'gezamenlijk inkopen', 'gezamenlijke aanbesteding', 'gezamenlijke inkoop',
      'identiek', 'ieder zorgkantoor', 'iedere gemeente', 'informatievoorziening sociaal domein', 'inkoopregio',
      'landelijk', 'landelijk inkoopkader', 'landelijke afspraken', 'landelijke inkoop', 'landelijke regels',
      'landelijke standaard', 'lokale verschillen', 'modelcontract', 'modelovereenkomst', 'overal hetzelfde',
      'per gemeente', 'per regio', 'per zorgkantoor', 'plusjes', 'plussen', 'regiobreed', 'regiogrens',
      'regionaal inkopen', 'regionale afspraken', 'regionale inkoop', 'regionale verschillen', 'samenwerkingsregio',
      'standaard', 'standaardproducten', 'systeemaanpassing', 'varianten', 'variatie', 'variatie over de jaren',
      'verschil', 'verschillen', 'verschillen tussen gemeenten', 'verschillen tussen zorgkantoren', 'verschilt',
      'wijkt', 'zelf inkopen', 'zorgkantoorregio', 'zorgkantoren onderling', 'zwalkend',
    ],
    weak: [
      'aansluiten', 'afstemmen', 'afstemming', 'allemaal', 'beleidswijzigingen', 'berichten', 'berichtenverkeer',
      'contractvoorwaarden', 'dezelfde', 'format', 'gelijk', 'grens', 'hetzelfde', 'iedereen', 'inkoopvoorwaarden',
      'interpretatie', 'model', 'onderling', 'overal', 'programma van eisen', 'protocol', 'protocollen', 'regelgeving',
      'regels', 'regio', 'regionaal', 'software', 'softwareleverancier', 'uitzondering', 'vergelijkbaar', 'vng',
      'voorschriften', 'voorwaarden', 'willekeur', 'wirwar', 'zelfde', 'zn',
    ],
  },
  /** Dialoog, vertrouwen en samenwerking: gesprekstafels, terugkoppeling, inspraak, relatie, bereikbaarheid van de inkoper. */
  dialoog: {
    strong: [
      'aanspreekbaar', 'aanspreekpunt', 'accounthouder', 'accountmanager', 'benaderbaar', 'bereikbaar', 'cocreatie',
      'contactpersoon', 'contractmanager', 'dialoog', 'dialoogsessie', 'dialoogtafel', 'eenrichtingsverkeer',
      'feedback', 'gelijkwaardig', 'geluisterd', 'gesprekspartner', 'gesprekstafel', 'inkoopdialoog', 'inkoopoverleg',
      'inspraak', 'klankbordgroep', 'luisteren', 'luistert', 'marktconsultatie', 'marktdialoog', 'mede-eigenaar',
      'meebeslissen', 'meedenken', 'meedenkt', 'meegedacht', 'meepraten', 'onbereikbaar', 'ongelijkwaardig',
      'overlegstructuur', 'overlegtafel', 'partnerschap', 'relatiebeheer', 'relatiemanager', 'samenwerkingsrelatie',
      'teruggekoppeld', 'terugkoppeling', 'vertrouwen', 'vertrouwensrelatie', 'wantrouwen', 'werkbezoek', 'zendmodus',
    ],
    medium: [
      'aanschuiven', 'accountgesprek', 'ambtenaren', 'bellen', 'bestuurlijk overleg', 'betrekken', 'betrekt',
      'betrokken', 'bezoek', 'bijeenkomst', 'communicatie', 'communiceert', 'communiceren', 'consultatie', 'contact',
      'contactmoment', 'dictaat', 'eenzijdig', 'eenzijdig opgelegd', 'evaluatie', 'evalueren', 'gedicteerd', 'gehoord',
      'gesprek', 'inbreng', 'informatiebijeenkomst', 'inkoopgesprek', 'input', 'ivoren toren', 'jaargesprek',
      'kennismakingsgesprek', 'kijkje', 'klankbord', 'laagdrempelig', 'langsgekomen', 'langskomen', 'langskwam',
      'machtsverhouding', 'mail', 'marktverkenning', 'meelopen', 'nieuwe inkoper', 'onbeantwoord', 'open gesprek',
      'open houding', 'openheid', 'openstaan', 'opgelegd', 'over de schutting', 'overleg', 'overleggen', 'overlegt',
      'personeelswisselingen', 'persoonlijk contact', 'reactie', 'reageert', 'reageren', 'relatie', 'respectvol',
      'rondleiding', 'samen optrekken', 'samenspel', 'samenwerking', 'serieus genomen', 'sessie', 'slikken of stikken',
      'tafel', 'tegenpartij', 'telefonisch', 'telefoon', 'terugbellen', 'tijdig betrekken', 'topdown', 'transparant',
      'transparantie', 'uitgenodigd', 'uitleg', 'uitleggen', 'uitnodiging', 'voortgangsgesprek', 'vroegtijdig',
      'wederzijds', 'wederzijds begrip', 'wethouder', 'wisselende inkopers', 'wisselingen', 'zenden', 'zienswijze',
    ],
    weak: [
      'aandacht', 'afstand', 'ambtelijk', 'antwoord', 'begrip voor elkaar', 'bestuur', 'bestuurders', 'constructief',
      'cultuur', 'duidelijkheid', 'eerlijk', 'elkaar', 'geen antwoord', 'geïnformeerd', 'gelijk', 'gesproken',
      'horizontaal', 'houding', 'informeren', 'inzicht', 'kennen', 'kennismaken', 'korte lijnen', 'locatie', 'locaties',
      'meenemen', 'partners', 'personele wisselingen', 'praktijk', 'praten', 'prettig', 'respect', 'samen', 'sfeer',
      'signalen', 'spreken', 'toegankelijk', 'toelichting', 'toon', 'uitwisseling', 'verwachtingen', 'voorkant',
      'waardering', 'werkgroep', 'werkvloer',
    ],
  },
  /** Administratieve lasten en tijdsinzet: hoeveelheid en detail van de uitvraag, documenten, NvI, tijd die inschrijven kost. */
  administratieve_lasten: {
    strong: [
      'aanbestedingsdocumenten', 'aanbestedingsplatform', 'aanbestedingsstukken', 'aangeleverd', 'aanleveren',
      'administratiedruk', 'administratielast', 'arbeidsintensief', 'bewijslast', 'bewijsstukken', 'bureaucratie',
      'bureaucratisch', 'detailniveau', 'diploma', 'dubbelingen', 'formulieren', 'formulierenbrij', 'inkoopdocumenten',
      'inkoopportaal', 'inlichtingen', 'inschrijfdocumenten', 'inschrijfformulier', 'inschrijfprocedure',
      'inschrijftermijn', 'inschrijvingsdocumenten', 'invulwerk', 'lastendruk', 'leeswijzer', 'mercell', 'negometrix',
      'nota van inlichtingen', 'onoverzichtelijk', 'opgevraagd', 'opvragen', 'papierberg', 'papiermolen', 'papierwerk',
      'papierwinkel', 'planlast', 'regeldruk', 'regelneverij', 'regelzucht', 'registratiedruk', 'registratielast',
      'rompslomp', 'tenderdocumenten', 'tenderned', 'tijdrovend', 'tijdsbesteding', 'tijdsintensief', 'tijdsinzet',
      'tijdverspilling', 'toetredingsdocumenten', 'uea', 'uittreksel', 'uitvraag', 'uitzoekwerk', 'verantwoordingsdruk',
      'verantwoordingslast', 'vog', 'vragenlijsten', 'vragenronde',
    ],
    medium: [
      'aanbestedingsprocedure', 'accountantsverklaring', 'administratie', 'administratief', 'administratieve lasten',
      'ambtelijke taal', 'bijlagen', 'chaotisch', 'checklist', 'controles', 'cv', 'deadline', 'documenten',
      'doorworstelen', 'dubbel werk', 'dubbelop', 'eenmalig', 'eenvoudiger', 'gedetailleerd', 'gegevens', 'geüpload',
      'handleiding', 'handtekeningen', 'hergebruik', 'hoeveelheid', 'indienen', 'informatie', 'informatieverzoek',
      'ingediend', 'ingeschreven', 'ingevuld', 'ingewikkeld', 'inkoopprocedure', 'inschrijving', 'invullen',
      'juridische taal', 'knippen en plakken', 'kvk', 'kwalificaties', 'menskracht', 'omslachtig', 'ondertekenen',
      'onleesbaar', 'onnodig', 'opnieuw invullen', 'overbodig', 'overkill', 'overzicht', 'pagina', 'papier', 'portaal',
      'procedure', 'rapportage', 'rapporteren', 'reactietermijn', 'referenties', 'registratie', 'registreren',
      'rommelig', 'simpeler', 'tijd kwijt', 'tijdsdruk', 'uitgevraagd', 'uitzoeken', 'uploaden', 'uren kwijt',
      'veel tijd', 'veel vragen', 'veel zorgverzekeraars', 'verantwoording', 'verantwoordingseisen', 'vereenvoudiging',
      'verklaringen', 'werklast', 'zonde van de tijd',
    ],
    weak: [
      'belastend', 'bewijs', 'controle', 'controleren', 'digitaal', 'digitale inschrijving', 'doorgeslagen',
      'duidelijk', 'eenvoudig', 'efficiënt', 'enorm', 'helder', 'inkoopproces', 'inspanning', 'kwijt', 'lezen',
      'moeite', 'nodig', 'noodzaak', 'nut', 'omzet', 'onduidelijk', 'opnieuw aanleveren', 'platform', 'stapels',
      'structuur', 'stukken', 'systeem', 'termijn', 'tijd', 'tijdig', 'vecozo', 'vragen', 'waarom', 'werkdruk',
      'zoeken', 'zwaar',
    ],
  },
  /** Tarieven en kostprijs: hoogte van de prijs, kostendekkendheid, kortingen, indexering, loonkosten, hardheidsclausule. */
  tarieven: {
    strong: [
      'afslag', 'cao', 'dagprijs', 'dagtarief', 'doelmatigheidskorting', 'geïndexeerd', 'hardheidsclausule',
      'huisvestingskosten', 'indexatie', 'indexeert', 'indexering', 'inflatie', 'kortingspercentage', 'kostendekkend',
      'kostenonderbouwing', 'kostenstijging', 'kostprijs', 'kostprijsberekening', 'kostprijsmodel',
      'kostprijsonderbouwing', 'kostprijsonderzoek', 'looncompensatie', 'loonindex', 'loonkosten', 'loonruimte',
      'loonstijging', 'loonsverhoging', 'maximumtarief', 'normtarief', 'onderbetaald', 'onderbetaling',
      'onderfinanciering', 'ondergefinancierd', 'ondergrens', 'openboekcalculatie', 'ova', 'overheadkosten',
      'personeelskosten', 'prijsafspraken', 'prijsbijstelling', 'prijsdruk', 'prijsindex', 'prijsindexatie',
      'prijsniveau', 'prijsstijging', 'prijsverhoging', 'prijsverlaging', 'richtprijs', 'richttarief', 'tarief',
      'tariefafslag', 'tariefafspraken', 'tariefbeleid', 'tariefbijstelling', 'tariefdifferentiatie', 'tariefgesprek',
      'tariefhoogte', 'tariefkorting', 'tariefonderbouwing', 'tariefpercentage', 'tariefstijging', 'tariefstructuur',
      'tariefsverhoging', 'tariefverhoging', 'tariefverlaging', 'uurprijs', 'uurtarief', 'verliesgevend',
      'verlieslatend',
    ],
    medium: [
      'afhaken', 'bedrag', 'betaalbaar', 'bezuiniging', 'bijleggen', 'calculatie', 'contracteerruimte', 'dekkend',
      'doorgerekend', 'doorrekenen', 'energiekosten', 'euro', 'exploitatie', 'faillissement', 'financieel',
      'financieel gezond', 'financiële ruimte', 'financiën', 'geld', 'goedkoop', 'goedkoper', 'hogere tarieven',
      'inschaling', 'korting', 'kosten', 'kostenniveau', 'laagste prijs', 'lage tarieven', 'loon', 'marge', 'nhc',
      'nza', 'nza-tarief', 'onbetaalbaar', 'onder de kostprijs', 'onderhandeld', 'onderhandelen',
      'onderhandelingsruimte', 'onrendabel', 'ontoereikend', 'opslag', 'overige kosten', 'passend tarief', 'prijs',
      'prijsconcurrentie', 'reëel tarief', 'reële', 'reële kostprijs', 'reële prijs', 'reiskosten', 'rekenmodel',
      'rendabel', 'rendement', 'rode cijfers', 'salaris', 'salariskosten', 'salarissen', 'stijgende kosten', 'te laag',
      'tekort', 'tekortschietend', 'terugtrekken', 'toeleggen', 'toereikend', 'vergoeding', 'verhoging', 'verlaging',
      'verlies', 'winst',
    ],
    weak: [
      'aangepast', 'begroting', 'beloning', 'berekening', 'budget', 'daling', 'energie', 'extra geld', 'functiemix',
      'gehonoreerd', 'gemiddelde', 'hoger', 'hoog', 'huisvesting', 'in lijn met', 'investeren', 'jaarrekening', 'karig',
      'krap', 'laag', 'lager', 'landelijk gemiddelde', 'mager', 'middelen', 'onderbouwing', 'onvoldoende', 'overleven',
      'passend', 'percentage', 'personeel', 'procent', 'rekenen', 'ruimte', 'stijging', 'vastgoed', 'vergoed',
      'verhoogd', 'verlaagd', 'verzoek', 'voldoende', 'volhouden', 'voorgaande jaren', 'werkbaar',
    ],
  },
  /** Bekostigingssystemen: hoe betaald wordt (lumpsum, PxQ, trajecten, resultaat), declareren, productcodes, verantwoording die er niet bij past. */
  bekostiging: {
    strong: [
      'afgerekend', 'afrekenen', 'arrangement', 'bekostigd', 'bekostiging', 'bekostigingsmodel', 'bekostigingssysteem',
      'bekostigingssystematiek', 'bekostigingsvorm', 'bekostigt', 'beschikbaarheidsfinanciering', 'betaalmodel',
      'betaalsystematiek', 'betaalwijze', 'bevoorschotting', 'budgetbekostiging', 'budgetfinanciering', 'budgetplafond',
      'capaciteitsfinanciering', 'dbbc', 'dbc', 'declaratie', 'declareert', 'declareren', 'eindafrekening',
      'facturatie', 'factureert', 'factureren', 'financieringsmodel', 'financieringssystematiek', 'financieringsvorm',
      'financieringswijze', 'gedeclareerd', 'gefactureerd', 'inputgericht', 'inspanningsgericht', 'lumpsum',
      'maandbedrag', 'minutenregistratie', 'nacalculatie', 'omzetplafond', 'onderproductie', 'onderuitputting',
      'outcomebekostiging', 'outcomegericht', 'outputcontract', 'outputfinanciering', 'outputgericht', 'overproductie',
      'populatiebekostiging', 'populatiebudget', 'populatiegebonden', 'populatiegericht', 'prestatiecode',
      'prestatiecodes', 'productcode', 'productcodes', 'productieafspraken', 'productieplafond', 'pxq',
      'resultaatbekostiging', 'resultaatfinanciering', 'taakgericht', 'terugvordering', 'trajectbekostiging',
      'trajectfinanciering', 'uitvoeringsvariant', 'zorgprestatiemodel',
    ],
    medium: [
      'betaald', 'betaling', 'cliëntvolgend', 'facturen', 'financiering', 'financieringsstromen', 'financiert',
      'gefinancierd', 'geleverde uren', 'geleverde zorg', 'gewisseld', 'input', 'liquiditeit',
      'met terugwerkende kracht', 'minuten', 'mismatch', 'mpt', 'outcome', 'output', 'overschrijding', 'overstappen',
      'per cliënt', 'per etmaal', 'per maand', 'per minuut', 'per traject', 'per uur', 'perverse prikkels', 'pgb',
      'plafond', 'prestatie', 'prestatiebeschrijving', 'prikkels', 'productcatalogus', 'productenboek', 'productie',
      'productomschrijving', 'productstructuur', 'rechtmatigheid', 'registratiesystemen', 'resultaatafspraken',
      'resultaatgericht', 'systematiek', 'terugbetaling', 'tijdsregistratie', 'trajectprijs', 'uitbetaald',
      'uitbetaling', 'uren', 'urenregistratie', 'vecozo', 'verantwoording', 'verrekening', 'volume', 'volumeafspraken',
      'voorschot', 'vpt', 'wisselen van bekostigingssysteem', 'zorg in natura', 'zzp',
    ],
    weak: [
      'aantallen', 'bepalen', 'controle', 'controleren', 'doelmatigheid', 'flexibel', 'flexibiliteit', 'geldstromen',
      'geleverd', 'inkoopmodel', 'inzet', 'keuze', 'maand', 'model', 'modellen', 'productiecijfers', 'registreren',
      'resultaten', 'risico', 'risicodragend', 'sturen', 'sturing', 'systeem', 'traject', 'uitvoeringsvorm', 'vorm',
      'vrijheid',
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
      '1op1', 'aangevraagd', 'aanvraag', 'afgekeurd', 'afgewezen', 'afhandeling', 'afhandeltermijn', 'afwijzing',
      'agressie', 'agressief', 'automutilatie', 'beoordeling', 'beslistermijn', 'beslistijd', 'bezetting',
      'boven het profiel', 'complexe cliënten', 'complexe gevallen', 'complexe zorg', 'complexe zorgvraag',
      'doorlooptijd', 'ernstige gedragsproblematiek', 'extra begeleiding', 'extra bezetting', 'extra formatie',
      'extra handen', 'extra inzet', 'extra middelen', 'extra ondersteuning', 'extra toezicht', 'extra uren',
      'extra zorg', 'gedragsdeskundige', 'gedragskundige', 'gedragsstoornis', 'gedragsstoornissen', 'herbeoordeling',
      'intensieve kindzorg', 'intensieve zorg', 'kortingen op meerzorg', 'meerkosten', 'nachtdienst', 'nachtwacht',
      'nachtzorg', 'onderbouwing', 'profiel', 'separatie', 'sjabloon', 'toegekend', 'toekenning', 'verstaanbaar gedrag',
      'waakdienst', 'wachttijd toekenning', 'zelfbeschadiging', 'zelfverwonding', 'zwaardere zorg', 'zware cliënten',
      'zware zorg',
    ],
    weak: [
      'behandelaar', 'beoordelaar', 'bewoners', 'bezwaar', 'bovenop', 'complexiteit', 'crisis', 'duurt lang', 'ernstig',
      'extra', 'extra personeel', 'financiering', 'formatie', 'gedrag', 'gekort', 'geweld', 'goedgekeurd', 'honoreren',
      'intensief', 'lang', 'maatwerk', 'middelen', 'ontoereikend', 'orthopedagoog', 'personele inzet', 'specialistisch',
      'specialistische zorg', 'streng', 'strenger', 'terughoudend', 'toezicht', 'traag', 'uitzonderlijk', 'wachten',
      'zeer', 'zwaar', 'zwaarste',
    ],
  },
  /** Contractduur en continuïteit: looptijd, meerjarige afspraken, verlenging, duur van beschikkingen, rust en zekerheid. */
  contractduur: {
    strong: [
      'beschikkingsduur', 'beschikkingstermijn', 'continuïteit', 'contractduur', 'contractlooptijd', 'contractperiode',
      'contracttermijn', 'contractverlenging', 'driejarig', 'eenjarig', 'einddatum', 'heraanbesteding', 'herindicatie',
      'herindiceren', 'jaarcontract', 'kortlopend', 'langjarig', 'langlopend', 'looptijd', 'meerjarenafspraken',
      'meerjarenbeleid', 'meerjarencontract', 'meerjarenovereenkomst', 'meerjarenperspectief', 'meerjarig', 'optiejaar',
      'opzegtermijn', 'stilzwijgend', 'tweejarig', 'verlenging', 'verlengingsoptie', 'vijfjarig',
    ],
    medium: [
      'aanbestedingscyclus', 'afloop', 'afloopt', 'beëindiging', 'beschikking', 'bestaanszekerheid', 'bestendig',
      'continueren', 'contracteerperiode', 'contracteinde', 'contractjaren', 'contractronde', 'doorlopend contract',
      'elk jaar opnieuw', 'gecontinueerd', 'geen contract', 'herbeschikking', 'houvast', 'ieder jaar opnieuw',
      'indicatieduur', 'inkoopcyclus', 'inkoopronde', 'investeringen', 'investeringszekerheid', 'jaarlijks',
      'jaarlijks opnieuw', 'jaarlijkse aanbesteding', 'jaarlijkse inkoop', 'korte beschikkingen', 'korte contracten',
      'korte termijn', 'kortere contracten', 'langdurige contracten', 'lange contracten', 'lange termijn',
      'langere beschikkingen', 'langere contracten', 'langetermijn', 'meer zekerheid', 'nieuwe aanbesteding',
      'ongewijzigd', 'onrust', 'onzekerheid', 'opgezegd', 'opnieuw aanbesteden', 'opzeggen', 'overgangsperiode',
      'overgangstermijn', 'planbaarheid', 'planzekerheid', 'raamovereenkomst', 'rust', 'stabiel', 'stabiliteit',
      'tijdelijke contracten', 'toekomstperspectief', 'toekomstzekerheid', 'verlengd', 'verlengt', 'voorspelbaarheid',
      'voortzetting', 'vooruit plannen', 'zonder contract',
    ],
    weak: [
      'behouden', 'cliënten overdragen', 'contract', 'duur', 'duurzaam', 'kort', 'korter', 'lang', 'langer',
      'menskracht', 'open house', 'opnieuw', 'overeenkomst', 'periode', 'personeel behouden', 'perspectief', 'ruimte',
      'stress', 'telkens', 'terugverdienen', 'tijdelijk', 'toekomst', 'tussentijds', 'vast', 'veranderingen',
      'voorgaande', 'voortbestaan', 'vorig', 'wijzigingen', 'zekerheid',
    ],
  },
  /** Innovatie: innovatiebudgetten, pilots, technologie, kpi’s, ruimte om te mislukken, subsidies. */
  innovatie: {
    strong: [
      'arbeidsbesparend', 'beeldbellen', 'blended', 'businesscase', 'digitalisering', 'domotica', 'ehealth',
      'experiment', 'experimenteerruimte', 'experimenteert', 'experimenteren', 'geëxperimenteerd', 'innovatie',
      'innovatiebudget', 'innovatief', 'innovatiefonds', 'innovatiegelden', 'innovatiekracht', 'innovatiemiddelen',
      'innovatieplan', 'innovatieproject', 'innovatieruimte', 'innovaties', 'innoveert', 'innoveren', 'kpi',
      'kunstmatige intelligentie', 'mislukking', 'opgeschaald', 'opschaling', 'pilot', 'pionieren', 'proefproject',
      'proeftuin', 'robot', 'robotica', 'sensoren', 'stimuleringsregeling', 'subsidieregeling', 'technologie',
      'technologische', 'telemonitoring', 'telezorg', 'transformatiefonds', 'transformatiemiddelen', 'vernieuwing',
      'zorgtechnologie', 'zorgvernieuwing',
    ],
    medium: [
      'algoritme', 'anders werken', 'app', 'business case', 'camera', 'creatief', 'creativiteit', 'digitaal',
      'digitale zorg', 'doorontwikkelen', 'durven', 'economisch onderbouwd', 'effectmeting', 'experimenteel', 'falen',
      'fouten maken', 'goede voorbeelden', 'hybride', 'ideeën', 'implementatie', 'implementeren', 'inbedden',
      'indicatoren', 'initiatief', 'kennis delen', 'koploper', 'lef', 'lerend', 'living lab', 'meetbaar', 'mislukt',
      'monitoring', 'nieuwe methodiek', 'nieuwe werkvormen', 'ontwikkelgeld', 'ontwikkelruimte',
      'prestatie-indicatoren', 'proef', 'projectfinanciering', 'projectgeld', 'projectplan', 'regulier',
      'reguliere zorg', 'subsidie', 'subsidiëren', 'subsidies', 'techniek', 'toekomstbestendig', 'transformatie',
      'uitgeprobeerd', 'uitproberen', 'uitrol', 'uittesten', 'verdienmodel', 'vernieuwt', 'virtual reality',
      'voorloper', 'vooroplopen', 'wetenschappelijk', 'zorg op afstand',
    ],
    weak: [
      'anders organiseren', 'besparing', 'borgen', 'borging', 'budget', 'data', 'delen', 'effect', 'efficiënt',
      'efficiënter', 'ict', 'idee', 'inspiratie', 'investeren', 'kansen', 'krapte', 'leren', 'mogelijkheden',
      'nieuwe werkwijze', 'onderzoek', 'online', 'ontwikkeling', 'personeelstekort', 'proberen', 'project',
      'regulier aanbod', 'risico nemen', 'ruimte', 'slim', 'slimme', 'stimuleren', 'structureel',
      'structurele financiering', 'succes', 'succesvol', 'testen', 'tijdelijk', 'tijdwinst', 'toekomst', 'toepassingen',
      'van elkaar leren', 'verbeteren', 'verwacht', 'voorbeelden',
    ],
  },
  /** Kwaliteit van zorg: kwaliteitseisen en -kaders, zorginhoud, wat de cliënt nodig heeft, professionals. */
  kwaliteit: {
    strong: [
      'beroepsregistratie', 'certificering', 'cliëntenraad', 'cliëntervaring', 'cliënttevredenheid', 'effectiviteit',
      'generiek kompas', 'goede zorg', 'hkz', 'inhoudelijk', 'inspectie', 'keurmerk', 'kwaliteit', 'kwaliteitsbeleid',
      'kwaliteitsborging', 'kwaliteitscriteria', 'kwaliteitsdialoog', 'kwaliteitsdifferentiatie', 'kwaliteitseisen',
      'kwaliteitsgesprek', 'kwaliteitsindicatoren', 'kwaliteitskader', 'kwaliteitsniveau', 'kwaliteitsnormen',
      'kwaliteitsplan', 'kwaliteitsregister', 'kwaliteitsslag', 'kwaliteitsstandaard', 'kwaliteitssysteem',
      'kwaliteitsverbetering', 'kwaliteitsverslag', 'risicotaxatie', 'skj', 'uitkomstmaten', 'werktoedeling',
      'zorginhoud', 'zorgkwaliteit', 'zorgvisie',
    ],
    medium: [
      'audit', 'behandelmethode', 'behandelvisie', 'bekwaam', 'beroepsregister', 'beste zorg', 'betere zorg', 'bevoegd',
      'bewezen effectief', 'calamiteiten', 'certificaat', 'cliëntperspectief', 'competenties', 'cowboys',
      'deskundigheid', 'effectief', 'emvi', 'ervaringsdeskundige', 'evidence based', 'gecertificeerd', 'geschoold',
      'gesprek over kwaliteit', 'goede begeleiding', 'goede kwaliteit', 'gunnen op kwaliteit', 'gunningscriteria',
      'hbo', 'hoogwaardig', 'incidenten', 'inhoudelijke gesprekken', 'klachten', 'kwalitatief', 'kwaliteit van zorg',
      'malafide', 'methodiek', 'normen', 'normering', 'ondersteuningsplan', 'ongeschoold', 'opgeleid', 'opleiding',
      'opleidingseisen', 'opleidingsniveau', 'outcome', 'passende zorg', 'personeelseisen', 'personeelssamenstelling',
      'professionaliteit', 'professionals', 'richtlijnen', 'scholing', 'tevredenheid', 'toetsing', 'toezicht',
      'toezichthouder', 'uitkomsten', 'vakbekwaam', 'vakmanschap', 'vakmensen', 'veiligheid', 'verbeterplan',
      'visie op zorg', 'visitatie', 'waardegedreven', 'waardegericht', 'zinnige zorg', 'zorgconcept', 'zorgplan',
      'zorgresultaten',
    ],
    weak: [
      'aandacht', 'ambitie', 'ambities', 'behandeling', 'beoordeling', 'cliëntgericht', 'cliëntoordeel', 'criteria',
      'definitie', 'doelen', 'ervaringen', 'gebouw', 'geld', 'gunnen', 'in plaats van geld', 'interventies',
      'juiste zorg', 'leren', 'mbo', 'meten', 'niveau', 'nodig', 'passend', 'personeel', 'resultaten', 'selectie',
      'verbetering', 'visie', 'wat de cliënt nodig heeft', 'werkwijze', 'zoekende', 'zorgvuldig',
    ],
  },
  /** Domeinoverstijgend werken en toegang: schotten tussen wetten, overgangen (18-/18+, naar de Wlz), toegang, regie in de regio, keten. */
  domeinoverstijgend: {
    strong: [
      '18min', '18plus', 'bovenregionaal', 'buurtteam', 'casuïstiek', 'ciz', 'cliëntreis', 'domeinoverschrijdend',
      'domeinoverstijgend', 'escalatieteam', 'gebiedsteam', 'grensvlak', 'jeugdteam', 'jongvolwassenen', 'ketenaanpak',
      'ketenpartners', 'ketensamenwerking', 'keukentafelgesprek', 'klantreis', 'nazorg', 'ontschotten', 'potjesdenken',
      'raakvlakken', 'regioplan', 'regioplannen', 'regiovisie', 'rommelruimte', 'schotten', 'toegangsteam',
      'toeleiding', 'tussen wal en schip', 'vervolgplek', 'vervolgzorg', 'volwassenenzorg', 'voorliggend',
      'warme overdracht', 'wetoverstijgend', 'wijkteam', 'zorgcontinuïteit', 'zorgverzekeringswet',
    ],
    medium: [
      'achttien', 'andere wetten', 'beschermd thuis', 'beschermd wonen', 'casus', 'casusregie', 'cliëntondersteuning',
      'complexe casussen', 'complexe problematiek', 'consulent', 'dakloos', 'doorstroom', 'doorverwezen',
      'doorverwijzen', 'financiers', 'gecertificeerde instelling', 'gemeenten en zorgkantoren', 'ggz-cliënten',
      'grenzen', 'huisarts', 'indicatie', 'indicatiestelling', 'instroom', 'integraal', 'integrale aanpak',
      'jeugdbescherming', 'jongeren', 'jongvolwassene', 'justitie en gemeenten', 'justitiële titel',
      'kastje naar de muur', 'keten', 'lokale toegang', 'maatschappelijke opvang', 'meerderjarig',
      'meervoudige problematiek', 'multiproblematiek', 'onderwijs', 'overdracht', 'overgang', 'overstap',
      'participatiewet', 'poortwachter', 'potjes', 'preventie', 'reclassering', 'regie', 'regie in de regio',
      'regierol', 'regievoering', 'samenhang', 'samenloop', 'schuldhulpverlening', 'thuiszitters', 'titel', 'toegang',
      'toegang tot zorg', 'tussen de wetten', 'tussen domeinen', 'uitstroom', 'uwv', 'van ggz naar wlz',
      'van jeugdwet naar wlz', 'van wmo naar wlz', 'verlengde jeugdhulp', 'verslavingszorg', 'verwijst', 'verwijzer',
      'verwijzing', 'volwassenen', 'voorliggende voorzieningen', 'wachtlijst', 'wachttijd', 'wijkverpleging',
      'wlz-indicatie', 'woningcorporaties', 'woonplek', 'woonruimte', 'zorgbemiddeling', 'zorgkantoor en gemeente',
      'zwartepieten',
    ],
    weak: [
      'aanmelding', 'aansluiting', 'afgeschoven', 'afschuiven', 'buurt', 'detentie', 'faciliteren', 'gedetineerden',
      'gezin', 'gezinnen', 'ggz', 'justitiabelen', 'kennis', 'levensloop', 'lokaal', 'multidisciplinair', 'netwerk',
      'partners', 'plek', 'politie', 'rechter', 'regio', 'regionaal', 'regionale samenwerking', 'route', 'school',
      'thuis', 'transitie', 'vallen tussen', 'verantwoordelijk', 'verbinding', 'verschuiven', 'wet', 'wetgeving',
      'wettelijk', 'wisselingen in de toegang', 'woning', 'zorgvraag',
    ],
  },
  /** Hoofd- en onderaannemerschap: constructies, combinaties, doorbetalen en overhead, verantwoordelijkheden, positie van kleine aanbieders. */
  onderaanneming: {
    strong: [
      'afdracht', 'afdrachtpercentage', 'afdragen', 'afgedragen', 'afgeroomd', 'afromen', 'alliantiecontract',
      'combinatievorming', 'consortia', 'consortium', 'contracthouder', 'doorbelasten', 'doorbetaald', 'doorbetaling',
      'doorcontracteren', 'hoofdaanbieder', 'hoofdaannemer', 'hoofdaannemerschap', 'hoofdaannemersconstructie',
      'hoofdaannemersmodel', 'managementfee', 'onderaanbieder', 'onderaannemer', 'onderaannemerschap',
      'onderaannemersconstructie', 'onderaannemersovereenkomst', 'onderaanneming', 'onderaannemingsovereenkomst',
      'penvoerder', 'penvoerderschap', 'regieaanbieder', 'samenwerkingsverband', 'tussenlaag', 'uitbesteding', 'zzper',
    ],
    medium: [
      'aannemer', 'aansprakelijkheid', 'afhankelijkheid', 'alliantie', 'coalitie', 'combinatie', 'concurrenten',
      'constructie', 'constructies', 'coöperatie', 'coördinatiekosten', 'doorschuiven', 'eindverantwoordelijkheid',
      'fee', 'freelancers', 'grote aanbieders', 'grote organisaties', 'grote partijen', 'grote spelers', 'ingehouden',
      'ingehuurd', 'inhoudt', 'inhuur', 'kleine aanbieders', 'kleine organisaties', 'kleine partijen',
      'kleine zorgaanbieders', 'kleinere aanbieders', 'kleinere partijen', 'lead partner', 'lead provider',
      'machtspositie', 'management fee', 'marktconcentratie', 'marktmacht', 'minder aanbieders', 'netwerkorganisatie',
      'overhead', 'overheadpercentage', 'regiekosten', 'regisseursrol', 'resultaatverantwoordelijk',
      'samenwerkingspartner', 'strijkstok', 'tussenpartij', 'tussenpersoon', 'verantwoordelijkheid', 'zelfstandigen',
    ],
    weak: [
      'aansluiten', 'aansluiten op systemen', 'aantal aanbieders', 'administratie', 'afbakening', 'afgebakend',
      'afspraken maken', 'concurrentie', 'contractpartij', 'contractpartner', 'direct contract', 'doorgeven',
      'eigen contract', 'gegund', 'grote', 'gunning', 'kleine', 'koppeling', 'lasten', 'onduidelijkheid',
      'opdrachtgever', 'opdrachtnemer', 'partner', 'percelen', 'rechtstreeks contract', 'regisseur', 'risico', 'rol',
      'rollen', 'samenwerken', 'structuur', 'systemen', 'taakverdeling', 'verdeling', 'verschuiven', 'werkgebied',
      'zelfstandig contracteren',
    ],
  },
  /** Begrip voor de doelgroep: mensen met een (verstandelijke) beperking, hun langdurige en intensieve ondersteuning, kennis van de doelgroep. */
  doelgroep: {
    strong: [
      'autisme', 'autistisch', 'beperking', 'cliëntengroep', 'cliëntgroep', 'doelgroep', 'doelgroepgericht',
      'doelgroepkennis', 'doelgroepspecifiek', 'emb', 'gehandicapten', 'gehandicaptenzorg', 'handicap', 'hersenletsel',
      'levensbreed', 'levenslang', 'lichamelijke beperking', 'lvb', 'mensen met een beperking', 'nah',
      'niet-aangeboren hersenletsel', 'sglvg', 'uitbehandeld', 'verstandelijk gehandicapt', 'verstandelijke beperking',
      'vg', 'zintuiglijke beperking', 'zwakbegaafd',
    ],
    medium: [
      'aanslaan', 'aanslaat', 'afbouwen', 'afschalen', 'ander karakter', 'begrepen', 'begrijpen', 'begrijpt', 'begrip',
      'begrip voor de doelgroep', 'behoeften', 'blijvend', 'chronisch', 'cliëntpopulatie', 'cognitief', 'dementie',
      'eigen karakter', 'epilepsie', 'erkend', 'erkenning', 'ernstige beperking', 'expertise', 'geduld', 'genezen',
      'herstelgericht', 'inleven', 'inlevingsvermogen', 'intensief', 'intensieve ondersteuning', 'invoelen', 'iq',
      'karakter', 'kennis van de doelgroep', 'kleine stapjes', 'kwetsbaar', 'kwetsbare doelgroep', 'langdurig',
      'langdurige begeleiding', 'langdurige ondersteuning', 'leerbaar', 'levensfase', 'lg', 'maakbaar', 'mantelzorgers',
      'meervoudige beperking', 'miskend', 'onbegrip', 'onderkennen', 'onderschatten', 'ondersteuningsbehoefte',
      'ontwikkelingsperspectief', 'prikkelverwerking', 'psychiatrische problematiek', 'snappen', 'snapt',
      'specifieke doelgroep', 'specifieke kennis', 'stabilisatie', 'stabiliseren', 'syndroom', 'verwanten',
      'vooruitgang', 'wettelijk vertegenwoordiger', 'zelfredzaam', 'zg', 'zorgbehoefte',
    ],
    weak: [
      'aandacht', 'beeld', 'bewustzijn', 'dagbesteding', 'deze groep', 'familie', 'herstel', 'hulpvraag', 'individueel',
      'inzetten voor', 'inzicht', 'kennis', 'kinderen', 'langer duren', 'langzaam', 'mogelijkheden', 'onbekendheid',
      'oog voor', 'ouders', 'overvraagd', 'perspectief', 'rekening houden met', 'rolstoel', 'specifieke', 'stigma',
      'tijd nodig', 'vaste begeleiders', 'vertrouwd', 'vooroordelen', 'woongroep', 'zorgvraag',
    ],
  },
};

/** Words that occur in cards of every theme and carry no theme signal (domain-generic). */
export const GENERIC_TERMS: string[] = [
  'aanbesteding', 'aanbieder', 'aanbieders', 'afspraken', 'alle', 'altijd', 'andere', 'anders', 'begeleiding', 'beleid',
  'beslissen', 'beter', 'blijven', 'boven', 'cliënt', 'cliënten', 'dji', 'domein', 'eisen', 'elk', 'elke', 'fijn',
  'forensische', 'gaan', 'geen', 'gemeente', 'gemeentelijk', 'gemeenten', 'geven', 'goed', 'graag', 'gzsp', 'houden',
  'ieder', 'iedere', 'inkoop', 'inkoopbeleid', 'inkopen', 'inkoper', 'inkopers', 'instelling', 'instellingen', 'jaar',
  'jaren', 'jenv', 'jeugd', 'jeugdhulp', 'jeugdwet', 'jeugdzorg', 'justitie', 'komen', 'krijgen', 'maken', 'medewerker',
  'medewerkers', 'meer', 'mensen', 'minder', 'moeten', 'niet', 'niets', 'nieuw', 'onder', 'ondersteuning',
  'organisatie', 'organisaties', 'over', 'partijen', 'per', 'proces', 'sociaal', 'staan', 'steeds', 'te', 'tegen',
  'tussen', 'veel', 'verzekeraar', 'weer', 'werk', 'wlz', 'wmo', 'zelf', 'zonder', 'zorg', 'zorgaanbieder',
  'zorgaanbieders', 'zorginkoop', 'zorgkantoor', 'zorgkantoren', 'zorgverzekeraar',
  // Praise and complaint say which column a card belongs in, not which theme.
  'helaas', 'jammer', 'lastig', 'mooi', 'negatief', 'positief', 'prima', 'slecht', 'super',
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
  '1 op 1': '1op1',
  'een op een': '1op1',
  mvg: 'moeilijk verstaanbaar gedrag',
  'top down': 'topdown',
  'beeld bellen': 'beeldbellen',
  'keukentafel gesprek': 'keukentafelgesprek',
  'open boek calculatie': 'openboekcalculatie',
  'verstandelijk beperkten': 'verstandelijke beperking',
};
