import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { facilitatorWithSession, joinAs, sendOk, uid } from '../server/helpers.ts';
import { axeViolations, describeViolations } from './a11y-axe.ts';
import { focused, recordAnnouncements, tabTo } from './a11y-keyboard.ts';
import { cardWithText, joinByLink, startBrowserHarness, waitForAttribute, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
// Going offline makes Chromium log the failed reconnect attempts; nothing else may go wrong.
afterEach(() => harness.assertNoErrors([/ERR_INTERNET_DISCONNECTED/]));
afterAll(async () => harness?.close());

type Phase = 'preparation' | 'collecting' | 'voting' | 'synthesis' | 'closed';

/**
 * Violations in parts other work owns, left out of the audit by selector so the rest of the
 * page is still checked. Each is listed in the branch report for its owner.
 */
const OWNED_ELSEWHERE: Record<string, string[]> = {};

const CARD_MINE = 'De planning was vooraf helder';

async function settledPhase(pages: { console?: Page; others: Page[] }, phase: Phase): Promise<void> {
  if (pages.console) await waitForAttribute(pages.console.getByTestId(`phase-${phase}`), 'aria-current', 'step');
  for (const page of pages.others) await waitForAttribute(page.getByTestId('phase-badge'), 'data-phase', phase);
}

describe('axe-core (WCAG 2.1 A and AA) over every page and phase', () => {
  it('finds no violations on home, study, join, board, console and projection in each phase, follow-up and report', async () => {
    const found: Record<string, string[]> = {};
    async function audit(state: string, page: Page): Promise<void> {
      // Let late renders (charts, live counts, timers) finish before axe looks.
      await page.waitForTimeout(300);
      found[state] = describeViolations(await axeViolations(page, OWNED_ELSEWHERE[state] ?? []));
    }

    const facilitator = await harness.newPage('facilitator');
    const fp = facilitator.page;
    await fp.goto('/');
    await fp.getByTestId('create-study-title').waitFor();
    await audit('home', fp);
    await fp.getByTestId('create-study-title').fill('Evaluatie zorginkoop 2026');
    await fp.getByTestId('create-study-submit').click();
    await fp.getByTestId('study-title').waitFor();
    await audit('study', fp);

    const setup = await facilitatorWithSession(harness.server.url);
    const { studyId, key, socket } = setup;
    const sessionId = setup.session.id;
    const code = setup.session.joinCode;
    const column = setup.snapshot.session.columns[0]!.id;

    await fp.goto(`/f/${studyId}/s/${sessionId}#key=${encodeURIComponent(key)}`);
    await fp.getByTestId('session-title').waitFor();
    const projection = harness.adopt('projection', await facilitator.context.newPage());
    await projection.page.goto(`/f/${studyId}/s/${sessionId}/projectie`);
    await projection.page.getByTestId('projection').waitFor();
    const participant = await harness.newPage('participant');
    const pp = participant.page;
    await pp.goto(`/j/${code}`);
    await pp.getByTestId('join-name').waitFor();
    await audit('join', pp);
    await joinByLink(participant, code, 'Bram Oosterhuis');

    const pages = { console: fp, others: [pp, projection.page] };
    await settledPhase(pages, 'preparation');
    await audit('board preparation', pp);
    await audit('console preparation', fp);
    await audit('projection preparation', projection.page);

    await sendOk(socket, 'session:phase', { sessionId, phase: 'collecting' });
    const ann = await joinAs(harness.server.url, code, 'Ann Jansen');
    await sendOk(ann.socket, 'card:add', { sessionId, id: uid(), columnId: column, text: 'De tarieven dekken de kostprijs niet' });
    await sendOk(ann.socket, 'card:add', { sessionId, id: uid(), columnId: column, text: 'Meerzorg wordt traag afgehandeld' });
    await settledPhase(pages, 'collecting');
    await pp.getByTestId('card-input').fill(CARD_MINE);
    await pp.getByTestId('card-submit').click();
    await cardWithText(pp, CARD_MINE).waitFor();

    for (const phase of ['collecting', 'voting', 'synthesis', 'closed'] as Phase[]) {
      if (phase !== 'collecting') await sendOk(socket, 'session:phase', { sessionId, phase });
      await settledPhase(pages, phase);
      if (phase === 'voting') await cardWithText(pp, CARD_MINE).getByTestId('vote-button').click();
      await audit(`board ${phase}`, pp);
      await audit(`console ${phase}`, fp);
      await audit(`projection ${phase}`, projection.page);
    }

    await sendOk(socket, 'synthesis:finding', { sessionId, themeId: 'tarieven', text: 'De tarieven zijn te laag' });
    await fp.getByTestId('console-followup-link').click();
    await fp.getByTestId('followup-title').waitFor();
    await audit('follow-up', fp);
    await fp.goto(`/f/${studyId}/rapport`);
    await fp.getByTestId('report').waitFor();
    await audit('report', fp);

    ann.socket.disconnect();
    socket.disconnect();
    expect(Object.keys(found)).toHaveLength(20);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((state) => [state, []])));
  });
});

describe('the participant board by keyboard alone', () => {
  it('joins, posts a card and votes to the limit and back without losing focus; hears what changes, and only that', async () => {
    const setup = await facilitatorWithSession(harness.server.url, { settings: { votesPerParticipant: 3, maxVotesPerCard: 2 } });
    const { socket } = setup;
    const sessionId = setup.session.id;
    const column = setup.snapshot.session.columns[0]!.id;
    await sendOk(socket, 'session:phase', { sessionId, phase: 'collecting' });
    const ann = await joinAs(harness.server.url, setup.session.joinCode, 'Ann Jansen');
    const bram = await harness.newPage('bram');
    const page = bram.page;
    try {
      // Join: the code comes with the link; Tab to the name, type, Enter submits.
      await page.goto(`/j/${setup.session.joinCode}`);
      await page.getByTestId('join-name').waitFor();
      await tabTo(page, 'join-name');
      await page.keyboard.type('Bram Oosterhuis');
      await page.keyboard.press('Enter');
      await page.getByTestId('session-me').getByText('Bram Oosterhuis', { exact: true }).waitFor();

      // The route changed: focus is on the new page's heading, not lost on the body.
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1', testid: 'session-title' });
      expect(await page.getByTestId('session-title').getAttribute('tabindex')).toBe('-1');
      const said = await recordAnnouncements(page);

      // A card: typed and sent with Enter; focus stays in the field for the next one.
      await tabTo(page, 'card-input');
      await page.keyboard.type(CARD_MINE);
      await page.keyboard.press('Enter');
      const mine = cardWithText(page, CARD_MINE);
      await mine.waitFor();
      await expect.poll(() => mine.getAttribute('data-pending')).toBeNull();
      expect((await focused(page)).testid).toBe('card-input');

      // Online, the change waited only for its ack: nothing about a queue, no keystrokes, not my own card.
      await page.waitForTimeout(3500);
      expect(await said()).toEqual([]);

      // Two cards from someone else, close together: one count.
      await sendOk(ann.socket, 'card:add', { sessionId, id: uid(), columnId: column, text: 'De tarieven dekken de kostprijs niet' });
      await sendOk(ann.socket, 'card:add', { sessionId, id: uid(), columnId: column, text: 'Meerzorg wordt traag afgehandeld' });
      await expect.poll(said, { timeout: 5000 }).toEqual(['2 nieuwe kaarten']);

      // A new phase is announced with the votes there are to give.
      await sendOk(socket, 'session:phase', { sessionId, phase: 'voting' });
      await expect.poll(said, { timeout: 5000 }).toEqual(['2 nieuwe kaarten', 'Nieuwe fase: Stemmen. Nog 3 stemmen']);

      // Vote by keyboard: the first vote keeps focus on the vote button.
      await tabTo(page, 'vote-button', CARD_MINE);
      const myVotes = mine.getByTestId('card-my-votes');
      await page.keyboard.press('Enter');
      await waitForAttribute(myVotes, 'data-count', '1');
      expect(await focused(page)).toMatchObject({ testid: 'vote-button', card: CARD_MINE });
      // The second reaches the card's limit and disables the button: focus moves to "Stem terug" on the same card.
      await page.keyboard.press('Enter');
      await waitForAttribute(myVotes, 'data-count', '2');
      expect(await mine.getByTestId('vote-button').isDisabled()).toBe(true);
      expect(await focused(page)).toEqual({ testid: 'vote-retract', tag: 'BUTTON', label: `Stem terug van kaart: ${CARD_MINE}`, card: CARD_MINE });
      await expect.poll(said, { timeout: 5000 }).toContain('Nog 1 stem');
      expect((await said()).filter((s) => s.startsWith('Nog 2'))).toEqual([]);

      // Back: one retract keeps focus there; the last removes the button and focus returns to the vote button.
      await page.keyboard.press('Enter');
      await waitForAttribute(myVotes, 'data-count', '1');
      expect(await focused(page)).toMatchObject({ testid: 'vote-retract', card: CARD_MINE });
      await page.keyboard.press('Enter');
      await waitForAttribute(myVotes, 'data-count', '0');
      expect(await mine.getByTestId('vote-retract').count()).toBe(0);
      expect(await focused(page)).toMatchObject({ testid: 'vote-button', card: CARD_MINE });
      await waitForAttribute(page.getByTestId('votes-left'), 'data-count', '3');
      await expect.poll(async () => (await said()).at(-1), { timeout: 5000 }).toBe('Nog 3 stemmen');

      // Offline: losing the connection is said once, and a vote that keeps waiting is said after a moment.
      const before = (await said()).length;
      await bram.context.setOffline(true);
      await waitForAttribute(page.getByTestId('connection-state'), 'data-state', 'offline');
      await page.keyboard.press('Enter');
      await waitForAttribute(page.getByTestId('queued-count'), 'data-count', '1');
      await expect.poll(async () => (await said()).slice(before), { timeout: 8000 }).toEqual(['Geen verbinding', 'Nog 2 stemmen', '1 wijziging wacht op verbinding']);
      await bram.context.setOffline(false);
      await expect.poll(async () => (await said()).slice(before).at(-1), { timeout: 15_000 }).toBe('Verbonden');
      await page.getByTestId('queued-count').waitFor({ state: 'detached' });
    } finally {
      ann.socket.disconnect();
      socket.disconnect();
    }
  });
});

describe('the participant board on a phone (390 by 844)', () => {
  it('gives every button and field on the board a tap target of at least 44 by 44 px', async () => {
    const setup = await facilitatorWithSession(harness.server.url);
    const { socket } = setup;
    const sessionId = setup.session.id;
    await sendOk(socket, 'session:phase', { sessionId, phase: 'collecting' });
    const phone = await harness.newPage('phone');
    const page = phone.page;
    await page.setViewportSize({ width: 390, height: 844 });
    /** Every visible control on the board and in the header, and those smaller than 44 by 44. */
    async function targets(): Promise<{ seen: string[]; small: string[] }> {
      return page.evaluate(() => {
        const controls = Array.from(document.querySelectorAll<HTMLElement>('.app-header button, .board-page button, .board-page select, .board-page summary, .board-page label.check, .board-page input[type=text]'))
          .filter((el) => el.checkVisibility())
          .map((el) => ({ name: el.getAttribute('data-testid') ?? el.tagName, box: el.getBoundingClientRect() }));
        return {
          seen: controls.map((c) => c.name),
          small: controls.filter(({ box }) => box.width < 44 || box.height < 44).map(({ name, box }) => `${name}: ${Math.round(box.width)}x${Math.round(box.height)}`),
        };
      });
    }
    try {
      await joinByLink(phone, setup.session.joinCode, 'Bram Oosterhuis');
      await page.getByTestId('card-input').fill(CARD_MINE);
      await page.getByTestId('card-submit').click();
      const mine = cardWithText(page, CARD_MINE);
      await mine.getByTestId('card-edit').waitFor();
      // The profile editor open, so its fields are measured too.
      await page.getByTestId('profile-editor').locator('summary').click();
      await page.getByTestId('profile-save').waitFor();
      const collecting = await targets();
      await sendOk(socket, 'session:phase', { sessionId, phase: 'voting' });
      await mine.getByTestId('vote-button').click();
      await mine.getByTestId('vote-retract').waitFor();
      const voting = await targets();
      expect({ collecting: collecting.small, voting: voting.small }).toEqual({ collecting: [], voting: [] });
      // The measure saw the controls it is about.
      expect(collecting.seen).toEqual(expect.arrayContaining(['lang-nl', 'lang-en', 'card-domain', 'card-submit', 'card-edit', 'card-delete', 'profile-save', 'join-size', 'LABEL']));
      expect(voting.seen).toEqual(expect.arrayContaining(['vote-button', 'vote-retract']));
    } finally {
      socket.disconnect();
    }
  });
});
