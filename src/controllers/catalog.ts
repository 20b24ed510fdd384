/**
 * Catalog logic: load the rows (or reuse the session's), preauthorize the distinct resources once,
 * and decide what is shown: denied titles locked with the reason, or hidden (showLockedTitles).
 * Focus moves between the header (Account) and the rows; OK on any title opens the player (which
 * always authorizes). The view (src/pages/Catalog.ts) draws `state`; posters keep their own column.
 */
import type { CatalogItem, CatalogRow } from '../catalog/types';
import { distinctResources } from '../catalog/validate';
import type { Decision, Failure, Provider } from '../flows/api';
import { toast } from '../lib/events';
import { Controller, type Deps, type FailureView } from './controller';
import { LatestRequest } from './latest';

/** OK presses this soon after the catalog appeared are ignored (see select). */
export const INPUT_GUARD_MS = 400;

export type TileAccess = 'unknown' | 'unlocked' | 'locked';

export type CatalogState =
  | { kind: 'loading'; provider?: Provider }
  | ({ kind: 'failed'; provider?: Provider } & FailureView)
  | {
      kind: 'browsing';
      provider?: Provider;
      /** The rows shown (a new array whenever titles or decisions change: the view rebuilds then). */
      rows: CatalogRow[];
      /** Where focus is: the header's Account button, or the rows. */
      zone: 'header' | 'rows';
      /** The focused row and, within it, the focused column. */
      row: number;
      col: number;
    };

type Browsing = Extract<CatalogState, { kind: 'browsing' }>;

export interface CatalogShell {
  toast(text: string, durationMs?: number): void;
}

export class CatalogController extends Controller<CatalogState> {
  private readonly latest = new LatestRequest();
  private decisions = new Map<string, Decision>();
  /** Each row's focused column (rows remember it when focus moves away). */
  private cols: number[] = [];
  private activeAt = 0;

  constructor(
    private readonly deps: Pick<Deps, 'flows' | 'catalog' | 'nav' | 'settings' | 'now' | 'session'>,
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
    this.set({ ...this.state, provider: current.provider });
    void this.fetch();
  }

  /** The page was left: late answers are dropped. */
  deactivate(): void {
    this.latest.cancel();
  }

  accessOf(item: CatalogItem): TileAccess {
    const d = this.decisions.get(item.resource);
    if (!d) return 'unknown';
    return d.authorized ? 'unlocked' : 'locked';
  }

  /** Why a title is locked: the MVPD's message and details. */
  reasonFor(item: CatalogItem): string | undefined {
    const f = this.decisions.get(item.resource)?.failure;
    if (!f) return undefined;
    return f.details ? `${f.message} — ${f.details}` : f.message;
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
    this.cols[s.row] = col;
    this.set({ ...s, col });
  }

  /** The pointer is over row `i` (or the header): focus follows it. */
  pointAt(target: number | 'header'): void {
    const s = this.state;
    if (s.kind !== 'browsing') return;
    if (target === 'header') this.set({ ...s, zone: 'header' });
    else if (target >= 0 && target < s.rows.length)
      this.set({ ...s, zone: 'rows', row: target, col: this.colOf(target) });
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
    const { catalog, flows, session, nav } = this.deps;
    if (!session.catalog) this.set({ kind: 'loading', provider: this.state.provider });
    const result = session.catalog ? { ok: true as const, value: session.catalog } : await catalog.load();
    if (!ticket.live) return;
    if (!result.ok) return this.fail(result.failure);
    session.catalog = result.value;
    this.show();
    const decisions = await flows.preauthorize(distinctResources(result.value));
    if (!ticket.live) return;
    if (!decisions.ok) {
      // The service no longer knows this sign-in (profile gone, state lost): the flows forgot it too.
      if (decisions.failure.kind === 'authentication') {
        this.shell.toast('Please sign in with your TV provider again.');
        return nav.to('providers');
      }
      this.shell.toast('We could not check which titles your subscription includes. You can still try to play them.');
      return;
    }
    this.decisions = decisions.value;
    this.show();
  }

  /** (Re)build the rows; denied titles are dropped when locked titles are not to be shown. */
  private show(): void {
    const catalog = this.deps.session.catalog;
    if (!catalog) return;
    const showLocked = this.deps.settings.showLockedTitles;
    const rows = catalog.rows
      .map((row) => ({
        ...row,
        items: showLocked ? row.items : row.items.filter((it) => this.accessOf(it) !== 'locked'),
      }))
      .filter((row) => row.items.length > 0);
    const s = this.state;
    const keep =
      this.deps.session.catalogFocus ?? (s.kind === 'browsing' ? { row: s.row, col: s.col } : { row: 0, col: 0 });
    if (rows.length === 0) {
      return this.fail({
        kind: 'denied',
        message: 'Your subscription does not include any of these titles.',
        retryable: true,
      });
    }
    const row = Math.min(keep.row, rows.length - 1);
    const col = Math.min(keep.col, rows[row]!.items.length - 1);
    this.cols = rows.map((_, i) => (i === row ? col : 0));
    this.set({ kind: 'browsing', provider: s.provider, rows, zone: s.kind === 'browsing' ? s.zone : 'rows', row, col });
  }

  private fail(failure: Failure): void {
    this.set({
      kind: 'failed',
      provider: this.state.provider,
      title: 'We could not load the catalog',
      failure,
      actions: [
        { id: 'retry', label: 'Retry' },
        { id: 'account', label: 'Account' },
      ],
    });
  }

  private focusRow(i: number): void {
    const s = this.state as Browsing;
    const next = Math.max(0, Math.min(i, s.rows.length - 1));
    if (next !== s.row) this.set({ ...s, row: next, col: this.colOf(next) });
  }

  private colOf(row: number): number {
    return this.cols[row] ?? 0;
  }

  /** Where focus was, restored when the viewer comes back from the player or the account. */
  private rememberFocus(): void {
    const s = this.state;
    if (s.kind === 'browsing') this.deps.session.catalogFocus = { row: s.row, col: s.col };
  }
}
