/**
 * Agreement between two annotators who each gave every item one primary label and at most one
 * secondary label: Cohen's kappa on the primary labels, raw agreement, and how often one's primary
 * is among the other's primary or secondary ("either theme right", as the engine is judged).
 */
export interface Labels {
  theme: string;
  theme2: string | null;
}

export interface Agreement {
  items: number;
  /** Same primary label. */
  observed: number;
  /** Agreement expected by chance from each annotator's label frequencies. */
  expected: number;
  kappa: number;
  /** A's primary is B's primary or secondary, and B's primary is A's primary or secondary. */
  eitherTheme: number;
}

export function agreement(a: ReadonlyMap<string, Labels>, b: ReadonlyMap<string, Labels>): Agreement {
  const ids = [...a.keys()].filter((id) => b.has(id)).sort();
  if (ids.length === 0) throw new Error('the two label sets share no item');
  const count = (labels: ReadonlyMap<string, Labels>) => {
    const n = new Map<string, number>();
    for (const id of ids) n.set(labels.get(id)!.theme, (n.get(labels.get(id)!.theme) ?? 0) + 1);
    return n;
  };
  const ca = count(a);
  const cb = count(b);
  const same = ids.filter((id) => a.get(id)!.theme === b.get(id)!.theme).length;
  const either = ids.filter((id) => {
    const x = a.get(id)!;
    const y = b.get(id)!;
    return (x.theme === y.theme || x.theme === y.theme2) && (y.theme === x.theme || y.theme === x.theme2);
  }).length;
  const observed = same / ids.length;
  const expected = [...ca].reduce((sum, [label, n]) => sum + (n / ids.length) * ((cb.get(label) ?? 0) / ids.length), 0);
  return { items: ids.length, observed, expected, kappa: expected === 1 ? 1 : (observed - expected) / (1 - expected), eitherTheme: either / ids.length };
}

/** A TSV with the columns id, theme and (optionally) theme2, as the labelled sets have them. */
export function readLabels(tsv: string): Map<string, Labels> {
  const [head, ...lines] = tsv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = head!.split('\t');
  const at = (name: string) => header.indexOf(name);
  if (at('id') < 0 || at('theme') < 0) throw new Error('a label file needs the columns id and theme');
  return new Map(
    lines.map((line) => {
      const cells = line.split('\t');
      const theme2 = at('theme2') < 0 ? '' : (cells[at('theme2')] ?? '').trim();
      return [cells[at('id')]!, { theme: cells[at('theme')]!.trim(), theme2: theme2 === '' ? null : theme2 }];
    }),
  );
}
