import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type ApiResponse } from '../helpers/api-client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

// Issue 13, defect 2: introspection needs no key, and each of its lists cost one item, so a 92 KB
// document aliasing `__Type.fields` thousands of times passed the cost limit and answered 10 MB.
// Introspection lists now cost the schema's real counts; a document too big for
// graphql-query-complexity to weigh is QUERY_TOO_COMPLEX (it was a masked 500).

let t: TestServer;
let api: ApiClient;
beforeAll(async () => {
  t = await startTestServer();
  api = new ApiClient(t.url);
});
afterAll(() => t.stop());

function expectTooComplex(res: ApiResponse<{ data?: unknown; errors?: any[] }>, message: RegExp): void {
  expect(res.status, res.text).toBe(400);
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors?.[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', errorCode: 'query_too_complex' });
  expect(res.body.errors?.[0].message).toMatch(message);
}

const aliases = (n: number, selection: string) => Array.from({ length: n }, (_, i) => `a${i}: ${selection}`).join(' ');

describe('the cost of introspection', () => {
  it('still answers the standard introspection query under the default maximum', async () => {
    const res = await api.graphql(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }));
    expect(res.status, res.text).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it('refuses __Type.fields aliased 3,000 times (the 92 KB amplification) before it runs', async () => {
    const res = await api.graphql(`{ __type(name: "Query") { ${aliases(3000, 'fields { name }')} } }`);
    expectTooComplex(res, /costs \d+; the limit is 25000/);
  });

  it('refuses every type\'s fields aliased 100 times, which one item per list used to let through', async () => {
    const res = await api.graphql(`{ __schema { types { ${aliases(100, 'fields { name }')} } } }`);
    expectTooComplex(res, /costs \d+; the limit is 25000/);
  });

  it('refuses a document over the node limit with QUERY_TOO_COMPLEX, not a masked 500', async () => {
    const res = await api.graphql(`{ __schema { queryType { ${aliases(10_001, 'name')} } } }`);
    expectTooComplex(res, /more than 10000 fields/);
  });
});
