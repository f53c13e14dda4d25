import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf, samplePng } from '../fixtures/sample-files.js';
import { startServerWithWorkspace, type ServerWithWorkspace } from '../helpers/server-with-workspace.js';

// The raw route also takes a multipart/form-data body with one file part (a plain form, curl -F).
let s: ServerWithWorkspace;
beforeAll(async () => {
  s = await startServerWithWorkspace();
});
afterAll(async () => {
  await s?.t.stop();
});

function form(...files: { name: string; type: string; bytes: Buffer }[]): FormData {
  const body = new FormData();
  body.append('note', 'ignored field');
  for (const file of files) body.append('file', new Blob([file.bytes], { type: file.type }), file.name);
  return body;
}

describe('multipart/form-data on POST /upload/{link_token}/files', () => {
  it('stores the file part itself (not the envelope), named and typed by the part', async () => {
    const link = await s.api.createLink(s.ws);
    const pdf = samplePdf();
    const res = await fetch(`${s.t.url}/upload/${link.link_token}/files`, { method: 'POST', body: form({ name: 'scan.pdf', type: 'application/pdf', bytes: pdf }) });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { filename: string; content_type: string; size_bytes: number };
    expect(body.filename).toBe('scan.pdf');
    expect(body.content_type).toBe('application/pdf');
    expect(body.size_bytes).toBe(pdf.length);
  });

  it('lets the x-amigo headers win over the part', async () => {
    const link = await s.api.createLink(s.ws);
    const res = await fetch(`${s.t.url}/upload/${link.link_token}/files`, {
      method: 'POST',
      headers: { 'x-amigo-intake-filename': 'tarjeta%20seguro.png', 'x-amigo-intake-content-type': 'image/png' },
      body: form({ name: 'blob.bin', type: 'application/octet-stream', bytes: samplePng() }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { filename: string }).filename).toBe('tarjeta seguro.png');
  });

  it('refuses a second file part with 400 too_many_files and stores nothing', async () => {
    const link = await s.api.createLink(s.ws);
    const res = await fetch(`${s.t.url}/upload/${link.link_token}/files`, {
      method: 'POST',
      body: form({ name: 'a.pdf', type: 'application/pdf', bytes: samplePdf() }, { name: 'b.pdf', type: 'application/pdf', bytes: samplePdf() }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error_code: string }).error_code).toBe('too_many_files');
    expect(await s.t.db.query('select id from uploads where link_id = $1', [link.id])).toEqual([]);
  });

  it('answers a browser form (Accept: text/html) with 303 to the received page, and a refusal with a page in words', async () => {
    const link = await s.api.createLink(s.ws);
    const accept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const ok = await fetch(`${s.t.url}/upload/${link.link_token}/files?lang=es`, {
      method: 'POST',
      redirect: 'manual',
      headers: { accept },
      body: form({ name: 'scan.pdf', type: 'application/pdf', bytes: samplePdf() }),
    });
    expect(ok.status).toBe(303);
    const location = ok.headers.get('location') ?? '';
    expect(location).toMatch(new RegExp(`^/upload/${link.link_token}/received/[0-9a-f-]{36}\\?lang=es$`));
    const page = await fetch(`${s.t.url}${location}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>Archivo recibido</h1>');

    const refused = await fetch(`${s.t.url}/upload/${link.link_token}/files`, {
      method: 'POST',
      headers: { accept },
      body: form({ name: 'notes.txt', type: 'text/plain', bytes: Buffer.from('hello') }),
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await refused.text()).toContain('This type of file cannot be sent. Send one of: PDF, CSV, JPG, JPEG, PNG, DOC, DOCX, PPT, PPTX.');
  });

  it('refuses a body that claims multipart but is not with 400 bad_request', async () => {
    const link = await s.api.createLink(s.ws);
    const res = await fetch(`${s.t.url}/upload/${link.link_token}/files`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: 'name,total\nJane,12\n',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error_code: string }).error_code).toBe('bad_request');
  });

  it('never writes the token of a page request into the log', async () => {
    const link = await s.api.createLink(s.ws);
    await fetch(`${s.t.url}/upload/${link.link_token}`);
    await fetch(`${s.t.url}/upload/${link.link_token}/received/00000000-0000-0000-0000-000000000000`);
    expect(JSON.stringify(s.t.logs)).not.toContain(link.link_token);
  });
});
