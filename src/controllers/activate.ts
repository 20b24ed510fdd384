/**
 * Activation logic: start the flows' activation for the chosen provider (or none: the phone
 * chooses), show each code with a live countdown, say so when a code expired or was replaced, and on
 * success confirm with the provider the flows name, then open the catalog after SUCCESS_MS (or on OK).
 * The flows renew an expired code once by themselves; when that one expires too they stop polling and
 * the screen stays, saying so, with "Get a new code" focused (`countdown.kind === 'stopped'`).
 * Polling stops whenever the page is left. The view is src/pages/Activate.ts.
 */
import { spellCode, spokenCountdown } from '../components/format';
import type { Activation, ActivationCode, Failure, Provider } from '../flows/api';
import { t } from '../lib/language';
import type { TimerId } from '../lib/registry';
import { Controller, type Deps, type FailureView } from './controller';
import { LatestRequest } from './latest';

/** How long the success confirmation stays before the catalog opens by itself. */
export const SUCCESS_MS = 2000;
/** How long the "New code" badge stays before it fades. */
export const BADGE_MS = 4000;

/**
 * What the line under the code says: the time left, that a new code is on its way, or (`stopped`) that
 * the codes expired and nothing is polled until the viewer asks for a new one.
 */
export type Countdown =
  { kind: 'running'; remainingMs: number } | { kind: 'expired' } | { kind: 'renewing' } | { kind: 'stopped' };

export type ActivateState =
  | { kind: 'starting'; chosen?: Provider }
  | { kind: 'code'; chosen?: Provider; code: ActivationCode; countdown: Countdown; newCode: boolean }
  | { kind: 'success'; chosen?: Provider; provider: Provider }
  | ({ kind: 'failed'; chosen?: Provider } & FailureView);

/** The headline: the provider chosen, or that the phone chooses. */
export function activateTitle(chosen?: Provider): string {
  return chosen ? t('activate.titleWith', { provider: chosen.displayName }) : t('activate.titlePhone');
}

/**
 * What voice guidance says on the code screen (when its buttons take focus, or on request): the
 * headline, where to go, the code one character at a time, and the time left while it runs.
 */
export function codeSpeech(s: ActivateState): string[] {
  if (s.kind !== 'code') return [];
  const said = [activateTitle(s.chosen), t('a11y.goTo', { url: s.code.shortUrl })];
  said.push(t('a11y.code', { code: spellCode(s.code.code) }));
  if (s.countdown.kind === 'running') said.push(spokenCountdown(s.countdown.remainingMs));
  return said;
}

/** What voice guidance says when the confirmation's button takes focus. */
export function successSpeech(s: ActivateState): string[] {
  return s.kind === 'success'
    ? [t('activate.successTitle', { provider: s.provider.displayName }), t('activate.successHint')]
    : [];
}

export class ActivateController extends Controller<ActivateState> {
  private readonly latest = new LatestRequest();
  private activation?: Activation;
  private tick?: TimerId;
  private successTimer?: TimerId;
  private badgeTimer?: TimerId;
  private codesShown = 0;
  private leaving = false;

  constructor(private readonly deps: Pick<Deps, 'flows' | 'nav' | 'timers' | 'session'>) {
    super({ kind: 'starting' });
  }

  /** The page is shown: activation for the provider chosen in the picker, or on the phone. */
  activate(): void {
    const { session, nav } = this.deps;
    const chosen = session.provider;
    if (!chosen && !session.chooseOnPhone) return nav.to('providers');
    this.start(chosen);
  }

  /** The page was left (or the viewer goes elsewhere): stop polling and every timer. */
  stop(): void {
    const { timers } = this.deps;
    this.latest.cancel();
    this.activation?.stop();
    this.activation = undefined;
    timers.clearTimeout(this.tick);
    timers.clearTimeout(this.successTimer);
    timers.clearTimeout(this.badgeTimer);
    this.tick = this.successTimer = this.badgeTimer = undefined;
  }

  /** Seconds left on the current code (the flows know its deadline). */
  remainingMs(): number {
    return this.activation?.remainingMs() ?? 0;
  }

  // --- intents ---
  /** The buttons: "Get a new code" / "Choose another provider", and "Start watching" on success. */
  action(id: string): void {
    if (id === 'continue') return this.continue();
    const s = this.state;
    if (id === 'new') {
      if (s.kind === 'code') this.set({ ...s, countdown: { kind: 'renewing' } });
      if (this.activation) void this.activation.newCode();
      else this.start(s.chosen);
    } else this.toProviders();
  }

  panelAction(id: string): void {
    if (id === 'retry') this.start(this.state.chosen);
    else this.toProviders();
  }

  /** "Start watching" (or the timer): on to the catalog, once. */
  continue(): void {
    if (this.state.kind !== 'success' || this.leaving) return;
    this.leaving = true;
    this.deps.nav.to('catalog');
  }

  back(): void {
    if (this.state.kind === 'success') this.continue();
    else this.toProviders();
  }

  // --- the flows' side ---
  private start(chosen: Provider | undefined): void {
    this.stop();
    this.codesShown = 0;
    this.leaving = false;
    this.set({ kind: 'starting', chosen });
    const ticket = this.latest.next();
    this.activation = this.deps.flows.startActivation(chosen, {
      onCode: (code) => ticket.live && this.showCode(code),
      onSignedIn: (_profile, provider) => ticket.live && this.signedIn(provider),
      onExpired: () => ticket.live && this.expired(),
      onFailure: (failure) => ticket.live && this.fail(failure),
    });
  }

  private showCode(code: ActivationCode): void {
    const { timers } = this.deps;
    const newCode = this.codesShown++ > 0;
    this.set({ kind: 'code', chosen: this.state.chosen, code, countdown: this.running(), newCode });
    this.countdownTick();
    if (newCode) {
      timers.clearTimeout(this.badgeTimer);
      this.badgeTimer = timers.setTimeout(() => {
        const s = this.state;
        if (s.kind === 'code') this.set({ ...s, newCode: false });
      }, BADGE_MS);
    }
  }

  /**
   * Redraw the countdown when its shown second changes: the next tick comes as the time left crosses a
   * whole second (mm:ss rounds up), so 0:01 turns into the expiry line on time, not up to a second late.
   */
  private countdownTick(): void {
    const { timers } = this.deps;
    timers.clearTimeout(this.tick);
    const left = this.remainingMs();
    this.tick = timers.setTimeout(
      () => {
        const s = this.state;
        if (s.kind !== 'code') return;
        this.set({ ...s, countdown: this.running() });
        this.countdownTick();
      },
      left > 0 ? left % 1000 || 1000 : 1000,
    );
  }

  private running(): Countdown {
    return { kind: 'running', remainingMs: this.remainingMs() };
  }

  private expired(): void {
    const s = this.state;
    if (s.kind === 'code') this.set({ ...s, countdown: { kind: 'expired' } });
  }

  private signedIn(provider: Provider): void {
    const { timers, session } = this.deps;
    timers.clearTimeout(this.tick);
    // Done: the flows stopped polling by themselves.
    this.activation = undefined;
    this.latest.cancel();
    // The phone chose the provider: the flows named it; later visits to the picker start from it.
    if (!this.state.chosen) session.provider = provider;
    session.addingProvider = false;
    this.set({ kind: 'success', chosen: this.state.chosen, provider });
    this.successTimer = timers.setTimeout(() => this.continue(), SUCCESS_MS);
  }

  private fail(failure: Failure): void {
    const s = this.state;
    // The automatic new code expired too: the flows stopped polling; the code screen offers a new one.
    if (failure.kind === 'expired-code' && s.kind === 'code') return this.codesStopped(s);
    const chosen = this.state.chosen;
    this.stop();
    const retry =
      failure.retryable || failure.kind === 'expired-code' ? [{ id: 'retry', label: t('common.tryAgain') }] : [];
    this.set({
      kind: 'failed',
      chosen,
      title: t('activate.failedTitle'),
      failure,
      actions: [...retry, { id: 'providers', label: t('activate.chooseAnother'), w: 500 }],
    });
  }

  private codesStopped(s: Extract<ActivateState, { kind: 'code' }>): void {
    const { timers } = this.deps;
    timers.clearTimeout(this.tick);
    timers.clearTimeout(this.badgeTimer);
    this.tick = this.badgeTimer = undefined;
    this.set({ ...s, countdown: { kind: 'stopped' }, newCode: false });
  }

  private toProviders(): void {
    this.stop();
    const { session, nav } = this.deps;
    if (session.addingProvider) {
      // Adding a provider: giving up returns to Account, signed in as before.
      session.addingProvider = session.chooseOnPhone = false;
      return nav.to('account');
    }
    nav.to('providers');
  }
}
