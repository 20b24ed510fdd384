/** A recording ActivationListener (what the TV's activation page would do with each callback). */
import type {
  Activation,
  ActivationCode,
  ActivationListener,
  Failure,
  PassFlows,
  Provider,
  SignedInProfile,
} from '../../src/flows';
import type { Emulator, JournalEntry } from './emulator';
import type { ActivationFacts } from './facts';
import { waitFor } from './recorder';

export class RecordingListener implements ActivationListener {
  codes: Array<ActivationCode & { shownAt: number }> = [];
  signedIn: SignedInProfile[] = [];
  expired: ActivationCode[] = [];
  failures: Failure[] = [];
  /** Called from onExpired, e.g. to leave the page instead of taking a new code. */
  onExpiredHook?: () => void;

  onCode(code: ActivationCode): void {
    this.codes.push({ ...code, shownAt: Date.now() });
  }
  onSignedIn(profile: SignedInProfile): void {
    this.signedIn.push(profile);
  }
  onExpired(expired: ActivationCode): void {
    this.expired.push(expired);
    if (this.onExpiredHook) this.onExpiredHook();
  }
  onFailure(failure: Failure): void {
    this.failures.push(failure);
  }
}

export interface Started {
  listener: RecordingListener;
  activation: Activation;
  code: string;
}

export async function showCode(
  flows: PassFlows,
  provider: Provider,
  listener = new RecordingListener(),
): Promise<Started> {
  const activation = flows.startActivation(provider, listener);
  await waitFor(
    () => listener.codes.length > 0 || listener.failures.length > 0 || listener.signedIn.length > 0,
    'activation code',
  );
  if (listener.failures.length > 0) throw new Error(`activation failed: ${listener.failures[0].message}`);
  const code = listener.codes.length > 0 ? listener.codes[0].code : '';
  return { listener, activation, code };
}

export const provider = (id: string, displayName: string, logoUrl?: string): Provider => ({
  id,
  displayName,
  logoUrl,
  isTempPass: false,
  isProxy: false,
});

/** Sign in the quick way: show the code, let the subscriber log in at once (admin), wait for the profile. */
export async function signIn(emu: Emulator, flows: PassFlows, p: Provider, username: string): Promise<Started> {
  const started = await showCode(flows, p);
  if (started.listener.signedIn.length === 0) {
    await emu.complete(started.code, username);
    await waitFor(
      () => started.listener.signedIn.length > 0 || started.listener.failures.length > 0,
      `sign-in of ${username}`,
    );
  }
  if (started.listener.failures.length > 0) throw new Error(`sign-in failed: ${started.listener.failures[0].message}`);
  return started;
}

export function activationFacts(s: Started, device: string): ActivationFacts {
  const l = s.listener;
  return {
    code: s.code,
    codes: l.codes.map((c) => c.code),
    notAfter: l.codes.length > 0 ? l.codes[0].notAfter : 0,
    signedIn: l.signedIn[0],
    failures: l.failures,
    expired: l.expired.length,
    device,
  };
}

/** Waits until the journal shows a request matching `match` after index `from`. */
export async function waitForRequest(
  emu: Emulator,
  from: number,
  match: (e: JournalEntry) => boolean,
  what: string,
  timeoutMs = 12_000,
): Promise<JournalEntry> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await emu.sync();
    const hit = emu.journal.slice(from).find(match);
    if (hit) return hit;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const isPollOf = (code: string) => (e: JournalEntry) =>
  e.method === 'GET' && e.path.endsWith(`/profiles/code/${code}`);
