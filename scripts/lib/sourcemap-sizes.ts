/**
 * What a bundle holds, from its source map: every generated segment's bytes are charged to the source
 * file it maps to, and sources are grouped (an npm package, a folder of src/, or "(unmapped)" for
 * what no source claims: rollup's wrapper, babel helpers, the licence banner). Gzip per group is the
 * group's bytes compressed on their own — an estimate of its share, not an exact split.
 */
import { gzipSync } from 'node:zlib';

export interface SourceMapLike {
  sources: string[];
  mappings: string;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map<string, number>([...B64].map((c, i) => [c, i]));

/** Decodes one VLQ segment ("AAgBC") into its numbers. */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64_VALUE.get(ch);
    if (digit === undefined) throw new Error(`not a base64 VLQ digit: ${JSON.stringify(ch)}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  if (shift) throw new Error(`truncated VLQ segment ${JSON.stringify(segment)}`);
  return out;
}

/** Generated text per source index (-1: not mapped to any source). */
export function textBySource(code: string, map: SourceMapLike): Map<number, string[]> {
  const lines = code.split('\n');
  const mapLines = map.mappings.split(';');
  const out = new Map<number, string[]>();
  const add = (src: number, text: string) => {
    if (!text) return;
    const list = out.get(src);
    if (list) list.push(text);
    else out.set(src, [text]);
  };
  let source = 0;
  lines.forEach((line, i) => {
    const segs = (mapLines[i] ?? '').split(',').filter(Boolean);
    let col = 0;
    let cursor = 0;
    let current = -1;
    for (const seg of segs) {
      const v = decodeVlq(seg);
      col += v[0] ?? 0;
      add(current, line.slice(cursor, col));
      cursor = col;
      if (v.length >= 4) {
        // Only the source index matters for sizes (original line/column/name are not read).
        source += v[1]!;
        current = source;
      } else current = -1;
    }
    add(current, line.slice(cursor) + (i < lines.length - 1 ? '\n' : ''));
  });
  return out;
}

/** Group name for a source path: npm package, src/<folder>, or the path's last folders. */
export function groupOf(source: string): string {
  const s = source.replace(/\\/g, '/');
  const nm = s.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = s.slice(nm + 'node_modules/'.length).split('/');
    const pkg = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
    // The SDK is big and mixed: show its plugins separately (Router, VideoPlayer, ...).
    if (pkg === '@lightningjs/sdk' || pkg === '@metrological/sdk') {
      const i = parts.indexOf('src');
      const plugin = i >= 0 && parts.length > i + 2 ? parts[i + 1] : undefined;
      return plugin ? `${pkg} (${plugin})` : pkg;
    }
    return pkg;
  }
  const src = s.search(/(^|\/)src\//);
  if (src >= 0) {
    const rest = s.slice(s.indexOf('src/', src) + 4).split('/');
    return rest.length > 1 ? `src/${rest[0]}` : 'src (top level)';
  }
  if (s.charCodeAt(0) === 0 || /rollupPluginBabelHelpers|babelHelpers|\bvirtual[:-]/.test(s))
    return '(bundler helpers)';
  return s.split('/').slice(-2).join('/');
}

export interface GroupSize {
  group: string;
  raw: number;
  gzip: number;
  files: number;
}

/** Bytes per group (raw and gzip -9 of the group's own bytes), largest first. */
export function breakdown(code: string, map: SourceMapLike): GroupSize[] {
  const text = textBySource(code, map);
  const groups = new Map<string, { parts: string[]; files: Set<number> }>();
  for (const [src, parts] of text) {
    const name = src < 0 ? '(unmapped)' : groupOf(map.sources[src] ?? `source ${src}`);
    const g = groups.get(name) ?? { parts: [], files: new Set<number>() };
    g.parts.push(...parts);
    if (src >= 0) g.files.add(src);
    groups.set(name, g);
  }
  return [...groups.entries()]
    .map(([group, g]) => {
      const buf = Buffer.from(g.parts.join(''), 'utf8');
      return { group, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, files: g.files.size };
    })
    .sort((a, b) => b.raw - a.raw);
}
