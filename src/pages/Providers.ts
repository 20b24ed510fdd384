/**
 * Provider picker view: a search field, the A–Z rail, and the virtualized grid (featured row, then
 * every provider A–Z, then the phone tile); while searching, an on-screen keyboard replaces the rail
 * and the grid shows the matches. Typing on any keyboard with letters searches too. What is listed,
 * where focus is, and what OK and Back do: src/controllers/providers.ts.
 */
import { Lightning } from '@lightningjs/sdk';
import type { Provider } from '../flows/api';
import { Keyboard, KEYBOARD_H, typedChar, type KeyAction } from '../components/Keyboard';
import { LetterRail } from '../components/LetterRail';
import { initialOf } from '../components/letters';
import { failureContent } from '../components/MessagePanel';
import {
  messagePanel,
  pageFrame,
  pageSpeech,
  pageSubtitle,
  pageTitle,
  type FramedPageSpec,
  type PageTypeConfig,
} from '../components/PageFrame';
import { GRID, ProviderGrid } from '../components/ProviderGrid';
import { FIELD, SearchField } from '../components/SearchField';
import { Spinner } from '../components/Spinner';
import { Reveal } from '../components/reveal';
import { PHONE_CHOICE, pickerSubtitle, ProvidersController, searchSpeech } from '../controllers/providers';
import type { Picking, ProvidersState } from '../controllers/providers';
import { offerLabel } from '../controllers/temppass';
import { announcer, setAnnouncement } from '../lib/announcer';
import { t } from '../lib/language';
import { POINTER_PATH, requestPointerFocus } from '../lib/pointer';
import { setJourneyInfo, type PickerInfo } from './hooks';
import { services } from '../services';
import { FOCUS, SAFE, SCREEN } from '../theme';

/** Where the grid starts, browsing (under the rail) and searching (under the keyboard). */
const TOP = { rail: 280, keyboard: 272, browse: 372, search: 272 + KEYBOARD_H + 40 } as const;
const BOTTOM = SCREEN.h - SAFE.bottom;
/** The element that has focus in each zone. */
const ZONE_TAGS = { search: 'Field', keyboard: 'Keyboard', rail: 'Rail', grid: 'Viewport.Grid' } as const;
type Zone = keyof typeof ZONE_TAGS;

interface Spec extends FramedPageSpec {
  Title: object;
  Subtitle: object;
  Field: typeof SearchField;
  Rail: typeof LetterRail;
  Keyboard: typeof Keyboard;
  Viewport: { Grid: typeof ProviderGrid };
  Spinner: typeof Spinner;
}

export class Providers
  extends Lightning.Component<Spec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _ctl = new ProvidersController(services());
  private _shown: ProvidersState = this._ctl.state;
  // While the providers load, nothing is drawn (a first launch goes from the first frame to the grid).
  private _reveal = new Reveal(
    () => services().timers,
    () => this._render(this._ctl.state),
  );

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      ...pageFrame(),
      Title: pageTitle(t('providers.title')),
      Subtitle: pageSubtitle(t('providers.subtitle')),
      Field: {
        type: SearchField,
        x: SAFE.x + SAFE.w - FIELD.w - FOCUS.ringWidth,
        y: 124,
        visible: false,
        signals: { select: '_onOpenSearch' },
      },
      Rail: { type: LetterRail, x: SAFE.x, y: TOP.rail, visible: false, signals: { jump: '_onJump' } },
      Keyboard: {
        type: Keyboard,
        x: SAFE.x,
        y: TOP.keyboard,
        visible: false,
        signals: { key: '_onKey' },
      },
      Viewport: {
        x: SAFE.x - GRID.pad,
        clipping: true,
        collision: POINTER_PATH,
        Grid: {
          type: ProviderGrid,
          x: GRID.pad,
          y: GRID.pad,
          signals: { select: '_onChoose', pointTile: '_onPointTile' },
        },
      },
      Spinner: { type: Spinner, x: SCREEN.w / 2, y: 600, mount: 0.5, visible: false },
      Panel: messagePanel(360, '_onAction'),
    };
  }

  /** Where focus is: 'loading' | 'failed' | 'search' | 'keyboard' | 'rail' | 'grid' (tests, hooks). */
  get zone(): string {
    const s = this._ctl.state;
    return s.kind === 'picking' ? s.zone : s.kind;
  }

  /** The picker's state (tests, hooks). */
  get picker(): ProvidersState {
    return this._ctl.state;
  }

  override _init(): void {
    setAnnouncement(this, { announce: () => pageSpeech(this) });
    this._ctl.subscribe((state) => this._render(state));
  }

  override _active(): void {
    this._reveal.hold();
    void this._ctl.load();
    this._render(this._ctl.state);
  }

  override _inactive(): void {
    this._reveal.cancel();
    this._ctl.stop();
    setJourneyInfo({ picker: () => null });
  }

  private _render(s: ProvidersState): void {
    const drawn = this._reveal.drawn(s.kind === 'loading');
    const prev = this._shown;
    this._shown = s;
    const picking = s.kind === 'picking';
    for (const ref of ['Background', 'Brand', 'Title', 'Subtitle'] as const) this.tag(ref)!.visible = drawn;
    this.tag('Spinner')!.visible = drawn && s.kind === 'loading';
    this.tag('Panel')!.visible = s.kind === 'failed';
    for (const tag of ['Viewport', 'Field'] as const) this.tag(tag)!.visible = picking;
    if (s.kind === 'failed' && prev !== s) this.tag('Panel')!.content = failureContent(s.failure, s.title, s.actions);
    if (s.kind === 'picking') {
      const was = prev.kind === 'picking' ? prev : undefined;
      const rail = this.tag('Rail')!;
      if (!was || was.letters !== s.letters) rail.letters = new Set(s.letters);
      rail.visible = s.rail;
      if (!was || was.searching !== s.searching) this._layout(s.searching);
      this.tag('Field')!.show(s.query, s.searching);
      this.tag('Subtitle')!.text!.text = pickerSubtitle(s);
      if (was && s.searching && was.query !== s.query) announcer.speak(searchSpeech(s), { polite: true });
      const grid = this.tag('Viewport.Grid')!;
      grid.update(s.rows, s.row, s.col, !!was && was.rows === s.rows);
      const focused = this._ctl.focused(s);
      const letter = focused && focused !== PHONE_CHOICE ? initialOf(focused.displayName) : undefined;
      rail.current = s.rail ? letter : undefined;
      if (was && was.zone === 'grid' && s.zone === 'rail' && letter) rail.letter = letter;
      setJourneyInfo({ picker: () => pickerInfo(s, grid.liveTiles) });
    }
    this._refocus();
  }

  /** Browsing: rail and a tall grid; searching: the keyboard, and the grid below it. */
  private _layout(searching: boolean): void {
    this.tag('Keyboard')!.visible = searching;
    if (searching) this.tag('Keyboard')!.reset();
    const top = searching ? TOP.search : TOP.browse;
    const viewport = this.tag('Viewport')!;
    // Padding above and at the sides for the focus ring and scale-up; none below: nothing past the safe area.
    viewport.patch({ y: top - GRID.pad, w: SAFE.w + 2 * GRID.pad, h: BOTTOM - top + GRID.pad });
    this.tag('Viewport.Grid')!.viewportH = BOTTOM - top;
  }

  _onChoose(provider: Provider): void {
    this._ctl.choose(provider);
  }

  _onPointTile(row: number, col: number): void {
    this._ctl.pointAt({ row, col });
  }

  _onJump(letter: string): void {
    this._ctl.jumpTo(letter);
  }

  _onOpenSearch(): void {
    this._ctl.openSearch();
  }

  _onKey(key: KeyAction): void {
    if (key.kind === 'char') this._ctl.type(key.char);
    else if (key.kind === 'erase') this._ctl.erase();
    else this._ctl.clear();
  }

  _onAction(): void {
    this._ctl.retry();
  }

  override _getFocused(): Lightning.Component | undefined {
    const s = this._ctl.state;
    if (s.kind === 'failed') return this.tag('Panel');
    if (s.kind !== 'picking') return undefined;
    return this.tag(ZONE_TAGS[s.zone]);
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

  _handleChannelUp(): boolean | void {
    return this._ctl.page(-1);
  }

  _handleChannelDown(): boolean | void {
    return this._ctl.page(1);
  }

  /** The remote's Search key (or "/" on a keyboard). */
  _handleSearch(): boolean | void {
    this._ctl.openSearch();
  }

  override _handleBack(): boolean | void {
    return this._ctl.back();
  }

  /** Keys without a handler: printable characters search (a keyboard, or a remote with letters). */
  override _handleKey(e: KeyboardEvent): boolean | void {
    const char = typedChar(e);
    if (char === undefined || this._ctl.state.kind !== 'picking') return false;
    this._ctl.type(char);
  }

  $pointerFocus(child: Lightning.Component): void {
    const zone = (Object.keys(ZONE_TAGS) as Zone[]).filter((z) => z !== 'grid' && this.tag(ZONE_TAGS[z]) === child)[0];
    if (zone && zone !== 'grid') this._ctl.pointAt(zone);
    requestPointerFocus(this);
  }
}

function pickerInfo(s: Picking, liveTiles: number): PickerInfo {
  const order: string[] = [];
  // Each tile as its label reads (a TempPass tile shows its offer, not the pass's name).
  for (const r of s.rows)
    if (r.kind === 'tiles') for (const t of r.tiles) order.push(t.trial ? offerLabel(t.trial) : t.provider.displayName);
  return { order, featured: s.searching ? 0 : s.featured.length, query: s.query, liveTiles };
}
