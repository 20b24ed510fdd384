/**
 * Provider picker: a grid of MVPD logos and names (flows.providers(): filtered, last used first), an
 * A–Z rail to jump in long lists, and the choice remembered before activation starts.
 */
import { Lightning } from '@lightningjs/sdk';
import type { Failure, Provider } from '../flows/api';
import { backdrop, wordmark } from '../components/Backdrop';
import { LetterRail } from '../components/LetterRail';
import { availableLetters, indexForLetter } from '../components/letters';
import { failureContent, MessagePanel } from '../components/MessagePanel';
import { PROVIDER_TILE, ProviderTile } from '../components/ProviderTile';
import { Spinner } from '../components/Spinner';
import { POINTER_PATH } from '../lib/pointer';
import { requestPointerFocus } from '../lib/pointer';
import { services } from '../services';
import { COLORS, FONT_FACE, FONT_SIZE, SAFE, SCREEN } from '../theme';

/** Pseudo provider for "choose your provider on your phone" (never remembered, never sent). */
export const PHONE_CHOICE: Provider = { id: '', displayName: 'Choose on phone', isTempPass: false, isProxy: false };

export const GRID = { cols: 5, gapX: 32, gapY: 28, top: 372, pad: 24 } as const;
const ROW_STEP = PROVIDER_TILE.h + GRID.gapY;
/** Rows that fit fully between the grid top and the safe area's bottom (3 at 1080p). */
const VISIBLE_ROWS = 3;
const COL_STEP = PROVIDER_TILE.w + GRID.gapX;
/** Show the letter rail from this many providers on. */
export const RAIL_MIN = 8;

interface Spec extends Lightning.Component.TemplateSpec {
  Background: object;
  Brand: object;
  Title: object;
  Subtitle: object;
  Rail: typeof LetterRail;
  Viewport: { Grid: object };
  Spinner: typeof Spinner;
  Panel: typeof MessagePanel;
}
interface TypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true;
}

type Zone = 'loading' | 'rail' | 'grid' | 'failed';

export class Providers
  extends Lightning.Component<Spec, TypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _zone: Zone = 'loading';
  private _providers: Provider[] = [];
  private _focusIndex = 0;
  private _pinned = false;
  private _load = 0;

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      w: SCREEN.w,
      h: SCREEN.h,
      collision: POINTER_PATH,
      Background: backdrop(),
      Brand: { x: SAFE.x, y: SAFE.y, ...wordmark(40) },
      Title: {
        x: SAFE.x,
        y: 128,
        text: {
          text: 'Choose your TV provider',
          fontFace: FONT_FACE,
          fontSize: FONT_SIZE.headline,
          fontStyle: 'bold',
          textColor: COLORS.text,
        },
      },
      Subtitle: {
        x: SAFE.x,
        y: 214,
        text: {
          text: 'Sign in with your TV subscription to start watching.',
          fontFace: FONT_FACE,
          fontSize: FONT_SIZE.body,
          textColor: COLORS.textMuted,
        },
      },
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
      Panel: { type: MessagePanel, y: 360, visible: false, collision: POINTER_PATH, signals: { action: '_onAction' } },
    };
  }

  get zone(): Zone {
    return this._zone;
  }

  /** Providers in display order (tests, hooks). */
  get providers(): Provider[] {
    return this._providers;
  }

  get focusIndex(): number {
    return this._focusIndex;
  }

  override _active(): void {
    void this._fetch();
  }

  override _inactive(): void {
    this._load++;
  }

  private _setZone(zone: Zone): void {
    this._zone = zone;
    this.tag('Spinner')!.visible = zone === 'loading';
    this.tag('Panel')!.visible = zone === 'failed';
    this.tag('Viewport')!.visible = zone === 'rail' || zone === 'grid';
    this.tag('Rail')!.visible = (zone === 'rail' || zone === 'grid') && this._providers.length >= RAIL_MIN;
    this._refocus();
  }

  private async _fetch(): Promise<void> {
    const load = ++this._load;
    this._setZone('loading');
    const result = await services().flows.providers();
    if (load !== this._load) return;
    if (!result.ok) return this._fail(result.failure);
    if (result.value.length === 0) {
      return this._fail({
        kind: 'configuration',
        message: 'No TV providers are available for this app right now.',
        retryable: true,
      });
    }
    this._show(result.value);
  }

  private _fail(failure: Failure): void {
    this.tag('Panel')!.content = failureContent(failure, 'We could not load the TV providers', [
      { id: 'retry', label: 'Retry' },
    ]);
    this._setZone('failed');
  }

  private _show(list: Provider[]): void {
    this._providers = list;
    const last = services().flows.lastUsedProvider();
    this._pinned = Boolean(last && list[0]?.id === last.id && list.length > 1);
    // The last tile leaves the choice to the phone (the session is created without a provider).
    this.tag('Viewport.Grid')!.children = [...list, PHONE_CHOICE].map((provider, i) => ({
      type: ProviderTile,
      x: (i % GRID.cols) * COL_STEP,
      y: Math.floor(i / GRID.cols) * ROW_STEP,
      provider,
      lastUsed: this._pinned && i === 0,
      onPhone: provider === PHONE_CHOICE,
      signals: { select: '_onTileSelect' },
    }));
    const names = list.map((p) => p.displayName);
    this.tag('Rail')!.letters = availableLetters(names);
    this._focusIndex = 0;
    this._scroll(false);
    this._setZone('grid');
  }

  private _tileCount(): number {
    return this._providers.length + 1;
  }

  private _tiles(): ProviderTile[] {
    return this.tag('Viewport.Grid')!.children as ProviderTile[];
  }

  private _moveTo(index: number): void {
    const n = this._tileCount();
    this._focusIndex = Math.max(0, Math.min(index, n - 1));
    this._scroll(true);
    this._refocus();
  }

  /** Keep the focused row visible; three rows fit, further rows scroll in (one row of context above). */
  private _scroll(animate: boolean): void {
    const row = Math.floor(this._focusIndex / GRID.cols);
    const rows = Math.ceil(this._tileCount() / GRID.cols);
    const first = Math.max(0, Math.min(row - 1, rows - VISIBLE_ROWS));
    const y = GRID.pad - first * ROW_STEP;
    const grid = this.tag('Viewport.Grid')!;
    if (animate) grid.setSmooth('y', y, { duration: 0.25 });
    else grid.y = y;
  }

  private _choose(provider: Provider): void {
    const { session, nav } = services();
    if (provider === PHONE_CHOICE) {
      session.provider = undefined;
      session.chooseOnPhone = true;
    } else {
      session.provider = provider;
      session.chooseOnPhone = false;
    }
    nav.to('activate');
  }

  _onTileSelect(tile: ProviderTile): void {
    if (tile.provider) this._choose(tile.provider);
  }

  _onJump(letter: string): void {
    const names = this._providers.map((p) => p.displayName);
    this._zone = 'grid';
    this._moveTo(indexForLetter(names, letter, this._pinned));
  }

  _onAction(): void {
    void this._fetch();
  }

  override _getFocused(): Lightning.Component | undefined {
    switch (this._zone) {
      case 'grid':
        return this._tiles()[this._focusIndex];
      case 'rail':
        return this.tag('Rail');
      case 'failed':
        return this.tag('Panel');
      default:
        return undefined;
    }
  }

  override _handleLeft(): boolean | void {
    if (this._zone !== 'grid') return false;
    if (this._focusIndex % GRID.cols === 0) return true;
    this._moveTo(this._focusIndex - 1);
  }

  override _handleRight(): boolean | void {
    if (this._zone !== 'grid') return false;
    if (this._focusIndex % GRID.cols === GRID.cols - 1 || this._focusIndex >= this._tileCount() - 1) return true;
    this._moveTo(this._focusIndex + 1);
  }

  override _handleUp(): boolean | void {
    if (this._zone !== 'grid') return false;
    if (this._focusIndex < GRID.cols) {
      if (this.tag('Rail')!.visible) {
        this._zone = 'rail';
        this._refocus();
      }
      return true;
    }
    this._moveTo(this._focusIndex - GRID.cols);
  }

  override _handleDown(): boolean | void {
    if (this._zone === 'rail') {
      this._zone = 'grid';
      this._refocus();
      return true;
    }
    if (this._zone !== 'grid') return false;
    const below = this._focusIndex + GRID.cols;
    const lastRowStart = Math.floor((this._tileCount() - 1) / GRID.cols) * GRID.cols;
    if (this._focusIndex >= lastRowStart) return true;
    this._moveTo(Math.min(below, this._tileCount() - 1));
  }

  $pointerFocus(child: Lightning.Component): void {
    if (child instanceof ProviderTile) {
      const i = this._tiles().indexOf(child);
      if (i >= 0) {
        this._zone = 'grid';
        this._moveTo(i);
      }
    } else if (child === this.tag('Rail')) {
      this._zone = 'rail';
      this._refocus();
    }
    requestPointerFocus(this);
  }
}
