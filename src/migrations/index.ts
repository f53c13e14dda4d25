import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125180114 } from './Migration20261125180114.js';
import { Migration20261202151104 } from './Migration20261202151104.js';
import { Migration20261202151143 } from './Migration20261202151143.js';
import { Migration20261202151500 } from './Migration20261202151500.js';
import { Migration20261202151600 } from './Migration20261202151600.js';
import { Migration20261202154555 } from './Migration20261202154555.js';
import { Migration20261202160000 } from './Migration20261202160000.js';
import { Migration20261202162727 } from './Migration20261202162727.js';
import { Migration20261203062000 } from './Migration20261203062000.js';

/**
 * The migrations, in order. Listed explicitly (not discovered by file globbing) so the same list
 * runs from compiled dist/ and from the TypeScript sources under test. Add each new migration here.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261125180114', class: Migration20261125180114 },
  { name: 'Migration20261202151104', class: Migration20261202151104 },
  { name: 'Migration20261202151143', class: Migration20261202151143 },
  { name: 'Migration20261202151500', class: Migration20261202151500 },
  { name: 'Migration20261202151600', class: Migration20261202151600 },
  { name: 'Migration20261202154555', class: Migration20261202154555 },
  { name: 'Migration20261202160000', class: Migration20261202160000 },
  { name: 'Migration20261202162727', class: Migration20261202162727 },
  { name: 'Migration20261203062000', class: Migration20261203062000 },
];
