import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { JOIN_CODE_ALPHABET } from '../../shared/domain/join-code.ts';
import { facilitatorWithSession, sendOk } from '../server/helpers.ts';
import { startBrowserHarness, type AppPage, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterEach(() => harness.assertNoErrors());
afterAll(async () => harness?.close());

const STUDY = 'Evaluatie zorginkoop 2026';

/** Creates a study through the home page and waits for the study page. */
async function createStudy(p: AppPage): Promise<void> {
  await p.page.goto('/');
  await p.page.getByTestId('create-study-title').fill(STUDY);
  await p.page.getByTestId('create-study-submit').click();
  await p.page.getByTestId('study-title').getByText(STUDY, { exact: true }).waitFor();
}

/** Records the types of the dialogs the page opens, dismissing each (for beforeunload: stay). */
function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  return dialogs;
}

/** Tries to close the page as a person closing the tab would; whether the browser asked first. */
async function closeAsked(page: Page, dialogs: string[]): Promise<boolean> {
  const before = dialogs.length;
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed() || dialogs.length > before, { timeout: 5000 }).toBe(true);
  return dialogs.length > before && dialogs.at(-1) === 'beforeunload';
}

/** A well-formed code no session on the server has. */
function unknownCode(): string {
  const taken = new Set([...harness.server.repo.sessions.values()].map((doc) => doc.data.joinCode));
  for (const c of JOIN_CODE_ALPHABET) {
    if (!taken.has(`${c}XY7KM`)) return `${c}XY7KM`;
  }
  throw new Error('no free code');
}

describe('saving the facilitator link after creating a study', () => {
  it('is the first thing on the study page, open, with copy and mail; leaving warns until it is copied', async () => {
    const p = await harness.newPage('facilitator');
    await p.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.server.url });
    const requests: { url: string; body: string }[] = [];
    p.page.on('request', (request) => requests.push({ url: request.url(), body: request.postData() ?? '' }));
    await createStudy(p);

    const panel = p.page.getByTestId('facilitator-link-panel');
    expect(await panel.getAttribute('open')).not.toBeNull();
    expect(await panel.locator('summary').textContent()).toBe('Eerst: bewaar je facilitatorlink');
    // Above everything else the study page offers.
    expect(await p.page.locator('.study-page > .panel').first().getAttribute('data-testid')).toBe('facilitator-link-panel');
    const link = await p.page.getByTestId('facilitator-link').inputValue();
    const studyId = new URL(p.page.url()).pathname.split('/')[2]!;
    const match = new RegExp(`^${harness.server.url}/f/${studyId}#key=(.+)$`).exec(link);
    expect(match).not.toBeNull();
    const key = decodeURIComponent(match![1]!);

    // The mail is addressed to no one: the facilitator picks themselves in their mail program.
    const mail = new URL((await p.page.getByTestId('facilitator-link-mail').getAttribute('href'))!);
    expect(mail.protocol).toBe('mailto:');
    expect(mail.pathname).toBe('');
    const subject = mail.searchParams.get('subject')!;
    const body = mail.searchParams.get('body')!;
    expect(subject).toBe(`Facilitatorlink Werksessie: ${STUDY}`);
    expect(body).toContain(`\r\n${link}\r\n`);
    expect(body).toContain(`"${STUDY}"`);

    // Leaving now would lose the only key: the browser asks, and staying keeps the page.
    const dialogs = recordDialogs(p.page);
    expect(await closeAsked(p.page, dialogs)).toBe(true);
    expect(p.page.isClosed()).toBe(false);
    // Also from the study's other pages: the report, reached inside the app.
    await p.page.getByTestId('study-report-link').click();
    await p.page.waitForURL(/\/rapport$/);
    expect(await closeAsked(p.page, dialogs)).toBe(true);
    await p.page.goBack();
    await p.page.waitForURL((url) => !url.pathname.endsWith('/rapport'));

    await p.page.getByTestId('facilitator-link-copy').click();
    await expect.poll(() => p.page.getByTestId('facilitator-link-copy').textContent()).toBe('Gekopieerd');
    expect(await p.page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expect.poll(() => p.page.getByTestId('facilitator-link-saved').isChecked()).toBe(true);

    // The key went to the server only where it must (socket auth); no URL, no other host.
    const origin = new URL(harness.server.url).origin;
    for (const r of requests) {
      expect(new URL(r.url).origin).toBe(origin);
      expect(r.url).not.toContain(key);
      expect(r.url).not.toContain(encodeURIComponent(key));
      if (!r.url.includes('/socket.io/')) expect(r.body).not.toContain(key);
    }

    expect(await closeAsked(p.page, dialogs)).toBe(false);
    expect(p.page.isClosed()).toBe(true);
  });

  it('counts mailing the link or ticking the box as saved, and folds the panel away once saved', async () => {
    const mailer = await harness.newPage('mailer');
    await createStudy(mailer);
    // There is no mail program here; the app's own click handler on the link runs before this one.
    await mailer.page.evaluate(() =>
      document.addEventListener('click', (event) => {
        if ((event.target as Element).closest('a[href^="mailto:"]')) event.preventDefault();
      }));
    const mailerDialogs = recordDialogs(mailer.page);
    await mailer.page.getByTestId('facilitator-link-mail').click();
    await expect.poll(() => mailer.page.getByTestId('facilitator-link-saved').isChecked()).toBe(true);
    expect(await closeAsked(mailer.page, mailerDialogs)).toBe(false);

    const ticker = await harness.newPage('ticker');
    await createStudy(ticker);
    const dialogs = recordDialogs(ticker.page);
    const box = ticker.page.getByTestId('facilitator-link-saved');
    await box.check();
    await box.uncheck();
    expect(await closeAsked(ticker.page, dialogs)).toBe(true);
    await box.check();
    // Saved is remembered: after a reload (not asked) the panel is the usual folded one.
    await ticker.page.reload();
    expect(dialogs).toEqual(['beforeunload']);
    const panel = ticker.page.getByTestId('facilitator-link-panel');
    await expect.poll(() => panel.locator('summary').textContent()).toBe('Facilitatorlink');
    expect(await panel.getAttribute('open')).toBeNull();
    expect(await ticker.page.getByTestId('facilitator-link-saved').count()).toBe(0);
    // A fresh page asks only once the person did something on it.
    await panel.locator('summary').click();
    expect(await closeAsked(ticker.page, dialogs)).toBe(false);
  });
});

describe('joining by code', () => {
  it('says at once that a well-formed code is unknown, without asking for a profile', async () => {
    const p = await harness.newPage('guest');
    const code = unknownCode();
    await p.page.goto(`/j/${code}`);
    await expect.poll(() => p.page.getByTestId('join-code-error').textContent()).toBe('Er is geen werksessie met deze code. Controleer de code.');
    expect(await p.page.getByTestId('join-name').count()).toBe(0);
    expect(await p.page.getByTestId('join-submit').count()).toBe(0);

    // Typed on the home page, the same.
    await p.page.goto('/');
    await p.page.getByTestId('home-code-input').fill(code.toLowerCase());
    await p.page.getByTestId('home-code-submit').click();
    await expect.poll(() => p.page.getByTestId('join-code-error').textContent()).toBe('Er is geen werksessie met deze code. Controleer de code.');
    expect(await p.page.getByTestId('join-name').count()).toBe(0);

    // A malformed code is refused in the page, without asking the server.
    const checks: string[] = [];
    p.page.on('request', (request) => {
      if (request.url().includes('/api/join/')) checks.push(request.url());
    });
    await p.page.getByTestId('join-code-input').fill('abc');
    await p.page.getByTestId('join-check').click();
    await expect.poll(() => p.page.getByTestId('join-code-error').textContent()).toBe('Een code bestaat uit 6 tekens, bijvoorbeeld C7K M3P.');
    expect(checks).toEqual([]);
    expect(await p.page.getByTestId('join-name').count()).toBe(0);
    // Chromium logs every failed fetch; these are the two answers 404 above, and nothing else.
    expect(p.consoleErrors).toEqual(Array(2).fill('Failed to load resource: the server responded with a status of 404 (Not Found)'));
    p.consoleErrors.length = 0;
  });

  it('shows the session title first, and only then asks for the profile', async () => {
    const facilitator = await facilitatorWithSession(harness.server.url, { title: 'Werksessie Jeugd Oost', date: '2026-03-12' });
    try {
      const p = await harness.newPage('participant');
      // Hold the check back, to see what the page shows while it waits.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await p.page.route('**/api/join/*', async (route) => {
        await held;
        await route.continue();
      });
      await p.page.goto(`/j/${facilitator.session.joinCode}`);
      await expect.poll(() => p.page.getByTestId('join-check').textContent()).toBe('Code controleren…');
      expect(await p.page.getByTestId('join-name').count()).toBe(0);
      expect(await p.page.getByTestId('join-session-title').count()).toBe(0);
      release();

      await p.page.getByTestId('join-session-title').getByText('Werksessie Jeugd Oost', { exact: true }).waitFor();
      expect(await p.page.getByTestId('join-session-date').textContent()).toBe('12 maart 2026');
      const name = p.page.getByTestId('join-name');
      await name.waitFor();
      // The title stands above the profile, and the name field has the focus.
      const titleAbove = await p.page.getByTestId('join-session-title').evaluate((title) =>
        Boolean(title.compareDocumentPosition(document.querySelector('[data-testid="join-name"]')!) & Node.DOCUMENT_POSITION_FOLLOWING));
      expect(titleAbove).toBe(true);
      await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);

      await name.fill('Anna de Vries');
      await p.page.getByTestId('join-submit').click();
      await p.page.getByTestId('phase-badge').waitFor();
    } finally {
      facilitator.socket.disconnect();
    }
  });

  it('says a closed session is closed, without asking for a profile', async () => {
    const facilitator = await facilitatorWithSession(harness.server.url, { title: 'Werksessie Wmo West' });
    try {
      await sendOk(facilitator.socket, 'session:phase', { sessionId: facilitator.session.id, phase: 'closed' });
      const p = await harness.newPage('late');
      await p.page.goto(`/j/${facilitator.session.joinCode}`);
      await p.page.getByTestId('join-session-title').getByText('Werksessie Wmo West', { exact: true }).waitFor();
      expect(await p.page.getByTestId('join-session-closed').textContent()).toBe('Deze werksessie is afgesloten.');
      expect(await p.page.getByTestId('join-name').count()).toBe(0);
      expect(await p.page.getByTestId('join-submit').count()).toBe(0);
    } finally {
      facilitator.socket.disconnect();
    }
  });
});
