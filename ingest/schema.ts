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

/** Names of the indexes and constraints the database has. */
export async function schemaNames(driver: Driver, database: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const command of ['SHOW INDEXES YIELD name', 'SHOW CONSTRAINTS YIELD name']) {
    const result = await driver.executeQuery(`${command} RETURN name`, {}, { database });
    for (const r of result.records) names.add(r.get('name') as string);
  }
  return names;
}

/** The name a `CREATE … <name> IF NOT EXISTS` statement gives its index or constraint. */
export function statementName(statement: string): string | undefined {
  return /^CREATE\s+(?:\w+\s+)*?(?:INDEX|CONSTRAINT)\s+(\w+)\s+IF\s+NOT\s+EXISTS/i.exec(statement)?.[1];
}

/** Applies the statements whose index or constraint does not exist yet; returns how many ran. */
export async function applySchema(driver: Driver, database: string): Promise<number> {
  return (await applySchemaReturningNames(driver, database)).applied;
}

/** applySchema, also returning the names of the indexes and constraints that exist now. */
export async function applySchemaReturningNames(
  driver: Driver,
  database: string,
): Promise<{ applied: number; names: Set<string> }> {
  const statements = schemaStatements(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  const existing = await schemaNames(driver, database);
  let applied = 0;
  for (const statement of statements) {
    const name = statementName(statement);
    if (name && existing.has(name)) continue;
    // Schema commands may not share a transaction with anything else.
    await driver.executeQuery(statement, {}, { database });
    if (name) existing.add(name);
    applied++;
  }
  // Queries right after ingest should see populated indexes.
  if (applied > 0) await driver.executeQuery('CALL db.awaitIndexes(120)', {}, { database });
  return { applied, names: existing };
}
