/**
 * Programmer backend client for promotional TempPass pairing (emulator/src/programmer/trial-pairing.ts):
 * POST /trial/pairings → { code, notAfter }; GET /trial/pairings/{code} → pending | ready + identityHash.
 * The answer is validated; only a 64-hex SHA-256 is accepted as the hash (the TV never handles an email).
 */
import axios, { type AxiosInstance } from 'axios';
import type { TrialPairingPort } from '../flows/ports';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function createTrialPairingClient(options: {
  baseUrl: string;
  timeoutMs?: number;
  http?: AxiosInstance;
}): TrialPairingPort {
  const http = options.http ?? axios.create();
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeout = options.timeoutMs ?? 10_000;
  return {
    async create() {
      const r = await http.post<unknown>(`${base}/trial/pairings`, '{}', {
        timeout,
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      });
      const d = r.data;
      if (
        !isObj(d) ||
        typeof d.code !== 'string' ||
        !/^[A-Z0-9]{4,12}$/.test(d.code) ||
        typeof d.notAfter !== 'number'
      ) {
        throw new Error('malformed pairing answer');
      }
      return { code: d.code, notAfter: d.notAfter };
    },
    async check(code) {
      const r = await http.get<unknown>(`${base}/trial/pairings/${encodeURIComponent(code)}`, {
        timeout,
        headers: { Accept: 'application/json' },
        validateStatus: (s) => (s >= 200 && s < 300) || s === 404,
      });
      if (r.status === 404) return { status: 'expired' as const };
      const d = r.data;
      if (isObj(d) && d.status === 'pending') return { status: 'pending' as const };
      if (
        isObj(d) &&
        d.status === 'ready' &&
        typeof d.identityHash === 'string' &&
        /^[0-9a-f]{64}$/.test(d.identityHash)
      ) {
        return { status: 'ready' as const, identityHash: d.identityHash };
      }
      throw new Error('malformed pairing answer');
    },
  };
}
