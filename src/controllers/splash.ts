/**
 * Boot logic: `flows.boot()` registers the app and checks the profile, with a second progress line
 * once registration has had time to finish; then the catalog (signed in, or the only valid profile),
 * a chooser (several valid profiles) or the provider picker. A failure offers Retry and Exit.
 * The view is src/pages/Splash.ts.
 */
import type { SignedInProfile } from '../flows/api';
import { t, type MessageKey } from '../lib/language';
import type { TimerId } from '../lib/registry';
import { Controller, failed, type Deps, type FailureView } from './controller';
import { LatestRequest } from './latest';

/** Progress copy (translation keys); the second line shows once registration has had time to finish. */
export const BOOT_STEPS = ['splash.registering', 'splash.checkingProvider'] as const satisfies readonly MessageKey[];
export const STEP_MS = 700;
/** How many profiles the chooser offers (longest validity first). */
export const CHOOSER_MAX = 3;

export type SplashState =
  /** `step`: the progress line, translated. */
  | { kind: 'booting'; step: string }
  /** `now`: when the choice was offered (the view prints each profile's validity from it). */
  | { kind: 'choosing'; profiles: SignedInProfile[]; now: number }
  | ({ kind: 'failed' } & FailureView);

export class SplashController extends Controller<SplashState> {
  private readonly latest = new LatestRequest();
  private stepTimer?: TimerId;

  constructor(
    private readonly deps: Pick<Deps, 'flows' | 'nav' | 'timers' | 'now' | 'session'>,
    private readonly exit: () => void,
  ) {
    super({ kind: 'booting', step: t(BOOT_STEPS[0]) });
  }

  async boot(): Promise<void> {
    const ticket = this.latest.next();
    const { flows, timers, nav, session } = this.deps;
    this.set({ kind: 'booting', step: t(BOOT_STEPS[0]) });
    timers.clearTimeout(this.stepTimer);
    this.stepTimer = timers.setTimeout(() => {
      if (ticket.live) this.set({ kind: 'booting', step: t(BOOT_STEPS[1]) });
    }, STEP_MS);
    const result = await flows.boot();
    if (!ticket.live) return;
    timers.clearTimeout(this.stepTimer);
    if (!result.ok) {
      const retry = { id: 'retry', label: t('common.retry') };
      const exit = { id: 'exit', label: t('common.exit') };
      return this.set(failed(t('splash.failedTitle'), result.failure, retry, exit));
    }
    session.booted = true;
    const outcome = result.value;
    if (outcome.signedIn) return nav.to('catalog');
    const { profiles } = outcome;
    if (profiles.length > 1)
      return this.set({ kind: 'choosing', profiles: profiles.slice(0, CHOOSER_MAX), now: this.deps.now() });
    if (profiles.length === 1) return this.choose(0, profiles);
    nav.to('providers');
  }

  /** The page was left: a late boot answer changes nothing. */
  stop(): void {
    this.latest.cancel();
    this.deps.timers.clearTimeout(this.stepTimer);
  }

  /** The viewer picked profile `index` of the chooser. */
  choose(index: number, profiles = this.state.kind === 'choosing' ? this.state.profiles : []): void {
    const profile = profiles[index];
    if (!profile) return;
    this.deps.flows.chooseProfile(profile);
    this.deps.nav.to('catalog');
  }

  panelAction(id: string): void {
    if (id === 'retry') void this.boot();
    else this.exit();
  }
}
