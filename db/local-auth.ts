/**
 * The local Neo4j's password: generated on first start, kept in the data directory with
 * mode 0600 so other local users cannot read it, and handed to the JVM as a file path
 * (a command line is visible to every user).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const LOCAL_USER = 'neo4j';

export function passwordFile(home: string): string {
  return path.join(home, 'neo4j-password');
}

/** The stored password, or undefined when the database was never started here. */
export function readLocalPassword(home: string): string | undefined {
  try {
    const password = fs.readFileSync(passwordFile(home), 'utf8').trim();
    return password.length > 0 ? password : undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Creates the password file when missing (0600) and tightens its mode when too open. */
export function ensureLocalPassword(home: string): string {
  fs.mkdirSync(home, { recursive: true });
  const file = passwordFile(home);
  try {
    fs.writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const password = readLocalPassword(home);
  if (!password) throw new Error(`${file} is empty: delete it and start again to generate a new password`);
  return password;
}
