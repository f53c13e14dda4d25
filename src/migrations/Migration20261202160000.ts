import { Migration } from '@mikro-orm/migrations';

/**
 * Webhooks and their outbox (webhook_deliveries), and the mark that link.expired was announced.
 * Generated, then checked: the generator wanted to drop the audit trail's append-only trigger (it does
 * not model triggers); those lines are removed, the trigger stays.
 */
export class Migration20261202160000 extends Migration {

  override name = 'Migration20261202160000';

  override up(): void | Promise<void> {
    this.addSql(`create table "webhooks" ("id" uuid not null, "workspace_id" uuid not null, "url" varchar(2048) not null, "events" jsonb not null, "enabled" boolean not null default true, "description" varchar(500) null, "secret" varchar(64) not null, "previous_secret" varchar(64) null, "previous_secret_until" timestamptz(3) null, "created_at" timestamptz(3) not null, "last_success_at" timestamptz(3) null, "consecutive_failures" int not null default 0, "failing_since" timestamptz(3) null, "disabled_reason" varchar(200) null, primary key ("id"));`);
    this.addSql(`create index "webhooks_workspace_newest_idx" on "webhooks" ("workspace_id", "created_at", "id");`);

    this.addSql(`create table "webhook_deliveries" ("id" uuid not null, "webhook_id" uuid not null, "workspace_id" uuid not null, "event_type" varchar(64) not null, "body" text not null, "status" varchar(16) not null default 'pending', "attempts" int not null default 0, "next_attempt_at" timestamptz(3) null, "last_attempt_at" timestamptz(3) null, "last_status_code" int null, "last_duration_ms" int null, "last_error" varchar(500) null, "created_at" timestamptz(3) not null, "delivered_at" timestamptz(3) null, primary key ("id"));`);
    this.addSql(`create index "webhook_deliveries_webhook_newest_idx" on "webhook_deliveries" ("webhook_id", "created_at", "id");`);
    this.addSql(`create index "webhook_deliveries_due_idx" on "webhook_deliveries" ("status", "next_attempt_at");`);
    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_status_check" check ("status" in ('pending', 'succeeded', 'failed'));`);

    this.addSql(`alter table "intake_links" add "expiry_announced_at" timestamptz(3) null;`);

    this.addSql(`alter table "webhooks" add constraint "webhooks_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on delete cascade;`);

    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_webhook_id_foreign" foreign key ("webhook_id") references "webhooks" ("id") on delete cascade;`);
  }

}
