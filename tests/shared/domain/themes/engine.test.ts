import { describe, expect, it } from 'vitest';
import type { EngineCodebook as Codebook } from '../../../../shared/domain/themes/model.ts';
import { DEFAULT_CODEBOOK, UNSORTED_THEME_ID } from '../../../../shared/domain/themes/default-codebook.ts';
import { synthesize, type Decision, type EngineCard, type SynthesisResult } from '../../../../shared/domain/themes/engine.ts';
import { GENERIC_TERMS } from '../../../../shared/domain/themes/lexicon.ts';
import { normaliseText, stem, tokenize } from '../../../../shared/domain/themes/text.ts';
import { garbageText } from './garbage.ts';

// Cards written for these tests, two per theme of the default codebook, each clearly about its
// theme. Not taken from cards-dev.tsv or the holdout, and the engine was not tuned to them.
const CLEAR: [theme: string, text: string][] = [
  ['uniformering', 'Elke gemeente hanteert weer andere voorwaarden en formats, het zou veel schelen als alles landelijk gestandaardiseerd werd.'],
  ['uniformering', 'Tussen de zorgkantoren zitten grote verschillen in regels; één uniforme werkwijze zou fijn zijn.'],
  ['dialoog', 'De inkoper kwam op werkbezoek en luisterde echt naar onze ervaringen.'],
  ['dialoog', 'We kregen nooit terugkoppeling op onze inbreng, het voelde als eenrichtingsverkeer.'],
  ['administratieve_lasten', "Voor de inschrijving moesten we stapels documenten en diploma's uploaden, dat kostte weken werk."],
  ['administratieve_lasten', 'De hoeveelheid opgevraagde informatie was buitensporig en veel gegevens moesten dubbel worden aangeleverd.'],
  ['tarieven', 'Het tarief is niet kostendekkend, de loonkosten stijgen harder dan de indexering.'],
  ['tarieven', 'Met deze lage prijzen draaien we verlies op elke cliënt.'],
  ['meerzorg', 'De afhandeling van onze meerzorgaanvraag duurde maanden en werd uiteindelijk afgewezen.'],
  ['meerzorg', 'Voor cliënten met ernstige gedragsproblematiek is extra zorg nodig boven het profiel.'],
  ['contractduur', 'Een contract van één jaar geeft geen rust; liever een meerjarig contract met verlengingsoptie.'],
  ['contractduur', 'Door de korte looptijd weten medewerkers nooit of hun baan over twee jaar nog bestaat.'],
  ['bekostiging', 'De overstap van lumpsum naar PxQ betekent dat we elk uur moeten declareren.'],
  ['bekostiging', 'Het bekostigingssysteem past niet bij hoe we de zorg leveren; trajectfinanciering zou beter werken.'],
  ['innovatie', 'Er is geen budget voor innovatie, terwijl we graag zorgtechnologie zoals sensoren willen uitproberen.'],
  ['innovatie', 'Een pilot met beeldbellen mag niet mislukken, er is geen ruimte om te experimenteren.'],
  ['kwaliteit', 'De kwaliteitseisen in het contract zeggen weinig over wat goede zorg voor de cliënt is.'],
  ['kwaliteit', 'In de gunning woog ons kwaliteitsplan nauwelijks mee; de inspectierapporten werden niet eens gelezen.'],
  ['domeinoverstijgend', 'Bij de overgang van de Jeugdwet naar de Wlz raken jongeren hun hulpverlener kwijt.'],
  ['domeinoverstijgend', 'Het wijkteam en de Wlz-toegang schuiven cliënten naar elkaar door, niemand neemt de regie.'],
  ['onderaanneming', 'Als onderaannemer dragen we een flink deel af aan de hoofdaannemer zonder dat daar iets tegenover staat.'],
  ['onderaanneming', 'In het consortium is onduidelijk wie eindverantwoordelijk is, de penvoerder of de onderaannemers.'],
  ['doelgroep', 'Inkopers begrijpen niet dat mensen met een verstandelijke beperking levenslang ondersteuning nodig hebben.'],
  ['doelgroep', 'Wie een ernstige meervoudige beperking heeft, gaat niet vooruit; afschalen van de zorg is dan een illusie.'],
];

/** Cards without a word of care procurement in them. */
const OFF_TOPIC = ['Het weer was mooi en de koffie smaakte prima.', 'De koffie was op en de thee was koud.'];

const TARIEF = [
  'Het tarief dekt de loonkosten niet meer sinds de nieuwe cao.',
  'De tarieven liggen ver onder de kostprijs van onze begeleiding.',
  'Zonder indexering van het tarief houden we het financieel niet vol.',
  'Een hoger uurtarief is nodig om personeel te kunnen betalen.',
];
const MEERZORG = [
  'Onze meerzorgaanvraag voor een bewoner met probleemgedrag ligt al maanden stil.',
  'Meerzorg wordt steeds strenger beoordeeld, aanvragen worden vaker afgewezen.',
  'Voor meerzorg moeten we een lang sjabloon invullen per bewoner.',
  'De toekenning van meerzorg duurt zo lang dat we de extra uren voorschieten.',
];

const cardsOf = (texts: string[], prefix: string): EngineCard[] => texts.map((text, i) => ({ id: `${prefix}${i + 1}`, text }));
const clearCards = (): EngineCard[] => CLEAR.map(([, text], i) => ({ id: `c${String(i + 1).padStart(2, '0')}`, text }));
const themeOf = (result: SynthesisResult, id: string): string => result.assignments[id]!.themeId;
const codebookIds = DEFAULT_CODEBOOK.themes.map((t) => t.id);
const GENERIC_STEMS = new Set(GENERIC_TERMS.flatMap((t) => tokenize(normaliseText(t)).map(stem)));

/** Groups of card ids that share a theme, in a form that ignores theme ids and order. */
function partition(result: SynthesisResult): string[][] {
  const groups = new Map<string, string[]>();
  for (const [id, a] of Object.entries(result.assignments)) groups.set(a.themeId, [...(groups.get(a.themeId) ?? []), id]);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** A deterministic shuffle (the order must not matter, whichever it is). */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('codebook mode', () => {
  it('sorts clearly themed cards into their theme (at least 20 of 24)', () => {
    const cards = clearCards();
    const result = synthesize({ cards, mode: 'codebook', codebook: DEFAULT_CODEBOOK });
    const wrong = cards
      .map((card, i) => ({ card: card.text, expected: CLEAR[i]![0], got: themeOf(result, card.id) }))
      .filter((x) => x.expected !== x.got);
    expect(wrong.length, JSON.stringify(wrong, null, 1)).toBeLessThanOrEqual(4);
  });

  it.each([
    ['tarieven', 'De tarieven liggen onder de kostprijs; zonder indexering draaien we verlies.'],
    ['meerzorg', 'Onze meerzorgaanvraag voor een cliënt met VG-7 werd zonder uitleg afgewezen.'],
    ['bekostiging', 'Sinds de overstap van lumpsum naar PxQ moeten we elke minuut declareren.'],
    ['onderaanneming', 'De hoofdaannemer houdt twaalf procent managementfee in op wat de onderaannemers declareren.'],
    ['contractduur', 'Geef ons een meerjarencontract met een lange looptijd in plaats van elk jaar een nieuw contract.'],
    ['administratieve_lasten', 'De Nota van Inlichtingen telde tachtig pagina’s en de inschrijfprocedure kostte ons weken papierwerk.'],
  ])('puts an unambiguous card in %s', (theme, text) => {
    const result = synthesize({ cards: [{ id: 'a', text }], mode: 'codebook', codebook: DEFAULT_CODEBOOK });
    expect(result.assignments.a).toMatchObject({ themeId: theme, decided: false });
    expect(result.assignments.a!.confidence).toBeGreaterThan(0);
    expect(result.assignments.a!.confidence).toBeLessThanOrEqual(1);
  });

  it("puts a card without theme words in 'overig'", () => {
    const cards = cardsOf(OFF_TOPIC, 'o');
    const result = synthesize({ cards, mode: 'codebook', codebook: DEFAULT_CODEBOOK });
    for (const card of cards) expect(result.assignments[card.id]).toEqual({ themeId: UNSORTED_THEME_ID, confidence: 0, decided: false, tentative: true });
  });

  it("lists every codebook theme and 'overig', and assigns only those", () => {
    const result = synthesize({ cards: [...clearCards(), ...cardsOf(OFF_TOPIC, 'o')], mode: 'codebook', codebook: DEFAULT_CODEBOOK });
    expect(result.themes.map((t) => t.id)).toEqual([...codebookIds, UNSORTED_THEME_ID]);
    expect(result.themes.every((t) => !t.discovered)).toBe(true);
    const allowed = new Set([...codebookIds, UNSORTED_THEME_ID]);
    for (const a of Object.values(result.assignments)) expect(allowed.has(a.themeId)).toBe(true);
  });
});

describe('discovery', () => {
  it('without a codebook, puts clearly similar cards together and different topics apart', () => {
    const tarief = cardsOf(TARIEF, 't');
    const meerzorg = cardsOf(MEERZORG, 'm');
    const result = synthesize({ cards: [...tarief, ...meerzorg], mode: 'discover', codebook: null });
    const tariefThemes = new Set(tarief.map((c) => themeOf(result, c.id)));
    const meerzorgThemes = new Set(meerzorg.map((c) => themeOf(result, c.id)));
    expect(tariefThemes.size).toBe(1);
    expect(meerzorgThemes.size).toBe(1);
    expect([...tariefThemes][0]).not.toBe([...meerzorgThemes][0]);
    expect(result.themes.map((t) => t.id).sort()).toEqual([...tariefThemes, ...meerzorgThemes].sort());
    expect(result.themes.every((t) => t.discovered)).toBe(true);
    for (const id of [...tariefThemes, ...meerzorgThemes]) expect(codebookIds).not.toContain(id);
  });

  it('labels each discovered theme with readable words as written in its own cards', () => {
    const cards = [...cardsOf(TARIEF, 't'), ...cardsOf(MEERZORG, 'm')];
    const result = synthesize({ cards, mode: 'discover', codebook: null });
    for (const theme of result.themes) {
      const members = cards.filter((c) => themeOf(result, c.id) === theme.id);
      const words = new Set(members.flatMap((c) => tokenize(normaliseText(c.text))));
      expect(theme.terms.length).toBeGreaterThan(0);
      expect(theme.label).toBe(theme.terms.join(', '));
      for (const term of theme.terms) {
        expect(words.has(term), `"${term}" is a word of the cards of ${theme.id}`).toBe(true);
        expect(GENERIC_STEMS.has(stem(term)), `"${term}" says nothing about a theme`).toBe(false);
      }
    }
    const termsOf = (id: string) => result.themes.find((t) => t.id === themeOf(result, id))!.terms;
    expect(termsOf('t1').some((t) => /tarie/.test(t))).toBe(true);
    expect(termsOf('m1')).toContain('meerzorg');
  });

  it('with the default codebook keeps the codebook themes and clusters only the leftovers', () => {
    const cards = [...clearCards(), ...cardsOf(OFF_TOPIC, 'o'), { id: 'o3', text: 'De koffie en de thee waren allebei lauw.' }];
    const codebookRun = synthesize({ cards, mode: 'codebook', codebook: DEFAULT_CODEBOOK });
    const result = synthesize({ cards, mode: 'discover', codebook: DEFAULT_CODEBOOK });
    const leftovers = cards.filter((c) => themeOf(codebookRun, c.id) === UNSORTED_THEME_ID).map((c) => c.id);
    expect(leftovers).toEqual(expect.arrayContaining(['o1', 'o2', 'o3']));
    for (const card of cards) {
      if (leftovers.includes(card.id)) {
        expect(codebookIds).not.toContain(themeOf(result, card.id));
        expect(themeOf(result, card.id)).not.toBe(UNSORTED_THEME_ID);
      } else {
        expect(result.assignments[card.id]).toEqual(codebookRun.assignments[card.id]);
      }
    }
    const discovered = result.themes.filter((t) => t.discovered);
    expect(discovered.length).toBeGreaterThan(0);
    expect(new Set(leftovers.map((id) => themeOf(result, id)))).toEqual(new Set(discovered.map((t) => t.id)));
    // 'overig' stays a place to sort into.
    expect(result.themes.filter((t) => !t.discovered).map((t) => t.id)).toEqual([...codebookIds, UNSORTED_THEME_ID]);
  });

  it('adds no new theme when every card fits the codebook', () => {
    const cards = cardsOf(TARIEF, 't');
    const result = synthesize({ cards, mode: 'discover', codebook: DEFAULT_CODEBOOK });
    expect(result.themes.some((t) => t.discovered)).toBe(false);
    for (const card of cards) expect(themeOf(result, card.id)).toBe('tarieven');
  });
});

describe('learning from the facilitator', () => {
  const moved: EngineCard = { id: 'moved', text: 'Het leerlingenvervoer met taxibusjes rijdt onregelmatig en de chauffeurs wisselen steeds.' };
  const similar: EngineCard = { id: 'new', text: 'Chauffeurs van de taxibusjes komen vaak te laat bij het leerlingenvervoer.' };

  it('a card moved to a theme pulls a new similar card there', () => {
    const before = synthesize({ cards: [moved, similar], mode: 'codebook', codebook: DEFAULT_CODEBOOK });
    expect(themeOf(before, 'new')).not.toBe('doelgroep');
    const after = synthesize({
      cards: [moved, similar],
      mode: 'codebook',
      codebook: DEFAULT_CODEBOOK,
      decisions: { moved: { themeId: 'doelgroep', pinned: false } },
    });
    expect(after.assignments.moved).toEqual({ themeId: 'doelgroep', confidence: 1, decided: true, pinned: false });
    expect(after.assignments.new).toMatchObject({ themeId: 'doelgroep', decided: false });
  });

  it('what a move teaches does not pull unrelated cards along', () => {
    const cards = [moved, ...clearCards()];
    const without = synthesize({ cards, mode: 'codebook', codebook: DEFAULT_CODEBOOK });
    const withMove = synthesize({ cards, mode: 'codebook', codebook: DEFAULT_CODEBOOK, decisions: { moved: { themeId: 'doelgroep', pinned: false } } });
    for (const card of clearCards()) expect(themeOf(withMove, card.id)).toBe(themeOf(without, card.id));
  });
});

describe('learning from labelled cards', () => {
  const card: EngineCard = { id: 'c', text: 'Het leerlingenvervoer met taxibusjes stond weer stil.' };
  const examples = [
    ['domeinoverstijgend', 'Taxibusjes voor het leerlingenvervoer vallen tussen twee wetten in'],
    ['domeinoverstijgend', 'Niemand regelt de taxibusjes van het leerlingenvervoer'],
    ['tarieven', 'Het tarief is te laag'],
  ] as const;

  it('words that recur on the labelled cards of a theme pull a new card there', () => {
    expect(themeOf(synthesize({ cards: [card], mode: 'codebook', codebook: DEFAULT_CODEBOOK, examples: [] }), 'c')).toBe(UNSORTED_THEME_ID);
    expect(themeOf(synthesize({ cards: [card], mode: 'codebook', codebook: DEFAULT_CODEBOOK, examples }), 'c')).toBe('domeinoverstijgend');
  });

  it('a word seen on only one labelled card teaches nothing', () => {
    const once = [examples[0], ['tarieven', 'Het tarief is te laag']] as const;
    expect(themeOf(synthesize({ cards: [card], mode: 'codebook', codebook: DEFAULT_CODEBOOK, examples: once }), 'c')).toBe(UNSORTED_THEME_ID);
  });

  it('never outweighs what the facilitator decided', () => {
    const decided = synthesize({ cards: [card], mode: 'codebook', codebook: DEFAULT_CODEBOOK, examples, decisions: { c: { themeId: 'kwaliteit', pinned: true } } });
    expect(decided.assignments.c).toEqual({ themeId: 'kwaliteit', confidence: 1, decided: true, pinned: true });
  });
});

describe('decisions', () => {
  const tariefCard: EngineCard = { id: 'p', text: 'Het tarief is veel te laag en niet kostendekkend, de kostprijs ligt hoger.' };

  it.each([true, false])('keep a decided card where the facilitator put it (pinned: %s), even when its text fits another theme better', (pinned) => {
    const free = synthesize({ cards: [tariefCard], mode: 'codebook', codebook: DEFAULT_CODEBOOK });
    expect(themeOf(free, 'p')).toBe('tarieven');
    for (const mode of ['codebook', 'discover'] as const) {
      const result = synthesize({ cards: [tariefCard], mode, codebook: DEFAULT_CODEBOOK, decisions: { p: { themeId: 'dialoog', pinned } } });
      // What the text is about stays visible as the card's second theme, the engine's suggestion.
      expect(result.assignments.p).toEqual({ themeId: 'dialoog', confidence: 1, decided: true, pinned, secondary: { themeId: 'tarieven', confidence: expect.any(Number) } });
    }
  });

  it('keep a confirmed second theme on a card that discovery regroups', () => {
    // The off-topic cards fit no codebook theme, so discovery puts them in a new theme.
    const cards = cardsOf(OFF_TOPIC, 'o');
    const secondary = { o1: 'tarieven', o2: null };
    const codebookOnly = synthesize({ cards, mode: 'codebook', codebook: DEFAULT_CODEBOOK, secondary });
    expect(codebookOnly.assignments.o1?.secondary).toEqual({ themeId: 'tarieven', confidence: 1, decided: true });
    const discovered = synthesize({ cards, mode: 'discover', codebook: DEFAULT_CODEBOOK, secondary });
    expect(themeOf(discovered, 'o1')).toMatch(/^nieuw-/);
    expect(discovered.assignments.o1?.secondary).toEqual({ themeId: 'tarieven', confidence: 1, decided: true });
    expect(discovered.assignments.o2?.secondary).toBeUndefined();
  });

  it("keep a card decided into 'overig' there, also in discovery", () => {
    const cards = [tariefCard, ...cardsOf(OFF_TOPIC, 'o')];
    const decisions: Record<string, Decision> = { p: { themeId: UNSORTED_THEME_ID, pinned: true }, o1: { themeId: UNSORTED_THEME_ID, pinned: true } };
    const result = synthesize({ cards, mode: 'discover', codebook: DEFAULT_CODEBOOK, decisions });
    expect(result.assignments.p).toEqual({ themeId: UNSORTED_THEME_ID, confidence: 1, decided: true, pinned: true });
    expect(result.assignments.o1).toEqual({ themeId: UNSORTED_THEME_ID, confidence: 1, decided: true, pinned: true });
    expect(themeOf(result, 'o2')).not.toBe(UNSORTED_THEME_ID);
  });

  it('are never overwritten by suggestions: new themes do not reuse an id the facilitator sorts cards into', () => {
    // 'nieuw-1' was a discovered theme in an earlier run; the facilitator kept a card in it.
    const cards = [{ id: 'kept', text: 'De koffie in de pauze was koud.' }, ...cardsOf(TARIEF, 't'), ...cardsOf(MEERZORG, 'm')];
    const result = synthesize({ cards, mode: 'discover', codebook: null, decisions: { kept: { themeId: 'nieuw-1', pinned: true } } });
    expect(result.assignments.kept).toEqual({ themeId: 'nieuw-1', confidence: 1, decided: true, pinned: true });
    for (const card of cards.slice(1)) expect(themeOf(result, card.id)).not.toBe('nieuw-1');
    expect(result.themes.map((t) => t.id)).not.toContain('nieuw-1');
  });

  it('for cards that are not in the input are ignored', () => {
    const result = synthesize({ cards: [tariefCard], mode: 'codebook', codebook: DEFAULT_CODEBOOK, decisions: { gone: { themeId: 'dialoog', pinned: true } } });
    expect(Object.keys(result.assignments)).toEqual(['p']);
    expect(themeOf(result, 'p')).toBe('tarieven');
  });
});

describe('custom codebook', () => {
  const codebook: Codebook = {
    themes: [
      { id: 'vervoer', name: 'Vervoer', description: 'taxi, busjes en chauffeurs naar de dagbesteding', seeds: ['taxibus', 'chauffeur', 'rolstoelbus', 'ophaaltijden'] },
      { id: 'eten', name: 'Maaltijden', description: 'warme maaltijd, dieetwensen en de keuken', seeds: ['maaltijd', 'dieet', 'keuken', 'vegetarisch'] },
      { id: 'nieuw-1', name: 'Tuin en groen', description: 'de tuin, het groen rond de locatie', seeds: ['tuin', 'moestuin', 'groenonderhoud'] },
    ],
  };

  it('sorts cards by its own themes, ids and seeds only', () => {
    const cards: EngineCard[] = [
      { id: 'v', text: 'De taxibus kwam een uur te laat en de chauffeur wist de weg niet.' },
      { id: 'e', text: 'Er was geen vegetarische maaltijd en de keuken hield geen rekening met het dieet.' },
      { id: 'g', text: 'De moestuin is verwaarloosd sinds het groenonderhoud is bezuinigd.' },
      // Clearly about tariffs, but this codebook has no such theme and no built-in vocabulary.
      { id: 't', text: 'Het tarief is niet kostendekkend en de indexering blijft achter.' },
    ];
    const result = synthesize({ cards, mode: 'codebook', codebook });
    expect(Object.fromEntries(Object.entries(result.assignments).map(([id, a]) => [id, a.themeId]))).toEqual({
      v: 'vervoer',
      e: 'eten',
      g: 'nieuw-1',
      t: UNSORTED_THEME_ID,
    });
    expect(result.themes.map((t) => t.id)).toEqual(['vervoer', 'eten', 'nieuw-1', UNSORTED_THEME_ID]);
    expect(result.themes.find((t) => t.id === 'vervoer')!.label).toBe('Vervoer');
  });

  it('in discovery, new themes take ids the codebook does not use', () => {
    const cards: EngineCard[] = [
      { id: 'g', text: 'De moestuin is verwaarloosd sinds het groenonderhoud is bezuinigd.' },
      ...cardsOf(TARIEF, 't'),
    ];
    const result = synthesize({ cards, mode: 'discover', codebook });
    expect(themeOf(result, 'g')).toBe('nieuw-1');
    for (const card of cards.slice(1)) expect(themeOf(result, card.id)).not.toBe('nieuw-1');
    expect(result.themes.filter((t) => t.id === 'nieuw-1')).toHaveLength(1);
  });
});

describe('determinism', () => {
  const cards = [...clearCards(), ...cardsOf(TARIEF, 't'), ...cardsOf(MEERZORG, 'm'), ...cardsOf(OFF_TOPIC, 'o')];
  const decisions: Record<string, Decision> = { c03: { themeId: 'kwaliteit', pinned: true } };

  it.each([
    ['codebook', 'the default codebook', DEFAULT_CODEBOOK],
    ['discover', 'the default codebook', DEFAULT_CODEBOOK],
    ['discover', 'no codebook', null],
  ] as const)('the same input gives the same output (%s, %s)', (mode, _name, codebook) => {
    const first = synthesize({ cards, mode, codebook, decisions });
    const second = synthesize({ cards: structuredClone(cards), mode, codebook, decisions: structuredClone(decisions) });
    expect(second).toEqual(first);
  });

  it('keeps no state between calls: many runs later, the same input still gives the same output', () => {
    const other: Codebook = { themes: [{ id: 'eten', name: 'Maaltijden', description: 'warme maaltijd en koffie', seeds: ['lunch', 'koffie'] }] };
    const first = synthesize({ cards, mode: 'codebook', codebook: DEFAULT_CODEBOOK, decisions });
    for (let i = 0; i < 30; i++) {
      synthesize({ cards, mode: 'codebook', codebook: DEFAULT_CODEBOOK });
      synthesize({ cards, mode: 'codebook', codebook: other });
    }
    expect(synthesize({ cards, mode: 'codebook', codebook: DEFAULT_CODEBOOK, decisions })).toEqual(first);
  });

  it('a shuffled card order gives every card the same assignment in codebook mode', () => {
    const reference = synthesize({ cards, mode: 'codebook', codebook: DEFAULT_CODEBOOK, decisions });
    for (const seed of [1, 2, 3]) {
      const result = synthesize({ cards: shuffled(cards, seed), mode: 'codebook', codebook: DEFAULT_CODEBOOK, decisions });
      expect(result.assignments).toEqual(reference.assignments);
      expect(result.themes).toEqual(reference.themes);
    }
  });

  it.each([
    ['the default codebook', DEFAULT_CODEBOOK],
    ['no codebook', null],
  ] as const)('a shuffled card order gives the same discovered themes (%s)', (_name, codebook) => {
    const reference = synthesize({ cards, mode: 'discover', codebook, decisions });
    for (const seed of [1, 2, 3, 4, 5]) {
      const result = synthesize({ cards: shuffled(cards, seed), mode: 'discover', codebook, decisions });
      expect(partition(result)).toEqual(partition(reference));
      expect(result.assignments).toEqual(reference.assignments);
    }
  });
});

describe('edge cases', () => {
  it('takes no cards', () => {
    const codebook = synthesize({ cards: [], mode: 'codebook', codebook: DEFAULT_CODEBOOK });
    expect(codebook.assignments).toEqual({});
    expect(codebook.themes.map((t) => t.id)).toEqual([...codebookIds, UNSORTED_THEME_ID]);
    expect(codebook.themes.every((t) => t.terms.length === 0)).toBe(true);
    expect(synthesize({ cards: [], mode: 'discover', codebook: null })).toEqual({ assignments: {}, themes: [] });
  });

  it('takes one card', () => {
    const card = { id: 'only', text: 'Het tarief is te laag om de loonkosten te betalen.' };
    expect(themeOf(synthesize({ cards: [card], mode: 'codebook', codebook: DEFAULT_CODEBOOK }), 'only')).toBe('tarieven');
    const discovered = synthesize({ cards: [card], mode: 'discover', codebook: null });
    expect(discovered.themes).toHaveLength(1);
    expect(themeOf(discovered, 'only')).toBe(discovered.themes[0]!.id);
    expect(discovered.themes[0]!.terms.length).toBeGreaterThan(0);
  });

  it.each<['codebook' | 'discover', string, Codebook | null]>([
    ['codebook', 'no codebook', null],
    ['codebook', 'an empty codebook', { themes: [] }],
    ['discover', 'no codebook', null],
    ['codebook', 'the default codebook', DEFAULT_CODEBOOK],
    ['discover', 'the default codebook', DEFAULT_CODEBOOK],
  ])('answers for every card (%s mode, %s), with a theme that is listed', (mode, _name, codebook) => {
    const cards = [...cardsOf(TARIEF, 't'), ...cardsOf(OFF_TOPIC, 'o')];
    const result = synthesize({ cards, mode, codebook });
    expect(Object.keys(result.assignments).sort()).toEqual(cards.map((c) => c.id).sort());
    const listed = new Set(result.themes.map((t) => t.id));
    for (const card of cards) expect(listed.has(themeOf(result, card.id)), card.id).toBe(true);
  });

  it("in codebook mode without a codebook, puts every card in 'overig'", () => {
    const result = synthesize({ cards: cardsOf(TARIEF, 't'), mode: 'codebook', codebook: null });
    for (const a of Object.values(result.assignments)) expect(a.themeId).toBe(UNSORTED_THEME_ID);
    expect(result.themes.map((t) => t.id)).toEqual([UNSORTED_THEME_ID]);
  });

  it('treats an empty codebook as no codebook', () => {
    const cards = cardsOf(TARIEF, 't');
    expect(synthesize({ cards, mode: 'discover', codebook: { themes: [] } })).toEqual(synthesize({ cards, mode: 'discover', codebook: null }));
  });

  it.each(['codebook', 'discover'] as const)('gives a 10,000-character garbage card an assignment without disturbing the others (%s)', (mode) => {
    const garbage = { id: 'junk', text: garbageText(10_000, 4) };
    const cards = clearCards();
    const without = synthesize({ cards, mode, codebook: DEFAULT_CODEBOOK });
    const result = synthesize({ cards: [...cards, garbage], mode, codebook: DEFAULT_CODEBOOK });
    expect(typeof themeOf(result, 'junk')).toBe('string');
    expect(result.themes.map((t) => t.id)).toContain(themeOf(result, 'junk'));
    expect(Number.isFinite(result.assignments.junk!.confidence)).toBe(true);
    // The other cards keep their theme, second theme and state; their confidence may move by a
    // hair, since the words of a study's cards lend each other meaning (distributional.ts).
    if (mode === 'codebook') {
      for (const card of cards) {
        const [a, b] = [result.assignments[card.id]!, without.assignments[card.id]!];
        expect({ ...a, confidence: undefined }).toEqual({ ...b, confidence: undefined });
        expect(Math.abs(a.confidence - b.confidence)).toBeLessThanOrEqual(0.02);
      }
    }
  });

  it('handles garbage-only input in discovery without a codebook', () => {
    const cards = [1, 2, 3].map((seed) => ({ id: `g${seed}`, text: garbageText(10_000, seed) }));
    const result = synthesize({ cards, mode: 'discover', codebook: null });
    expect(Object.keys(result.assignments).sort()).toEqual(['g1', 'g2', 'g3']);
    for (const card of cards) expect(result.themes.map((t) => t.id)).toContain(themeOf(result, card.id));
  });
});
