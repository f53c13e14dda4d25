import { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';
import { buildOrmOptions } from './orm-options.js';

/** The database connection of a running server. */
export interface Database {
  orm: MikroORM;
  /** The connection URL (DATABASE_URL or the embedded server's), for the job queue's own pool and the LISTEN connection. */
  url: string;
  /** True while PostgreSQL answers a trivial query (for /readyz). */
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

// Arbitrary, fixed: the advisory-lock key under which one process at a time migrates.
const MIGRATION_LOCK_KEY = 7_249_310_554;

/**
 * Applies the pending migrations. Several server processes may start together on one fresh
 * database: a transaction-scoped advisory lock lets one migrate while the others wait, then find
 * nothing left to do.
 */
export async function migrate(orm: MikroORM): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
    await orm.migrator.up();
  });
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL when it is unset, then applies the
 * checked-in migrations. Nothing else creates or alters tables.
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, logger: Logger): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  const url = config.databaseUrl ?? (embedded = await startEmbeddedPostgres(config.dataDir, logger)).url;
  let orm: MikroORM;
  try {
    orm = await MikroORM.init(buildOrmOptions(url, { debug: false }));
    await migrate(orm);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    orm,
    url,
    isReachable: async () => {
      try {
        await orm.em.fork().execute('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
