/**
 * Catalog logic: load the rows (or reuse the session's), preauthorize by channel, and decide what is
 * shown: denied titles locked with the reason, or hidden (showLockedTitles). Titles rated above the profile's
 * parental limit (maxRating, src/flows/ratings.ts) are locked before any decision; a degraded sign-in or
 * degraded decisions add a plain `notice` line. A title's lock is its
 * channel's decision (`channelResource`); the player still authorizes the title's own `resource`.
 * With at most WHOLE_CATALOG_CHANNELS channels one call covers the catalog (the flows batch by the MVPD's
 * limit); with more, only the channels of the rows within REACH of focus are asked, more as focus moves.
 * Leaving the page cancels the batches still queued. Focus moves between the header (Account) and the
 * rows, each row remembering its column; the details panel follows focus once it settles. OK on any
 * title opens the player (which always authorizes). The view (src/pages/Catalog.ts) draws `state`.
 */
import type { CatalogItem, CatalogRow } from '../catalog/types';
import { channelResources } from '../catalog/validate';
import type { Decision, Failure, Provider } from '../flows/api';
import { cancelSource } from '../flows/cancel';
import { isDegradationDenial, isDegradedProfile } from '../flows/degraded';
import { checkRating, parentalLimits, type ParentalLimits } from '../flows/ratings';
import { t } from '../lib/language';
import { toast } from '../lib/events';
import type { TimerId } from '../lib/registry';
import { Controller, type Deps, type FailureView } from './controller';
import { LatestRequest, type Ticket } from './latest';

import { INPUT_GUARD_MS } from './input-guard';

export { INPUT_GUARD_MS };
/**
 * Focus moves closer together than this are one scroll (a held key's repeats, or presses in quick
 * succession): the details panel updates once, when focus has rested this long. A move after a rest
 * updates it at once.
 */
export const SETTLE_MS = 250;
/** A catalog with at most this many channels is preauthorized in one call (Adobe's default batch). */
export const WHOLE_CATALOG_CHANNELS = 5;
/** Rows around the focused one whose channels are asked about when the catalog has more channels. */
export const REACH = { before: 1, after: 3 } as const;

/** `parental`: rated above the profile's parental limit (maxRating), locked on the TV before any decision. */
export type TileAccess = 'unknown' | 'unlocked' | 'locked' | 'parental';

export type CatalogState =
  | { kind: 'loading'; provider?: Provider }
  | ({ kind: 'failed'; provider?: Provider } & FailureView)
  | {
      kind: 'browsing';
      provider?: Provider;
      /** The rows shown: a new array only when the titles shown change (hidden locked titles). */
      rows: CatalogRow[];
      /** Where focus is: the header's Account button, or the rows. */
      zone: 'header' | 'rows';
      /** The focused row and, within it, the focused column. */
      row: number;
      col: number;
      /** Bumped whenever decisions arrive: the view re-applies locks to the tiles it has (no rebuild). */
      access: number;
      /** The title the details panel shows (follows focus; SETTLE_MS after the last move of a scroll). */
      details?: CatalogItem;
      /** A plain line when access is degraded (spec §15): sign-in bypassed, titles allowed or paused by a rule. */
      notice?: string;
    };

type Browsing = Extract<CatalogState, { kind: 'browsing' }>;

export interface CatalogShell {
  toast(text: string, durationMs?: number): void;
}

export class CatalogController extends Controller<CatalogState> {
  private readonly latest = new LatestRequest();
  /** The live load: later preauthorization calls (as focus moves) belong to it. */
  private ticket?: Ticket;
  private cancel?: { signal: ReturnType<typeof cancelSource>['signal']; cancel(): void };
  /** Channel resource → decision; resources asked in this visit (answered or not). */
  private decisions = new Map<string, Decision>();
  /** The catalog's distinct channel resources (computed once per catalog, not on every focus move). */
  private channels?: { rows: CatalogRow[]; all: string[] };
  private asked = new Set<string>();
  private warned = false;
  /** Each row's focused column, by row id (rows remember it when focus moves away). */
  private cols = new Map<string, number>();
  private activeAt = 0;
  private settleTimer?: TimerId;
  /** When focus last moved (or was placed): a move within SETTLE_MS of it is part of a scroll. */
  private movedAt = -Infinity;
  /** The signed-in profile's parental limits (read on every visit: a switch may change them). */
  private limits: ParentalLimits = { limits: {}, protected: false };
  private degradedSignIn = false;

  constructor(
    private readonly deps: Pick<Deps, 'flows' | 'catalog' | 'nav' | 'settings' | 'now' | 'session' | 'timers'>,
    private readonly shell: CatalogShell = { toast },
  ) {
    super({ kind: 'loading' });
  }

  /** The page is shown: signed-out viewers go to the picker, the others see the catalog. */
  activate(): void {
    const { flows, nav } = this.deps;
    this.activeAt = this.deps.now();
    const current = flows.current();
    if (!current) return nav.to('providers');
    this.limits = parentalLimits(current.profile.attributes);
    this.degradedSignIn = isDegradedProfile(current.profile);
    const before = this.state.provider;
    if (before && before.id !== current.provider.id) {
      // Another provider since the last visit (added or switched): its own decisions, focus from the top.
      this.decisions = new Map();
      this.deps.session.catalogFocus = undefined;
      this.set({ kind: 'loading', provider: current.provider });
    } else this.set({ ...this.state, provider: current.provider });
    void this.fetch();
  }

  /** The page was left: late answers are dropped and queued preauthorization batches cancelled. */
  deactivate(): void {
    this.latest.cancel();
    this.cancel?.cancel();
    this.cancel = undefined;
    this.deps.timers.clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
  }

  accessOf(item: CatalogItem): TileAccess {
    if (!checkRating(item.rating, this.limits).allowed) return 'parental';
    const d = this.decisions.get(item.channelResource);
    if (!d) return 'unknown';
    return d.authorized ? 'unlocked' : 'locked';
  }

  /**
   * Why a title is locked: above the parental limit (checked first, on the TV), paused by a degradation
   * rule (AuthZNone), else the MVPD's message and details for its channel.
   */
  reasonFor(item: CatalogItem): string | undefined {
    const verdict = checkRating(item.rating, this.limits);
    if (!verdict.allowed) return t('parental.locked', { rating: verdict.rating, limit: verdict.limit });
    const f = this.decisions.get(item.channelResource)?.failure;
    if (!f) return undefined;
    if (isDegradationDenial(f)) return t('degraded.denied');
    return f.details ? `${f.message} — ${f.details}` : f.message;
  }

  /** The remembered column of row `i` of the rows shown. */
  colOf(i: number): number {
    const s = this.state;
    const row = s.kind === 'browsing' ? s.rows[i] : undefined;
    if (!row) return 0;
    return Math.min(this.cols.get(row.id) ?? 0, row.items.length - 1);
  }

  // --- intents ---
  up(): boolean {
    const s = this.state;
    if (s.kind !== 'browsing' || s.zone !== 'rows') return false;
    if (s.row === 0) this.set({ ...s, zone: 'header' });
    else this.focusRow(s.row - 1);
    return true;
  }

  down(): boolean {
    const s = this.state;
    if (s.kind !== 'browsing') return false;
    if (s.zone === 'header') {
      if (s.rows.length) this.set({ ...s, zone: 'rows' });
      return true;
    }
    this.focusRow(s.row + 1);
    return true;
  }

  /** A row's focused title changed (Left/Right, pointer): remember its column. */
  focusCol(col: number): void {
    const s = this.state;
    if (s.kind !== 'browsing' || s.col === col) return;
    const row = s.rows[s.row];
    if (row) this.cols.set(row.id, col);
    this.move({ ...s, col });
  }

  /** The pointer is over row `i` (or the header): focus follows it. */
  pointAt(target: number | 'header'): void {
    const s = this.state;
    if (s.kind !== 'browsing') return;
    if (target === 'header') this.set({ ...s, zone: 'header' });
    else if (target >= 0 && target < s.rows.length) this.focusRow(target, 'rows');
  }

  /** OK on a title (locked ones too: the player authorizes and explains). */
  select(item: CatalogItem): void {
    // An OK meant for the previous screen (e.g. "Start watching" as it moved on by itself) must not
    // start playback the moment the catalog appears.
    if (this.deps.now() - this.activeAt < INPUT_GUARD_MS) return;
    this.rememberFocus();
    this.deps.nav.to(`play/${item.id}`);
  }

  openAccount(): void {
    this.rememberFocus();
    this.deps.nav.to('account');
  }

  panelAction(id: string): void {
    if (id === 'retry') {
      this.deps.session.catalog = undefined;
      void this.fetch();
    } else this.openAccount();
  }

  // --- loading ---
  private async fetch(): Promise<void> {
    const ticket = this.latest.next();
    this.ticket = ticket;
    this.cancel?.cancel();
    this.cancel = cancelSource();
    // Asked again on every visit (permits come from the flows' cache); the locks shown meanwhile stay.
    this.asked = new Set();
    this.warned = false;
    const { catalog, session } = this.deps;
    if (!session.catalog) {
      this.decisions = new Map(); // a new load (retry, or after a sign-out): nothing known yet
      this.set({ kind: 'loading', provider: this.state.provider });
    }
    const result = session.catalog ? { ok: true as const, value: session.catalog } : await catalog.load();
    if (!ticket.live) return;
    if (!result.ok) return this.fail(result.failure);
    session.catalog = result.value;
    this.show();
    await this.preauthorize();
  }

  /** Ask about the channels not asked yet: all of them when few, else those within reach of focus. */
  private async preauthorize(): Promise<void> {
    const ticket = this.ticket;
    const s = this.state;
    const all = this.allChannels();
    if (!ticket?.live || !this.cancel || s.kind !== 'browsing') return;
    const near = all.length <= WHOLE_CATALOG_CHANNELS ? all : channelResources(reachable(s.rows, s.row));
    const fresh = near.filter((r) => !this.asked.has(r));
    if (fresh.length === 0) return;
    fresh.forEach((r) => this.asked.add(r));
    const result = await this.deps.flows.preauthorize(fresh, { signal: this.cancel.signal });
    if (!ticket.live) return;
    if (!result.ok) return this.preauthorizationFailed(result.failure);
    result.value.forEach((d, resource) => this.decisions.set(resource, d));
    const now = this.state;
    if (now.kind !== 'browsing') return;
    if (this.deps.settings.showLockedTitles) this.set({ ...now, access: now.access + 1, notice: this.notice() });
    else this.show(); // denied titles leave the rows
  }

  private allChannels(): string[] {
    const rows = this.deps.session.catalog?.rows ?? [];
    if (this.channels?.rows !== rows) this.channels = { rows, all: channelResources(rows) };
    return this.channels.all;
  }

  private preauthorizationFailed(failure: Failure): void {
    // The service no longer knows this sign-in (profile gone, state lost): the flows forgot it too.
    if (failure.kind === 'authentication') {
      this.deactivate();
      this.shell.toast(t('catalog.signInAgain'));
      return this.deps.nav.to('providers');
    }
    if (this.warned) return;
    this.warned = true;
    this.shell.toast(t('catalog.preauthFailed'));
  }

  /**
   * (Re)build the rows; denied titles are dropped when locked titles are not to be shown. The rows array
   * is kept when the titles did not change, so the view re-applies locks instead of rebuilding.
   */
  private show(): void {
    const catalog = this.deps.session.catalog;
    if (!catalog) return;
    const showLocked = this.deps.settings.showLockedTitles;
    const built = catalog.rows
      .map((row) => (showLocked ? row : { ...row, items: row.items.filter((it) => !isLocked(this.accessOf(it))) }))
      .filter((row) => row.items.length > 0);
    const s = this.state;
    if (built.length === 0) {
      return this.fail({
        kind: 'denied',
        message: t('catalog.noneIncluded'),
        retryable: true,
      });
    }
    const was = s.kind === 'browsing' ? s : undefined;
    const rows = was && sameRows(was.rows, built) ? was.rows : built;
    // The remembered focus (back from the player) counts once, on the visit's first rows; after that, focus
    // stays on the title the viewer is on, wherever hidden titles moved it (never back to an older one).
    const remembered = this.deps.session.catalogFocus;
    this.deps.session.catalogFocus = undefined;
    const keep = remembered ?? (was ? { row: was.row, col: was.col } : { row: 0, col: 0 });
    const on = !remembered && was ? was.rows[was.row]?.items[was.col] : undefined;
    const found = on && was ? locate(rows, was.rows[was.row]!.id, on.id) : undefined;
    const row = found ? found.row : Math.min(keep.row, rows.length - 1);
    const col = found ? found.col : Math.min(keep.col, rows[row]!.items.length - 1);
    this.cols.set(rows[row]!.id, col);
    this.movedAt = this.deps.now();
    this.set({
      kind: 'browsing',
      provider: s.provider,
      rows,
      zone: was ? was.zone : 'rows',
      row,
      col,
      access: was ? was.access + 1 : 0,
      details: rows[row]!.items[col],
      notice: this.notice(),
    });
  }

  /** The degraded-access line: the sign-in itself, titles paused by a rule, or titles allowed by one. */
  private notice(): string | undefined {
    if (this.degradedSignIn) return t('degraded.signIn');
    let allowed = false;
    for (const d of Array.from(this.decisions.values())) {
      if (isDegradationDenial(d.failure)) return t('degraded.denied');
      if (d.degraded) allowed = true;
    }
    return allowed ? t('degraded.decisions') : undefined;
  }

  private fail(failure: Failure): void {
    this.set({
      kind: 'failed',
      provider: this.state.provider,
      title: t('catalog.failedTitle'),
      failure,
      actions: [
        { id: 'retry', label: t('common.retry') },
        { id: 'account', label: t('common.account') },
      ],
    });
  }

  private focusRow(i: number, zone: 'header' | 'rows' = (this.state as Browsing).zone): void {
    const s = this.state as Browsing;
    const next = Math.max(0, Math.min(i, s.rows.length - 1));
    if (next === s.row && zone === s.zone) return;
    this.move({ ...s, zone, row: next, col: this.colOf(next) });
    // Rows that came within reach may belong to channels not asked about yet.
    if (next !== s.row) void this.preauthorize();
  }

  /**
   * Apply a focus move. The details panel follows at once when focus was resting, else once it rests
   * again: a scroll through a row redraws the panel's text textures once, not on every step.
   */
  private move(next: Browsing): void {
    const { timers, now } = this.deps;
    const item = next.rows[next.row]?.items[next.col];
    timers.clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    const resting = now() - this.movedAt >= SETTLE_MS;
    this.movedAt = now();
    if (resting) return this.set({ ...next, details: item });
    this.set(next);
    this.settleTimer = timers.setTimeout(() => {
      this.settleTimer = undefined;
      const s = this.state;
      if (s.kind === 'browsing') this.set({ ...s, details: s.rows[s.row]?.items[s.col] });
    }, SETTLE_MS);
  }

  /** Where focus was, restored when the viewer comes back from the player or the account. */
  private rememberFocus(): void {
    const s = this.state;
    if (s.kind === 'browsing') this.deps.session.catalogFocus = { row: s.row, col: s.col };
  }
}

/** Locked for any reason (the MVPD's decision or the parental limit). */
export function isLocked(access: TileAccess): boolean {
  return access === 'locked' || access === 'parental';
}

/** The rows a viewer can reach soon from row `at` (REACH before and after). */
function reachable(rows: CatalogRow[], at: number): CatalogRow[] {
  return rows.slice(Math.max(0, at - REACH.before), at + REACH.after + 1);
}

/** Where title `itemId` of row `rowId` is now, if it is still shown. */
function locate(rows: CatalogRow[], rowId: string, itemId: string): { row: number; col: number } | undefined {
  for (let row = 0; row < rows.length; row++) {
    if (rows[row]!.id !== rowId) continue;
    const col = rows[row]!.items.findIndex((it) => it.id === itemId);
    return col >= 0 ? { row, col } : undefined;
  }
  return undefined;
}

/** Same rows with the same titles (a decision that hid nothing changes no row). */
function sameRows(a: CatalogRow[], b: CatalogRow[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!.items;
    const y = b[i]!.items;
    if (a[i]!.id !== b[i]!.id || x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}
