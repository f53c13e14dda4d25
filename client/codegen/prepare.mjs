// npm runs `prepare` after installing the workspace, so `npx intake-links` works right after
// `npm install`. A production install (`npm ci --omit=dev`) has no TypeScript: it skips the build
// (the server does not need the client) instead of failing the install.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  process.stdout.write('@intake-links/client: TypeScript is not installed (production install); dist/ not built\n');
  process.exit(0);
}
execFileSync(process.execPath, [tsc, '-p', new URL('../tsconfig.json', import.meta.url).pathname], { stdio: 'inherit' });
