/**
 * Token bucket per client IP (spec §10, A17): capacity = burst + rate (a first second's worth plus the one-time
 * burst), refilled continuously at `rate` per second of emulator time. A rejected request consumes nothing, so the
 * client is served again at the latest one second after its first 429 (rate 1/s).
 */
import type { Clock } from '../clock';

interface Bucket {
  tokens: number;
  at: number;
}

export class Throttle {
  private buckets = new Map<string, Bucket>();
  constructor(private readonly clock: Clock) {}

  /** true = allowed (one token taken). */
  take(key: string, ratePerSec: number, burst: number): boolean {
    const now = this.clock.now();
    const capacity = burst + ratePerSec;
    const b = this.buckets.get(key) ?? { tokens: capacity, at: now };
    b.tokens = Math.min(capacity, b.tokens + (Math.max(0, now - b.at) / 1000) * ratePerSec);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return true;
    }
    return false;
  }

  reset(): void {
    this.buckets.clear();
  }
}

/** Mimics the openresty page Adobe returns (no JSON, no Retry-After). */
export const THROTTLED_HTML =
  '<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n<body>\r\n<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>openresty</center>\r\n</body>\r\n</html>\r\n';
