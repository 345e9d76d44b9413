// npm run --silent eval:themes [-- --scorer ../shared/eval/score-synthesis.mjs]
// Honest figures for the theme engine's learned weights: each labelled set in turn is scored by
// the field's scorer while the engine learns only from the other sets (leave one set out), beside
// the vocabulary alone (--examples none). Prints one JSON line per set and mode.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { scorer: { type: 'string', default: '../shared/eval/score-synthesis.mjs' } } });
const scorer = values.scorer!;
if (!existsSync(scorer)) {
  console.error(`eval:themes: scorer ${scorer} not found (pass --scorer PATH)`);
  process.exit(2);
}
const SETS = ['tests/fixtures/themes/cards-dev.tsv', 'tests/fixtures/themes/cards-holdout.tsv', 'tests/fixtures/themes/cards-holdout-2.tsv'];

function score(file: string, mode: string, examples: string[]): Record<string, unknown> {
  const flags = examples.map((e) => `--examples ${e}`).join(' ');
  const cmd = `npm run --silent synthesize -- --in FILE --mode ${mode} ${flags}`;
  const out = execFileSync(process.execPath, [scorer, file, '--mode', mode, '--cmd', cmd], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

for (const file of SETS) {
  const others = SETS.filter((f) => f !== file);
  for (const mode of ['codebook', 'discover']) {
    const alone = score(file, mode, ['none']);
    const learned = score(file, mode, others);
    const pick = (r: Record<string, unknown>) => (mode === 'codebook' ? { macroF1: r.macroF1, unassigned: r.unassigned } : { nmi: r.nmi });
    console.log(JSON.stringify({ set: file.replace(/^.*\//, ''), cards: learned.cards, mode, vocabulary_only: pick(alone), learned_from_other_sets: pick(learned) }));
  }
}
