import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { joinAs, sendOk, uid } from '../server/helpers.ts';
import { collectingSession, startBrowserHarness, waitForAttribute, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterEach(() => harness.assertNoErrors());
afterAll(async () => harness?.close());

const ANN = 'De tarieven dekken de kostprijs niet';
const BOB = 'De tarieven zijn te laag voor de zwaardere zorg';

describe('study matrix in the browser', () => {
  it('shows the tarieven cell of the session domain and opens its cards', async () => {
    const setup = await collectingSession(harness.server.url);
    const ann = await joinAs(harness.server.url, setup.code, 'Ann');
    const bob = await joinAs(harness.server.url, setup.code, 'Bob');
    try {
      const { studyId, key, session, snapshot } = setup;
      const columnId = snapshot.session.columns[0]!.id;
      await sendOk(ann.socket, 'card:add', { sessionId: session.id, id: uid(), columnId, text: ANN });
      await sendOk(bob.socket, 'card:add', { sessionId: session.id, id: uid(), columnId, text: BOB });

      const page = (await harness.newPage('facilitator')).page;
      await page.goto(`/f/${studyId}#key=${encodeURIComponent(key)}`);
      await page.getByTestId('study-matrix').waitFor();

      const domain = session.domains[0]!;
      const cell = page.locator(`[data-testid="study-matrix-cell"][data-theme-id="tarieven"][data-domain="${domain}"]`);
      await waitForAttribute(cell, 'data-cards', '2');
      await expect(page.locator('[data-testid="study-matrix-row"][data-theme-id="tarieven"]').count()).resolves.toBe(1);

      await cell.click();
      const cards = page.getByTestId('study-matrix-cards').getByTestId('study-matrix-card');
      await cards.first().waitFor();
      expect((await cards.allTextContents()).map((t) => t.trim()).sort()).toEqual([ANN, BOB].sort());

      // The refresh button reloads without losing the cell.
      await page.getByTestId('study-matrix-refresh').click();
      await waitForAttribute(cell, 'data-cards', '2');
    } finally {
      setup.socket.disconnect();
      ann.socket.disconnect();
      bob.socket.disconnect();
    }
  });

  it('shows second themes apart, as "(+n)" with a legend, and lists their cards', async () => {
    const setup = await collectingSession(harness.server.url);
    try {
      const { studyId, key, session, snapshot, socket } = setup;
      const columnId = snapshot.session.columns[0]!.id;
      const [annCard, bobCard] = [uid(), uid()];
      await sendOk(socket, 'card:add', { sessionId: session.id, id: annCard, columnId, text: ANN });
      await sendOk(socket, 'card:add', { sessionId: session.id, id: bobCard, columnId, text: BOB });
      // Set by the facilitator, so that no second theme the engine suggests comes into it.
      await sendOk(socket, 'synthesis:decide', { sessionId: session.id, cardId: annCard, themeId: 'tarieven', pinned: false });
      await sendOk(socket, 'synthesis:decide', { sessionId: session.id, cardId: bobCard, themeId: 'tarieven', pinned: false });
      await sendOk(socket, 'synthesis:secondary', { sessionId: session.id, cardId: annCard, themeId: 'kwaliteit' });
      await sendOk(socket, 'synthesis:secondary', { sessionId: session.id, cardId: bobCard, themeId: null });

      const page = (await harness.newPage('facilitator')).page;
      await page.goto(`/f/${studyId}#key=${encodeURIComponent(key)}`);
      const domain = session.domains[0]!;
      const tarieven = page.locator(`[data-testid="study-matrix-cell"][data-theme-id="tarieven"][data-domain="${domain}"]`);
      const kwaliteit = page.locator(`[data-testid="study-matrix-cell"][data-theme-id="kwaliteit"][data-domain="${domain}"]`);
      await waitForAttribute(tarieven, 'data-cards', '2');
      expect(await tarieven.getAttribute('data-secondary')).toBe('0');
      await waitForAttribute(kwaliteit, 'data-secondary', '1');
      expect(await kwaliteit.getAttribute('data-cards')).toBe('0');
      expect((await kwaliteit.getByTestId('study-matrix-secondary').textContent())?.trim()).toBe('(+1)');
      expect(await page.getByTestId('study-matrix-legend').isVisible()).toBe(true);
      // Only first themes make a theme overarching.
      expect(await page.locator('[data-testid="study-matrix-row"][data-theme-id="kwaliteit"] [data-testid="study-matrix-recurring"]').count()).toBe(0);

      await kwaliteit.click();
      const cards = page.getByTestId('study-matrix-cards');
      await cards.getByTestId('study-matrix-secondary-card').first().waitFor();
      expect(await cards.getByTestId('study-matrix-card').count()).toBe(0);
      expect((await cards.getByTestId('study-matrix-secondary-card').allTextContents()).map((t) => t.trim())).toEqual([ANN]);
    } finally {
      setup.socket.disconnect();
    }
  });
});
