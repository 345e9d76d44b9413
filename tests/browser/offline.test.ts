import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardWithText, collectingSession, joinByLink, startBrowserHarness, waitForAttribute, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
// Going offline makes Chromium log the failed reconnect attempts; nothing else may go wrong.
afterEach(() => harness.assertNoErrors([/ERR_INTERNET_DISCONNECTED/]));
afterAll(async () => harness?.close());

const CARD = 'Geschreven in de trein zonder bereik';

describe('offline participant', () => {
  it('keeps a card written offline as pending and sends it exactly once when back online', async () => {
    const facilitator = await collectingSession(harness.server.url);
    try {
      const dana = await harness.newPage('dana');
      const eva = await harness.newPage('eva');
      await joinByLink(dana, facilitator.code, 'Dana Smit');
      await joinByLink(eva, facilitator.code, 'Eva Bakker');
      await waitForAttribute(dana.page.getByTestId('connection-state'), 'data-state', 'connected');

      await dana.context.setOffline(true);
      await waitForAttribute(dana.page.getByTestId('connection-state'), 'data-state', 'offline');

      await dana.page.getByTestId('card-input').fill(CARD);
      await dana.page.getByTestId('card-submit').click();
      const mine = cardWithText(dana.page, CARD);
      await mine.waitFor();
      expect(await mine.getAttribute('data-pending')).toBe('true');
      await mine.getByTestId('card-pending').waitFor();
      await waitForAttribute(dana.page.getByTestId('queued-count'), 'data-count', '1');
      const cardId = await mine.getAttribute('data-card-id');
      expect(cardId).toBeTruthy();
      expect(await cardWithText(eva.page, CARD).count()).toBe(0);

      await dana.context.setOffline(false);
      await waitForAttribute(dana.page.getByTestId('connection-state'), 'data-state', 'connected', 20_000);
      await cardWithText(eva.page, CARD).waitFor({ timeout: 20_000 });
      await expect.poll(() => mine.getAttribute('data-pending')).toBeNull();
      await dana.page.getByTestId('queued-count').waitFor({ state: 'detached' });

      // Exactly one card, on both pages and on the server, from exactly one command sent.
      expect(await cardWithText(eva.page, CARD).count()).toBe(1);
      expect(await cardWithText(dana.page, CARD).count()).toBe(1);
      expect(await eva.page.getByTestId('card').count()).toBe(1);
      expect(await cardWithText(eva.page, CARD).getAttribute('data-card-id')).toBe(cardId);
      const stored = Object.values(harness.server.repo.sessions.get(facilitator.session.id)!.data.cards);
      expect(stored.filter((c) => c.text === CARD)).toHaveLength(1);
      const { sent } = await dana.traffic();
      expect(sent.filter((frame) => frame.includes('"card:add"') && frame.includes(cardId!))).toHaveLength(1);
    } finally {
      facilitator.socket.close();
    }
  });
});
