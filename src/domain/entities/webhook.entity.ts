import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Workspace } from './workspace.entity.js';

/**
 * A receiver of signed event deliveries. The secret is kept in the clear because signing needs it;
 * after a rotation the previous one keeps signing (beside the new one) until previous_secret_until.
 */
@Entity({ tableName: 'webhooks' })
@Index({ name: 'webhooks_workspace_newest_idx', properties: ['workspace', 'createdAt', 'id'] })
export class Webhook {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade' })
  workspace!: Workspace;

  @Property({ type: 'string', length: 2048 })
  url!: string;

  @Property({ type: 'json' })
  events: string[] = [];

  @Property({ type: 'boolean', default: true })
  enabled: boolean = true;

  @Property({ type: 'string', length: 500, nullable: true })
  description: string | null = null;

  @Property({ type: 'string', length: 64 })
  secret!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  previousSecret: string | null = null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  previousSecretUntil: Date | null = null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', length: 3, nullable: true })
  lastSuccessAt: Date | null = null;

  @Property({ type: 'int', default: 0 })
  consecutiveFailures: number = 0;

  /** The first failure since the last success: five days of it disables the endpoint. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  failingSince: Date | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  disabledReason: string | null = null;
}
