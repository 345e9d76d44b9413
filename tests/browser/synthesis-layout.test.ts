import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sendOk, uid } from '../server/helpers.ts';
import { axeViolations, describeViolations } from './a11y-axe.ts';
import { startBrowserHarness, waitForAttribute, type BrowserHarness } from './helpers.ts';
import { consoleWithWorkshop, contrast, WORKSHOP_CARDS } from './synthesis-fixture.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterEach(() => harness.assertNoErrors());
afterAll(async () => harness?.close());

const PANEL = '[data-testid="synthesis-panel"]';
/** Before this work the panel took about 256 px per card for these eight (2,047 px; the page 2,552). */
const PANEL_PX_PER_CARD = 200;

/** The panel's height and its select and option elements, as the page is now. */
const measure = (page: Page) =>
  page.evaluate((panel) => {
    const root = document.querySelector(panel)!;
    return {
      height: root.getBoundingClientRect().height,
      page: document.documentElement.scrollHeight,
      selects: root.querySelectorAll('select').length,
      options: root.querySelectorAll('option').length,
    };
  }, PANEL);

/** The theme ids of the themes with cards, in the order the console shows them. */
const themeOrder = (page: Page) =>
  page.locator(`${PANEL} .themes [data-testid="synthesis-theme"]`).evaluateAll((els) => els.map((el) => el.getAttribute('data-theme-id')));

describe('the synthesis view in the console at 1366 by 768', () => {
  it('has no select per card or theme: the page stays short, and its selects do not grow with cards times themes', async () => {
    const { console, sessionId, setup, sockets } = await consoleWithWorkshop(harness);
    try {
      const page = console.page;
      const cards = page.locator(`${PANEL} [data-testid="synthesis-card"]`);
      const themes = await page.locator(`${PANEL} [data-testid="synthesis-theme"]`).count();
      const before = await measure(page);
      expect(await cards.count()).toBe(WORKSHOP_CARDS.length);
      expect(themes).toBeGreaterThanOrEqual(12);
      // Every card and theme can still be moved or merged: by a button each, not an open list.
      expect(await page.locator(`${PANEL} [data-testid="synthesis-move-pick"]`).count()).toBe(WORKSHOP_CARDS.length);
      expect(await page.locator(`${PANEL} [data-testid="synthesis-merge-pick"]`).count()).toBeGreaterThan(3);
      expect(before).toMatchObject({ selects: 0, options: 0 });
      expect(before.height / WORKSHOP_CARDS.length, `panel ${Math.round(before.height)} px for ${WORKSHOP_CARDS.length} cards`).toBeLessThan(PANEL_PX_PER_CARD);

      // Two more cards, said in the room during synthesis: still no select, and the budget holds.
      const column = setup.snapshot.session.columns[1]!.id;
      for (const text of ['De indexering van de tarieven loopt jaren achter', 'Het aanvragen van meerzorg kost veel te veel tijd']) {
        await sendOk(setup.socket, 'card:add', { sessionId, id: uid(), columnId: column, text });
      }
      await cards.nth(WORKSHOP_CARDS.length + 1).waitFor();
      const after = await measure(page);
      expect(after).toMatchObject({ selects: 0, options: 0 });
      expect(after.height / (WORKSHOP_CARDS.length + 2), `panel ${Math.round(after.height)} px for ${WORKSHOP_CARDS.length + 2} cards`).toBeLessThan(PANEL_PX_PER_CARD);
      // The whole page, the console's side column included, is shorter than before (2,552 px for eight).
      expect(after.page).toBeLessThan(2400);

      // "Verplaatsen…" opens one picker, for that card only: one select, one option per theme at most.
      const first = cards.first();
      await first.getByTestId('synthesis-move-pick').click();
      await first.getByTestId('synthesis-move-select').waitFor();
      const open = await measure(page);
      expect(open.selects).toBe(1);
      expect(open.options).toBeLessThanOrEqual(themes);
      // Open, it is as accessible as the rest of the page (the full audit sees the pickers closed).
      expect(describeViolations(await axeViolations(page))).toEqual([]);
      // Opening another card's picker closes the first: never more than one list on the page.
      const second = cards.nth(1);
      await second.getByTestId('synthesis-move-pick').click();
      await second.getByTestId('synthesis-move-select').waitFor();
      await first.getByTestId('synthesis-move-select').waitFor({ state: 'detached' });
      expect((await measure(page)).selects).toBe(1);
    } finally {
      for (const socket of sockets) socket.disconnect();
    }
  });

  it('ranks the themes by votes, "Overig" last; names stand out above the cards, with a readable line of counts', async () => {
    const { console, sessionId, ids, setup, sockets } = await consoleWithWorkshop(harness);
    try {
      const page = console.page;
      // Two cards go to Overig, which then has more cards than Innovatie, but no votes.
      await sendOk(setup.socket, 'synthesis:decide', { sessionId, cardId: ids.get('Koffie was lekker')!, themeId: 'overig', pinned: false });
      await sendOk(setup.socket, 'synthesis:decide', { sessionId, cardId: ids.get(WORKSHOP_CARDS[1]!.text)!, themeId: 'overig', pinned: false });
      await waitForAttribute(page.locator(`${PANEL} [data-testid="synthesis-card"][data-card-id="${ids.get('Koffie was lekker')}"]`), 'data-theme-id', 'overig');

      const order = await themeOrder(page);
      const votes = await page.locator(`${PANEL} .themes [data-testid="synthesis-votes"]`).evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-votes'))));
      // Innovatie has one card and three votes: first, ahead of themes with more cards.
      expect(order[0]).toBe('innovatie');
      expect(votes[0]).toBe(3);
      expect(order.at(-1)).toBe('overig');
      // Between them, by votes (the domain's ranking, unit-tested, decides ties).
      expect(votes.slice(0, -1)).toEqual([...votes.slice(0, -1)].sort((a, b) => b - a));
      // And they read in that order on screen: left to right, then the next row.
      const boxes = await page.locator(`${PANEL} .themes > [data-testid="synthesis-theme"]`).evaluateAll((els) =>
        els.map((el) => { const r = el.getBoundingClientRect(); return { top: Math.round(r.top), left: Math.round(r.left) }; }));
      for (const [i, box] of boxes.entries()) {
        if (i === 0) continue;
        const before = boxes[i - 1]!;
        expect(box.top > before.top || (box.top === before.top && box.left > before.left), `theme ${i + 1} reads after theme ${i}`).toBe(true);
      }
      expect(boxes[1]!.top).toBe(boxes[0]!.top);

      const theme = page.locator(`${PANEL} [data-testid="synthesis-theme"][data-theme-id="innovatie"]`);
      const styles = await theme.evaluate((el) => {
        const px = (node: Element | null) => parseFloat(getComputedStyle(node!).fontSize);
        const stats = el.querySelector('[data-testid="synthesis-stats"]')!;
        return {
          title: px(el.querySelector('[data-testid="synthesis-label"]')),
          card: px(el.querySelector('[data-testid="synthesis-card"] .text')),
          stats: px(stats),
          colours: [stats, ...Array.from(stats.querySelectorAll('span'))].map((node) => getComputedStyle(node).color),
          background: getComputedStyle(el).backgroundColor,
        };
      });
      expect(styles.title).toBeGreaterThanOrEqual(styles.card * 1.25);
      // The meta line (cards · votes · per column): not small print, and at least 4.5:1 on the theme.
      expect(styles.stats).toBeGreaterThanOrEqual(14);
      for (const colour of styles.colours) expect(contrast(colour, styles.background), colour).toBeGreaterThanOrEqual(4.5);
      expect(await theme.getByTestId('synthesis-stats').textContent()).toBe('1 kaart · 3 stemmen · Wat ging er goed? 1');
    } finally {
      for (const socket of sockets) socket.disconnect();
    }
  });

  it('offers "Overig" neither as a theme to merge into nor as one to merge, and merges by the picker alone', async () => {
    const { console, sessionId, ids, setup, sockets } = await consoleWithWorkshop(harness);
    try {
      const page = console.page;
      const koffie = ids.get('Koffie was lekker')!;
      await sendOk(setup.socket, 'synthesis:decide', { sessionId, cardId: koffie, themeId: 'overig', pinned: false });
      const overig = page.locator(`${PANEL} .themes [data-testid="synthesis-theme"][data-theme-id="overig"]`);
      await overig.getByTestId('synthesis-card').waitFor();
      // Overig, with a card, is a full theme on the page, but no theme of the study: no "Samenvoegen…", no "Hernoemen".
      expect(await overig.getByTestId('synthesis-merge-pick').count()).toBe(0);
      expect(await overig.getByTestId('synthesis-rename').count()).toBe(0);

      const tarieven = page.locator(`${PANEL} [data-testid="synthesis-theme"][data-theme-id="tarieven"]`);
      await tarieven.getByTestId('synthesis-merge-pick').click();
      const offered = await tarieven.getByTestId('synthesis-merge-select').locator('option:not([disabled])').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const live = harness.server.repo.studies.get(setup.studyId)!.data.codebook.themes.filter((t) => t.mergedInto === null).map((t) => t.id);
      // Every other live theme of the codebook, and nothing else: no Overig, no candidate, not itself.
      expect(offered).toEqual(live.filter((id) => id !== 'tarieven'));
      expect(offered).not.toContain('overig');

      // Committed with the button, the merge goes through; nothing was sent before.
      await tarieven.getByTestId('synthesis-merge-select').selectOption('meerzorg');
      expect((await console.traffic()).sent.filter((f) => f.includes('"theme:merge"'))).toHaveLength(0);
      await tarieven.getByTestId('synthesis-merge-commit').click();
      await tarieven.waitFor({ state: 'detached' });
      expect(harness.server.repo.studies.get(setup.studyId)!.data.codebook.themes.find((t) => t.id === 'tarieven')?.mergedInto).toBe('meerzorg');
    } finally {
      for (const socket of sockets) socket.disconnect();
    }
  });
});
