import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { generateOpenApiTypes } from '../../client/codegen/openapi-types.js';
import codegenConfig from '../../codegen.js';
import { buildGraphQLSchema, printSchemaSdl } from '../../src/graphql/build-schema.js';

// The committed schema.graphql is what the resolvers emit, and the committed client types are what
// GraphQL Code Generator makes of that file. Either one stale fails here, naming the command to run.

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const CLIENT_TYPES = 'client/src/generated/graphql.ts';

describe('generated GraphQL artifacts', () => {
  it('schema.graphql is what the code emits (else run `npm run schema` and commit schema.graphql)', async () => {
    const committed = await readFile(path.join(repoRoot, 'schema.graphql'), 'utf8');
    const emitted = printSchemaSdl(await buildGraphQLSchema());
    expect(committed, 'schema.graphql is stale: run `npm run schema` and commit it').toBe(emitted);
  });

  it(`${CLIENT_TYPES} is what codegen.ts generates (else run \`npm run codegen\` and commit it)`, async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...codegenConfig, cwd: repoRoot, silent: true }, false);
    const generated = outputs.find((output) => path.resolve(repoRoot, output.filename) === path.join(repoRoot, CLIENT_TYPES));
    expect(generated, `codegen.ts no longer generates ${CLIENT_TYPES}`).toBeDefined();
    const committed = await readFile(path.join(repoRoot, CLIENT_TYPES), 'utf8');
    expect(committed, `${CLIENT_TYPES} is stale: run \`npm run codegen\` (after \`npm run schema\` when schema.graphql is stale too) and commit it`).toBe(generated?.content);
  });

  it('client/src/generated/openapi.ts is what openapi-typescript makes of openapi.json (else run `npm run codegen`)', async () => {
    const committed = await readFile(path.join(repoRoot, 'client/src/generated/openapi.ts'), 'utf8');
    expect(committed, 'client/src/generated/openapi.ts is stale: run `npm run openapi && npm run codegen` and commit it').toBe(await generateOpenApiTypes());
  });
});
