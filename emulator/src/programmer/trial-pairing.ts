/**
 * Promotional TempPass pairing (docs/pass-and-flows.md "Promotional TempPass"): how the viewer's email gets
 * from the phone to Adobe without ever reaching the TV. The programmer's backend, not Adobe, owns this part:
 *
 *   TV     POST /trial/pairings                → 201 { code, notAfter }        (the TV shows the code + QR)
 *   phone  POST /trial/pairings/{code} {email} → 204                          (second-screen /trial page)
 *   TV     GET  /trial/pairings/{code}         → { status: "pending" } | { status: "ready", identityHash }
 *
 * The backend validates and hashes the email (SHA-256 hex of the trimmed, lower-cased address: Adobe's
 * TempPass page puts the hashing with the programmer) and keeps only the hash; the email is neither stored
 * nor logged nor returned. A pairing answers "ready" once (then it is gone) and lives 10 minutes.
 */
import { createHash, randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read off a TV across the room
const CODE_LENGTH = 6;
export const PAIRING_TTL_MS = 10 * 60_000;
/** Short enough to read, long enough for a sensible address; the full syntax is the mail server's business. */
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

interface Pairing {
  notAfter: number;
  identityHash?: string;
}

export function identityHashOf(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase(), 'utf8').digest('hex');
}

export function isEmail(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length <= 254 && EMAIL.test(value.trim());
}

export function registerTrialPairing(app: FastifyInstance, clock: Clock): void {
  const pairings = new Map<string, Pairing>();
  const live = (code: string): Pairing | undefined => {
    const p = pairings.get(code.toUpperCase());
    if (p && p.notAfter <= clock.now()) pairings.delete(code.toUpperCase());
    return p && p.notAfter > clock.now() ? p : undefined;
  };
  const newCode = (): string => {
    for (;;) {
      let code = '';
      for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
      if (!live(code)) return code;
    }
  };

  app.post('/trial/pairings', async (_req, reply) => {
    for (const [code, p] of pairings) if (p.notAfter <= clock.now()) pairings.delete(code);
    const code = newCode();
    const notAfter = clock.now() + PAIRING_TTL_MS;
    pairings.set(code, { notAfter });
    return reply.code(201).header('cache-control', 'no-store').send({ code, notAfter });
  });

  app.post<{ Params: { code: string } }>('/trial/pairings/:code', async (req, reply) => {
    const p = live(req.params.code);
    if (!p) return reply.code(404).send({ error: 'unknown_or_expired_code' });
    if (p.identityHash) return reply.code(409).send({ error: 'already_used' });
    const body = req.body as { email?: unknown } | null;
    const email = body && typeof body === 'object' ? body.email : undefined;
    if (!isEmail(email)) return reply.code(400).send({ error: 'invalid_email' });
    p.identityHash = identityHashOf(email);
    return reply.code(204).send();
  });

  app.get<{ Params: { code: string } }>('/trial/pairings/:code', async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const p = live(req.params.code);
    if (!p) return reply.code(404).send({ error: 'unknown_or_expired_code' });
    if (!p.identityHash) return { status: 'pending', notAfter: p.notAfter };
    pairings.delete(req.params.code.toUpperCase());
    return { status: 'ready', identityHash: p.identityHash };
  });
}
