import type { AddressInfo } from 'node:net';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

/** Starts the server: one port for the client, the API and the socket. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const { app } = await buildApp({
    dataDir: config.dataDir,
    logger: { level: config.logLevel },
    allowedOrigins: config.allowedOrigins,
    trustProxy: config.trustProxy,
  });
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  // One plain line for the person who started it: where to point the browser, and where the data goes.
  const host = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host;
  process.stdout.write(`Werksessie draait op http://${host.includes(':') ? `[${host}]` : host}:${port} (gegevens in ${config.dataDir})\n`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
