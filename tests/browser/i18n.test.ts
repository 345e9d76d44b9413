import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectingSession, joinByLink, startBrowserHarness, type BrowserHarness } from './helpers.ts';

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
});
