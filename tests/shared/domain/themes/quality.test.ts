// The engine's quality targets on the blind set (tests/fixtures/themes/README.md): a change that
// lowers them below the targets fails here. The field's scorer (../shared/eval) gives the
// same figures; this test does not need that folder.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK, UNSORTED_THEME_ID } from '../../../../shared/domain/themes/default-codebook.ts';
import { synthesize } from '../../../../shared/domain/themes/engine.ts';
import { THEME_EXAMPLES } from '../../../../shared/domain/themes/examples.ts';

const BLIND = fileURLToPath(new URL('../../../fixtures/themes/cards-holdout-3.tsv', import.meta.url));
const rows = readFileSync(BLIND, 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
const cards = rows.map(([id, , , , text]) => ({ id: id!, text: text! }));
const gold = new Map(rows.map(([id, , , theme]) => [id!, theme!]));

function macroF1(predicted: Record<string, string>): number {
  const themes = [...new Set(gold.values())];
  const f1s = themes.map((theme) => {
    let tp = 0, fp = 0, fn = 0;
    for (const [id, truth] of gold) {
      const got = predicted[id];
      if (got === theme && truth === theme) tp++;
      else if (got === theme) fp++;
      else if (truth === theme) fn++;
    }
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return f1s.reduce((a, b) => a + b, 0) / f1s.length;
}

/** Normalised mutual information (arithmetic mean of the entropies), as the field's scorer computes it. */
function nmi(predicted: Record<string, string>): number {
  const n = gold.size;
  const joint = new Map<string, number>(), a = new Map<string, number>(), b = new Map<string, number>();
  for (const [id, truth] of gold) {
    const got = predicted[id]!;
    joint.set(`${truth}\u0000${got}`, (joint.get(`${truth}\u0000${got}`) ?? 0) + 1);
    a.set(truth, (a.get(truth) ?? 0) + 1);
    b.set(got, (b.get(got) ?? 0) + 1);
  }
  const entropy = (m: Map<string, number>) => -[...m.values()].reduce((s, c) => s + (c / n) * Math.log(c / n), 0);
  let mi = 0;
  for (const [key, c] of joint) {
    const [truth, got] = key.split('\u0000') as [string, string];
    mi += (c / n) * Math.log((c * n) / (a.get(truth)! * b.get(got)!));
  }
  return mi / ((entropy(a) + entropy(b)) / 2);
}

const themeIds = (result: ReturnType<typeof synthesize>) => Object.fromEntries(Object.entries(result.assignments).map(([id, a]) => [id, a.themeId]));

describe('quality on the blind set cards-holdout-3.tsv', () => {
  it('is not among the cards the engine learns from', () => {
    const learned = new Set(THEME_EXAMPLES.map(([, text]) => text));
    expect(cards.length).toBe(240);
    for (const card of cards) expect(learned.has(card.text)).toBe(false);
  });

  it('codebook mode: macro-F1 at least 0.85, at most 5% unsorted', () => {
    const predicted = themeIds(synthesize({ cards, mode: 'codebook', codebook: DEFAULT_CODEBOOK }));
    expect(macroF1(predicted)).toBeGreaterThanOrEqual(0.85);
    expect(Object.values(predicted).filter((t) => t === UNSORTED_THEME_ID).length).toBeLessThanOrEqual(cards.length * 0.05);
  });

  it('discovery mode: NMI at least 0.60, with the default codebook and without one', () => {
    expect(nmi(themeIds(synthesize({ cards, mode: 'discover', codebook: DEFAULT_CODEBOOK })))).toBeGreaterThanOrEqual(0.6);
    expect(nmi(themeIds(synthesize({ cards, mode: 'discover', codebook: null })))).toBeGreaterThanOrEqual(0.6);
  });
});
