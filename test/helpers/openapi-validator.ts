import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/*
 * Every answer the REST tests receive is checked against the committed openapi.json: a documented
 * operation that answers an undocumented status, or a JSON body its schema does not allow, fails the
 * test that received it. The document cannot promise what the server does not do.
 */

const doc = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components: object;
};
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

// Literal segments win over parameters (`/v1/workspaces/{id}` before `/v1/{workspace_id}/...`).
const templates = Object.keys(doc.paths)
  .map((template) => ({ template, params: (template.match(/\{/g) ?? []).length, regex: new RegExp(`^${template.replace(/\{[a-z_]+\}/g, '[^/]+')}$`) }))
  .sort((a, b) => a.params - b.params);
const validators = new Map<string, ValidateFunction>();

export function assertMatchesOpenApi(method: string, url: string, status: number, contentType: string | null, body: unknown): void {
  const pathname = new URL(url, 'http://x').pathname;
  const template = templates.find((candidate) => candidate.regex.test(pathname))?.template;
  const operation = template ? doc.paths[template]![method.toLowerCase()] : undefined;
  if (!template || !operation) return; // not a documented operation (405, unknown routes, GraphQL)
  const response = operation.responses[String(status)];
  if (!response) throw new Error(`openapi.json: ${method} ${template} answered ${status}, which it does not document`);
  if (!contentType?.startsWith('application/json') || body === undefined) return;
  const schema = response.content?.['application/json']?.schema;
  if (!schema) throw new Error(`openapi.json: ${method} ${template} ${status} answered JSON, documented as no JSON body`);
  const key = `${method} ${template} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile({ ...schema, components: doc.components });
    validators.set(key, validate);
  }
  if (!validate(body)) throw new Error(`openapi.json: ${key} body does not match its schema: ${ajv.errorsText(validate.errors)}`);
}
