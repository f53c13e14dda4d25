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
  uploadsByLink: DataLoader<string, UploadRecord[]>;
}

export function createContext(services: Services, req: Request, meta: RequestMeta, maxUploadBytes: number): GraphQLContext {
  let principal: Promise<Principal> | undefined;
  return {
    services,
    meta,
    maxUploadBytes,
    principal: () => (principal ??= principalSeenByGate(req) ?? services.auth.authenticate(req.get('authorization'))),
    uploadsByLink: new DataLoader(async (linkIds: readonly string[]) => {
      const byLink = await services.uploads.listForAuthorisedLinks(linkIds);
      return linkIds.map((id) => byLink.get(id) ?? []);
    }),
  };
}
