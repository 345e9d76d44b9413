import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { facilitatorWithSession, joinAs, sendOk, uid } from '../server/helpers.ts';
import { axeViolations, describeViolations } from './a11y-axe.ts';
import { startBrowserHarness, waitForAttribute, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterEach(() => harness.assertNoErrors());
afterAll(async () => harness?.close());

type Mode = 'fysiek' | 'digitaal';
const PHASES = ['preparation', 'collecting', 'voting', 'synthesis', 'closed'] as const;
type Phase = (typeof PHASES)[number];

/** A session with one card and one open poll, and its console open at `phase`. */
async function consoleAt(mode: Mode) {
  const setup = await facilitatorWithSession(harness.server.url, { mode });
  const { studyId, key, socket } = setup;
  const sessionId = setup.session.id;
  await sendOk(socket, 'session:phase', { sessionId, phase: 'collecting' });
  await sendOk(socket, 'card:add', { sessionId, id: uid(), columnId: setup.snapshot.session.columns[0]!.id, text: 'De planning was helder' });
  const poll = await sendOk(socket, 'poll:create', { sessionId, id: uid(), question: 'Hoe verliep het?', kind: 'single', options: ['Goed', 'Matig'] });
  await sendOk(socket, 'poll:open', { sessionId, pollId: poll.id });
  await sendOk(socket, 'session:phase', { sessionId, phase: 'preparation' });
  const facilitator = await harness.newPage(`console-${mode}`);
  const page = facilitator.page;
  await page.goto(`/f/${studyId}/s/${sessionId}#key=${encodeURIComponent(key)}`);
  await waitForAttribute(page.getByTestId('phase-preparation'), 'aria-current', 'step');
  await page.getByTestId('poll-item').waitFor();
  async function moveTo(phase: Phase): Promise<void> {
    // One step at a time, as the stepper allows; a closed session reopens to synthesis first.
    const stored = () => harness.server.repo.sessions.get(sessionId)!.data.phase;
    if (stored() === 'closed' && phase !== 'closed') await sendOk(socket, 'session:phase', { sessionId, phase: 'synthesis' });
    while (stored() !== phase) {
      const step = PHASES.indexOf(phase) > PHASES.indexOf(stored()) ? 1 : -1;
      await sendOk(socket, 'session:phase', { sessionId, phase: PHASES[PHASES.indexOf(stored()) + step]! });
    }
    await waitForAttribute(page.getByTestId(`phase-${phase}`), 'aria-current', 'step');
    // Let the last render settle before counting what is not there.
    await page.waitForTimeout(150);
  }
  return { page, sessionId, socket, moveTo, studyId, key };
}

/** What the console shows for the room's input, and how the side column is laid out. */
async function shown(page: Page) {
  const count = (testid: string) => page.getByTestId(testid).count();
  return {
    toggle: await count('room-entry-toggle'),
    scribe: await count('scribe'),
    cardHands: await count('hand-votes-input'),
    pollHands: await count('poll-hands'),
    side: await page.locator('.console-side > section').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid'))),
    open: await page.locator('.console-side details.fold').evaluateAll((els) =>
      Object.fromEntries(els.map((el) => [el.closest('section')!.getAttribute('data-testid'), (el as HTMLDetailsElement).open])),
    ),
  };
}

const SIDE: Record<Phase, string[]> = {
  preparation: ['console-join', 'console-settings', 'participants', 'poll-panel'],
  collecting: ['console-join', 'participants', 'console-settings', 'poll-panel'],
  voting: ['console-join', 'poll-panel', 'participants', 'console-settings'],
  synthesis: ['console-join', 'poll-panel', 'participants', 'console-settings'],
  closed: ['console-join', 'poll-panel', 'participants', 'console-settings'],
};
const OPEN: Record<Phase, { participants: boolean; 'console-settings': boolean }> = {
  preparation: { participants: true, 'console-settings': true },
  collecting: { participants: true, 'console-settings': true },
  voting: { participants: true, 'console-settings': false },
  synthesis: { participants: false, 'console-settings': false },
  closed: { participants: false, 'console-settings': false },
};

describe('the console in each phase', () => {
  it('in a physical session: the scribe until closed, hand counts on cards from voting, poll hands, no toggle', async () => {
    const { page, moveTo } = await consoleAt('fysiek');
    for (const phase of PHASES) {
      await moveTo(phase);
      const s = await shown(page);
      expect(s.toggle, phase).toBe(0);
      expect(s.scribe, phase).toBe(phase === 'closed' ? 0 : 1);
      // Cards (with their counters) are on the console until synthesis; votes come in from voting.
      expect(s.cardHands, phase).toBe(phase === 'voting' ? 1 : 0);
      // Poll hands while the poll can still change (not once the session is closed).
      expect(s.pollHands, phase).toBe(phase === 'closed' ? 0 : 1);
      expect(s.side, phase).toEqual(SIDE[phase]);
      expect(s.open, phase).toEqual(OPEN[phase]);
    }
  });

  it('in a digital session: no scribe or hand counts until asked for, per session and across a reload', async () => {
    const { page, moveTo, sessionId } = await consoleAt('digitaal');
    for (const phase of PHASES) {
      await moveTo(phase);
      const s = await shown(page);
      expect(s.toggle, phase).toBe(phase === 'closed' ? 0 : 1);
      expect([s.scribe, s.cardHands, s.pollHands], phase).toEqual([0, 0, 0]);
      expect(s.side, phase).toEqual(SIDE[phase]);
      expect(s.open, phase).toEqual(OPEN[phase]);
    }

    // Asked for in collecting: the scribe and the poll hands appear, card hands wait for voting.
    await moveTo('collecting');
    const toggle = page.getByTestId('room-entry-toggle');
    expect(await page.getByRole('switch', { name: 'Kaart invoeren namens de zaal' }).isChecked()).toBe(false);
    await toggle.check();
    await page.getByTestId('scribe').waitFor();
    let s = await shown(page);
    expect([s.scribe, s.cardHands, s.pollHands]).toEqual([1, 0, 1]);
    await moveTo('voting');
    s = await shown(page);
    expect([s.scribe, s.cardHands, s.pollHands]).toEqual([1, 1, 1]);

    // Remembered across a reload, for this session only.
    await page.reload();
    await waitForAttribute(page.getByTestId('phase-voting'), 'aria-current', 'step');
    await page.getByTestId('scribe').waitFor();
    expect(await toggle.isChecked()).toBe(true);
    expect(await page.evaluate((id) => localStorage.getItem(`werksessie.roomEntry.${id}`), sessionId)).toBe('true');
    const other = await facilitatorWithSession(harness.server.url, { mode: 'digitaal' });
    await page.goto(`/f/${other.studyId}/s/${other.session.id}#key=${encodeURIComponent(other.key)}`);
    await page.getByTestId('room-entry-toggle').waitFor();
    expect(await page.getByTestId('room-entry-toggle').isChecked()).toBe(false);
    expect(await page.getByTestId('scribe').count()).toBe(0);
    other.socket.disconnect();

    // Switched off again: gone, and the stored request with it.
    await page.goBack();
    await waitForAttribute(page.getByTestId('phase-voting'), 'aria-current', 'step');
    await page.getByTestId('room-entry-toggle').uncheck();
    await page.getByTestId('scribe').waitFor({ state: 'detached' });
    s = await shown(page);
    expect([s.scribe, s.cardHands, s.pollHands]).toEqual([0, 0, 0]);
    expect(await page.evaluate((id) => localStorage.getItem(`werksessie.roomEntry.${id}`), sessionId)).toBeNull();
  });

  it('keeps folded panels one click away, by mouse and keyboard', async () => {
    const { page, moveTo } = await consoleAt('digitaal');
    await moveTo('synthesis');
    const settings = page.getByTestId('console-settings');
    expect(await settings.getByTestId('lock-toggle').isVisible()).toBe(false);
    await settings.getByTestId('fold-summary').click();
    await settings.getByTestId('lock-toggle').waitFor({ state: 'visible' });
    const participants = page.getByTestId('participants');
    expect(await participants.getByTestId('add-person-name').isVisible()).toBe(false);
    await participants.getByTestId('fold-summary').focus();
    await page.keyboard.press('Enter');
    await participants.getByTestId('add-person-name').waitFor({ state: 'visible' });
    // The heading names the panel for a screen reader either way.
    expect(await page.getByRole('region', { name: 'Instellingen' }).count()).toBe(1);
  });

  it('passes axe-core with the room entry on, panels folded and a removal being confirmed', async () => {
    const { page, moveTo, sessionId } = await consoleAt('digitaal');
    const setupCode = harness.server.repo.sessions.get(sessionId)!.data.joinCode;
    const bram = await joinAs(harness.server.url, setupCode, 'Bram Oosterhuis');
    await moveTo('voting');
    await page.getByTestId('room-entry-toggle').check();
    await page.getByTestId('scribe').waitFor();
    await page.getByTestId('remove-person').click();
    await page.getByTestId('remove-person-confirm').waitFor();
    await page.waitForTimeout(300);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await page.keyboard.press('Escape');
    await moveTo('synthesis');
    await page.getByTestId('console-settings').getByTestId('fold-summary').click();
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    bram.socket.disconnect();
  });
});
