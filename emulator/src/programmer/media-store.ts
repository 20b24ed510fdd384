/**
 * The sample HLS streams (emulator/media/{streamId}/), read into memory at start-up: a few hundred KiB each,
 * and serving from memory means a request path can never reach the file system.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface StreamFiles {
  /** file name → content; playlists are kept as text for rewriting */
  files: Map<string, Buffer>;
  durationSec: number;
}

const FILE_NAME = /^[A-Za-z0-9_-]+\.(m3u8|ts|vtt)$/;

export function loadStreams(mediaDir: string, streamIds: Iterable<string>): Map<string, StreamFiles> {
  const out = new Map<string, StreamFiles>();
  for (const id of streamIds) {
    const dir = join(mediaDir, id);
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => FILE_NAME.test(n) && statSync(join(dir, n)).isFile());
    } catch {
      throw new Error(`media stream "${id}" not found in ${mediaDir} (run emulator/scripts/make-streams.sh)`);
    }
    const files = new Map(names.map((n) => [n, readFileSync(join(dir, n))] as const));
    const master = files.get('index.m3u8');
    if (!master) throw new Error(`media stream "${id}" has no index.m3u8`);
    out.set(id, {
      files,
      durationSec: measureDuration(master.toString('utf8'), files),
    });
  }
  return out;
}

/** Sum of #EXTINF of the first media playlist reachable from index.m3u8 (which may itself be one). */
function measureDuration(master: string, files: Map<string, Buffer>): number {
  let playlist = master;
  if (!/#EXTINF:/.test(master)) {
    const child = master.split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#'));
    playlist = child ? (files.get(child.trim())?.toString('utf8') ?? '') : '';
  }
  let total = 0;
  for (const m of playlist.matchAll(/#EXTINF:([\d.]+)/g)) total += Number(m[1]);
  return Math.round(total);
}

export const contentTypeOf = (file: string): string =>
  file.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : file.endsWith('.vtt') ? 'text/vtt; charset=utf-8' : 'video/mp2t';
