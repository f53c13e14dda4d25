import { Migration } from '@mikro-orm/migrations';

/**
 * Virus scanning: the latest verdict's signature, engine and time on each upload. Hand-written
 * (MikroORM's diff also wants to drop the audit trail's append-only trigger, which must never go).
 * pg-boss installs its own tables in the `pgboss` schema when the job queue starts.
 */
export class Migration20261202154555 extends Migration {
  override name = 'Migration20261202154555';

  override up(): void | Promise<void> {
    this.addSql(`alter table "uploads" add "scan_signature" varchar(255) null, add "scan_engine" varchar(255) null, add "scanned_at" timestamptz(3) null;`);
    // The operator status asks for the oldest pending upload; only pending rows are indexed.
    this.addSql(`create index "uploads_scan_pending_idx" on "uploads" ("received_at") where "scan_status" = 'pending';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "uploads_scan_pending_idx";`);
    this.addSql(`alter table "uploads" drop column "scan_signature", drop column "scan_engine", drop column "scanned_at";`);
  }
}
