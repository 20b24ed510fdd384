/**
 * The activation journey as plain logic (no DOM): code → check → provider → MVPD → done.
 * Spec: §17 C.4 (secondary app), §5.3 resume, §5.4 retrieve, §5.5 authenticate URL, §5.8 profile by code.
 * The view renders whatever `Screen` the flow emits and calls the flow's methods on user actions.
 */
import type { ProviderInfo, SecondScreenApi, SessionAction, SessionInfo } from './api';
import { describeCodeProblem, normaliseCode } from './code';
import type { ActiveConfig } from './config';
import { describeFailure, type Problem } from './messages';
import { pendingLogin, type PendingLogin } from './pending';
import { visibleProviders } from './providers';
import type { KeyValueStore } from './storage';

export interface ProviderView {
  id: string;
  displayName: string;
  logoUrl?: string;
}

export type Screen =
  | { name: 'enter'; code: string; busy: boolean; error?: string }
  | { name: 'confirm'; code: string; provider: ProviderView; busy: boolean }
  | { name: 'choose'; code: string; providers: ProviderView[]; busy: boolean; error?: string }
  | { name: 'leaving'; code: string; provider: ProviderView }
  /** Signed in: after the MVPD (done page) or because the session said `authorize` already. */
  | { name: 'signed-in'; provider: ProviderView; already: boolean }
  | { name: 'problem'; problem: Problem; canStartOver: boolean }
  | { name: 'unconfirmed'; code?: string; reason: 'no-profile' | 'no-code' }
  | { name: 'checking' };

export interface FlowDeps {
  api: SecondScreenApi;
  config: ActiveConfig;
  /** sessionStorage of this tab (the pending login must survive the MVPD round trip). */
  tabStore: KeyValueStore;
  /** Top-level navigation in the same tab (spec §5.5: no Authorization header, a plain browser visit). */
  navigate(url: string): void;
  render(screen: Screen): void;
  now?: () => number;
}

/** How many times we answer a resume `retry` by resuming again before giving up (spec §9.5.4: bounded). */
const MAX_RESUMES = 2;

abstract class BaseFlow {
  protected screen: Screen = { name: 'checking' };
  private lastAttempt: { step: () => Promise<void>; onFailure: (p: Problem) => boolean } | undefined;
  private retryNotBefore = 0;

  constructor(protected readonly deps: FlowDeps) {}

  current(): Screen {
    return this.screen;
  }

  protected show(screen: Screen): void {
    this.screen = screen;
    this.deps.render(screen);
  }

  protected now(): number {
    return (this.deps.now ?? Date.now)();
  }

  /** Runs a step; failures that have a Retry remember the step so `retry()` can repeat it. */
  protected async attempt(step: () => Promise<void>, onFailure: (p: Problem) => boolean): Promise<void> {
    try {
      await step();
    } catch (error) {
      const p = describeFailure(error);
      if (onFailure(p)) return;
      this.lastAttempt = p.retryable ? { step, onFailure } : undefined;
      this.retryNotBefore = this.now() + p.retryAfterMs;
      this.show({ name: 'problem', problem: p, canStartOver: true });
    }
  }

  /** Repeats the failed step. Ignored until the 429 wait has passed (the view also disables the button). */
  async retry(): Promise<void> {
    const last = this.lastAttempt;
    if (!last || this.now() < this.retryNotBefore) return;
    this.lastAttempt = undefined;
    this.show({ name: 'checking' });
    // Same failure handling as the first try (e.g. an expired code still lands next to the field).
    await this.attempt(last.step, last.onFailure);
  }

  /** Milliseconds until Retry may be pressed (for the view's countdown). */
  retryWaitMs(): number {
    return Math.max(0, this.retryNotBefore - this.now());
  }
}

export class ActivationFlow extends BaseFlow {
  private providerCache: ProviderInfo[] | undefined;
  /** The last retrieve answer for the current code (saves a second call before resuming). */
  private session: SessionInfo | undefined;
  private resumes = 0;

  /** First screen. A valid `?code=` from the QR code is checked at once: the user already chose it. */
  async start(initialCode?: string | null): Promise<void> {
    const prefill = initialCode ?? '';
    if (prefill && normaliseCode(prefill).ok) return this.submitCode(prefill);
    this.show({ name: 'enter', code: prefill, busy: false });
  }

  /** Back from the MVPD page (bfcache restores "Opening…"): offer the same provider again. */
  returnedFromProvider(): void {
    const s = this.screen;
    if (s.name === 'leaving') this.show({ name: 'confirm', code: s.code, provider: s.provider, busy: false });
  }

  startOver(): void {
    pendingLogin.clear(this.deps.tabStore);
    this.show({ name: 'enter', code: '', busy: false });
  }

  async submitCode(raw: string): Promise<void> {
    const checked = normaliseCode(raw);
    if (!checked.ok) {
      this.show({ name: 'enter', code: raw, busy: false, error: describeCodeProblem(checked.problem) });
      return;
    }
    const code = checked.code;
    this.resumes = 0;
    this.session = undefined;
    this.show({ name: 'enter', code, busy: true });
    await this.attempt(
      async () => {
        const session = await this.deps.api.retrieveSession(code);
        this.session = session;
        const mvpd = session.existing.mvpd;
        if (mvpd && session.missing.indexOf('mvpd') < 0) {
          this.show({ name: 'confirm', code, provider: await this.describeProvider(mvpd), busy: false });
        } else {
          const providers = visibleProviders(await this.allProviders(), this.deps.config).map(toView);
          this.show({ name: 'choose', code, providers, busy: false });
        }
      },
      (p) => this.codeProblemInline(code, p),
    );
  }

  /** "Continue with <provider>": the TV already chose; supply anything still missing, then go. */
  async continueLogin(): Promise<void> {
    const s = this.screen;
    if (s.name !== 'confirm') return;
    this.show({ ...s, busy: true });
    await this.attempt(
      async () => {
        // Check again right before leaving: the TV may have replaced the code while the user read this
        // screen, and Adobe's authenticate URL would then answer a bare HTML error page (spec §5.5).
        const session = await this.deps.api.retrieveSession(s.code);
        if (session.missing.length === 0) return this.leaveFor(s.code, s.provider);
        return this.resume(s.code, s.provider, session);
      },
      (p) => this.codeProblemInline(s.code, p),
    );
  }

  /** The user picked a provider on the phone: resume the session with it (spec §5.3). */
  async chooseProvider(id: string): Promise<void> {
    const s = this.screen;
    if (s.name !== 'choose' || s.busy) return;
    const provider = s.providers.find((p) => p.id === id);
    if (!provider) return;
    this.show({ ...s, busy: true, error: undefined });
    await this.attempt(
      () => this.resume(s.code, provider, this.session),
      (p) => {
        if (p.kind === 'provider-unavailable') {
          this.show({ ...s, busy: false, error: `${provider.displayName}: ${p.message}` });
          return true;
        }
        return this.codeProblemInline(s.code, p);
      },
    );
  }

  private async resume(code: string, provider: ProviderView, known?: SessionInfo): Promise<void> {
    // Values the TV already supplied win; ours fill the gaps (the TV's redirectUrl is normally this /done).
    const session = known ?? (await this.deps.api.retrieveSession(code));
    this.session = undefined; // after a resume the session changed; re-read it if we come back
    const action = await this.deps.api.resumeSession(code, {
      mvpd: provider.id,
      domainName: session.existing.domainName ?? this.deps.config.domainName,
      redirectUrl: session.existing.redirectUrl ?? this.deps.config.redirectUrl,
    });
    return this.follow(code, provider, action);
  }

  private async follow(code: string, provider: ProviderView, action: SessionAction): Promise<void> {
    switch (action.actionName) {
      case 'authenticate':
        return this.leaveFor(code, provider, action.url);
      case 'authorize':
        // Already signed in (or temporary/degraded access): nothing to do on the phone.
        pendingLogin.clear(this.deps.tabStore);
        this.show({ name: 'signed-in', provider, already: true });
        return;
      case 'retry':
      case 'resume':
        if (this.resumes++ < MAX_RESUMES) return this.resume(code, provider);
        break;
    }
    this.show({
      name: 'problem',
      canStartOver: true,
      problem: {
        kind: 'other',
        title: "We couldn't start the sign-in",
        message: 'The sign-in service asked for something this page cannot supply. Get a new code on your TV and try again.',
        retryable: false,
        retryAfterMs: 0,
      },
    });
  }

  /** Remember the code for /done, then navigate this tab to the authenticate URL (spec §5.5). */
  private leaveFor(code: string, provider: ProviderView, url?: string): void {
    const pending: PendingLogin = {
      code,
      preset: this.deps.config.presetName,
      mvpd: provider.id,
      displayName: provider.displayName,
      logoUrl: provider.logoUrl,
    };
    pendingLogin.write(this.deps.tabStore, pending);
    this.show({ name: 'leaving', code, provider });
    this.deps.navigate(url ? this.deps.api.absoluteUrl(url) : this.deps.api.authenticateUrl(code));
  }

  /** Wrong or expired codes belong next to the code field, not on a separate error page. */
  private codeProblemInline(code: string, p: Problem): boolean {
    if (p.kind !== 'wrong-code' && p.kind !== 'expired-code') return false;
    this.show({ name: 'enter', code, busy: false, error: `${p.title}. ${p.message}` });
    return true;
  }

  private async allProviders(): Promise<ProviderInfo[]> {
    if (!this.providerCache) this.providerCache = await this.deps.api.providers();
    return this.providerCache;
  }

  /** Display name for the provider the TV chose; the id itself if the configuration is unavailable. */
  private async describeProvider(mvpd: string): Promise<ProviderView> {
    try {
      const found = (await this.allProviders()).find((p) => p.id === mvpd);
      if (found) return toView(found);
    } catch {
      /* the name is cosmetic; the login can go ahead without it */
    }
    return { id: mvpd, displayName: mvpd };
  }
}

/** The `/done` page: the MVPD sent the user back here; confirm with the profile for the code. */
export class DoneFlow extends BaseFlow {
  private codeFromUrl: string | null | undefined;

  /** Retry from the "not confirmed yet" screen. */
  recheck(): Promise<void> {
    return this.start(this.codeFromUrl);
  }

  async start(codeFromUrl?: string | null): Promise<void> {
    this.codeFromUrl = codeFromUrl;
    const pending = pendingLogin.read(this.deps.tabStore);
    const fromUrl = codeFromUrl ? normaliseCode(codeFromUrl) : undefined;
    const code = fromUrl && fromUrl.ok ? fromUrl.code : pending?.code;
    if (!code) {
      this.show({ name: 'unconfirmed', reason: 'no-code' });
      return;
    }
    this.show({ name: 'checking' });
    await this.attempt(
      async () => {
        const profiles = await this.deps.api.profilesForCode(code);
        if (profiles.length === 0) {
          this.show({ name: 'unconfirmed', code, reason: 'no-profile' });
          return;
        }
        const mvpd = profiles[0].mvpd;
        const provider: ProviderView =
          pending && pending.mvpd === mvpd ? { id: mvpd, displayName: pending.displayName, logoUrl: pending.logoUrl } : await this.describe(mvpd);
        pendingLogin.clear(this.deps.tabStore);
        this.show({ name: 'signed-in', provider, already: false });
      },
      () => false,
    );
  }

  private async describe(mvpd: string): Promise<ProviderView> {
    try {
      const found = (await this.deps.api.providers()).find((p) => p.id === mvpd);
      if (found) return toView(found);
    } catch {
      /* cosmetic */
    }
    return { id: mvpd, displayName: mvpd };
  }
}

function toView(p: ProviderInfo): ProviderView {
  return { id: p.id, displayName: p.displayName, logoUrl: p.logoUrl };
}
