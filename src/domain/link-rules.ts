import { isPlainText } from './text-rules.js';
import { z } from 'zod';

/**
 * The rules for a link's input fields, written once. The REST body schema and the GraphQL input are
 * both built from these, and LinkService validates against them, so the two faces cannot disagree.
 */
export const LINK_LIMITS = {
  slugMaxLength: 64,
  displayNameMaxLength: 200,
  expiresInHours: { min: 1, max: 720, default: 168 },
  maxUploads: { min: 1, max: 10_000, default: 100 },
} as const;

export const customerSlugRule = z
  .string()
  .min(1, 'must not be empty')
  .max(LINK_LIMITS.slugMaxLength, `must be at most ${LINK_LIMITS.slugMaxLength} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens (e.g. "acme-dental")');

// PostgreSQL text cannot hold NUL; everything else in a name is kept verbatim.
const withoutNul = (value: string) => !value.includes('\u0000');

export const displayNameRule = z
  .string()
  .max(LINK_LIMITS.displayNameMaxLength, `must be at most ${LINK_LIMITS.displayNameMaxLength} characters`)
  .refine(withoutNul, 'must not contain NUL characters')
  .refine(isPlainText, 'must not contain control characters (CR, LF, BEL...) or text-direction overrides')
  .nullable();

export const expiresInHoursRule = z
  .int('must be a whole number of hours')
  .min(LINK_LIMITS.expiresInHours.min, `must be between ${LINK_LIMITS.expiresInHours.min} and ${LINK_LIMITS.expiresInHours.max}`)
  .max(LINK_LIMITS.expiresInHours.max, `must be between ${LINK_LIMITS.expiresInHours.min} and ${LINK_LIMITS.expiresInHours.max}`);

export const maxUploadsRule = z
  .int('must be a whole number')
  .min(LINK_LIMITS.maxUploads.min, `must be between ${LINK_LIMITS.maxUploads.min} and ${LINK_LIMITS.maxUploads.max}`)
  .max(LINK_LIMITS.maxUploads.max, `must be between ${LINK_LIMITS.maxUploads.min} and ${LINK_LIMITS.maxUploads.max}`);

/** Page sizes for every list that pages (links, audit events). */
export const PAGE_LIMITS = { min: 1, max: 1000, default: 100 } as const;

export const pageLimitRule = z
  .int('must be a whole number')
  .min(PAGE_LIMITS.min, `must be between ${PAGE_LIMITS.min} and ${PAGE_LIMITS.max}`)
  .max(PAGE_LIMITS.max, `must be between ${PAGE_LIMITS.min} and ${PAGE_LIMITS.max}`);

export const workspaceNameRule = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine(withoutNul, 'must not contain NUL characters');

/**
 * The address arrival e-mails go to, or null for none. One plain address (no display name, no list):
 * it becomes an SMTP envelope recipient as is.
 */
export const notifyEmailRule = z.email('must be an e-mail address').max(320, 'must be at most 320 characters').nullable();
