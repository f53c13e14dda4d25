import { writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

/*
 * REST types for the client, from the committed openapi.json (openapi-typescript). Binary bodies
 * (`format: binary`: the upload and the download) are typed as Blob, not string, so a file
 * type-checks as an upload body. `npm run codegen` runs this; a test fails when the output is stale.
 */

export const OPENAPI_SOURCE = new URL('../../openapi.json', import.meta.url);
export const OPENAPI_TYPES = new URL('../src/generated/openapi.ts', import.meta.url);

const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier('Blob'));

export async function generateOpenApiTypes(): Promise<string> {
  const ast = await openapiTS(OPENAPI_SOURCE, {
    transform(schema) {
      if ('format' in schema && schema.format === 'binary') return BLOB;
      return undefined;
    },
  });
  return astToString(ast);
}

if (import.meta.main) {
  await writeFile(OPENAPI_TYPES, await generateOpenApiTypes());
  process.stdout.write(`wrote ${OPENAPI_TYPES.pathname}\n`);
}
