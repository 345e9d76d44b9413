// npm run --silent bench:synthesis [-- --cards N]
// Times the theme engine on generated cards in both modes; the last line is JSON.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { seeded } from '../shared/domain/themes/cluster.ts';
import { DEFAULT_CODEBOOK } from '../shared/domain/themes/default-codebook.ts';
import { synthesize, type EngineCard } from '../shared/domain/themes/engine.ts';
import { THEME_VOCABULARY } from '../shared/domain/themes/lexicon.ts';

const FILLER = 'de het een we onze gemeente zorgkantoor aanbieders dit jaar vorig jaar was is niet wel erg heel vaak soms te veel weinig moet beter goed slecht graag meer minder bij voor met over'.split(' ');

/** Workshop-like cards: a few theme words among ordinary ones, some typos and compounds. */
function generate(count: number, random: () => number): EngineCard[] {
  const themes = Object.values(THEME_VOCABULARY);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const theme = pick(themes);
    const words = Array.from({ length: 6 + Math.floor(random() * 12) }, () =>
      random() < 0.3 ? pick([...theme.strong, ...theme.medium, ...theme.weak]) : pick(FILLER),
    );
    return { id: `c${i}`, text: words.join(' ') };
  });
}

function time(run: () => void, repeat: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return Math.round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!);
}

const { values } = parseArgs({ options: { cards: { type: 'string', default: '2000' } } });
const count = Number(values.cards);
if (!Number.isInteger(count) || count < 1 || count > 100_000) {
  console.error(`--cards must be a whole number from 1 to 100000 (got ${JSON.stringify(values.cards)})`);
  process.exit(2);
}
const cards = generate(count, seeded(7));
// The first run pays for building the shared vocabulary; the live view recomputes many times.
const first = time(() => synthesize({ cards, mode: 'codebook', codebook: DEFAULT_CODEBOOK }), 1);
const codebook = time(() => synthesize({ cards, mode: 'codebook', codebook: DEFAULT_CODEBOOK }), 5);
const discover = time(() => synthesize({ cards, mode: 'discover', codebook: null }), 5);
console.log(`${count} generated cards: codebook ${codebook} ms (first run ${first} ms), discover without codebook ${discover} ms (median of 5)`);
console.log(JSON.stringify({ cards: count, codebook_ms: codebook, discover_ms: discover }));
