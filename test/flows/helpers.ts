/** Ports for flow tests: memory storage, a fake clock, timers fired by hand, a recording listener. */
import type { ActivationCode, ActivationListener, Failure, Provider, SignedInProfile } from '../../src/flows';
import type { ClockPort, LoggerPort, StoragePort } from '../../src/flows';

export class MemoryStorage implements StoragePort {
  readonly data = new Map<string, unknown>();
  /** Every key written, in order (to count writes). */
  readonly writes: string[] = [];
  get(key: string): unknown {
    return this.data.get(key);
  }
  set(key: string, value: string): void {
    this.writes.push(key);
    this.data.set(key, value);
  }
  remove(key: string): void {
    this.data.delete(key);
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
