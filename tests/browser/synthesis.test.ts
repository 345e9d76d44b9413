import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendOk, uid } from '../server/helpers.ts';
import { collectingSession, joinByLink, startBrowserHarness, waitForAttribute, type AppPage, type BrowserHarness } from './helpers.ts';
import { contrast } from './synthesis-fixture.ts';

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
      // A digital session: the facilitator asks to enter cards for the room first.
      await console.page.getByTestId('room-entry-toggle').check();
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

      // The names the card's move picker gives the themes, to compare with below; Escape closes it on its button.
      await card.getByTestId('synthesis-move-pick').focus();
      await keys.press('Enter');
      const names = await card.getByTestId('synthesis-move-select').locator('option').evaluateAll((os) => Object.fromEntries(os.map((o) => [(o as HTMLOptionElement).value, o.textContent?.trim()])));
      await keys.press('Escape');
      await card.getByTestId('synthesis-move-select').waitFor({ state: 'detached' });
      expect(await focused()).toBe('synthesis-move-pick');

      // From the card's "Verplaatsen…" button, one Tab on: the small button, not an always-open list.
      expect(await card.getByTestId('synthesis-secondary-select').count()).toBe(0);
      await keys.press('Tab');
      expect(await focused()).toBe('synthesis-secondary-pick');
      await keys.press('Enter');
      await select.waitFor();
      expect(await focused()).toBe('synthesis-secondary-select');
      // Every live codebook theme but the card's own (no 'overig', no candidate), named as the card's move picker names them.
      const options = await select.locator('option:not([disabled])').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent?.trim()]));
      expect(options.map(([id]) => id)).toEqual(choices);
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

  it('moves a card by keyboard only on Enter, keeps the focus on it, says where it went, and undo puts it back', async () => {
    const { console, sessionId, cardId, done } = await consoleInSynthesis();
    try {
      const page = console.page;
      const keys = page.keyboard;
      const card = page.getByTestId('synthesis-card').filter({ hasText: TARIEF });
      await waitForAttribute(card, 'data-theme-id', 'tarieven');
      const decisions = () => harness.server.repo.sessions.get(sessionId)!.data.synthesis.decisions;
      const decides = async () => (await console.traffic()).sent.filter((f) => f.includes('"synthesis:decide"') || f.includes('"synthesis:undecide"')).length;
      const select = card.getByTestId('synthesis-move-select');

      // "Verplaatsen…" opens the card's picker (Enter), where arrow keys browse the themes; the card stays where it is and nothing is sent.
      await card.getByTestId('synthesis-move-pick').focus();
      await keys.press('Enter');
      await select.waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('synthesis-move-select');
      await keys.press('ArrowDown');
      await keys.press('ArrowDown');
      const target = await select.inputValue();
      expect(target).not.toBe('tarieven');
      await page.waitForTimeout(500);
      expect(await card.getAttribute('data-theme-id')).toBe('tarieven');
      expect(await decides()).toBe(0);
      expect(decisions()).toEqual({});
      await card.getByTestId('synthesis-move-commit').waitFor();

      // Enter moves it; the card, drawn again in its new theme, keeps the focus.
      await keys.press('Enter');
      await waitForAttribute(card, 'data-theme-id', target);
      expect(decisions()[cardId]?.themeId).toBe(target);
      await expectFocusOnCard(console, cardId);
      const label = await page.locator(`[data-testid="synthesis-theme"][data-theme-id="${target}"] [data-testid="synthesis-label"]`).textContent();
      const toast = page.getByTestId('toast').filter({ hasText: `Kaart verplaatst naar ${label?.trim()}` });
      await toast.waitFor();

      // Undo, by keyboard too: back to the engine's suggestion, as it was, with the focus on the card.
      await toast.getByTestId('toast-action').focus();
      await keys.press('Enter');
      await waitForAttribute(card, 'data-theme-id', 'tarieven');
      expect(await card.getAttribute('data-decided')).toBeNull();
      expect(decisions()).toEqual({});
      await expectFocusOnCard(console, cardId);

      // Escape takes a browsed choice back; a decided card's undo returns to that decision.
      await sendOk(done.socket, 'synthesis:decide', { sessionId, cardId, themeId: 'kwaliteit', pinned: true });
      await waitForAttribute(card, 'data-theme-id', 'kwaliteit');
      await card.getByTestId('synthesis-move-pick').focus();
      await keys.press('Enter');
      await keys.press('ArrowUp');
      await keys.press('Escape');
      await select.waitFor({ state: 'detached' });
      expect(await card.getAttribute('data-theme-id')).toBe('kwaliteit');
      // Opened again, it starts from where the card is, not from the choice Escape dropped.
      await keys.press('Enter');
      expect(await select.inputValue()).toBe('kwaliteit');
      await keys.press('ArrowUp');
      await keys.press('Enter');
      await page.waitForFunction(() => document.querySelector('[data-testid="synthesis-card"][data-decided]')?.getAttribute('data-theme-id') !== 'kwaliteit');
      expect(decisions()[cardId]).toMatchObject({ pinned: true });
      expect(decisions()[cardId]?.themeId).not.toBe('kwaliteit');
      await page.getByTestId('toast-action').last().click();
      await waitForAttribute(card, 'data-theme-id', 'kwaliteit');
      expect(decisions()[cardId]).toMatchObject({ themeId: 'kwaliteit', pinned: true });
    } finally {
      done.socket.disconnect();
    }
  });

  it('merges a theme only on an explicit commit, says so, and undo brings the theme and its cards back', async () => {
    const { console, sessionId, cardId, done } = await consoleInSynthesis();
    try {
      const page = console.page;
      const keys = page.keyboard;
      const { studyId } = done;
      await sendOk(done.socket, 'synthesis:decide', { sessionId, cardId, themeId: 'meerzorg', pinned: false });
      await sendOk(done.socket, 'synthesis:finding', { sessionId, themeId: 'meerzorg', text: 'Meerzorg gaat traag' });
      const codebook = () => harness.server.repo.studies.get(studyId)!.data.codebook;
      const original = structuredClone(codebook());
      const theme = page.locator('[data-testid="synthesis-theme"][data-theme-id="meerzorg"]');
      const card = page.getByTestId('synthesis-card').filter({ hasText: TARIEF });
      await waitForAttribute(card, 'data-theme-id', 'meerzorg');
      const merges = async () => (await console.traffic()).sent.filter((f) => f.includes('"theme:merge"')).length;

      // "Samenvoegen…" opens the picker; arrow keys browse; the theme stays and the codebook is as it was.
      const select = theme.getByTestId('synthesis-merge-select');
      await theme.getByTestId('synthesis-merge-pick').focus();
      await keys.press('Enter');
      await select.waitFor();
      await keys.press('ArrowDown');
      await keys.press('ArrowDown');
      const target = await select.inputValue();
      expect(target).not.toBe('');
      await page.waitForTimeout(500);
      expect(await theme.count()).toBe(1);
      expect(await merges()).toBe(0);
      expect(codebook()).toEqual(original);

      // Enter merges, study-wide, and says what happened.
      const targetName = original.themes.find((t) => t.id === target)!.name;
      const sourceName = original.themes.find((t) => t.id === 'meerzorg')!.name;
      await keys.press('Enter');
      await theme.waitFor({ state: 'detached' });
      await waitForAttribute(card, 'data-theme-id', target);
      expect(codebook().themes.find((t) => t.id === 'meerzorg')?.mergedInto).toBe(target);
      const toast = page.getByTestId('toast').filter({ hasText: `Thema ${sourceName} samengevoegd met ${targetName}` });
      await toast.waitFor();
      // The theme it went into has the focus.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-theme-id'))).toBe(target);

      // Undo: the theme, its card (decided as before) and its finding are back, and so is the codebook.
      await toast.getByTestId('toast-action').focus();
      await keys.press('Enter');
      await theme.waitFor();
      await waitForAttribute(card, 'data-theme-id', 'meerzorg');
      expect(await card.getAttribute('data-decided')).toBe('true');
      expect(await theme.getByTestId('synthesis-finding').inputValue()).toBe('Meerzorg gaat traag');
      expect(codebook()).toEqual(original);
      await page.getByTestId('toast').filter({ hasText: `Thema ${sourceName} is terug` }).waitFor();

      // The button commits too (Tab from the select).
      await theme.getByTestId('synthesis-merge-pick').focus();
      await keys.press('Enter');
      await keys.press('ArrowDown');
      await keys.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('synthesis-merge-commit');
      await keys.press('Enter');
      await theme.waitFor({ state: 'detached' });
      expect(codebook().themes.find((t) => t.id === 'meerzorg')?.mergedInto).not.toBeNull();
    } finally {
      done.socket.disconnect();
    }
  });

  it('says when a finding, a new name or a quote is stored, and when not, keeping the text; the pressed quote button reads well', async () => {
    const { console, sessionId, cardId, done } = await consoleInSynthesis();
    try {
      const page = console.page;
      const keys = page.keyboard;
      const theme = page.locator('[data-testid="synthesis-theme"][data-theme-id="tarieven"]');
      const card = page.getByTestId('synthesis-card').filter({ hasText: TARIEF });
      await waitForAttribute(card, 'data-theme-id', 'tarieven');
      const synthesis = () => harness.server.repo.sessions.get(sessionId)!.data.synthesis;

      // Finding: stored, and said so in a polite live region, with the time.
      const finding = theme.getByTestId('synthesis-finding');
      const findingStatus = theme.getByTestId('synthesis-finding-status');
      expect(await findingStatus.getAttribute('role')).toBe('status');
      expect(await findingStatus.getAttribute('aria-live')).toBe('polite');
      await finding.fill('Tarieven dekken de kosten niet');
      await keys.press('Enter');
      await waitForAttribute(findingStatus, 'data-state', 'saved');
      expect(await findingStatus.textContent()).toMatch(/^Opgeslagen om \d\d:\d\d$/);
      expect(synthesis().findings.tarieven).toBe('Tarieven dekken de kosten niet');

      // Quote: stored, said so; the pressed button's text stands out from its background (WCAG AA).
      const quote = card.getByTestId('synthesis-quote');
      await quote.click();
      await waitForAttribute(quote, 'aria-pressed', 'true');
      await waitForAttribute(card.getByTestId('synthesis-quote-status'), 'data-state', 'saved');
      expect(synthesis().quotes[cardId]).toBe(true);
      await page.mouse.move(0, 0);
      const [fg, bg] = await quote.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
      expect(contrast(fg!, bg!)).toBeGreaterThanOrEqual(4.5);

      // Offline: the saves fail, say why, and the text stays in the field.
      await console.context.setOffline(true);
      await waitForAttribute(page.getByTestId('connection-state'), 'data-state', 'offline');
      await finding.fill('Tarieven dekken de kostprijs niet, zeker niet bij meerzorg');
      await keys.press('Enter');
      await waitForAttribute(findingStatus, 'data-state', 'failed');
      expect(await findingStatus.textContent()).toBe('Niet opgeslagen: Geen verbinding met de server.');
      expect(await finding.inputValue()).toBe('Tarieven dekken de kostprijs niet, zeker niet bij meerzorg');
      expect(synthesis().findings.tarieven).toBe('Tarieven dekken de kosten niet');

      await theme.getByTestId('synthesis-rename').click();
      const name = theme.getByTestId('synthesis-rename-input');
      await name.fill('Tarieven en indexering');
      await keys.press('Enter');
      const renameStatus = theme.getByTestId('synthesis-rename-status');
      await waitForAttribute(renameStatus, 'data-state', 'failed');
      expect(await name.inputValue()).toBe('Tarieven en indexering');

      // Back online, Enter again stores the name that was kept.
      await console.context.setOffline(false);
      await waitForAttribute(page.getByTestId('connection-state'), 'data-state', 'connected', 20_000);
      await name.focus();
      await keys.press('Enter');
      await waitForAttribute(renameStatus, 'data-state', 'saved');
      expect((await theme.getByTestId('synthesis-label').textContent())?.trim()).toBe('Tarieven en indexering');
      expect(harness.server.repo.studies.get(done.studyId)!.data.codebook.themes.find((t) => t.id === 'tarieven')?.name).toBe('Tarieven en indexering');
    } finally {
      // The page's own reports of being cut off are what this test asked for.
      const expected = console.consoleErrors.filter((line) => !/ERR_INTERNET_DISCONNECTED/.test(line));
      console.consoleErrors.splice(0, console.consoleErrors.length, ...expected);
      done.socket.disconnect();
    }
  });
});

/** A console on a session in synthesis with one card, TARIEF, that the engine puts in `tarieven`. */
async function consoleInSynthesis() {
  const setup = await collectingSession(harness.server.url);
  const sessionId = setup.session.id;
  const cardId = uid();
  await sendOk(setup.socket, 'card:add', { sessionId, id: cardId, columnId: setup.snapshot.session.columns[1]!.id, text: TARIEF });
  await sendOk(setup.socket, 'session:phase', { sessionId, phase: 'voting' });
  await sendOk(setup.socket, 'session:phase', { sessionId, phase: 'synthesis' });
  const console = await harness.newPage('facilitator');
  await console.page.goto(`/f/${setup.studyId}/s/${sessionId}#key=${encodeURIComponent(setup.key)}`);
  await console.page.getByTestId('synthesis-panel').waitFor();
  return { console, sessionId, cardId, done: setup };
}

/** The focus is on a control of this card (after it was drawn again elsewhere). */
async function expectFocusOnCard(p: AppPage, cardId: string): Promise<void> {
  await p.page.waitForFunction(
    (id) => document.activeElement?.closest('[data-testid="synthesis-card"]')?.getAttribute('data-card-id') === id,
    cardId,
    { timeout: 5000 },
  );
  expect(await p.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('synthesis-move-pick');
}
