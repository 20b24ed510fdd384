/**
 * Provider picker logic (view: src/pages/Providers.ts). Browsing: a featured row (last used first of
 * all, then settings `featuredProviders`), then every provider A–Z, then a tile that leaves the choice
 * to the phone; a letter rail in long lists. Searching: an on-screen keyboard (or any keyboard with
 * letters) filters as the viewer types — every typed word begins a word of the name, case and accents
 * ignored — with a "no match" row that still offers the phone. Focus is a (row, col) in `rows`, which
 * mixes section headers and rows of at most PICKER_COLS tiles.
 *
 * Back: while searching it deletes the last character, and with nothing typed it closes the search;
 * deep in the list it goes up to the letter rail; elsewhere it is the page's exit rule (the shell).
 */
import { availableLetters, indexForLetter } from '../components/letters';
import type { Failure, Provider, TempPassOffer } from '../flows/api';
import { arrangeProviders } from '../flows/provider-order';
import { t } from '../lib/language';
import { providerSearch, type ProviderSearch } from '../flows/provider-search';
import { Controller, failed, type Deps, type FailureView } from './controller';
import { LatestRequest } from './latest';
import { tempPassFailure } from './temppass';

/** Pseudo provider for "choose your provider on your phone" (never remembered, never sent). */
export const PHONE_CHOICE: Provider = {
  id: '',
  get displayName(): string {
    return t('providers.choosePhone');
  },
  isTempPass: false,
  isProxy: false,
};
/** Tiles per grid row. */
export const PICKER_COLS = 5;
/** Show the letter rail from this many providers on. */
export const RAIL_MIN = 8;
/** Longest query kept. */
export const MAX_QUERY = 40;
/** Tile rows one page key (Channel Up/Down) moves. */
export const PAGE_ROWS = 3;

/** User-facing strings of this controller, in the UI language (read when used). */
export const PICKER_TEXT = {
  get featured(): string {
    return t('providers.featured');
  },
  get all(): string {
    return t('providers.all');
  },
  get none(): string {
    return t('providers.none');
  },
  get failed(): string {
    return t('providers.failedTitle');
  },
  get retry(): string {
    return t('common.retry');
  },
};

export interface PickerTile {
  provider: Provider;
  /** The provider last used on this device (marked on its tile). */
  lastUsed: boolean;
  /** The "choose on your phone" tile (`provider` is PHONE_CHOICE). */
  phone?: boolean;
  /** A TempPass tile ("Watch free for N minutes"); its label comes from controllers/temppass.ts. */
  trial?: TempPassOffer;
}

export type PickerRow =
  | { kind: 'header'; title: string }
  | { kind: 'tiles'; tiles: PickerTile[] }
  /** Nothing matches `query` (the phone tile follows). */
  | { kind: 'empty'; query: string };

export type ProvidersZone = 'search' | 'keyboard' | 'rail' | 'grid';

export interface Picking {
  kind: 'picking';
  /** Every provider A–Z (the featured ones too). */
  sorted: Provider[];
  featured: Provider[];
  /** The keyboard is open and `rows` hold the matches of `query`. */
  searching: boolean;
  query: string;
  /** How many providers match `query` (searching). */
  matches: number;
  rows: PickerRow[];
  /** The letter rail is offered (long lists, not while searching) with these letters enabled. */
  rail: boolean;
  letters: string[];
  zone: ProvidersZone;
  /** The focused tile; kept while focus is elsewhere so Down/Back return to it. */
  row: number;
  col: number;
}

/** The line under the picker's title: the invitation, the search hint, or how many providers match. */
export function pickerSubtitle(s: Picking): string {
  if (!s.searching) return t('providers.subtitle');
  if (!s.query || !s.matches) return t('providers.searchHint');
  return s.matches === 1
    ? t('providers.matchesOne', { query: s.query })
    : t('providers.matchesMany', { n: s.matches, query: s.query });
}

/** What voice guidance says as the viewer types: how many providers match, or that none does. */
export function searchSpeech(s: Picking): string {
  return s.query && !s.matches ? t('providers.noMatch', { query: s.query }) : pickerSubtitle(s);
}

const PHONE_TILE: PickerTile = { provider: PHONE_CHOICE, lastUsed: false, phone: true };

export type ProvidersState = { kind: 'loading' } | ({ kind: 'failed' } & FailureView) | Picking;

type Cell = { row: number; col: number };

export class ProvidersController extends Controller<ProvidersState> {
  private readonly latest = new LatestRequest();
  private search: ProviderSearch = providerSearch([]);
  private lastUsedId?: string;
  /** The short-list case: the last-used provider leads the A–Z list (no featured row). */
  private pinned = false;
  /** Where focus was in the full list when the search opened. */
  private browseFocus: Cell = { row: 0, col: 0 };
  /** TempPass tiles (just before the phone tile, which stays last; none unless the settings offer TempPass). */
  private trials: PickerTile[] = [];

  constructor(
    private readonly deps: Pick<Deps, 'flows' | 'nav' | 'session' | 'settings'>,
    private readonly cols = PICKER_COLS,
  ) {
    super({ kind: 'loading' });
  }

  async load(): Promise<void> {
    const ticket = this.latest.next();
    const { flows, settings } = this.deps;
    this.set({ kind: 'loading' });
    const [result, offers] = await Promise.all([flows.providers(), flows.tempPassOffers()]);
    if (!ticket.live) return;
    this.trials = offers.ok ? offers.value.map((o) => ({ provider: o.provider, lastUsed: false, trial: o })) : [];
    if (!result.ok) return this.fail(result.failure);
    if (result.value.length === 0) {
      return this.fail({ kind: 'configuration', message: PICKER_TEXT.none, retryable: true });
    }
    this.lastUsedId = flows.lastUsedProvider()?.id;
    const { featured, sorted } = arrangeProviders(result.value, {
      featuredIds: settings.featuredProviders,
      lastUsedId: this.lastUsedId,
      maxFeatured: this.cols,
    });
    this.pinned = featured.length === 0 && sorted.length > 1 && sorted[0]!.id === this.lastUsedId;
    this.search = providerSearch(sorted);
    const rail = sorted.length >= RAIL_MIN;
    const base = { kind: 'picking', sorted, featured, searching: false, query: '', matches: sorted.length } as const;
    const rows = this.browseRows(featured, sorted);
    const letters = rail ? Array.from(availableLetters(sorted.map((p) => p.displayName))) : [];
    this.set({ ...base, rows, rail, letters, zone: 'grid', ...this.firstCell(rows) });
  }

  /** The page was left: a late list changes nothing. */
  stop(): void {
    this.latest.cancel();
  }

  retry(): void {
    void this.load();
  }

  // --- arrows and page keys: true when handled here ---
  left(): boolean {
    const s = this.grid();
    if (s && s.col > 0) this.focusCell(s.row, s.col - 1);
    return !!s;
  }

  right(): boolean {
    const s = this.grid();
    if (s && s.col < this.rowLength(s, s.row) - 1) this.focusCell(s.row, s.col + 1);
    return !!s;
  }

  up(): boolean {
    const s = this.picking();
    if (!s) return false;
    if (s.zone === 'grid') {
      const above = this.tileRow(s, s.row, -1);
      if (above >= 0) this.focusCell(above, s.col);
      else this.set({ ...s, zone: s.searching ? 'keyboard' : s.rail ? 'rail' : 'search' });
    } else if (s.zone === 'rail') this.set({ ...s, zone: 'search' });
    return true;
  }

  down(): boolean {
    const s = this.picking();
    if (!s) return false;
    if (s.zone === 'grid') {
      const below = this.tileRow(s, s.row, 1);
      if (below >= 0) this.focusCell(below, s.col);
    } else if (s.zone === 'search') this.set({ ...s, zone: s.searching ? 'keyboard' : s.rail ? 'rail' : 'grid' });
    else this.set({ ...s, zone: 'grid' });
    return true;
  }

  /** Channel/Page Up or Down in the grid: PAGE_ROWS tile rows at once. */
  page(dir: 1 | -1): boolean {
    const s = this.grid();
    if (!s) return false;
    let row = s.row;
    for (let i = 0; i < PAGE_ROWS; i++) {
      const next = this.tileRow(s, row, dir);
      if (next < 0) break;
      row = next;
    }
    this.focusCell(row, s.col);
    return true;
  }

  /** A letter of the rail was chosen: focus the first provider filed under it (or the next letter's). */
  jumpTo(letter: string): void {
    const s = this.picking();
    if (!s || s.searching) return;
    const index = indexForLetter(
      s.sorted.map((p) => p.displayName),
      letter,
      this.pinned,
    );
    // The A–Z rows follow the last section header (the featured row has its own above).
    let start = 0;
    s.rows.forEach((r, i) => {
      if (r.kind === 'header') start = i + 1;
    });
    this.focusCell(start + Math.floor(index / this.cols), index % this.cols);
  }

  /** The pointer is over a tile, the rail, the search field or the keyboard. */
  pointAt(target: Cell | Exclude<ProvidersZone, 'grid'>): void {
    const s = this.picking();
    if (!s) return;
    if (typeof target === 'string') this.set({ ...s, zone: target });
    else this.focusCell(target.row, target.col);
  }

  // --- search ---
  /** OK on the search field, the Search key, or the first typed character: the keyboard opens. */
  openSearch(): void {
    const s = this.picking();
    if (!s) return;
    if (s.searching) return this.set({ ...s, zone: 'keyboard' });
    this.browseFocus = { row: s.row, col: s.col };
    this.filter({ ...s, searching: true, rail: false, zone: 'keyboard' }, '');
  }

  /** Characters typed (on-screen keyboard, a keyboard or a remote with letters). */
  type(text: string): void {
    const s = this.picking();
    if (!s || !text) return;
    if (!s.searching) this.openSearch();
    const now = this.picking()!;
    const query = (now.query + text).slice(0, MAX_QUERY);
    if (query !== now.query) this.filter(now, query);
  }

  erase(): void {
    const s = this.picking();
    if (s && s.searching && s.query) this.filter(s, s.query.slice(0, -1));
  }

  clear(): void {
    const s = this.picking();
    if (s && s.searching && s.query) this.filter(s, '');
  }

  /** Back; false leaves it to the shell (exit rules of a home route). */
  back(): boolean {
    const s = this.picking();
    if (!s) return false;
    if (s.searching) {
      if (s.query) this.erase();
      else this.closeSearch(s);
      return true;
    }
    const first = this.firstCell(s.rows).row;
    if (s.zone === 'grid' && s.row > first) {
      if (s.rail) this.set({ ...s, zone: 'rail' });
      else this.focusCell(first, 0);
      return true;
    }
    return false;
  }

  /** OK on a tile: a provider → activation for it; the phone tile → activation without one; a TempPass → startTrial. */
  choose(provider: Provider): void {
    if (this.state.kind !== 'picking') return;
    const trial = this.trials.filter((x) => x.provider === provider)[0]?.trial;
    if (trial) return void this.startTrial(trial);
    const { session, nav } = this.deps;
    const onPhone = provider === PHONE_CHOICE;
    session.provider = onPhone ? undefined : provider;
    session.chooseOnPhone = onPhone;
    nav.to('activate');
  }

  /** The focused tile's provider (or undefined while focus is elsewhere). */
  focused(s: ProvidersState = this.state): Provider | undefined {
    if (s.kind !== 'picking') return undefined;
    const row = s.rows[s.row];
    return row && row.kind === 'tiles' ? row.tiles[s.col]?.provider : undefined;
  }

  /**
   * TempPass: no login. Basic → the pass's profile, then the catalog; promotional → the pairing screen (the
   * email is given on the phone). A used-up pass shows Adobe's answer in plain words; the way on is sign-in.
   */
  async startTrial(offer: TempPassOffer): Promise<void> {
    const { flows, nav, session } = this.deps;
    if (offer.usedUp) return this.trialFailed(offer.usedUp);
    if (offer.kind === 'promotional') {
      session.tempPassOffer = offer;
      return nav.to('trial');
    }
    const ticket = this.latest.next();
    this.set({ kind: 'loading' });
    const started = await flows.startTempPass(offer);
    if (!ticket.live) return;
    if (started.ok) return nav.to('catalog');
    this.trialFailed(started.failure);
  }

  private trialFailed(failure: Failure): void {
    const plain = tempPassFailure(failure);
    this.set(
      failed(plain ? plain.title : PICKER_TEXT.failed, plain ? plain.failure : failure, {
        id: 'retry',
        label: t('temppass.signIn'),
      }),
    );
  }

  // --- helpers ---
  private closeSearch(s: Picking): void {
    const rows = this.browseRows(s.featured, s.sorted);
    const rail = s.sorted.length >= RAIL_MIN;
    const { row, col } = this.browseFocus;
    this.set({ ...s, searching: false, query: '', matches: s.sorted.length, rows, rail, zone: 'search', row, col });
  }

  private filter(s: Picking, query: string): void {
    const found = this.search.find(query);
    const rows: PickerRow[] = found.length
      ? this.chunk(found.map((p) => this.tile(p)).concat(PHONE_TILE))
      : [{ kind: 'empty', query } as PickerRow].concat(this.chunk([PHONE_TILE]));
    const zone = s.zone === 'grid' ? 'grid' : 'keyboard';
    this.set({ ...s, query, matches: found.length, rows, zone, ...this.firstCell(rows) });
  }

  private browseRows(featured: Provider[], sorted: Provider[]): PickerRow[] {
    const all = this.chunk(sorted.map((p) => this.tile(p)).concat(this.trials, PHONE_TILE));
    if (featured.length === 0) return all;
    const top: PickerRow[] = [{ kind: 'header', title: PICKER_TEXT.featured }];
    return top.concat(this.chunk(featured.map((p) => this.tile(p))), [{ kind: 'header', title: PICKER_TEXT.all }], all);
  }

  private tile(provider: Provider): PickerTile {
    return { provider, lastUsed: !!this.lastUsedId && provider.id === this.lastUsedId };
  }

  private chunk(tiles: PickerTile[]): PickerRow[] {
    const rows: PickerRow[] = [];
    for (let i = 0; i < tiles.length; i += this.cols)
      rows.push({ kind: 'tiles', tiles: tiles.slice(i, i + this.cols) });
    return rows;
  }

  private firstCell(rows: PickerRow[]): Cell {
    for (let i = 0; i < rows.length; i++) if (rows[i]!.kind === 'tiles') return { row: i, col: 0 };
    return { row: 0, col: 0 };
  }

  /** The next row of tiles from `row` in direction `dir`, or -1. */
  private tileRow(s: Picking, row: number, dir: 1 | -1): number {
    for (let i = row + dir; i >= 0 && i < s.rows.length; i += dir) if (s.rows[i]!.kind === 'tiles') return i;
    return -1;
  }

  private rowLength(s: Picking, row: number): number {
    const r = s.rows[row];
    return r && r.kind === 'tiles' ? r.tiles.length : 0;
  }

  private focusCell(row: number, col: number): void {
    const s = this.picking();
    if (!s) return;
    const n = this.rowLength(s, row);
    if (n === 0) return;
    this.set({ ...s, zone: 'grid', row, col: Math.max(0, Math.min(col, n - 1)) });
  }

  private picking(): Picking | undefined {
    const s = this.state;
    return s.kind === 'picking' ? s : undefined;
  }

  private grid(): Picking | undefined {
    const s = this.picking();
    return s && s.zone === 'grid' ? s : undefined;
  }

  private fail(failure: Failure): void {
    this.set(failed(PICKER_TEXT.failed, failure, { id: 'retry', label: PICKER_TEXT.retry }));
  }
}
