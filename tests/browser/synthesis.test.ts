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
});
