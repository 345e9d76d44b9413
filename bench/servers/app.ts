// The real app in its own process, storing to a temp folder, for the benchmarks.
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../server/app.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: app.ts DATA_DIR');
const { app } = await buildApp({ dataDir, clientDir: '/nonexistent' });
await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ port: (app.server.address() as AddressInfo).port });
process.on('message', (message: { type: string }) => {
  if (message.type === 'rss') process.send?.({ rss: process.memoryUsage().rss });
  if (message.type === 'close') void app.close().then(() => process.exit(0));
});
