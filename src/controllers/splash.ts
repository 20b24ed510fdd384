/**
 * Boot logic: `flows.boot()` registers the app and checks the profile (the entry point started that run;
 * this joins it), the progress line following the flows' own steps; then the catalog (signed in, or the only valid profile),
 * a chooser of every valid profile (several: provider, type, validity; the choice is persisted by the flows) or
 * the provider picker. A failure offers Retry and Exit.
 * The view is src/pages/Splash.ts.
 */
import type { BootStep, SignedInProfile } from '../flows/api';
import { t, type MessageKey } from '../lib/language';
import { Controller, failed, type Deps, type FailureView } from './controller';
import { LatestRequest } from './latest';
import { profileChoice, type ProfileChoice } from './profile-choice';

/** Progress copy (translation keys); the second line shows once the flows report the profile check (no timer). */
export const BOOT_STEPS = ['splash.registering', 'splash.checkingProvider'] as const satisfies readonly MessageKey[];
/** Which progress line each boot step shows. */
const STEP_LINE: Record<BootStep, 0 | 1> = { registering: 0, 'checking-provider': 1, 'confirming-provider': 1 };

export type SplashState =
  /** `step`: the progress line, translated. */
  | { kind: 'booting'; step: string }
  /** Every valid profile (any number, longest validity first) and how each is offered. */
  | { kind: 'choosing'; profiles: SignedInProfile[]; choices: ProfileChoice[]; now: number }
  | ({ kind: 'failed' } & FailureView);

export class SplashController extends Controller<SplashState> {
  private readonly latest = new LatestRequest();

  constructor(
    private readonly deps: Pick<Deps, 'flows' | 'nav' | 'timers' | 'now' | 'session'>,
    private readonly exit: () => void,
  ) {
    super({ kind: 'booting', step: t(BOOT_STEPS[0]) });
  }

  async boot(): Promise<void> {
    const ticket = this.latest.next();
    const { flows, nav, session } = this.deps;
    this.set({ kind: 'booting', step: t(BOOT_STEPS[0]) });
    const result = await flows.boot((step) => {
      const line = t(BOOT_STEPS[STEP_LINE[step]]);
      if (ticket.live && this.state.kind === 'booting' && this.state.step !== line)
        this.set({ kind: 'booting', step: line });
    });
    if (!ticket.live) return;
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
      return this.set({
        kind: 'choosing',
        profiles,
        choices: profiles.map((p) => profileChoice(p)),
        now: this.deps.now(),
      });
    if (profiles.length === 1) return this.choose(0, profiles);
    nav.to('providers');
  }

  /** The page was left: a late boot answer changes nothing. */
  stop(): void {
    this.latest.cancel();
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
