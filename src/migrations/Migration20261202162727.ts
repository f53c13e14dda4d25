import { Migration } from '@mikro-orm/migrations';

/**
 * Arrival e-mails: the workspace's notify_email, and per link when the last notice went out and the
 * newest upload it listed. Generated, then checked: the generator also wanted to drop the audit
 * trail's append-only trigger, the webhook_deliveries status check and the pending-scan index (none of
 * which it models); those lines are removed, they stay.
 */
export class Migration20261202162727 extends Migration {

  override name = 'Migration20261202162727';

  override up(): void | Promise<void> {
    this.addSql(`alter table "workspaces" add "notify_email" varchar(320) null;`);

    this.addSql(`alter table "intake_links" add "arrival_notice_sent_at" timestamptz(3) null, add "arrival_noticed_through" timestamptz(3) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "intake_links" drop column "arrival_notice_sent_at", drop column "arrival_noticed_through";`);

    this.addSql(`alter table "workspaces" drop column "notify_email";`);
  }

}
