import { Field, InputType, Int } from 'type-graphql';
import { LINK_LIMITS } from '../../domain/link-rules.js';

/** Validated by LinkService with the same rules as the REST body (domain/link-rules.ts). */
@InputType('CreateIntakeLinkInput')
export class CreateIntakeLinkInput {
  @Field({ description: `Customer identifier: lowercase letters, digits and single hyphens, 1-${LINK_LIMITS.slugMaxLength} characters` })
  customerSlug!: string;

  @Field(() => String, { nullable: true, description: `Shown on the upload page, up to ${LINK_LIMITS.displayNameMaxLength} characters` })
  displayName?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Hours until the link expires, ${LINK_LIMITS.expiresInHours.min}-${LINK_LIMITS.expiresInHours.max} (default ${LINK_LIMITS.expiresInHours.default})`,
  })
  expiresInHours?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Maximum number of files, ${LINK_LIMITS.maxUploads.min}-${LINK_LIMITS.maxUploads.max} (default ${LINK_LIMITS.maxUploads.default})`,
  })
  maxUploads?: number | null;
}
