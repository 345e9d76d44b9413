// The real app in its own process, storing to a temp folder, for the benchmarks.
// usage: app.ts DATA_DIR [OPTIONS_JSON], the JSON holding more buildApp options (e.g. limits).
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../server/app.ts';
import { serveStats } from './server-stats.ts';

type AppOptions = NonNullable<Parameters<typeof buildApp>[0]>;
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: app.ts DATA_DIR [OPTIONS_JSON]');
const extra = process.argv[3] ? (JSON.parse(process.argv[3]) as Partial<AppOptions>) : {};
const { app } = await buildApp({ ...extra, dataDir, clientDir: '/nonexistent' });
await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ port: (app.server.address() as AddressInfo).port });
serveStats();
process.on('message', (message: { type: string }) => {
  if (message.type === 'rss') process.send?.({ rss: process.memoryUsage().rss });
  if (message.type === 'close') {
    void app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  }
});
