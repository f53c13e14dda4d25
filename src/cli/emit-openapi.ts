import { writeFile } from 'node:fs/promises';
import { loadConfig } from '../config/load-config.js';
import { openApiDocumentFor } from '../docs/openapi-document.js';

// `npm run openapi`: writes openapi.json for the default configuration (a test fails when it is stale).
const target = new URL('../../openapi.json', import.meta.url);
await writeFile(target, `${JSON.stringify(openApiDocumentFor(loadConfig({})), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
