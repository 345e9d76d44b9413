import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardWithText, startBrowserHarness, waitForAttribute, type AppPage, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterEach(() => harness.assertNoErrors());
afterAll(async () => harness?.close());

const STUDY = 'Evaluatie zorginkoop 2026';
const SESSION = 'Werksessie Wlz-aanbieders';
const ANNA = 'Anna de Vries';
const BRAM = 'Bram Oosterhuis';
const NAMED_CARD = 'De planning was vooraf helder';
const ANON_CARD = 'Tarieven kwamen pas na de deadline';

async function join(p: AppPage, code: string, name: string, via: 'link' | 'home'): Promise<void> {
  if (via === 'link') {
    await p.page.goto(`/j/${code}`);
  } else {
    await p.page.goto('/');
    await p.page.getByTestId('home-code-input').fill(code.toLowerCase());
    await p.page.getByTestId('home-code-submit').click();
    // The code typed on the home page is carried over to the join form.
    await expect.poll(() => p.page.getByTestId('join-code-input').inputValue().then((v) => v.replace(/\W/g, ''))).toBe(code);
  }
  await p.page.getByTestId('join-name').fill(name);
  await p.page.getByTestId('join-submit').click();
  await p.page.getByTestId('session-me').getByText(name, { exact: true }).waitFor();
}

async function postCard(p: AppPage, text: string, anonymous = false): Promise<void> {
  await p.page.getByTestId('card-input').fill(text);
  if (anonymous) await p.page.getByTestId('card-anonymous').check();
  await p.page.getByTestId('card-submit').click();
  const card = cardWithText(p.page, text);
  await card.waitFor();
  // Acknowledged by the server: no longer waiting in the outbox.
  await expect.poll(() => card.getAttribute('data-pending')).toBeNull();
}

async function vote(p: AppPage, text: string, votesLeftAfter: number): Promise<void> {
  await cardWithText(p.page, text).getByTestId('vote-button').click();
  await waitForAttribute(p.page.getByTestId('votes-left'), 'data-count', String(votesLeftAfter));
}

describe('a workshop in the browser', () => {
  it('runs from new study to live totals on the projection, without unmasking anonymous cards', async () => {
    const facilitator = await harness.newPage('facilitator');
    const fp = facilitator.page;

    // Home: a new study, and the study page with the key taken out of the address bar.
    await fp.goto('/');
    await fp.getByTestId('create-study-title').fill(STUDY);
    await fp.getByTestId('create-study-submit').click();
    await fp.getByTestId('study-title').getByText(STUDY, { exact: true }).waitFor();
    const studyUrl = new URL(fp.url());
    expect(studyUrl.pathname).toMatch(/^\/f\/[\w-]+$/);
    expect(studyUrl.hash).toBe('');
    const studyId = studyUrl.pathname.split('/')[2]!;

    // A digital session with totals visible while voting.
    await fp.getByTestId('session-create-title').fill(SESSION);
    await fp.getByTestId('session-create-date').fill('2026-03-12');
    await fp.getByTestId('session-create-mode-digitaal').check();
    await fp.getByTestId('session-create-domain-Wlz').check();
    await fp.getByTestId('session-create-settings-show-totals').check();
    await fp.getByTestId('session-create-submit').click();
    const item = fp.getByTestId('session-item').filter({ hasText: SESSION });
    await item.waitFor();
    const sessionId = await item.getAttribute('data-session-id');
    expect(sessionId).toBeTruthy();

    // The console, with the setting carried over and the join code on show.
    await item.getByTestId('session-open-console').click();
    await fp.waitForURL(`**/f/${studyId}/s/${sessionId}`);
    await fp.getByTestId('session-title').getByText(SESSION, { exact: true }).waitFor();
    expect(await fp.getByTestId('settings-show-totals').isChecked()).toBe(true);
    const code = await fp.getByTestId('join-code-display').first().getAttribute('data-code');
    expect(code).toMatch(/^[A-Z0-9]{4,}$/);

    // The projection opens in a new tab of the facilitator's browser, where the key is stored.
    const [popup] = await Promise.all([facilitator.context.waitForEvent('page'), fp.getByTestId('projection-link').click()]);
    const projection = harness.adopt('projection', popup);
    const pp = projection.page;
    await pp.waitForURL(`**/f/${studyId}/s/${sessionId}/projectie`);
    await pp.getByTestId('projection').waitFor();
    await waitForAttribute(pp.getByTestId('phase-badge'), 'data-phase', 'preparation');
    expect(await pp.getByTestId('join-code-display').getAttribute('data-code')).toBe(code);

    // Collecting: the projection follows the console.
    await fp.getByTestId('phase-next').click();
    await waitForAttribute(fp.getByTestId('phase-collecting'), 'aria-current', 'step');
    await waitForAttribute(pp.getByTestId('phase-badge'), 'data-phase', 'collecting');

    // Two participants, each in a browser of their own, join by code in both ways.
    const anna = await harness.newPage('anna');
    const bram = await harness.newPage('bram');
    await join(anna, code!, ANNA, 'link');
    await join(bram, code!, BRAM, 'home');
    await waitForAttribute(anna.page.getByTestId('phase-badge'), 'data-phase', 'collecting');

    await postCard(anna, NAMED_CARD);
    await postCard(bram, ANON_CARD, true);

    // Everyone sees both cards; the projection shows their texts.
    for (const p of [anna, bram]) {
      await cardWithText(p.page, NAMED_CARD).waitFor();
      await cardWithText(p.page, ANON_CARD).waitFor();
    }
    await cardWithText(pp, NAMED_CARD, 'projection-card').waitFor();
    await cardWithText(pp, ANON_CARD, 'projection-card').waitFor();
    expect(await pp.getByTestId('projection-card').count()).toBe(2);

    // Named cards carry their author for the others; the anonymous one does not, not even the
    // name next to it, while its author still recognises it as theirs.
    expect(await cardWithText(bram.page, NAMED_CARD).getByTestId('card-author').textContent()).toBe(ANNA);
    expect(await cardWithText(anna.page, ANON_CARD).getByTestId('card-author').textContent()).toBe('Anoniem');
    expect(await cardWithText(anna.page, ANON_CARD).textContent()).not.toContain('Bram');
    expect(await cardWithText(bram.page, ANON_CARD).getByTestId('card-author').textContent()).toBe('Jij');

    // Voting: each cast vote leaves one fewer, and the projection counts along live.
    await fp.getByTestId('phase-next').click();
    await waitForAttribute(pp.getByTestId('phase-badge'), 'data-phase', 'voting');
    for (const p of [anna, bram]) {
      await waitForAttribute(p.page.getByTestId('phase-badge'), 'data-phase', 'voting');
      await waitForAttribute(p.page.getByTestId('votes-left'), 'data-count', '5');
    }
    const projected = (text: string) => cardWithText(pp, text, 'projection-card').getByTestId('card-total');
    await waitForAttribute(projected(ANON_CARD), 'data-total', '0');

    await vote(anna, ANON_CARD, 4);
    await waitForAttribute(projected(ANON_CARD), 'data-total', '1');
    await vote(anna, ANON_CARD, 3);
    await vote(anna, NAMED_CARD, 2);
    await vote(bram, ANON_CARD, 4);
    await waitForAttribute(projected(ANON_CARD), 'data-total', '3');
    await waitForAttribute(projected(NAMED_CARD), 'data-total', '1');
    // The participants see the same totals, since the session shows them while voting.
    await waitForAttribute(cardWithText(bram.page, ANON_CARD).getByTestId('card-total'), 'data-total', '3');
    await waitForAttribute(cardWithText(anna.page, NAMED_CARD).getByTestId('card-total'), 'data-total', '1');
    expect(await pp.getByTestId('projection-card').count()).toBe(2);

    // The projection shows no authors at all, and Bram's name never reaches Anna or the
    // projection together with his anonymous card, on screen or over the wire.
    expect(await pp.getByTestId('card-author').count()).toBe(0);
    for (const p of [anna, projection]) {
      expect(await p.page.locator('body').innerText()).not.toContain('Bram');
      const { received } = await p.traffic();
      const framesWithCard = received.filter((frame) => frame.includes(ANON_CARD));
      expect(framesWithCard.length).toBeGreaterThan(0);
      for (const frame of framesWithCard) expect(frame).not.toContain('Bram');
    }
    // A named card does travel with its author's name: the check above looks at the right frames.
    expect((await bram.traffic()).received.some((frame) => frame.includes(NAMED_CARD) && frame.includes(ANNA))).toBe(true);
  });
});
