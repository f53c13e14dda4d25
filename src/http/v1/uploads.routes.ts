import { ACCEPTED_MIME_TYPES } from '../../domain/content-policy.js';
import { attachmentDisposition } from '../content-disposition.js';
import { answerIdempotently } from '../idempotent-upload.js';
import { fileOfferFromHeaders, UPLOAD_HEADERS } from '../upload-headers.js';
import { PUBLIC_PATHS, uploadReceivedPath } from '../../domain/public-paths.js';
import { isMultipartRequest, readSingleFilePart } from '../../transport/multipart-file.js';
import { prefersHtml } from '../../transport/prefers-html.js';
import { defineRoute, type AnyRoute } from '../route-table/route-definition.js';
import { toUploadObject, UploadObject } from './representations.js';
import type { RouteDeps } from './route-deps.js';

/** The customer's raw upload route and the operator's download. */
export function uploadRoutes({ services, config }: RouteDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: PUBLIC_PATHS.uploadFiles,
      operationId: 'uploadFile',
      summary: 'Upload one file through a link (public; the link token is the credential)',
      description:
        "The request body is the file's raw bytes (the request's own Content-Type is ignored), or a `multipart/form-data` body " +
        'with exactly one file part (its filename and type are used unless the x-amigo-intake headers are present, which win; ' +
        '`curl -F file=@scan.pdf` works). A request whose Accept prefers text/html (a plain browser form) is answered 303 to a page ' +
        `showing the received file instead of the JSON 201. Accepted types: ${ACCEPTED_MIME_TYPES.join(', ')}. ` +
        `Maximum size: ${config.uploads.maxBytes} bytes. The content must match the declared type (magic bytes). ` +
        'When a file with the same SHA-256 was uploaded before in the workspace, `duplicate_of` names the earliest one; the file is still stored.',
      tag: 'Uploads',
      auth: 'public',
      params: { link_token: 'The token from the link' },
      body: {
        kind: 'raw',
        description: "The file's raw bytes (whatever Content-Type the request names)",
        mediaTypes: ['application/octet-stream'],
        headers: {
          [UPLOAD_HEADERS.filename]: { required: true, description: 'Original filename (percent-encoded UTF-8 recommended); optional with multipart/form-data' },
          [UPLOAD_HEADERS.contentType]: { required: true, description: 'MIME type of the file; optional with multipart/form-data' },
          'content-length': { required: false, description: 'File size (checked against the limit before the body is read)' },
          'idempotency-key': {
            required: false,
            description:
              'Optional, 8-128 printable ASCII characters, per link, kept 24 hours. A retry with the same key after a success answers the first 201 body again ' +
              'with `Idempotent-Replayed: true` and stores nothing; while the first attempt is in flight, 409 `idempotency_in_progress`.',
          },
        },
      },
      responses: {
        201: { description: 'The file was received', schema: UploadObject },
        303: { description: 'The file was received (a request preferring text/html); Location is the page showing it', headers: { Location: '/upload/{link_token}/received/{upload_id}' } },
      },
      errors: [
        'invalid_link_token', 'link_not_found', 'link_expired', 'upload_limit_reached', 'rate_limited', 'file_too_large',
        'invalid_filename', 'unsupported_content_type', 'validation_error', 'idempotency_in_progress', 'content_type_mismatch', 'empty_file',
        'upload_incomplete', 'upload_service_not_configured', 'storage_unavailable', 'too_many_files', 'bad_request',
      ],
      handle: async ({ params, req, meta }) => {
        // Stores the file under `uploadId` when an idempotency claim fixed it (a fresh id otherwise).
        const receive = async (uploadId: string | undefined) => {
          const open = await services.intake.openLink(params.link_token, meta);
          const fromHeaders = fileOfferFromHeaders(req.headers, req.headersDistinct);
          if (!isMultipartRequest(req)) return services.intake.store(services.intake.admitFile(open, fromHeaders), req, { uploadId });
          const part = await readSingleFilePart(req);
          const admitted = services.intake.admitFile(open, {
            filename: fromHeaders.filename ?? part.filename,
            contentType: fromHeaders.contentType ?? part.mimeType,
            // Content-Length measures the envelope, not the file: the size is checked as it streams.
            declaredSize: undefined,
            fieldNames: { filename: "the file part's filename", contentType: "the file part's type" },
          });
          return services.intake.store(admitted, part.stream, { uploadId });
        };
        const result = await answerIdempotently(services.idempotency, req, params.link_token, receive, toUploadObject);
        if (result.kind === 'json' && prefersHtml(req)) {
          const { id } = result.body as { id: string };
          return { kind: 'redirect', status: 303, location: uploadReceivedPath(params.link_token, id) + languageQuery(req) };
        }
        return result;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/{workspace_id}/intake/links/{link_id}/uploads/{upload_id}/download',
      operationId: 'downloadUpload',
      summary: 'Download an upload',
      description:
        'Returns the raw file bytes with a Content-Disposition: attachment header. Every download is recorded as a PHI access ' +
        'event in the audit trail before the first byte is sent; when it cannot be recorded, nothing is sent (503). ' +
        'An infected file is never sent (409 file_infected); while SCAN_REQUIRED is true, neither is one still being scanned ' +
        '(409 scan_pending). Each refusal is recorded as upload.download_refused with its reason.',
      tag: 'Uploads',
      auth: 'bearer',
      params: { workspace_id: 'The workspace', link_id: 'The link', upload_id: 'The upload' },
      responses: {
        200: {
          description: 'File bytes with original content type and filename',
          binary: ACCEPTED_MIME_TYPES,
          headers: {
            'Content-Disposition': 'attachment; filename="..."; filename*=UTF-8\'\'...',
            'Cache-Control': 'private, no-store',
            'X-Content-Type-Options': 'nosniff',
          },
        },
      },
      errors: ['file_infected', 'scan_pending', 'storage_unavailable', 'audit_unavailable', 'upload_service_not_configured'],
      onForbidden: ({ principal, params, meta }) => services.uploads.recordForbiddenDownload(principal, params.link_id, params.upload_id, meta),
      handle: async ({ principal, params, meta }) => {
        const { upload, object } = await services.uploads.openDownload(principal, params.workspace_id, params.link_id, params.upload_id, meta);
        return {
          kind: 'stream',
          status: 200,
          stream: object.stream,
          headers: {
            'Content-Type': upload.contentType,
            'Content-Length': String(object.sizeBytes),
            'Content-Disposition': attachmentDisposition(upload.filename),
            'Cache-Control': 'private, no-store',
            'X-Content-Type-Options': 'nosniff',
            'Content-Security-Policy': "default-src 'none'; sandbox",
          },
        };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/{workspace_id}/intake/links/{link_id}/uploads/{upload_id}',
      operationId: 'deleteUpload',
      summary: 'Delete an upload',
      description:
        'Removes the stored file and its upload object (an infected file stays quarantined until this). Its audit events stay and ' +
        'upload.deleted is added; the link does not get its upload slot back.',
      tag: 'Uploads',
      auth: 'bearer',
      params: { workspace_id: 'The workspace', link_id: 'The link', upload_id: 'The upload' },
      responses: { 204: { description: 'Deleted' } },
      errors: ['unauthorized', 'forbidden', 'not_found'],
      handle: async ({ principal, params, meta }) => {
        await services.uploads.delete(principal, params.workspace_id, params.link_id, params.upload_id, meta);
        return { kind: 'empty', status: 204 };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/{workspace_id}/intake/links/{link_id}/uploads/{upload_id}/rescan',
      operationId: 'rescanUpload',
      summary: 'Scan an upload again',
      description:
        'Makes the upload pending and queues a new scan (after a signature update, say); its verdict records a new scanned_at. ' +
        '409 scanner_not_configured when no scanner is configured.',
      tag: 'Uploads',
      auth: 'bearer',
      params: { workspace_id: 'The workspace', link_id: 'The link', upload_id: 'The upload' },
      responses: { 202: { description: 'The scan is queued; the upload as it is now (pending)', schema: UploadObject } },
      errors: ['unauthorized', 'forbidden', 'not_found', 'scanner_not_configured'],
      handle: async ({ principal, params, meta }) => {
        const upload = await services.scans.requestRescan(principal, params.workspace_id, params.link_id, params.upload_id, meta);
        return { kind: 'json', status: 202, body: toUploadObject(upload) };
      },
    }),
  ];
}

// The page's language switch travels with a plain form's action, so the result page keeps it.
function languageQuery(req: { query: Record<string, unknown> }): string {
  const lang = req.query['lang'];
  return lang === 'en' || lang === 'es' ? `?lang=${lang}` : '';
}
