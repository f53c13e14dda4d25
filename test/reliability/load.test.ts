import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeCsv } from '../fixtures/sample-files.js';
import { ApiClient, type TestWorkspace } from '../helpers/api-client.js';
import { getHashed, sendRaw } from '../helpers/raw-http.js';
import { startServerProcesses, type ServerProcesses } from '../helpers/server-processes.js';
import { expectError, sha256, UPLOAD_FIELDS } from '../helpers/upload-expectations.js';

// 200 concurrent clients on one link of one workspace, against the built server with rate limits off:
// each sends a file, lists the link's uploads and downloads a file, in an order of its own. The link
// holds 160 (10 already there): exactly 150 of the 200 are stored, 50 get 429 upload_limit_reached,
// every answer is well-formed and documented, and no file is lost or stored twice. No timing asserted;
// memory is printed. `npm run test:stress` (INTAKE_STRESS=1) spreads the 200 clients over 20 links
// for 10 rounds (2,000 uploads), each link again holding 10 seeded plus three quarters of what is sent.

const STRESS = process.env['INTAKE_STRESS'] === '1';
const LINKS = STRESS ? 20 : 1;
const CLIENTS = 200 / LINKS; // per link, 200 in all
const ROUNDS = STRESS ? 10 : 1;
const SEEDED = 10;
const ACCEPTED = (CLIENTS * ROUNDS * 3) / 4; // per link: 150 by default
const MAX_UPLOADS = SEEDED + ACCEPTED;

let procs: ServerProcesses;
let api: ApiClient;
let ws: TestWorkspace;
beforeAll(async () => {
  procs = await startServerProcesses(1);
  api = new ApiClient(procs.processes[0]!.url);
  ws = await api.createWorkspace(procs.adminToken);
});
afterAll(() => procs?.stop());

const fileFor = (link: number, round: number, client: number) => {
  const bytes = largeCsv(2_000 + ((client * 997) % 18_000));
  bytes.write(`L${link}R${round}C${client}`.padEnd(16, 'x'), bytes.length - 20, 'latin1');
  return bytes;
};

describe(`200 concurrent clients on ${LINKS} link(s)`, () => {
  it('mix uploads, listings and downloads: every answer documented, counts exact, nothing lost or doubled', { timeout: STRESS ? 600_000 : 60_000 }, async () => {
    const url = procs.processes[0]!.url;
    const links = await Promise.all(Array.from({ length: LINKS }, () => api.createLink(ws, { max_uploads: MAX_UPLOADS })));
    const sent = new Map<string, string>(); // upload id -> sha256 of the bytes sent
    for (const [l, link] of links.entries()) {
      for (let i = 0; i < SEEDED; i++) {
        const bytes = fileFor(l, -1, i);
        const res = await api.upload(link.link_token, bytes, { filename: `seed-${i}.csv`, contentType: 'text/csv' });
        expect(res.status).toBe(201);
        sent.set(res.body.id, sha256(bytes));
      }
    }
    const seededIds = [...sent.keys()];
    const tally = { created: 0, full: 0, listings: 0, downloads: 0 };
    // Figures for the output, not assertions (the machine is shared).
    const started = Date.now();

    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all(
        Array.from({ length: CLIENTS * LINKS }, async (_, n) => {
          const l = n % LINKS;
          const client = Math.floor(n / LINKS);
          const link = links[l]!;
          const list = async () => {
            const res = await sendRaw(url, { method: 'GET', path: `/v1/${ws.id}/intake/links/${link.id}/uploads`, headers: { authorization: `Bearer ${ws.apiKey}` } });
            expect(res.status).toBe(200);
            expect(Array.isArray(res.json)).toBe(true);
            expect(res.json.length).toBeGreaterThanOrEqual(SEEDED);
            expect(res.json.length).toBeLessThanOrEqual(MAX_UPLOADS);
            for (const upload of res.json) expect(Object.keys(upload)).toEqual(UPLOAD_FIELDS);
            expect(new Set(res.json.map((u: { id: string }) => u.id)).size).toBe(res.json.length);
            tally.listings++;
          };
          const download = async (id: string) => {
            const res = await getHashed(url, `/v1/${ws.id}/intake/links/${link.id}/uploads/${id}/download`, { authorization: `Bearer ${ws.apiKey}` });
            expect({ status: res.status, sha256: res.sha256 }).toEqual({ status: 200, sha256: sent.get(id) });
            tally.downloads++;
          };
          const upload = async () => {
            const bytes = fileFor(l, round, client);
            const res = await sendRaw(url, {
              path: `/upload/${link.link_token}/files`,
              headers: { 'x-amigo-intake-filename': `c${client}.csv`, 'x-amigo-intake-content-type': 'text/csv' },
              body: bytes,
            });
            if (res.status === 201) {
              expect(Object.keys(res.json)).toEqual(UPLOAD_FIELDS);
              expect(res.json.sha256).toBe(sha256(bytes));
              sent.set(res.json.id, sha256(bytes));
              tally.created++;
              return res.json.id as string;
            }
            expectError(res, 429, 'upload_limit_reached');
            tally.full++;
            return undefined;
          };
          const seeded = seededIds[l * SEEDED + (client % SEEDED)]!; // one of this link's seeded files
          // Three orders, so listings and downloads run while uploads are in flight.
          switch (client % 3) {
            case 0: {
              const id = await upload();
              await list();
              await download(id ?? seeded);
              break;
            }
            case 1:
              await list();
              await download(seeded);
              await upload();
              break;
            default: {
              const [id] = await Promise.all([upload(), download(seeded), list()]);
              if (id) await download(id);
            }
          }
        }),
      );
    }
    const seconds = (Date.now() - started) / 1000;
    const rss = await procs.processes[0]!.peakRssBytes();
    console.log(`load: ${JSON.stringify(tally)} in ${seconds.toFixed(1)} s; server peak RSS ${(rss / 1024 / 1024).toFixed(0)} MiB`);

    expect({ created: tally.created, full: tally.full }).toEqual(STRESS ? { created: 1500, full: 500 } : { created: 150, full: 50 });
    for (const link of links) {
      const [row] = await procs.db.query('select upload_count, reserved_uploads, (select count(*)::int from uploads where link_id = $1) as rows from intake_links where id = $1', [link.id]);
      expect(row).toEqual(STRESS ? { upload_count: 85, reserved_uploads: 0, rows: 85 } : { upload_count: 160, reserved_uploads: 0, rows: 160 });
    }
    const listed = (await Promise.all(links.map(async (link) => (await api.request('GET', `/v1/${ws.id}/intake/links/${link.id}/uploads`, { token: ws.apiKey })).body as { id: string; sha256: string }[]))).flat();
    expect(listed.map((u) => u.id).sort()).toEqual([...sent.keys()].sort());
    for (const u of listed) expect(u.sha256).toBe(sent.get(u.id));
  });
});
