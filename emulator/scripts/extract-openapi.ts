/**
 * Reduces Adobe's OpenAPI descriptions (AdobeDocs/adobe-pass static/restApiV2.json and static/dcrApi.json) to a
 * structure-only extract — paths, methods, statuses, parameter names, schema field names, types and required
 * flags; no descriptions, no examples — that test/emulator/openapi-structure.test.ts checks the emulator against.
 *
 *   npx tsx emulator/scripts/extract-openapi.ts <restApiV2.json> <dcrApi.json> > test/emulator/fixtures/adobe-openapi-structure.json
 */
import { readFileSync } from 'node:fs';

type Json = Record<string, unknown>;
interface Field {
  type: string;
  required?: true;
  ref?: string;
  items?: string;
  values?: string;
  enum?: string[];
}

const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const refName = (v: unknown): string | undefined => {
  const r = obj(v).$ref;
  return typeof r === 'string' ? r.split('/').pop() : undefined;
};

function field(schema: Json, required: boolean): Field {
  const f: Field = { type: typeof schema.type === 'string' ? schema.type : refName(schema) ? 'object' : 'any' };
  if (required) f.required = true;
  const ref = refName(schema);
  if (ref) f.ref = ref;
  if (schema.items) f.items = refName(schema.items) ?? String(obj(schema.items).type);
  if (schema.additionalProperties) f.values = refName(schema.additionalProperties) ?? String(obj(schema.additionalProperties).type);
  if (Array.isArray(schema.enum)) f.enum = schema.enum.map(String);
  return f;
}

function schemas(doc: Json): Record<string, Record<string, Field>> {
  const out: Record<string, Record<string, Field>> = {};
  for (const [name, raw] of Object.entries(obj(obj(doc.components).schemas))) {
    const s = obj(raw);
    const req = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
    out[name] = Object.fromEntries(Object.entries(obj(s.properties)).map(([k, v]) => [k, field(obj(v), req.has(k))]));
  }
  return out;
}

function operations(doc: Json): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const [path, methods] of Object.entries(obj(doc.paths))) {
    for (const [method, rawOp] of Object.entries(obj(methods))) {
      const op = obj(rawOp);
      if (!op.responses) continue;
      const content = obj(obj(op.requestBody).content);
      out.push({
        method: method.toUpperCase(),
        path,
        parameters: (Array.isArray(op.parameters) ? op.parameters : []).map((p) => {
          const x = obj(p);
          return { name: x.name, in: x.in, ...(x.required === true ? { required: true } : {}) };
        }),
        requestBody: Object.fromEntries(Object.entries(content).map(([type, c]) => [type, refName(obj(c).schema) ?? null])),
        responses: Object.fromEntries(
          Object.entries(obj(op.responses)).map(([status, r]) => {
            const c = obj(obj(r).content);
            const first = Object.values(c)[0];
            return [status, first ? (refName(obj(first).schema) ?? null) : null];
          }),
        ),
      });
    }
  }
  return out.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

function extract(file: string): Json {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Json;
  return {
    servers: (Array.isArray(doc.servers) ? doc.servers : []).map((s) => obj(s).url),
    operations: operations(doc),
    schemas: schemas(doc),
  };
}

const [rest, dcr] = process.argv.slice(2);
if (!rest || !dcr) {
  console.error('usage: extract-openapi.ts <restApiV2.json> <dcrApi.json>');
  process.exit(2);
}
process.stdout.write(`${JSON.stringify({ source: 'AdobeDocs/adobe-pass static/restApiV2.json + static/dcrApi.json (structure only)', restApiV2: extract(rest), dcr: extract(dcr) }, null, 1)}\n`);
