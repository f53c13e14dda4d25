/** The four states of a link, as the contract names them. */
export const LINK_STATUSES = ['active', 'expired', 'revoked', 'exhausted'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** The fields a link's status depends on. */
export interface LinkStatusFacts {
  revokedAt: Date | null;
  expiresAt: Date;
  uploadCount: number;
  /** Slots held by uploads in flight (resumable uploads reserve one at creation). */
  reservedUploads: number;
  maxUploads: number;
}

/**
 * A link's status, computed at `now` and never stored. Precedence: revoked, then expired, then
 * exhausted, else active. The SQL filter in link.repository.ts (`ACTIVE_LINK_SQL`) is the same rule.
 */
export function computeLinkStatus(link: LinkStatusFacts, now: Date = new Date()): LinkStatus {
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (link.uploadCount + link.reservedUploads >= link.maxUploads) return 'exhausted';
  return 'active';
}

/** One sentence per status, for the GraphQL schema and the OpenAPI document. */
export const LINK_STATUS_DESCRIPTIONS: Record<LinkStatus, string> = {
  active: 'The link is valid and accepting uploads',
  expired: 'The expiration time has passed',
  revoked: 'An operator revoked the link',
  exhausted: 'The maximum upload count has been reached',
};
