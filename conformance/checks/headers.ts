/** Parameters and headers, checklist items 28–33 (§3.6 matrix, §6.2, §6.3). */
import { header, type JournalEntry } from '../lib/emulator';
import type { ProxyRecord } from '../lib/proxy';
import {
  decodeDeviceIdentifier,
  decodeDeviceInfo,
  deviceIdentifierProblem,
  deviceInfoProblems,
} from '../spec/device-info';
import { endpointOf, isRestV2 } from '../spec/endpoints';
import { ACCEPT, BODY, CONTENT_TYPES, QUERY, TRANSPORT_HEADERS, cell, requiredHeaders } from '../spec/header-matrix';
import { device, ep, line } from './util';
import { notApplicable, verdict, type Check, type CheckContext } from './types';

const restV2 = (journal: JournalEntry[]) => journal.filter((e) => isRestV2(ep(e)));

function split(ctx: CheckContext, entries: JournalEntry[]): { tv: JournalEntry[]; phone: JournalEntry[] } {
  const phone = ctx.facts.phone?.identifier;
  return { tv: entries.filter((e) => device(e) !== phone), phone: entries.filter((e) => device(e) === phone) };
}

/** Header and query violations of one journal entry against §3.6 + the checklist overlay. */
export function headerViolations(e: JournalEntry): string[] {
  const endpoint = endpointOf(e.method, e.path);
  if (!endpoint) return [`${e.method} ${e.path}: not a documented call`];
  const rest = isRestV2(endpoint);
  const out: string[] = [];
  for (const name of Object.keys(e.headers)) {
    if (TRANSPORT_HEADERS.indexOf(name) >= 0) continue;
    if (cell(name, endpoint, rest) === '-') out.push(`${endpoint}: header ${name} not defined`);
  }
  for (const name of requiredHeaders(endpoint, rest))
    if (header(e, name) === undefined) out.push(`${endpoint}: missing ${name}`);
  const accept = header(e, 'accept');
  if (accept !== undefined && !ACCEPT.test(accept)) out.push(`${endpoint}: Accept ${accept}`);
  const body = BODY[endpoint];
  const ct = header(e, 'content-type');
  if (body && (!ct || !CONTENT_TYPES[body.type].test(ct))) out.push(`${endpoint}: Content-Type ${ct ?? 'absent'}`);
  const q = QUERY[endpoint] ?? { required: [], optional: [] };
  for (const k of Object.keys(e.query))
    if (q.required.indexOf(k) < 0 && q.optional.indexOf(k) < 0) out.push(`${endpoint}: query ${k} not defined`);
  for (const k of q.required) if (e.query[k] === undefined) out.push(`${endpoint}: query ${k} missing`);
  return out;
}

/** Body parameter violations of one recorded request (§4.1, §4.2, §5.2, §5.3, §5.9, §5.10). */
export function bodyViolations(r: ProxyRecord, preauthorizeMax = 5): string[] {
  const endpoint = endpointOf(r.method, r.path);
  if (!endpoint) return [];
  const spec = BODY[endpoint];
  if (!spec) return r.body === '' ? [] : [`${endpoint}: unexpected body`];
  let params: Record<string, unknown>;
  if (spec.type === 'form') {
    params = {};
    const form = new URLSearchParams(r.body);
    for (const k of Array.from(form.keys())) {
      if (k in params) return [`${endpoint}: duplicated ${k}`];
      params[k] = form.get(k);
    }
  } else {
    try {
      const parsed: unknown = JSON.parse(r.body);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return [`${endpoint}: body is not a JSON object`];
      params = parsed as Record<string, unknown>;
    } catch {
      return [`${endpoint}: body is not JSON`];
    }
  }
  const out: string[] = [];
  for (const k of Object.keys(params))
    if (spec.required.indexOf(k) < 0 && spec.optional.indexOf(k) < 0)
      out.push(`${endpoint}: parameter ${k} not defined`);
  for (const k of spec.required)
    if (params[k] === undefined || params[k] === '') out.push(`${endpoint}: parameter ${k} missing`);
  if (endpoint === 'token' && params.grant_type !== 'client_credentials')
    out.push('token: grant_type is not client_credentials');
  if (endpoint === 'authorize' || endpoint === 'preauthorize') {
    const res = params.resources;
    if (!Array.isArray(res) || !res.every((x) => typeof x === 'string'))
      out.push(`${endpoint}: resources is not a list of strings`);
    else if (endpoint === 'authorize' && res.length !== 1) out.push(`authorize: ${res.length} resources`);
    else if (endpoint === 'preauthorize' && (res.length < 1 || res.length > preauthorizeMax))
      out.push(`preauthorize: ${res.length} resources`);
  }
  return out;
}

export const headerChecks: Check[] = [
  {
    item: 28,
    strength: 'MUST',
    scope: 'C, S',
    title: 'Authorization on every REST V2 request',
    run(ctx) {
      const all = restV2(ctx.journal);
      const bad = all.filter((e) => !/^Bearer \S+$/.test(header(e, 'authorization') ?? ''));
      const { tv, phone } = split(ctx, all);
      return verdict(
        [[`${bad.length} REST V2 requests without "Bearer <token>"`, bad.length === 0 && phone.length > 0]],
        `${tv.length} TV + ${phone.length} second-screen REST V2 requests, all "Bearer …"`,
        bad.map(line),
      );
    },
  },
  {
    item: 29,
    strength: 'MUST',
    scope: 'C',
    title: 'AP-Device-Identifier on every request, real device',
    run(ctx) {
      const { tv } = split(ctx, restV2(ctx.journal));
      const bad = tv.filter((e) => deviceIdentifierProblem(header(e, 'ap-device-identifier')) !== undefined);
      const tvIds = new Set(ctx.facts.tvs.map((t) => t.deviceIdentifierHeader()));
      const foreign = tv.filter((e) => !tvIds.has(header(e, 'ap-device-identifier') ?? ''));
      const sample = tv[0] ? decodeDeviceIdentifier(header(tv[0], 'ap-device-identifier') ?? '') : '';
      return verdict(
        [
          [`${bad.length} malformed/missing`, bad.length === 0],
          [`${foreign.length} not the sending TV's own persisted id`, foreign.length === 0],
        ],
        `${tv.length} TV requests: "fingerprint <base64>" of the TV's UUID (e.g. ${sample.slice(0, 8)}…) from src/platform`,
        bad.concat(foreign).map(line),
      );
    },
  },
  {
    item: 30,
    strength: 'MUST',
    scope: 'C',
    title: 'X-Device-Info on every request, real device',
    run(ctx) {
      const { tv } = split(ctx, restV2(ctx.journal));
      const dcr = ctx.journal.filter((e) => ep(e) === 'register' || ep(e) === 'token');
      const problems: string[] = [];
      for (const e of tv.concat(dcr)) {
        const p = deviceInfoProblems(header(e, 'x-device-info'));
        if (p.length > 0) problems.push(`${line(e)}: ${p.join(', ')}`);
      }
      const infos = new Set(ctx.facts.tvs.map((t) => t.platform.deviceInfoHeader()));
      const foreign = tv.filter((e) => !infos.has(header(e, 'x-device-info') ?? ''));
      const sample = tv[0] ? decodeDeviceInfo(header(tv[0], 'x-device-info') ?? '') : {};
      return verdict(
        [
          [`${problems.length} invalid (required keys, documented values)`, problems.length === 0],
          [`${foreign.length} not the platform layer's description of the TV`, foreign.length === 0],
        ],
        `${tv.length} TV + ${dcr.length} DCR requests: Base64 JSON, e.g. ${String(sample.primaryHardwareType)}/${String(sample.manufacturer ?? '')} ${String(sample.model)} ${String(sample.osName)} ${String(sample.osVersion)}, ${String(sample.connectionType)}`,
        problems.concat(foreign.map(line)),
      );
    },
  },
  {
    item: 31,
    strength: 'MUST',
    scope: 'C',
    title: 'Stable, persisted device identifier',
    run({ facts }) {
      const tv = facts.tvs[0];
      const persisted = facts.tvs.every((t) => t.backend.getItem('tve.deviceId') !== null);
      const distinct = new Set(facts.tvs.map((t) => t.deviceIdentifierHeader())).size === facts.tvs.length;
      return verdict(
        [
          [
            'same AP-Device-Identifier before and after an app restart',
            !!facts.firstDevice &&
              facts.firstDevice === facts.relaunchDevice &&
              tv?.deviceIdentifierHeader() === facts.firstDevice,
          ],
          ['id persisted in storage (tve.deviceId)', persisted],
          ['each TV has its own id', distinct],
        ],
        `id generated once (UUID v4), stored as tve.deviceId, identical across ${tv?.launches.length ?? 0} launches of the first TV`,
      );
    },
  },
  {
    item: 32,
    strength: 'MUST',
    scope: 'C, S',
    title: 'Only the parameters and headers V2 defines',
    run(ctx) {
      const headerProblems = ctx.journal.flatMap((e) => headerViolations(e).map((p) => `#${e.seq} ${p}`));
      const max = ctx.facts.shipped.preauthorizeBatchSize ?? 5;
      const bodyProblems = ctx.proxy.flatMap((r) => bodyViolations(r, max).map((p) => `${r.method} ${r.path}: ${p}`));
      const uniq = Array.from(
        new Set(
          headerProblems
            .map((p) => p.replace(/^#\d+ /, ''))
            .concat(bodyProblems.map((p) => p.replace(/^\S+ \S+: /, ''))),
        ),
      );
      return verdict(
        [
          [
            `${headerProblems.length + bodyProblems.length} violations: ${uniq.slice(0, 4).join('; ')}`,
            headerProblems.length + bodyProblems.length === 0,
          ],
        ],
        `${ctx.journal.length} requests (headers, query) and ${ctx.proxy.length} bodies match the §3.6 matrix + §4/§5 parameters`,
        headerProblems.concat(bodyProblems).slice(0, 40),
      );
    },
  },
  {
    item: 33,
    strength: 'SHOULD',
    scope: 'C',
    title: 'Reuse V1 device id / device info / DCR code',
    run() {
      return notApplicable('new app: there is no REST API V1 / SDK implementation to reuse');
    },
  },
];
