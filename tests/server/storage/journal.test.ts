import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCard, deleteCard, editCard } from '../../../shared/domain/cards.ts';
import { castVote } from '../../../shared/domain/votes.ts';
import type { Session } from '../../../shared/schemas/session.ts';
import { SessionSchema } from '../../../shared/schemas/session.ts';
import { coalescingDocument } from '../../../server/storage/document.ts';
import { CorruptFileError } from '../../../server/storage/errors.ts';
import { ValidatedJsonFile } from '../../../server/storage/json-file-adapter.ts';
import { createJournal } from '../../../server/storage/journal.ts';
import { documentPath, journalPath } from '../../../server/storage/paths.ts';
import { readStoredSession } from '../../../server/storage/repository.ts';
import { applyPatch, diffSession } from '../../../server/storage/session-patch.ts';
import { sessionCodec } from '../../../server/storage/codecs.ts';
import { journaledPersistence } from '../../../server/storage/journaled-persistence.ts';
import { ANN, BOB, FACILITATOR, T0, columnId, makeSession, participant, unwrap, withParticipant } from '../../shared/fixtures.ts';
import { tempDataDir } from '../helpers.ts';

/** A session after a realistic run of changes, with every intermediate state. */
function history(): Session[] {
  let s = withParticipant(withParticipant(makeSession({ phase: 'collecting' }), ANN, 'Ann'), BOB, 'Bob');
  const states = [s];
  const step = (next: Session) => states.push((s = next));
  for (let i = 0; i < 6; i++) {
    step(unwrap(addCard(s, participant(i % 2 ? ANN : BOB), { sessionId: s.id, id: `card-00000${i}`, columnId: columnId(s, i % 2), domain: null, text: `Kaart ${i}`, anonymous: i === 3 }, T0 + i)).session);
  }
  step(unwrap(editCard(s, FACILITATOR, { sessionId: s.id, id: 'card-000001', text: 'Aangepast' }, T0 + 10)).session);
  step(unwrap(deleteCard(s, FACILITATOR, 'card-000002', T0 + 11)).session);
  step({ ...s, phase: 'voting', revealed: true, updatedAt: T0 + 12 });
  step(unwrap(castVote(s, participant(ANN), 'vote-0000001', 'card-000000', T0 + 13)).session);
  step(unwrap(castVote(s, participant(BOB), 'vote-0000002', 'card-000000', T0 + 14)).session);
  const { ['vote-0000001']: _gone, ...votes } = s.votes;
  step({ ...s, votes, updatedAt: T0 + 15 });
  return states;
}

describe('session patches', () => {
  it('rebuild every state from the previous one, and applying a patch twice changes nothing more', () => {
    const states = history();
    let rebuilt = states[0]!;
    for (let i = 1; i < states.length; i++) {
      const patch = diffSession(states[i - 1]!, states[i]!);
      expect(patch).not.toBeNull();
      rebuilt = applyPatch(rebuilt, patch!);
      expect(rebuilt).toEqual(states[i]);
      expect(applyPatch(rebuilt, patch!)).toEqual(states[i]);
    }
  });

  it('carry only what changed', () => {
    const states = history();
    const patch = diffSession(states[6]!, states[7]!)!; // the edit of one card
    expect(Object.keys(patch.cards ?? {})).toEqual(['card-000001']);
    expect(patch.votes).toBeUndefined();
    expect(patch.participants).toBeUndefined();
    expect(diffSession(states[3]!, states[3]!)).toBeNull();
  });
});

describe('the journaled session store', () => {
  let data: { dir: string; remove: () => Promise<void> };
  beforeEach(async () => {
    data = await tempDataDir();
  });
  afterEach(async () => data.remove());

  async function storeWith(initial: Session, limits = { entries: 1000, bytes: 1 << 30 }) {
    const snapshot = new ValidatedJsonFile(documentPath(data.dir, 'session', initial.id), SessionSchema);
    await snapshot.write(initial);
    const journal = createJournal(journalPath(data.dir, initial.id));
    const doc = coalescingDocument(journaledPersistence(snapshot, journal, sessionCodec, initial, { limits }), initial, 'test');
    return { doc, journal };
  }

  it('has every acknowledged change on disk without a clean close (a crash), and only appends to the journal', async () => {
    const states = history();
    const { doc } = await storeWith(states[0]!);
    const snapshotBefore = await readFile(documentPath(data.dir, 'session', states[0]!.id), 'utf8');
    for (const state of states.slice(1)) await doc.set(state);
    // No close: what a SIGKILL would leave.
    expect(await readStoredSession(data.dir, states[0]!.id)).toEqual(states.at(-1));
    expect(await readFile(documentPath(data.dir, 'session', states[0]!.id), 'utf8')).toBe(snapshotBefore);
  });

  it('folds the journal into the snapshot past its limit, and on close', async () => {
    const states = history();
    const { doc, journal } = await storeWith(states[0]!, { entries: 4, bytes: 1 << 30 });
    for (const state of states.slice(1, 5)) await doc.set(state);
    expect(journal.entries).toBe(0);
    const snapshot = SessionSchema.parse(JSON.parse(await readFile(documentPath(data.dir, 'session', states[0]!.id), 'utf8')));
    expect(snapshot).toEqual(states[4]);
    for (const state of states.slice(5, 8)) await doc.set(state);
    expect(journal.entries).toBe(3);
    await doc.close();
    // The folded journal becomes the previous one: the previous snapshot plus it give the new one.
    await expect(stat(journalPath(data.dir, states[0]!.id))).rejects.toMatchObject({ code: 'ENOENT' });
    const previous = SessionSchema.parse(JSON.parse(await readFile(`${documentPath(data.dir, 'session', states[0]!.id)}.prev`, 'utf8')));
    expect(previous).toEqual(states[4]);
    expect((await readFile(`${journalPath(data.dir, states[0]!.id)}.prev`, 'utf8')).trim().split('\n')).toHaveLength(3);
    expect(await readStoredSession(data.dir, states[0]!.id)).toEqual(states[7]);
  });

  it('drops a torn last line (an append that never completed) and cuts it before the next append', async () => {
    const states = history();
    const { doc } = await storeWith(states[0]!);
    await doc.set(states[1]!);
    const file = journalPath(data.dir, states[0]!.id);
    await appendFile(file, '{"cards":{"card-9999":{"id":"car');
    expect(await readStoredSession(data.dir, states[0]!.id)).toEqual(states[1]);

    // A server started on this folder appends after the last complete line.
    const journal = createJournal(file);
    const restarted = coalescingDocument(
      journaledPersistence(new ValidatedJsonFile(documentPath(data.dir, 'session', states[0]!.id), SessionSchema), journal, sessionCodec, states[1]!, { limits: { entries: 1000, bytes: 1 << 30 } }),
      states[1]!,
      'test',
    );
    await journal.read();
    await restarted.set(states[2]!);
    expect(await readStoredSession(data.dir, states[0]!.id)).toEqual(states[2]);
    expect(await readFile(file, 'utf8')).not.toContain('car\n');
  });

  it('refuses a journal with a broken line in the middle or a change that breaks the session, naming the journal', async () => {
    const states = history();
    const { doc } = await storeWith(states[0]!);
    await doc.set(states[1]!);
    const file = journalPath(data.dir, states[0]!.id);
    const good = await readFile(file, 'utf8');

    await writeFile(file, `garbage\n${good}`);
    await expect(readStoredSession(data.dir, states[0]!.id)).rejects.toThrow(CorruptFileError);
    await expect(readStoredSession(data.dir, states[0]!.id)).rejects.toThrow(file);

    await writeFile(file, `${good}${JSON.stringify({ cards: { 'card-000000': { id: 'card-000000', text: 42 } } })}\n`);
    await expect(readStoredSession(data.dir, states[0]!.id)).rejects.toThrow(/session-.*\.journal.*invalid session/);

    await writeFile(file, `${good}[1,2,3]\n`);
    await expect(readStoredSession(data.dir, states[0]!.id)).rejects.toThrow(/not a change record/);
  });

  it('rolls back when the journal cannot be written, and stores the next change once the disk recovers', async () => {
    const states = history();
    const { doc, journal } = await storeWith(states[0]!);
    const original = journal.append.bind(journal);
    let failing = true;
    journal.append = async (entry) => {
      if (failing) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return original(entry);
    };
    await expect(doc.set(states[1]!)).rejects.toThrow(/Could not write/);
    expect(doc.data).toBe(states[0]);
    failing = false;
    await doc.set(states[1]!);
    expect(await readStoredSession(data.dir, states[0]!.id)).toEqual(states[1]);
  });
});
