/** What every route needs, built once per app. */
import type { GraphDb } from './db/graph-db.js';
import type { CypherOptions } from './queries/cypher.js';

export interface AppContext {
  db: GraphDb;
  cypher: CypherOptions;
  /** Folder of saved questions (*.cypher). */
  questionsDir: string;
  log: (message: string) => void;
}
