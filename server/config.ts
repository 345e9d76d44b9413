import { resolve } from 'node:path';
import { z } from 'zod';
import { originOf } from './security/origin.ts';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Folder of the lowdb JSON files. */
  DATA_DIR: z.string().min(1).default('sessions'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Public origin for join links when behind a proxy, e.g. https://werksessie.example.nl */
  PUBLIC_URL: z.url().optional(),
  /** More origins whose pages may open a socket, comma-separated, e.g. https://a.example,https://b.example */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'each entry must be an origin like https://werksessie.example.nl' }))),
  /** Reverse proxies in front of the server whose X-Forwarded-For is believed (0: none). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  publicUrl: string | undefined;
  /** Origins, besides the server's own host, allowed to open a socket: PUBLIC_URL's and ALLOWED_ORIGINS. */
  allowedOrigins: string[];
  trustProxy: number;
};

/** Reads the environment; a bad value stops the start with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const allowedOrigins = [...new Set([...(e.PUBLIC_URL ? [e.PUBLIC_URL] : []), ...e.ALLOWED_ORIGINS].map(originOf))];
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL,
    allowedOrigins,
    trustProxy: e.TRUST_PROXY,
  };
}
