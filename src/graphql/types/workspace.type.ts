import { Field, ID, ObjectType } from 'type-graphql';
import type { ApiKeyRecord, WorkspaceRecord } from '../../domain/records.js';
import type { IssuedApiKey } from '../../services/workspace.service.js';

@ObjectType('Workspace', { simpleResolvers: true, description: 'A tenant: its links, uploads, keys and audit trail are its own.' })
export class WorkspaceType {
  @Field(() => ID, { description: 'The workspace id (a UUID)' })
  id!: string;

  @Field({ description: 'The name given at creation' })
  name!: string;

  @Field({ description: 'When the workspace was created' })
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'Where an e-mail goes when files arrive (at most one per link per 10 minutes); null for none' })
  notifyEmail!: string | null;
}

@ObjectType('ApiKey', { simpleResolvers: true, description: 'An API key as listed: never its secret.' })
export class ApiKeyType {
  @Field(() => ID, { description: 'The key id, to revoke it' })
  id!: string;

  @Field({ description: 'When the key was issued' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; null while it works' })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key last authenticated a request (to the minute); null if never' })
  lastUsedAt!: Date | null;
}

@ObjectType('IssuedApiKey', { simpleResolvers: true, description: 'A newly issued key: the only time its secret is shown.' })
export class IssuedApiKeyType {
  @Field(() => ID, { description: 'The key id, to list or revoke it' })
  id!: string;

  @Field({ description: 'The secret (ilk_...), shown once: send it as "Authorization: Bearer <secret>"' })
  secret!: string;

  @Field({ description: 'When the key was issued' })
  createdAt!: Date;
}

@ObjectType('CreatedWorkspace', { simpleResolvers: true, description: 'A new workspace and its first API key.' })
export class CreatedWorkspaceType {
  @Field(() => WorkspaceType, { description: 'The workspace' })
  workspace!: WorkspaceType;

  @Field(() => IssuedApiKeyType, { description: 'Its first API key (the secret is shown once)' })
  apiKey!: IssuedApiKeyType;
}

export function toWorkspaceType(workspace: WorkspaceRecord): WorkspaceType {
  return { id: workspace.id, name: workspace.name, createdAt: workspace.createdAt, notifyEmail: workspace.notifyEmail };
}

export function toApiKeyType(key: ApiKeyRecord): ApiKeyType {
  return { id: key.id, createdAt: key.createdAt, revokedAt: key.revokedAt, lastUsedAt: key.lastUsedAt };
}

export function toIssuedApiKeyType(key: IssuedApiKey): IssuedApiKeyType {
  return { id: key.id, secret: key.secret, createdAt: key.createdAt };
}
