import 'reflect-metadata';
import { loadConfig } from './config/load-config.js';
import { buildOrmOptions } from './db/orm-options.js';

// For the MikroORM CLI only (migration:create, migration:up). The server builds its options in
// db/database.ts, where an embedded PostgreSQL may provide the URL.
const config = loadConfig(process.env);
if (!config.databaseUrl) {
  throw new Error('The MikroORM CLI needs DATABASE_URL (the embedded database only runs inside the server).');
}
export default buildOrmOptions(config.databaseUrl);
