import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A fixed one-minute window of the shared rate-limit store (used when several server processes share
 * one database). Two adjacent windows approximate a rolling minute; old windows are deleted as they
 * fall out of use.
 */
@Entity({ tableName: 'rate_limit_counters' })
export class RateLimitCounter {
  @PrimaryKey({ type: 'string', length: 128 })
  key!: string;

  /** Start of the window, in whole minutes since the epoch. */
  @PrimaryKey({ type: 'bigint' })
  window!: number;

  @Property({ type: 'integer' })
  count!: number;

  @Property({ type: 'datetime', length: 3 })
  expiresAt!: Date;
}
