/**
 * Starts, stops and inspects the local embedded Neo4j (db/pom.xml + AtlasNeo4j.java).
 * The JVM is run directly from Maven's resolved classpath: `mvn exec` would add
 * seconds to every start.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DB_DIR = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = path.resolve(DB_DIR, '..');
const POM = path.join(DB_DIR, 'pom.xml');
const JAVA_SOURCE = path.join(DB_DIR, 'src/main/java/atlas/db/AtlasNeo4j.java');
const CLASSES = path.join(DB_DIR, 'target/classes');
const MAIN_CLASS_FILE = path.join(CLASSES, 'atlas/db/AtlasNeo4j.class');
const CLASSPATH_FILE = path.join(DB_DIR, 'target/classpath.txt');

export class LauncherError extends Error {
  override name = 'LauncherError';
}

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

const pidFile = (db: LocalDb) => path.join(db.home, 'atlas-neo4j.pid');
const logFile = (db: LocalDb) => path.join(db.home, 'atlas-neo4j.log');

function commandExists(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

function mtime(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
}

/** Compiles the launcher and resolves Neo4j's jars through Maven when out of date. */
export function ensureBuilt(log: (msg: string) => void = () => {}): void {
  if (!commandExists('java', ['-version'])) {
    throw new LauncherError(
      'Java 17+ is required to run the local Neo4j: install a JDK (e.g. apt-get install openjdk-17-jdk), or set NEO4J_URI to use your own Neo4j.',
    );
  }
  const built = Math.min(mtime(MAIN_CLASS_FILE), mtime(CLASSPATH_FILE));
  if (built > 0 && built >= Math.max(mtime(POM), mtime(JAVA_SOURCE))) return;
  if (!commandExists('mvn', ['-v'])) {
    throw new LauncherError(
      'Maven is required to fetch Neo4j the first time: install it (e.g. apt-get install maven), or set NEO4J_URI to use your own Neo4j.',
    );
  }
  log('Resolving Neo4j through Maven (first run only; cached in ~/.m2 afterwards)…');
  const result = spawnSync('mvn', ['-q', '-B', '-f', POM, 'compile'], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new LauncherError(`Maven build of db/ failed:\n${result.stdout}\n${result.stderr}`);
  }
}

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

function readPid(db: LocalDb): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile(db), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface DbStatus {
  running: boolean;
  pid?: number;
  port: number;
  home: string;
}

export async function status(db: LocalDb = localDb()): Promise<DbStatus> {
  const pid = readPid(db);
  const alive = pid !== undefined && isAlive(pid);
  const open = await isPortOpen(db.port);
  return { running: open, pid: alive ? pid : undefined, port: db.port, home: db.home };
}

export interface StartOptions {
  /** Keep running after this Node process exits (db:start); otherwise it's our child. */
  detached?: boolean;
  heap?: string;
  timeoutMs?: number;
  log?: (msg: string) => void;
}

export interface Started {
  /** False when a database was already listening and is reused. */
  startedHere: boolean;
  child?: ChildProcess;
  pid?: number;
  millis: number;
}

export async function start(db: LocalDb = localDb(), options: StartOptions = {}): Promise<Started> {
  const t0 = Date.now();
  const log = options.log ?? (() => {});
  if (await isPortOpen(db.port)) {
    log(`Neo4j already listening on 127.0.0.1:${db.port}; reusing it.`);
    return { startedHere: false, pid: readPid(db), millis: Date.now() - t0 };
  }
  ensureBuilt(log);
  fs.mkdirSync(db.home, { recursive: true });
  const classpath = `${CLASSES}${path.delimiter}${fs.readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
  const out = fs.openSync(logFile(db), 'w');
  const child = spawn(
    'java',
    [
      `-Xms256m`,
      `-Xmx${options.heap ?? '1g'}`,
      '-XX:+UseG1GC',
      '-cp',
      classpath,
      'atlas.db.AtlasNeo4j',
      db.home,
      String(db.port),
    ],
    { detached: options.detached ?? false, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  if (child.pid === undefined) throw new LauncherError('could not spawn java');
  fs.writeFileSync(pidFile(db), String(child.pid));
  if (options.detached) child.unref();

  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  while (Date.now() < deadline) {
    const text = fs.readFileSync(logFile(db), 'utf8');
    if (text.includes('READY bolt://')) {
      return { startedHere: true, child, pid: child.pid, millis: Date.now() - t0 };
    }
    if (exited !== null) {
      throw new LauncherError(
        `Neo4j exited with code ${exited} before it was ready; see ${logFile(db)}:\n${text.slice(-2000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new LauncherError(
    `Neo4j did not become ready within ${(options.timeoutMs ?? 180_000) / 1000}s; see ${logFile(db)}`,
  );
}

/** Sends SIGTERM (Neo4j shuts down cleanly on it) and waits for the process to go. */
export async function stop(db: LocalDb = localDb(), timeoutMs = 60_000): Promise<boolean> {
  const pid = readPid(db);
  if (pid === undefined || !isAlive(pid)) {
    fs.rmSync(pidFile(db), { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  fs.rmSync(pidFile(db), { force: true });
  return true;
}
