import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { ENTITIES } from '../domain/entities/index.js';
import { MIGRATIONS } from '../migrations/index.js';

/** Options shared by the server and the MikroORM CLI; only the connection differs between them. */
export function buildOrmOptions(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    // The schema is owned by the checked-in migrations; never let the ORM guess at start.
    ensureDatabase: false,
    // Every unit of work forks its own EntityManager; the global one must never hold state.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: 10, idleTimeoutMillis: 10_000 },
    driverOptions: { connectionTimeoutMillis: 5_000 },
    migrations: {
      tableName: 'mikro_orm_migrations',
      silent: true,
      path: 'dist/migrations',
      pathTs: 'src/migrations',
      emit: 'ts',
      snapshotName: '.snapshot',
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
    },
    ...overrides,
  });
}
