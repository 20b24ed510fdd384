/**
 * Account logic: who is signed in (the flows' current profile and its provider), the metadata the
 * MVPD shared, and "Sign out" after a confirmation → flows.logout() → the picker, saying in a plain
 * sentence how the sign-out went (the outcome's `message`: signed out, or what to finish in the TV's
 * settings). Never a URL: a TV cannot open the MVPD's logout page. The view is src/pages/Account.ts.
 */
import type { LogoutOutcome, ProfileAttribute, Provider, SignedInProfile } from '../flows/api';
import { ask, toast, type AskChoice, type AskOptions } from '../lib/events';
import { t, type MessageKey } from '../lib/language';
import { profileChoice, type ProfileChoice } from './profile-choice';
import { Controller, failed, type Deps, type FailureView } from './controller';
import { LatestRequest } from './latest';

/** Labels of the metadata keys the app knows (others show their key as given). */
const LABELS: Record<string, MessageKey> = {
  userID: 'account.attr.userID',
  upstreamUserID: 'account.attr.upstreamUserID',
  householdID: 'account.attr.householdID',
  zip: 'account.attr.zip',
  channelID: 'account.attr.channelID',
  primaryOID: 'account.attr.primaryOID',
  is_hoh: 'account.attr.is_hoh',
  maxRating: 'account.attr.maxRating',
  encryptedZip: 'account.attr.encryptedZip',
  mvpd: 'account.attr.mvpd',
};
/** Metadata lines shown at most. */
export const MAX_ROWS = 8;

export interface AttributeLine {
  label: string;
  value: string;
  /** The value is encrypted by the provider (not shown; `value` says so). */
  encrypted?: boolean;
}

/** One metadata line as shown: label and display value (encrypted values are not shown). */
export function describeAttribute(key: string, attr: ProfileAttribute): AttributeLine {
  const known = LABELS[key];
  const label = known ? t(known) : key;
  if (attr.encrypted) return { label, value: t('account.encrypted'), encrypted: true };
  const v = attr.value;
  let value: string;
  if (v === null || v === undefined || v === '') value = '—';
  else if (Array.isArray(v)) value = v.map(String).join(', ');
  else if (typeof v === 'object') {
    // e.g. maxRating {"VCHIP":"TV-MA","MPAA":"NC-17"} → "VCHIP TV-MA · MPAA NC-17"
    value = Object.keys(v as Record<string, unknown>)
      .map((k) => `${k} ${String((v as Record<string, unknown>)[k])}`)
      .join('  ·  ');
  } else if (typeof v === 'boolean') value = t(v ? 'common.yes' : 'common.no');
  else if (key === 'is_hoh' && (v === '1' || v === '0' || v === 1 || v === 0))
    value = t(String(v) === '1' ? 'common.yes' : 'common.no');
  else value = String(v);
  return { label, value };
}

/** A URL as a person would type it: no scheme, no query (the TV cannot open it; the user may). */
export function readableUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/[?#].*$/, '');
}

/** What the viewer is told after signing out: the flows' plain sentence, never a URL. */
export function signedOutSentence(outcome: LogoutOutcome): string {
  // The flows always word it; an empty sentence (a partner's own wording missing) gets ours.
  if (outcome.message.trim()) return outcome.message;
  return t(outcome.partnerSignOut ? 'account.signedOutPartner' : 'account.signedOut');
}

export type AccountZone = 'actions' | 'settings';

export type AccountState =
  | { kind: 'idle' }
  | {
      kind: 'ready';
      profile: SignedInProfile;
      provider: Provider;
      lines: AttributeLine[];
      now: number;
      /** Focus: the actions (Sign out, Back to catalog) or the settings row under them. */
      zone: AccountZone;
    }
  | { kind: 'signingOut' }
  /** "Switch provider": the device's profiles are being listed. */
  | { kind: 'listing' }
  /** "Switch provider": every valid profile (the adopted one marked "in use"); choosing one signs nobody out. */
  | { kind: 'switching'; profiles: SignedInProfile[]; choices: ProfileChoice[]; index: number }
  | ({ kind: 'failed' } & FailureView);

type Ready = Extract<AccountState, { kind: 'ready' }>;

export interface AccountShell {
  toast(text: string, durationMs?: number): void;
  ask(options: AskOptions): Promise<AskChoice>;
}

export class AccountController extends Controller<AccountState> {
  private readonly latest = new LatestRequest();
  private ready?: Ready;

  constructor(
    private readonly deps: Pick<Deps, 'flows' | 'nav' | 'now' | 'session'>,
    private readonly shell: AccountShell = { toast, ask },
  ) {
    super({ kind: 'idle' });
  }

  /** The page is shown: the signed-in profile, or the picker when nobody is signed in. */
  activate(): boolean {
    const current = this.deps.flows.current();
    if (!current) {
      this.deps.nav.to('providers');
      return false;
    }
    const { profile, provider } = current;
    const lines = Object.keys(profile.attributes)
      .slice(0, MAX_ROWS)
      .map((key) => describeAttribute(key, profile.attributes[key]!));
    if (lines.length === 0) lines.push({ label: t('account.details'), value: t('account.noDetails') });
    this.ready = { kind: 'ready', profile, provider, lines, now: this.deps.now(), zone: 'actions' };
    this.set(this.ready);
    return true;
  }

  /** The page was left: a late logout answer changes nothing. */
  deactivate(): void {
    this.latest.cancel();
  }

  /** "Sign out" (after the viewer confirms), "Switch provider" or "Back to catalog". */
  async action(id: string): Promise<void> {
    if (id === 'back') return this.deps.nav.to('catalog');
    if (id === 'another') {
      // One more provider, chosen on the phone: the signed-in TV asks for no configuration (checklist 6,
      // "none while signed in"); this profile stays (REST V2 keeps one per MVPD).
      const { session, nav } = this.deps;
      session.addingProvider = session.chooseOnPhone = true;
      session.provider = undefined;
      return nav.to('activate');
    }
    if (id === 'switch') return this.listProfiles();
    // The dialog answers with the chosen label: compared with the same translated text it offered.
    const signOut = t('account.signOut');
    const choice = await this.shell.ask({
      title: t('account.confirmTitle'),
      message: t('account.confirmMessage'),
      actions: [signOut, t('common.cancel')],
    });
    if (choice === signOut) await this.signOut();
  }

  /** Down / Up (or the pointer): focus the settings row or the actions. */
  focus(zone: AccountZone): void {
    if (this.state.kind !== 'ready' || this.state.zone === zone) return;
    this.ready = { ...this.state, zone };
    this.set(this.ready);
  }

  panelAction(id: string): void {
    if (id === 'retry') void this.signOut();
    else if (id === 'switch') void this.listProfiles();
    else this.showReady();
  }

  /**
   * "Switch provider": list the device's valid profiles (flows.profiles(): GET profiles, plus the adopted
   * one). With no other profile the viewer is told so and stays; else the chooser shows them all.
   */
  async listProfiles(): Promise<void> {
    const ticket = this.latest.next();
    const { flows } = this.deps;
    this.set({ kind: 'listing' });
    const result = await flows.profiles();
    if (!ticket.live) return;
    if (!result.ok) {
      const retry = { id: 'switch', label: t('common.retry') };
      return this.set(
        failed(t('account.switchFailed'), result.failure, retry, { id: 'back', label: t('common.back') }),
      );
    }
    const current = flows.current()?.profile.mvpd;
    const profiles = result.value;
    if (!profiles.some((p) => p.mvpd !== current)) {
      this.shell.toast(t('account.switchNone'), 8000);
      return this.showReady();
    }
    const index = Math.max(
      0,
      profiles.findIndex((p) => p.mvpd === current),
    );
    this.set({ kind: 'switching', profiles, choices: profiles.map((p) => profileChoice(p, current)), index });
  }

  /**
   * The viewer picked profile `index` of the switch list: the flows adopt and persist it (remembered at the
   * next launch), the catalog is reloaded for the new provider. The one in use just closes the list.
   */
  chooseProfile(index: number): void {
    const s = this.state;
    const profile = s.kind === 'switching' ? s.profiles[index] : undefined;
    if (!profile) return;
    const { flows, session, nav } = this.deps;
    if (profile.mvpd === flows.current()?.profile.mvpd) return this.showReady();
    flows.chooseProfile(profile);
    // Decisions and the remembered focus belong to the previous provider.
    session.catalog = undefined;
    session.catalogFocus = undefined;
    this.shell.toast(t('account.switched', { provider: profile.provider.displayName }));
    nav.to('catalog');
  }

  /** Back / Menu: ignored while signing out, closes a failure or the switch list, else back to the catalog. */
  back(): void {
    const kind = this.state.kind;
    if (kind === 'failed' || kind === 'switching' || kind === 'listing') this.showReady();
    else if (kind === 'ready') this.deps.nav.to('catalog');
  }

  private async signOut(): Promise<void> {
    const ticket = this.latest.next();
    const { flows, session, nav } = this.deps;
    this.set({ kind: 'signingOut' });
    const result = await flows.logout();
    if (!ticket.live) return;
    if (!result.ok) {
      const retry = { id: 'retry', label: t('common.retry') };
      const back = { id: 'back', label: t('common.back') };
      return this.set(failed(t('account.failedTitle'), result.failure, retry, back));
    }
    session.catalog = undefined;
    session.catalogFocus = undefined;
    this.shell.toast(signedOutSentence(result.value), 8000);
    nav.to('providers');
  }

  private showReady(): void {
    this.latest.cancel();
    if (this.ready) this.set(this.ready);
  }
}
