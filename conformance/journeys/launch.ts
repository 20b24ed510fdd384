/**
 * Registration, first launch, relaunch, token lifecycle and provider choice on simulated TVs.
 * First launch uses settings.json exactly as shipped (5 s polling); the other TVs only shorten the
 * poll interval through the flows' own `pollIntervalMs` option (clamped to 3–5 s by the flows).
 */
import type { PassFlows, PlaybackGrant, Result } from '../../src/flows';
import { activationFacts, isPollOf, showCode, signIn, waitForRequest } from '../lib/activation';
import type { Emulator } from '../lib/emulator';
import type { Facts } from '../lib/facts';
import { sleep, waitFor, type Recorder } from '../lib/recorder';
import { Tv, appSettingsSnapshot } from '../lib/tv';

export const CHANNELS = [
  'DEMOTV',
  'DEMOTV-SPORTS',
  'DEMOTV-KIDS',
  'DEMOTV-NEWS',
  'DEMOTV-MOVIES',
  'DEMOTV-PPV',
  'DEMOTV-LIVE',
];

function remember(facts: Facts, r: Result<PlaybackGrant>): Result<PlaybackGrant> {
  if (r.ok) facts.secrets.add(r.value.mediaToken);
  return r;
}

export async function firstLaunchJourneys(emu: Emulator, rec: Recorder, facts: Facts): Promise<Tv> {
  facts.shipped = appSettingsSnapshot();
  const tv = new Tv(await emu.device());
  facts.tvs.push(tv);

  await rec.journey('first-launch', async (j) => {
    const f = tv.launch();
    facts.firstBoot = await j.step('boot', () => f.boot());
    const list = await j.step('providers', () => f.providers());
    if (!list.ok) throw new Error(`providers: ${list.failure.message}`);
    facts.firstProviders = list.value;
    const acme = list.value.find((p) => p.id === 'AcmeCable');
    if (!acme) throw new Error('AcmeCable missing from the picker');
    const from = await emu.sync();
    const started = await j.step('show-code', () => showCode(f, acme));
    // The subscriber logs in on the phone while the TV is polling: after the first (pending) poll.
    await waitForRequest(emu, from, isPollOf(started.code), 'first poll');
    await emu.complete(started.code, 'alice');
    await waitFor(
      () => started.listener.signedIn.length > 0 || started.listener.failures.length > 0,
      'profile',
      12_000,
    );
    // Stay on for longer than a poll interval: no poll may follow the profile (item 10).
    await sleep((facts.shipped.pollIntervalMs ?? 5000) + 800);
    facts.firstActivation = activationFacts(started, tv.deviceIdentifierHeader());
    facts.firstDevice = tv.deviceIdentifierHeader();
    facts.firstStoredProfile = tv.stored('profile');
    facts.firstStoredProvider = tv.stored('provider');
    facts.firstPreauth = await j.step('preauthorize-1', () => f.preauthorize(CHANNELS));
    facts.firstPreauthAgain = await j.step('preauthorize-2', () => f.preauthorize(CHANNELS));
    facts.firstGrants.push(remember(facts, await j.step('play-1', () => f.authorize('DEMOTV'))));
    facts.firstGrants.push(remember(facts, await j.step('play-2', () => f.authorize('DEMOTV'))));
    facts.firstGrants.push(remember(facts, await j.step('play-3', () => f.authorize('DEMOTV-SPORTS'))));
  });

  await rec.journey('relaunch', async (j) => {
    const f = tv.launch();
    facts.relaunchBoot = await j.step('boot', () => f.boot());
    facts.relaunchDevice = tv.deviceIdentifierHeader();
    facts.relaunchGrant = remember(facts, await j.step('play', () => f.authorize('DEMOTV')));
    const reread = tv.launch({ rereadProfileAfterAuthorize: true });
    await reread.boot();
    facts.rereadGrant = remember(facts, await j.step('play-with-reread', () => reread.authorize('DEMOTV')));
  });

  await rec.journey('token-lifecycle', async (j) => {
    const f: PassFlows = tv.launch();
    await j.step('boot', () => f.boot());
    // The device clock reaches the last minutes of the 6 h token: the flows must refresh first.
    tv.clock.advance(6 * 3600_000 - 2 * 60_000);
    facts.proactiveGrant = remember(facts, await j.step('play-near-expiry', () => f.authorize('DEMOTV')));
    const clientId = String(tv.stored('client')?.clientId ?? '');
    facts.storedClientBefore = clientId;
    await emu.admin('POST', 'expire', { kind: 'access-token', clientId });
    facts.reactiveGrant = remember(facts, await j.step('play-after-server-expiry', () => f.authorize('DEMOTV')));
    await emu.admin('POST', `clients/${encodeURIComponent(clientId)}/revoke`);
    await emu.admin('POST', 'expire', { kind: 'access-token', clientId });
    facts.revokedResult = remember(facts, await j.step('play-after-revocation', () => f.authorize('DEMOTV')));
    facts.storedClientAfter = String(tv.stored('client')?.clientId ?? '');
  });
  return tv;
}

export async function providerChoiceJourney(emu: Emulator, rec: Recorder, facts: Facts): Promise<void> {
  const tv = new Tv(await emu.device());
  facts.tvs.push(tv);
  await rec.journey('provider-choice', async (j) => {
    const f = tv.launch();
    await j.step('boot', () => f.boot());
    facts.providersCalls.push(await j.step('providers-1', () => f.providers()));
    facts.providersCalls.push(await j.step('providers-2', () => f.providers()));
    const ttl = facts.shipped.configCacheTtlMs ?? 180_000;
    facts.configTtlMs = ttl;
    tv.clock.advance(ttl + 1000);
    facts.providersCalls.push(await j.step('providers-3', () => f.providers()));
    const first = facts.providersCalls[0];
    const blue = first.ok ? first.value.find((p) => p.id === 'BlueRiverTV') : undefined;
    if (!blue) throw new Error('BlueRiverTV missing from the picker');
    facts.chosenProvider = blue;
    // The flows persist the provider when the sign-in completes; then the profile lapses on Adobe's side.
    await j.step('sign-in', () => signIn(emu, f, blue, 'kim'));
    facts.storedChosen = tv.stored('provider');
    const clientId = String(tv.stored('client')?.clientId ?? '');
    await emu.admin('POST', 'expire', { kind: 'profile', clientId, mvpd: blue.id });
    const again = tv.launch({ pollIntervalMs: 3000 });
    const boot = await j.step('relaunch-boot', () => again.boot());
    if (boot.ok && !boot.value.signedIn) facts.relaunchLastProvider = again.lastUsedProvider();
    if (facts.relaunchLastProvider) {
      // "Sign in with Blue River TV again": straight to a code, without the picker (item 6).
      const s = await j.step('confirm-last-provider', () => showCode(again, facts.relaunchLastProvider!));
      facts.confirmLastCode = s.code;
      s.activation.stop();
    }
  });
}
