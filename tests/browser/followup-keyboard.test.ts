import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { facilitatorWithSession, joinAs, sendOk, uid } from '../server/helpers.ts';
import { focused, recordAnnouncements, tabTo } from './a11y-keyboard.ts';
import { startBrowserHarness, waitForAttribute, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterEach(() => harness.assertNoErrors());
afterAll(async () => harness?.close());

const CALLEE = 'Petronella Zwanenburg';
const TARIFF = 'De tarieven dekken de kostprijs niet, de indexering is te laag';
const MEERZORG = 'Meerzorgaanvragen voor VG7 worden traag afgehandeld';
const POINT = 'Het vervoer naar de dagbesteding is slecht geregeld';

/** Like `tabTo`, backwards. */
async function shiftTabTo(page: Page, testid: string, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Shift+Tab');
    if ((await focused(page)).testid === testid) return;
  }
  throw new Error(`${testid} not reached with ${maxPresses} presses of Shift+Tab`);
}

/** The focused element has a visible focus ring (an outline of some width), and is not the page itself. */
async function expectFocusVisible(page: Page, testid: string): Promise<void> {
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return { testid: el.getAttribute('data-testid'), style: style.outlineStyle, width: parseFloat(style.outlineWidth), shadow: style.boxShadow };
  });
  expect(ring?.testid, 'focus went elsewhere').toBe(testid);
  expect(ring!.style !== 'none' && ring!.width >= 2, `no visible focus on ${testid}: ${JSON.stringify(ring)}`).toBe(true);
}

/** A closed single-domain session with two themes, tarieven (with a finding, most votes) and meerzorg. */
async function closedSession() {
  const setup = await facilitatorWithSession(harness.server.url);
  const { socket } = setup;
  const sessionId = setup.session.id;
  await sendOk(socket, 'session:phase', { sessionId, phase: 'collecting' });
  const ann = await joinAs(harness.server.url, setup.session.joinCode, 'Ann Jansen');
  const column = setup.snapshot.session.columns[1]!.id;
  const tariff = uid();
  await sendOk(ann.socket, 'card:add', { sessionId, id: tariff, columnId: column, text: TARIFF });
  await sendOk(ann.socket, 'card:add', { sessionId, id: uid(), columnId: column, text: MEERZORG });
  await sendOk(socket, 'session:phase', { sessionId, phase: 'voting' });
  await sendOk(socket, 'card:hand-votes', { sessionId, id: tariff, count: 3 });
  for (const phase of ['synthesis', 'closed'] as const) await sendOk(socket, 'session:phase', { sessionId, phase });
  await sendOk(socket, 'synthesis:finding', { sessionId, themeId: 'tarieven', text: 'De tarieven zijn te laag' });
  return { ...setup, sessionId, ann, columns: setup.snapshot.session.columns.map((c) => c.id) };
}

describe('a follow-up call by keyboard alone', () => {
  it('starts a call, fills in the profile, goes through the script, adds a point and finishes: all stored, focus always visible', async () => {
    const s = await closedSession();
    try {
      const { page } = await harness.newPage('analyst');
      // The page load is the only thing not done with keys.
      await page.goto(`/f/${s.studyId}/s/${s.sessionId}/nabellen#key=${encodeURIComponent(s.key)}`);
      await page.getByTestId('followup-choose').waitFor();
      const said = await recordAnnouncements(page);

      // Who was called.
      await tabTo(page, 'followup-callee');
      await expectFocusVisible(page, 'followup-callee');
      await page.keyboard.type(CALLEE);
      await page.keyboard.press('Tab');
      await page.keyboard.type('Zorggroep Noorderlicht');
      await page.keyboard.press('Tab');
      await expectFocusVisible(page, 'followup-scope');
      await page.keyboard.press('ArrowDown'); // regionaal
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown'); // klein
      await page.keyboard.press('ArrowDown'); // middelgroot
      await page.keyboard.press('Tab');
      await page.keyboard.type('Drenthe');
      await page.keyboard.press('Tab');
      await expectFocusVisible(page, 'followup-consent');
      await page.keyboard.press('Space');
      await tabTo(page, 'followup-caller');
      await page.keyboard.type('Analist Jansen');
      await tabTo(page, 'followup-start');
      await expectFocusVisible(page, 'followup-start');
      await page.keyboard.press('Enter');

      // The script opens at the first finding, with focus on it.
      await page.getByTestId('followup-script').waitFor();
      await expect.poll(() => focused(page).then((f) => f.testid)).toBe('followup-finding');
      await expectFocusVisible(page, 'followup-finding');
      const progress = page.getByTestId('followup-progress');
      await expect.poll(() => progress.textContent()).toBe('1 van 2');
      expect((await page.getByTestId('followup-finding').textContent())?.trim()).toBe('De tarieven zijn te laag');
      // The theme's cards to read out.
      expect((await page.getByTestId('followup-read-out-card').allTextContents()).map((t) => t.trim())).toEqual([`${TARIFF} (3 stemmen)`]);

      await page.keyboard.press('1');
      await waitForAttribute(page.getByTestId('followup-verdict-herkend'), 'aria-pressed', 'true');
      await page.keyboard.press('n');
      await expectFocusVisible(page, 'followup-note');
      await page.keyboard.type('Bij ons precies zo');
      await page.keyboard.press('Enter');
      await expect.poll(() => progress.textContent()).toBe('2 van 2');
      await expectFocusVisible(page, 'followup-finding');
      expect((await page.getByTestId('followup-read-out-card').allTextContents()).map((t) => t.trim())).toEqual([MEERZORG]);
      // The verdict by its button this time: Tab to it, Space.
      await tabTo(page, 'followup-verdict-deels');
      await expectFocusVisible(page, 'followup-verdict-deels');
      await page.keyboard.press('Space');
      await waitForAttribute(page.getByTestId('followup-verdict-deels'), 'aria-pressed', 'true');
      // Back and forth with the arrow keys (focus on a button, not in a field).
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => progress.textContent()).toBe('1 van 2');
      expect(await page.getByTestId('followup-note').inputValue()).toBe('Bij ons precies zo');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => progress.textContent()).toBe('2 van 2');

      // A point the session missed: its text, the second column, the session's only domain by default.
      await tabTo(page, 'followup-point-text');
      await expectFocusVisible(page, 'followup-point-text');
      await page.keyboard.type(POINT);
      await page.keyboard.press('Tab');
      await expectFocusVisible(page, 'followup-point-column');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await expectFocusVisible(page, 'followup-point-domain');
      expect(await page.getByTestId('followup-point-domain').inputValue()).toBe('Wlz');
      await page.keyboard.press('Tab');
      await expectFocusVisible(page, 'followup-point-add');
      await page.keyboard.press('Enter');
      await page.getByTestId('followup-points').getByText(POINT).waitFor();
      // The add button went disabled with the field emptied: focus is back in the field, not lost.
      await expectFocusVisible(page, 'followup-point-text');

      // Finish the call: back up to its button.
      await shiftTabTo(page, 'followup-finish');
      await expectFocusVisible(page, 'followup-finish');
      await page.keyboard.press('Enter');
      await page.getByTestId('followup-choose').waitFor();
      // Ready for the next call.
      await expectFocusVisible(page, 'followup-callee');
      await expect.poll(said).toContain(`Gesprek met ${CALLEE} opgeslagen`);

      // What is stored.
      const session = harness.server.repo.sessions.get(s.sessionId)!.data;
      const calls = Object.values(session.followUps);
      expect(calls).toHaveLength(1);
      const call = calls[0]!;
      expect(call.callee).toEqual({ name: CALLEE, organisation: 'Zorggroep Noorderlicht', scope: 'regionaal', size: 'middelgroot', region: 'Drenthe', consent: true });
      expect(call.calledBy).toBe('Analist Jansen');
      expect(call.deletedAt).toBeNull();
      expect(call.answers.tarieven).toMatchObject({ verdict: 'herkend', note: 'Bij ons precies zo' });
      expect(call.answers.meerzorg).toMatchObject({ verdict: 'deels' });
      expect(call.answers.meerzorg!.note).toBeUndefined();
      const points = Object.values(session.cards).filter((c) => c.origin.kind === 'followup');
      expect(points).toEqual([expect.objectContaining({ text: POINT, columnId: s.columns[1], domain: 'Wlz', origin: { kind: 'followup', callId: call.id } })]);
      // The call is in the list, answered twice, to be opened again with Enter.
      const entry = page.getByTestId('followup-call').filter({ hasText: CALLEE });
      expect(await entry.getByTestId('followup-call-answered').textContent()).toContain('2 bevindingen beantwoord');
      await shiftTabTo(page, 'followup-call-open');
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page).then((f) => f.testid)).toBe('followup-finding');

      // Deleting it by keyboard: its button goes with it, focus lands on the list's title, visibly.
      await shiftTabTo(page, 'followup-call-delete');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('followup-call').count()).toBe(0);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('followup-calls-title');
      const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(ring).not.toBe('none');
    } finally {
      s.socket.close();
      s.ann.socket.close();
    }
  });
});
