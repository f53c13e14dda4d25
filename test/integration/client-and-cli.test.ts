import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntakeClient, IntakeApiError } from '../../client/src/index.js';
import { samplePdf } from '../fixtures/sample-files.js';
import { startTestServer, TEST_RUNS_DIR, type TestServer } from '../helpers/test-server.js';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'client', 'dist', 'cli', 'main.js');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

/** Runs the built CLI as a user would; never throws, answers its exit status and output. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [CLI, ...args], { env: { PATH: process.env['PATH'] ?? '', INTAKE_LINKS_URL: t.url, ...env } })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }));
}

describe('the typed client against a real server', () => {
  it('creates a workspace and a link, uploads with progress, lists and downloads with SHA-256 verification', async () => {
    const admin = createIntakeClient({ baseUrl: t.url, apiKey: t.adminToken });
    const created = await admin.workspaces.create('Client practice');
    const client = createIntakeClient({ baseUrl: t.url, apiKey: created.api_key });
    const link = await client.links.create(created.id, { customer_slug: 'jane-doe', max_uploads: 5 });

    const pdf = samplePdf();
    const progress: number[] = [];
    const upload = await createIntakeClient({ baseUrl: t.url }).uploads.send(link.link_token, new Blob([pdf]), {
      filename: 'scan résumé.pdf',
      contentType: 'application/pdf',
      onProgress: (sent) => progress.push(sent),
    });
    expect(upload.filename).toBe('scan résumé.pdf');
    expect(upload.sha256).toBe(sha256(pdf));
    expect(progress.at(-1)).toBe(pdf.length);

    expect((await client.uploads.list(created.id, link.id)).map((u) => u.id)).toEqual([upload.id]);
    const download = await client.uploads.download(created.id, link.id, upload.id);
    const bytes = Buffer.from(await new Response(download.stream).arrayBuffer());
    expect(bytes.equals(pdf)).toBe(true);

    const keys = await client.keys.list(created.id);
    expect(keys.map((key) => key.id)).toEqual([created.api_key_id]);
    const events = await client.auditEvents.list(created.id, { limit: 10 });
    expect(events.items.map((event) => event.type)).toEqual(['upload.downloaded', 'upload.received', 'link.created', 'api_key.issued']);

    const viaGraphql = await client.graphql<{ intakeLink: { customerSlug: string } }>('query($ws: ID!, $id: ID!) { intakeLink(workspaceId: $ws, id: $id) { customerSlug } }', { ws: created.id, id: link.id });
    expect(viaGraphql.intakeLink.customerSlug).toBe('jane-doe');
  });

  it('turns a refusal into an IntakeApiError with the server\'s error code', async () => {
    const client = createIntakeClient({ baseUrl: t.url, apiKey: 'ilk_not-a-real-key-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' });
    const refusal = await client.workspaces.get('00000000-0000-4000-8000-000000000000').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(IntakeApiError);
    expect(refusal).toMatchObject({ status: 401, errorCode: 'unauthorized' });
  });
});

describe('the intake-links CLI against a real server', () => {
  it('bootstraps a workspace, creates a link, uploads a file and pulls the link\'s files, with --json', async () => {
    const boot = await cli(['workspaces', 'create', 'CLI practice', '--json'], { INTAKE_LINKS_ADMIN_TOKEN: t.adminToken });
    expect(boot.code).toBe(0);
    const workspace = JSON.parse(boot.stdout);
    const env = { INTAKE_LINKS_API_KEY: workspace.api_key, INTAKE_LINKS_WORKSPACE: workspace.id };

    const link = JSON.parse((await cli(['links', 'create', 'acme-dental', '--max-uploads', '3', '--json'], env)).stdout);
    expect(link.customer_slug).toBe('acme-dental');
    expect(link.max_uploads).toBe(3);

    const dir = await mkdtemp(path.join(TEST_RUNS_DIR, 'cli-'));
    const file = path.join(dir, 'insurance card.pdf');
    await writeFile(file, samplePdf());
    const sent = await cli(['uploads', 'send', link.link_token, file, '--json'], env);
    expect(sent.code).toBe(0);
    const [upload] = JSON.parse(sent.stdout);
    expect(upload.filename).toBe('insurance card.pdf');

    const pulled = await cli(['download', link.id, '--out', path.join(dir, 'out'), '--json'], env);
    expect(pulled.code).toBe(0);
    const [written] = JSON.parse(pulled.stdout);
    expect(written).toMatchObject({ id: upload.id, sha256: sha256(samplePdf()), verified: true });
    expect((await readFile(written.path)).equals(samplePdf())).toBe(true);

    const keys = JSON.parse((await cli(['keys', 'list', '--json'], env)).stdout);
    expect(keys.map((key: any) => key.id)).toEqual([workspace.api_key_id]);
    const audit = JSON.parse((await cli(['audit', '--link', link.id, '--json'], env)).stdout);
    expect(audit.map((event: any) => event.type)).toEqual(['upload.downloaded', 'upload.received', 'link.created']);
  });

  it('exits 2 for bad usage, 3 for a bad key, 4 for an unknown link, and prints --help', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit status: 0 done');
    expect((await cli(['links', 'fly'])).code).toBe(2);
    const badKey = { INTAKE_LINKS_API_KEY: 'ilk_not-a-real-key-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', INTAKE_LINKS_WORKSPACE: '00000000-0000-4000-8000-000000000000' };
    expect((await cli(['links', 'list'], badKey)).code).toBe(3);
    const boot = JSON.parse((await cli(['workspaces', 'create', 'Exit codes', '--json'], { INTAKE_LINKS_ADMIN_TOKEN: t.adminToken })).stdout);
    const unknown = await cli(['links', 'show', '00000000-0000-4000-8000-000000000000', '--json'], { INTAKE_LINKS_API_KEY: boot.api_key, INTAKE_LINKS_WORKSPACE: boot.id });
    expect(unknown.code).toBe(4);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ exit_code: 4 });
  });
});
