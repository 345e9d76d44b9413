import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { textHash } from '../../shared/domain/report/document-edits.ts';
import { createStudy, connectClient, sendOk, uid } from '../server/helpers.ts';
import { openDocx, textOf, withoutContents } from '../server/report/docx-xml.ts';
import { startBrowserHarness, waitForAttribute, type BrowserHarness } from './helpers.ts';

/*
 * The analyst writes the report in the tool: edits a section, groups Wmo and Jeugdwet into one
 * chapter and names it, moves a quote, and downloads the Word file that holds all of it.
 */

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterEach(() => harness.assertNoErrors());
afterAll(async () => harness?.close());

const QUOTE = 'Elke regio vraagt weer andere formulieren op, ook voor dezelfde zorg';
const EDITED = 'In het sociaal domein overheerst de zorg over de tarieven en de verschillen tussen regio’s.';
const chapterOf = (domain: string) => `domain-${textHash(domain)}`;

/** Two digital sessions, Wmo and Jeugdwet, with cards in both columns; a quote on Jeugdwet. */
async function study(url: string) {
  const { studyId, key } = await createStudy(url, 'Evaluatie zorginkoop 2025');
  const socket = await connectClient(url, { studyId, key });
  let quoteKey = '';
  for (const [domain, cards] of [
    ['Wmo', [[0, 'De marktconsultatie van de gemeente was goed voorbereid', 'dialoog'], [1, 'De indexatie van de tarieven loopt achter op de cao', 'tarieven']]],
    ['Jeugdwet', [[0, 'Korte lijnen met de regionale inkooporganisatie', 'dialoog'], [1, QUOTE, 'administratieve_lasten']]],
  ] as const) {
    const session = await sendOk(socket, 'session:create', { title: `Werksessie ${domain}`, date: '2025-11-20', mode: 'digitaal', domains: [domain] });
    const snapshot = await sendOk(socket, 'session:open', { sessionId: session.id, view: 'console' });
    await sendOk(socket, 'session:phase', { sessionId: session.id, phase: 'collecting' });
    const ids: string[] = [];
    for (const [column, text] of cards) {
      const id = uid();
      ids.push(id);
      await sendOk(socket, 'card:add', { sessionId: session.id, id, columnId: snapshot.session.columns[column]!.id, text, attribution: { kind: 'room' } });
    }
    for (const phase of ['voting', 'synthesis'] as const) await sendOk(socket, 'session:phase', { sessionId: session.id, phase });
    for (const [i, [, , theme]] of cards.entries()) await sendOk(socket, 'synthesis:decide', { sessionId: session.id, cardId: ids[i]!, themeId: theme, pinned: true });
    if (domain === 'Jeugdwet') {
      await sendOk(socket, 'synthesis:quote', { sessionId: session.id, cardId: ids[1]!, quote: true });
      quoteKey = `${session.id}:${ids[1]}`;
    }
  }
  socket.disconnect();
  return { studyId, key, quoteKey };
}

describe('report editor in the browser', () => {
  it('edits a section, groups two domains, moves a quote and downloads the DOCX with the changes', async () => {
    const { studyId, key, quoteKey } = await study(harness.server.url);
    const { page } = await harness.newPage('analyst');
    await page.goto(`/f/${studyId}#key=${encodeURIComponent(key)}`);
    await page.getByTestId('study-report-link').click();
    await page.getByTestId('report-editor').waitFor();

    const wmo = chapterOf('Wmo');
    const jeugd = chapterOf('Jeugdwet');
    const chapters = page.getByTestId('report-chapter-view');
    await expect.poll(() => chapters.evaluateAll((els) => els.map((el) => el.getAttribute('data-chapter')))).toEqual([wmo, jeugd]);

    // 1. Edit the Wmo chapter's general picture: saved live, marked as edited.
    const picture = page.locator(`[data-testid="report-section"][data-key="chapter.${wmo}.picture"]`);
    await picture.getByTestId('report-section-edit').click();
    await picture.getByTestId('report-section-text').fill(`**${EDITED}**`);
    await picture.getByTestId('report-section-done').click();
    await waitForAttribute(picture, 'data-edited', 'true');
    await expect.poll(() => picture.locator('p strong').first().textContent()).toBe(EDITED);
    expect(harness.server.repo.studies.get(studyId)!.data.report.sections[`chapter.${wmo}.picture`]?.text).toBe(`**${EDITED}**`);

    // 2. Jeugdwet into the Wmo chapter, which is then called "Sociaal Domein".
    await page.locator('[data-testid="report-domain-move"][data-domain="Jeugdwet"]').selectOption(wmo);
    await expect.poll(() => chapters.count()).toBe(1);
    const title = page.locator(`[data-testid="report-chapter"][data-id="${wmo}"]`).getByTestId('report-chapter-title');
    await title.fill('Sociaal Domein');
    await title.press('Tab');
    await expect.poll(() => chapters.locator('h2').textContent()).toBe('Sociaal Domein');
    // The edited section stayed with its chapter.
    await waitForAttribute(picture, 'data-edited', 'true');

    // 3. The quote stands beside its theme in "Wat ging niet goed"; move it to the end of "Wat ging goed".
    const quote = page.locator(`[data-testid="report-quote"][data-quote="${quoteKey}"]`);
    await expect.poll(() => quote.evaluate((el) => el.closest('[data-testid="report-section"]')?.getAttribute('data-key'))).toBe(`chapter.${wmo}.notWell`);
    await quote.getByTestId('report-quote-move').selectOption(`${wmo}|wentWell|`);
    await expect.poll(() => quote.evaluate((el) => el.closest('[data-testid="report-section"]')?.getAttribute('data-key'))).toBe(`chapter.${wmo}.wentWell`);
    expect(await page.locator(`[data-testid="report-quote"][data-quote="${quoteKey}"]`).count()).toBe(1);
    expect(await quote.locator('p').textContent()).toBe(`“${QUOTE}”`);

    // 4. The Word file holds all three changes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download-docx').click()]);
    const docx = await openDocx(await readFile((await download.path())!));
    const text = textOf(withoutContents(docx.document));
    expect(text).toContain(EDITED);
    expect(text).toContain('Sociaal Domein');
    expect(text).not.toMatch(/\d\tWmo\b/);
    const wentWell = text.indexOf('Wat ging goed');
    const notWell = text.indexOf('Wat ging niet goed');
    const quoteAt = text.indexOf(`“${QUOTE}”`);
    expect(wentWell).toBeGreaterThan(-1);
    expect(quoteAt).toBeGreaterThan(wentWell);
    expect(notWell === -1 || quoteAt < notWell).toBe(true);
    expect(text.split(QUOTE).length - 1).toBe(1);

    // 5. Undo takes the move back: the quote returns beside its theme.
    await page.getByTestId('report-undo').click();
    await expect.poll(() => quote.evaluate((el) => el.closest('[data-testid="report-section"]')?.getAttribute('data-key'))).toBe(`chapter.${wmo}.notWell`);
  });
});
