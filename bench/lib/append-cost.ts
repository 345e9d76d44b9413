import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createJournal } from '../../server/storage/journal.ts';

/** Send-to-done times of single appends: through the app's journal (fdatasync) and plain. */
export interface AppendCost {
  fsync: number[];
  plain: number[];
}

// About the size of a patch the journal gets for one card.
const ENTRY = {
  cards: { set: { 'f1c2a3b4-0000-4000-8000-000000000000': { text: 'inkoop gemeente tarief dialoog uitvraag contract standaard administratie kostprijs', columnId: 'column-1', domain: 'Wlz', anonymous: false, handVotes: 0, createdAt: 1763650000000, updatedAt: 1763650000000, deletedAt: null, mergedInto: null } } },
  updatedAt: 1763650000000,
};

/**
 * Appends `rounds` blocks of `perBlock` entries in `dir`, taking turns between the journal (each
 * append fdatasync'd before it resolves) and a plain append to an open file, so that drift in
 * the machine's load hits both alike.
 */
export async function measureAppendCost(dir: string, rounds = 4, perBlock = 50): Promise<AppendCost> {
  const journalFile = join(dir, 'append-cost.journal');
  const plainFile = join(dir, 'append-cost.plain');
  const journal = createJournal(journalFile);
  const plain = await open(plainFile, 'a');
  const cost: AppendCost = { fsync: [], plain: [] };
  const line = `${JSON.stringify(ENTRY)}\n`;
  try {
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < perBlock; i++) {
        const start = performance.now();
        await journal.append(ENTRY);
        cost.fsync.push(performance.now() - start);
      }
      for (let i = 0; i < perBlock; i++) {
        const start = performance.now();
        await plain.appendFile(line, 'utf8');
        cost.plain.push(performance.now() - start);
      }
    }
  } finally {
    await journal.close();
    await plain.close();
    await rm(journalFile, { force: true });
    await rm(plainFile, { force: true });
  }
  return cost;
}
