import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The start command carries three V8 heap flags (docs/deploy.md, "Node flags"): every place that states it.
const root = path.resolve(import.meta.dirname, '..', '..');
const read = (file: string) => readFile(path.join(root, file), 'utf8');

describe('the documented start command', () => {
  it('is the same launch, with the heap flags, in the Dockerfile, npm start and docs/deploy.md', async () => {
    expect(await read('Dockerfile')).toContain('CMD ["node", "--enable-source-maps", "--expose-gc", "--initial-old-space-size=256", "--no-allocation-site-pretenuring", "dist/main.js"]');
    expect(JSON.parse(await read('package.json')).scripts.start).toBe('npm run build --silent && node --enable-source-maps --expose-gc --initial-old-space-size=256 --no-allocation-site-pretenuring dist/main.js');
    expect(await read('docs/deploy.md')).toContain('NODE_ENV=production node --expose-gc --initial-old-space-size=256 --no-allocation-site-pretenuring dist/main.js');
  });
});
