import type { MikroORM } from '@mikro-orm/postgresql';
import type { Tx } from '../db/unit-of-work.js';

/** Shared plumbing: a repository works inside the caller's transaction, or in a fresh context. */
export abstract class BaseRepository {
  constructor(protected readonly orm: MikroORM) {}

  protected em(tx?: Tx): Tx {
    return tx ?? this.orm.em.fork();
  }

  /** Runs parameterised SQL (`?` placeholders) and returns the rows. */
  protected async rows<T>(sql: string, params: unknown[], tx?: Tx): Promise<T[]> {
    return (await this.em(tx).execute(sql, params, 'all')) as T[];
  }
}

/** A timestamp column as a Date (the driver already returns Dates; this keeps null handling in one place). */
export function toDate(value: Date | string): Date;
export function toDate(value: Date | string | null): Date | null;
export function toDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}
