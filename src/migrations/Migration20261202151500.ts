import { Migration } from '@mikro-orm/migrations';

/**
 * Slots held by resumable (tus) uploads in flight: a link counts them against max_uploads from the
 * moment an upload is created, so a link with 5 slots left never accepts a 6th file however many
 * uploads race. `upload_reservations` names each held slot (the sweep releases the expired ones).
 */
export class Migration20261202151500 extends Migration {

  override name = 'Migration20261202151500';

  override up(): void | Promise<void> {
    this.addSql(`alter table "intake_links" add column "reserved_uploads" int not null default 0;`);
    this.addSql(`alter table "intake_links" add constraint "intake_links_reserved_uploads_check" check (reserved_uploads >= 0 and upload_count + reserved_uploads <= max_uploads);`);

    this.addSql(`create table "upload_reservations" ("id" uuid not null, "link_id" uuid not null, "created_at" timestamptz(3) not null, "expires_at" timestamptz(3) not null, primary key ("id"));`);
    this.addSql(`create index "upload_reservations_expires_idx" on "upload_reservations" ("expires_at");`);
    this.addSql(`alter table "upload_reservations" add constraint "upload_reservations_link_id_foreign" foreign key ("link_id") references "intake_links" ("id") on delete cascade;`);
  }

}
