// Browser tests against an already running API (no test Neo4j):
//   ATLAS_E2E_URL=http://127.0.0.1:3003 npx vitest run --config client/dev/vitest.e2e.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.test.ts'],
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
