#!/usr/bin/env node
import { createWriteStream } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { subscribeLiveEvents } from '../live-events.js';
import { createIntakeClient, type IntakeClient } from '../rest-client.js';
import { EXIT, exitCodeFor, UsageError } from './exit-codes.js';

const HELP = `intake-links: operate an intake-links server from a terminal

Usage: intake-links <command> [arguments] [options]

  workspaces create <name>              a workspace and its first key (admin token)
  workspaces show                       the workspace
  keys list | issue | revoke <key_id>   API keys of the workspace (issue: admin token)
  links create <customer_slug>          [--display-name N] [--expires-in-hours H] [--max-uploads M]
  links list [--all]                    active links (--all: every link)
  links show <link_id> | revoke <link_id>
  uploads list <link_id>
  uploads send <link_token> <file>...   upload files, with progress
  download <link_id> [upload_id]        one or all files of a link into --out (SHA-256 verified)
  audit [--link <link_id>] [--limit N]  the audit trail, newest first
  workspaces notify-email <addr|none>   where arrival e-mails go (none: no e-mails)
  webhooks create <url> --events E,E    [--description D]; prints the signing secret once
  webhooks list | show <id> | delete <id> | rotate-secret <id>
  webhooks update <id>                  [--webhook-url U] [--events E,E] [--enabled true|false] [--description D]
  webhooks deliveries <id> [--limit N]  the delivery log, newest first
  webhooks redeliver <id> <delivery_id>
  events tail [uploads|links]           live events, one per line, until Ctrl-C
                                        [--link <link_id>] [--count N: stop after N events]

Options (or environment):
  --url URL           INTAKE_LINKS_URL (default http://localhost:3000)
  --api-key KEY       INTAKE_LINKS_API_KEY
  --workspace ID      INTAKE_LINKS_WORKSPACE
  --admin-token TOK   INTAKE_LINKS_ADMIN_TOKEN (used for workspaces create and keys issue)
  --out DIR           where download writes (default .)
  --json              machine-readable output on stdout
  -h, --help

Exit status: 0 done, 1 unexpected failure, 2 bad usage, 3 unauthorized or forbidden,
4 not found (or expired), 5 refused input, 6 server unavailable, 7 checksum mismatch.
`;

const { values: flags, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        'api-key': { type: 'string' },
        workspace: { type: 'string' },
        'admin-token': { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
        all: { type: 'boolean' },
        link: { type: 'string' },
        limit: { type: 'string' },
        'display-name': { type: 'string' },
        'expires-in-hours': { type: 'string' },
        'max-uploads': { type: 'string' },
        events: { type: 'string' },
        description: { type: 'string' },
        enabled: { type: 'string' },
        'webhook-url': { type: 'string' },
        count: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}`);
    process.exit(EXIT.usage);
  }
})();

const env = process.env;
const baseUrl = flags.url ?? env['INTAKE_LINKS_URL'] ?? 'http://localhost:3000';
const apiKey = flags['api-key'] ?? env['INTAKE_LINKS_API_KEY'];
const adminToken = flags['admin-token'] ?? env['INTAKE_LINKS_ADMIN_TOKEN'];
const json = flags.json ?? false;

function required(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`${what} is required`);
  return value;
}
const workspace = () => required(flags.workspace ?? env['INTAKE_LINKS_WORKSPACE'], '--workspace (or INTAKE_LINKS_WORKSPACE)');
const client = (token = apiKey ?? adminToken): IntakeClient => createIntakeClient({ baseUrl, apiKey: required(token, '--api-key (or INTAKE_LINKS_API_KEY)') });
const admin = () => client(required(adminToken, '--admin-token (or INTAKE_LINKS_ADMIN_TOKEN)'));
const int = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/** Prints a result: JSON for scripts, or one human line per item. */
function print(result: unknown, human: (value: any) => string): void {
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else process.stdout.write(`${human(result)}\n`);
}

function progress(label: string, done: number, total: number): void {
  if (json || !process.stderr.isTTY) return;
  const width = 30;
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  process.stderr.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} bytes`);
  if (done >= total) process.stderr.write('\n');
}

async function run(): Promise<void> {
  const [group, action, ...rest] = positionals;
  if (flags.help || !group) {
    process.stdout.write(HELP);
    return;
  }
  switch (`${group} ${action ?? ''}`.trim()) {
    case 'workspaces create': {
      const created = await admin().workspaces.create(required(rest[0], '<name>'));
      return print(created, (w) => `workspace ${w.id} (${w.name})\napi key ${w.api_key_id}: ${w.api_key}  (shown once)`);
    }
    case 'workspaces show':
      return print(await client().workspaces.get(workspace()), (w) => `${w.id}  ${w.name}  created ${w.created_at}`);
    case 'keys list':
      return print(await client().keys.list(workspace()), (keys: any[]) =>
        keys.map((k) => `${k.id}  created ${k.created_at}  ${k.revoked_at ? `revoked ${k.revoked_at}` : 'live'}  last used ${k.last_used_at ?? 'never'}`).join('\n'));
    case 'keys issue':
      return print(await admin().keys.issue(workspace()), (k) => `api key ${k.id}: ${k.api_key}  (shown once)`);
    case 'keys revoke':
      await client().keys.revoke(workspace(), required(rest[0], '<key_id>'));
      return print({ revoked: rest[0] }, () => `revoked key ${rest[0]}`);
    case 'links create': {
      const link = await client().links.create(workspace(), {
        customer_slug: required(rest[0], '<customer_slug>'),
        ...(flags['display-name'] ? { display_name: flags['display-name'] } : {}),
        ...(flags['expires-in-hours'] ? { expires_in_hours: int(flags['expires-in-hours']) } : {}),
        ...(flags['max-uploads'] ? { max_uploads: int(flags['max-uploads']) } : {}),
      });
      return print(link, (l) => `link ${l.id} for ${l.customer_slug}, ${l.status} until ${l.expires_at}\nupload token ${l.link_token}\nupload page ${baseUrl}${l.upload_url}`);
    }
    case 'links list': {
      const items = [];
      let cursor: string | null = null;
      do {
        const page = await client().links.list(workspace(), { include_expired: flags.all ?? false, ...(cursor ? { cursor } : {}) });
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return print(items, (links: any[]) => links.map((l) => `${l.id}  ${l.customer_slug}  ${l.status}  ${l.upload_count}/${l.max_uploads} files`).join('\n'));
    }
    case 'links show':
      return print(await client().links.get(workspace(), required(rest[0], '<link_id>')), (l) => JSON.stringify(l, null, 2));
    case 'links revoke':
      await client().links.revoke(workspace(), required(rest[0], '<link_id>'));
      return print({ revoked: rest[0] }, () => `revoked link ${rest[0]}`);
    case 'uploads list':
      return print(await client().uploads.list(workspace(), required(rest[0], '<link_id>')), (uploads: any[]) =>
        uploads.map((u) => `${u.id}  ${u.filename}  ${u.size_bytes} bytes  sha256 ${u.sha256}  scan ${u.scan_status}`).join('\n'));
    case 'uploads send':
      return sendFiles(required(rest[0], '<link_token>'), rest.slice(1));
    case 'audit': {
      const events = await client().auditEvents.list(workspace(), { ...(flags.link ? { link_id: flags.link } : {}), ...(flags.limit ? { limit: int(flags.limit) } : {}) });
      return print(events.items, (items: any[]) => items.map((e) => `${e.occurred_at}  ${e.type}  ${e.actor.kind}${e.actor.id ? ` ${e.actor.id}` : ''}  ${JSON.stringify(e.detail)}`).join('\n'));
    }
    case 'workspaces notify-email': {
      const address = required(rest[0], '<address|none>');
      const updated = await client().workspaces.update(workspace(), { notify_email: address === 'none' ? null : address });
      return print(updated, (w) => (w.notify_email ? `arrival e-mails go to ${w.notify_email}` : 'no arrival e-mails'));
    }
    case 'webhooks create': {
      const hook = await client().webhooks.create(workspace(), {
        url: required(rest[0], '<url>'),
        events: eventList(required(flags.events, '--events')),
        ...(flags.description !== undefined ? { description: flags.description } : {}),
      });
      return print(hook, (h) => `${webhookLine(h)}\nsigning secret ${h.secret}  (shown once)`);
    }
    case 'webhooks list': {
      const items = [];
      let cursor: string | null = null;
      do {
        const page = await client().webhooks.list(workspace(), cursor ? { cursor } : {});
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return print(items, (hooks: any[]) => hooks.map(webhookLine).join('\n'));
    }
    case 'webhooks show':
      return print(await client().webhooks.get(workspace(), required(rest[0], '<id>')), (h) => JSON.stringify(h, null, 2));
    case 'webhooks update': {
      const enabled = flags.enabled === undefined ? undefined : flags.enabled === 'true' ? true : flags.enabled === 'false' ? false : usage('--enabled takes true or false');
      const hook = await client().webhooks.update(workspace(), required(rest[0], '<id>'), {
        ...(flags['webhook-url'] !== undefined ? { url: flags['webhook-url'] } : {}),
        ...(flags.events !== undefined ? { events: eventList(flags.events) } : {}),
        ...(enabled !== undefined ? { enabled } : {}),
        ...(flags.description !== undefined ? { description: flags.description } : {}),
      });
      return print(hook, webhookLine);
    }
    case 'webhooks delete':
      await client().webhooks.delete(workspace(), required(rest[0], '<id>'));
      return print({ deleted: rest[0] }, () => `deleted webhook ${rest[0]}`);
    case 'webhooks rotate-secret': {
      const hook = await client().webhooks.rotateSecret(workspace(), required(rest[0], '<id>'));
      return print(hook, (h) => `new signing secret ${h.secret}  (shown once; the old one signs too for 24 hours)`);
    }
    case 'webhooks deliveries': {
      const page = await client().webhooks.deliveries(workspace(), required(rest[0], '<id>'), flags.limit ? { limit: int(flags.limit) } : {});
      return print(page.items, (items: any[]) =>
        items.map((d) => `${d.id}  ${d.event_type}  ${d.status}  ${d.attempts} tries  last ${d.last_status_code ?? '-'} in ${d.last_duration_ms ?? '-'} ms  next ${d.next_attempt_at ?? '-'}`).join('\n'));
    }
    case 'webhooks redeliver': {
      const delivery = await client().webhooks.redeliver(workspace(), required(rest[0], '<id>'), required(rest[1], '<delivery_id>'));
      return print(delivery, (d) => `delivery ${d.id} queued again (${d.status})`);
    }
    case 'events tail':
      return tailEvents(rest[0] ?? 'uploads');
    default:
      if (group === 'download') return download(required(action, '<link_id>'), rest[0]);
      throw new UsageError(`unknown command: ${positionals.join(' ')}`);
  }
}

function usage(message: string): never {
  throw new UsageError(message);
}

function eventList(value: string): any[] {
  return value.split(',').map((event) => event.trim()).filter(Boolean);
}

function webhookLine(h: any): string {
  const state = h.enabled ? 'enabled' : `disabled${h.disabled_reason ? ` (${h.disabled_reason})` : ''}`;
  return `${h.id}  ${h.url}  ${h.events.join(',')}  ${state}  ${h.consecutive_failures} failures  last success ${h.last_success_at ?? 'never'}`;
}

/** Prints live events as they commit, one line each (JSON lines with --json), until Ctrl-C or --count. */
async function tailEvents(kind: string): Promise<void> {
  if (kind !== 'uploads' && kind !== 'links') throw new UsageError('events tail takes uploads or links');
  const limit = flags.count ? int(flags.count) : undefined;
  let seen = 0;
  const subscription = subscribeLiveEvents({
    baseUrl,
    apiKey: required(apiKey ?? adminToken, '--api-key (or INTAKE_LINKS_API_KEY)'),
    workspaceId: workspace(),
    kind,
    ...(flags.link ? { linkId: flags.link } : {}),
    // Scripts (and tests) wait for this line on stderr before causing events.
    onReady: () => process.stderr.write(`listening for ${kind} events\n`),
    onEvent: (event) => {
      print(event, (e) => `${e.timestamp}  ${e.type}  ${Object.entries(e.data).map(([k, v]) => `${k}=${String(v)}`).join(' ')}`);
      seen += 1;
      if (limit !== undefined && seen >= limit) subscription.close();
    },
  });
  process.once('SIGINT', () => subscription.close());
  await subscription.done;
}

async function sendFiles(linkToken: string, files: string[]): Promise<void> {
  if (files.length === 0) throw new UsageError('<file> is required');
  // The upload route is public: the link token is the only credential.
  const intake = createIntakeClient({ baseUrl });
  const uploaded = [];
  for (const file of files) {
    const size = (await stat(file)).size;
    const handle = await open(file);
    const upload = await intake.uploads.send(linkToken, Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>, {
      filename: path.basename(file),
      contentType: contentTypeOf(file),
      onProgress: (sent) => progress(path.basename(file), sent, size),
    });
    uploaded.push(upload);
  }
  print(uploaded, (uploads: any[]) => uploads.map((u) => `uploaded ${u.filename}: ${u.id}  sha256 ${u.sha256}`).join('\n'));
}

async function download(linkId: string, uploadId: string | undefined): Promise<void> {
  const api = client();
  const ws = workspace();
  const ids = uploadId ? [uploadId] : (await api.uploads.list(ws, linkId)).map((upload) => upload.id);
  const outDir = flags.out ?? '.';
  await mkdir(outDir, { recursive: true });
  const written = [];
  for (const id of ids) {
    const { upload, stream } = await api.uploads.download(ws, linkId, id);
    const target = path.join(outDir, `${upload.id}-${path.basename(upload.filename)}`);
    let received = 0;
    const counted = stream.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        progress(upload.filename, received, upload.size_bytes);
        controller.enqueue(chunk);
      },
    }));
    await counted.pipeTo(Writable.toWeb(createWriteStream(target)));
    written.push({ id: upload.id, filename: upload.filename, path: target, sha256: upload.sha256, size_bytes: upload.size_bytes, verified: true });
  }
  print(written, (files: any[]) => files.map((f) => `${f.path}  sha256 ${f.sha256} verified`).join('\n'));
}

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf', '.csv': 'text/csv', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png',
  '.doc': 'application/msword', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.ppt': 'application/vnd.ms-powerpoint', '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

try {
  await run();
} catch (error) {
  const code = exitCodeFor(error);
  if (json) process.stdout.write(`${JSON.stringify({ error: (error as Error).message, exit_code: code })}\n`);
  process.stderr.write(`intake-links: ${(error as Error).message}${code === EXIT.usage ? '\n\nRun intake-links --help.' : ''}\n`);
  process.exitCode = code;
}
