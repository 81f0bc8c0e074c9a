/**
 * The validation worker's entry when the CLI runs from TypeScript sources (tests, tsx):
 * a worker thread starts without the parent's loaders, so it registers tsx and then loads
 * ingest/validate-worker.ts. The bundled CLI uses .data/ingest-validate-worker.mjs instead.
 */
import { register } from 'tsx/esm/api';

register();
await import('./validate-worker.ts');
