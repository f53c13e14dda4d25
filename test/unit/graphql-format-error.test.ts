import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors/app-error.js';
import { ERROR_CODES, type ErrorCode } from '../../src/errors/error-codes.js';
import { formatGraphQLError } from '../../src/graphql/format-error.js';
import { GOLDEN_ERROR_TABLE } from '../fixtures/golden-error-table.js';

// The GraphQL half of "every error code has a test of its mapping on both faces": formatGraphQLError
// renders each code of the table as its `graphql` value plus the snake_case errorCode, keeps a
// sentence safe to show, masks everything it does not know, and never sends a stack.

const ALL_CODES = Object.keys(GOLDEN_ERROR_TABLE) as ErrorCode[];
const GOLDEN = Object.entries(GOLDEN_ERROR_TABLE).map(([code, [, graphql]]) => [code as ErrorCode, graphql] as const);
const LOCATIONS = [{ line: 1, column: 3 }];

function formatter() {
  const logs: Record<string, any>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  return { format: formatGraphQLError(logger), logs };
}

/** What Apollo passes to formatError for an error thrown in a resolver: the located error, and its default rendering. */
function fromResolver(thrown: unknown): [GraphQLFormattedError, unknown] {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  const located = new GraphQLError(message, { originalError: thrown instanceof Error ? thrown : undefined, path: ['intakeLinks'] });
  const formatted: GraphQLFormattedError = {
    message,
    locations: LOCATIONS,
    path: ['intakeLinks'],
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['Error: boom', '    at resolver (/srv/app/src/resolver.ts:10:5)'] },
  };
  return [formatted, thrown instanceof Error ? located : thrown];
}

/** What Apollo passes for an error it raises itself before any resolver runs. */
function fromRequest(code: string, message: string): [GraphQLFormattedError, unknown] {
  const error = new GraphQLError(message, { extensions: { code } });
  return [{ message, locations: LOCATIONS, extensions: { code, stacktrace: ['GraphQLError: ...'] } }, error];
}

describe('formatGraphQLError: the table', () => {
  it.each(GOLDEN)('renders AppError(%s) from a resolver as %s', (code, graphqlCode) => {
    const { format } = formatter();
    const rendered = format(...fromResolver(new AppError(code, 'A sentence for the caller.')));
    expect(rendered).toEqual({
      message: 'A sentence for the caller.',
      locations: LOCATIONS,
      path: ['intakeLinks'],
      extensions: { code: graphqlCode, errorCode: code },
    });
  });

  it.each(GOLDEN)('renders AppError(%s) thrown outside a resolver as %s', (code, graphqlCode) => {
    const { format } = formatter();
    const error = new AppError(code, 'A sentence for the caller.');
    const rendered = format({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);
    expect(rendered).toEqual({ message: 'A sentence for the caller.', extensions: { code: graphqlCode, errorCode: code } });
  });

  it('knows exactly the codes of the golden table', () => {
    expect(Object.keys(ERROR_CODES).sort()).toEqual([...ALL_CODES].sort());
  });

  it('gives every code an UPPER_CASE GraphQL code', () => {
    for (const [code, graphqlCode] of GOLDEN) expect(graphqlCode, code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
  });

  it('carries the offending field and the retry delay', () => {
    const { format } = formatter();
    const invalid = format(...fromResolver(new AppError('validation_error', 'Invalid input: maxUploads: too big.', { field: 'maxUploads' })));
    expect(invalid.extensions).toEqual({ code: 'BAD_USER_INPUT', errorCode: 'validation_error', field: 'maxUploads' });
    const limited = format(...fromResolver(new AppError('rate_limited', undefined, { retryAfterSeconds: 12 })));
    expect(limited.extensions).toEqual({ code: 'RATE_LIMITED', errorCode: 'rate_limited', retryAfterSeconds: 12 });
  });

  it('logs server-side failures with their cause, and not the caller\'s mistakes', () => {
    const { format, logs } = formatter();
    format(...fromResolver(new AppError('not_found')));
    format(...fromResolver(new AppError('validation_error')));
    expect(logs).toEqual([]);
    format(...fromResolver(new AppError('storage_unavailable', undefined, { cause: new Error('socket hang up') })));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ level: 50, errorCode: 'storage_unavailable', err: { message: 'socket hang up' } });
  });
});

describe('formatGraphQLError: anything else', () => {
  it('masks an unknown Error as INTERNAL_SERVER_ERROR without its text, and logs it with its stack', () => {
    const { format, logs } = formatter();
    const secret = new Error('duplicate key value violates unique constraint "intake_links_pkey" at /srv/app/src/x.ts');
    const rendered = format(...fromResolver(secret));
    expect(rendered).toEqual({
      message: 'Something went wrong on our side.',
      locations: LOCATIONS,
      path: ['intakeLinks'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorCode: 'internal_server_error' },
    });
    expect(JSON.stringify(rendered)).not.toMatch(/intake_links|duplicate|\/srv\/|stacktrace/);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ level: 50, errorCode: 'internal_server_error', err: { message: secret.message } });
    expect(logs[0]?.err.stack).toContain('graphql-format-error.test.ts');
  });

  it.each([
    ['a thrown string', 'select password from api_keys'],
    ['a thrown object', { sql: 'select 1', code: '42P01' }],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a GraphQLError without a code, raised by a library', new GraphQLError('Variable "$x" got invalid value')],
    ['a GraphQLError with a code the table does not know', new GraphQLError('nope', { extensions: { code: 'SOMETHING_ELSE' } })],
  ])('masks %s', (_label, thrown) => {
    const { format } = formatter();
    const [formatted, error] = fromResolver(thrown);
    const rendered = format({ ...formatted, extensions: { ...formatted.extensions, ...(thrown instanceof GraphQLError ? thrown.extensions : {}) } }, error);
    expect(rendered.message).toBe('Something went wrong on our side.');
    expect(rendered.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorCode: 'internal_server_error' });
  });

  it('turns a lost database connection into SERVICE_UNAVAILABLE / service_unavailable', () => {
    const { format } = formatter();
    const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const rendered = format(...fromResolver(lost));
    expect(rendered.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', errorCode: 'service_unavailable' });
    expect(rendered.message).toBe('The service is temporarily unavailable; try again later.');
  });

  it.each([
    [413, 'payload_too_large', 'BAD_USER_INPUT', 'The request body is too large.'],
    [400, 'bad_request', 'BAD_REQUEST', 'The request could not be understood.'],
  ] as const)('renders a client error %i of the HTTP layer as %s', (status, errorCode, code, detail) => {
    const { format } = formatter();
    const httpError = Object.assign(new Error('request entity too large: 2000000 bytes'), { status, expose: true });
    const rendered = format(...fromResolver(httpError));
    expect(rendered.extensions).toEqual({ code, errorCode });
    expect(rendered.message).toBe(detail);
  });

  it.each([
    ['GRAPHQL_PARSE_FAILED', 'bad_request'],
    ['GRAPHQL_VALIDATION_FAILED', 'validation_error'],
    ['BAD_USER_INPUT', 'validation_error'],
    ['BAD_REQUEST', 'bad_request'],
    ['OPERATION_RESOLUTION_FAILURE', 'bad_request'],
    ['PERSISTED_QUERY_NOT_FOUND', 'bad_request'],
    ['PERSISTED_QUERY_NOT_SUPPORTED', 'bad_request'],
    ['QUERY_TOO_COMPLEX', 'query_too_complex'],
  ] as const)('keeps %s, raised before execution, with errorCode %s and no stack', (code, errorCode) => {
    const { format, logs } = formatter();
    const rendered = format(...fromRequest(code, 'Syntax Error: Expected Name, found <EOF>.'));
    expect(rendered).toEqual({ message: 'Syntax Error: Expected Name, found <EOF>.', locations: LOCATIONS, extensions: { code, errorCode } });
    expect(Object.keys(GOLDEN_ERROR_TABLE)).toContain(errorCode);
    expect(logs).toEqual([]);
  });

  it('never passes on a stacktrace or exception extension', () => {
    const { format } = formatter();
    for (const code of ALL_CODES) {
      const [formatted, error] = fromResolver(new AppError(code));
      const rendered = format({ ...formatted, extensions: { ...formatted.extensions, exception: { stacktrace: ['x'] } } }, error);
      expect(Object.keys(rendered.extensions ?? {})).toEqual(['code', 'errorCode']);
    }
  });
});
