import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { ERROR_CODES, isErrorCode, type ErrorCode } from '../errors/error-codes.js';
import { normalizeError } from '../errors/normalize-error.js';

// Errors GraphQL itself raises before any resolver runs, and the REST vocabulary code for each.
const REQUEST_ERROR_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: 'bad_request',
  GRAPHQL_VALIDATION_FAILED: 'validation_error',
  BAD_USER_INPUT: 'validation_error',
  BAD_REQUEST: 'bad_request',
  OPERATION_RESOLUTION_FAILURE: 'bad_request',
  PERSISTED_QUERY_NOT_FOUND: 'bad_request',
  PERSISTED_QUERY_NOT_SUPPORTED: 'bad_request',
  QUERY_TOO_COMPLEX: 'query_too_complex',
};

/**
 * The one place GraphQL errors are rendered. Every error carries `extensions.code` (GraphQL's
 * UPPER_CASE category) and `extensions.errorCode` (the same snake_case code REST gives). Anything
 * unexpected is logged with its stack and masked as INTERNAL_SERVER_ERROR; no stack is ever sent.
 */
export function formatGraphQLError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const apolloCode = formatted.extensions?.['code'];
    const isRequestError = original instanceof GraphQLError && typeof apolloCode === 'string' && apolloCode in REQUEST_ERROR_CODES;
    if (isRequestError) {
      return {
        message: formatted.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        // A refusal raised before execution may name its own code (too_many_files); else the category's.
        extensions: { code: apolloCode, errorCode: isErrorCode(formatted.extensions?.['errorCode']) ? formatted.extensions['errorCode'] : REQUEST_ERROR_CODES[apolloCode] },
      };
    }
    const appError = normalizeError(original);
    if (appError.status >= 500) logger.error({ err: appError.cause ?? appError, errorCode: appError.code }, appError.detail);
    return {
      message: appError.detail,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code: ERROR_CODES[appError.code].graphql,
        errorCode: appError.code,
        ...(appError.field ? { field: appError.field } : {}),
        ...(appError.retryAfterSeconds !== undefined ? { retryAfterSeconds: appError.retryAfterSeconds } : {}),
      },
    };
  };
}

/**
 * Errors raised on /graphql before Apollo runs (a body that is not JSON, a malformed multipart
 * request): rendered as a GraphQL response, so a GraphQL client always finds `extensions.code`.
 */
export function graphqlRequestErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const appError = normalizeError(error);
    if (appError.status >= 500) logger.error({ err: appError.cause ?? appError, errorCode: appError.code }, appError.detail);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (appError.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(appError.retryAfterSeconds));
    res.status(appError.status).json({
      errors: [{ message: appError.detail, extensions: { code: ERROR_CODES[appError.code].graphql, errorCode: appError.code } }],
    });
  };
}
