/**
 * Starts, stops and inspects the local embedded Neo4j (db/pom.xml + AtlasNeo4j.java).
 * The JVM is run directly from Maven's resolved classpath: `mvn exec` would add
 * seconds to every start.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLocalPassword, passwordFile } from './local-auth.js';
import { ensureBuilt, LauncherError } from './maven.js';
import { findHolder, pidFileState, type Holder } from './process-check.js';
import { isAlive } from './pid.js';

const DB_DIR = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = path.resolve(DB_DIR, '..');
const CLASSES = path.join(DB_DIR, 'target/classes');
const CLASSPATH_FILE = path.join(DB_DIR, 'target/classpath.txt');
export const MAIN_CLASS = 'atlas.db.AtlasNeo4j';

export { ensureBuilt, LauncherError };

export interface LocalDb {
  home: string;
  port: number;
}

export function localDb(env: NodeJS.ProcessEnv = process.env): LocalDb {
  return {
    home: path.resolve(PROJECT_ROOT, env.NEO4J_HOME_DIR ?? '.data/neo4j'),
    port: Number(env.NEO4J_BOLT_PORT ?? 7687),
  };
}

export const pidFile = (db: LocalDb) => path.join(db.home, 'atlas-neo4j.pid');
export const logFile = (db: LocalDb) => path.join(db.home, 'atlas-neo4j.log');

/** Default JVM heap of the local Neo4j (NEO4J_HEAP overrides). */
export const DEFAULT_HEAP = '1536m';

/**
 * Default page cache (NEO4J_PAGECACHE overrides): fits a laptop next to the default heap.
 * A store larger than the page cache is read from disk on every miss, which is what slows
 * a load past ~1M relationships; give a large graph a page cache as large as its store.
 */
export const DEFAULT_PAGECACHE = '512m';

function sizeMiB(what: string, value: string): number {
  const m = /^(\d+)([mg])$/i.exec(value.trim());
  if (!m) throw new LauncherError(`${what} size must look like 768m or 2g, got "${value}"`);
  return Number(m[1]) * (m[2]!.toLowerCase() === 'g' ? 1024 : 1);
}

/** Heap size as "768m", "1536m" or "2g" → MiB. */
export function heapMiB(heap: string): number {
  const mib = sizeMiB('heap', heap);
  if (mib < 512) throw new LauncherError(`heap size ${heap} is below the 512m Neo4j needs`);
  return mib;
}

/** Page cache size as "512m" or "4g" → MiB (at least 64m). */
export function pageCacheMiB(size: string): number {
  const mib = sizeMiB('page cache (NEO4J_PAGECACHE)', size);
  if (mib < 64) throw new LauncherError(`page cache size ${size} is below 64m`);
  return mib;
}

/**
 * Memory bounds derived from the heap, so that a query Neo4j accounts for fails with a
 * memory-limit error long before the heap is at risk: all transactions together get
 * 40% of the heap, one transaction 20%; above 55% live heap after a collection the
 * heap guard (HeapGuard.java) stops the worker running a query Neo4j does not account for.
 * The young generation is fixed at an eighth of the heap, so a runaway query cannot add
 * more than that between two of the guard's checks.
 */
export function memorySettings(heap: string): {
  settings: Record<string, string>;
  heapGuard: number;
  youngGen: string;
} {
  const mib = heapMiB(heap);
  return {
    settings: {
      'dbms.memory.transaction.total.max': `${Math.floor(mib * 0.4)}m`,
      'db.memory.transaction.max': `${Math.floor(mib * 0.2)}m`,
    },
    heapGuard: 0.55,
    youngGen: `${Math.max(64, Math.floor(mib / 8))}m`,
  };
}

/** Everything else the launcher sets on top of AtlasNeo4j's defaults. */
export const BOUNDED_SETTINGS: Record<string, string> = {
  // The API holds at most ~20 connections; 400 idle worker threads would only cost memory.
  'server.bolt.thread_pool_max_size': '64',
  // A transaction waiting for a lock (only ingest writes) gives up instead of hanging.
  'db.lock.acquisition.timeout': '30s',
};

export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface DbStatus {
  running: boolean;
  pid?: number;
  port: number;
  home: string;
}

export async function status(db: LocalDb = localDb()): Promise<DbStatus> {
  const holder = findHolder(db.home, pidFile(db), MAIN_CLASS);
  const open = await isPortOpen(db.port);
  return { running: open, pid: holder?.pid, port: db.port, home: db.home };
}

export interface StartOptions {
  /** Keep running after this Node process exits (db:start); otherwise it's our child. */
  detached?: boolean;
  /** JVM heap, e.g. "768m"; memory pools are derived from it. Default NEO4J_HEAP or 1536m. */
  heap?: string;
  /** Page cache, e.g. "2g". Default NEO4J_PAGECACHE or 512m. */
  pageCache?: string;
  timeoutMs?: number;
  log?: (msg: string) => void;
}

export interface Started {
  /** False when a database was already listening and is reused. */
  startedHere: boolean;
  child?: ChildProcess;
  pid?: number;
  millis: number;
  /** Password of user neo4j on this database (from the data directory's password file). */
  password: string;
}

function describe(holder: Holder): string {
  // The classpath is thousands of characters; the main class and its arguments say who it is.
  const command = holder.command.replace(/ -(cp|classpath) \S+/, ' -cp …');
  return `pid ${holder.pid}: ${command.length > 240 ? `${command.slice(0, 240)}…` : command}`;
}

/** Rotates a log that grew past 5 MB; the log is appended to, never overwritten. */
function openLog(db: LocalDb): { fd: number; offset: number } {
  const file = logFile(db);
  if (fs.existsSync(file) && fs.statSync(file).size > 5_000_000) fs.renameSync(file, `${file}.1`);
  const fd = fs.openSync(file, 'a');
  return { fd, offset: fs.fstatSync(fd).size };
}

function readFrom(file: string, offset: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buf = Buffer.alloc(Math.max(0, size - offset));
    fs.readSync(fd, buf, 0, buf.length, offset);
    return buf.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

export async function start(db: LocalDb = localDb(), options: StartOptions = {}): Promise<Started> {
  const t0 = Date.now();
  const log = options.log ?? (() => {});
  const heap = options.heap ?? process.env.NEO4J_HEAP ?? DEFAULT_HEAP;
  const memory = memorySettings(heap);
  const pageCache = options.pageCache ?? process.env.NEO4J_PAGECACHE ?? DEFAULT_PAGECACHE;
  const pageCacheSetting = `${pageCacheMiB(pageCache)}m`;
  const holder = findHolder(db.home, pidFile(db), MAIN_CLASS);
  if (await isPortOpen(db.port)) {
    if (!holder) {
      throw new LauncherError(
        `port ${db.port} is in use by another program, not by the local Neo4j of ${db.home}: stop it or set NEO4J_BOLT_PORT`,
      );
    }
    log(`Neo4j already listening on 127.0.0.1:${db.port}; reusing it.`);
    return { startedHere: false, pid: holder.pid, millis: Date.now() - t0, password: ensureLocalPassword(db.home) };
  }
  if (holder) {
    throw new LauncherError(
      `data directory ${db.home} is in use by another Neo4j (${describe(holder)}); stop it first (npm run db:stop)`,
    );
  }
  const stale = pidFileState(pidFile(db), db.home, MAIN_CLASS);
  if (stale.kind === 'stale') {
    fs.rmSync(pidFile(db), { force: true });
    log(`removed a stale PID file (${stale.reason})`);
  }
  await ensureBuilt(log);
  const password = ensureLocalPassword(db.home);
  const classpath = `${CLASSES}${path.delimiter}${fs.readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
  const settings = {
    ...memory.settings,
    ...BOUNDED_SETTINGS,
    'server.memory.pagecache.size': pageCacheSetting,
  };
  const { fd, offset } = openLog(db);
  fs.writeSync(
    fd,
    `--- ${new Date().toISOString()} starting Neo4j (heap ${heap}, page cache ${pageCacheSetting}) on 127.0.0.1:${db.port}\n`,
  );
  const child = spawn(
    'java',
    [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      '-XX:+UseG1GC',
      // A small, fixed young generation: the heap guard checks after every collection, so
      // this bounds how far a runaway query can allocate between two checks.
      `-Xmn${memory.youngGen}`,
      // Should the heap guard miss, exit loudly rather than limp on after an OOM.
      '-XX:+ExitOnOutOfMemoryError',
      `-Datlas.heapGuard=${memory.heapGuard}`,
      '-cp',
      classpath,
      MAIN_CLASS,
      db.home,
      String(db.port),
      passwordFile(db.home),
      ...Object.entries(settings).map(([k, v]) => `${k}=${v}`),
    ],
    { detached: options.detached ?? false, stdio: ['ignore', fd, fd] },
  );
  fs.closeSync(fd);
  if (child.pid === undefined) throw new LauncherError('could not spawn java');
  fs.writeFileSync(pidFile(db), String(child.pid));
  if (options.detached) child.unref();

  const timeoutMs = options.timeoutMs ?? 180_000;
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  const forgetPid = () => {
    if (fs.existsSync(pidFile(db)) && fs.readFileSync(pidFile(db), 'utf8').trim() === String(child.pid)) {
      fs.rmSync(pidFile(db), { force: true });
    }
  };
  while (Date.now() < deadline) {
    const text = readFrom(logFile(db), offset);
    if (text.includes(`READY bolt://127.0.0.1:${db.port}`)) {
      return { startedHere: true, child, pid: child.pid, millis: Date.now() - t0, password };
    }
    const error = /^ERROR (.*)$/m.exec(text);
    if (exited !== null || error) {
      forgetPid();
      throw new LauncherError(
        error
          ? `Neo4j did not start: ${error[1]} (log: ${logFile(db)})`
          : `Neo4j exited with code ${exited} before it was ready; see ${logFile(db)}:\n${text.slice(-2000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  forgetPid();
  throw new LauncherError(`Neo4j did not become ready within ${timeoutMs / 1000}s; see ${logFile(db)}`);
}

export interface StopOptions {
  /** After this long a clean shutdown is given up and the JVM is killed (SIGKILL). */
  timeoutMs?: number;
  log?: (msg: string) => void;
}

/**
 * Sends SIGTERM (Neo4j shuts down cleanly on it) and waits for the process to go, then
 * SIGKILL after the deadline. Only a process whose command line is this data directory's
 * AtlasNeo4j is ever signalled; a PID file naming anything else is removed as stale.
 */
export async function stop(db: LocalDb = localDb(), options: StopOptions | number = {}): Promise<boolean> {
  const { timeoutMs = 30_000, log = () => {} } = typeof options === 'number' ? { timeoutMs: options } : options;
  const state = pidFileState(pidFile(db), db.home, MAIN_CLASS);
  if (state.kind === 'none') return false;
  if (state.kind === 'stale') {
    fs.rmSync(pidFile(db), { force: true });
    log(`removed a stale PID file (${state.reason}); nothing was signalled`);
    return false;
  }
  const { pid } = state;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (isAlive(pid)) {
    log(`Neo4j (pid ${pid}) did not stop within ${timeoutMs / 1000}s; killing it (SIGKILL)`);
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await new Promise((r) => setTimeout(r, 100));
  }
  fs.rmSync(pidFile(db), { force: true });
  return true;
}
