// Preload for bench/micro/upload-round-trips.ts: counts every statement the server sends through pg
// (each is one round trip), and writes them to $DATA_DIR/queries.json on SIGUSR2.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
const require = createRequire(process.cwd() + '/package.json');
const pg = require('pg');
const seen = [];
for (const proto of [pg.Client.prototype]) {
  const original = proto.query;
  proto.query = function (config, ...rest) {
    const text = typeof config === 'string' ? config : config?.text;
    seen.push(String(text).replace(/\s+/g, ' ').slice(0, 140));
    return original.call(this, config, ...rest);
  };
}
process.on('SIGUSR2', () => {
  writeFileSync(process.env.DATA_DIR + '/queries.json', JSON.stringify(seen.splice(0)));
});
