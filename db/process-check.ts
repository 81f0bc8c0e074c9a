/**
 * Which process holds a local Neo4j data directory, checked by command line so that a
 * PID file left behind by a crash never makes us signal an unrelated process that has
 * since been given the same PID.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export interface Holder {
  pid: number;
  command: string;
}

/** The command line of a live process, or undefined when there is none. */
export function commandLine(pid: number): string | undefined {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.replace(/\0+$/, '').split('\0').join(' ');
  } catch {
    // No /proc (macOS): ask ps.
    if (fs.existsSync('/proc/self')) return undefined;
    const ps = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
    return ps.status === 0 && ps.stdout.trim() ? ps.stdout.trim() : undefined;
  }
}

/** True when the command line is AtlasNeo4j (mainClass) running on exactly this data directory. */
export function isNeo4jFor(command: string, home: string, mainClass: string): boolean {
  const args = command.split(' ');
  const at = args.indexOf(mainClass);
  return at >= 0 && args[at + 1] === home;
}

export type PidFileState =
  | { kind: 'none' }
  | { kind: 'stale'; reason: string }
  | { kind: 'live'; pid: number; command: string };

export function pidFileState(file: string, home: string, mainClass: string): PidFileState {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch {
    return { kind: 'none' };
  }
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) return { kind: 'stale', reason: `${file} holds "${text.slice(0, 40)}"` };
  const command = commandLine(pid);
  if (command === undefined) return { kind: 'stale', reason: `pid ${pid} is no longer running` };
  if (!isNeo4jFor(command, home, mainClass)) {
    return { kind: 'stale', reason: `pid ${pid} is now another program: ${command.slice(0, 120)}` };
  }
  return { kind: 'live', pid, command };
}

/** The AtlasNeo4j process on this data directory: from its PID file, else by scanning processes. */
export function findHolder(home: string, file: string, mainClass: string): Holder | undefined {
  const state = pidFileState(file, home, mainClass);
  if (state.kind === 'live') return { pid: state.pid, command: state.command };
  for (const pid of listPids()) {
    if (pid === process.pid) continue;
    const command = commandLine(pid);
    if (command && isNeo4jFor(command, home, mainClass)) return { pid, command };
  }
  return undefined;
}

function listPids(): number[] {
  if (fs.existsSync('/proc/self')) {
    return fs
      .readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  }
  const ps = spawnSync('ps', ['-axo', 'pid='], { encoding: 'utf8' });
  return ps.status === 0
    ? ps.stdout
        .split('\n')
        .map(Number)
        .filter((n) => n > 0)
    : [];
}
