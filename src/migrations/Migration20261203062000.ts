import { Migration } from '@mikro-orm/migrations';

/**
 * Marks as announced every link that expired before link.expired existed. Migration20261202160000
 * added expiry_announced_at null for every link, and the expiry job announces each expired link whose
 * mark is null, so the first start after that upgrade published link.expired (webhooks, live events)
 * for every historical expired link: stale announcements, possibly hundreds of thousands.
 *
 * The boundary is when Migration20261202160000 ran here (mikro_orm_migrations.executed_at, the table
 * named in db/orm-options.ts): a link that expired before it was never going to be announced, one that
 * expired at or after it is the job's, announced or not yet, and is left alone. Only null marks are
 * written (a deployment whose job already announced keeps its marks), and they get that moment, when
 * the event began, since no announcement was ever made. Names are matched with and without an
 * extension, as MikroORM's own storage does when it unlogs one.
 *
 * One set-based statement: on a million seeded links (935,757 to mark) it took 47 s and 88 s on a
 * busy two-core machine (bench/micro/expiry-backfill.ts), once, at the upgrade. Batching would not
 * shorten the row locks or the start, since all pending migrations commit in one transaction
 * (allOrNothing), only add statements. Locked rows are long-expired links, which nothing else writes.
 * Written by hand: it changes data, not the schema.
 */
export class Migration20261203062000 extends Migration {

  override name = 'Migration20261203062000';

  override up(): void | Promise<void> {
    this.addSql(`update "intake_links" set "expiry_announced_at" = event.existed_at
      from (select min("executed_at") as existed_at from "mikro_orm_migrations"
            where "name" in ('Migration20261202160000', 'Migration20261202160000.js', 'Migration20261202160000.ts')) as event
      where "intake_links"."expiry_announced_at" is null and "intake_links"."expires_at" < event.existed_at;`);
  }

}
