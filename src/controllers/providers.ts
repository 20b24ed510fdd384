/**
 * Provider picker logic: the flows' list (filtered, last used first) plus a last tile that leaves the
 * choice to the phone; grid focus by rows of PICKER_COLS; an A–Z rail in long lists; the choice is
 * handed to activation through the session. The view is src/pages/Providers.ts.
 */
import type { Failure, Provider } from '../flows/api';
import { Controller, failed, type Deps, type FailureView } from './controller';
import { LatestRequest } from './latest';

/** Pseudo provider for "choose your provider on your phone" (never remembered, never sent). */
export const PHONE_CHOICE: Provider = { id: '', displayName: 'Choose on phone', isTempPass: false, isProxy: false };
/** Tiles per grid row. */
export const PICKER_COLS = 5;
/** Show the letter rail from this many providers on. */
export const RAIL_MIN = 8;

export type ProvidersState =
  | { kind: 'loading' }
  | ({ kind: 'failed' } & FailureView)
  | {
      kind: 'picking';
      /** The providers in display order (the phone tile follows them). */
      providers: Provider[];
      /** The first provider is the one last used on this TV (marked, and outside the A–Z order). */
      pinned: boolean;
      /** The letter rail is offered (long lists). */
      rail: boolean;
      zone: 'grid' | 'rail';
      /** Focused tile; `providers.length` is the phone tile. */
      focus: number;
    };

type Picking = Extract<ProvidersState, { kind: 'picking' }>;

export class ProvidersController extends Controller<ProvidersState> {
  private readonly latest = new LatestRequest();

  constructor(
    private readonly deps: Pick<Deps, 'flows' | 'nav' | 'session'>,
    private readonly cols = PICKER_COLS,
  ) {
    super({ kind: 'loading' });
  }

  async load(): Promise<void> {
    const ticket = this.latest.next();
    const { flows } = this.deps;
    this.set({ kind: 'loading' });
    const result = await flows.providers();
    if (!ticket.live) return;
    if (!result.ok) return this.fail(result.failure);
    const providers = result.value;
    if (providers.length === 0) {
      return this.fail({
        kind: 'configuration',
        message: 'No TV providers are available for this app right now.',
        retryable: true,
      });
    }
    const last = flows.lastUsedProvider();
    const pinned = Boolean(last && providers[0]?.id === last.id && providers.length > 1);
    this.set({ kind: 'picking', providers, pinned, rail: providers.length >= RAIL_MIN, zone: 'grid', focus: 0 });
  }

  /** The page was left: a late list changes nothing. */
  stop(): void {
    this.latest.cancel();
  }

  // --- grid keys: true when handled here ---
  left(): boolean {
    const s = this.grid();
    if (!s) return false;
    if (s.focus % this.cols !== 0) this.moveTo(s.focus - 1);
    return true;
  }

  right(): boolean {
    const s = this.grid();
    if (!s) return false;
    if (s.focus % this.cols !== this.cols - 1 && s.focus < this.tiles(s) - 1) this.moveTo(s.focus + 1);
    return true;
  }

  up(): boolean {
    const s = this.grid();
    if (!s) return false;
    if (s.focus >= this.cols) this.moveTo(s.focus - this.cols);
    else if (s.rail) this.set({ ...s, zone: 'rail' });
    return true;
  }

  down(): boolean {
    const s = this.state;
    if (s.kind !== 'picking') return false;
    if (s.zone === 'rail') {
      this.set({ ...s, zone: 'grid' });
      return true;
    }
    const lastRowStart = Math.floor((this.tiles(s) - 1) / this.cols) * this.cols;
    if (s.focus < lastRowStart) this.moveTo(Math.min(s.focus + this.cols, this.tiles(s) - 1));
    return true;
  }

  /** A letter of the rail was chosen: focus the tile it jumps to. */
  jumpTo(index: number): void {
    this.moveTo(index);
  }

  /** The pointer is over tile `index`, or over the rail. */
  pointAt(target: number | 'rail'): void {
    const s = this.state;
    if (s.kind !== 'picking') return;
    if (target === 'rail') this.set({ ...s, zone: 'rail' });
    else this.moveTo(target);
  }

  /** OK on tile `index`: a provider → activation for it; the phone tile → activation without one. */
  choose(index: number): void {
    const s = this.state;
    if (s.kind !== 'picking') return;
    const provider = index === s.providers.length ? PHONE_CHOICE : s.providers[index];
    if (!provider) return;
    const { session, nav } = this.deps;
    session.provider = provider === PHONE_CHOICE ? undefined : provider;
    session.chooseOnPhone = provider === PHONE_CHOICE;
    nav.to('activate');
  }

  retry(): void {
    void this.load();
  }

  private grid(): Picking | undefined {
    const s = this.state;
    return s.kind === 'picking' && s.zone === 'grid' ? s : undefined;
  }

  private tiles(s: Picking): number {
    return s.providers.length + 1;
  }

  private moveTo(index: number): void {
    const s = this.state;
    if (s.kind !== 'picking') return;
    this.set({ ...s, zone: 'grid', focus: Math.max(0, Math.min(index, this.tiles(s) - 1)) });
  }

  private fail(failure: Failure): void {
    this.set(failed('We could not load the TV providers', failure, { id: 'retry', label: 'Retry' }));
  }
}
