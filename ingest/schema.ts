/** Applies cypher/schema.cypher: idempotent statements, one transaction each. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';

export const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cypher/schema.cypher');

/** Splits a .cypher file into statements, dropping `//` comment lines. */
export function schemaStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function applySchema(driver: Driver, database: string): Promise<number> {
  const statements = schemaStatements(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  for (const statement of statements) {
    // Schema commands may not share a transaction with anything else.
    await driver.executeQuery(statement, {}, { database });
  }
  // Queries right after ingest should see populated indexes.
  await driver.executeQuery('CALL db.awaitIndexes(120)', {}, { database });
  return statements.length;
}
