import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStudy } from '../server/helpers.ts';
import { startBrowserHarness, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
// The broken file is refused with 400 on purpose; the browser logs every failed request.
afterEach(() => harness.assertNoErrors([/status of 400 \(Bad Request\)/]));
afterAll(async () => harness?.close());

const FIXTURE = fileURLToPath(new URL('../fixtures/surveys/ledenpeiling-2025-bom.csv', import.meta.url));
const BROKEN = { name: 'kapot.csv', mimeType: 'text/csv', buffer: Buffer.from('domein;vraag\nWlz;ja\nWmo\n', 'utf8') };

describe('surveys on the study page', () => {
  it('previews, imports with an edited mapping, shows figures with n, breaks down, and deletes with undo', async () => {
    const { studyId, key } = await createStudy(harness.server.url);
    const page = (await harness.newPage('facilitator')).page;
    await page.goto(`/f/${studyId}#key=${encodeURIComponent(key)}`);
    await page.getByTestId('surveys-none').waitFor();

    // A broken file says what is wrong, in Dutch, with the line.
    await page.getByTestId('survey-file').setInputFiles(BROKEN);
    await expect(page.getByTestId('survey-error').textContent()).resolves.toContain('Regel 3 heeft 1 velden');

    await page.getByTestId('survey-file').setInputFiles(FIXTURE);
    await page.getByTestId('survey-mapping').waitFor();
    await expect(page.getByTestId('survey-preview-summary').textContent()).resolves.toContain('20 respondenten');
    const row = (column: string) => page.locator(`[data-testid="survey-mapping-row"][data-column="${column}"]`);
    await row('Is de inkoopprocedure duidelijk?').getByTestId('survey-mapping-label').fill('Procedure duidelijk?');
    await row('Is de inkoopprocedure duidelijk?').getByTestId('survey-mapping-theme').selectOption('tarieven');
    await row('Omzetklasse').getByTestId('survey-mapping-use').selectOption('ignore');
    await page.getByTestId('survey-title').fill('Ledenpeiling 2025');
    await page.getByTestId('survey-import').click();

    const card = page.getByTestId('survey-card');
    await card.waitFor();
    const question = card.locator('[data-testid="survey-question"][data-question-id="col-0005"]');
    await question.waitFor();
    await expect(question.locator('figcaption').textContent()).resolves.toContain('Procedure duidelijk?');
    await expect(question.getByTestId('survey-percent').allTextContents()).resolves.toEqual(['39%', '22%', '22%', '17%']);
    await expect(question.getByTestId('survey-n').first().textContent()).resolves.toContain('n = 18');
    await expect(card.locator('[data-question-id="col-0007"]').getByTestId('survey-mean').textContent()).resolves.toContain('109,3');

    // Leave "niet van toepassing" out: n 15.
    await card.getByTestId('survey-include-missing').uncheck();
    await question.getByText('n = 15').waitFor();
    await expect(question.getByTestId('survey-percent').last().textContent()).resolves.toBe('niet meegeteld');

    // Break down by domain: a column per domain with its n; omzetklasse was not imported. Single-choice questions can split too.
    await expect(card.getByTestId('survey-breakdown').locator('option').allTextContents()).resolves.toEqual([
      'Niet uitsplitsen',
      'Domein',
      'Zorgkantoor',
      'Procedure duidelijk?',
      'Bij hoeveel procent van uw gemeenten bent u tevreden?',
    ]);
    await card.getByTestId('survey-breakdown').selectOption({ label: 'Domein' });
    await question.getByText('Wlz').waitFor();
    const ns = (await question.getByTestId('survey-n').allTextContents()).map((t) => t.trim());
    expect(ns).toEqual(['n = 15', 'n = 6', 'n = 6', 'n = 3']);

    // Report choices: a key figure for "ja", the tevreden question also broken down by the procedure question, a quote from the open "Toelichting".
    const choices = card.locator('[data-testid="survey-question-report"][data-question-id="col-0005"]');
    await choices.locator('summary').click();
    await choices.locator('[data-testid="survey-callout"][data-category="ja"]').check();
    await choices.getByTestId('survey-callout-text').fill('vindt de procedure duidelijk');
    await choices.getByTestId('survey-callout-text').press('Enter');
    await choices.getByTestId('survey-callout-text').blur();
    const tevreden = card.locator('[data-testid="survey-question-report"][data-question-id="col-0006"]');
    await tevreden.locator('summary').click();
    await tevreden.locator('[data-breakdown="col-0005"]').check();
    await tevreden.getByTestId('survey-order').selectOption('descending');
    const open = card.locator('[data-testid="survey-open-answers"][data-question-id="col-0009"]');
    await open.getByTestId('survey-open-answer').first().waitFor();
    await open.getByTestId('survey-quote-toggle').first().check();
    await open.getByText('1 gekozen als citaat').waitFor();
    const stored = () => harness.server.repo.studies.get(studyId)!.data.surveys[0]!.questions;
    await expect.poll(() => stored().find((q) => q.id === 'col-0005')!.report.callouts).toEqual([{ category: 'ja', text: 'vindt de procedure duidelijk' }]);
    expect(stored().find((q) => q.id === 'col-0006')!.report).toMatchObject({ order: 'descending', breakdowns: ['col-0002', 'col-0005'] });
    expect(stored().find((q) => q.id === 'col-0009')!.report.quotes).toEqual([1]);

    // The report page shows the key figure large, the quote and both breakdowns.
    const report = (await harness.newPage('report')).page;
    await report.goto(`/f/${studyId}/rapport#key=${encodeURIComponent(key)}`);
    const callout = report.getByTestId('report-callout');
    await callout.waitFor();
    await expect(callout.textContent()).resolves.toMatch(/39 %\s*vindt de procedure duidelijk/);
    await expect(report.getByTestId('report-survey-quote').textContent()).resolves.toContain('“Tarieven; te laag”');
    await expect(report.getByText('Uitgesplitst naar Procedure duidelijk?').count()).resolves.toBe(1);
    await report.close();

    // Delete, then undo from the notice.
    await card.getByTestId('survey-delete').click();
    await page.getByTestId('surveys-none').waitFor();
    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
    await page.getByTestId('survey-card').waitFor();
    expect(harness.server.repo.studies.get(studyId)!.data.surveys.map((s) => s.title)).toEqual(['Ledenpeiling 2025']);
  });
});
