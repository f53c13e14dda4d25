import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { Server, type Upload } from '@tus/server';
import { sendNodeResponse } from 'srvx/node';
import type { Config } from '../config/load-config.js';
import { SNIFF_BYTES } from '../domain/content-policy.js';
import type { RequestMeta, UploadRecord } from '../domain/records.js';
import type { Services } from '../services/services.js';
import { ResumableIntakeService } from '../services/upload/resumable-intake.service.js';
import type { OpenLink } from '../services/upload/upload-intake.service.js';
import { requestMeta } from '../transport/request-meta.js';
import { DurableFileStore, tusPartsDirectory } from './durable-file-store.js';
import { ExclusiveLocker } from './exclusive-locker.js';
import { jsonErrorBody, toTusHookError } from './tus-errors.js';
import { fileOfferFromUpload } from './tus-metadata.js';
import { tusRequest } from './tus-request.js';
import { strictRouter } from '../transport/strict-router.js';

/** The creation URL and the upload URLs under it (Express paths). */
export const TUS_PATHS = { creation: '/upload/:link_token/tus', upload: '/upload/:link_token/tus/:upload_id' } as const;

/** What this face learned about a request before @tus/server handles it. */
interface TusRequestContext {
  linkToken: string;
  uploadId: string | undefined;
  meta: RequestMeta;
  /** The link as open since the upload began (requests on an existing upload). */
  open: OpenLink | undefined;
  /** When the upload expires unless more bytes come: set by the creation, and by a PATCH as it begins. */
  expiresAt: Date | undefined;
}

/**
 * tus 1.0.0 (core, creation, creation-with-upload, creation-defer-length, termination, expiration)
 * over @tus/server and a durable @tus/file-store. The protocol is tus's; every rule is ours:
 * - creation admits through the intake (link state, name, type, size) and holds a slot;
 * - a request on an existing upload proves the link token and the reservation before tus runs;
 * - the first bytes are checked against the declared type, the assembled file is stored through the
 *   same code as the raw route (hash, dedupe, audit), and a refused file frees its slot and parts;
 * - `Upload-Expires` is 24 hours after the last PATCH began (the reservation's expiry, moved as it begins).
 */
export function tusRouter({ services, config, logger }: { services: Services; config: Config; logger: Logger }): Router {
  const parts = new DurableFileStore(tusPartsDirectory(config.dataDir));
  const contexts = new WeakMap<IncomingMessage, TusRequestContext>();
  const contextOf = (req: { runtime?: { node?: { req: IncomingMessage } } }): TusRequestContext => {
    const context = req.runtime?.node ? contexts.get(req.runtime.node.req) : undefined;
    if (!context) throw new Error('tus request without its context');
    return context;
  };

  const finish = async (context: TusRequestContext, upload: Upload) => {
    const uploadId = upload.id;
    const open = context.open ?? (await services.resumable.resume(context.linkToken, uploadId, context.meta)).open;
    try {
      const offer = fileOfferFromUpload(upload);
      // All bytes arrived through this process: hashed and checked on the way, no second pass.
      // Otherwise (a restart, another process) the part file is read back whole.
      const digest = upload.size !== undefined && upload.offset === upload.size ? parts.arrivalDigest(uploadId, upload.size) : undefined;
      const record = digest
        ? await services.resumable.finishReceived(open, uploadId, offer, {
            ...digest,
            path: parts.partPath(uploadId),
            head: () => parts.readHead(uploadId, SNIFF_BYTES),
            read: () => parts.read(uploadId),
          })
        : await services.resumable.finish(open, uploadId, offer, parts.read(uploadId));
      await parts.removeIfPresent(uploadId);
      return record;
    } catch (error) {
      if (ResumableIntakeService.endsUpload(error)) await parts.removeIfPresent(uploadId);
      throw error;
    }
  };

  const locker = new ExclusiveLocker();
  const tus = new Server({
    path: '/upload',
    datastore: parts,
    locker: (req) => locker.forRequest(req.method),
    maxSize: config.uploads.maxBytes,
    relativeLocation: true,
    namingFunction: () => randomUUID(),
    getFileIdFromRequest: (req) => contextOf(req as never).uploadId,
    generateUrl: (req, { id }) => `/upload/${encodeURIComponent(contextOf(req as never).linkToken)}/tus/${id}`,
    onUploadCreate: async (req, upload) => {
      const context = contextOf(req as never);
      try {
        context.expiresAt = (await services.resumable.create(context.linkToken, context.meta, fileOfferFromUpload(upload), upload.id)).expiresAt;
      } catch (error) {
        throw toTusHookError(error, logger);
      }
      return {};
    },
    onUploadFinish: async (req, upload) => {
      const context = contextOf(req as never);
      try {
        const record = await finish(context, upload);
        // tus answers a PATCH with 204 and no body; what the page's receipt shows rides in headers.
        return { headers: receiptHeaders(record) };
      } catch (error) {
        throw toTusHookError(error, logger);
      }
    },
  });

  const handle = async (req: Request, res: Response, next: NextFunction) => {
    const linkToken = String(req.params['link_token']);
    const uploadId = req.params['upload_id'] === undefined ? undefined : String(req.params['upload_id']);
    const context: TusRequestContext = { linkToken, uploadId, meta: requestMeta(req), open: undefined, expiresAt: undefined };
    try {
      if (uploadId !== undefined && req.method !== 'OPTIONS') {
        // A PATCH restarts the upload's 24 hours as it begins (ResumableIntakeService.resume).
        const patch = req.method === 'PATCH';
        const resumed = await services.resumable.resume(linkToken, uploadId, context.meta, { extend: patch });
        context.open = resumed.open;
        if (patch) context.expiresAt = resumed.reservation.expiresAt;
      }
    } catch (error) {
      next(error);
      return;
    }
    contexts.set(req, context);
    const response = await tus.handleWeb(tusRequest(req, res));
    const answered = await afterTus(req, context, response);
    await sendNodeResponse(res, answered);
  };

  /** Our part of a tus response: JSON error bodies, the expiry, and the first-bytes check. */
  const afterTus = async (req: Request, context: TusRequestContext, response: globalThis.Response): Promise<globalThis.Response> => {
    if (response.status >= 400) {
      const body = jsonErrorBody(response.status, await response.text());
      const headers = new Headers(response.headers);
      headers.set('Content-Type', 'application/json; charset=utf-8');
      headers.set('Content-Length', String(Buffer.byteLength(body)));
      return new globalThis.Response(body, { status: response.status, headers });
    }
    const id = context.uploadId ?? idFromLocation(response.headers.get('location'));
    if (!id) return response;
    if (req.method === 'DELETE') {
      await services.resumable.release(id);
      return response;
    }
    if (req.method === 'HEAD') return finishIfComplete(context, id, response);
    if (req.method !== 'PATCH' && req.method !== 'POST') return response;
    if (response.headers.get('intake-upload-id')) return response; // finished and stored
    const newOffset = Number(response.headers.get('upload-offset') ?? '0');
    const fromOffset = req.method === 'PATCH' ? Number(req.get('upload-offset')) : 0;
    if (fromOffset < SNIFF_BYTES && newOffset >= SNIFF_BYTES) {
      const refusal = await checkFirstBytes(context, id);
      if (refusal) return refusal;
    }
    if (context.expiresAt) response.headers.set('Upload-Expires', context.expiresAt.toUTCString());
    return response;
  };

  /**
   * A HEAD on an upload that holds all its bytes but is still unfinished: its last PATCH failed after
   * the bytes arrived (storage or database down). A client that sees offset = length believes it is
   * done and never PATCHes again, so the finish is retried here; until it succeeds, HEAD answers
   * the error and the client retries.
   */
  const finishIfComplete = async (context: TusRequestContext, id: string, response: globalThis.Response): Promise<globalThis.Response> => {
    const length = response.headers.get('upload-length');
    if (length === null || response.headers.get('upload-offset') !== length) return response;
    try {
      const record = await finish(context, await parts.getUpload(id));
      for (const [name, value] of Object.entries(receiptHeaders(record))) response.headers.set(name, value);
      return response;
    } catch (error) {
      return jsonResponse(toTusHookError(error, logger));
    }
  };

  const checkFirstBytes = async (context: TusRequestContext, id: string): Promise<globalThis.Response | undefined> => {
    try {
      const upload = await parts.getUpload(id);
      const open = context.open ?? (await services.resumable.resume(context.linkToken, id, context.meta)).open;
      // Only the head is checked here; the whole file is checked again at the finish.
      await services.resumable.verifyFirstBytes(open, id, fileOfferFromUpload(upload), parts.readHead(id, SNIFF_BYTES));
      return undefined;
    } catch (error) {
      if (ResumableIntakeService.endsUpload(error)) await parts.removeIfPresent(id);
      return jsonResponse(toTusHookError(error, logger));
    }
  };

  const router = strictRouter();
  router.all([TUS_PATHS.creation, TUS_PATHS.upload], (req, res, next) => {
    handle(req, res, next).catch(next);
  });
  return router;
}

/** The stored upload as headers on the finishing tus response (it has no body). */
function receiptHeaders(record: UploadRecord): Record<string, string> {
  return { 'Intake-Upload-Id': record.id, 'Intake-Upload-Sha256': record.sha256, 'Intake-Scan-Status': record.scanStatus };
}

function jsonResponse({ status_code, body }: { status_code: number; body: string }): globalThis.Response {
  return new globalThis.Response(body, {
    status: status_code,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Tus-Resumable': '1.0.0' },
  });
}

function idFromLocation(location: string | null): string | undefined {
  return location ? location.slice(location.lastIndexOf('/') + 1) : undefined;
}
