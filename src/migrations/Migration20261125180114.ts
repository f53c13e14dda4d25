import { Migration } from '@mikro-orm/migrations';

/** The first schema: workspaces, API keys, links, uploads, the audit trail and rate-limit counters. */
export class Migration20261125180114 extends Migration {

  override name = 'Migration20261125180114';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_events" ("id" uuid not null, "type" varchar(64) not null, "occurred_at" timestamptz(3) not null, "workspace_id" uuid not null, "link_id" uuid null, "upload_id" uuid null, "actor_kind" varchar(16) not null, "actor_id" uuid null, "client_ip" varchar(64) null, "user_agent" varchar(512) null, "detail" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "audit_events_upload_idx" on "audit_events" ("upload_id", "occurred_at");`);
    this.addSql(`create index "audit_events_link_idx" on "audit_events" ("link_id", "occurred_at");`);
    this.addSql(`create index "audit_events_workspace_newest_idx" on "audit_events" ("workspace_id", "occurred_at", "id");`);

    this.addSql(`create table "rate_limit_counters" ("key" varchar(128) not null, "window" bigint not null, "count" int not null, "expires_at" timestamptz(3) not null, primary key ("key", "window"));`);

    this.addSql(`create table "workspaces" ("id" uuid not null, "name" varchar(200) not null, "created_at" timestamptz(3) not null, primary key ("id"));`);

    this.addSql(`create table "intake_links" ("id" uuid not null, "workspace_id" uuid not null, "customer_slug" varchar(64) not null, "display_name" varchar(200) null, "token" varchar(64) not null, "token_sha256" varchar(64) not null, "created_at" timestamptz(3) not null, "expires_at" timestamptz(3) not null, "revoked_at" timestamptz(3) null, "max_uploads" int not null, "upload_count" int not null default 0, "last_upload_at" timestamptz(3) null, primary key ("id"));`);
    this.addSql(`alter table "intake_links" add constraint "intake_links_token_sha256_unique" unique ("token_sha256");`);
    this.addSql(`create index "intake_links_workspace_newest_idx" on "intake_links" ("workspace_id", "created_at", "id");`);
    this.addSql(`alter table "intake_links" add constraint "intake_links_upload_count_check" check (upload_count >= 0 and upload_count <= max_uploads);`);

    this.addSql(`create table "uploads" ("id" uuid not null, "link_id" uuid not null, "workspace_id" uuid not null, "customer_slug" varchar(64) not null, "filename" varchar(255) not null, "content_type" varchar(127) not null, "sha256" varchar(64) not null, "size_bytes" bigint not null, "received_at" timestamptz(3) not null, "scan_status" text not null default 'skipped', "storage_key" varchar(200) not null, "duplicate_of_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "uploads" add constraint "uploads_storage_key_unique" unique ("storage_key");`);
    this.addSql(`create index "uploads_workspace_sha256_idx" on "uploads" ("workspace_id", "sha256", "received_at");`);
    this.addSql(`create index "uploads_link_newest_idx" on "uploads" ("link_id", "received_at", "id");`);
    this.addSql(`alter table "uploads" add constraint "uploads_scan_status_check" check ("scan_status" in ('skipped', 'pending', 'clean', 'infected'));`);

    this.addSql(`create table "api_keys" ("id" uuid not null, "workspace_id" uuid not null, "secret_sha256" varchar(64) not null, "created_at" timestamptz(3) not null, "revoked_at" timestamptz(3) null, primary key ("id"));`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_secret_sha256_unique" unique ("secret_sha256");`);

    this.addSql(`alter table "intake_links" add constraint "intake_links_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on delete cascade;`);

    this.addSql(`alter table "uploads" add constraint "uploads_link_id_foreign" foreign key ("link_id") references "intake_links" ("id") on delete cascade;`);
    this.addSql(`alter table "uploads" add constraint "uploads_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on delete cascade;`);
    this.addSql(`alter table "uploads" add constraint "uploads_duplicate_of_id_foreign" foreign key ("duplicate_of_id") references "uploads" ("id") on delete set null;`);

    this.addSql(`alter table "api_keys" add constraint "api_keys_workspace_id_foreign" foreign key ("workspace_id") references "workspaces" ("id") on delete cascade;`);

    // The audit trail is append-only: health and legal records need a history nobody can rewrite,
    // so the database itself refuses UPDATE and DELETE, whatever code or person connects.
    this.addSql(`create function "audit_events_append_only"() returns trigger language plpgsql as $$ begin raise exception 'audit_events is append-only' using errcode = 'insufficient_privilege'; end; $$;`);
    this.addSql(`create trigger "audit_events_no_update" before update or delete on "audit_events" for each row execute function "audit_events_append_only"();`);
    this.addSql(`create trigger "audit_events_no_truncate" before truncate on "audit_events" for each statement execute function "audit_events_append_only"();`);
  }

}
