/**
 * Activation polling with real timers, so the journal's timestamps show the real cadence:
 * a new code mid-way (with a too-short interval asked for, which the flows must clamp to 3 s),
 * repeated poll failures (bounded), and a code that reaches its notAfter.
 */
import { activationFacts, isPollOf, provider, RecordingListener, showCode, waitForRequest } from '../lib/activation';
import type { Emulator } from '../lib/emulator';
import type { Facts } from '../lib/facts';
import { sleep, waitFor, type Recorder } from '../lib/recorder';
import { Tv, earlyTimers } from '../lib/tv';

export const NORTHSTAR = provider('NorthStarFiber', 'NorthStar Fiber');
export const ACME = provider('AcmeCable', 'Acme Cable');

export async function pollingJourneys(emu: Emulator, rec: Recorder, facts: Facts): Promise<Tv> {
  const tvNew = new Tv(await emu.device());
  const tvFail = new Tv(await emu.device());
  const tvRetry = new Tv(await emu.device());
  facts.tvs.push(tvNew, tvFail, tvRetry);

  // Two TVs at once (their requests are told apart by code and device): saves ten seconds of waiting.
  await rec.journey('polling', async (j) => {
    const newCode = async () => {
      const f = tvNew.launch({ pollIntervalMs: 1000 }); // below the 3 s floor on purpose
      await f.boot();
      const from = await emu.sync();
      const s = await j.step('new-code:show-code-1', () => showCode(f, NORTHSTAR));
      await waitForRequest(emu, from, isPollOf(s.code), 'poll of the first code');
      await s.activation.newCode();
      const second = s.listener.codes[1]?.code;
      if (!second) throw new Error('no second code after newCode()');
      const from2 = await emu.sync();
      await waitForRequest(emu, from2, isPollOf(second), 'first poll of the new code');
      const from3 = await emu.sync();
      await waitForRequest(emu, from3, isPollOf(second), 'second poll of the new code');
      await emu.complete(second, 'alice');
      await waitFor(() => s.listener.signedIn.length > 0, 'profile for the new code');
      facts.newCode = activationFacts(s, tvNew.deviceIdentifierHeader());
      s.activation.stop();
    };
    const failing = async () => {
      const f = tvFail.launch({ pollIntervalMs: 3000 });
      await f.boot();
      const s = await showCode(f, ACME);
      await emu.fault({ method: 'GET', path: `/profiles/code/${s.code}$` }, 50, {
        type: 'enhanced-error',
        status: 500,
        code: 'internal_server_error',
      });
      await waitFor(() => s.listener.failures.length > 0, 'the flows to give up polling', 25_000);
      await sleep(3200); // nothing more may be polled after giving up (the next poll was due in 3 s)
      facts.pollFailures = activationFacts(s, tvFail.deviceIdentifierHeader());
      s.activation.stop();
    };
    // The user asks for a new code while a poll of the old one is failing (503) and being retried.
    const duringRetry = async () => {
      const f = tvRetry.launch({ pollIntervalMs: 3000 });
      await f.boot();
      const s = await showCode(f, NORTHSTAR);
      await emu.fault({ method: 'GET', path: `/profiles/code/${s.code}$` }, 3, { type: 'status', status: 503 });
      const from = await emu.sync();
      await waitForRequest(emu, from, isPollOf(s.code), 'failing poll of the first code');
      await s.activation.newCode();
      await sleep(2500); // long enough for the client's backoff retries of the abandoned poll
      facts.newCodeDuringRetry = activationFacts(s, tvRetry.deviceIdentifierHeader());
      s.activation.stop();
    };
    await Promise.all([newCode(), failing(), duringRetry()]);
  });

  // Three TVs at once let a code run into its notAfter. Their timers fire 20 ms early (see earlyTimers): the
  // flows must not depend on a timer landing exactly on the code's expiry instant.
  const expiring = [new Tv(await emu.device()), new Tv(await emu.device()), new Tv(await emu.device())];
  facts.tvs.push(...expiring);
  await rec.journey('code-expiry', async () => {
    await emu.settings({ sessionTtlMs: 3500 });
    try {
      const one = async (tv: Tv) => {
        const f = tv.launch({ pollIntervalMs: 3000 }, earlyTimers(20));
        await f.boot();
        const listener = new RecordingListener();
        let leave = () => undefined as void;
        listener.onExpiredHook = () => leave();
        const s = await showCode(f, ACME, listener);
        leave = () => s.activation.stop(); // the user leaves the code screen when the code lapses
        await waitFor(() => listener.expired.length > 0 || listener.failures.length > 0, 'code expiry', 10_000);
        await sleep(2000); // a stale poll would have come one interval after the last one
        s.activation.stop();
        return activationFacts(s, tv.deviceIdentifierHeader());
      };
      facts.expiries = await Promise.all(expiring.map(one));
      facts.expiry = facts.expiries[0];
    } finally {
      await emu.settings({ sessionTtlMs: 1_800_000 });
    }
  });
  return tvNew;
}
