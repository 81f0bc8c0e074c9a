/**
 * Process hygiene of the local Neo4j: authentication with a private generated password,
 * PID files checked by command line before anything is signalled, a data directory in
 * use refused with one line naming its holder, and a second `npm start` on a busy port
 * failing before it touches the database.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver, startedNeo4jConfig } from '../../db/connection.js';
import { LauncherError, type LocalDb, logFile, PROJECT_ROOT, pidFile, start, stop } from '../../db/launcher.js';
import { passwordFile } from '../../db/local-auth.js';
import { freePort, TEST_HEAP } from '../global-setup.js';

const TSX = path.join(PROJECT_ROOT, 'node_modules/.bin/tsx');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a PID file that names an unrelated live process', () => {
  it('db:stop removes it as stale and signals nothing', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-pid-'));
    const sleeper: ChildProcess = spawn('sleep', ['120'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(path.join(home, 'atlas-neo4j.pid'), String(sleeper.pid));
      const result = spawnSync(TSX, ['db/cli.ts', 'stop'], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, NEO4J_URI: '', NEO4J_HOME_DIR: home, NEO4J_BOLT_PORT: String(await freePort()) },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(
        new RegExp(`stale PID file \\(pid ${sleeper.pid} is now another program: sleep 120`),
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(isAlive(sleeper.pid!)).toBe(true);
      expect(sleeper.exitCode).toBeNull();
      expect(fs.existsSync(path.join(home, 'atlas-neo4j.pid'))).toBe(false);
    } finally {
      sleeper.kill('SIGKILL');
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('a local Neo4j of its own', () => {
  let db: LocalDb;
  let password: string;
  let driver: Driver;
  let pid: number | undefined;

  beforeAll(async () => {
    const port = await freePort();
    db = { home: path.join(PROJECT_ROOT, `.data/neo4j-process-${port}`), port };
    const started = await start(db, { heap: TEST_HEAP });
    password = started.password;
    pid = started.pid;
    driver = createDriver(startedNeo4jConfig(port, password));
  }, 240_000);

  afterAll(async () => {
    await driver?.close();
    if (db) {
      await stop(db, { timeoutMs: 30_000 });
      fs.rmSync(db.home, { recursive: true, force: true });
    }
  }, 60_000);

  it('keeps its generated password in a 0600 file and refuses a wrong one', async () => {
    expect(fs.statSync(passwordFile(db.home)).mode & 0o777).toBe(0o600);
    expect(password.length).toBeGreaterThanOrEqual(24);
    const { records } = await driver.executeQuery('RETURN 1 AS one', {}, { routing: neo4j.routing.READ });
    expect(records[0]?.get('one')).toBe(1);
    for (const wrong of ['', 'neo4j', `${password}x`]) {
      const intruder = neo4j.driver(`bolt://127.0.0.1:${db.port}`, neo4j.auth.basic('neo4j', wrong));
      try {
        await expect(intruder.verifyConnectivity()).rejects.toMatchObject({
          code: expect.stringMatching(/^Neo\.ClientError\.Security\./),
        });
      } finally {
        await intruder.close();
      }
    }
  });

  it('refuses a second start on its data directory with one line naming the holder, touching nothing', async () => {
    const pidBefore = fs.readFileSync(pidFile(db), 'utf8');
    const logBefore = fs.readFileSync(logFile(db), 'utf8');
    const other: LocalDb = { home: db.home, port: await freePort() };
    const err = await start(other, { heap: TEST_HEAP }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LauncherError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain(`data directory ${db.home} is in use by another Neo4j (pid ${pid}:`);
    expect(message).toContain('atlas.db.AtlasNeo4j');
    expect(fs.readFileSync(pidFile(db), 'utf8')).toBe(pidBefore);
    expect(fs.readFileSync(logFile(db), 'utf8')).toBe(logBefore);
    const { records } = await driver.executeQuery('RETURN 1 AS one', {}, { routing: neo4j.routing.READ });
    expect(records[0]?.get('one')).toBe(1);
  });

  it('a second npm start on a busy HTTP port fails before any schema or data reaches the database', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const busyPort = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(TSX, ['scripts/start.ts'], {
          cwd: PROJECT_ROOT,
          env: {
            ...process.env,
            PORT: String(busyPort),
            HOST: '127.0.0.1',
            NEO4J_URI: `bolt://127.0.0.1:${db.port}`,
            NEO4J_USER: 'neo4j',
            NEO4J_PASSWORD: password,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.once('exit', (code) => resolve({ code, output }));
      });
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(new RegExp(`port ${busyPort} on 127\\.0\\.0\\.1 is already in use`));
      // This database was empty: no schema, no nodes after the failed start.
      const nodes = await driver.executeQuery('MATCH (n) RETURN count(n) AS n');
      expect(nodes.records[0]?.get('n')).toBe(0);
      const constraints = await driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN count(*) AS n');
      expect(constraints.records[0]?.get('n')).toBe(0);
      const indexes = await driver.executeQuery("SHOW INDEXES YIELD type WHERE type <> 'LOOKUP' RETURN count(*) AS n");
      expect(indexes.records[0]?.get('n')).toBe(0);
    } finally {
      blocker.close();
    }
  }, 120_000);
});
