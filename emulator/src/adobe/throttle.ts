/**
 * Throttling in Adobe's documented model (Throttling mechanism page; spec §10): per client IP, `rate` calls in
 * each one-second window counted from the client's first request, plus a ONE-TIME burst of `burst` calls that
 * is never refilled. The page's walk-through is reproduced exactly: window credit first, burst when the window's
 * credit is spent, 429 when both are gone. A rejected call consumes nothing; the next window opens at most one
 * second after the first 429 (the page: 429 at 2.4 s, success at 3.1 s).
 */
import type { Clock } from '../clock';

interface Bucket {
  firstAt: number;
  window: number;
  usedInWindow: number;
  burstLeft: number;
  /** What the last allowed call took, so `refund` can give exactly that back. */
  lastTook?: 'window' | 'burst';
}

export class Throttle {
  private buckets = new Map<string, Bucket>();
  constructor(private readonly clock: Clock) {}

  /** true = allowed. */
  take(key: string, ratePerSec: number, burst: number): boolean {
    const now = this.clock.now();
    let b = this.buckets.get(key);
    if (!b) {
      b = { firstAt: now, window: 0, usedInWindow: 0, burstLeft: burst };
      this.buckets.set(key, b);
    }
    const window = Math.floor(Math.max(0, now - b.firstAt) / 1000);
    if (window !== b.window) {
      b.window = window;
      b.usedInWindow = 0;
    }
    if (b.usedInWindow < ratePerSec) {
      b.usedInWindow++;
      b.lastTook = 'window';
      return true;
    }
    if (b.burstLeft > 0) {
      b.burstLeft--;
      b.lastTook = 'burst';
      return true;
    }
    return false;
  }

  /** Gives back what the client's last allowed call took (a call answered as refused after all costs nothing). */
  refund(key: string): void {
    const b = this.buckets.get(key);
    if (!b || !b.lastTook) return;
    if (b.lastTook === 'window') b.usedInWindow = Math.max(0, b.usedInWindow - 1);
    else b.burstLeft++;
    b.lastTook = undefined;
  }

  /** What is left for a client (admin/debug view). */
  peek(key: string): { burstLeft: number } | undefined {
    const b = this.buckets.get(key);
    return b ? { burstLeft: b.burstLeft } : undefined;
  }

  reset(): void {
    this.buckets.clear();
  }
}

/** The body of Adobe's documented 429 sample: an openresty page, CRLF line ends (content-length 166 as in the sample). */
export const THROTTLED_HTML =
  '<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n<body>\r\n<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>openresty</center>\r\n</body>\r\n</html>\r\n';

/**
 * Headers of Adobe's documented 429 sample. Note what is absent: no Access-Control-Allow-Origin (so a browser
 * page cannot read the answer and sees a network error without a status) and no Retry-After.
 */
export const THROTTLED_HEADERS: Record<string, string> = {
  server: 'openresty',
  'access-control-allow-credentials': 'true',
  'access-control-allow-methods': 'POST,GET,OPTIONS,DELETE',
  'access-control-allow-headers':
    'ap_11,ap_42,ap_z,ap_19,ap_21,ap_23,authorization,content-type,pass_sfp,AP-Session-Identifier,AP-Device-Identifier,AP-SDK-Identifier,X-Device-Info',
  'access-control-expose-headers': 'pass_sfp,Authzf-Error-Code,Authzf-Sub-Error-Code,Authzf-Error-Details',
  p3p: 'CP="NOI DSP COR CURa ADMa DEVa OUR BUS IND UNI COM NAV STA"',
};
