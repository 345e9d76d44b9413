import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { clientFiles } from './plugins/client-files.ts';
import { socketIoPlugin } from './plugins/socket-io.ts';
import { registerRealtime } from './realtime/index.ts';
import { uniqueJoinCode } from './realtime/binding.ts';
import { apiRoutes } from './routes/api.ts';
import { studyFileRoutes } from './routes/study-files.ts';
import { surveyRoutes } from './routes/surveys.ts';
import { createFileRepository, createMemoryRepository, type BrokenFile, type Repository } from './storage/repository.ts';

export interface AppOptions {
  /** Folder of the JSON files; without it, data lives in memory only. */
  dataDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** Built client to serve; defaults to dist/client. */
  clientDir?: string;
  clock?: () => number;
}

export interface BuiltApp {
  app: FastifyInstance;
  repo: Repository;
  broken: BrokenFile[];
}

const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../dist/client', import.meta.url));

/** Composition root: storage, HTTP, socket and realtime handlers. Not listening yet. */
export async function buildApp(options: AppOptions = {}): Promise<BuiltApp> {
  const clock = options.clock ?? Date.now;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 64 * 1024 });
  const repo = options.dataDir ? await createFileRepository(options.dataDir) : createMemoryRepository();
  const broken = await repo.load();
  for (const file of broken) app.log.error({ file: file.file }, `Could not load ${file.message}`);

  const joinCodes = new Map([...repo.sessions.values()].map((doc) => [doc.data.joinCode, doc.data.id]));
  await app.register(socketIoPlugin);
  await app.register(apiRoutes(repo, clock));
  await app.register(studyFileRoutes({ repo, joinCodes, newJoinCode: () => uniqueJoinCode(joinCodes), clock }));
  await app.register(surveyRoutes({ repo, clock }));
  await app.register(clientFiles(options.clientDir ?? DEFAULT_CLIENT_DIR));

  registerRealtime({ io: app.io, repo, log: app.log, joinCodes, clock });
  // Pending writes finish (and journals fold into snapshots) before the process lets go.
  app.addHook('onClose', async () => repo.close());
  return { app, repo, broken };
}
