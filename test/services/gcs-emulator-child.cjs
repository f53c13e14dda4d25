'use strict';
// Runs the firebase-tools storage emulator (a GCS JSON API) in its own process, without Java.
// Usage: node gcs-emulator-child.cjs <firebaseToolsDir> <port> <blobDir>
// Prints `READY <port>` once it answers; exits non-zero on any startup error; SIGTERM stops it.
// With GCS_EMULATOR_EXIT_ON_STDIN_END=1 it also stops when its stdin closes (the parent is gone).
const { rm } = require('node:fs/promises');
const path = require('node:path');

const [toolsDir, portArg, blobDir] = process.argv.slice(2);
const port = Number(portArg);
if (!toolsDir || !blobDir || !Number.isInteger(port) || port <= 0) {
  console.error('usage: node gcs-emulator-child.cjs <firebaseToolsDir> <port> <blobDir>');
  process.exit(2);
}

let ready = false;
let stopping = false;

function fail(err) {
  console.error(`gcs-emulator-child: ${ready ? 'crashed' : 'failed to start'}: ${err && err.stack ? err.stack : err}`);
  // A busy port surfaces as an uncaught exception from listen(), so startup errors arrive here too.
  rm(blobDir, { recursive: true, force: true }).finally(() => process.exit(1));
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

async function main() {
  const { StorageEmulator } = require(path.join(toolsDir, 'lib/emulator/storage'));
  const { EmulatorRegistry } = require(path.join(toolsDir, 'lib/emulator/registry'));

  // The default blob folder is shared by every instance and stop() deletes it, so each gets its own.
  class OwnDirStorageEmulator extends StorageEmulator {
    getPersistenceTmpDir() {
      return blobDir;
    }
  }
  // A demo- project id keeps the emulator away from the real Firebase API.
  const emulator = new OwnDirStorageEmulator({ projectId: 'demo-test', host: '127.0.0.1', port, auto_download: false });
  // The rules engine is the only part needing Java; the server never evaluates rules for admin calls.
  emulator._rulesRuntime = { start: async () => {}, stop: async () => {} };
  emulator._rulesManager = { start: async () => {}, stop: async () => {}, getRuleset: () => undefined };

  const stop = () => {
    if (stopping) return;
    stopping = true;
    EmulatorRegistry.stop('storage')
      .catch((err) => console.error(`gcs-emulator-child: stop failed: ${err}`))
      .then(() => rm(blobDir, { recursive: true, force: true }))
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The parent holds our stdin open; EOF means it died without stopping us, so don't linger as an orphan.
  if (process.env.GCS_EMULATOR_EXIT_ON_STDIN_END === '1') {
    process.stdin.on('end', stop).resume();
  }

  await EmulatorRegistry.start(emulator);
  await waitUntilServing(`http://127.0.0.1:${port}/b`);
  ready = true;
  process.stdout.write(`READY ${port}\n`);
}

async function waitUntilServing(url) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(url);
      const body = await res.text();
      if (res.status === 200 && body.includes('storage#buckets')) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 storage#buckets within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

main().catch(fail);
