/**
 * Every refusal the server can give, with its HTTP status (REST) and its `extensions.code` (GraphQL).
 * Services and drivers throw `AppError(code)`; the two face translators read this table and nothing else.
 */
export const ERROR_CODES = {
  // Authentication and authorization
  unauthorized: { status: 401, graphql: 'UNAUTHENTICATED', detail: 'A valid API key is required (Authorization: Bearer <key>).' },
  forbidden: { status: 403, graphql: 'FORBIDDEN', detail: 'This key may not act on that workspace.' },
  not_found: { status: 404, graphql: 'NOT_FOUND', detail: 'Nothing exists at this address.' },
  method_not_allowed: { status: 405, graphql: 'BAD_REQUEST', detail: 'This method is not supported on this path.' },

  // Input
  bad_request: { status: 400, graphql: 'BAD_REQUEST', detail: 'The request could not be understood.' },
  invalid_json: { status: 400, graphql: 'BAD_USER_INPUT', detail: 'The request body is not valid JSON.' },
  validation_error: { status: 422, graphql: 'BAD_USER_INPUT', detail: 'The request is not valid.' },
  webhook_url_not_allowed: { status: 422, graphql: 'BAD_USER_INPUT', detail: 'Webhook URLs must reach a public address.' },
  payload_too_large: { status: 413, graphql: 'BAD_USER_INPUT', detail: 'The request body is too large.' },

  // Links as seen by customers
  invalid_link_token: { status: 400, graphql: 'BAD_USER_INPUT', detail: 'This is not a valid upload link.' },
  link_not_found: { status: 404, graphql: 'NOT_FOUND', detail: 'This upload link does not exist or was revoked.' },
  link_expired: { status: 410, graphql: 'LINK_EXPIRED', detail: 'This upload link has expired.' },
  upload_limit_reached: { status: 429, graphql: 'UPLOAD_LIMIT_REACHED', detail: 'This upload link has received all the files it allows.' },
  rate_limited: { status: 429, graphql: 'RATE_LIMITED', detail: 'Too many requests; try again shortly.' },

  // Files
  file_too_large: { status: 413, graphql: 'BAD_USER_INPUT', detail: 'The file is larger than the maximum allowed size.' },
  empty_file: { status: 422, graphql: 'BAD_USER_INPUT', detail: 'The file is empty.' },
  invalid_filename: { status: 422, graphql: 'BAD_USER_INPUT', detail: 'The filename is missing or not allowed.' },
  unsupported_content_type: { status: 422, graphql: 'BAD_USER_INPUT', detail: 'This type of file is not accepted.' },
  content_type_mismatch: { status: 422, graphql: 'BAD_USER_INPUT', detail: 'The file content does not match its declared type.' },
  too_many_files: { status: 400, graphql: 'BAD_USER_INPUT', detail: 'A request carries one file: send each file in a request of its own.' },
  file_infected: { status: 409, graphql: 'FILE_INFECTED', detail: 'The virus scanner found a signature in this file; it cannot be downloaded, only deleted.' },
  scan_pending: { status: 409, graphql: 'SCAN_PENDING', detail: 'This file has not been scanned for viruses yet; try again shortly.' },
  idempotency_in_progress: { status: 409, graphql: 'CONFLICT', detail: 'An upload with this Idempotency-Key is still in progress; retry once it has finished.' },
  upload_incomplete: { status: 400, graphql: 'BAD_USER_INPUT', detail: 'The upload ended before the whole file arrived.' },

  // Resumable (tus) uploads
  upload_expired: { status: 410, graphql: 'BAD_USER_INPUT', detail: 'This unfinished upload expired (nothing arrived for 24 hours) and was removed; start it again.' },
  upload_offset_conflict: { status: 409, graphql: 'BAD_USER_INPUT', detail: 'Upload-Offset does not match the bytes the server holds; ask with HEAD and resume from there.' },
  upload_locked: { status: 423, graphql: 'BAD_USER_INPUT', detail: 'Another request is sending bytes to this upload; try again once it has finished.' },
  tus_resumable_required: { status: 412, graphql: 'BAD_USER_INPUT', detail: 'This server speaks tus 1.0.0: send Tus-Resumable: 1.0.0.' },

  // Dependencies
  upload_service_not_configured: { status: 503, graphql: 'SERVICE_UNAVAILABLE', detail: 'File uploads are not configured on this server.' },
  storage_unavailable: { status: 502, graphql: 'STORAGE_UNAVAILABLE', detail: 'File storage is unavailable; try again later.' },
  audit_unavailable: { status: 503, graphql: 'SERVICE_UNAVAILABLE', detail: 'The access could not be recorded in the audit trail, so it was refused.' },
  scanner_not_configured: { status: 409, graphql: 'SCANNER_NOT_CONFIGURED', detail: 'No virus scanner is configured on this server.' },
  scanner_unavailable: { status: 503, graphql: 'SCANNER_UNAVAILABLE', detail: 'The virus scanner is unavailable; try again later.' },
  service_unavailable: { status: 503, graphql: 'SERVICE_UNAVAILABLE', detail: 'The service is temporarily unavailable; try again later.' },

  // GraphQL only (REST never runs queries)
  query_too_complex: { status: 400, graphql: 'QUERY_TOO_COMPLEX', detail: 'The query is too deep, too wide or too costly.' },

  internal_server_error: { status: 500, graphql: 'INTERNAL_SERVER_ERROR', detail: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; graphql: string; detail: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** True when `value` names an entry of the table. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
