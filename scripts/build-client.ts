/** Builds client/ with Vite when its sources (or the shared ontology) changed since the last build. */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../db/launcher.js';

export const CLIENT_DIR = path.join(PROJECT_ROOT, 'client');
export const CLIENT_DIST = path.join(CLIENT_DIR, 'dist');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (full === CLIENT_DIST || entry.name === 'node_modules') continue;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function clientIsStale(): boolean {
  const index = path.join(CLIENT_DIST, 'index.html');
  if (!fs.existsSync(index)) return true;
  const sources = Math.max(newestMtime(CLIENT_DIR), newestMtime(path.join(PROJECT_ROOT, 'ontology')));
  return fs.statSync(index).mtimeMs < sources;
}

/** Returns true when it built. */
export async function buildClientIfStale(): Promise<boolean> {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'vite.config.ts')) || !clientIsStale()) return false;
  const { build } = await import('vite');
  await build({
    configFile: path.join(CLIENT_DIR, 'vite.config.ts'),
    logLevel: 'warn',
    // Rolldown's "plugins took significant time" warning (PLUGIN_TIMINGS) only reports
    // a loaded machine; it is not something a researcher can act on.
    build: { rolldownOptions: { checks: { bundlerTimings: false } } },
  });
  return true;
}
