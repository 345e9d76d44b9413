import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { buildApp, type BuiltApp } from '../../server/app.ts';
import { facilitatorWithSession, sendOk, tempDataDir } from '../server/helpers.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CLIENT_DIR = fileURLToPath(new URL('../../dist/client', import.meta.url));

/** A page of the app plus what went wrong in it. */
export interface AppPage {
  page: Page;
  context: BrowserContext;
  name: string;
  /** Uncaught exceptions in the page: always a failure. */
  pageErrors: Error[];
  /** `console.error` lines, including failed resource loads. */
  consoleErrors: string[];
  /** socket.io traffic (websocket frames and long-polling bodies), once all of it has been read. */
  traffic(): Promise<{ sent: string[]; received: string[] }>;
}

export interface BrowserHarness {
  server: BuiltApp & { url: string };
  browser: Browser;
  /** A page in a browser context of its own, so it has its own localStorage. */
  newPage(name: string): Promise<AppPage>;
  /** Another page in the same context (same localStorage), e.g. the projection next to the console. */
  adopt(name: string, page: Page): AppPage;
  /** Throws if any page had an uncaught exception or a console error not in `allowConsole`. */
  assertNoErrors(allowConsole?: RegExp[]): void;
  /** Closes the server and starts it anew on the same port and data folder, as a deploy or crash would. */
  restartServer(): Promise<void>;
  close(): Promise<void>;
}

function requireBuiltEnvironment(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; install it with \`apt-get install -y chromium\` (browser tests never download one).`);
  }
  if (!existsSync(`${CLIENT_DIR}/index.html`)) {
    throw new Error(`No built client at ${CLIENT_DIR}/index.html; run \`npx vite build\` before the browser tests.`);
  }
}

/**
 * The real server (file storage in a temp folder) serving the real built client, and a real
 * Chromium. Fails loudly when either is missing: a skipped browser test proves nothing.
 */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  requireBuiltEnvironment();
  const data = await tempDataDir();
  const built = await buildApp({ dataDir: data.dir, clientDir: CLIENT_DIR });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = built.app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (error) {
    await built.app.close();
    await data.remove();
    throw error;
  }

  const pages: AppPage[] = [];
  const contexts: BrowserContext[] = [];

  function adopt(name: string, page: Page): AppPage {
    const sent: string[] = [];
    const received: string[] = [];
    const reading: Promise<unknown>[] = [];
    const entry: AppPage = {
      page,
      context: page.context(),
      name,
      pageErrors: [],
      consoleErrors: [],
      async traffic() {
        await Promise.all(reading);
        return { sent: [...sent], received: [...received] };
      },
    };
    page.on('pageerror', (error) => entry.pageErrors.push(error));
    page.on('console', (message) => {
      if (message.type() === 'error') entry.consoleErrors.push(message.text());
    });
    // socket.io starts on HTTP long-polling and upgrades later, so commands and events may
    // travel either way.
    page.on('websocket', (ws) => {
      ws.on('framereceived', (frame) => received.push(String(frame.payload)));
      ws.on('framesent', (frame) => sent.push(String(frame.payload)));
    });
    page.on('request', (request) => {
      if (request.url().includes('/socket.io/') && request.method() === 'POST') sent.push(request.postData() ?? '');
    });
    page.on('response', (response) => {
      if (!response.url().includes('/socket.io/') || response.request().method() !== 'GET') return;
      reading.push(response.text().then((body) => received.push(body), () => {}));
    });
    pages.push(entry);
    return entry;
  }

  const harness: BrowserHarness = {
    server: { ...built, url },
    browser,
    adopt,
    async newPage(name) {
      const context = await browser.newContext({ baseURL: url, locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      return adopt(name, await context.newPage());
    },
    assertNoErrors(allowConsole = []) {
      const problems = pages.flatMap((p) => [
        ...p.pageErrors.map((e) => `${p.name}: pageerror: ${e.stack ?? e.message}`),
        ...p.consoleErrors.filter((line) => !allowConsole.some((re) => re.test(line))).map((line) => `${p.name}: console.error: ${line}`),
      ]);
      if (problems.length) throw new Error(`Unexpected errors in the browser:\n${problems.join('\n')}`);
    },
    async restartServer() {
      await harness.server.app.close();
      const again = await buildApp({ dataDir: data.dir, clientDir: CLIENT_DIR });
      await again.app.listen({ port, host: '127.0.0.1' });
      harness.server = { ...again, url };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await harness.server.app.close();
      await data.remove();
    },
  };
  return harness;
}

/** Waits until `locator`'s attribute equals `expected`; on timeout, says what it was instead. */
export async function waitForAttribute(locator: Locator, name: string, expected: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let actual: string | null = null;
  while (Date.now() < deadline) {
    actual = await locator.getAttribute(name, { timeout: Math.max(1, deadline - Date.now()) }).catch(() => null);
    if (actual === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${locator} [${name}] stayed ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

/** The card on this page whose text is exactly `text`. */
export function cardWithText(page: Page, text: string, testid = 'card'): Locator {
  return page.getByTestId(testid).filter({ has: page.getByTestId('card-text').getByText(text, { exact: true }) });
}

/** Joins a session by its code through the join page, and waits for the board. */
export async function joinByLink(p: AppPage, code: string, name: string): Promise<void> {
  await p.page.goto(`/j/${code}`);
  await p.page.getByTestId('join-name').fill(name);
  await p.page.getByTestId('join-submit').click();
  await p.page.getByTestId('phase-badge').waitFor();
}

/**
 * A session already in `collecting`, set up over a real socket rather than the UI, for tests
 * about something else than setting up. Close the returned socket when done.
 */
export async function collectingSession(url: string) {
  const facilitator = await facilitatorWithSession(url);
  await sendOk(facilitator.socket, 'session:phase', { sessionId: facilitator.session.id, phase: 'collecting' });
  return { ...facilitator, code: facilitator.session.joinCode };
}
