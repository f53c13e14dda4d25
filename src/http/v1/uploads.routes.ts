import { ACCEPTED_MIME_TYPES } from '../../domain/content-policy.js';
import { attachmentDisposition } from '../content-disposition.js';
import { fileOfferFromHeaders, UPLOAD_HEADERS } from '../upload-headers.js';
import { PUBLIC_PATHS } from '../../domain/public-paths.js';
import { cutStalledBody } from '../../transport/stalled-body.js';
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
        `The request body is the file's raw bytes (the request's own Content-Type is ignored). Accepted types: ${ACCEPTED_MIME_TYPES.join(', ')}. ` +
        `Maximum size: ${config.uploads.maxBytes} bytes. The content must match the declared type (magic bytes). ` +
        'When a file with the same SHA-256 was uploaded before in the workspace, `duplicate_of` names the earliest one; the file is still stored.',
      tag: 'Uploads',
      auth: 'public',
      params: { link_token: 'The token from the link' },
      body: {
        kind: 'raw',
        description: 'The file bytes',
        headers: {
          [UPLOAD_HEADERS.filename]: { required: true, description: 'Original filename (percent-encoded UTF-8 recommended)' },
          [UPLOAD_HEADERS.contentType]: { required: true, description: 'MIME type of the file' },
          'content-length': { required: false, description: 'File size (checked against the limit before the body is read)' },
        },
      },
      responses: { 201: { description: 'The file was received', schema: UploadObject } },
      errors: [
        'invalid_link_token', 'link_not_found', 'link_expired', 'upload_limit_reached', 'rate_limited', 'file_too_large',
        'invalid_filename', 'unsupported_content_type', 'content_type_mismatch', 'empty_file', 'upload_incomplete',
        'upload_service_not_configured', 'storage_unavailable',
      ],
      handle: async ({ params, req, meta }) => {
        cutStalledBody(req, config.uploads.idleTimeoutMs);
        const open = await services.intake.openLink(params.link_token, meta);
        const admitted = services.intake.admitFile(open, fileOfferFromHeaders(req.headers, req.headersDistinct));
        const upload = await services.intake.store(admitted, req);
        return { kind: 'json', status: 201, body: toUploadObject(upload) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/{workspace_id}/intake/links/{link_id}/uploads/{upload_id}/download',
      operationId: 'downloadUpload',
      summary: 'Download an upload',
      description:
        'Returns the raw file bytes with a Content-Disposition: attachment header. Every download is recorded as a PHI access ' +
        'event in the audit trail before the first byte is sent; when it cannot be recorded, nothing is sent (503).',
      tag: 'Uploads',
      auth: 'bearer',
      params: { workspace_id: 'The workspace', link_id: 'The link', upload_id: 'The upload' },
      responses: {
        200: {
          description: 'File bytes with original content type and filename',
          binary: 'application/octet-stream',
          headers: {
            'Content-Disposition': 'attachment; filename="..."; filename*=UTF-8\'\'...',
            'Cache-Control': 'private, no-store',
            'X-Content-Type-Options': 'nosniff',
          },
        },
      },
      errors: ['unauthorized', 'forbidden', 'not_found', 'storage_unavailable', 'audit_unavailable', 'upload_service_not_configured'],
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
  ];
}
