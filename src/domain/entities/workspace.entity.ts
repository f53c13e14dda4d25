import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A tenant: an operator's organisation. Every link, upload and audit event belongs to one. */
@Entity({ tableName: 'workspaces' })
export class Workspace {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  /** Where arrival notices go (optional e-mail to operators who run no webhook receiver). */
  @Property({ type: 'string', length: 320, nullable: true })
  notifyEmail: string | null = null;
}
