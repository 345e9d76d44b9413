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

  it('follows the sessions live: a card, a vote, a hand count, a theme decision and a new session show without a reload', async () => {
    const setup = await collectingSession(harness.server.url);
    const ann = await joinAs(harness.server.url, setup.code, 'Ann Jansen');
    try {
      const { studyId, key, session, snapshot, socket } = setup;
      const sessionId = session.id;
      const columnId = snapshot.session.columns[0]!.id;
      const page = (await harness.newPage('facilitator')).page;
      await page.goto(`/f/${studyId}#key=${encodeURIComponent(key)}`);
      await page.getByTestId('study-matrix-empty').waitFor();
      // Set on this document only: a reload would lose it.
      await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
      const domain = session.domains[0]!;
      const cellOf = (themeId: string, d = domain) => page.locator(`[data-testid="study-matrix-cell"][data-theme-id="${themeId}"][data-domain="${d}"]`);

      const cardId = uid();
      await sendOk(ann.socket, 'card:add', { sessionId, id: cardId, columnId, text: ANN, anonymous: false });
      await waitForAttribute(cellOf('tarieven'), 'data-cards', '1');
      await sendOk(socket, 'session:phase', { sessionId, phase: 'voting' });
      await sendOk(ann.socket, 'vote:cast', { sessionId, id: uid(), cardId });
      await waitForAttribute(cellOf('tarieven'), 'data-votes', '1');
      await sendOk(socket, 'card:hand-votes', { sessionId, id: cardId, count: 4 });
      await waitForAttribute(cellOf('tarieven'), 'data-votes', '5');
      await sendOk(socket, 'session:phase', { sessionId, phase: 'synthesis' });
      await sendOk(socket, 'synthesis:decide', { sessionId, cardId, themeId: 'meerzorg', pinned: false });
      await waitForAttribute(cellOf('meerzorg'), 'data-cards', '1');
      // Tarieven keeps the card at most as its second theme.
      await expect.poll(async () => (await cellOf('tarieven').count()) === 0 || (await cellOf('tarieven').getAttribute('data-cards')) === '0').toBe(true);

      // A new session, in a domain of its own: its first card adds a column; the list shows the session.
      const other = await sendOk(socket, 'session:create', { title: 'Werksessie Jeugd', date: '2025-11-22', mode: 'fysiek', domains: ['Jeugdwet'] });
      await page.getByTestId('session-item').filter({ hasText: 'Werksessie Jeugd' }).waitFor();
      const opened = await sendOk(socket, 'session:open', { sessionId: other.id, view: 'console' });
      await sendOk(socket, 'session:phase', { sessionId: other.id, phase: 'collecting' });
      await sendOk(socket, 'card:add', { sessionId: other.id, id: uid(), columnId: opened.session.columns[0]!.id, text: BOB, attribution: { kind: 'facilitator' } });
      await waitForAttribute(cellOf('tarieven', 'Jeugdwet'), 'data-cards', '1');
      expect(await page.locator('th[scope="col"]').allTextContents()).toContain('Jeugdwet');

      expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
      // The matrix never names who wrote a card.
      expect(await page.getByTestId('study-matrix').textContent()).not.toContain('Ann Jansen');
    } finally {
      setup.socket.disconnect();
      ann.socket.disconnect();
    }
  });
});
