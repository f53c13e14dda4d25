import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LINK_STATUS_DESCRIPTIONS, LINK_STATUSES, type LinkStatus } from '../../domain/link-status.js';
import type { LinkView } from '../../services/link.service.js';
import { vocabularyEnum } from './vocabulary-enum.js';

const IntakeLinkStatusEnum = vocabularyEnum(LINK_STATUSES, {
  name: 'IntakeLinkStatus',
  description: 'Computed from the link at the moment it is read; precedence REVOKED, EXPIRED, EXHAUSTED, ACTIVE.',
  valueDescriptions: LINK_STATUS_DESCRIPTIONS,
});

@ObjectType('IntakeLink', { simpleResolvers: true, description: 'A shareable upload link for one customer.' })
export class IntakeLinkType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The workspace the link belongs to' })
  workspaceId!: string;

  @Field({ description: 'Customer identifier (slug format)' })
  customerSlug!: string;

  @Field(() => String, { nullable: true, description: 'Name shown on the upload page' })
  displayName!: string | null;

  @Field({ description: 'Relative URL of the upload page (embeds the token)' })
  uploadUrl!: string;

  @Field({ description: "The token embedded in the upload URL: the customer's only credential" })
  linkToken!: string;

  @Field(() => IntakeLinkStatusEnum)
  status!: LinkStatus;

  @Field()
  createdAt!: Date;

  @Field()
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Int, { description: 'Maximum number of files the link accepts' })
  maxUploads!: number;

  @Field(() => Int, { description: 'Number of files received so far' })
  uploadCount!: number;

  @Field(() => Date, { nullable: true })
  lastUploadAt!: Date | null;
}

/** The GraphQL shape of a link (the `uploads` field is resolved separately, batched). */
export function toIntakeLinkType(link: LinkView): IntakeLinkType {
  return {
    id: link.id,
    workspaceId: link.workspaceId,
    customerSlug: link.customerSlug,
    displayName: link.displayName,
    uploadUrl: link.uploadUrl,
    linkToken: link.token,
    status: link.status,
    createdAt: link.createdAt,
    expiresAt: link.expiresAt,
    revokedAt: link.revokedAt,
    maxUploads: link.maxUploads,
    uploadCount: link.uploadCount,
    lastUploadAt: link.lastUploadAt,
  };
}
