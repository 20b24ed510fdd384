/**
 * Decisions: denials with MVPD messages, preauthorization permits vs playback, bounded retries,
 * every enhanced error code of §9.4 (top-level, and item-level for one code per action), media
 * token expiry during playback, profile expiry and re-authentication.
 */
import type { PassFlows, PlaybackGrant, Result } from '../../src/flows';
import { signIn, showCode } from '../lib/activation';
import type { Emulator } from '../lib/emulator';
import type { Facts } from '../lib/facts';
import { sleep, waitFor, type Recorder } from '../lib/recorder';
import { TIZEN_UA, Tv } from '../lib/tv';
import { ERROR_CODES } from '../spec/error-codes';
import { ACME } from './polling';

const AUTHORIZE = '/decisions/authorize/';

export const ODD_ERRORS: Array<[string, Record<string, unknown>]> = [
  ['future-code-retry', { code: 'future_partner_hiccup', status: 403, action: 'retry' }],
  ['future-code-authorization', { code: 'future_authorization_needed', status: 403, action: 'authorization' }],
  ['future-action', { code: 'future_code', status: 403, action: 'future_action' }],
  ['code-over-action', { code: 'temporary_access_duration_limit_exceeded', status: 403, action: 'none' }],
];
const PREAUTHORIZE = '/decisions/preauthorize/';

function keep(facts: Facts, r: Result<PlaybackGrant>): Result<PlaybackGrant> {
  if (r.ok) facts.secrets.add(r.value.mediaToken);
  return r;
}

export async function denialJourney(emu: Emulator, rec: Recorder, facts: Facts): Promise<Tv> {
  const tv = new Tv(await emu.device(), TIZEN_UA); // a Samsung TV this time (item 38: more than one device)
  facts.tvs.push(tv);
  await rec.journey('denials', async (j) => {
    const f = tv.launch({ pollIntervalMs: 3000 });
    await j.step('boot', () => f.boot());
    await j.step('sign-in', () => signIn(emu, f, ACME, 'bob')); // basic package: DEMOTV and DEMOTV-KIDS only
    facts.denialPreauth = await j.step('preauthorize', () =>
      f.preauthorize(['DEMOTV', 'DEMOTV-SPORTS', 'DEMOTV-KIDS', 'DEMOTV-MOVIES']),
    );
    facts.denialPlay = keep(facts, await j.step('play-denied', () => f.authorize('DEMOTV-SPORTS')));
    // DEMOTV has a cached preauthorization permit; the MVPD now refuses it at playback time.
    await emu.fault({ method: 'POST', path: AUTHORIZE }, 1, {
      type: 'enhanced-error',
      code: 'authorization_denied_by_mvpd',
      itemLevel: true,
      message: 'Blackout in your area.',
      details: 'Regional blackout',
    });
    facts.deniedAfterPermit = keep(facts, await j.step('play-preauthorized-but-denied', () => f.authorize('DEMOTV')));
    facts.permittedAfterDenials = keep(facts, await j.step('play-permitted', () => f.authorize('DEMOTV')));
    facts.signedInAfterDenials = f.current() !== undefined;
  });
  return tv;
}

/** Runs on the (signed-in) TV of the denials journey: DEMOTV is in its package. */
export async function retryJourneys(emu: Emulator, rec: Recorder, facts: Facts, tv: Tv): Promise<Tv> {
  await rec.journey('retries', async (j) => {
    const f = tv.launch({ pollIntervalMs: 3000 });
    await f.boot();
    if (!f.current()) throw new Error('the denials TV is not signed in');
    const cases: Array<[string, string, number, Record<string, unknown>, () => Promise<Result<unknown>>]> = [
      [
        'preauthorize-item-retry',
        PREAUTHORIZE,
        10,
        { type: 'enhanced-error', code: 'network_connection_timeout', itemLevel: true },
        () => f.preauthorize(['DEMOTV-NEWS', 'DEMOTV-LIVE']),
      ],
      [
        'authorize-item-retry',
        AUTHORIZE,
        10,
        { type: 'enhanced-error', code: 'maximum_execution_time_exceeded', itemLevel: true },
        () => f.authorize('DEMOTV'),
      ],
      [
        'authorize-top-retry',
        AUTHORIZE,
        10,
        { type: 'enhanced-error', code: 'network_received_error' },
        () => f.authorize('DEMOTV'),
      ],
      ['authorize-transport-retry', AUTHORIZE, 10, { type: 'drop' }, () => f.authorize('DEMOTV')],
      [
        'authorize-retry-then-permit',
        AUTHORIZE,
        1,
        { type: 'enhanced-error', code: 'network_connection_timeout', itemLevel: true },
        () => f.authorize('DEMOTV'),
      ],
      [
        'preauthorize-top-none',
        PREAUTHORIZE,
        10,
        { type: 'enhanced-error', code: 'internal_server_error' },
        () => f.preauthorize(['DEMOTV-PPV']),
      ],
    ];
    for (const [name, path, count, fault, action] of cases) {
      await emu.fault({ method: 'POST', path }, count, fault);
      facts.retryResults[name] = await j.step(name, action);
      await emu.clearFaults();
    }
  });

  await rec.journey('error-table', async (j) => {
    // A quicker backoff (the flows' retryBaseDelayMs option) only here: this journey counts attempts, not gaps.
    const f: PassFlows = tv.launch({ pollIntervalMs: 3000, retryBaseDelayMs: 100 });
    await f.boot();
    const itemLevel = new Set([
      'authorization_denied_by_mvpd',
      'authenticated_profile_expired',
      'too_many_resources',
      'network_connection_timeout',
      'identity_not_recognized_by_mvpd',
    ]);
    for (const e of ERROR_CODES) {
      for (const placement of ['top', 'item'] as const) {
        if (placement === 'item' && !itemLevel.has(e.code)) continue;
        if (!f.current()) await f.boot(); // re-adopt the (still valid) profile after an authentication-class error
        await emu.fault({ method: 'POST', path: AUTHORIZE }, 5, {
          type: 'enhanced-error',
          code: e.code,
          itemLevel: placement === 'item',
        });
        const result = keep(facts, await j.step(`${placement}:${e.code}`, () => f.authorize('DEMOTV')));
        await emu.clearFaults();
        facts.errorTable.push({
          code: e.code,
          action: e.action,
          placement,
          result,
          signedInAfter: f.current() !== undefined,
        });
      }
    }
    // Unknown future codes/actions must be handled gracefully; a known code with a disagreeing action is
    // handled by its code (§18.9: the profile samples show temporary_access_duration_limit_exceeded with "none").
    for (const [name, fault] of ODD_ERRORS) {
      if (!f.current()) await f.boot();
      await emu.fault({ method: 'POST', path: AUTHORIZE }, 5, { type: 'enhanced-error', ...fault });
      facts.oddErrors.push({ name, result: keep(facts, await j.step(`odd:${name}`, () => f.authorize('DEMOTV'))) });
      await emu.clearFaults();
    }
  });
  return tv;
}

async function status(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.text() };
}

export async function expiryJourney(emu: Emulator, rec: Recorder, facts: Facts): Promise<void> {
  const tv = new Tv(await emu.device());
  facts.tvs.push(tv);
  await rec.journey('expiry', async (j) => {
    const f = tv.launch({ pollIntervalMs: 3000 });
    await j.step('boot', () => f.boot());
    await j.step('sign-in', () => signIn(emu, f, ACME, 'alice'));
    const catalog = (await (await fetch(`${emu.programmerUrl}/catalog`)).json()) as {
      rows: Array<{ items: Array<{ resource: string; streamUrl: string }> }>;
    };
    const item = catalog.rows.flatMap((r) => r.items).find((i) => i.resource === 'DEMOTV');
    if (!item) throw new Error('no DEMOTV title in the catalog');
    const g1 = keep(facts, await j.step('play-1', () => f.authorize(item.resource)));
    if (!g1.ok) throw new Error(`play-1: ${g1.failure.message}`);
    const url1 = `${item.streamUrl}?mediaToken=${encodeURIComponent(g1.value.mediaToken)}`;
    const first = await status(url1);
    const reuse = await status(url1);
    const child = first.body.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#'));
    const childUrl = child ? new URL(child.trim(), item.streamUrl).toString() : '';
    // Seven minutes pass while the title plays: the media token lapses, the stream must go on.
    await emu.advanceClock(8 * 60_000);
    tv.clock.advance(8 * 60_000);
    await j.step('watching-after-media-token-expiry', () => sleep(1500));
    const childAfter = childUrl ? await status(childUrl) : { status: 0, body: '' };
    const verdict = await emu.admin<{ result: string }>(
      'GET',
      `verify-media-token?token=${encodeURIComponent(g1.value.mediaToken)}&resource=${encodeURIComponent(item.resource)}`,
    );
    const g2 = keep(facts, await j.step('play-2', () => f.authorize(item.resource)));
    const second = g2.ok
      ? await status(`${item.streamUrl}?mediaToken=${encodeURIComponent(g2.value.mediaToken)}`)
      : { status: 0, body: '' };
    facts.grantsAcrossExpiry = [g1, g2];
    facts.stream = {
      firstPlay: first.status,
      reuse: reuse.status,
      childAfterExpiry: childAfter.status,
      verifyAfterExpiry: verdict.result,
      secondPlay: second.status,
      tokensDiffer: g2.ok && g2.value.mediaToken !== g1.value.mediaToken,
    };

    // The profile lapses on Adobe's side (authN TTL): the next play must send the user to sign in.
    const clientId = String(tv.stored('client')?.clientId ?? '');
    await emu.admin('POST', 'expire', { kind: 'profile', clientId, mvpd: 'AcmeCable' });
    facts.expiredPlay = keep(facts, await j.step('play-after-profile-expiry', () => f.authorize(item.resource)));
    facts.signedInAfterExpiredPlay = f.current() !== undefined;
    facts.storedProfileAfterExpiredPlay = tv.stored('profile') !== undefined;

    const again = tv.launch({ pollIntervalMs: 3000 });
    const boot = await j.step('relaunch-boot', () => again.boot());
    facts.relaunchAfterExpiry = boot;
    const last = boot.ok && !boot.value.signedIn ? again.lastUsedProvider() : undefined;
    facts.lastProviderAfterExpiry = last;
    if (!last) throw new Error('relaunch after expiry did not offer the last provider');
    const s = await j.step('reauthenticate', () => showCode(again, last));
    facts.reauthCode = s.code;
    await emu.complete(s.code, 'alice');
    await waitFor(() => s.listener.signedIn.length > 0, 're-authentication');

    // Same again with Adobe's other documented placement: the "no profile" error inside a 200.
    await emu.settings({ decisionErrorPlacement: 'item' });
    try {
      await emu.admin('POST', 'expire', { kind: 'profile', clientId, mvpd: 'AcmeCable' });
      facts.itemLevelPreauth = await j.step('preauthorize-after-expiry-item-level', () =>
        again.preauthorize(['DEMOTV', 'DEMOTV-KIDS']),
      );
      facts.signedInAfterItemLevelPreauth = again.current() !== undefined;
      facts.storedProfileAfterItemLevelPreauth = tv.stored('profile') !== undefined;
    } finally {
      await emu.settings({ decisionErrorPlacement: 'top' });
    }
  });
}
