/** Second screen, throttling, logout, degraded access and TempPass, several profiles. */
import type { PassFlows, Provider, TempPassOffer } from '../../src/flows';
import { activationFacts, provider, RecordingListener, showCode, signIn } from '../lib/activation';
import type { Emulator } from '../lib/emulator';
import type { Facts } from '../lib/facts';
import { Phone } from '../lib/phone';
import { sleep, waitFor, type Recorder } from '../lib/recorder';
import { Tv } from '../lib/tv';
import { ACME, NORTHSTAR } from './polling';

/** One code per action (retry, none, authentication, application-registration, configuration). */
export const PHONE_ERROR_CODES = [
  'network_connection_timeout',
  'internal_server_error',
  'authenticated_profile_missing',
  'invalid_access_token_client_application',
  'invalid_configuration_platform',
];

export async function secondScreenJourney(emu: Emulator, rec: Recorder, facts: Facts): Promise<Tv> {
  const tv = new Tv(await emu.device());
  const other = new Tv(await emu.device());
  facts.tvs.push(tv, other);
  const phone = new Phone(await emu.device());
  facts.phone = phone;
  await rec.journey('second-screen', async (j) => {
    const f = tv.launch({ pollIntervalMs: 3000 });
    await f.boot();
    const s = await showCode(f, ACME);
    facts.phoneCode = s.code;
    const flow = phone.activationFlow();
    await j.step('phone-enter-code', () => flow.start(s.code));
    facts.phoneScreens['after-code'] = flow.current();
    await j.step('phone-continue', () => flow.continueLogin());
    facts.phoneScreens['after-continue'] = flow.current();
    facts.phoneNavigations['continue'] = phone.navigations.slice();
    // The browser part (MVPD login page) is not the app: the emulator completes it.
    await emu.complete(s.code, 'alice');
    const done = phone.doneFlow();
    await j.step('phone-done', () => done.start(s.code));
    facts.phoneScreens['done'] = done.current();
    await waitFor(() => s.listener.signedIn.length > 0, 'TV signed in via the phone');
    facts.tvSignedInViaPhone = true;

    const before = phone.navigations.length;
    const wrong = phone.activationFlow();
    await j.step('phone-wrong-code', () => wrong.submitCode('ZZZZ999'));
    facts.phoneScreens['wrong-code'] = wrong.current();

    const g = other.launch({ pollIntervalMs: 3000 });
    await g.boot();
    const t = await showCode(g, NORTHSTAR);
    t.activation.stop();
    await emu.admin('POST', 'expire', { kind: 'session', code: t.code });
    const stale = phone.activationFlow();
    await j.step('phone-expired-code', () => stale.submitCode(t.code));
    facts.phoneScreens['expired-code'] = stale.current();
    facts.phoneNavigations['after-bad-codes'] = phone.navigations.slice(before);

    // "Choose on phone": the TV creates the session without an MVPD; the phone lists the providers and resumes
    // the session with the chosen one (POST sessions/{code}), then sends the browser on.
    const chooser = new Tv(await emu.device());
    facts.tvs.push(chooser);
    const c = chooser.launch({ pollIntervalMs: 3000 });
    await c.boot();
    const cl = new RecordingListener();
    const ca = c.startActivation(undefined, cl);
    await waitFor(() => cl.codes.length > 0 || cl.failures.length > 0, 'code without a provider');
    const open = cl.codes[0]?.code ?? '';
    facts.chooseCode = open;
    const pick = phone.activationFlow();
    const navBefore = phone.navigations.length;
    await j.step('phone-choose:enter-code', () => pick.start(open));
    facts.phoneScreens['choose'] = pick.current();
    await j.step('phone-choose:provider', () => pick.chooseProvider('NorthStarFiber'));
    facts.phoneNavigations['choose'] = phone.navigations.slice(navBefore);
    await emu.complete(open, 'alice');
    await waitFor(
      () => cl.signedIn.length > 0 || cl.failures.length > 0,
      'TV signed in with the provider chosen on the phone',
    );
    facts.chooserSignedInMvpd = cl.signedIn[0]?.mvpd;
    ca.stop();

    // The phone's central error handling: one enhanced error code per action on the code check.
    const beforeErrors = phone.navigations.length;
    for (const code of PHONE_ERROR_CODES) {
      await emu.fault({ method: 'GET', path: '/sessions/QQQQ111$' }, 5, { type: 'enhanced-error', code });
      const flow = phone.activationFlow();
      await j.step(`phone-error:${code}`, () => flow.start('QQQQ111'));
      facts.phoneScreens[`error:${code}`] = flow.current();
      await emu.clearFaults();
    }
    facts.phoneNavigations['after-errors'] = phone.navigations.slice(beforeErrors);
  });
  return tv;
}

/**
 * Throttling is on for the whole run, in Adobe's model (a one-time burst of 10 per device address, then
 * 1 request/s). Here the clients are pushed hardest: a big catalogue row on a signed-in TV while another TV
 * polls its code, then the phone checking that code while a TV installed right now boots. None of it may
 * provoke a 429 (item 36 and issue 16: the client keeps within the budget). To see what a client does
 * after a 429 all the same, Adobe's 429 is injected once into the TV's preauthorization and once into the
 * phone's code check (fault `throttled`: the emulator journals it as a fault, not as a provoked 429).
 */
export async function throttlingJourney(emu: Emulator, rec: Recorder, facts: Facts, signedInTv: Tv): Promise<void> {
  const waiting = new Tv(await emu.device());
  const fresh = new Tv(await emu.device());
  facts.tvs.push(waiting, fresh);
  await rec.journey('throttling', async (j) => {
    const busy = signedInTv.launch({ pollIntervalMs: 3000 });
    await busy.boot();
    const w = waiting.launch({ pollIntervalMs: 3000 });
    await w.boot();
    const s = await showCode(w, ACME);
    facts.throttleDevices = [
      signedInTv.deviceIdentifierHeader(),
      waiting.deviceIdentifierHeader(),
      facts.phone?.identifier ?? '',
    ];
    try {
      // A big catalogue row: 60 titles → 12 preauthorization batches in a row, more than the burst allows.
      await emu.fault({ method: 'POST', path: '/decisions/preauthorize/' }, 1, { type: 'throttled' });
      const burst = Array.from({ length: 60 }, (_, i) => `THROTTLE-${String(i).padStart(2, '0')}`);
      facts.throttlePreauth = await j.step('preauthorize-burst', () => busy.preauthorize(burst));
      // The phone checks a code (its first check meets Adobe's 429) while a TV installed right now boots.
      await emu.fault({ method: 'GET', path: `/sessions/${s.code}$` }, 1, { type: 'throttled' });
      const phone = facts.phone;
      await j.step('phone-and-fresh-install', () =>
        Promise.all([phone ? phone.activationFlow().start(s.code) : Promise.resolve(), fresh.launch().boot()]),
      );
      await sleep(1000); // the waiting TV keeps polling meanwhile: its polls land in this journey too
    } finally {
      s.activation.stop();
    }
  });
}

export async function logoutJourney(
  _emu: Emulator,
  rec: Recorder,
  facts: Facts,
  acmeTv: Tv,
  northStarTv: Tv,
): Promise<void> {
  await rec.journey('logout', async (j) => {
    const a = acmeTv.launch();
    await j.step('boot-acme', () => a.boot());
    facts.logoutInteractive = await j.step('logout-acme', () => a.logout());
    facts.bootAfterLogout = await j.step('boot-after-logout', () => a.boot());
    const b = northStarTv.launch();
    await j.step('boot-northstar', () => b.boot());
    facts.logoutComplete = await j.step('logout-northstar', () => b.logout());
  });
}

/** Start an activation that should end without a code (authorize path), recording whatever happens. */
async function activate(f: PassFlows, p: Provider): Promise<ReturnType<typeof activationFacts>> {
  const listener = new RecordingListener();
  const activation = f.startActivation(p, listener);
  await waitFor(
    () => listener.signedIn.length > 0 || listener.failures.length > 0 || listener.codes.length > 0,
    `activation ${p.id}`,
  );
  activation.stop();
  return activationFacts({ listener, activation, code: listener.codes[0]?.code ?? '' }, '');
}

export async function accessVariantsJourney(emu: Emulator, rec: Recorder, facts: Facts): Promise<void> {
  const tv = new Tv(await emu.device());
  const trial = new Tv(await emu.device());
  facts.tvs.push(tv, trial);
  await rec.journey('degraded-and-temppass', async (j) => {
    const f = tv.launch();
    await f.boot();
    await emu.admin('POST', 'degradation', { mvpd: 'BlueRiverTV', rule: 'AuthNAll' });
    try {
      facts.degradedSignIn = await j.step('degraded-sign-in', () =>
        activate(f, provider('BlueRiverTV', 'Blue River TV')),
      );
      facts.degradedPlay = await j.step('degraded-play', () => f.authorize('DEMOTV'));
    } finally {
      await emu.admin('POST', 'degradation', { mvpd: 'BlueRiverTV', rule: null });
    }
    const shipped = tv.launch();
    const list = await j.step('providers-as-shipped', () => shipped.providers());
    facts.defaultProviderIds = list.ok ? list.value.map((p) => p.id) : [];
    const config = await emu.admin<{ mvpds: Array<{ id: string; tempPass?: { kind: string } }> }>('GET', 'fixtures');
    facts.configHasPromoTempPass = config.mvpds.some((m) => m.tempPass?.kind === 'promotional');

    const t = trial.launch({ showTempPass: true });
    await t.boot();
    const withTrial = await j.step('providers-with-temppass', () => t.providers());
    const trialProviders = withTrial.ok ? withTrial.value.filter((p) => p.isTempPass) : [];
    facts.tempPassProviderIds = trialProviders.map((p) => p.id);
    const basic = trialProviders.find((p) => p.id === 'TempPass_DEMO15');
    if (basic) {
      facts.tempPassSignIn = await j.step('temppass-start', () => activate(t, basic));
      facts.tempPassPlay = await j.step('temppass-play', () => t.authorize('DEMOTV'));
    }
    // (A promotional pass is not started through activation: it needs the phone's identity, paired below.)

    // As shipped: the picker's TempPass offers; the promotional one paired through the phone (item 44).
    const shippedTrial = new Tv(await emu.device());
    shippedTrial.programmerUrl = emu.programmerUrl;
    facts.tvs.push(shippedTrial);
    const s = shippedTrial.launch();
    await s.boot();
    // The picker's TempPass tiles: part of the picker, so a configuration request is allowed here (item 6).
    const offers = await j.step('providers-temppass-offers', () => s.tempPassOffers());
    facts.tempPassOffers = offers.ok ? offers.value.map((o) => `${o.provider.id}:${o.kind}`) : [];
    const promoOffer = offers.ok ? offers.value.filter((o) => o.kind === 'promotional')[0] : undefined;
    if (promoOffer) {
      facts.promoEmail = 'conformance.viewer@example.com';
      facts.promoPairing = await j.step('promo-temppass-pairing', () =>
        pairOnPhone(s, promoOffer, emu.programmerUrl, facts.promoEmail!),
      );
      facts.promoPlay = await j.step('promo-temppass-play', () => s.authorize('DEMOTV'));
      if (facts.promoPlay.ok) facts.secrets.add(facts.promoPlay.value.mediaToken);
      facts.promoRemaining = s.tempPass()?.remainingResources;
    }
  });
}

/** Promotional TempPass: the TV shows a pairing code; the phone sends the email to the programmer backend. */
async function pairOnPhone(
  f: PassFlows,
  offer: TempPassOffer,
  programmerUrl: string,
  email: string,
): Promise<{ code?: string; signedInType?: string; failure?: string }> {
  const out: { code?: string; signedInType?: string; failure?: string } = {};
  const pairing = f.pairTempPass(offer, {
    onCode: (c) => void (out.code = c.code),
    onSignedIn: (p) => void (out.signedInType = p.type),
    onFailure: (x) => void (out.failure = x.code ?? x.kind),
  });
  try {
    await waitFor(() => out.code !== undefined || out.failure !== undefined, 'pairing code');
    if (out.code) {
      const res = await fetch(`${programmerUrl}/trial/pairings/${out.code}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      if (res.status !== 204) out.failure = `phone: HTTP ${res.status}`;
      else
        await waitFor(
          () => out.signedInType !== undefined || out.failure !== undefined,
          'promotional TempPass',
          20_000,
        );
    }
  } finally {
    pairing.stop();
  }
  return out;
}

export async function severalProfilesJourney(emu: Emulator, rec: Recorder, facts: Facts, acmeTv: Tv): Promise<void> {
  // The TV signed in with Acme through the phone adds a NorthStar profile.
  const tv = acmeTv;
  await rec.journey('several-profiles', async (j) => {
    const f = tv.launch({ pollIntervalMs: 3000 });
    await f.boot();
    if (!f.current()) throw new Error('the second-screen TV is not signed in');
    await signIn(emu, f, NORTHSTAR, 'alice');
    // Constructed state: the app's cached MVPD choice is gone (e.g. app data partly cleared) while its
    // DCR client survives, so boot must ask for all profiles and find both.
    tv.backend.removeItem(Tv.key('provider'));
    tv.backend.removeItem(Tv.key('profile'));
    const g = tv.launch();
    facts.severalBoot = await j.step('boot', () => g.boot());
    const b = facts.severalBoot;
    if (b.ok && !b.value.signedIn && b.value.profiles.length > 1) {
      const shorter = b.value.profiles[b.value.profiles.length - 1];
      g.chooseProfile(shorter);
      await sleep(20);
      const played = await j.step('play-chosen', () => g.authorize('DEMOTV'));
      if (played.ok) facts.secrets.add(played.value.mediaToken);
      const e = rec.step('several-profiles', 'play-chosen').find((x) => x.path.includes('/decisions/authorize/'));
      facts.severalChosenPlayPath = e?.path;
    }
  });
}
