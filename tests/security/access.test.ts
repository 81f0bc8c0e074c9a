/**
 * A server bound to a non-loopback HOST needs ATLAS_TOKEN or --public-read-only, says
 * which mode it runs in, and with a token refuses /api requests that lack it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../db/launcher.js';
import { freePort } from '../global-setup.js';
import { testNeo4jConfig } from '../helpers/neo4j.js';

const TSX = path.join(PROJECT_ROOT, 'node_modules/.bin/tsx');
const running: ChildProcess[] = [];

function serve(env: Record<string, string>, args: string[] = []) {
  const config = testNeo4jConfig();
  const child = spawn(TSX, ['server/main.ts', ...args], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: config.uri,
      NEO4J_USER: config.user,
      NEO4J_PASSWORD: config.password,
      NEO4J_DATABASE: config.database,
      ATLAS_TOKEN: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
  const waitFor = async (pattern: RegExp, ms = 60_000) => {
    const deadline = Date.now() + ms;
    while (!pattern.test(output)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no ${pattern} in output:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return output;
  };
  return { child, exited, waitFor, output: () => output };
}

afterEach(() => {
  for (const c of running.splice(0)) if (c.exitCode === null) c.kill('SIGTERM');
});

describe('binding to a non-loopback HOST', () => {
  it('refuses to start without ATLAS_TOKEN or --public-read-only, and says what to do', async () => {
    const port = await freePort();
    const s = serve({ HOST: '0.0.0.0', PORT: String(port) });
    expect(await s.exited).toBe(2);
    expect(s.output()).toMatch(/HOST=0\.0\.0\.0 is not a loopback address: set ATLAS_TOKEN .* --public-read-only/);
    // Nothing listened in the meantime.
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  });

  it('with ATLAS_TOKEN requires the bearer token on every /api request', async () => {
    const port = await freePort();
    const token = 'a-long-enough-test-token-1234';
    const s = serve({ HOST: '0.0.0.0', PORT: String(port), ATLAS_TOKEN: token });
    await s.waitFor(/access: token required/);
    const url = `http://127.0.0.1:${port}`;
    const none = await fetch(`${url}/api/health`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await fetch(`${url}/api/cypher`, {
      method: 'POST',
      headers: { authorization: 'Bearer not-the-token-at-all-000', 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'RETURN 1 AS one' }),
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${url}/api/cypher`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'RETURN 1 AS one' }),
    });
    expect(right.status).toBe(200);
    expect((await right.json()).rows).toEqual([{ one: 1 }]);
  });

  it('with --public-read-only serves without a token and says so', async () => {
    const port = await freePort();
    const s = serve({ HOST: '0.0.0.0', PORT: String(port) }, ['--public-read-only']);
    await s.waitFor(/access: PUBLIC read-only/);
    const res = await fetch(`http://127.0.0.1:${port}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'RETURN 2 AS two' }),
    });
    expect(res.status).toBe(200);
  });

  it('on loopback needs neither', async () => {
    const port = await freePort();
    const s = serve({ HOST: '127.0.0.1', PORT: String(port) });
    await s.waitFor(/access: loopback only/);
    expect(
      (
        await fetch(`http://127.0.0.1:${port}/api/cypher`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'RETURN 3 AS three' }),
        })
      ).status,
    ).toBe(200);
  });
});
