import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { facilitatorWithSession, joinAs, sendOk, uid } from '../server/helpers.ts';
import { startBrowserHarness, waitForAttribute, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterEach(() => harness.assertNoErrors());
afterAll(async () => harness?.close());

const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
] as const;
// Near the 200-character limit: a title that wraps, next to a join code that must not.
const LONG_TITLE =
  'Werksessie Wlz-aanbieders regio Noord-Holland Noord en Zaanstreek-Waterland over contractering, tarieven, meerzorg en de inkoopdialoog 2026';
const TEXTS = {
  tarieven: 'De tarieven dekken de kostprijs niet en de indexering is te laag',
  meerzorg: 'Meerzorgaanvragen voor VG7 worden heel traag afgehandeld',
  dialoog: 'Er was geen echte inkoopdialoog, weinig terugkoppeling en inspraak: eenrichtingsverkeer',
  // Fits no theme of the codebook: discovery makes it a candidate theme of its own.
  nieuw: 'Qwerty zxcvb plugh',
};

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The join code's box, its one-line height and whether its text overflows the box. */
async function joinCode(page: Page) {
  return page.getByTestId('join-code-display').evaluate((el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {
      box: { x: r.x, y: r.y, width: r.width, height: r.height },
      lineHeight: parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2,
      fontSize: parseFloat(style.fontSize),
      overflows: el.scrollWidth > el.clientWidth + 1,
      whiteSpace: style.whiteSpace,
    };
  });
}

const inViewport = (box: Box, vp: { width: number; height: number }) =>
  box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width + 0.5 && box.y + box.height <= vp.height + 0.5;

async function expectFullWidthAndCode(page: Page, vp: { width: number; height: number }, boardTestId: string, state: string): Promise<void> {
  const board = (await page.getByTestId(boardTestId).boundingBox())!;
  expect(board.width / vp.width, `${state}: board width ${board.width} of ${vp.width}`).toBeGreaterThanOrEqual(0.9);
  // The title and join box leave most of the height to the board, even with a long title.
  expect(board.y / vp.height, `${state}: board starts at ${board.y} of ${vp.height}`).toBeLessThan(0.4);
  // Nothing pushes the page sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(vp.width);
  const code = await joinCode(page);
  expect(code.whiteSpace).toBe('nowrap');
  expect(code.overflows, `${state}: code text overflows its box`).toBe(false);
  expect(code.box.height, `${state}: code is one line`).toBeLessThan(code.lineHeight * 1.5);
  expect(inViewport(code.box, vp), `${state}: code ${JSON.stringify(code.box)} inside ${vp.width}x${vp.height}`).toBe(true);
  const join = (await page.getByTestId('projection-join').boundingBox())!;
  expect(inViewport(join, vp), `${state}: join box inside the viewport`).toBe(true);
}

describe('the projection on a room screen', () => {
  it('fills 1920x1080 and 1366x768 in every phase, keeps the join code on one line, and ranks the themes by votes', async () => {
    const setup = await facilitatorWithSession(harness.server.url, { title: LONG_TITLE });
    const { studyId, key, socket } = setup;
    const sessionId = setup.session.id;
    const columnId = setup.snapshot.session.columns[1]!.id;
    try {
      const facilitator = await harness.newPage('facilitator');
      const page = facilitator.page;
      await page.goto(`/f/${studyId}/s/${sessionId}/projectie#key=${encodeURIComponent(key)}`);
      await page.getByTestId('projection').waitFor();
      const code = page.getByTestId('join-code-display');

      // Preparation and collecting: the join box is large, the board keeps the width.
      for (const phase of ['preparation', 'collecting'] as const) {
        if (phase === 'collecting') await sendOk(socket, 'session:phase', { sessionId, phase });
        await waitForAttribute(page.getByTestId('phase-badge'), 'data-phase', phase);
        for (const vp of VIEWPORTS) {
          await page.setViewportSize(vp);
          await expectFullWidthAndCode(page, vp, 'board', `${phase} ${vp.width}`);
          expect((await joinCode(page)).fontSize, 'large code while joining').toBeGreaterThanOrEqual(48);
        }
      }

      const ids: Record<keyof typeof TEXTS, string> = { tarieven: uid(), meerzorg: uid(), dialoog: uid(), nieuw: uid() };
      for (const [theme, text] of Object.entries(TEXTS)) {
        await sendOk(socket, 'card:add', { sessionId, id: ids[theme as keyof typeof TEXTS], columnId, text });
      }
      const ann = await joinAs(harness.server.url, setup.session.joinCode, 'Ann Jansen');

      // Voting: the code steps aside into a compact box, still on one line and on screen.
      await sendOk(socket, 'session:phase', { sessionId, phase: 'voting' });
      await waitForAttribute(page.getByTestId('phase-badge'), 'data-phase', 'voting');
      for (const vp of VIEWPORTS) {
        await page.setViewportSize(vp);
        await expectFullWidthAndCode(page, vp, 'board', `voting ${vp.width}`);
        const size = (await joinCode(page)).fontSize;
        expect(size).toBeLessThan(48);
        expect(size, 'corner code still readable').toBeGreaterThanOrEqual(30);
      }
      // Votes: dialoog 2 by laptop and 1 by hand, meerzorg 5 by hand, tarieven none, the candidate theme the most.
      await sendOk(ann.socket, 'vote:cast', { sessionId, id: uid(), cardId: ids.dialoog });
      await sendOk(ann.socket, 'vote:cast', { sessionId, id: uid(), cardId: ids.dialoog });
      await sendOk(socket, 'card:hand-votes', { sessionId, id: ids.dialoog, count: 1 });
      await sendOk(socket, 'card:hand-votes', { sessionId, id: ids.meerzorg, count: 5 });
      await sendOk(socket, 'card:hand-votes', { sessionId, id: ids.nieuw, count: 9 });

      await sendOk(socket, 'session:phase', { sessionId, phase: 'synthesis' });
      await waitForAttribute(page.getByTestId('phase-badge'), 'data-phase', 'synthesis');
      const themes = page.getByTestId('synthesis-theme');
      // Most votes first, whatever the engine's own order (codebook first, candidates last).
      await expect.poll(() => themes.evaluateAll((els) => els.map((el) => el.getAttribute('data-theme-id')))).toEqual([
        'nieuw-1',
        'meerzorg',
        'dialoog',
        'tarieven',
      ]);
      expect(await page.getByTestId('synthesis-votes').evaluateAll((els) => els.map((el) => el.getAttribute('data-votes')))).toEqual(['9', '5', '3', '0']);

      for (const vp of VIEWPORTS) {
        await page.setViewportSize(vp);
        await expectFullWidthAndCode(page, vp, 'synthesis-overview', `synthesis ${vp.width}`);
        const sizes = await page.getByTestId('synthesis-theme').first().evaluate((theme) => {
          const px = (sel: string) => parseFloat(getComputedStyle(theme.querySelector(sel)!).fontSize);
          return { title: px('[data-testid="synthesis-theme-label"]'), card: px('[data-testid="synthesis-card"]'), meta: px('[data-testid="synthesis-votes"]') };
        });
        expect(sizes.title).toBeGreaterThan(sizes.card * 1.2);
        // From the back of the room: cards at least 20px, the counts not much smaller.
        expect(sizes.card).toBeGreaterThanOrEqual(20);
        expect(sizes.meta).toBeGreaterThanOrEqual(18);
        // The themes share the width: the first row holds several, side by side and filling it.
        const rows = await themes.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, right: r.right })));
        const firstRow = rows.filter((r) => Math.abs(r.y - rows[0]!.y) < 1);
        expect(firstRow.length).toBeGreaterThanOrEqual(vp.width >= 1900 ? 4 : 3);
        expect(firstRow.at(-1)!.right / vp.width).toBeGreaterThanOrEqual(0.9);
      }
      expect(await code.getAttribute('data-code')).toBe(setup.session.joinCode);
      ann.socket.disconnect();
    } finally {
      socket.disconnect();
    }
  });
});
