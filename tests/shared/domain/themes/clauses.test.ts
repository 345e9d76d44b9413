import { describe, expect, it } from 'vitest';
import { clauses, REFERRED_CONTEXT_WEIGHT, refersBack, ROLE_WEIGHT, type ClauseRole } from '../../../../shared/domain/themes/clauses.ts';

/** The role of the clause holding a word. */
function roleOf(text: string, word: string): ClauseRole | undefined {
  return clauses(text).find((c) => c.text.includes(word))?.role;
}

describe('clauses: which part of a statement carries its topic', () => {
  it('a result clause is a consequence ("…, wat leidt tot", "waardoor", "zodat"), the clause before it the topic', () => {
    const text = 'Aanbieders geven aan dat de innovatiebudgetten aan zoveel eisen gebonden zijn, wat leidt tot veel administratieve lasten.';
    expect(roleOf(text, 'innovatiebudgetten')).toBe('topic');
    expect(roleOf(text, 'administratieve')).toBe('consequence');
    expect(roleOf('De regels verschillen per gemeente, waardoor wij veel tijd kwijt zijn.', 'tijd')).toBe('consequence');
    expect(roleOf('De regels verschillen per gemeente waardoor wij veel tijd kwijt zijn.', 'tijd')).toBe('consequence');
  });

  it('a verb of effect inside a clause ("kost veel", "leidt tot", "gaat ten koste van") splits subject from effect', () => {
    expect(roleOf('De meerzorgaanvraag kost veel tijd en papierwerk.', 'meerzorgaanvraag')).toBe('topic');
    expect(roleOf('De meerzorgaanvraag kost veel tijd en papierwerk.', 'papierwerk')).toBe('consequence');
    expect(roleOf('Het wisselen van bekostiging gaat ten koste van de zorg', 'zorg')).toBe('consequence');
  });

  it('a purpose ("om … te …", "zodat") counts less than what is done', () => {
    const text = 'Er zijn afspraken gemaakt over standaardisatie om de administratieve lasten te verlagen.';
    expect(roleOf(text, 'standaardisatie')).toBe('topic');
    expect(roleOf(text, 'lasten')).toBe('purpose');
  });

  it('contrasts: "niet zozeer X, wel Y" and "in plaats van X" set X aside; "niet alleen X, ook Y" grants X', () => {
    const notSoMuch = 'Het gaat niet zozeer om het tarief, wel om de zekerheid van een meerjarig contract.';
    expect(roleOf(notSoMuch, 'tarief')).toBe('aside');
    expect(roleOf(notSoMuch, 'meerjarig')).toBe('topic');
    expect(roleOf('We willen praten over kwaliteit in plaats van over geld.', 'geld')).toBe('aside');
    expect(roleOf('We willen praten over kwaliteit in plaats van over geld.', 'kwaliteit')).toBe('topic');
    const notOnly = 'Niet alleen de tarieven zijn te laag, ook de looptijd van het contract is te kort.';
    expect(roleOf(notOnly, 'tarieven')).toBe('concession');
    expect(roleOf(notOnly, 'looptijd')).toBe('topic');
  });

  it('"X, maar Y" and "hoewel X, Y": Y is the point', () => {
    expect(roleOf('Het gesprek was prettig, maar over de tarieven viel niet te praten.', 'gesprek')).toBe('concession');
    expect(roleOf('Het gesprek was prettig, maar over de tarieven viel niet te praten.', 'tarieven')).toBe('topic');
    expect(roleOf('Hoewel de tarieven omhoog gingen, bleef de uitvraag even groot.', 'tarieven')).toBe('concession');
  });

  it('the weights follow the roles, and a statement that is all consequence keeps full weight', () => {
    for (const c of clauses('De aanvraag kost veel tijd, waardoor we achterlopen.')) expect(c.weight).toBe(ROLE_WEIGHT[c.role]);
    const onlyEffect = clauses('Kost veel tijd');
    expect(onlyEffect.every((c) => c.weight === 1)).toBe(true);
  });

  it('a bracketed earlier sentence is context: weak, stronger when the statement refers back to it', () => {
    const referring = clauses('[Elke gemeente hanteert eigen productcodes.] Deze variatie kost ons veel tijd.');
    expect(referring.find((c) => c.role === 'context')).toMatchObject({ text: 'elke gemeente hanteert eigen productcodes.', weight: REFERRED_CONTEXT_WEIGHT });
    const standalone = clauses('[Elke gemeente hanteert eigen productcodes.] Wij willen meerjarige contracten.');
    expect(standalone.find((c) => c.role === 'context')!.weight).toBe(ROLE_WEIGHT.context);
    expect(refersBack('Een dergelijke constructie werkt niet')).toBe(true);
    expect(refersBack('Dit kost ons veel tijd')).toBe(true);
    expect(refersBack('Wij willen meerjarige contracten')).toBe(false);
  });

  it('reads long, odd and empty input without failing', () => {
    expect(clauses('')).toEqual([]);
    expect(clauses(',,, ;; ..')).toEqual([]);
    const long = clauses(`${'De regels verschillen per gemeente, waardoor het veel tijd kost. '.repeat(200)}`);
    expect(long.length).toBeGreaterThan(100);
    expect(clauses('[onafgesloten context zonder haak').length).toBeGreaterThan(0);
  });
});
