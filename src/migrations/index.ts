import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125180114 } from './Migration20261125180114.js';
import { Migration20261202151500 } from './Migration20261202151500.js';
import { Migration20261202151600 } from './Migration20261202151600.js';
import { Migration20261202154555 } from './Migration20261202154555.js';

/**
 * The migrations, in order. Listed explicitly (not discovered by file globbing) so the same list
 * runs from compiled dist/ and from the TypeScript sources under test. Add each new migration here.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261125180114', class: Migration20261125180114 },
  { name: 'Migration20261202151500', class: Migration20261202151500 },
  { name: 'Migration20261202151600', class: Migration20261202151600 },
  { name: 'Migration20261202154555', class: Migration20261202154555 },
];
