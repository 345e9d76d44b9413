// npm run --silent label-agreement -- A.tsv B.tsv: how far two annotators of one set agree
// (Cohen's kappa on the primary theme, raw agreement, either-theme agreement). Prints one JSON line.
import { readFileSync } from 'node:fs';
import { agreement, readLabels } from './lib/agreement.ts';

const [first, second] = process.argv.slice(2);
if (!first || !second) {
  console.error('usage: npm run --silent label-agreement -- A.tsv B.tsv (each with the columns id, theme and optionally theme2)');
  process.exit(2);
}
try {
  const result = agreement(readLabels(readFileSync(first, 'utf8')), readLabels(readFileSync(second, 'utf8')));
  const round = (x: number) => Math.round(x * 1000) / 1000;
  console.log(JSON.stringify({ items: result.items, kappa: round(result.kappa), observed: round(result.observed), expected: round(result.expected), eitherTheme: round(result.eitherTheme) }));
} catch (error) {
  console.error(`label-agreement: ${(error as Error).message}`);
  process.exit(2);
}
