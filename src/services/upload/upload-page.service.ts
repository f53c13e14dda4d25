import { ACCEPTED_TYPES, type AcceptedType } from '../../domain/content-policy.js';
import { computeLinkStatus } from '../../domain/link-status.js';
import type { RequestMeta, UploadRecord } from '../../domain/records.js';
import { isWellFormedLinkToken, sha256Hex } from '../../domain/secrets.js';
import type { LinkRepository } from '../../repositories/link.repository.js';
import type { UploadRepository } from '../../repositories/upload.repository.js';
import type { PublicRateLimits } from '../rate-limit/public-rate-limits.js';
import { isUuid } from '../validation.js';

/** What the customer's page may show about a link: its state and, while it takes files, its policy. */
export type LinkPageView =
  | {
      state: 'active';
      displayName: string | null;
      /** The policy the page checks files against before sending (the server stays the authority). */
      policy: { acceptedTypes: readonly AcceptedType[]; maxUploadBytes: number; uploadsLeft: number };
    }
  /** Unknown, malformed and revoked look the same to a customer: nothing to tell a guesser apart. */
  | { state: 'not_found' }
  | { state: 'expired' }
  | { state: 'exhausted'; displayName: string | null };

/**
 * What the customer's upload page reads: the state of a link by its token, and the receipt of one
 * file received through it. Viewing the page counts toward the per-address limit only: the
 * per-token limit counts uploads, and opening a page is not one.
 */
export class UploadPageService {
  constructor(
    private readonly deps: {
      links: LinkRepository;
      uploads: UploadRepository;
      rateLimits: PublicRateLimits;
      maxUploadBytes: number;
    },
  ) {}

  /** The link's state for the page. Throws `rate_limited` over the per-address limit. */
  async viewLink(linkToken: string, meta: RequestMeta, now = new Date()): Promise<LinkPageView> {
    await this.deps.rateLimits.checkCaller(null, meta.clientIp);
    if (!isWellFormedLinkToken(linkToken)) return { state: 'not_found' };
    const link = await this.deps.links.findByTokenHash(sha256Hex(linkToken));
    if (!link) return { state: 'not_found' };
    const status = computeLinkStatus(link, now);
    switch (status) {
      case 'revoked':
        return { state: 'not_found' };
      case 'expired':
        return { state: 'expired' };
      case 'exhausted':
        return { state: 'exhausted', displayName: link.displayName };
      case 'active':
        return {
          state: 'active',
          displayName: link.displayName,
          policy: { acceptedTypes: ACCEPTED_TYPES, maxUploadBytes: this.deps.maxUploadBytes, uploadsLeft: link.maxUploads - link.uploadCount },
        };
    }
  }

  /**
   * One file received through the link, for the page a plain form lands on. Still shown once the
   * link is full or expired (the customer just sent it); null when the link is unknown or revoked,
   * or the upload is not this link's.
   */
  async findReceipt(linkToken: string, uploadId: string, meta: RequestMeta): Promise<UploadRecord | null> {
    await this.deps.rateLimits.checkCaller(null, meta.clientIp);
    if (!isWellFormedLinkToken(linkToken) || !isUuid(uploadId)) return null;
    const link = await this.deps.links.findByTokenHash(sha256Hex(linkToken));
    if (!link || link.revokedAt) return null;
    return this.deps.uploads.findInLink(link.id, uploadId);
  }
}
