/**
 * Catalog: header with the provider's logo and an Account button; the focused title's details; rows
 * of posters from the programmer backend. Preauthorization of the distinct resources decides what is
 * shown unlocked; denied titles are shown locked with the reason, or hidden (appSettings
 * adobePass.showLockedTitles). OK on any title opens the player, which always authorizes.
 */
import { Img, Lightning } from '@lightningjs/sdk';
import type { Catalog as CatalogData, CatalogItem } from '../catalog/types';
import { distinctResources } from '../catalog/validate';
import type { Decision, Failure, Provider } from '../flows/api';
import { backdrop, wordmark } from '../components/Backdrop';
import { ButtonRow } from '../components/ButtonRow';
import { DetailsPanel } from '../components/DetailsPanel';
import { failureContent, MessagePanel } from '../components/MessagePanel';
import { PosterRow, ROW } from '../components/PosterRow';
import type { TileAccess } from '../components/PosterTile';
import { Spinner } from '../components/Spinner';
import { roundFill } from '../components/surfaces';
import { POINTER_PATH } from '../lib/pointer';
import { toast } from '../lib/events';
import { requestPointerFocus } from '../lib/pointer';
import { services } from '../services';
import { COLORS, FONT_FACE, SAFE, SCREEN } from '../theme';
import { setJourneyInfo } from './hooks';

const ROWS_TOP = 440;
/** OK presses this soon after the catalog appeared are ignored (see _onSelect). */
export const INPUT_GUARD_MS = 400;
const ROWS_PAD = 28;
const LOGO = { w: 210, h: 84 };

interface Spec extends Lightning.Component.TemplateSpec {
  Background: object;
  Brand: object;
  Header: { ProviderPlate: { Logo: object; Name: object }; Account: typeof ButtonRow };
  Details: typeof DetailsPanel;
  Viewport: { Rows: object };
  Spinner: typeof Spinner;
  Panel: typeof MessagePanel;
}
interface TypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true;
}

type Zone = 'loading' | 'header' | 'rows' | 'failed';

export class Catalog
  extends Lightning.Component<Spec, TypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _zone: Zone = 'loading';
  private _rowIndex = 0;
  private _decisions = new Map<string, Decision>();
  private _load = 0;
  private _catalog?: CatalogData;
  private _activeAt = 0;

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      w: SCREEN.w,
      h: SCREEN.h,
      collision: POINTER_PATH,
      Background: backdrop(),
      Brand: { x: SAFE.x, y: SAFE.y + 14, ...wordmark(48) },
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
            text: {
              text: '',
              fontFace: FONT_FACE,
              fontSize: 26,
              fontStyle: 'bold',
              textColor: COLORS.text,
              wordWrapWidth: LOGO.w - 16,
              maxLines: 1,
              textOverflow: 'ellipsis',
            },
          },
        },
        Account: {
          type: ButtonRow,
          x: -240,
          collision: POINTER_PATH,
          items: [{ id: 'account', label: 'Account', w: 240 }],
          signals: { select: '_openAccount' },
        },
      },
      Details: { type: DetailsPanel, x: SAFE.x, y: 150 },
      Viewport: {
        x: SAFE.x - ROWS_PAD,
        y: ROWS_TOP - ROWS_PAD,
        w: SAFE.w + 2 * ROWS_PAD,
        h: SCREEN.h - SAFE.bottom - ROWS_TOP + ROWS_PAD,
        clipping: true,
        collision: POINTER_PATH,
        Rows: { x: ROWS_PAD, y: ROWS_PAD, collision: POINTER_PATH },
      },
      Spinner: { type: Spinner, x: SCREEN.w / 2, y: 640, mount: 0.5, visible: false },
      Panel: {
        type: MessagePanel,
        y: 360,
        visible: false,
        collision: POINTER_PATH,
        signals: { action: '_onPanelAction' },
      },
    };
  }

  get zone(): Zone {
    return this._zone;
  }

  get rowIndex(): number {
    return this._rowIndex;
  }

  override _active(): void {
    this._activeAt = services().now();
    const current = services().flows.current();
    if (!current) return services().nav.to('providers');
    this._showProvider(current.provider);
    void this._fetch();
  }

  override _inactive(): void {
    this._load++;
    setJourneyInfo({ titles: () => [] });
  }

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

  private _setZone(zone: Zone): void {
    this._zone = zone;
    const ready = zone === 'header' || zone === 'rows';
    this.tag('Spinner')!.visible = zone === 'loading';
    this.tag('Panel')!.visible = zone === 'failed';
    this.tag('Viewport')!.visible = ready;
    this.tag('Details')!.visible = ready;
    this._refocus();
  }

  private async _fetch(): Promise<void> {
    const load = ++this._load;
    const { catalog, flows, session } = services();
    if (!session.catalog) this._setZone('loading');
    const result = session.catalog ? { ok: true as const, value: session.catalog } : await catalog.load();
    if (load !== this._load) return;
    if (!result.ok) return this._fail(result.failure);
    session.catalog = result.value;
    this._catalog = result.value;
    this._render();
    const decisions = await flows.preauthorize(distinctResources(result.value));
    if (load !== this._load) return;
    if (!decisions.ok) {
      // The service no longer knows this sign-in (profile gone, state lost): the flows forgot it too.
      if (decisions.failure.kind === 'authentication') {
        toast('Please sign in with your TV provider again.');
        return services().nav.to('providers');
      }
      toast('We could not check which titles your subscription includes. You can still try to play them.');
      return;
    }
    this._decisions = decisions.value;
    this._render();
  }

  private _fail(failure: Failure): void {
    this.tag('Panel')!.content = failureContent(failure, 'We could not load the catalog', [
      { id: 'retry', label: 'Retry' },
      { id: 'account', label: 'Account' },
    ]);
    this._setZone('failed');
  }

  accessOf(item: CatalogItem): TileAccess {
    const d = this._decisions.get(item.resource);
    if (!d) return 'unknown';
    return d.authorized ? 'unlocked' : 'locked';
  }

  private _reason(item: CatalogItem): string | undefined {
    const f = this._decisions.get(item.resource)?.failure;
    if (!f) return undefined;
    return f.details ? `${f.message} — ${f.details}` : f.message;
  }

  /** (Re)build the rows; denied titles are dropped when locked titles are not to be shown. */
  private _render(): void {
    const catalog = this._catalog;
    if (!catalog) return;
    const { settings, session } = services();
    const rows = catalog.rows
      .map((row) => ({
        ...row,
        items: settings.showLockedTitles ? row.items : row.items.filter((it) => this.accessOf(it) !== 'locked'),
      }))
      .filter((row) => row.items.length > 0);
    const container = this.tag('Viewport.Rows')!;
    const keep = session.catalogFocus ?? { row: this._rowIndex, col: this._rows()[this._rowIndex]?.index ?? 0 };
    container.children = rows.map((row, i) => ({
      type: PosterRow,
      y: i * ROW.h,
      row,
      collision: POINTER_PATH,
      signals: { select: '_onSelect', focusItem: '_onFocusItem' },
    }));
    this._rows().forEach((r) => r.applyAccess((item) => this.accessOf(item)));
    setJourneyInfo({
      titles: () =>
        this._rows().reduce<Array<{ id: string; title: string; access: string }>>(
          (all, r) =>
            all.concat((r.row?.items ?? []).map((it) => ({ id: it.id, title: it.title, access: this.accessOf(it) }))),
          [],
        ),
    });
    if (rows.length === 0) {
      return this._fail({
        kind: 'denied',
        message: 'Your subscription does not include any of these titles.',
        retryable: true,
      });
    }
    this._rowIndex = Math.min(keep.row, rows.length - 1);
    const row = this._rows()[this._rowIndex]!;
    row.index = Math.min(keep.col, (row.row?.items.length ?? 1) - 1);
    this._scrollRows(false);
    this._updateDetails();
    if (this._zone === 'loading' || this._zone === 'failed') this._setZone('rows');
    else this._refocus();
  }

  private _rows(): PosterRow[] {
    return this.tag('Viewport.Rows')!.children as PosterRow[];
  }

  private _scrollRows(animate: boolean): void {
    const y = ROWS_PAD - this._rowIndex * ROW.h;
    const rows = this.tag('Viewport.Rows')!;
    if (animate) rows.setSmooth('y', y, { duration: 0.3 });
    else rows.y = y;
    // Rows far from view are hidden so Lightning skips them entirely.
    this._rows().forEach((r, i) => (r.visible = i >= this._rowIndex - 1 && i <= this._rowIndex + 2));
  }

  private _updateDetails(): void {
    const item = this._rows()[this._rowIndex]?.focusedItem;
    if (item) this.tag('Details')!.show(item, this.accessOf(item), this._reason(item));
  }

  private _setRow(i: number): void {
    const n = this._rows().length;
    const next = Math.max(0, Math.min(i, n - 1));
    if (next === this._rowIndex) return;
    this._rowIndex = next;
    this._scrollRows(true);
    this._updateDetails();
    this._refocus();
  }

  _onFocusItem(): void {
    this._updateDetails();
  }

  _onSelect(item: CatalogItem): void {
    // An OK meant for the previous screen (e.g. "Start watching" as it moved on by itself) must not
    // start playback the moment the catalog appears.
    if (services().now() - this._activeAt < INPUT_GUARD_MS) return;
    const row = this._rows()[this._rowIndex];
    services().session.catalogFocus = { row: this._rowIndex, col: row?.index ?? 0 };
    services().nav.to(`play/${item.id}`);
  }

  _openAccount(): void {
    const row = this._rows()[this._rowIndex];
    if (row) services().session.catalogFocus = { row: this._rowIndex, col: row.index };
    services().nav.to('account');
  }

  _onPanelAction(id: string): void {
    if (id === 'retry') {
      services().session.catalog = undefined;
      void this._fetch();
    } else this._openAccount();
  }

  override _getFocused(): Lightning.Component | undefined {
    switch (this._zone) {
      case 'header':
        return this.tag('Header.Account');
      case 'rows':
        return this._rows()[this._rowIndex];
      case 'failed':
        return this.tag('Panel');
      default:
        return undefined;
    }
  }

  override _handleUp(): boolean | void {
    if (this._zone !== 'rows') return false;
    if (this._rowIndex === 0) {
      this._zone = 'header';
      this._refocus();
      return true;
    }
    this._setRow(this._rowIndex - 1);
  }

  override _handleDown(): boolean | void {
    if (this._zone === 'header' && this._rows().length) {
      this._zone = 'rows';
      this._refocus();
      return true;
    }
    if (this._zone !== 'rows') return false;
    this._setRow(this._rowIndex + 1);
    return true;
  }

  /** The remote's Menu key (Escape on keyboards) opens the account menu. */
  _handleMenu(): boolean | void {
    this._openAccount();
    return true;
  }

  $pointerFocus(child: Lightning.Component): void {
    if (child instanceof PosterRow) {
      const i = this._rows().indexOf(child);
      if (i >= 0) {
        this._zone = 'rows';
        if (i !== this._rowIndex) {
          this._rowIndex = i;
          this._scrollRows(true);
        }
        this._updateDetails();
        this._refocus();
      }
    } else if (child === this.tag('Header.Account')) {
      this._zone = 'header';
      this._refocus();
    }
    requestPointerFocus(this);
  }
}
