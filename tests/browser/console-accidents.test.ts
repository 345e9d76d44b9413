import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { joinAs } from '../server/helpers.ts';
import { cardWithText, collectingSession, joinByLink, startBrowserHarness, waitForAttribute, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterEach(() => harness.assertNoErrors());
afterAll(async () => harness?.close());

/** A session in collecting, open on a console page (and a participant's board if asked). */
async function openConsole(withParticipant = false) {
  const setup = await collectingSession(harness.server.url);
  setup.socket.close();
  const { studyId, key, session } = setup;
  const board = withParticipant ? await harness.newPage('participant') : null;
  if (board) await joinByLink(board, setup.code, 'Dana Smit');
  const console = await harness.newPage('facilitator');
  await console.page.goto(`/f/${studyId}/s/${session.id}#key=${encodeURIComponent(key)}`);
  await waitForAttribute(console.page.getByTestId('phase-collecting'), 'aria-current', 'step');
  const storedPhase = () => harness.server.repo.sessions.get(session.id)!.data.phase;
  return { fp: console.page, board: board?.page ?? null, sessionId: session.id, code: setup.code, storedPhase };
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
/** Lets any command a click might have sent reach the server before checking nothing changed. */
const settle = (page: Page) => page.waitForTimeout(400);

describe('closing the session from the console', () => {
  it('takes a confirm step that Escape and Annuleren back out of, and can be undone', async () => {
    const { fp, board, storedPhase } = await openConsole(true);
    const confirm = fp.getByTestId('close-confirm');

    // One click on "Afgesloten" only asks; focus lands on Annuleren, not on the closing button.
    await fp.getByTestId('phase-closed').click();
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Sessie afsluiten? Deelnemers kunnen daarna niets meer toevoegen.');
    expect(await focusedTestId(fp)).toBe('close-confirm-cancel');
    await settle(fp);
    expect(storedPhase()).toBe('collecting');
    await waitForAttribute(fp.getByTestId('phase-collecting'), 'aria-current', 'step');

    // Escape cancels and gives focus back to the button that asked.
    await fp.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await focusedTestId(fp)).toBe('phase-closed');
    // Annuleren cancels too.
    await fp.getByTestId('phase-closed').click();
    await fp.getByTestId('close-confirm-cancel').click();
    await confirm.waitFor({ state: 'detached' });
    await settle(fp);
    expect(storedPhase()).toBe('collecting');
    await waitForAttribute(board!.getByTestId('phase-badge'), 'data-phase', 'collecting');

    // Confirmed, it closes for everyone and says so, with an undo.
    await fp.getByTestId('phase-closed').click();
    await fp.getByTestId('close-confirm-yes').click();
    await waitForAttribute(fp.getByTestId('phase-closed'), 'aria-current', 'step');
    await waitForAttribute(board!.getByTestId('phase-badge'), 'data-phase', 'closed');
    expect(storedPhase()).toBe('closed');
    await fp.getByTestId('closed-notice').waitFor();
    const toast = fp.getByTestId('toast').filter({ hasText: 'Sessie afgesloten.' });
    await toast.waitFor();

    // Undo reopens the phase it was closed from, not synthesis.
    await toast.getByTestId('toast-action').click();
    await waitForAttribute(fp.getByTestId('phase-collecting'), 'aria-current', 'step');
    await waitForAttribute(board!.getByTestId('phase-badge'), 'data-phase', 'collecting');
    expect(storedPhase()).toBe('collecting');
    await fp.getByTestId('closed-notice').waitFor({ state: 'detached' });
  });

  it('asks on "Volgende fase" from synthesis too, and the notice reopens where it was', async () => {
    const { fp, storedPhase } = await openConsole();
    for (const phase of ['voting', 'synthesis'] as const) {
      await fp.getByTestId('phase-next').click();
      await waitForAttribute(fp.getByTestId(`phase-${phase}`), 'aria-current', 'step');
    }
    await fp.getByTestId('phase-next').click();
    await fp.getByTestId('close-confirm').waitFor();
    await settle(fp);
    expect(storedPhase()).toBe('synthesis');
    await fp.getByTestId('close-confirm-yes').click();
    await waitForAttribute(fp.getByTestId('phase-closed'), 'aria-current', 'step');
    // After the toast has gone (or a reload), the notice in the stepper still reopens.
    await fp.reload();
    await fp.getByTestId('phase-reopen').click();
    await waitForAttribute(fp.getByTestId('phase-synthesis'), 'aria-current', 'step');
    expect(storedPhase()).toBe('synthesis');
  });
});

describe('adding a person in scribe mode', () => {
  it('leaves "Van" as it was and says the person was added', async () => {
    const { fp, sessionId } = await openConsole();
    // A digital session: the scribe is there once the facilitator asks to enter for the room.
    await fp.getByTestId('room-entry-toggle').check();
    const from = fp.getByTestId('scribe-attribution');
    await from.selectOption('facilitator');

    await fp.getByTestId('add-person-name').fill('Fleur de Vries');
    await fp.getByTestId('add-person-submit').click();
    await fp.getByTestId('participant').filter({ hasText: 'Fleur de Vries' }).waitFor();
    await fp.getByTestId('toast').filter({ hasText: 'Fleur de Vries is toegevoegd' }).waitFor();
    expect(await from.inputValue()).toBe('facilitator');
    // Fleur can be chosen, but only on purpose.
    expect(await from.locator('option', { hasText: 'Fleur de Vries' }).count()).toBe(1);

    await fp.getByTestId('card-input').fill('Door de facilitator genoteerd');
    await fp.getByTestId('card-submit').click();
    await cardWithText(fp, 'Door de facilitator genoteerd').waitFor();
    await expect
      .poll(() => Object.values(harness.server.repo.sessions.get(sessionId)!.data.cards).map((c) => c.author))
      .toEqual([{ kind: 'facilitator' }]);
  });
});

describe('removing people from the console', () => {
  it('asks in the page, not in a browser dialog; Escape and Annuleren back out, focus stays sensible', async () => {
    const { fp, sessionId, code } = await openConsole();
    const dialogs: string[] = [];
    fp.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    const dana = await joinAs(harness.server.url, code, 'Dana Smit');
    const eva = await joinAs(harness.server.url, code, 'Eva Bakker');
    const stored = () => Object.values(harness.server.repo.sessions.get(sessionId)!.data.participants).map((p) => p.name).sort();
    const person = fp.getByTestId('participant').filter({ hasText: 'Dana Smit' });
    await person.waitFor();
    const remove = person.getByTestId('remove-person');
    const confirm = fp.getByTestId('remove-person-confirm');

    // One click only asks, next to the person, with focus on Annuleren.
    await remove.click();
    await confirm.waitFor();
    expect(await person.getByTestId('remove-person-confirm').count()).toBe(1);
    expect(await fp.getByRole('alertdialog', { name: /Dana Smit uit deze sessie verwijderen\?/ }).count()).toBe(1);
    expect(await focusedTestId(fp)).toBe('remove-person-confirm-cancel');
    // While it asks, no second question can start.
    expect(await fp.getByTestId('prune-participants').isDisabled()).toBe(true);
    await fp.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await focusedTestId(fp)).toBe('remove-person');
    await remove.click();
    await fp.getByTestId('remove-person-confirm-cancel').click();
    await confirm.waitFor({ state: 'detached' });
    await settle(fp);
    expect(stored()).toEqual(['Dana Smit', 'Eva Bakker']);

    // Confirmed: gone for good, said so, and focus goes on to the add field, not to the page top.
    await remove.click();
    await fp.getByTestId('remove-person-confirm-yes').click();
    await person.waitFor({ state: 'detached' });
    await expect.poll(stored).toEqual(['Eva Bakker']);
    await fp.getByTestId('toast').filter({ hasText: 'Dana Smit is uit de sessie verwijderd.' }).waitFor();
    expect(await focusedTestId(fp)).toBe('add-person-name');

    // Pruning asks the same way.
    const prune = fp.getByTestId('prune-participants');
    await prune.click();
    await fp.getByTestId('prune-confirm').waitFor();
    expect(await focusedTestId(fp)).toBe('prune-confirm-cancel');
    await fp.keyboard.press('Escape');
    await fp.getByTestId('prune-confirm').waitFor({ state: 'detached' });
    expect(await focusedTestId(fp)).toBe('prune-participants');
    await settle(fp);
    expect(stored()).toEqual(['Eva Bakker']);
    await prune.click();
    await fp.getByTestId('prune-confirm-yes').click();
    await expect.poll(stored).toEqual([]);
    await fp.getByTestId('toast').filter({ hasText: 'Eén deelnemer verwijderd.' }).waitFor();
    expect(await focusedTestId(fp)).toBe('add-person-name');
    expect(dialogs).toEqual([]);
    dana.socket.disconnect();
    eva.socket.disconnect();
  });
});

describe('the timer on the console', () => {
  it('stops when the phase changes, and keeps the minutes typed across phases and a reload', async () => {
    const { fp, board, sessionId } = await openConsole(true);
    const minutes = fp.getByTestId('timer-minutes');
    await minutes.fill('7');
    await fp.getByTestId('timer-start').click();
    await waitForAttribute(fp.getByTestId('timer'), 'data-state', 'running');
    await waitForAttribute(board!.getByTestId('timer'), 'data-state', 'running');

    await fp.getByTestId('phase-next').click();
    await waitForAttribute(fp.getByTestId('phase-voting'), 'aria-current', 'step');
    await waitForAttribute(fp.getByTestId('timer'), 'data-state', 'idle');
    await waitForAttribute(board!.getByTestId('phase-badge'), 'data-phase', 'voting');
    await waitForAttribute(board!.getByTestId('timer'), 'data-state', 'idle');
    await fp.getByTestId('toast').filter({ hasText: 'De timer is gestopt' }).waitFor();
    expect(harness.server.repo.sessions.get(sessionId)!.data.timer.endsAt).toBeNull();
    expect(await minutes.inputValue()).toBe('7');

    await fp.reload();
    await waitForAttribute(fp.getByTestId('phase-voting'), 'aria-current', 'step');
    expect(await fp.getByTestId('timer-minutes').inputValue()).toBe('7');
    // And the next start uses them.
    await fp.getByTestId('timer-start').click();
    await waitForAttribute(fp.getByTestId('timer'), 'data-state', 'running');
    expect(harness.server.repo.sessions.get(sessionId)!.data.timer.durationMs).toBe(7 * 60_000);
  });
});
