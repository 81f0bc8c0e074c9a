/**
 * Compiles the launcher and resolves Neo4j's jars through Maven when out of date. The
 * first run downloads ~150 jars; Maven's output is condensed into one progress line
 * (one line per 25 artifacts when not on a terminal) instead of a minute of silence.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DB_DIR = path.dirname(fileURLToPath(import.meta.url));
const POM = path.join(DB_DIR, 'pom.xml');
const JAVA_SOURCES = path.join(DB_DIR, 'src/main/java/atlas/db');
const MAIN_CLASS_FILE = path.join(DB_DIR, 'target/classes/atlas/db/AtlasNeo4j.class');
const CLASSPATH_FILE = path.join(DB_DIR, 'target/classpath.txt');

/** A local-Neo4j problem the user can fix; its message is shown as is. */
export class LauncherError extends Error {
  override name = 'LauncherError';
}

function commandExists(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

function mtime(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
}

function newestSource(): number {
  const sources = fs.existsSync(JAVA_SOURCES)
    ? fs.readdirSync(JAVA_SOURCES).map((f) => path.join(JAVA_SOURCES, f))
    : [];
  return Math.max(mtime(POM), ...sources.map(mtime));
}

export function isBuilt(): boolean {
  const built = Math.min(mtime(MAIN_CLASS_FILE), mtime(CLASSPATH_FILE));
  return built > 0 && built >= newestSource();
}

/** Condenses Maven's batch-mode output into progress reports. */
export class MavenProgress {
  downloaded = 0;
  private lastReported = 0;
  constructor(
    private readonly report: (line: string) => void,
    /** Report every jar (a terminal's single overwritten line) or every 25 files (a log). */
    private readonly everyJar: boolean,
  ) {}

  line(text: string): void {
    const m = /^\[INFO\] Downloaded from [^:]+: \S+\/([^/\s]+) \(/.exec(text);
    if (!m) return;
    this.downloaded++;
    if (this.downloaded - this.lastReported >= 25 || (this.everyJar && m[1]!.endsWith('.jar'))) {
      this.lastReported = this.downloaded;
      this.report(`Maven: ${this.downloaded} files downloaded (latest ${m[1]})`);
    }
  }
}

export async function ensureBuilt(log: (msg: string) => void = () => {}): Promise<void> {
  if (!commandExists('java', ['-version'])) {
    throw new LauncherError(
      'Java 17+ is required to run the local Neo4j: install a JDK (e.g. apt-get install openjdk-17-jdk), or set NEO4J_URI to use your own Neo4j.',
    );
  }
  if (isBuilt()) return;
  if (!commandExists('mvn', ['-v'])) {
    throw new LauncherError(
      'Maven is required to fetch Neo4j the first time: install it (e.g. apt-get install maven), or set NEO4J_URI to use your own Neo4j.',
    );
  }
  log('Resolving Neo4j through Maven (first run only; cached in ~/.m2 afterwards)…');
  const tty = process.stdout.isTTY === true;
  const progress = new MavenProgress((line) => {
    if (tty) process.stdout.write(`\r\x1b[K[atlas] ${line}`);
    else log(line);
  }, tty);
  const output: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const mvn = spawn('mvn', ['-B', '-f', POM, 'compile'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let partial = '';
    const onData = (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) {
        output.push(l);
        if (output.length > 400) output.shift();
        progress.line(l);
      }
    };
    mvn.stdout.on('data', onData);
    mvn.stderr.on('data', onData);
    mvn.once('error', reject);
    mvn.once('close', (c) => resolve(c ?? 1));
  });
  if (tty && progress.downloaded > 0) process.stdout.write('\n');
  if (code !== 0) {
    const errors = output.filter((l) => l.startsWith('[ERROR]')).slice(0, 20);
    throw new LauncherError(
      `Maven build of db/ failed (exit ${code}):\n${(errors.length ? errors : output.slice(-30)).join('\n')}`,
    );
  }
  log(`Neo4j resolved${progress.downloaded ? ` (${progress.downloaded} files downloaded)` : ''}`);
}
