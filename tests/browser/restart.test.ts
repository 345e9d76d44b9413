import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardWithText, collectingSession, joinByLink, startBrowserHarness, waitForAttribute, type AppPage, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
// While the server is down, Chromium logs the refused reconnect attempts; nothing else may go wrong.
afterEach(() => harness.assertNoErrors([/ERR_CONNECTION_REFUSED|WebSocket connection to .* failed/]));
afterAll(async () => harness?.close());

const BEFORE = 'Geschreven voor de herstart van de server';
const AFTER = 'Geschreven na de herstart van de server';

async function postCard(p: AppPage, text: string): Promise<void> {
  await p.page.getByTestId('card-input').fill(text);
  await p.page.getByTestId('card-submit').click();
  const card = cardWithText(p.page, text);
  await card.waitFor();
  await expect.poll(() => card.getAttribute('data-pending'), { timeout: 20_000 }).toBeNull();
}

describe('a server restart during a session', () => {
  it('is survived by every open page without a reload: state intact, and new cards and phases reach the others', async () => {
    const setup = await collectingSession(harness.server.url);
    setup.socket.close();
    const { studyId, key, session } = setup;
    const dana = await harness.newPage('dana');
    const eva = await harness.newPage('eva');
    const console = await harness.newPage('facilitator');
    await joinByLink(dana, setup.code, 'Dana Smit');
    await joinByLink(eva, setup.code, 'Eva Bakker');
    await console.page.goto(`/f/${studyId}/s/${session.id}#key=${encodeURIComponent(key)}`);
    await console.page.getByTestId('session-title').waitFor();
    await postCard(dana, BEFORE);
    for (const p of [eva, console]) await cardWithText(p.page, BEFORE).waitFor();
    // A reload would lose this mark.
    for (const p of [dana, eva, console]) await p.page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    await harness.restartServer();

    for (const p of [dana, eva, console]) {
      await waitForAttribute(p.page.getByTestId('connection-state'), 'data-state', 'connected', 30_000);
      expect(await p.page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
      expect(await cardWithText(p.page, BEFORE).count()).toBe(1);
    }
    // Connected to the new server: each page reconnected on its own.
    await expect.poll(() => harness.server.app.io.sockets.sockets.size).toBe(3);

    // Eva writes after the restart; Dana and the console see it, and the server stored it once.
    await postCard(eva, AFTER);
    await cardWithText(dana.page, AFTER).waitFor({ timeout: 20_000 });
    await cardWithText(console.page, AFTER).waitFor({ timeout: 20_000 });
    const stored = Object.values(harness.server.repo.sessions.get(session.id)!.data.cards).map((c) => c.text);
    expect(stored.sort()).toEqual([AFTER, BEFORE].sort());

    // The console still steers the boards.
    await console.page.getByTestId('phase-next').click();
    for (const p of [dana, eva]) await waitForAttribute(p.page.getByTestId('phase-badge'), 'data-phase', 'voting', 20_000);
    await waitForAttribute(dana.page.getByTestId('votes-left'), 'data-count', '5');
  });
});
