import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, sendOk, uid } from '../server/helpers.ts';
import { collectingSession, joinByLink, startBrowserHarness, waitForAttribute, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterEach(() => harness.assertNoErrors());
afterAll(async () => harness?.close());

const text = async (page: Page, testid: string): Promise<string> => ((await page.getByTestId(testid).first().textContent()) ?? '').trim();
const heading = async (page: Page, id: string): Promise<string> => ((await page.locator(`#${id}`).textContent()) ?? '').trim();
const lang = (page: Page): Promise<string | null> => page.locator('html').getAttribute('lang');

describe('language switch', () => {
  it('switches the home page and the board between Dutch and English, and remembers the choice', async () => {
    const facilitator = await collectingSession(harness.server.url);
    try {
      const participant = await harness.newPage('participant');
      const { page } = participant;

      await page.goto('/');
      await page.locator('#home-join-title').waitFor();
      expect(await heading(page, 'home-join-title')).toBe('Meedoen aan een werksessie');
      expect(await text(page, 'create-study-submit')).toBe('Onderzoek aanmaken');
      expect(await lang(page)).toBe('nl');
      expect(await page.getByTestId('lang-nl').getAttribute('aria-pressed')).toBe('true');

      await page.getByTestId('lang-en').click();
      await expect.poll(() => heading(page, 'home-join-title')).toBe('Join a workshop');
      expect(await text(page, 'create-study-submit')).toBe('Create study');
      expect(await lang(page)).toBe('en');
      expect(await page.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');
      expect(await page.getByTestId('lang-nl').getAttribute('aria-pressed')).toBe('false');

      // The board, reached in English, stays English after a reload.
      await joinByLink(participant, facilitator.code, 'Chris Jansen');
      expect(await text(page, 'phase-badge')).toBe('Collecting');
      expect(await heading(page, 'add-card-title')).toBe('Add a card');
      expect(await text(page, 'card-submit')).toBe('Add');
      await page.reload();
      await page.getByTestId('phase-badge').waitFor();
      expect(await text(page, 'phase-badge')).toBe('Collecting');
      expect(await heading(page, 'add-card-title')).toBe('Add a card');
      expect(await lang(page)).toBe('en');

      // And back to Dutch, which also sticks.
      await page.getByTestId('lang-nl').click();
      await expect.poll(() => text(page, 'phase-badge')).toBe('Verzamelen');
      expect(await heading(page, 'add-card-title')).toBe('Kaart toevoegen');
      expect(await text(page, 'card-submit')).toBe('Toevoegen');
      expect(await lang(page)).toBe('nl');
      await page.reload();
      await page.getByTestId('phase-badge').waitFor();
      expect(await heading(page, 'add-card-title')).toBe('Kaart toevoegen');
      await page.goto('/');
      expect(await heading(page, 'home-join-title')).toBe('Meedoen aan een werksessie');
    } finally {
      facilitator.socket.close();
    }
  });

  it('names the built-in themes and writes dates in the chosen language; the facilitator’s own names stay as written', async () => {
    const setup = await collectingSession(harness.server.url);
    const ann = await connectClient(harness.server.url);
    try {
      const { studyId, key, session } = setup;
      const sessionId = session.id;
      await sendOk(ann, 'session:join', { code: setup.code, profile: { name: 'Ann', consent: false } });
      const columnId = setup.snapshot.session.columns[0]!.id;
      const cards = { tarieven: uid(), kwaliteit: uid(), overig: uid() };
      await sendOk(ann, 'card:add', { sessionId, id: cards.tarieven, columnId, text: 'De tarieven dekken de kostprijs niet' });
      await sendOk(ann, 'card:add', { sessionId, id: cards.kwaliteit, columnId, text: 'Er wordt te weinig over goede zorg gesproken' });
      await sendOk(ann, 'card:add', { sessionId, id: cards.overig, columnId, text: 'De koffie was koud' });
      for (const phase of ['voting', 'synthesis'] as const) await sendOk(setup.socket, 'session:phase', { sessionId, phase });
      for (const [themeId, cardId] of Object.entries(cards)) await sendOk(setup.socket, 'synthesis:decide', { sessionId, cardId, themeId, pinned: false });
      await sendOk(setup.socket, 'theme:rename', { sessionId, themeId: 'kwaliteit', name: 'Zorgkwaliteit volgens cliënten' });

      const facilitator = await harness.newPage('facilitator');
      const { page } = facilitator;
      await page.goto(`/f/${studyId}/s/${sessionId}#key=${encodeURIComponent(key)}`);
      await page.getByTestId('synthesis-panel').waitFor();
      const label = async (themeId: string) => ((await page.locator(`[data-testid="synthesis-theme"][data-theme-id="${themeId}"] [data-testid="synthesis-label"]`).textContent()) ?? '').trim();
      expect(await label('tarieven')).toBe('Tarieven en kostprijs');
      expect(await label('overig')).toBe('Overig');
      expect(await label('kwaliteit')).toBe('Zorgkwaliteit volgens cliënten');
      expect(await text(page, 'console-session-date')).toBe('20 november 2025');

      await page.getByTestId('lang-en').click();
      await expect.poll(() => label('tarieven')).toBe('Rates and cost price');
      expect(await label('overig')).toBe('Other');
      expect(await label('meerzorg')).toBe('Additional and complex care');
      expect(await label('kwaliteit')).toBe('Zorgkwaliteit volgens cliënten');
      expect(await page.locator('[data-testid="synthesis-panel"]').textContent()).not.toContain('Tarieven en kostprijs');
      // The card's theme menu offers the same names.
      const coffee = page.getByTestId('synthesis-card').filter({ hasText: 'De koffie was koud' });
      await coffee.getByTestId('synthesis-move-pick').click();
      const menu = coffee.getByTestId('synthesis-move-select');
      expect(await menu.locator('option').allTextContents()).toEqual(expect.arrayContaining(['Rates and cost price', 'Other', 'Zorgkwaliteit volgens cliënten']));
      expect(await text(page, 'console-session-date')).toBe('20 November 2025');

      // A save time on a 24-hour clock, as British English writes it.
      const finding = page.locator('[data-testid="synthesis-theme"][data-theme-id="tarieven"] [data-testid="synthesis-finding"]');
      await finding.fill('Tarieven volgen de kostprijs niet');
      await finding.blur();
      const status = page.locator('[data-testid="synthesis-theme"][data-theme-id="tarieven"] [data-testid="synthesis-finding-status"]');
      await waitForAttribute(status, 'data-state', 'saved');
      expect(((await status.textContent()) ?? '').trim()).toMatch(/^Saved at \d{2}:\d{2}$/);

      // The study page: the session's date in English too.
      await page.goto(`/f/${studyId}`);
      await page.getByTestId('session-date').waitFor();
      expect(await text(page, 'session-date')).toBe('20 November 2025');
      await page.getByTestId('lang-nl').click();
      await expect.poll(() => text(page, 'session-date')).toBe('20 november 2025');
    } finally {
      ann.disconnect();
      setup.socket.close();
    }
  });
});
