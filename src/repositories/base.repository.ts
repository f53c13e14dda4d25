import type { MikroORM } from '@mikro-orm/postgresql';
import { parsePgTimestamp } from '../db/pg-timestamp.js';
import type { Tx } from '../db/unit-of-work.js';

/** Shared plumbing: a repository works inside the caller's transaction, or in a fresh context. */
export abstract class BaseRepository {
  constructor(protected readonly orm: MikroORM) {}

  protected em(tx?: Tx): Tx {
    return tx ?? this.orm.em.fork();
  }

  /** Runs parameterised SQL (`?` placeholders) and returns the rows. */
  protected async rows<T>(sql: string, params: unknown[], tx?: Tx): Promise<T[]> {
    // Outside a transaction the statement goes straight to the driver: a fork (a fresh identity map
    // and unit of work) per statement would only be thrown away, and it showed in the REST list's
    // profile. A fork has no transaction context either, so the statement runs the same way.
    if (!tx) return (await this.orm.driver.execute(sql, params, 'all')) as T[];
    return (await tx.execute(sql, params, 'all')) as T[];
  }
}

/** A timestamp column as a Date: the driver hands timestamptz over as PostgreSQL's text (or a Date). */
export function toDate(value: Date | string): Date;
export function toDate(value: Date | string | null): Date | null;
export function toDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : parsePgTimestamp(value);
}
