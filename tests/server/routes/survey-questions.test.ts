// The analyst's report choices per survey question over HTTP (order, breakdowns, quotes, key
// figures), and what the rendered report makes of them: the real server, a real file store, and the
// Windows-1252 fixture whose "Opmerking" column holds open answers.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../../shared/domain/report/types.ts';
import type { SurveyColumnMapping, SurveyPreview } from '../../../shared/schemas/survey-import.ts';
import type { Survey, SurveyQuestion } from '../../../shared/schemas/survey.ts';
import { documentPath } from '../../../server/storage/paths.ts';
import { openDocx, paragraphsOf } from '../report/docx-xml.ts';
import { createStudy, startServer, tempDataDir, type TestServer } from '../helpers.ts';

const fixture = (name: string) => readFile(new URL(`../../fixtures/surveys/${name}`, import.meta.url));
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

let server: TestServer;
let folder: { dir: string; remove: () => Promise<void> };
let studyId: string;
let key: string;
let wlz: Survey;
let leden: Survey;

const surveysUrl = () => `${server.url}/api/studies/${studyId}/surveys`;
const studyFile = () => readFile(documentPath(folder.dir, 'study', studyId), 'utf8');
const patch = (surveyId: string, questionId: string, body: unknown, withKey = key) =>
  fetch(`${surveysUrl()}/${surveyId}/questions/${questionId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...auth(withKey) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const patchOk = async (surveyId: string, questionId: string, body: unknown): Promise<SurveyQuestion> => {
  const response = await patch(surveyId, questionId, body);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as SurveyQuestion;
};

/** Imports a fixture with the guessed mapping, the questions linked to themes as given (by column name). */
async function importFixture(name: string, title: string, themes: Record<string, string>): Promise<Survey> {
  const bytes = await fixture(name);
  const previewed = await fetch(`${surveysUrl()}/preview`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...auth(key) }, body: new Uint8Array(bytes) });
  expect(previewed.status).toBe(200);
  const { columns } = (await previewed.json()) as SurveyPreview;
  const mapping = columns.map((c): SurveyColumnMapping => (c.guess.use === 'question' ? { ...c.guess, themeId: themes[c.name] ?? null } : c.guess));
  const response = await fetch(surveysUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth(key) },
    body: JSON.stringify({ title, fileName: name, file: bytes.toString('base64'), columns: mapping }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Survey;
}

const questionId = (survey: Survey, label: string) => survey.questions.find((q) => q.label === label)!.id;
const attributeId = (survey: Survey, label: string) => survey.attributes.find((a) => a.label === label)!.id;
const get = (path: string) => fetch(`${server.url}/api/studies/${studyId}/${path}`, { headers: auth(key) });

beforeAll(async () => {
  folder = await tempDataDir();
  server = await startServer({ dataDir: folder.dir });
  ({ studyId, key } = await createStudy(server.url));
  wlz = await importFixture('wlz-tevredenheid-windows-1252.csv', 'Wlz-peiling', { Opmerking: 'dialoog', 'Tevredenheid over het zorgkantoor (1-5)': 'dialoog' });
  leden = await importFixture('ledenpeiling-2025-bom.csv', 'Ledenpeiling 2025', { 'Is de inkoopprocedure duidelijk?': 'tarieven' });
});

afterAll(async () => {
  await server.close();
  await folder.remove();
});

describe('open answers imported from a Windows-1252 file', () => {
  it('stores the free-text column as an open question with the default report choices', () => {
    const opmerking = wlz.questions.find((q) => q.label === 'Opmerking')!;
    expect(opmerking).toMatchObject({ kind: 'open', themeId: 'dialoog', report: { order: 'auto', breakdowns: null, quotes: [], callouts: [] } });
  });

  it('lists an open question\'s answers with their index and nothing of the respondent', async () => {
    const response = await get(`surveys/${wlz.id}/questions/${questionId(wlz, 'Opmerking')}/answers`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { answers: { index: number; text: string }[]; quotes: number[] };
    expect(body.answers).toEqual([
      { index: 0, text: 'Prima overleg' },
      { index: 1, text: 'Eén aanspreekpunt, dat werkt' },
      { index: 2, text: 'Tarief € 1.250 te laag' },
      { index: 4, text: 'Cliënten wachten te lang' },
      { index: 5, text: 'Geen idee; nieuw' },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/Zilveren Kruis|Menzis|VGZ|W0\d/);
  });

  it('refuses the answers of a choice question, and unknown ids', async () => {
    expect((await get(`surveys/${wlz.id}/questions/${questionId(wlz, 'Tevredenheid over het zorgkantoor (1-5)')}/answers`)).status).toBe(400);
    expect((await get(`surveys/${wlz.id}/questions/col-9999/answers`)).status).toBe(404);
    expect((await get(`surveys/no-survey/questions/col-0001/answers`)).status).toBe(404);
    const unauthorised = await fetch(`${surveysUrl()}/${wlz.id}/questions/${questionId(wlz, 'Opmerking')}/answers`, { headers: auth('wrong-key-1234') });
    expect(unauthorised.status).toBe(401);
  });
});

describe('PATCH a question\'s report choices', () => {
  it('stores them in the study file and answers with the question', async () => {
    const id = questionId(leden, 'Bij hoeveel procent van uw gemeenten bent u tevreden?');
    const q = await patchOk(leden.id, id, { order: 'descending', breakdowns: [attributeId(leden, 'Omzetklasse'), questionId(leden, 'Is de inkoopprocedure duidelijk?')] });
    expect(q.report).toEqual({ order: 'descending', breakdowns: ['col-0004', 'col-0005'], quotes: [], callouts: [] });
    const stored = JSON.parse(await studyFile()) as { surveys: Survey[] };
    expect(stored.surveys.find((s) => s.id === leden.id)!.questions.find((x) => x.id === id)!.report).toEqual(q.report);
    // The survey view follows the chosen order too.
    const figures = (await (await get(`surveys/${leden.id}/figures`)).json()) as { questions: { id: string; overall: { categories: { label: string }[] } }[] };
    expect(figures.questions.find((x) => x.id === id)!.overall.categories.map((c) => c.label)).toEqual(['75-100%', '50-75%', '25-50%', '0-25%', 'Weet niet']);
  });

  it.each<[string, string, string | object, number, RegExp]>([
    ['not JSON', 'choice', '{"order":', 400, /./],
    ['an empty change', 'choice', {}, 400, /at least one/],
    ['only unknown keys', 'choice', { colour: 'red' }, 400, /at least one/],
    ['an unknown order', 'choice', { order: 'random' }, 400, /order/],
    ['a breakdown by itself', 'choice', { breakdowns: ['col-0005'] }, 400, /itself/],
    ['an unknown attribute', 'choice', { breakdowns: ['col-0099'] }, 400, /col-0099/],
    ['a multiple-answer question as breakdown', 'choice', { breakdowns: ['col-0008'] }, 400, /single-choice/],
    ['an unknown category', 'choice', { callouts: [{ category: 'misschien', text: null }] }, 400, /misschien/],
    ['a quote of a choice question', 'choice', { quotes: [0] }, 400, /open question/],
    ['a quote beyond the respondents', 'open', { quotes: [6] }, 400, /respondent 6/],
    ['a quote of an empty answer', 'open', { quotes: [3] }, 400, /respondent 3/],
    ['a negative index', 'open', { quotes: [-1] }, 400, /quotes/],
  ])('refuses %s with 400 and stores nothing', async (_, which, body, status, message) => {
    const before = await studyFile();
    const [surveyId, id] = which === 'open' ? [wlz.id, questionId(wlz, 'Opmerking')] : [leden.id, 'col-0005'];
    const response = await patch(surveyId, id, body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { message: string }).message).toMatch(message);
    expect(await studyFile()).toBe(before);
  });

  it('answers 404 for an unknown survey or question and 401 without the key, storing nothing', async () => {
    const before = await studyFile();
    expect((await patch('no-survey', 'col-0005', { order: 'size' })).status).toBe(404);
    expect((await patch(leden.id, 'col-9999', { order: 'size' })).status).toBe(404);
    expect((await patch(leden.id, 'col-0005', { order: 'size' }, 'wrong-key-1234')).status).toBe(401);
    expect(await studyFile()).toBe(before);
  });
});

describe('the report with quotes, key figures and several breakdowns', () => {
  beforeAll(async () => {
    const opmerking = questionId(wlz, 'Opmerking');
    await patchOk(wlz.id, opmerking, { quotes: [2, 4] });
    // Zorgkantoor is an attribute; the scale is broken down by it and by the domain.
    await patchOk(wlz.id, questionId(wlz, 'Tevredenheid over het zorgkantoor (1-5)'), { breakdowns: [attributeId(wlz, 'Zorgkantoor'), attributeId(wlz, 'Domein')] });
    await patchOk(leden.id, 'col-0005', { callouts: [{ category: 'Ja', text: null }, { category: 'nee', text: 'vindt de procedure niet duidelijk' }] });
  });

  it('has the quotes, the key figures and the breakdowns in the report data', async () => {
    const report = (await (await get('report')).json()) as ReportModel;
    expect(report.surveyQuotes.map((q) => [q.text, q.attribution, q.themeId, q.survey])).toEqual([
      ['Tarief € 1.250 te laag', 'Reactie van een deelnemende zorgaanbieder', 'dialoog', 'Wlz-peiling'],
      ['Cliënten wachten te lang', 'Reactie van een deelnemende zorgaanbieder', 'dialoog', 'Wlz-peiling'],
    ]);
    const duidelijk = report.figureBlocks.find((b) => b.id === `survey-${leden.id}-col-0005`)!;
    // 7 of 18 ja (38.9 -> 39), 4 of 18 nee (22.2 -> 22).
    expect(duidelijk.callouts.map((c) => [c.value, c.text])).toEqual([
      ['39 %', 'antwoordde ‘ja’ op de vraag ‘Is de inkoopprocedure duidelijk?’'],
      ['22 %', 'vindt de procedure niet duidelijk'],
    ]);
    const scale = report.figureBlocks.find((b) => b.question === 'Tevredenheid over het zorgkantoor (1-5)')!;
    expect(scale.breakdowns.map((b) => [b.attribute, b.groups.map((g) => g.value)])).toEqual([
      ['Zorgkantoor', ['Coöperatie VGZ', 'Menzis', 'Zilveren Kruis']],
      ['Domein', ['Wlz']],
    ]);
    const tevreden = report.figureBlocks.find((b) => b.id === `survey-${leden.id}-col-0006`)!;
    expect(tevreden.breakdowns.map((b) => b.attribute)).toEqual(['Omzetklasse', 'Is de inkoopprocedure duidelijk?']);
    // No open question as figures, and no respondent's attributes beside a quote.
    expect(report.figureBlocks.map((b) => b.question)).not.toContain('Opmerking');
    expect(JSON.stringify(report.surveyQuotes)).not.toMatch(/Zilveren Kruis|Menzis|VGZ|Wlz"/);
  });

  it('renders them in the Markdown: key figures bold at the head of the theme, quotes in “…”, every breakdown', async () => {
    const response = await get('report.md');
    expect(response.status).toBe(200);
    const markdown = await response.text();
    const section = markdown.slice(markdown.indexOf('## Peilingen en enquêtes'), markdown.indexOf('## Cijfers'));
    expect(section).toContain('**39 % antwoordde ‘ja’ op de vraag ‘Is de inkoopprocedure duidelijk?’**');
    expect(section).toContain('**22 % vindt de procedure niet duidelijk**');
    // The key figures come first in their theme's group, before the question's own heading.
    const tarieven = section.indexOf('### Tarieven en kostprijs');
    expect(tarieven).toBeGreaterThan(-1);
    expect(section.indexOf('**39 %', tarieven)).toBeLessThan(section.indexOf('#### Is de inkoopprocedure duidelijk?', tarieven));
    expect(section).toContain('> “Tarief € 1.250 te laag”\\\n> — Reactie van een deelnemende zorgaanbieder');
    expect(section).toContain('> “Cliënten wachten te lang”');
    expect(section).not.toContain('““');
    for (const heading of ['Uitgesplitst naar zorgkantoor', 'Uitgesplitst naar domein', 'Uitgesplitst naar omzetklasse', 'Uitgesplitst naar Is de inkoopprocedure duidelijk?']) expect(section).toContain(`**${heading}**`);
    expect(section).toMatch(/\| Ja +\| +7 \| +39 \|/);
  });

  it('renders them in the DOCX: the key figure\'s number large and bold, the quotes in Word\'s quote style', async () => {
    const response = await get('report.docx');
    expect(response.status).toBe(200);
    const docx = await openDocx(Buffer.from(await response.arrayBuffer()));
    const paragraphs = paragraphsOf(docx.document);
    expect(paragraphs.map((p) => p.text)).toContain('39 % antwoordde ‘ja’ op de vraag ‘Is de inkoopprocedure duidelijk?’');
    // The number is its own run: bold at 28 pt (56 half-points).
    expect(docx.document).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><w:color w:val="1F3F5F"\/><w:sz w:val="56"\/><w:szCs w:val="56"\/><\/w:rPr><w:t xml:space="preserve">39 %<\/w:t><\/w:r>/);
    const quotes = paragraphs.filter((p) => p.style === 'Quote').map((p) => p.text);
    expect(quotes).toContain('“Tarief € 1.250 te laag”\n— Reactie van een deelnemende zorgaanbieder');
  });

  it('writes the English attribution and notation in an English report', async () => {
    const report = (await (await get('report?lang=en')).json()) as ReportModel;
    expect(report.surveyQuotes[0]!.attribution).toBe('Response of a participating care provider');
    expect(report.figureBlocks.find((b) => b.id === `survey-${leden.id}-col-0005`)!.callouts[0]!.value).toBe('39%');
  });

  it('loads the choices again after a restart', async () => {
    await server.close();
    server = await startServer({ dataDir: folder.dir });
    const report = (await (await get('report')).json()) as ReportModel;
    expect(report.surveyQuotes).toHaveLength(2);
  });
});
