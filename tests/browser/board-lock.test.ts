import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { facilitatorWithSession, sendOk } from '../server/helpers.ts';
import { cardWithText, joinByLink, startBrowserHarness, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterEach(() => harness.assertNoErrors());
afterAll(async () => harness?.close());

describe('a participant typing while the facilitator locks the board', () => {
  it('keeps what was typed, disabled with a note, and posts it once the board opens again', async () => {
    const { socket, session } = await facilitatorWithSession(harness.server.url, { mode: 'digitaal' });
    const sessionId = session.id;
    await sendOk(socket, 'session:phase', { sessionId, phase: 'collecting' });
    const ann = await harness.newPage('ann');
    await joinByLink(ann, session.joinCode, 'Ann Jansen');
    const input = ann.page.getByTestId('card-input');
    const text = 'De planning van de gesprekken was laat bekend';
    await input.fill(text);

    await sendOk(socket, 'session:lock', { sessionId, locked: true });
    await ann.page.getByTestId('add-card-locked').waitFor();
    expect(await input.inputValue()).toBe(text);
    expect(await input.isDisabled()).toBe(true);
    expect(await ann.page.getByTestId('card-submit').isDisabled()).toBe(true);
    // Enter on the disabled field posts nothing.
    await input.press('Enter').catch(() => undefined);
    const stored = () => Object.values(harness.server.repo.sessions.get(sessionId)!.data.cards).filter((c) => c.text === text).length;
    expect(stored()).toBe(0);

    await sendOk(socket, 'session:lock', { sessionId, locked: false });
    await expect.poll(() => input.isDisabled()).toBe(false);
    expect(await ann.page.getByTestId('add-card-locked').count()).toBe(0);
    expect(await input.inputValue()).toBe(text);
    await ann.page.getByTestId('card-submit').click();
    await expect.poll(stored).toBe(1);
    await expect.poll(() => cardWithText(ann.page, text).getAttribute('data-pending')).toBeNull();
    socket.disconnect();
  });
});
