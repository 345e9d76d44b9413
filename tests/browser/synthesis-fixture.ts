import { joinAs, sendOk, uid } from '../server/helpers.ts';
import { collectingSession, type AppPage, type BrowserHarness } from './helpers.ts';

/** One card of a workshop and the digital votes it gets. */
export interface SynthesisCardSeed {
  text: string;
  votes?: number;
}

/**
 * Eight cards over several themes, as a small real workshop yields them. The innovation card has
 * the most votes and its theme one card only, so that a ranking by votes differs from the
 * codebook's order and from one by cards; the coffee card fits no theme.
 */
export const WORKSHOP_CARDS: SynthesisCardSeed[] = [
  { text: 'De tarieven dekken de kostprijs niet en de indexering is te laag', votes: 1 },
  { text: 'Het richttarief ligt ver onder de reële kostprijs van de zorg' },
  { text: 'Meerzorgaanvragen voor VG7 worden heel traag afgehandeld' },
  { text: 'Het zorgkantoor gaf veel te weinig ruimte voor een echte inkoopdialoog' },
  { text: 'Er was geen terugkoppeling op onze inbreng aan de gesprekstafels' },
  { text: 'De hoeveelheid opgevraagde documenten en diploma\'s kost ons dagen' },
  { text: 'Innovatiebudgetten hebben zoveel eisen en kpi\'s dat we er niet aan beginnen', votes: 3 },
  { text: 'Koffie was lekker' },
];

/**
 * A session in synthesis with `cards` added by a participant, who also cast the `votes` (so the
 * themes carry real digital votes), and the facilitator's console open on it. Disconnect
 * `sockets` when done.
 */
export async function consoleWithWorkshop(harness: BrowserHarness, cards: SynthesisCardSeed[] = WORKSHOP_CARDS) {
  const setup = await collectingSession(harness.server.url);
  const sessionId = setup.session.id;
  const columns = setup.snapshot.session.columns;
  const voters = await Promise.all([joinAs(harness.server.url, setup.code, 'Ann Jansen'), joinAs(harness.server.url, setup.code, 'Bram Oosterhuis')]);
  const ids = new Map<string, string>();
  for (const [i, card] of cards.entries()) {
    const id = uid();
    ids.set(card.text, id);
    await sendOk(voters[0]!.socket, 'card:add', { sessionId, id, columnId: columns[i % columns.length]!.id, text: card.text });
  }
  await sendOk(setup.socket, 'session:phase', { sessionId, phase: 'voting' });
  // Spread over the voters (a card takes up to three votes from each), well within their budgets.
  for (const card of cards) {
    for (let v = 0; v < (card.votes ?? 0); v++) {
      const voter = voters[v % voters.length]!;
      await sendOk(voter.socket, 'vote:cast', { sessionId, id: uid(), cardId: ids.get(card.text)! });
    }
  }
  await sendOk(setup.socket, 'session:phase', { sessionId, phase: 'synthesis' });
  const console: AppPage = await harness.newPage('facilitator');
  await console.page.setViewportSize({ width: 1366, height: 768 });
  await console.page.goto(`/f/${setup.studyId}/s/${sessionId}#key=${encodeURIComponent(setup.key)}`);
  await console.page.getByTestId('synthesis-panel').waitFor();
  await console.page.getByTestId('synthesis-card').nth(cards.length - 1).waitFor();
  return { console, sessionId, ids, setup, sockets: [setup.socket, ...voters.map((v) => v.socket)] };
}

/** WCAG contrast ratio of two `rgb(...)` colours. */
export function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
