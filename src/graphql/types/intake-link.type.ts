import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { LinkView } from '../../services/link.service.js';

/** GraphQL names for the link statuses; the values are the service's lowercase names. */
export enum IntakeLinkStatus {
  ACTIVE = 'active',
  EXPIRED = 'expired',
  REVOKED = 'revoked',
  EXHAUSTED = 'exhausted',
}

registerEnumType(IntakeLinkStatus, {
  name: 'IntakeLinkStatus',
  description: 'Computed from the link at the moment it is read; precedence REVOKED, EXPIRED, EXHAUSTED, ACTIVE.',
  valuesConfig: {
    ACTIVE: { description: 'The link is valid and accepting uploads' },
    EXPIRED: { description: 'The expiration time has passed' },
    REVOKED: { description: 'An operator revoked the link' },
    EXHAUSTED: { description: 'The maximum upload count has been reached' },
  },
});

@ObjectType('IntakeLink', { description: 'A shareable upload link for one customer.' })
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

  @Field(() => IntakeLinkStatus)
  status!: IntakeLinkStatus;

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
    status: link.status as IntakeLinkStatus,
    createdAt: link.createdAt,
    expiresAt: link.expiresAt,
    revokedAt: link.revokedAt,
    maxUploads: link.maxUploads,
    uploadCount: link.uploadCount,
    lastUploadAt: link.lastUploadAt,
  };
}
