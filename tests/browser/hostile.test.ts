// HTML, script and template syntax typed in as names, cards, themes, findings, polls and notes stay
// text on every page (board, projection, console with synthesis, follow-up, report, study) and in
// the downloaded Markdown and CSV: nothing runs, no element is made from user text.
import { parse } from 'csv-parse/sync';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, createStudy, sendOk, uid, type ClientSocket } from '../server/helpers.ts';
import { cardWithText, joinByLink, startBrowserHarness, waitForAttribute, type BrowserHarness } from './helpers.ts';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterEach(() => harness.assertNoErrors());
afterAll(async () => harness?.close());

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
const LINK = '<a href="javascript:window.__pwned=1">klik</a> javascript:window.__pwned=1';
const VUE = "{{ constructor.constructor('window.__pwned=1')() }}";
const SVG = '<svg onload=window.__pwned=1>';
const MARKDOWN = '# Kop [link](javascript:window.__pwned=1) ![beeld](x) <b>vet</b> | cel |';
const FORMULAS = ['=HYPERLINK("http://example.invalid","klik")', '+SUM(1,2)', '-2+3', '@SUM(1)', '＝1+1'];
/** At most 40 characters, for a domain. */
const DOMAIN = '<img src=x onerror=window.__pwned=1>';

/**
 * Records, from before the page's own scripts run, every element that user text could have made:
 * a script that is not one of the app's bundles, an image pointing at "x", any inline handler.
 */
function watchForInjection(): void {
  const w = window as unknown as { __injected: string[] };
  w.__injected = [];
  const suspicious = (el: Element) =>
    (el.tagName === 'SCRIPT' && !(el as HTMLScriptElement).src.includes('/assets/')) ||
    (el.tagName === 'IMG' && el.getAttribute('src') === 'x') ||
    (el.tagName === 'A' && /^\s*javascript:/i.test(el.getAttribute('href') ?? '')) ||
    Array.from(el.attributes).some((a) => /^on/i.test(a.name));
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (!(node instanceof Element)) continue;
        for (const el of [node, ...Array.from(node.querySelectorAll('*'))]) if (suspicious(el)) w.__injected.push(el.outerHTML.slice(0, 200));
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Nothing ran and nothing was made from user text; the texts show literally. */
async function inert(page: Page, texts: string[]): Promise<void> {
  // An <img src=x> would have failed to load by now and run its onerror.
  await page.waitForTimeout(300);
  const found = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    injected: (window as unknown as { __injected: string[] }).__injected,
    images: document.querySelectorAll('img[src="x"]').length,
    polluted: ['prev', 'next', 'value', 'key'].filter((name) => Object.hasOwn(Object.prototype, name)),
    text: document.body.innerText,
  }));
  const { pwned, injected, images, polluted } = found;
  expect({ page: page.url(), pwned, injected, images, polluted }).toEqual({ page: page.url(), pwned: null, injected: [], images: 0, polluted: [] });
  for (const text of texts) expect(found.text, `${page.url()} shows ${text}`).toContain(text);
}

describe('hostile text in the browser', () => {
  it('stays text on the board, the projection, the console, the follow-up page, the report and the study page', async () => {
    const url = harness.server.url;
    const sockets: ClientSocket[] = [];
    try {
      const { studyId, key } = await createStudy(url, `Studie ${SCRIPT}`);
      const f = await connectClient(url, { studyId, key });
      sockets.push(f);
      const created = await sendOk(f, 'session:create', { title: `Sessie ${IMG}`, date: '2025-11-20', mode: 'digitaal', domains: [DOMAIN] });
      const sessionId = created.id;
      const opened = await sendOk(f, 'session:open', { sessionId, view: 'console' });
      const [good, better] = opened.session.columns;
      await sendOk(f, 'session:update', { sessionId, columns: [{ ...good!, title: `Goed ${SVG}` }, better!] });
      await sendOk(f, 'session:phase', { sessionId, phase: 'collecting' });

      // A participant who types the payloads in, and one who sends them over the socket.
      const dana = await harness.newPage('dana');
      await dana.context.addInitScript(watchForInjection);
      await joinByLink(dana, created.joinCode, IMG);
      await dana.page.getByTestId('card-input').fill(VUE);
      await dana.page.getByTestId('card-submit').click();
      await cardWithText(dana.page, VUE).waitFor();
      const eve = await connectClient(url);
      sockets.push(eve);
      await sendOk(eve, 'session:join', { code: created.joinCode, profile: { name: SCRIPT, organisation: LINK, region: SVG, consent: true } });
      const cards = [SCRIPT, IMG, LINK, MARKDOWN, SVG, ...FORMULAS];
      const ids: string[] = [];
      for (const text of cards) {
        const id = uid();
        ids.push(id);
        await sendOk(eve, 'card:add', { sessionId, id, columnId: better!.id, text });
      }
      const pollId = uid();
      // Labels named like members of every object go through echarts' text measuring too.
      await sendOk(f, 'poll:create', { sessionId, id: pollId, question: `Vraag ${IMG}`, kind: 'single', options: [SCRIPT, VUE, '__proto__', 'constructor'], showLive: true });
      await sendOk(f, 'poll:open', { sessionId, pollId });
      await sendOk(eve, 'poll:answer', { sessionId, pollId, answer: { optionIds: ['option-1'] } });

      await dana.page.getByTestId('board-poll').waitFor();
      for (const text of cards) await cardWithText(dana.page, text).waitFor();
      await inert(dana.page, [SCRIPT, IMG, VUE, `Vraag ${IMG}`, `Goed ${SVG}`]);

      // The facilitator's browser: projection first, with the poll's chart.
      const facilitator = await harness.newPage('facilitator');
      const fp = facilitator.page;
      await facilitator.context.addInitScript(watchForInjection);
      await fp.goto(`/f/${studyId}/s/${sessionId}#key=${encodeURIComponent(key)}`);
      await fp.getByTestId('session-title').waitFor();
      await inert(fp, [`Sessie ${IMG}`, SCRIPT, VUE, `Vraag ${IMG}`]);
      await fp.goto(`/f/${studyId}/s/${sessionId}/projectie`);
      await fp.getByTestId('projection-poll').waitFor();
      await cardWithText(fp, IMG, 'projection-card').waitFor();
      await inert(fp, [`Vraag ${IMG}`, SCRIPT, VUE]);

      // Synthesis: a theme named with markup, another renamed to template syntax, findings with both.
      for (const phase of ['voting', 'synthesis'] as const) await sendOk(f, 'session:phase', { sessionId, phase });
      await sendOk(f, 'theme:add', { sessionId, name: IMG, cardIds: [ids[0]!, ids[1]!] });
      await sendOk(f, 'theme:rename', { sessionId, themeId: 'tarieven', name: VUE });
      await sendOk(f, 'synthesis:decide', { sessionId, cardId: ids[2]!, themeId: 'tarieven', pinned: true });
      await sendOk(f, 'synthesis:finding', { sessionId, themeId: 'tarieven', text: `Bevinding ${SCRIPT}` });
      await sendOk(f, 'poll:close', { sessionId, pollId });
      await fp.goto(`/f/${studyId}/s/${sessionId}`);
      await fp.getByTestId('synthesis-panel').waitFor();
      await fp.getByTestId('synthesis-label').getByText(IMG, { exact: true }).waitFor();
      await inert(fp, [IMG, VUE, SCRIPT]);
      await waitForAttribute(dana.page.getByTestId('phase-badge'), 'data-phase', 'synthesis');
      await dana.page.getByTestId('synthesis-card').first().waitFor();
      await inert(dana.page, [IMG, VUE]);

      // Follow-up calls: a callee, a caller and a note full of markup.
      const callId = uid();
      await sendOk(f, 'followup:save', { sessionId, id: callId, callee: { name: IMG, organisation: SCRIPT, consent: true }, calledOn: '2025-12-01', calledBy: VUE });
      await sendOk(f, 'followup:answer', { sessionId, callId, themeId: 'tarieven', verdict: 'deels', note: `Notitie ${SCRIPT} ${IMG}` });
      await sendOk(f, 'session:phase', { sessionId, phase: 'closed' });
      await fp.goto(`/f/${studyId}/s/${sessionId}/nabellen`);
      await fp.getByTestId('followup-call-open').first().click();
      await fp.getByTestId('followup-script').waitFor();
      await inert(fp, [IMG]);

      // The report page, its charts hovered so their tooltips draw the theme names.
      await fp.goto(`/f/${studyId}/rapport`);
      await fp.getByTestId('report').waitFor();
      for (const chart of await fp.getByTestId('report-chart').all()) {
        const box = await chart.boundingBox();
        if (box) await fp.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      }
      await inert(fp, [`Studie ${SCRIPT}`, `Bevinding ${SCRIPT}`, SCRIPT]);

      // The study page with its matrix of themes against the domain.
      await fp.goto(`/f/${studyId}`);
      await fp.getByTestId('study-matrix').getByText(DOMAIN, { exact: true }).waitFor();
      await inert(fp, [`Studie ${SCRIPT}`, DOMAIN]);
    } finally {
      for (const s of sockets) s.disconnect();
    }
  });

  it('stays inert in the Markdown and CSV downloads', async () => {
    const url = harness.server.url;
    const { studyId, key } = await createStudy(url, `Studie ${SCRIPT}`);
    const f = await connectClient(url, { studyId, key });
    try {
      const created = await sendOk(f, 'session:create', { title: `Sessie ${IMG}`, date: '2025-11-20', mode: 'digitaal', domains: ['Wlz'] });
      const sessionId = created.id;
      const columnId = (await sendOk(f, 'session:open', { sessionId, view: 'console' })).session.columns[1]!.id;
      await sendOk(f, 'session:phase', { sessionId, phase: 'collecting' });
      const texts = [SCRIPT, IMG, LINK, MARKDOWN, ...FORMULAS];
      const ids = texts.map(() => uid());
      for (const [i, text] of texts.entries()) await sendOk(f, 'card:add', { sessionId, id: ids[i]!, columnId, text });
      for (const phase of ['voting', 'synthesis'] as const) await sendOk(f, 'session:phase', { sessionId, phase });
      await sendOk(f, 'synthesis:decide', { sessionId, cardId: ids[0]!, themeId: 'tarieven', pinned: true });
      await sendOk(f, 'synthesis:quote', { sessionId, cardId: ids[3]!, quote: true });
      await sendOk(f, 'synthesis:finding', { sessionId, themeId: 'tarieven', text: `Bevinding ${IMG} ${MARKDOWN}` });
      const headers = { authorization: `Bearer ${key}` };

      const markdown = await (await fetch(`${url}/api/studies/${studyId}/report.md`, { headers })).text();
      const tree = fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
      const nodes: { type: string; value?: string; url?: string }[] = [];
      const walk = (node: { type: string; children?: unknown[] }) => {
        nodes.push(node as never);
        for (const child of node.children ?? []) walk(child as never);
      };
      walk(tree);
      // User text made no HTML, links or images, and every payload reads back as text.
      expect(nodes.filter((n) => ['html', 'link', 'image', 'linkReference', 'imageReference', 'definition'].includes(n.type))).toEqual([]);
      const plain = nodes.filter((n) => n.type === 'text' || n.type === 'inlineCode').map((n) => n.value).join('\n');
      for (const text of [SCRIPT, IMG, `Bevinding ${IMG}`]) expect(plain).toContain(text);
      expect(nodes.filter((n) => n.type === 'heading').map((n) => (n as unknown as { children: { value?: string }[] }).children.map((c) => c.value).join(''))).not.toContain('Kop [link](javascript:window.__pwned=1) ![beeld](x) <b>vet</b> | cel |');

      const csv = await (await fetch(`${url}/api/studies/${studyId}/cards.csv`, { headers })).text();
      const rows: Record<string, string>[] = parse(csv, { delimiter: ';', columns: true, bom: true });
      const byText = rows.map((r) => r.tekst!);
      for (const formula of FORMULAS) expect(byText).toContain(`'${formula}`);
      for (const row of rows) for (const cell of Object.values(row)) expect(cell, 'no cell a spreadsheet would run').not.toMatch(/^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/);
      expect(byText).toContain(SCRIPT);
      expect(byText).toContain(IMG);
    } finally {
      f.disconnect();
    }
  });
});
