import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK, UNSORTED_THEME_ID } from '../../shared/domain/themes/default-codebook.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real command, as `npm run synthesize` starts it. */
function synthesize(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/synthesize.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Output {
  assignments: Record<string, string>;
  themes: { id: string; label: string; terms: string[] }[];
}

function parseOutput(run: Run): Output {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(run.stdout) as Output;
}

/** A refused run: exit code 2, nothing on stdout, one clear line (plus usage) on stderr, no stack trace. */
function expectRefused(run: Run, message: RegExp): void {
  expect(run.stdout).toBe('');
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/^synthesize: /);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).not.toMatch(/unexpected error/);
}

const CARDS = [
  ['k1', 'wlz', 'beter', 'Het tarief is niet kostendekkend, de loonkosten stijgen harder dan de indexering.'],
  ['k2', 'wlz', 'beter', 'Onze meerzorgaanvraag bleef maanden liggen en werd toen afgewezen.'],
  ['k3', 'wmo', 'goed', 'De inkoper kwam op werkbezoek en luisterde echt naar onze ervaringen.'],
  ['k4', 'jeugd', 'beter', 'Sinds de overstap van lumpsum naar PxQ moeten we elk uur declareren.'],
  ['k5', 'wmo', 'beter', 'De koffie was op en de thee was koud.'],
  ['k6', 'fz', 'goed', 'Het weer was mooi en de koffie smaakte prima.'],
];
const tsv = (rows: string[][]): string => `${rows.map((r) => r.join('\t')).join('\n')}\n`;

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'werksessie-cli-'));
  await writeFile(file('cards.tsv'), tsv([['id', 'domain', 'kind', 'text'], ...CARDS]));
  await writeFile(file('crlf-bom.tsv'), `\uFEFF${tsv([['ID', 'Text'], ...CARDS.map((c) => [c[0]!, c[3]!])]).replaceAll('\n', '\r\n')}`);
  await writeFile(
    file('codebook.json'),
    JSON.stringify({
      themes: [
        { id: 'geld', name: 'Geld', description: 'tarief en loonkosten', seeds: ['tarief', 'kostendekkend', 'indexering'] },
        { id: 'drinken', name: 'Drinken', seeds: ['koffie', 'thee'] },
      ],
    }),
  );
  await writeFile(file('no-themes.json'), '{"themes": []}');
  await writeFile(file('no-text.tsv'), tsv([['id', 'body'], ['a', 'Het tarief is te laag']]));
  await writeFile(file('empty.tsv'), '');
  await writeFile(file('binary.tsv'), Buffer.from([0x69, 0x64, 0x09, 0x74, 0x65, 0x78, 0x74, 0x0a, 0x31, 0x09, 0x00, 0x01, 0x02, 0xff, 0x00, 0x0a]));
  await writeFile(file('header-only.tsv'), 'id\ttext\n');
  await writeFile(file('duplicates.tsv'), tsv([['id', 'text'], ['a', 'Het tarief is te laag'], ['b', 'Meerzorg duurt lang'], ['a', 'Nog een kaart']]));
  await writeFile(file('broken.json'), '{"themes": [{"id": "geld", ');
  await writeFile(file('bad-codebook.json'), JSON.stringify({ themes: [{ id: 'Geld en Tarieven!', name: 'Geld' }] }));
  await writeFile(file('duplicate-themes.json'), JSON.stringify({ themes: [{ id: 'geld', name: 'Geld' }, { id: 'geld', name: 'Ook geld' }] }));
  await writeFile(
    file('labelled.tsv'),
    tsv([['id', 'theme', 'text'], ['e1', 'dialoog', 'De koffie bij het overleg was goed'], ['e2', 'dialoog', 'Koffie en thee met de inkoper'], ['e3', 'tarieven', 'Het tarief is te laag']]),
  );
  await mkdir(file('a-folder'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.concurrent('synthesize CLI', () => {
  it('prints one JSON object that assigns every card to a default codebook theme or overig', async () => {
    const out = parseOutput(await synthesize(['--in', file('cards.tsv')]));
    expect(Object.keys(out.assignments).sort()).toEqual(CARDS.map((c) => c[0]).sort());
    const allowed = new Set([...DEFAULT_CODEBOOK.themes.map((t) => t.id), UNSORTED_THEME_ID]);
    for (const theme of Object.values(out.assignments)) expect(allowed.has(theme), theme).toBe(true);
    expect(out.assignments).toMatchObject({ k1: 'tarieven', k2: 'meerzorg', k3: 'dialoog', k4: 'bekostiging', k5: UNSORTED_THEME_ID });
    // The themes listed are exactly those used, each with a label and readable terms.
    expect(out.themes.map((t) => t.id).sort()).toEqual([...new Set(Object.values(out.assignments))].sort());
    for (const theme of out.themes) {
      expect(theme.label.length).toBeGreaterThan(0);
      expect(Array.isArray(theme.terms)).toBe(true);
    }
  });

  it('reads a file with a byte-order mark, CRLF line ends and a capitalised header', async () => {
    const out = parseOutput(await synthesize(['--in', file('crlf-bom.tsv'), '--mode', 'codebook']));
    expect(Object.keys(out.assignments).sort()).toEqual(CARDS.map((c) => c[0]).sort());
    expect(out.assignments.k1).toBe('tarieven');
  });

  it('--mode discover keeps codebook themes and gives the leftovers new themes', async () => {
    const out = parseOutput(await synthesize(['--in', file('cards.tsv'), '--mode', 'discover']));
    expect(Object.keys(out.assignments).sort()).toEqual(CARDS.map((c) => c[0]).sort());
    expect(out.assignments.k1).toBe('tarieven');
    const codebookIds = new Set(DEFAULT_CODEBOOK.themes.map((t) => t.id));
    for (const id of ['k5', 'k6']) {
      expect(codebookIds.has(out.assignments[id]!)).toBe(false);
      expect(out.assignments[id]).not.toBe(UNSORTED_THEME_ID);
    }
    const discovered = out.themes.find((t) => t.id === out.assignments.k5)!;
    expect(discovered.terms.length).toBeGreaterThan(0);
  });

  it('--codebook uses the ids of a custom codebook', async () => {
    const out = parseOutput(await synthesize(['--in', file('cards.tsv'), '--codebook', file('codebook.json')]));
    expect(out.assignments).toMatchObject({ k1: 'geld', k5: 'drinken', k6: 'drinken' });
    for (const theme of Object.values(out.assignments)) expect(['geld', 'drinken', UNSORTED_THEME_ID]).toContain(theme);
    expect(out.themes.find((t) => t.id === 'geld')!.label).toBe('Geld');
  });

  it('--codebook with no themes answers every card with overig', async () => {
    const out = parseOutput(await synthesize(['--in', file('cards.tsv'), '--codebook', file('no-themes.json')]));
    expect(out.assignments).toEqual(Object.fromEntries(CARDS.map((c) => [c[0], UNSORTED_THEME_ID])));
  });

  it('--examples learns word weights from the given labelled cards instead of the built-in ones', async () => {
    const args = ['--in', file('cards.tsv')];
    const builtIn = parseOutput(await synthesize(args));
    const taught = parseOutput(await synthesize([...args, '--examples', file('labelled.tsv')]));
    const none = parseOutput(await synthesize([...args, '--examples', 'none']));
    // The coffee cards fit no vocabulary theme; two labelled cards that talk of coffee teach "dialoog".
    expect(none.assignments.k5).toBe(UNSORTED_THEME_ID);
    expect(taught.assignments.k5).toBe('dialoog');
    expect(taught.assignments.k6).toBe('dialoog');
    expect(builtIn.assignments.k5).toBe(UNSORTED_THEME_ID);
    // The vocabulary still decides the cards it knows.
    for (const out of [builtIn, taught, none]) expect(out.assignments.k2).toBe('meerzorg');
  });

  it.each([
    ['examples without a theme column', ['--in', '{dir}/cards.tsv', '--examples', '{dir}/cards.tsv'], /card k1 has no theme; --examples needs labelled cards/],
    ['missing examples', ['--in', '{dir}/cards.tsv', '--examples', '{dir}/nope.tsv'], /nope\.tsv.*no such file/],
    ['a missing file', ['--in', 'does-not-exist.tsv'], /does-not-exist\.tsv.*no such file/],
    ['a folder instead of a file', ['--in', '{dir}/a-folder'], /a-folder is not a file/],
    ['a file without a text column', ['--in', '{dir}/no-text.tsv'], /needs a header with the columns id and text \(found: id, body\)/],
    ['an empty file', ['--in', '{dir}/empty.tsv'], /empty\.tsv is empty/],
    ['a binary file with NUL bytes', ['--in', '{dir}/binary.tsv'], /binary\.tsv looks binary/],
    ['a file with a header only', ['--in', '{dir}/header-only.tsv'], /header-only\.tsv has a header but no cards/],
    ['duplicate card ids', ['--in', '{dir}/duplicates.tsv'], /duplicates\.tsv line 4: id a appears twice/],
    ['an invalid --mode', ['--in', '{dir}/cards.tsv', '--mode', 'cluster'], /--mode must be codebook or discover/],
    ['a codebook that is not JSON', ['--in', '{dir}/cards.tsv', '--codebook', '{dir}/broken.json'], /Cannot read codebook .*broken\.json/],
    ['a codebook with an invalid theme id', ['--in', '{dir}/cards.tsv', '--codebook', '{dir}/bad-codebook.json'], /bad-codebook\.json is not valid at themes\.0\.id/],
    ['a codebook with a theme id twice', ['--in', '{dir}/cards.tsv', '--codebook', '{dir}/duplicate-themes.json'], /theme ids must be unique/],
    ['a missing codebook', ['--in', '{dir}/cards.tsv', '--codebook', '{dir}/nope.json'], /Cannot read codebook .*nope\.json/],
    ['an unknown flag', ['--in', '{dir}/cards.tsv', '--clusters', '5'], /Unknown option '--clusters'[\s\S]*usage:/],
    ['no --in', [], /--in is required[\s\S]*usage:/],
  ])('refuses %s with a message and exit code 2', async (_case, args, message) => {
    expectRefused(await synthesize(args.map((a) => a.replace('{dir}', dir))), message);
  });
});
