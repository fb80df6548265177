import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app: src/web -> dist/web. `npm run dev:web` serves it with hot reload and proxies /api
// to the API server on port 3000 (`npm run dev`).
const api = { '/api': { target: `http://localhost:${process.env.API_PORT ?? 3000}`, changeOrigin: false } };

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    // PACER_WEB_DIST lets parallel builds (e.g. two people running browser tests) use their own folder.
    outDir: resolve(process.env.PACER_WEB_DIST ?? 'dist/web'),
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173, proxy: api },
  preview: { port: 4173, proxy: api },
});
