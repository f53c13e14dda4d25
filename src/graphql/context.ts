import DataLoader from 'dataloader';
import type { Request } from 'express';
import type { RequestMeta, UploadRecord } from '../domain/records.js';
import type { Principal } from '../services/auth.service.js';
import type { Services } from '../services/services.js';
import { principalSeenByGate } from './rate-limit-gate.js';

/** Per-request GraphQL context. */
export interface GraphQLContext {
  services: Services;
  meta: RequestMeta;
  /** MAX_UPLOAD_BYTES, for the multipart parser's own limit (see file-part.ts). */
  maxUploadBytes: number;
  /** The caller, authenticated on first use and remembered for the request; throws `unauthorized`. */
  principal(): Promise<Principal>;
  /** Batches IntakeLink.uploads: one query for every link of the response. */
  uploadsByLink: DataLoader<{ linkId: string; limit: number }, UploadRecord[], string>;
}

export function createContext(services: Services, req: Request, meta: RequestMeta, maxUploadBytes: number): GraphQLContext {
  let principal: Promise<Principal> | undefined;
  return {
    services,
    meta,
    maxUploadBytes,
    principal: () => (principal ??= principalSeenByGate(req) ?? services.auth.authenticate(req.get('authorization'))),
    // Keys of one batch share a page size in practice (one selection); each size is one query.
    uploadsByLink: new DataLoader(
      async (keys: readonly { linkId: string; limit: number }[]) => {
        const bySize = new Map<number, Map<string, UploadRecord[]>>();
        for (const limit of new Set(keys.map((key) => key.limit))) {
          const ids = keys.filter((key) => key.limit === limit).map((key) => key.linkId);
          bySize.set(limit, await services.uploads.listForAuthorisedLinks(ids, limit));
        }
        return keys.map((key) => bySize.get(key.limit)?.get(key.linkId) ?? []);
      },
      { cacheKeyFn: (key) => `${key.linkId}:${key.limit}` },
    ),
  };
}
