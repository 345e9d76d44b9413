// npm run --silent eval:themes [-- --scorer ../shared/eval/score-synthesis.mjs]
// Honest figures for the theme engine's learned weights: each labelled set in turn is scored by
// the field's scorer while the engine learns only from the other sets (leave one set out), beside
// the vocabulary alone (--examples none). Prints one JSON line per set and mode, then per set the
// second-theme and confidence figures, and the reliability curve of the calibrated confidence
// over all sets (stated confidence against the share that was right).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { reliability } from './lib/reliability.ts';
import { codebookMetrics, EXAMPLE_SETS, leaveOneSetOut } from './lib/theme-eval.ts';

const { values } = parseArgs({ options: { scorer: { type: 'string', default: '../shared/eval/score-synthesis.mjs' } } });
const scorer = values.scorer!;
if (!existsSync(scorer)) {
  console.error(`eval:themes: scorer ${scorer} not found (pass --scorer PATH)`);
  process.exit(2);
}
const SETS = EXAMPLE_SETS;

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

const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
const scored = leaveOneSetOut(SETS);
for (const { set, scored: items } of scored) {
  const m = codebookMetrics(items);
  console.log(JSON.stringify({ set, mode: 'codebook', ...Object.fromEntries(Object.entries(m).map(([k, v]) => [k, k === 'items' ? v : round(v)])) }));
}
const curve = reliability(scored.flatMap((s) => s.scored).filter((s) => s.assignment.themeId !== 'overig').map((s) => ({ confidence: s.assignment.confidence, correct: s.assignment.themeId === s.item.theme })));
console.log(JSON.stringify({ reliability: { items: curve.count, ece: round(curve.ece), bins: curve.bins.map((b) => ({ from: b.from, to: round(b.to), n: b.count, confidence: round(b.meanConfidence), right: round(b.accuracy) })) } }));
