import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { clientFiles } from './plugins/client-files.ts';
import { securityHeaders } from './plugins/security-headers.ts';
import { socketIoPlugin } from './plugins/socket-io.ts';
import { registerRealtime } from './realtime/index.ts';
import { createStudyMatrixFeed } from './realtime/study-matrix-feed.ts';
import { uniqueJoinCode } from './realtime/binding.ts';
import { apiRoutes } from './routes/api.ts';
import { joinRoutes } from './routes/join.ts';
import { studyFileRoutes } from './routes/study-files.ts';
import { surveyRoutes } from './routes/surveys.ts';
import { limitPerIp } from './security/http-limit.ts';
import { resolveLimits, type LimitOverrides } from './security/limits.ts';
import { windowLimiter } from './security/rate-limiter.ts';
import { createFileRepository, createMemoryRepository, type BrokenFile, type FileStorageOptions, type Repository } from './storage/repository.ts';

export interface AppOptions {
  /** Folder of the JSON files; without it, data lives in memory only. */
  dataDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** Built client to serve; defaults to dist/client. */
  clientDir?: string;
  clock?: () => number;
  /** File storage tuning (compaction threshold); tests lower it to compact often. */
  storage?: FileStorageOptions;
  /** Abuse limits other than the defaults (`server/security/limits.ts`). */
  limits?: LimitOverrides;
  /** Origins besides the request's own host whose pages may open a socket. */
  allowedOrigins?: readonly string[];
  /** Reverse proxies whose X-Forwarded-For is believed, for per-IP limits. */
  trustProxy?: number;
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
  const limits = resolveLimits(options.limits);
  const trustProxy = options.trustProxy ?? 0;
  // A hop count, read the same way as `clientIp` reads it for sockets.
  const proxies = trustProxy > 0 ? { trustProxy: (_address: string, hop: number) => hop < trustProxy } : {};
  // Fastify logs two lines per request at info; a facilitator who starts the server wants a
  // readable console, so requests are logged once, at debug (LOG_LEVEL=debug shows them).
  const app = Fastify({ logger: options.logger ?? false, logController: new LogController({ disableRequestLogging: true }), bodyLimit: 64 * 1024, ...proxies });
  app.addHook('onResponse', async (request, reply) => {
    request.log.debug({ method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  const repo = options.dataDir ? await createFileRepository(options.dataDir, options.storage) : createMemoryRepository();
  const broken = await repo.load();
  for (const file of broken) app.log.error({ file: file.file }, `Could not load ${file.message}`);
  for (const r of repo.recovered.values()) app.log.warn({ file: r.file, from: r.from }, `Recovered ${r.kind} ${r.id} from its previous version: ${r.file} ${r.reason}`);

  const joinCodes = new Map([...repo.sessions.values()].map((doc) => [doc.data.joinCode, doc.data.id]));
  // One budget per address for everything that creates (studies, imports, survey uploads).
  const limitCreates = limitPerIp(windowLimiter(limits.creates));
  // Wrong join codes count alike whether checked over HTTP or tried on the socket.
  const failedJoins = windowLimiter(limits.failedJoins);
  await app.register(securityHeaders);
  await app.register(socketIoPlugin, { allowedOrigins: options.allowedOrigins ?? [] });
  await app.register(apiRoutes(repo, clock, limitCreates));
  await app.register(joinRoutes({ repo, joinCodes, failedJoins }));
  await app.register(studyFileRoutes({ repo, joinCodes, newJoinCode: () => uniqueJoinCode(joinCodes), clock, limitCreates }));
  await app.register(surveyRoutes({ repo, clock, limitCreates }));
  await app.register(clientFiles(options.clientDir ?? DEFAULT_CLIENT_DIR));

  const studyMatrix = createStudyMatrixFeed({ io: app.io, repo });
  app.addHook('preClose', async () => studyMatrix.close());
  registerRealtime({
    studyMatrix,
    io: app.io,
    repo,
    log: app.log,
    joinCodes,
    clock,
    limits,
    failedJoins,
    joinsPerSocket: windowLimiter(limits.joins),
    joinsPerAddress: windowLimiter(limits.joinsPerAddress),
    trustProxy,
  });
  // Pending writes finish (and journals fold into snapshots) before the process lets go.
  app.addHook('onClose', async () => repo.close());
  return { app, repo, broken };
}
