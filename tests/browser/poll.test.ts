import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { collectingSession, joinByLink, startBrowserHarness, waitForAttribute, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterEach(() => harness.assertNoErrors());
afterAll(async () => harness?.close());

const QUESTION = 'Hoe verliep de contractering dit jaar?';

describe('live polls in the browser', () => {
  it('the console creates and opens a poll, a participant answers and changes it, the projection charts it live, the console closes it', async () => {
    const setup = await collectingSession(harness.server.url);
    try {
      const { studyId, key, session } = setup;
      const sessionId = session.id;
      const facilitator = await harness.newPage('console');
      const { page } = facilitator;
      await page.goto(`/f/${studyId}/s/${sessionId}#key=${encodeURIComponent(key)}`);
      await page.getByTestId('poll-panel').waitFor();
      const projection = harness.adopt('projection', await facilitator.context.newPage());
      await projection.page.goto(`/f/${studyId}/s/${sessionId}/projectie`);
      await projection.page.getByTestId('projection').waitFor();
      const participant = await harness.newPage('participant');
      await joinByLink(participant, setup.code, 'Ann Jansen');
      const board = participant.page;

      // Create: the bucket preset fills in the ranges; then a plain single-choice question, shown live.
      await page.getByTestId('poll-bucket-preset').click();
      expect(await page.getByTestId('poll-kind').inputValue()).toBe('bucket');
      expect((await page.getByTestId('poll-options').inputValue()).split('\n')).toEqual(['0-25%', '25-50%', '50-75%', '75-100%']);
      await page.getByTestId('poll-question').fill(QUESTION);
      await page.getByTestId('poll-kind').selectOption('single');
      await page.getByTestId('poll-options').fill('Goed\nVoldoende\nMatig');
      await page.getByTestId('poll-show-live').check();
      await page.getByTestId('poll-create-submit').click();
      const item = page.getByTestId('poll-item').filter({ hasText: QUESTION });
      await waitForAttribute(item, 'data-status', 'draft');
      // A draft is the console's alone.
      expect(await projection.page.getByTestId('projection-poll').count()).toBe(0);
      expect(await board.getByTestId('board-polls').count()).toBe(0);

      await item.getByTestId('poll-open').click();
      await waitForAttribute(item, 'data-status', 'open');
      const screen = projection.page.getByTestId('projection-poll');
      await waitForAttribute(screen, 'data-status', 'open');
      expect(await projection.page.getByTestId('projection-poll-question').textContent()).toBe(QUESTION);

      // The participant answers on the board, sees the answer, and changes it.
      const form = board.getByTestId('poll-answer');
      await form.waitFor();
      expect(await form.getByTestId('poll-answer-question').textContent()).toBe(QUESTION);
      expect(await form.getByTestId('poll-mine').textContent()).toBe('Je hebt nog niet geantwoord.');
      await form.locator('[data-option-id="option-1"]').check();
      await form.getByTestId('poll-answer-submit').click();
      await expect.poll(() => form.getByTestId('poll-mine').textContent()).toBe('Jouw antwoord: Goed');
      const chart = screen.getByTestId('poll-chart');
      await waitForAttribute(chart, 'data-counts', '1,0,0');
      expect(await chart.getAttribute('data-n')).toBe('1');
      expect(await projection.page.getByTestId('projection-poll-n').textContent()).toBe('n = 1');
      await expect.poll(() => chart.locator('svg text').allTextContents()).toContain('1 (100%)');
      expect(await chart.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['Goed', 'Voldoende', 'Matig']));

      await form.locator('[data-option-id="option-2"]').check();
      expect(await form.getByTestId('poll-answer-submit').textContent()).toContain('Antwoord wijzigen');
      await form.getByTestId('poll-answer-submit').click();
      await expect.poll(() => form.getByTestId('poll-mine').textContent()).toBe('Jouw antwoord: Voldoende');
      await waitForAttribute(chart, 'data-counts', '0,1,0');
      await expect.poll(() => chart.locator('svg text').allTextContents()).toContain('1 (100%)');
      await expect.poll(() => item.getByTestId('poll-n').textContent()).toBe('n = 1');
      expect(await item.locator('[data-testid="poll-bar"][data-key="option-2"]').getAttribute('data-count')).toBe('1');

      // Hands in the room add to it.
      // (A digital session: hand counts are there once the facilitator asks to enter for the room.)
      await page.getByTestId('room-entry-toggle').check();
      await item.getByTestId('poll-hands').locator('summary').click();
      await item.locator('[data-testid="poll-hand-count"][data-key="option-1"]').fill('3');
      await item.getByTestId('poll-hand-save').click();
      await waitForAttribute(chart, 'data-counts', '3,1,0');
      await expect.poll(() => chart.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['3 (75%)', '1 (25%)']));

      // Closing ends the answers: the board shows the poll closed with its results.
      await item.getByTestId('poll-close').click();
      await waitForAttribute(screen, 'data-status', 'closed');
      const closedOnBoard = board.getByTestId('board-poll');
      await waitForAttribute(closedOnBoard, 'data-status', 'closed');
      expect(await board.getByTestId('poll-answer').count()).toBe(0);
      expect(await closedOnBoard.getByTestId('poll-n').textContent()).toBe('n = 4');
      const stored = Object.values(harness.server.repo.sessions.get(sessionId)!.data.polls);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ question: QUESTION, status: 'closed', handCounts: { 'option-1': 3 } });
      expect(Object.values(stored[0]!.answers)).toEqual([{ optionIds: ['option-2'] }]);

      // Nothing the board or the projection received names who answered.
      const participantId = Object.keys(stored[0]!.answers)[0]!;
      const screenTraffic = await projection.traffic();
      expect(screenTraffic.received.join('\n')).not.toContain(participantId);
    } finally {
      setup.socket.close();
    }
  });

  it('keeps the results off the projection until the poll closes when they are not shown live', async () => {
    const setup = await collectingSession(harness.server.url);
    try {
      const { studyId, key, session } = setup;
      const facilitator = await harness.newPage('console-hidden');
      const { page } = facilitator;
      await page.goto(`/f/${studyId}/s/${session.id}#key=${encodeURIComponent(key)}`);
      await page.getByTestId('poll-panel').waitFor();
      const projection = harness.adopt('projection-hidden', await facilitator.context.newPage());
      await projection.page.goto(`/f/${studyId}/s/${session.id}/projectie`);
      const participant = await harness.newPage('participant-hidden');
      await joinByLink(participant, setup.code, 'Bob de Vries');

      await page.getByTestId('poll-question').fill('Hoe tevreden bent u over het zorgkantoor?');
      await page.getByTestId('poll-kind').selectOption('scale');
      await page.getByTestId('poll-create-submit').click();
      const item = page.getByTestId('poll-item').first();
      await item.getByTestId('poll-open').click();
      const form = participant.page.getByTestId('poll-answer');
      await form.locator('[data-value="4"]').check();
      await form.getByTestId('poll-answer-submit').click();
      await expect.poll(() => form.getByTestId('poll-mine').textContent()).toBe('Jouw antwoord: 4');
      await expect.poll(() => item.getByTestId('poll-n').textContent()).toBe('n = 1');
      expect(await projection.page.getByTestId('projection-poll-hidden').textContent()).toBe('Resultaten volgen na sluiten');
      expect(await projection.page.getByTestId('poll-chart').count()).toBe(0);
      expect(await participant.page.getByTestId('poll-hidden').textContent()).toBe('Resultaten volgen na sluiten');

      await item.getByTestId('poll-close').click();
      const chart = projection.page.getByTestId('poll-chart');
      await waitForAttribute(chart, 'data-counts', '0,0,0,1,0');
      expect(await projection.page.getByTestId('projection-poll').textContent()).toContain('Gemiddelde: 4');
    } finally {
      setup.socket.close();
    }
  });
});
