// The bare baseline for the link list: express + pg (a pool of 10, as the product's), running the
// same SQL as the product per request: the API key lookup, the cursor's link when there is one, and
// the page (the same statement as LinkRepository.listPage). Answers the same JSON array and the same
// Link header. No validation, no services, no ORM, no logging. GET /healthz answers 200.
import { createHash } from 'node:crypto';
import express from 'express';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'], max: 10 });
const COLUMNS = 'id, workspace_id, customer_slug, display_name, token, created_at, expires_at, revoked_at, max_uploads, upload_count, last_upload_at';
const COLUMNS_OF_L = COLUMNS.split(', ').map((c) => `l.${c}`).join(', ');
const ACTIVE = 'revoked_at is null and expires_at > $2 and upload_count + reserved_uploads < max_uploads';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
function status(row: any, now: Date): string {
  if (row.revoked_at) return 'revoked';
  if (row.expires_at <= now) return 'expired';
  if (row.upload_count >= row.max_uploads) return 'exhausted';
  return 'active';
}

const app = express();
app.get('/healthz', (_req, res) => void res.send('ok'));
app.get('/v1/:ws/intake/links', async (req, res) => {
  try {
    const key = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const digest = createHash('sha256').update(key).digest('hex');
    const auth = await pool.query('select id, workspace_id, created_at, revoked_at from api_keys where secret_sha256 = $1 and revoked_at is null', [digest]);
    if (auth.rows[0]?.workspace_id !== req.params.ws) return void res.status(401).json({ error_code: 'unauthorized' });
    const activeOnly = req.query['include_expired'] !== 'true';
    const limit = Number(req.query['limit'] ?? 100);
    const now = new Date();
    const params: unknown[] = [req.params.ws];
    const where = ['workspace_id = $1'];
    if (activeOnly) {
      params.push(now);
      where.push(ACTIVE);
    }
    if (typeof req.query['cursor'] === 'string') {
      const after = await pool.query(`select ${COLUMNS} from intake_links where id = $1 and workspace_id = $2`, [req.query['cursor'], req.params.ws]);
      params.push(after.rows[0].created_at, after.rows[0].id);
      where.push(`(created_at, id) < ($${params.length - 1}, $${params.length})`);
    }
    params.push(limit + 1);
    const sql = activeOnly
      ? `with candidates as materialized (select id, created_at from intake_links where ${where.join(' and ')}),
              page as (select id, created_at from candidates order by created_at desc, id desc limit $${params.length})
         select ${COLUMNS_OF_L} from page join intake_links l using (id) order by page.created_at desc, page.id desc`
      : `select ${COLUMNS} from intake_links where ${where.join(' and ')} order by created_at desc, id desc limit $${params.length}`;
    const { rows } = await pool.query(sql, params);
    const items = rows.slice(0, limit);
    if (rows.length > limit) {
      const next = new URL(req.originalUrl, 'http://127.0.0.1');
      next.searchParams.set('cursor', items.at(-1).id);
      res.setHeader('link', `<${next.pathname}${next.search}>; rel="next"`);
    }
    res.json(
      items.map((l) => ({
        id: l.id,
        workspace_id: l.workspace_id,
        customer_slug: l.customer_slug,
        display_name: l.display_name,
        upload_url: `/u/${l.token}`,
        link_token: l.token,
        status: status(l, now),
        created_at: iso(l.created_at),
        expires_at: iso(l.expires_at),
        revoked_at: iso(l.revoked_at),
        max_uploads: l.max_uploads,
        upload_count: l.upload_count,
        last_upload_at: iso(l.last_upload_at),
      })),
    );
  } catch (error) {
    res.status(500).send(String(error));
  }
});
app.listen(Number(process.env['PORT']), '127.0.0.1');
