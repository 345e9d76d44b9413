import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendOk, uid } from '../server/helpers.ts';
import { collectingSession, joinByLink, startBrowserHarness, waitForAttribute, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterEach(() => harness.assertNoErrors());
afterAll(async () => harness?.close());

const TARIEF = 'De tarieven dekken de kostprijs niet en de indexering is te laag';
const MEERZORG = 'Meerzorgaanvragen voor VG7 worden heel traag afgehandeld';

describe('synthesis in the browser', () => {
  it('lets the facilitator drag a card to another theme, and the participant sees it move', async () => {
    const setup = await collectingSession(harness.server.url);
    try {
      const { studyId, key, session } = setup;
      const ann = await harness.newPage('ann');
      await joinByLink(ann, setup.code, 'Ann Jansen');
      for (const text of [TARIEF, MEERZORG]) {
        await ann.page.getByTestId('card-input').fill(text);
        await ann.page.getByTestId('card-submit').click();
      }
      await sendOk(setup.socket, 'session:phase', { sessionId: session.id, phase: 'voting' });
      await sendOk(setup.socket, 'session:phase', { sessionId: session.id, phase: 'synthesis' });

      const console = await harness.newPage('facilitator');
      await console.page.goto(`/f/${studyId}/s/${session.id}#key=${encodeURIComponent(key)}`);
      await console.page.getByTestId('synthesis-panel').waitFor();
      const card = (page: typeof console.page, text: string) => page.getByTestId('synthesis-card').filter({ hasText: text });

      // The engine's suggestion, on both pages.
      await waitForAttribute(card(console.page, TARIEF), 'data-theme-id', 'tarieven');
      await waitForAttribute(card(ann.page, TARIEF), 'data-theme-id', 'tarieven');

      // Drag it onto the meerzorg theme.
      const target = console.page.locator('[data-testid="synthesis-theme"][data-theme-id="meerzorg"]');
      // Grab the card by its text, not by one of its controls.
      await card(console.page, TARIEF).locator('.text').dragTo(target);
      await waitForAttribute(card(console.page, TARIEF), 'data-theme-id', 'meerzorg');
      await waitForAttribute(card(ann.page, TARIEF), 'data-theme-id', 'meerzorg');
      const annTheme = ann.page.locator('[data-testid="synthesis-theme"][data-theme-id="meerzorg"]');
      expect(await annTheme.getByTestId('synthesis-card').filter({ hasText: TARIEF }).count()).toBe(1);

      // It is the facilitator's decision now, stored on the server.
      const stored = harness.server.repo.sessions.get(session.id)!.data.synthesis.decisions;
      expect(Object.values(stored).map((d) => d.themeId)).toEqual(['meerzorg']);

      // Themes without cards wait, small, below the others; a card dropped on one fills it.
      const empty = console.page.getByTestId('synthesis-empty-themes');
      const innovatie = empty.locator('[data-testid="synthesis-theme"][data-theme-id="innovatie"]');
      await innovatie.waitFor();
      expect(await innovatie.getByTestId('synthesis-card').count()).toBe(0);
      // Both ends of the drag on screen (a person would let the page scroll while dragging).
      await console.page.setViewportSize({ width: 1280, height: 1600 });
      await card(console.page, MEERZORG).locator('.text').dragTo(innovatie);
      await waitForAttribute(card(console.page, MEERZORG), 'data-theme-id', 'innovatie');
      expect(await empty.locator('[data-theme-id="innovatie"]').count()).toBe(0);

      // The scribe still takes what the room says; the new card lands in a theme.
      const said = 'Het zorgkantoor gaf veel te weinig ruimte voor een echte inkoopdialoog';
      await console.page.getByTestId('card-input').fill(said);
      await console.page.getByTestId('card-submit').click();
      await waitForAttribute(card(console.page, said), 'data-theme-id', 'dialoog');
      await waitForAttribute(card(ann.page, said), 'data-theme-id', 'dialoog');
    } finally {
      setup.socket.disconnect();
    }
  });

  it("shows a card's second theme; the facilitator removes it and hands it back to the engine", async () => {
    const setup = await collectingSession(harness.server.url);
    try {
      const { studyId, key, session, socket } = setup;
      const sessionId = session.id;
      const cardId = uid();
      await sendOk(socket, 'card:add', { sessionId, id: cardId, columnId: setup.snapshot.session.columns[1]!.id, text: TARIEF });
      await sendOk(socket, 'session:phase', { sessionId, phase: 'voting' });
      await sendOk(socket, 'session:phase', { sessionId, phase: 'synthesis' });
      // The facilitator's word, not the engine's: first theme decided, second confirmed by command.
      await sendOk(socket, 'synthesis:decide', { sessionId, cardId, themeId: 'tarieven', pinned: false });
      await sendOk(socket, 'synthesis:secondary', { sessionId, cardId, themeId: 'kwaliteit' });
      const secondary = () => harness.server.repo.sessions.get(sessionId)!.data.synthesis.secondary;

      const console = await harness.newPage('facilitator');
      await console.page.goto(`/f/${studyId}/s/${sessionId}#key=${encodeURIComponent(key)}`);
      const card = console.page.getByTestId('synthesis-card').filter({ hasText: TARIEF });
      const line = card.getByTestId('synthesis-secondary');
      await waitForAttribute(line, 'data-decided', 'true');
      expect(await line.getAttribute('data-theme-id')).toBe('kwaliteit');
      expect((await card.getByTestId('synthesis-secondary-label').textContent())?.trim()).toBe('Ook: Kwaliteit van zorg');
      expect(await line.getByTestId('synthesis-secondary-confirm').count()).toBe(0);

      // The buttons name the card, for a screen reader going from card to card.
      await console.page.getByRole('button', { name: `Geen tweede thema voor kaart: ${TARIEF}`, exact: true }).click();
      await waitForAttribute(line, 'data-none', 'true');
      expect(secondary()).toEqual({ [cardId]: null });
      expect((await line.textContent())).toContain('Tweede thema: geen');

      await console.page.getByRole('button', { name: `Terug naar voorstel voor het tweede thema van kaart: ${TARIEF}`, exact: true }).click();
      await card.locator('[data-testid="synthesis-secondary"][data-none], [data-testid="synthesis-secondary"][data-decided]').waitFor({ state: 'detached' });
      expect(secondary()).toEqual({});
    } finally {
      setup.socket.disconnect();
    }
  });

  it('lets the facilitator pick any other theme as the second one, by keyboard alone, and keeps it', async () => {
    const setup = await collectingSession(harness.server.url);
    try {
      const { studyId, key, session, socket } = setup;
      const sessionId = session.id;
      const cardId = uid();
      await sendOk(socket, 'card:add', { sessionId, id: cardId, columnId: setup.snapshot.session.columns[1]!.id, text: TARIEF });
      await sendOk(socket, 'session:phase', { sessionId, phase: 'voting' });
      await sendOk(socket, 'session:phase', { sessionId, phase: 'synthesis' });
      // Whatever the engine makes of the card, the themes picked below are ones it did not suggest.
      const engine = (await sendOk(socket, 'synthesis:open', { sessionId })).assignments[cardId]!;
      const codebook = harness.server.repo.studies.get(studyId)!.data.codebook.themes.filter((t) => t.mergedInto === null);
      const choices = codebook.map((t) => t.id).filter((id) => id !== engine.themeId);
      const [first, second] = choices.filter((id) => id !== engine.secondary?.themeId);
      const stored = () => harness.server.repo.sessions.get(sessionId)!.data.synthesis.secondary;

      const console = await harness.newPage('facilitator');
      await console.page.goto(`/f/${studyId}/s/${sessionId}#key=${encodeURIComponent(key)}`);
      const card = console.page.getByTestId('synthesis-card').filter({ hasText: TARIEF });
      await waitForAttribute(card, 'data-theme-id', engine.themeId);
      expect(await card.getByTestId('synthesis-secondary-label').count()).toBe(engine.secondary ? 1 : 0);
      const keys = console.page.keyboard;
      /** The focused element's test id, if it is inside this card. */
      const focused = () => card.evaluate((el) => (el.contains(document.activeElement) ? document.activeElement?.getAttribute('data-testid') : 'outside the card'));
      const select = card.getByTestId('synthesis-secondary-select');
      const commands = async () => (await console.traffic()).sent.filter((frame) => frame.includes('"synthesis:secondary"')).length;

      // From the card's theme select, one Tab on: the small button, not an always-open list.
      await card.getByTestId('synthesis-move-select').focus();
      expect(await card.getByTestId('synthesis-secondary-select').count()).toBe(0);
      await keys.press('Tab');
      expect(await focused()).toBe('synthesis-secondary-pick');
      await keys.press('Enter');
      await select.waitFor();
      expect(await focused()).toBe('synthesis-secondary-select');
      // Every live codebook theme but the card's own (no 'overig', no candidate), named as the card's theme select names them.
      const options = await select.locator('option:not([disabled])').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent?.trim()]));
      expect(options.map(([id]) => id)).toEqual(choices);
      const names = await card.getByTestId('synthesis-move-select').locator('option').evaluateAll((os) => Object.fromEntries(os.map((o) => [(o as HTMLOptionElement).value, o.textContent?.trim()])));
      for (const [id, name] of options) expect(name, id).toBe(names[id!]);

      // Arrow keys browse, they commit nothing; Escape cancels and gives the button its focus back.
      const sentBefore = await commands();
      await keys.press('ArrowDown');
      await keys.press('ArrowDown');
      // Still open (a short wait: a picker that committed on change would be gone).
      expect(await select.inputValue({ timeout: 2000 })).not.toBe('');
      expect(await focused()).toBe('synthesis-secondary-select');
      await keys.press('Escape');
      await select.waitFor({ state: 'detached' });
      expect(await focused()).toBe('synthesis-secondary-pick');
      expect(await commands()).toBe(sentBefore);
      expect(stored()).toEqual({});

      /** Opens the picker and arrows down to `themeId`. */
      async function browseTo(themeId: string): Promise<void> {
        await keys.press('Enter');
        await select.waitFor();
        for (let i = 0; i <= choices.length && (await select.inputValue()) !== themeId; i++) await keys.press('ArrowDown');
        expect(await select.inputValue()).toBe(themeId);
      }
      const line = card.getByTestId('synthesis-secondary');

      // Enter in the select commits; the focus stays on the card's controls.
      await browseTo(first!);
      await keys.press('Enter');
      await waitForAttribute(line, 'data-theme-id', first!);
      expect(await line.getAttribute('data-decided')).toBe('true');
      expect((await card.getByTestId('synthesis-secondary-label').textContent())?.trim()).toBe(`Ook: ${names[first!]}`);
      expect(stored()).toEqual({ [cardId]: first });
      await select.waitFor({ state: 'detached' });
      expect(await focused()).toBe('synthesis-secondary-pick');

      // So does the Kiezen button, reached by Tab.
      await browseTo(second!);
      await keys.press('Tab');
      expect(await focused()).toBe('synthesis-secondary-commit');
      await keys.press('Enter');
      await waitForAttribute(line, 'data-theme-id', second!);
      expect(stored()).toEqual({ [cardId]: second });
      expect(await focused()).toBe('synthesis-secondary-pick');

      // Stored, not just shown: a reload brings it back.
      await console.page.reload();
      await waitForAttribute(card.getByTestId('synthesis-secondary'), 'data-theme-id', second!);
      expect(await card.getByTestId('synthesis-secondary').getAttribute('data-decided')).toBe('true');
    } finally {
      setup.socket.disconnect();
    }
  });
});
