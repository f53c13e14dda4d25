import type { Config } from '../config/load-config.js';
import { ACCEPTED_MIME_TYPES } from '../domain/content-policy.js';
import { PUBLIC_PATHS } from '../domain/public-paths.js';
import type { ErrorCode } from '../errors/error-codes.js';
import type { DocumentedOperation } from '../transport/documented-operation.js';

/**
 * The tus face in the OpenAPI document. @tus/server serves these (tus-router.ts); the rows only
 * describe them, so integrators find the resumable route beside the raw one. The protocol itself
 * is tus 1.0.0 (https://tus.io/protocols/resumable-upload).
 */
export function tusOperations(config: Config): DocumentedOperation[] {
  const creation = PUBLIC_PATHS.uploadTus;
  const upload = `${PUBLIC_PATHS.uploadTus}/{upload_id}`;
  const linkToken = { link_token: 'The token from the link' };
  const uploadParams = { ...linkToken, upload_id: 'The id at the end of the Location the creation answered' };
  const tusResumable = { 'Tus-Resumable': { required: true, description: 'Always `1.0.0`' } };
  const expires = 'When the unfinished upload is removed and its slot released (24 hours after its last PATCH)';
  const linkErrors: ErrorCode[] = ['invalid_link_token', 'link_not_found', 'link_expired', 'rate_limited', 'tus_resumable_required'];
  const uploadErrors: ErrorCode[] = [...linkErrors, 'not_found', 'upload_expired'];
  const storeErrors: ErrorCode[] = [
    'upload_offset_conflict', 'file_too_large', 'content_type_mismatch', 'empty_file', 'upload_incomplete', 'upload_limit_reached',
    'upload_service_not_configured', 'storage_unavailable', 'bad_request',
  ];
  const common = { tag: 'Uploads', auth: 'public' } as const;
  return [
    {
      ...common,
      method: 'options',
      path: creation,
      operationId: 'tusOptions',
      summary: 'What the tus server supports (no token check)',
      params: linkToken,
      responses: {
        204: {
          description: 'The tus version, extensions and maximum size',
          headers: { 'Tus-Version': '`1.0.0`', 'Tus-Extension': 'The supported extensions, comma-separated', 'Tus-Max-Size': `${config.uploads.maxBytes} (MAX_UPLOAD_BYTES)` },
        },
      },
      errors: [],
    },
    {
      ...common,
      method: 'post',
      path: creation,
      operationId: 'tusCreateUpload',
      summary: 'Start a resumable upload over tus (reserves one of the link\'s uploads)',
      description:
        'tus 1.0.0 creation (and creation-with-upload: the body may carry the first bytes). The file is checked like on the raw route ' +
        `before any byte is kept: name, type (${ACCEPTED_MIME_TYPES.join(', ')}), size up to ${config.uploads.maxBytes} bytes, the link's state. ` +
        'A slot of max_uploads is held from here until the upload finishes, is terminated or expires. The finished file is stored exactly ' +
        'as by `uploadFile` (hash, duplicate_of, scan, audit).',
      params: linkToken,
      requestHeaders: {
        ...tusResumable,
        'Upload-Length': { required: true, description: 'The size of the whole file in bytes' },
        'Upload-Metadata': {
          required: true,
          description: '`filename` and `filetype` (or Uppy\'s `name` and `type`), each as `key base64(value)`, comma-separated',
        },
      },
      body: { kind: 'raw', description: 'Optional: the first bytes of the file (Content-Type: application/offset+octet-stream)', mediaTypes: ['application/offset+octet-stream'], headers: {} },
      responses: {
        201: { description: 'The upload was created', headers: { Location: `${upload} (relative)`, 'Upload-Offset': 'Bytes kept so far', 'Upload-Expires': expires } },
      },
      errors: [...linkErrors, 'upload_limit_reached', 'file_too_large', 'invalid_filename', 'unsupported_content_type', 'validation_error', 'bad_request'],
    },
    {
      ...common,
      method: 'head',
      path: upload,
      operationId: 'tusUploadOffset',
      summary: 'How many bytes of a resumable upload the server holds (where to resume)',
      params: uploadParams,
      requestHeaders: tusResumable,
      responses: {
        200: {
          description: 'The offset to resume from; an upload whose bytes all arrived but whose finish failed is finished here',
          headers: { 'Upload-Offset': 'Bytes held', 'Upload-Length': 'The whole size', 'Upload-Expires': expires, 'Intake-Upload-Id': 'The stored upload, once finished' },
        },
      },
      errors: uploadErrors,
    },
    {
      ...common,
      method: 'patch',
      path: upload,
      operationId: 'tusAppend',
      summary: 'Send the next bytes of a resumable upload',
      description:
        'Every byte acknowledged (the new Upload-Offset) is on disk. The PATCH that completes the file stores it, and its 204 carries the ' +
        'stored upload in headers. A second PATCH to the same upload while one is running is refused.',
      params: uploadParams,
      body: {
        kind: 'raw',
        description: 'The bytes from Upload-Offset on',
        mediaTypes: ['application/offset+octet-stream'],
        headers: { ...tusResumable, 'Upload-Offset': { required: true, description: 'Where these bytes start (the offset HEAD answered)' } },
      },
      responses: {
        204: {
          description: 'The bytes were kept',
          headers: {
            'Upload-Offset': 'Bytes held now',
            'Upload-Expires': expires,
            'Intake-Upload-Id': 'The stored upload (on the PATCH that completes the file)',
            'Intake-Upload-Sha256': 'Its SHA-256 (on the PATCH that completes the file)',
            'Intake-Scan-Status': 'Its scan status (on the PATCH that completes the file)',
          },
        },
      },
      errors: [...uploadErrors, ...storeErrors],
    },
    {
      ...common,
      method: 'delete',
      path: upload,
      operationId: 'tusTerminate',
      summary: 'Abandon a resumable upload (tus termination): its bytes are removed and its slot released',
      params: uploadParams,
      requestHeaders: tusResumable,
      responses: { 204: { description: 'The upload was removed' } },
      errors: uploadErrors,
    },
  ];
}
