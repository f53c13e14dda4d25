import { Migration } from '@mikro-orm/migrations';

/**
 * API keys remember when they were last used, so an operator can tell a live key from a forgotten one.
 * Written by hand: MikroORM's diff does not see the audit trail's append-only trigger and would drop it.
 */
export class Migration20261202151143 extends Migration {
  override name = 'Migration20261202151143';

  override up(): void | Promise<void> {
    this.addSql(`alter table "api_keys" add "last_used_at" timestamptz(3) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "api_keys" drop column "last_used_at";`);
  }
}
