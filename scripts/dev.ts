// npm run dev: the server with reload on PORT + 1 and Vite's dev server (hot reload) on PORT,
// which forwards /api and /socket.io to the server. Open http://localhost:PORT.
import { spawn, type ChildProcess } from 'node:child_process';
import { loadConfig } from '../server/config.ts';

const config = loadConfig();
const children: ChildProcess[] = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: String(config.port + 1), HOST: '127.0.0.1' },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--port', String(config.port), '--strictPort'], {
    stdio: 'inherit',
    env: process.env,
  }),
];

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => code !== 0 && code !== null && stop());
