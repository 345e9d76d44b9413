import { readStoredSession } from '../../server/storage/repository.ts';
import type { Session } from '../../shared/schemas/session.ts';
import type { SessionRig } from './load-ledger.ts';

/** What reading the stored sessions back found. */
export interface Integrity {
  /** Acknowledged cards and votes missing, and last acknowledged poll answers not as stored. */
  lost: number;
  /** Things stored more often than they were sent. */
  duplicated: number;
  /** Commands the server refused that are stored anyway. */
  refusedButStored: number;
  /** Commands without an ack (unknown outcome) that are stored: allowed, for information. */
  unackedStored: number;
  /** The first few problems, for people. */
  notes: string[];
}

const tagOf = (text: string): string => /#([0-9a-f]{8})$/.exec(text)?.[1] ?? text;

/** Compares one stored session with what its participants were told. */
export function checkSession(stored: Session | null, rig: SessionRig, into: Integrity): void {
  const note = (text: string) => void (into.notes.length < 10 && into.notes.push(`session ${rig.index + 1}: ${text}`));
  const cards = Object.values(stored?.cards ?? {});
  const votes = Object.values(stored?.votes ?? {});
  const tags = new Map<string, number>();
  for (const card of cards) tags.set(tagOf(card.text), (tags.get(tagOf(card.text)) ?? 0) + 1);
  for (const [tag, n] of tags) if (n > 1) (into.duplicated += n - 1), note(`${n} cards with tag #${tag}`);

  const poll = rig.pollId !== null ? stored?.polls[rig.pollId] : undefined;
  const known = new Set(rig.participants.map((p) => p.id));
  for (const p of rig.participants) {
    const theirCards = cards.filter((c) => c.author.kind === 'participant' && c.author.participantId === p.id);
    const theirVotes = votes.filter((v) => v.voterId === p.id);
    for (const id of p.cards) if (!stored?.cards[id]) (into.lost += 1), note(`acked card ${id} missing`);
    for (const id of p.votes) if (!stored?.votes[id]) (into.lost += 1), note(`acked vote ${id} missing`);
    for (const id of [...p.cardsRefused, ...p.votesRefused]) if (stored?.cards[id] || stored?.votes[id]) into.refusedButStored++;
    into.unackedStored += [...p.cardsUnknown].filter((id) => stored?.cards[id]).length + [...p.votesUnknown].filter((id) => stored?.votes[id]).length;
    const extraCards = theirCards.length - p.cards.size - p.cardsUnknown.size;
    const extraVotes = theirVotes.length - p.votes.size - p.votesUnknown.size;
    if (extraCards > 0) (into.duplicated += extraCards), note(`participant ${p.id}: ${extraCards} cards more than sent`);
    if (extraVotes > 0) (into.duplicated += extraVotes), note(`participant ${p.id}: ${extraVotes} votes more than sent`);
    if (p.answer !== null && !p.answerUnknown) {
      const storedAnswer = poll && Object.hasOwn(poll.answers, p.id) ? poll.answers[p.id] : undefined;
      if (JSON.stringify(storedAnswer) !== JSON.stringify(p.answer)) (into.lost += 1), note(`participant ${p.id}: poll answer ${JSON.stringify(storedAnswer)} stored, ${JSON.stringify(p.answer)} acked`);
    }
  }
  // Answers are one per participant by construction (a record by id); anybody else's is extra.
  for (const id of Object.keys(poll?.answers ?? {})) if (!known.has(id)) (into.duplicated += 1), note(`poll answer from unknown ${id}`);
}

/** Reads every session of the run from `dataDir` (snapshot plus journal) and checks it. */
export async function verifyStored(dataDir: string, rigs: SessionRig[]): Promise<Integrity> {
  const integrity: Integrity = { lost: 0, duplicated: 0, refusedButStored: 0, unackedStored: 0, notes: [] };
  for (const rig of rigs) {
    const stored = await readStoredSession(dataDir, rig.sessionId);
    if (!stored) integrity.notes.push(`session ${rig.index + 1}: nothing stored`);
    checkSession(stored, rig, integrity);
  }
  return integrity;
}
