import type { Page } from 'playwright-core';

/** What has focus: its test id, tag, accessible label, and the text of the card it sits in. */
export async function focused(page: Page): Promise<{ testid: string | null; tag: string; label: string | null; card: string | null }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const card = el?.closest('[data-testid="card"]');
    return {
      testid: el?.getAttribute('data-testid') ?? null,
      tag: el?.tagName ?? '',
      label: el?.getAttribute('aria-label') ?? null,
      card: card?.querySelector('[data-testid="card-text"]')?.textContent ?? null,
    };
  });
}

/**
 * Presses Tab (as a keyboard user would) until the control with `testid` has focus, within
 * the card with text `card` when given; fails if it is not reachable that way.
 */
export async function tabTo(page: Page, testid: string, card?: string, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.testid === testid && (card === undefined || now.card === card)) return;
  }
  throw new Error(`${testid}${card ? ` on "${card}"` : ''} not reached with ${maxPresses} presses of Tab`);
}

/** Records every non-empty text the shared live region says, from now on. */
export async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const region = document.querySelector('[data-testid="announcer"]');
    if (!region) throw new Error('no live region');
    const said: string[] = [];
    const observer = new MutationObserver(() => {
      const text = region.textContent?.trim();
      if (text) said.push(text);
    });
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    // Held by the page, so the observer lives as long as the test reads it.
    Object.assign(window, { __said: said, __saidObserver: observer });
  });
  return () => page.evaluate(() => [...(window as unknown as { __said: string[] }).__said]);
}
