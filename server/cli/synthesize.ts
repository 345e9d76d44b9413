// npm run --silent synthesize -- --in cards.tsv [--mode codebook|discover] [--codebook file.json]
//   [--examples labelled.tsv ... | --examples none]   (labelled cards to learn from instead of the built-in ones)
// Prints {"assignments": {"<card id>": "<theme id>"}, "themes": [{"id", "label", "terms"}],
//   "details": {"<card id>": {"confidence", "tentative", "secondary"?}}}.
// Optional columns `session` and `author` (with `kind` as the column) let a card that refers back
// ("Dit kost ons veel tijd") read the card before it in the same session, column and author.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CodebookSchema, type Codebook } from '../../shared/schemas/codebook.ts';
import { activeCodebook } from '../../shared/domain/codebook-edits.ts';
import { DEFAULT_CODEBOOK } from '../../shared/domain/themes/default-codebook.ts';
import { synthesize, type CardContext } from '../../shared/domain/themes/engine.ts';
import { InputError, readCardsTsv, type CardRow } from './read-cards.ts';

const USAGE =
  'usage: npm run --silent synthesize -- --in cards.tsv [--mode codebook|discover] [--codebook file.json] [--examples labelled.tsv ... | --examples none]';

async function readCodebook(path: string): Promise<Codebook> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InputError(`Cannot read codebook ${path}: ${(error as Error).message}`);
  }
  const parsed = CodebookSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`Codebook ${path} is not valid at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Labelled cards (TSV with the columns theme and text) to learn from; `none` learns from nothing. */
async function readExamples(paths: string[]): Promise<[string, string][]> {
  if (paths.length === 1 && paths[0] === 'none') return [];
  const examples: [string, string][] = [];
  for (const path of paths) {
    const cards = await readCardsTsv(path);
    const unlabelled = cards.find((c) => !c.theme);
    if (unlabelled) throw new InputError(`${path}: card ${unlabelled.id} has no theme; --examples needs labelled cards (a theme column)`);
    for (const card of cards) examples.push([card.theme!, card.text]);
  }
  return examples;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { in: { type: 'string' }, mode: { type: 'string', default: 'codebook' }, codebook: { type: 'string' }, examples: { type: 'string', multiple: true } },
    }));
  } catch (error) {
    throw new InputError(`${(error as Error).message}\n${USAGE}`);
  }
  if (!values.in) throw new InputError(`--in is required\n${USAGE}`);
  if (values.mode !== 'codebook' && values.mode !== 'discover') throw new InputError(`--mode must be codebook or discover\n${USAGE}`);
  const cards = await readCardsTsv(values.in);
  const codebook = values.codebook ? await readCodebook(values.codebook) : DEFAULT_CODEBOOK;
  const examples = values.examples ? await readExamples(values.examples) : undefined;
  const result = synthesize({
    cards: cards.map((c, i) => ({ id: c.id, text: c.text, ...contextOf(c, i) })),
    mode: values.mode,
    codebook: activeCodebook(codebook),
    ...(examples ? { examples } : {}),
  });
  const assignments = Object.fromEntries(cards.map((c) => [c.id, result.assignments[c.id]!.themeId]));
  const details = Object.fromEntries(
    cards.map((c) => {
      const a = result.assignments[c.id]!;
      return [c.id, { confidence: a.confidence, tentative: a.tentative ?? false, ...(a.secondary ? { secondary: a.secondary.themeId } : {}) }];
    }),
  );
  const used = new Set(Object.values(assignments));
  const themes = result.themes.filter((t) => used.has(t.id)).map(({ id, label, terms }) => ({ id, label, terms }));
  process.stdout.write(`${JSON.stringify({ assignments, themes, details })}\n`);
}

/** Session context from the file, only where it says which session a row is from (rows in file order). */
function contextOf(card: CardRow, index: number): { context?: CardContext } {
  if (card.session === undefined && card.author === undefined) return {};
  return { context: { column: `${card.session ?? ''}\u0000${card.kind ?? ''}`, at: index, ...(card.author ? { author: card.author } : {}) } };
}

main().catch((error: unknown) => {
  if (error instanceof InputError) {
    process.stderr.write(`synthesize: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`synthesize: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
