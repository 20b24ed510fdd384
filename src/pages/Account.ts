/**
 * Account menu (catalog header button, or the Menu key): the provider's logo and name, the user
 * metadata the MVPD shared (plain values shown, encrypted ones marked), how long the sign-in is
 * valid, and "Sign out" with a confirmation → flows.logout() → provider picker.
 */
import { Img, Lightning } from '@lightningjs/sdk';
import type { Failure, ProfileAttribute, Provider, SignedInProfile } from '../flows/api';
import { backdrop, wordmark } from '../components/Backdrop';
import { ButtonRow } from '../components/ButtonRow';
import { formatValidity } from '../components/format';
import { failureContent, MessagePanel } from '../components/MessagePanel';
import { Spinner } from '../components/Spinner';
import { roundFill } from '../components/surfaces';
import { POINTER_PATH } from '../lib/pointer';
import { showError, toast } from '../lib/events';
import { services } from '../services';
import { COLORS, FONT_FACE, FONT_SIZE, SAFE, SCREEN } from '../theme';

const LABELS: Record<string, string> = {
  userID: 'User ID',
  upstreamUserID: 'Upstream user ID',
  householdID: 'Household ID',
  zip: 'ZIP code',
  channelID: 'Channels',
  primaryOID: 'Primary account',
  is_hoh: 'Head of household',
  maxRating: 'Parental rating',
  encryptedZip: 'ZIP code (encrypted)',
  mvpd: 'Provider',
};
const MAX_ROWS = 8;
const CARD = { w: SAFE.w, h: 640 };

/** One metadata line as shown: label and display value (encrypted values are not shown). */
export function describeAttribute(key: string, attr: ProfileAttribute): { label: string; value: string } {
  const label = LABELS[key] ?? key;
  if (attr.encrypted) return { label, value: 'Encrypted by your provider' };
  const v = attr.value;
  let value: string;
  if (v === null || v === undefined || v === '') value = '—';
  else if (Array.isArray(v)) value = v.map(String).join(', ');
  else if (typeof v === 'object') {
    // e.g. maxRating {"VCHIP":"TV-MA","MPAA":"NC-17"} → "VCHIP TV-MA · MPAA NC-17"
    value = Object.keys(v as Record<string, unknown>)
      .map((k) => `${k} ${String((v as Record<string, unknown>)[k])}`)
      .join('  ·  ');
  } else if (typeof v === 'boolean') value = v ? 'Yes' : 'No';
  else if (key === 'is_hoh' && (v === '1' || v === '0' || v === 1 || v === 0)) value = String(v) === '1' ? 'Yes' : 'No';
  else value = String(v);
  return { label, value };
}

/** A URL as a person would type it: no scheme, no query (the TV cannot open it; the user may). */
export function readableUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/[?#].*$/, '');
}

interface Spec extends Lightning.Component.TemplateSpec {
  Background: object;
  Brand: object;
  Title: object;
  Card: {
    LogoPlate: { Logo: object };
    Name: object;
    Validity: object;
    MetaTitle: object;
    Meta: object;
  };
  Actions: typeof ButtonRow;
  Busy: { Spinner: typeof Spinner; Label: object };
  Panel: typeof MessagePanel;
}
interface TypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true;
}

type Phase = 'ready' | 'signingOut' | 'failed';

export class Account
  extends Lightning.Component<Spec, TypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _phase: Phase = 'ready';
  private _busyRun = 0;

  static override _template(): Lightning.Component.Template<Spec> {
    const text = (fontSize: number, textColor: number = COLORS.text, extra: object = {}) => ({
      text: { text: '', fontFace: FONT_FACE, fontSize, textColor, ...extra },
    });
    return {
      w: SCREEN.w,
      h: SCREEN.h,
      collision: POINTER_PATH,
      Background: backdrop(),
      Brand: { x: SAFE.x, y: SAFE.y, ...wordmark(40) },
      Title: { x: SAFE.x, y: 128, ...text(FONT_SIZE.headline, COLORS.text, { fontStyle: 'bold' }) },
      Card: {
        x: SAFE.x,
        y: 236,
        w: CARD.w,
        h: CARD.h,
        texture: roundFill(CARD.w, CARD.h, COLORS.surface, 24),
        LogoPlate: {
          x: 48,
          y: 48,
          w: 360,
          h: 144,
          texture: roundFill(360, 144, COLORS.surfaceRaised, 16),
          Logo: { x: 180, y: 72, mount: 0.5 },
        },
        Name: {
          x: 448,
          y: 64,
          ...text(FONT_SIZE.title, COLORS.text, {
            fontStyle: 'bold',
            wordWrapWidth: CARD.w - 496,
            maxLines: 1,
            textOverflow: 'ellipsis',
          }),
        },
        Validity: { x: 448, y: 136, ...text(FONT_SIZE.body, COLORS.success) },
        MetaTitle: { x: 48, y: 236, ...text(FONT_SIZE.caption, COLORS.textMuted, { fontStyle: 'bold' }) },
        Meta: { x: 48, y: 284 },
      },
      Actions: {
        type: ButtonRow,
        x: SAFE.x,
        y: 920,
        collision: POINTER_PATH,
        items: [
          { id: 'signout', label: 'Sign out' },
          { id: 'back', label: 'Back to catalog', w: 420 },
        ],
        signals: { select: '_onAction' },
      },
      Busy: {
        y: 460,
        w: SCREEN.w,
        visible: false,
        Spinner: { type: Spinner, x: SCREEN.w / 2, mountX: 0.5 },
        Label: {
          y: 110,
          w: SCREEN.w,
          ...text(FONT_SIZE.body, COLORS.textMuted, { textAlign: 'center', wordWrapWidth: SCREEN.w, w: SCREEN.w }),
        },
      },
      Panel: {
        type: MessagePanel,
        y: 320,
        visible: false,
        collision: POINTER_PATH,
        signals: { action: '_onPanelAction' },
      },
    };
  }

  get phase(): Phase {
    return this._phase;
  }

  override _init(): void {
    this.tag('Title')!.text!.text = 'Account';
    this.tag('Card.MetaTitle')!.text!.text = 'SHARED BY YOUR PROVIDER';
  }

  override _active(): void {
    const current = services().flows.current();
    if (!current) return services().nav.to('providers');
    this._render(current.profile, current.provider);
    this.tag('Actions')!.index = 0;
    this._setPhase('ready');
  }

  override _inactive(): void {
    this._busyRun++;
  }

  private _setPhase(phase: Phase): void {
    this._phase = phase;
    const ready = phase === 'ready';
    this.tag('Card')!.visible = ready;
    this.tag('Actions')!.visible = ready;
    this.tag('Title')!.visible = ready;
    this.tag('Busy')!.visible = phase === 'signingOut';
    this.tag('Panel')!.visible = phase === 'failed';
    this._refocus();
  }

  private _render(profile: SignedInProfile, provider: Provider | undefined): void {
    const name = provider?.displayName ?? profile.mvpd;
    this.tag('Card.Name')!.text!.text = name;
    this.tag('Card.Validity')!.text!.text = `Signed in  ·  ${formatValidity(profile.notAfter, services().now())}`;
    const logo = this.tag('Card.LogoPlate.Logo')!;
    if (provider?.logoUrl) logo.patch({ texture: Img(provider.logoUrl).contain(360, 144) });
    else
      logo.patch({
        text: {
          text: name,
          fontFace: FONT_FACE,
          fontSize: 36,
          fontStyle: 'bold',
          textColor: COLORS.text,
          wordWrapWidth: 320,
          w: 320,
          maxLines: 2,
          textAlign: 'center',
        },
      });
    const entries = Object.keys(profile.attributes)
      .slice(0, MAX_ROWS)
      .map((key) => describeAttribute(key, profile.attributes[key]!));
    if (entries.length === 0) entries.push({ label: 'Details', value: 'Your provider shared no account details.' });
    // Card and buttons follow the amount of metadata.
    const cardH = 284 + Math.ceil(entries.length / 2) * 84 + 28;
    this.tag('Card')!.patch({ h: cardH, texture: roundFill(CARD.w, cardH, COLORS.surface, 24) });
    this.tag('Actions')!.y = 236 + cardH + 56;
    this.tag('Card.Meta')!.children = entries.map((e, i) => ({
      x: (i % 2) * (CARD.w / 2 - 24),
      y: Math.floor(i / 2) * 84,
      Label: { text: { text: e.label, fontFace: FONT_FACE, fontSize: FONT_SIZE.caption, textColor: COLORS.textMuted } },
      Value: {
        y: 32,
        text: {
          text: e.value,
          fontFace: FONT_FACE,
          fontSize: FONT_SIZE.body,
          textColor: e.value === 'Encrypted by your provider' ? COLORS.textMuted : COLORS.text,
          fontStyle: e.value === 'Encrypted by your provider' ? 'italic' : 'normal',
          wordWrapWidth: CARD.w / 2 - 120,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
    }));
  }

  async _onAction(id: string): Promise<void> {
    if (id === 'back') return this._back();
    const choice = await showError({
      title: 'Sign out?',
      message: 'You will need to sign in with your TV provider again to watch.',
      actions: ['Sign out', 'Cancel'],
    });
    if (choice === 'Sign out') await this._signOut();
  }

  private async _signOut(): Promise<void> {
    const run = ++this._busyRun;
    this.tag('Busy.Label')!.text!.text = 'Signing out…';
    this._setPhase('signingOut');
    const { flows, session, nav } = services();
    const result = await flows.logout();
    if (run !== this._busyRun) return;
    if (!result.ok) return this._fail(result.failure);
    session.catalog = undefined;
    session.catalogFocus = undefined;
    const urls = result.value.followUpUrls;
    if (urls.length > 0) toast(`To finish signing out at your provider, visit ${readableUrl(urls[0]!)}`, 10000);
    else if (result.value.partnerSignOut)
      toast('To finish signing out, also sign out in your TV’s system settings.', 10000);
    nav.to('providers');
  }

  private _fail(failure: Failure): void {
    this.tag('Panel')!.content = failureContent(failure, 'Sign-out did not complete', [
      { id: 'retry', label: 'Retry' },
      { id: 'back', label: 'Back' },
    ]);
    this._setPhase('failed');
  }

  _onPanelAction(id: string): void {
    if (id === 'retry') void this._signOut();
    else this._setPhase('ready');
  }

  private _back(): void {
    services().nav.to('catalog');
  }

  override _handleBack(): boolean | void {
    if (this._phase === 'signingOut') return true;
    if (this._phase === 'failed') this._setPhase('ready');
    else this._back();
    return true;
  }

  _handleMenu(): boolean {
    return this._handleBack() as boolean;
  }

  override _getFocused(): Lightning.Component | undefined {
    if (this._phase === 'ready') return this.tag('Actions');
    if (this._phase === 'failed') return this.tag('Panel');
    return undefined;
  }

  $pointerFocus(): void {
    // One focus group at a time; buttons follow the pointer themselves.
  }
}
