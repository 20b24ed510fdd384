/** Ports for flow tests: memory storage, a fake clock, timers fired by hand, a recording listener. */
import type { ActivationCode, ActivationListener, Failure, Provider, SignedInProfile } from '../../src/flows';
import type { ClockPort, LoggerPort, StoragePort } from '../../src/flows';

const copy = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/**
 * The storage port as the platform layer behaves: JSON values (copied, as a real store serialises them),
 * `unreadable(key)` plants a corrupt entry (get throws), `refuseWrites` makes every set throw (full store).
 */
export class MemoryStorage implements StoragePort {
  readonly data = new Map<string, unknown>();
  /** Every key written, in order (to count writes). */
  readonly writes: string[] = [];
  private readonly corrupt = new Set<string>();
  refuseWrites = false;
  get(key: string): unknown {
    if (this.corrupt.has(key)) throw new Error(`unreadable entry ${key}`);
    return copy(this.data.get(key));
  }
  set(key: string, value: unknown): void {
    if (this.refuseWrites) throw new Error(`could not write ${key}: QuotaExceededError`);
    this.writes.push(key);
    this.corrupt.delete(key);
    this.data.set(key, copy(value));
  }
  remove(key: string): void {
    this.corrupt.delete(key);
    this.data.delete(key);
  }
  unreadable(key: string): void {
    this.corrupt.add(key);
    this.data.set(key, '<corrupt>');
  }
}

export class FakeClock implements ClockPort {
  constructor(public time = 1_767_225_600_000) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export async function waitFor(condition: () => boolean, what = 'condition', timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export class RecordingListener implements ActivationListener {
  codes: ActivationCode[] = [];
  signedIn: SignedInProfile[] = [];
  /** The provider argument of each onSignedIn. */
  signedInWith: Provider[] = [];
  expired: ActivationCode[] = [];
  failures: Failure[] = [];
  onCode(code: ActivationCode): void {
    this.codes.push(code);
  }
  onSignedIn(profile: SignedInProfile, provider: Provider): void {
    this.signedIn.push(profile);
    this.signedInWith.push(provider);
  }
  onExpired(expired: ActivationCode): void {
    this.expired.push(expired);
  }
  onFailure(failure: Failure): void {
    this.failures.push(failure);
  }
}

/** A logger that keeps every line (to check that nothing secret reaches it). */
export class CapturingLogger implements LoggerPort {
  lines: string[] = [];
  private add = (level: string) => (message: string, data?: Record<string, unknown>) =>
    void this.lines.push(`${level} ${message} ${data ? JSON.stringify(data) : ''}`);
  debug = this.add('debug');
  info = this.add('info');
  warn = this.add('warn');
  error = this.add('error');
}

export const DEVICE_ID_HEADER = 'fingerprint dGVzdC1kZXZpY2UtMQ==';
export const DEVICE_INFO_HEADER = Buffer.from(
  JSON.stringify({
    primaryHardwareType: 'TV',
    model: 'TestTV',
    version: '1.0',
    osName: 'Linux',
    osVersion: '6.0',
    connectionType: 'LAN',
    applicationId: 'DEMOTV',
  }),
).toString('base64');
