import type { Codebook } from '../../schemas/codebook.ts';

/**
 * The built-in codebook for the evaluation of care procurement: the themes these reports are
 * written around (ids as in the field's hand-labelled data).
 */
export const DEFAULT_CODEBOOK: Codebook = {
  themes: [
    { id: 'uniformering', name: 'Eenduidigheid en uniformering', description: "standaarden (ISD), 'opplussen' van standaarden, variatie tussen gemeenten of zorgkantoren en over de jaren, standaardtarieven, gezamenlijk inkopen, consistent inkoopbeleid", seeds: [], mergedInto: null },
    { id: 'dialoog', name: 'Dialoog, vertrouwen en samenwerking', description: 'echte inkoopdialoog, gesprekstafels, terugkoppeling, inspraak, eenrichtingsverkeer, relatie en vertrouwen, werkbezoeken, vroegtijdig betrekken, bereikbaarheid van de inkoper', seeds: [], mergedInto: null },
    { id: 'administratieve_lasten', name: 'Administratieve lasten en tijdsinzet', description: "hoeveelheid opgevraagde informatie, detailniveau, documenten, diploma's, Nota van Inlichtingen, toetredingsdocumenten, overzicht en structuur van de procedure, tijd die inschrijven kost", seeds: [], mergedInto: null },
    { id: 'tarieven', name: 'Tarieven en kostprijs', description: 'hoogte van tarieven, reële kostprijs, kostendekkendheid, richttarief en kortingen op het NZa-tarief, indexering, tariefgesprek, hardheidsclausule, terugtrekken bij te lage tarieven', seeds: [], mergedInto: null },
    { id: 'meerzorg', name: 'Meerzorg en complexe zorg', description: 'toekenning en afhandeling van meerzorgaanvragen, VG-7, maatwerkafspraken meerzorg, kortingen op meerzorg, complexe zorg, VG7+-profiel', seeds: [], mergedInto: null },
    { id: 'contractduur', name: 'Contractduur en continuïteit', description: 'langlopende of kortlopende contracten, meerjarenafspraken, duur van beschikkingen, rust en continuiteit', seeds: [], mergedInto: null },
    { id: 'bekostiging', name: 'Bekostigingssystemen', description: 'lumpsum, PxQ, arrangementen, wisselen van bekostigingssysteem, mismatch tussen bekostiging en verantwoording of uitvraag', seeds: [], mergedInto: null },
    { id: 'innovatie', name: 'Innovatie', description: "innovatiebudgetten, eisen aan innovatieprojecten, kpi's, ruimte voor mislukking, subsidies voor vernieuwing, innovatie in het tarief", seeds: [], mergedInto: null },
    { id: 'kwaliteit', name: 'Kwaliteit van zorg', description: 'gesprekken over kwaliteit in plaats van geld, kwaliteitseisen en kwaliteitskaders, wat de juiste zorg voor de client is', seeds: [], mergedInto: null },
    { id: 'domeinoverstijgend', name: 'Domeinoverstijgend werken en toegang', description: 'grensvlakken tussen wetten, overgang van client naar een andere wet, klantreis, regionale rommelruimte, toegang tot zorg, regie in de regio', seeds: [], mergedInto: null },
    { id: 'onderaanneming', name: 'Hoofd- en onderaannemerschap', description: 'constructies met hoofdaannemer en onderaannemers, verantwoordelijkheden en administratie daarbinnen', seeds: [], mergedInto: null },
    { id: 'doelgroep', name: 'Begrip voor de doelgroep', description: 'begrip van inkopers voor mensen met een (verstandelijke) beperking en hun intensieve, langdurige ondersteuning', seeds: [], mergedInto: null },
  ],
};

/** Cards that fit no theme well enough. */
export const UNSORTED_THEME_ID = 'overig';
/** The name the engine gives that group. */
export const UNSORTED_THEME_NAME = 'Overig';
