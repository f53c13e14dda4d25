import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { ACTOR_KIND_DESCRIPTIONS, ACTOR_KINDS, type ActorKind } from '../../domain/audit-vocabulary.js';
import type { AuditEventRecord } from '../../domain/records.js';
import { vocabularyEnum } from './vocabulary-enum.js';

const ActorKindEnum = vocabularyEnum(ACTOR_KINDS, {
  name: 'ActorKind',
  description: 'Who caused an audit event.',
  valueDescriptions: ACTOR_KIND_DESCRIPTIONS,
});

@ObjectType('AuditActor', { simpleResolvers: true })
export class AuditActorType {
  @Field(() => ActorKindEnum)
  kind!: ActorKind;

  @Field(() => ID, { nullable: true, description: 'The API key id, when an API key acted' })
  id!: string | null;
}

@ObjectType('AuditEvent', { simpleResolvers: true, description: 'One entry of the append-only audit trail.' })
export class AuditEventType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Dotted event type, e.g. link.created, upload.received, upload.downloaded' })
  type!: string;

  @Field()
  occurredAt!: Date;

  @Field(() => ID)
  workspaceId!: string;

  @Field(() => ID, { nullable: true })
  linkId!: string | null;

  @Field(() => ID, { nullable: true })
  uploadId!: string | null;

  @Field(() => AuditActorType)
  actor!: AuditActorType;

  @Field(() => String, { nullable: true })
  clientIp!: string | null;

  @Field(() => String, { nullable: true })
  userAgent!: string | null;

  @Field(() => GraphQLJSONObject, { description: 'Event-specific facts (filename, size, request id...)' })
  detail!: Record<string, unknown>;
}

export function toAuditEventType(event: AuditEventRecord): AuditEventType {
  return { ...event, actor: { kind: event.actor.kind, id: event.actor.id } };
}
