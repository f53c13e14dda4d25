import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator: TypeScript types for every type of schema.graphql, for frontend teams.
 * `npm run codegen` regenerates them; a test fails when the committed output is stale.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'client/src/generated/graphql.ts': {
      plugins: ['typescript'],
      config: {
        enumsAsTypes: true,
        scalars: { DateTimeISO: 'string', File: 'File | Blob', JSONObject: 'Record<string, unknown>', SafeInt: 'number' },
        avoidOptionals: { field: true, inputValue: false, object: true },
      },
    },
  },
  hooks: {},
};

export default config;
