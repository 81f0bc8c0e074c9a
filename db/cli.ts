/** `npm run db:start | db:stop | db:status` for the local embedded Neo4j. */
import { localDb, start, status, stop, LauncherError } from './launcher.js';
import { neo4jConfigFromEnv } from './connection.js';

async function main(command: string | undefined): Promise<number> {
  const config = neo4jConfigFromEnv();
  if (!config.managed) {
    console.log(`NEO4J_URI is set (${config.uri}); the local Neo4j is not used.`);
    return 0;
  }
  const db = localDb();
  switch (command) {
    case 'start': {
      const started = await start(db, { detached: true, log: console.log });
      console.log(
        started.startedHere
          ? `Neo4j started on bolt://127.0.0.1:${db.port} in ${(started.millis / 1000).toFixed(1)}s (pid ${started.pid}, data ${db.home})`
          : `Neo4j already running on bolt://127.0.0.1:${db.port}`,
      );
      return 0;
    }
    case 'stop': {
      const stopped = await stop(db, { log: console.log });
      console.log(stopped ? 'Neo4j stopped.' : `Neo4j was not running (no live PID file in ${db.home}).`);
      return 0;
    }
    case 'status': {
      const s = await status(db);
      console.log(
        s.running
          ? `running on bolt://127.0.0.1:${s.port}${s.pid ? ` (pid ${s.pid})` : ''}, data ${s.home}`
          : `not running (port ${s.port}), data ${s.home}`,
      );
      return s.running ? 0 : 3;
    }
    default:
      console.error('usage: tsx db/cli.ts start|stop|status');
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof LauncherError ? `error: ${err.message}` : err);
    process.exit(1);
  },
);
