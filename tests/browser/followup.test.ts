import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { facilitatorWithSession, joinAs, sendOk, uid } from '../server/helpers.ts';
import { openDocx, textOf } from '../server/report/docx-xml.ts';
import { collectingSession, startBrowserHarness, waitForAttribute, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterEach(() => harness.assertNoErrors());
afterAll(async () => harness?.close());

const CALLEE = 'Petronella Zwanenburg';

describe('follow-up calls in the browser', () => {
  it('runs a call by keyboard alone: verdicts, a note, next and back; adds a point; the console shows the verification', async () => {
    const setup = await collectingSession(harness.server.url);
    const ann = await joinAs(harness.server.url, setup.code, 'Ann Jansen');
    try {
      const { studyId, key, session, socket } = setup;
      const sessionId = session.id;
      const column = setup.snapshot.session.columns[1]!.id;
      await sendOk(ann.socket, 'card:add', { sessionId, id: uid(), columnId: column, text: 'De tarieven dekken de kostprijs niet, de indexering is te laag' });
      await sendOk(ann.socket, 'card:add', { sessionId, id: uid(), columnId: column, text: 'Meerzorgaanvragen voor VG7 worden traag afgehandeld' });
      for (const phase of ['voting', 'synthesis', 'closed'] as const) await sendOk(socket, 'session:phase', { sessionId, phase });
      await sendOk(socket, 'synthesis:finding', { sessionId, themeId: 'tarieven', text: 'De tarieven zijn te laag' });
      await sendOk(socket, 'synthesis:finding', { sessionId, themeId: 'meerzorg', text: 'Meerzorg duurt te lang' });
      const boardCards = new Set<string>();
      ann.socket.on('card:upserted', (card) => boardCards.add(`${card.origin}:${card.text}`));

      const { page } = await harness.newPage('analyst');
      await page.goto(`/f/${studyId}/s/${sessionId}#key=${encodeURIComponent(key)}`);
      await page.getByTestId('console-followup-link').click();
      await page.getByTestId('followup-title').waitFor();
      expect(await page.getByTestId('followup-choose').isVisible()).toBe(true);

      // A new call: the date is today's, the rest typed in.
      expect(await page.getByTestId('followup-date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await page.getByTestId('followup-callee').fill(CALLEE);
      await page.getByTestId('followup-organisation').fill('Zorggroep Noorderlicht');
      await page.getByTestId('followup-scope').selectOption('regionaal');
      await page.getByTestId('followup-consent').check();
      await page.getByTestId('followup-caller').fill('Analist Jansen');
      await page.getByTestId('followup-start').click();
      await page.getByTestId('followup-script').waitFor();
      const progress = page.getByTestId('followup-progress');
      await expect.poll(() => progress.textContent()).toBe('1 van 2');
      const first = (await page.getByTestId('followup-finding').textContent())!.trim();
      expect(await page.getByTestId('followup-verification').textContent()).toContain('Nog door niemand beoordeeld');

      // Keyboard only: 1 (herkend), N, a note, Enter saves and moves on; 3 on the second; K goes back.
      await page.keyboard.press('1');
      await expect.poll(() => page.getByTestId('followup-answer').textContent()).toContain('Antwoord: Herkend');
      await waitForAttribute(page.getByTestId('followup-verdict-herkend'), 'aria-pressed', 'true');
      await page.keyboard.press('n');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('followup-note');
      await page.keyboard.type('Bij ons precies zo');
      await page.keyboard.press('Enter');
      await expect.poll(() => progress.textContent()).toBe('2 van 2');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('followup-finding');
      expect(await page.getByTestId('followup-note').inputValue()).toBe('');
      await page.keyboard.press('3');
      await expect.poll(() => page.getByTestId('followup-answer').textContent()).toContain('Niet herkend');
      await page.keyboard.press('k');
      await expect.poll(() => progress.textContent()).toBe('1 van 2');
      expect((await page.getByTestId('followup-finding').textContent())!.trim()).toBe(first);
      expect(await page.getByTestId('followup-note').inputValue()).toBe('Bij ons precies zo');
      await expect.poll(() => page.getByTestId('followup-verification').textContent()).toContain('bevestigd door 1 van 1 nagebelde aanbieder');
      await expect.poll(() => page.getByTestId('followup-status').textContent()).not.toBe('');

      const stored = () => Object.values(harness.server.repo.sessions.get(sessionId)!.data.followUps);
      const call = stored()[0]!;
      expect(call.callee).toMatchObject({ name: CALLEE, organisation: 'Zorggroep Noorderlicht', scope: 'regionaal', consent: true });
      // The note went with the first finding only.
      expect(Object.values(call.answers).map((a) => [a.verdict, a.note ?? null]).sort()).toEqual([['herkend', 'Bij ons precies zo'], ['niet_herkend', null]]);

      // A point the session missed becomes a card, on the participant's board too, without the callee.
      await page.getByTestId('followup-point-text').fill('Het vervoer naar de dagbesteding is slecht geregeld');
      await page.getByTestId('followup-point-add').click();
      await page.getByTestId('followup-points').getByText('Het vervoer naar de dagbesteding is slecht geregeld').waitFor();
      await expect.poll(() => boardCards.has('followup:Het vervoer naar de dagbesteding is slecht geregeld')).toBe(true);

      // The call list: answered count; delete with undo.
      const entry = page.getByTestId('followup-call').filter({ hasText: CALLEE });
      expect(await entry.getByTestId('followup-call-answered').textContent()).toContain('2 bevindingen beantwoord');
      await entry.getByTestId('followup-call-delete').click();
      await expect.poll(() => page.getByTestId('followup-call').count()).toBe(0);
      await page.getByTestId('toast-action').click();
      await expect.poll(() => page.getByTestId('followup-call').count()).toBe(1);
      expect(stored()[0]!.deletedAt).toBeNull();

      // Back on the console, the finding shows how the calls received it.
      await page.getByRole('link', { name: /Terug naar de sessie/ }).click();
      const tarieven = page.locator('[data-testid="synthesis-theme"][data-theme-id="tarieven"]');
      await expect.poll(() => tarieven.getByTestId('synthesis-verification').textContent({ timeout: 5000 }).catch(() => null)).toBe('bevestigd door 1 van 1 nagebelde aanbieder');

      // The session's report: the web view says how the call went, and the Word file downloads with it.
      await page.getByTestId('console-report-link').click();
      await page.getByTestId('report').waitFor();
      expect(await page.locator('[data-testid="report-section"][data-key="intro.method"]').textContent()).toContain('Na afloop is 1 aanbieder nagebeld');
      // The finding leads its paragraph among the improvements, with how the call received it.
      const tariffFinding = page.locator('[data-testid="report-section"][data-key$=".improvements"] p').filter({ hasText: 'De tarieven zijn te laag.' });
      expect(await tariffFinding.textContent()).toContain('bevestigd door 1 van 1 nagebelde aanbieder');
      expect(await page.getByTestId('report-chart').count()).toBeGreaterThan(0);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download-docx').click()]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const docx = await openDocx(await readFile((await download.path())!));
      const text = textOf(docx.document);
      expect(text).toContain('De tarieven zijn te laag');
      expect(text).toContain('bevestigd door 1 van 1 nagebelde aanbieder');
      // She agreed to be named; Ann, who did not, is nowhere.
      expect(text).toContain(CALLEE);
      expect(text).not.toContain('Ann Jansen');
      await expect.poll(() => page.getByTestId('report-notice').textContent()).toContain('.docx is gedownload');
    } finally {
      setup.socket.close();
      ann.socket.close();
    }
  });

  it('shows the cards of the finding to read out, never an anonymous card\'s author; a point gets the only domain', async () => {
    const setup = await facilitatorWithSession(harness.server.url, { settings: { allowAnonymousCards: true, hideUntilReveal: false } });
    const ann = await joinAs(harness.server.url, setup.session.joinCode, 'Annemarie Verborgen');
    const bob = await joinAs(harness.server.url, setup.session.joinCode, 'Bob de Vries');
    try {
      const { studyId, key, socket } = setup;
      const sessionId = setup.session.id;
      const column = setup.snapshot.session.columns[1]!.id;
      await sendOk(socket, 'session:phase', { sessionId, phase: 'collecting' });
      const anonymous = 'De tarieven dekken de kostprijs niet, de indexering is te laag';
      const named = 'Het NZa-tarief is te laag voor de zwaardere zorg';
      await sendOk(ann.socket, 'card:add', { sessionId, id: uid(), columnId: column, text: anonymous, anonymous: true });
      await sendOk(bob.socket, 'card:add', { sessionId, id: uid(), columnId: column, text: named });
      for (const phase of ['voting', 'synthesis', 'closed'] as const) await sendOk(socket, 'session:phase', { sessionId, phase });

      const analyst = await harness.newPage('analyst');
      const { page } = analyst;
      await page.goto(`/f/${studyId}/s/${sessionId}/nabellen#key=${encodeURIComponent(key)}`);
      await page.getByTestId('followup-callee').fill(CALLEE);
      await page.getByTestId('followup-caller').fill('Analist Jansen');
      await page.getByTestId('followup-start').click();
      const script = page.getByTestId('followup-script');
      await script.waitFor();
      // No finding written: the caller reads out the cards.
      const readOut = page.getByTestId('followup-read-out-card');
      await readOut.first().waitFor();
      expect((await readOut.allTextContents()).map((t) => t.trim()).sort()).toEqual([anonymous, named].sort());
      expect(await script.textContent()).not.toContain('Annemarie');
      expect(await script.textContent()).not.toContain('Bob de Vries');
      // Nor does what the script is built from: its items carry a card's id, text and votes only.
      const frames = (await analyst.traffic()).received.filter((f) => f.includes('readOut'));
      expect(frames.length).toBeGreaterThan(0);
      for (const frame of frames) {
        const items = [...frame.matchAll(/"readOut":(\[[^\]]*\])/g)].flatMap((m) => JSON.parse(m[1]!) as Record<string, unknown>[]);
        for (const item of items) expect(Object.keys(item).sort()).toEqual(['id', 'text', 'votes']);
      }

      // The session has one domain: a point gets it unless the caller chooses otherwise.
      expect(await page.getByTestId('followup-point-domain').inputValue()).toBe(setup.session.domains[0]);
      await page.getByTestId('followup-point-text').fill('Het vervoer is slecht geregeld');
      await page.getByTestId('followup-point-add').click();
      await page.getByTestId('followup-points').getByText('Het vervoer is slecht geregeld').waitFor();
      const point = Object.values(harness.server.repo.sessions.get(sessionId)!.data.cards).find((c) => c.origin.kind === 'followup');
      expect(point?.domain).toBe(setup.session.domains[0]);
    } finally {
      setup.socket.close();
      ann.socket.close();
      bob.socket.close();
    }
  });
});
