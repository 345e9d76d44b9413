import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { facilitatorWithSession, sendOk } from '../server/helpers.ts';
import { cardWithText, joinByLink, startBrowserHarness, waitForAttribute, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterEach(() => harness.assertNoErrors());
afterAll(async () => harness?.close());

async function collecting(mode: 'fysiek' | 'digitaal', domains: string[]) {
  const setup = await facilitatorWithSession(harness.server.url, { mode, domains });
  await sendOk(setup.socket, 'session:phase', { sessionId: setup.session.id, phase: 'collecting' });
  const storedDomain = (text: string) =>
    Object.values(harness.server.repo.sessions.get(setup.session.id)!.data.cards).find((c) => c.text === text)?.domain;
  return { ...setup, sessionId: setup.session.id, storedDomain };
}

describe("a session's only domain is every card's default", () => {
  it("on the participant's card form: chosen already, sent with the card, and a choice of none is kept", async () => {
    const { socket, session, sessionId, storedDomain } = await collecting('digitaal', ['Wlz']);
    const ann = await harness.newPage('ann');
    await joinByLink(ann, session.joinCode, 'Ann Jansen');
    const domain = ann.page.getByTestId('card-domain').and(ann.page.locator('select'));
    expect(await domain.inputValue()).toBe('Wlz');
    await ann.page.getByTestId('card-input').fill('De planning was vooraf helder');
    await ann.page.getByTestId('card-submit').click();
    await expect.poll(() => storedDomain('De planning was vooraf helder')).toBe('Wlz');
    const card = cardWithText(ann.page, 'De planning was vooraf helder');
    await expect.poll(() => card.getAttribute('data-pending')).toBeNull();
    expect(await card.getByTestId('card-domain').textContent()).toBe('Wlz');

    // "Geen domein" on purpose stays, also when the session changes under it.
    await domain.selectOption('');
    await sendOk(socket, 'session:update', { sessionId, title: 'Werksessie Wlz, middag', domains: ['Wlz'] });
    await ann.page.getByText('Werksessie Wlz, middag').first().waitFor();
    expect(await domain.inputValue()).toBe('');
    await ann.page.getByTestId('card-input').fill('Zonder domein');
    await ann.page.getByTestId('card-submit').click();
    await expect.poll(() => storedDomain('Zonder domein')).toBeNull();
    socket.disconnect();
  });

  it('in the scribe of a physical session, and not with two domains to choose from', async () => {
    const one = await collecting('fysiek', ['Jeugdwet']);
    const page = (await harness.newPage('console')).page;
    await page.goto(`/f/${one.studyId}/s/${one.sessionId}#key=${encodeURIComponent(one.key)}`);
    await page.getByTestId('scribe').waitFor();
    expect(await page.getByTestId('scribe-domain').inputValue()).toBe('Jeugdwet');
    await page.getByTestId('card-input').fill('Wachtlijsten in de regio');
    await page.getByTestId('card-submit').click();
    await expect.poll(() => one.storedDomain('Wachtlijsten in de regio')).toBe('Jeugdwet');
    // The console shows the card with its domain, as stored.
    expect(await cardWithText(page, 'Wachtlijsten in de regio').getByTestId('card-domain').textContent()).toBe('Jeugdwet');
    one.socket.disconnect();

    const two = await collecting('fysiek', ['Wlz', 'Wmo']);
    await page.goto(`/f/${two.studyId}/s/${two.sessionId}#key=${encodeURIComponent(two.key)}`);
    await page.getByTestId('scribe').waitFor();
    expect(await page.getByTestId('scribe-domain').inputValue()).toBe('');
    await page.getByTestId('card-input').fill('Twee domeinen, geen keuze');
    await page.getByTestId('card-submit').click();
    await expect.poll(() => two.storedDomain('Twee domeinen, geen keuze')).toBeNull();
    two.socket.disconnect();
  });
});
