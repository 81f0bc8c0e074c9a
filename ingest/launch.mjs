/**
 * `npm run ingest` / `npm run validate`: runs ingest/cli.ts precompiled. Starting through
 * tsx transpiles ~40 modules on every run (3–5 s on a loaded 2-core machine, more than the
 * review's whole load); this bundles them once with esbuild into `.data/ingest-cli.mjs`
 * (npm packages stay external) and rebuilds only when a source file is newer than the
 * bundle. The bundle sits one folder below the project root, like ingest/*.ts and db/*.ts,
 * so their `import.meta.url`-relative paths (cypher/schema.cypher, .data/) still resolve.
 * If the bundle cannot be built, the CLI runs through tsx as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'ingest/cli.ts');
const bundle = path.join(root, '.data/ingest-cli.mjs');
const workerEntry = path.join(root, 'ingest/validate-worker.ts');
const workerBundle = path.join(root, '.data/ingest-validate-worker.mjs');
const meta = path.join(root, '.data/ingest-cli.inputs.json');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** The bundle is fresh when it is newer than every file it was built from and than the lock file. */
function isFresh() {
  const built = Math.min(mtime(bundle), mtime(workerBundle));
  if (!Number.isFinite(built)) return false;
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(meta, 'utf8'));
  } catch {
    return false;
  }
  return [...inputs, 'package-lock.json'].every((f) => mtime(path.join(root, f)) < built);
}

async function rebuild() {
  const { build } = await import('esbuild');
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  // Written under private names and renamed: two runs at once never see half a bundle.
  // The worker of parallel validation (ingest/validate-worker.ts) is bundled next to the
  // CLI, where ingest/parallel-validate.ts looks for it, and renamed first.
  const inputs = new Set();
  for (const [from, to] of [
    [workerEntry, workerBundle],
    [entry, bundle],
  ]) {
    const tmp = `${to}.${process.pid}.tmp`;
    const result = await build({
      entryPoints: [from],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: tmp,
      metafile: true,
      logLevel: 'silent',
    });
    for (const input of Object.keys(result.metafile.inputs)) inputs.add(input);
    if (to === bundle) {
      fs.writeFileSync(`${meta}.${process.pid}.tmp`, JSON.stringify([...inputs]));
      fs.renameSync(`${meta}.${process.pid}.tmp`, meta);
    }
    fs.renameSync(tmp, to);
  }
}

let target = pathToFileURL(bundle).href;
if (!isFresh()) {
  try {
    await rebuild();
  } catch (err) {
    console.error(`(could not precompile the ingest CLI, running it through tsx: ${err?.message ?? err})`);
    const { register } = await import('tsx/esm/api');
    register();
    target = pathToFileURL(entry).href;
  }
}
await import(target);
