/**
 * Provider picker view: a grid of MVPD logos and names, an A–Z rail in long lists, the phone tile
 * last. Which providers, where focus is and what a choice does: src/controllers/providers.ts.
 */
import { Lightning } from '@lightningjs/sdk';
import type { Provider } from '../flows/api';
import { LetterRail } from '../components/LetterRail';
import { availableLetters, indexForLetter } from '../components/letters';
import { failureContent } from '../components/MessagePanel';
import {
  messagePanel,
  pageFrame,
  pageSubtitle,
  pageTitle,
  type FramedPageSpec,
  type PageTypeConfig,
} from '../components/PageFrame';
import { PROVIDER_TILE, ProviderTile } from '../components/ProviderTile';
import { Spinner } from '../components/Spinner';
import {
  PHONE_CHOICE,
  PICKER_COLS,
  ProvidersController,
  RAIL_MIN,
  type ProvidersState,
} from '../controllers/providers';
import { POINTER_PATH, requestPointerFocus } from '../lib/pointer';
import { services } from '../services';
import { SAFE, SCREEN } from '../theme';

export { PHONE_CHOICE, RAIL_MIN };
export const GRID = { cols: PICKER_COLS, gapX: 32, gapY: 28, top: 372, pad: 24 } as const;
const ROW_STEP = PROVIDER_TILE.h + GRID.gapY;
/** Rows that fit fully between the grid top and the safe area's bottom (3 at 1080p). */
const VISIBLE_ROWS = 3;
const COL_STEP = PROVIDER_TILE.w + GRID.gapX;

interface Spec extends FramedPageSpec {
  Title: object;
  Subtitle: object;
  Rail: typeof LetterRail;
  Viewport: { Grid: object };
  Spinner: typeof Spinner;
}

export class Providers
  extends Lightning.Component<Spec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _ctl = new ProvidersController(services());
  private _shown: ProvidersState = this._ctl.state;

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      ...pageFrame(),
      Title: pageTitle('Choose your TV provider'),
      Subtitle: pageSubtitle('Sign in with your TV subscription to start watching.'),
      Rail: {
        type: LetterRail,
        x: SAFE.x,
        y: 280,
        visible: false,
        collision: POINTER_PATH,
        signals: { jump: '_onJump' },
      },
      Viewport: {
        x: SAFE.x - GRID.pad,
        y: GRID.top - GRID.pad,
        w: SAFE.w + 2 * GRID.pad,
        h: SCREEN.h - SAFE.bottom - GRID.top + 2 * GRID.pad,
        clipping: true,
        collision: POINTER_PATH,
        Grid: { x: GRID.pad, y: GRID.pad, collision: POINTER_PATH },
      },
      Spinner: { type: Spinner, x: SCREEN.w / 2, y: 600, mount: 0.5, visible: false },
      Panel: messagePanel(360, '_onAction'),
    };
  }

  /** Where focus is: 'loading' | 'rail' | 'grid' | 'failed' (tests, hooks). */
  get zone(): 'loading' | 'rail' | 'grid' | 'failed' {
    const s = this._ctl.state;
    return s.kind === 'picking' ? s.zone : s.kind;
  }

  /** Providers in display order (tests, hooks). */
  get providers(): Provider[] {
    const s = this._ctl.state;
    return s.kind === 'picking' ? s.providers : [];
  }

  get focusIndex(): number {
    const s = this._ctl.state;
    return s.kind === 'picking' ? s.focus : 0;
  }

  override _init(): void {
    this._ctl.subscribe((state) => this._render(state));
  }

  override _active(): void {
    void this._ctl.load();
  }

  override _inactive(): void {
    this._ctl.stop();
  }

  private _render(s: ProvidersState): void {
    const prev = this._shown;
    this._shown = s;
    const picking = s.kind === 'picking';
    this.tag('Spinner')!.visible = s.kind === 'loading';
    this.tag('Panel')!.visible = s.kind === 'failed';
    this.tag('Viewport')!.visible = picking;
    this.tag('Rail')!.visible = picking && s.rail;
    if (s.kind === 'failed' && prev !== s) this.tag('Panel')!.content = failureContent(s.failure, s.title, s.actions);
    if (s.kind === 'picking') {
      if (prev.kind !== 'picking' || prev.providers !== s.providers) this._buildGrid(s.providers, s.pinned);
      this._scroll(s, prev.kind === 'picking' && prev.providers === s.providers);
    }
    this._refocus();
  }

  private _buildGrid(list: Provider[], pinned: boolean): void {
    // The last tile leaves the choice to the phone (the session is created without a provider).
    this.tag('Viewport.Grid')!.children = [...list, PHONE_CHOICE].map((provider, i) => ({
      type: ProviderTile,
      x: (i % GRID.cols) * COL_STEP,
      y: Math.floor(i / GRID.cols) * ROW_STEP,
      provider,
      lastUsed: pinned && i === 0,
      onPhone: provider === PHONE_CHOICE,
      signals: { select: '_onTileSelect' },
    }));
    this.tag('Rail')!.letters = availableLetters(list.map((p) => p.displayName));
  }

  private _tiles(): ProviderTile[] {
    return this.tag('Viewport.Grid')!.children as ProviderTile[];
  }

  /** Keep the focused row visible; three rows fit, further rows scroll in (one row of context above). */
  private _scroll(s: Extract<ProvidersState, { kind: 'picking' }>, animate: boolean): void {
    const row = Math.floor(s.focus / GRID.cols);
    const rows = Math.ceil((s.providers.length + 1) / GRID.cols);
    const first = Math.max(0, Math.min(row - 1, rows - VISIBLE_ROWS));
    const y = GRID.pad - first * ROW_STEP;
    const grid = this.tag('Viewport.Grid')!;
    if (animate) grid.setSmooth('y', y, { duration: 0.25 });
    else grid.y = y;
  }

  _onTileSelect(tile: ProviderTile): void {
    this._ctl.choose(this._tiles().indexOf(tile));
  }

  _onJump(letter: string): void {
    const s = this._ctl.state;
    if (s.kind !== 'picking') return;
    const names = s.providers.map((p) => p.displayName);
    this._ctl.jumpTo(indexForLetter(names, letter, s.pinned));
  }

  _onAction(): void {
    this._ctl.retry();
  }

  override _getFocused(): Lightning.Component | undefined {
    const s = this._ctl.state;
    if (s.kind === 'picking') return s.zone === 'rail' ? this.tag('Rail') : this._tiles()[s.focus];
    return s.kind === 'failed' ? this.tag('Panel') : undefined;
  }

  override _handleLeft(): boolean | void {
    return this._ctl.left();
  }

  override _handleRight(): boolean | void {
    return this._ctl.right();
  }

  override _handleUp(): boolean | void {
    return this._ctl.up();
  }

  override _handleDown(): boolean | void {
    return this._ctl.down();
  }

  $pointerFocus(child: Lightning.Component): void {
    if (child instanceof ProviderTile) {
      const i = this._tiles().indexOf(child);
      if (i >= 0) this._ctl.pointAt(i);
    } else if (child === this.tag('Rail')) this._ctl.pointAt('rail');
    requestPointerFocus(this);
  }
}
