/**
 * Catalog view: header with the provider's logo and an Account button; the focused title's details;
 * rows of posters (RowStack: only the rows and tiles near view exist as elements). What is shown, locked
 * or hidden, and where focus is, comes from src/controllers/catalog.ts; this page draws it and passes
 * keys, signals and the pointer on. Decisions re-apply locks to the live tiles; rows are rebuilt only
 * when the titles shown change.
 */
import { Img, Lightning } from '@lightningjs/sdk';
import type { CatalogItem } from '../catalog/types';
import type { Provider } from '../flows/api';
import { ButtonRow } from '../components/ButtonRow';
import { DetailsPanel } from '../components/DetailsPanel';
import { failureContent } from '../components/MessagePanel';
import { NoticeLine } from '../components/NoticeLine';
import { messagePanel, pageFrame, type FramedPageSpec, type PageTypeConfig } from '../components/PageFrame';
import { RowStack } from '../components/RowStack';
import { Spinner } from '../components/Spinner';
import { Reveal } from '../components/reveal';
import { TempPassCountdown } from '../components/TempPassCountdown';
import { roundFill } from '../components/surfaces';
import { CatalogController, INPUT_GUARD_MS, type CatalogState, type TileAccess } from '../controllers/catalog';
import { t } from '../lib/language';
import { POINTER_PATH, requestPointerFocus } from '../lib/pointer';
import { services } from '../services';
import { COLORS, SAFE, SCREEN, textStyle } from '../theme';
import { setJourneyInfo } from './hooks';

export { INPUT_GUARD_MS };
const ROWS_TOP = 440;
const ROWS_PAD = 28;
const LOGO = { w: 210, h: 84 };

interface Spec extends FramedPageSpec {
  Header: { ProviderPlate: { Logo: object; Name: object }; Account: typeof ButtonRow };
  Notice: typeof NoticeLine;
  Details: typeof DetailsPanel;
  Viewport: { Rows: typeof RowStack };
  Spinner: typeof Spinner;
  Countdown: typeof TempPassCountdown;
}

export class Catalog
  extends Lightning.Component<Spec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _ctl = new CatalogController(services());
  private _shown: CatalogState = this._ctl.state;
  // While the rows load, nothing is drawn (a warm launch goes from the first frame to the rows).
  private _reveal = new Reveal(
    () => services().timers,
    () => this._render(this._ctl.state),
  );

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      ...pageFrame({ x: SAFE.x, y: SAFE.y + 14 }, 48),
      Header: {
        x: SAFE.x + SAFE.w,
        y: SAFE.y,
        collision: POINTER_PATH,
        ProviderPlate: {
          x: -(240 + 32 + LOGO.w),
          w: LOGO.w,
          h: LOGO.h,
          texture: roundFill(LOGO.w, LOGO.h, COLORS.surfaceRaised, 12),
          Logo: { x: LOGO.w / 2, y: LOGO.h / 2, mount: 0.5 },
          Name: {
            x: LOGO.w / 2,
            y: LOGO.h / 2 + 2,
            mount: 0.5,
            text: textStyle(26, COLORS.text, {
              fontStyle: 'bold',
              wordWrapWidth: LOGO.w - 16,
              maxLines: 1,
              textOverflow: 'ellipsis',
            }),
          },
        },
        Account: {
          type: ButtonRow,
          x: -240,
          collision: POINTER_PATH,
          items: [{ id: 'account', label: t('common.account'), w: 240 }],
          signals: { select: '_openAccount' },
        },
      },
      // Degraded access (spec §15): one plain line between the wordmark and the provider plate.
      Notice: { type: NoticeLine, x: SAFE.x + 300, y: SAFE.y, w: SAFE.w - 300 - 560, maxLines: 2 },
      Details: { type: DetailsPanel, x: SAFE.x, y: 150 },
      Viewport: {
        x: SAFE.x - ROWS_PAD,
        y: ROWS_TOP - ROWS_PAD,
        w: SAFE.w + 2 * ROWS_PAD,
        h: SCREEN.h - SAFE.bottom - ROWS_TOP + ROWS_PAD,
        clipping: true,
        collision: POINTER_PATH,
        Rows: {
          type: RowStack,
          x: ROWS_PAD,
          y: ROWS_PAD,
          collision: POINTER_PATH,
          signals: { select: '_onSelect', focusItem: '_onFocusItem', pointRow: '_onPointRow' },
        },
      },
      Spinner: { type: Spinner, x: SCREEN.w / 2, y: 640, mount: 0.5, visible: false },
      Panel: messagePanel(360),
      Countdown: { type: TempPassCountdown },
    };
  }

  /** Where focus is: 'loading' | 'header' | 'rows' | 'failed' (tests, hooks). */
  get zone(): 'loading' | 'header' | 'rows' | 'failed' {
    const s = this._ctl.state;
    return s.kind === 'browsing' ? s.zone : s.kind;
  }

  get rowIndex(): number {
    const s = this._ctl.state;
    return s.kind === 'browsing' ? s.row : 0;
  }

  accessOf(item: CatalogItem): TileAccess {
    return this._ctl.accessOf(item);
  }

  override _init(): void {
    this._ctl.subscribe((state) => this._render(state));
    this.tag('Countdown')!.source = () => services().flows.tempPass();
  }

  override _active(): void {
    this._publishTitles();
    this._reveal.hold();
    this._ctl.activate();
    this._render(this._ctl.state);
  }

  override _inactive(): void {
    this._reveal.cancel();
    this._ctl.deactivate();
    setJourneyInfo({ titles: () => [], notice: null });
  }

  private _render(s: CatalogState): void {
    const drawn = this._reveal.drawn(s.kind === 'loading');
    const prev = this._shown;
    this._shown = s;
    if (s.provider !== prev.provider || prev === s) this._showProvider(s.provider);
    const browsing = s.kind === 'browsing';
    for (const ref of ['Background', 'Brand', 'Header'] as const) this.tag(ref)!.visible = drawn;
    this.tag('Spinner')!.visible = drawn && s.kind === 'loading';
    this.tag('Panel')!.visible = s.kind === 'failed';
    this.tag('Viewport')!.visible = browsing;
    this.tag('Details')!.visible = browsing;
    if (s.kind === 'failed' && prev !== s) this.tag('Panel')!.content = failureContent(s.failure, s.title, s.actions);
    this.tag('Notice')!.line = (s.kind === 'browsing' && s.notice) || '';
    setJourneyInfo({ notice: (s.kind === 'browsing' && s.notice) || null });
    if (s.kind === 'browsing') {
      const was = prev.kind === 'browsing' ? prev : undefined;
      const rows = this.tag('Viewport.Rows')!;
      if (!was || was.access !== s.access) rows.applyAccess(this._access, this._reason);
      if (!was || was.rows !== s.rows) rows.setRows(s.rows, s.row, (i) => this._ctl.colOf(i));
      else if (was.row !== s.row) rows.focusRow(s.row, true);
      if (s.details && (!was || was.details !== s.details || was.access !== s.access))
        this.tag('Details')!.show(s.details, this._access(s.details), this._ctl.reasonFor(s.details));
    }
    this._refocus();
  }

  private readonly _access = (item: CatalogItem): TileAccess => this._ctl.accessOf(item);
  private readonly _reason = (item: CatalogItem): string | undefined => this._ctl.reasonFor(item);

  private _showProvider(provider: Provider | undefined): void {
    const logo = this.tag('Header.ProviderPlate.Logo')!;
    const name = this.tag('Header.ProviderPlate.Name')!;
    name.text!.text = provider?.displayName ?? '';
    name.visible = true;
    if (provider?.logoUrl) {
      logo.texture = Img(provider.logoUrl).contain(LOGO.w, LOGO.h);
      logo.on('txLoaded', () => (name.visible = false));
    }
    this.tag('Header.ProviderPlate')!.visible = Boolean(provider);
  }

  /** Journeys read every title with its lock state from the data, not from the (virtualized) tiles. */
  private _publishTitles(): void {
    setJourneyInfo({
      tempPass: () => this.tag('Countdown')!.shown,
      titles: () => {
        const s = this._ctl.state;
        const rows = s.kind === 'browsing' ? s.rows : [];
        const all: Array<{ id: string; title: string; access: string }> = [];
        for (const r of rows)
          for (const it of r.items) all.push({ id: it.id, title: it.title, access: this._access(it) });
        return all;
      },
    });
  }

  _onFocusItem(_item: CatalogItem, row: number, col: number): void {
    if (row === this.rowIndex) this._ctl.focusCol(col);
  }

  _onSelect(item: CatalogItem): void {
    this._ctl.select(item);
  }

  _onPointRow(row: number): void {
    this._ctl.pointAt(row);
  }

  _openAccount(): void {
    this._ctl.openAccount();
  }

  _onPanelAction(id: string): void {
    this._ctl.panelAction(id);
  }

  override _getFocused(): Lightning.Component | undefined {
    switch (this.zone) {
      case 'header':
        return this.tag('Header.Account');
      case 'rows':
        return this.tag('Viewport.Rows');
      case 'failed':
        return this.tag('Panel');
      default:
        return undefined;
    }
  }

  override _handleUp(): boolean | void {
    return this._ctl.up();
  }

  override _handleDown(): boolean | void {
    return this._ctl.down();
  }

  /** Yellow: the TempPass time left, said by voice guidance (the countdown shows it). */
  _handleYellow = (): boolean => (this.tag('Countdown')!.speakTimeLeft(), true);

  /** The remote's Menu key (Escape on keyboards) opens the account menu. */
  _handleMenu(): boolean | void {
    this._ctl.openAccount();
    return true;
  }

  $pointerFocus(child: Lightning.Component): void {
    // Rows report the row under the pointer themselves (`pointRow`).
    if (child === this.tag('Header.Account')) this._ctl.pointAt('header');
    requestPointerFocus(this);
  }
}
