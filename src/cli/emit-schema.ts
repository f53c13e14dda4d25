import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { buildGraphQLSchema, printSchemaSdl } from '../graphql/build-schema.js';

// `npm run schema`: writes schema.graphql from the resolvers (a test fails when the file is stale).
const target = new URL('../../schema.graphql', import.meta.url);
await writeFile(target, printSchemaSdl(await buildGraphQLSchema()));
process.stdout.write(`wrote ${target.pathname}\n`);
