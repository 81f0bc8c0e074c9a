import path from 'node:path';
import { defineConfig } from 'vite';

// Vite root is client/; the shared ontology lives one level up, so let the dev
// server read the repository root. /api goes to the Express API while developing
// (ATLAS_API=http://localhost:3003 for client/dev/mock-api.ts).
const repoRoot = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    target: 'es2022',
  },
  server: {
    port: 5173,
    fs: { allow: [repoRoot] },
    proxy: { '/api': { target: process.env.ATLAS_API ?? 'http://localhost:3002', changeOrigin: true } },
  },
  preview: {
    proxy: { '/api': { target: process.env.ATLAS_API ?? 'http://localhost:3002', changeOrigin: true } },
  },
});
