import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

/** An open transaction; repositories accept one to take part in it. */
export type Tx = EntityManager;

/** Runs work in one database transaction: all of it is committed, or none of it. */
export class UnitOfWork {
  constructor(private readonly orm: MikroORM) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.orm.em.fork().transactional(work);
  }
}
