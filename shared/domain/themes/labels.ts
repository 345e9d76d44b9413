import type { Features } from './features.ts';

/**
 * The most distinctive words of a group of cards, readable (unstemmed, as people wrote them):
 * frequent in the group, rare elsewhere. Phrase features and compound parts are left out, and so
 * are the `ignore`d stems (words that carry no theme signal make no label).
 */
export function distinctiveTerms(group: Features[], all: Features[], ignore: ReadonlySet<string> = new Set(), count = 3): string[] {
  const inGroup = new Map<string, number>();
  for (const card of group) for (const f of card.weights.keys()) inGroup.set(f, (inGroup.get(f) ?? 0) + 1);
  const overall = new Map<string, number>();
  for (const card of all) for (const f of card.weights.keys()) overall.set(f, (overall.get(f) ?? 0) + 1);
  const surface = new Map<string, Map<string, number>>();
  for (const card of group) {
    for (const [s, word] of card.surfaces) {
      const forms = surface.get(s) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      surface.set(s, forms);
    }
  }
  return [...inGroup]
    .filter(([f, n]) => surface.has(f) && !ignore.has(f) && n >= Math.min(2, group.length) && !/^\d+$/.test(f))
    .map(([f, n]) => ({ f, score: (n / group.length) * Math.log(all.length / overall.get(f)! + 1) }))
    .sort((a, b) => b.score - a.score || (a.f < b.f ? -1 : 1))
    .slice(0, count)
    .map(({ f }) => [...surface.get(f)!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
}
