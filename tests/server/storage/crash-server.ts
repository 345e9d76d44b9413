import type { AddressInfo } from 'node:net';
import { buildApp } from '../../../server/app.ts';

/**
 * The real server in a process of its own, for tests that kill it (`node --import tsx
 * crash-server.ts`, with an IPC channel). It loads its code and says `warm`; the test then sends
 * `{ dataDir, compactAfterEntries }` and it loads that folder, listens on a free port and reports
 * the port and what it found on disk. Closes cleanly on SIGTERM, and not at all on SIGKILL.
 * Warming up apart from starting lets a test have the next server ready before it kills one.
 */
export interface StartMessage {
  dataDir: string;
  compactAfterEntries?: number;
}

if (!process.send) throw new Error('crash-server.ts needs an IPC channel');
process.once('message', (message: StartMessage) => {
  void start(message).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
process.send({ warm: true });

async function start({ dataDir, compactAfterEntries }: StartMessage): Promise<void> {
  const { app, repo, broken } = await buildApp({
    dataDir,
    clientDir: '/nonexistent',
    storage: compactAfterEntries ? { compactAfter: { entries: compactAfterEntries, bytes: 1 << 30 } } : {},
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.send!({ port: (app.server.address() as AddressInfo).port, broken, recovered: [...repo.recovered.values()] });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}
