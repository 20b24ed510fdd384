/**
 * Account view (catalog header button, or the Menu key): the provider's logo and name, the user
 * metadata the MVPD shared (plain values shown, encrypted ones marked), how long the sign-in is
 * valid, and "Sign out". The logic is src/controllers/account.ts.
 */
import { Img, Lightning } from '@lightningjs/sdk';
import { BusyOverlay } from '../components/BusyOverlay';
import { ButtonRow } from '../components/ButtonRow';
import { formatValidity } from '../components/format';
import { failureContent } from '../components/MessagePanel';
import { messagePanel, pageFrame, pageTitle, type FramedPageSpec, type PageTypeConfig } from '../components/PageFrame';
import { listBleed, ProfileList } from '../components/ProfileList';
import { roundFill } from '../components/surfaces';
import {
  AccountController,
  describeAttribute,
  ENCRYPTED,
  readableUrl,
  type AccountState,
} from '../controllers/account';
import { setAnnouncement } from '../lib/announcer';
import { t } from '../lib/language';
import { POINTER_PATH } from '../lib/pointer';
import { services } from '../services';
import { COLORS, FONT_SIZE, SAFE, textStyle } from '../theme';

export { describeAttribute, readableUrl };
const CARD = { w: SAFE.w, h: 640 };

interface Spec extends FramedPageSpec {
  Title: object;
  Card: {
    LogoPlate: { Logo: object };
    Name: object;
    Validity: object;
    MetaTitle: object;
    Meta: object;
  };
  Actions: typeof ButtonRow;
  Switch: { Title: object; Hint: object; List: typeof ProfileList };
  Busy: typeof BusyOverlay;
}

export class Account
  extends Lightning.Component<Spec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _ctl = new AccountController(services());
  private _shown: AccountState = this._ctl.state;

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      ...pageFrame(),
      Title: pageTitle('Account'),
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
          text: textStyle(FONT_SIZE.title, COLORS.text, {
            fontStyle: 'bold',
            wordWrapWidth: CARD.w - 496,
            maxLines: 1,
            textOverflow: 'ellipsis',
          }),
        },
        Validity: { x: 448, y: 136, text: textStyle(FONT_SIZE.body, COLORS.success) },
        MetaTitle: {
          x: 48,
          y: 236,
          text: textStyle(FONT_SIZE.caption, COLORS.textMuted, { fontStyle: 'bold', text: 'SHARED BY YOUR PROVIDER' }),
        },
        Meta: { x: 48, y: 284 },
      },
      Actions: {
        type: ButtonRow,
        x: SAFE.x,
        y: 920,
        collision: POINTER_PATH,
        items: [
          { id: 'signout', label: 'Sign out' },
          { id: 'switch', label: t('account.switchProvider'), w: 420 },
          { id: 'back', label: 'Back to catalog', w: 420 },
        ],
        signals: { select: '_onAction' },
      },
      // "Switch provider": every sign-in on this TV, the one in use marked; nobody is signed out.
      Switch: {
        x: SAFE.x,
        y: 236,
        visible: false,
        collision: POINTER_PATH,
        Title: { text: textStyle(FONT_SIZE.title, COLORS.text, { fontStyle: 'bold', text: t('account.switchTitle') }) },
        Hint: {
          y: 72,
          text: textStyle(FONT_SIZE.body, COLORS.textMuted, { text: t('account.switchHint'), wordWrapWidth: SAFE.w }),
        },
        List: {
          type: ProfileList,
          x: -listBleed(1200),
          y: 150,
          rowWidth: 1200,
          visibleRows: 5,
          collision: POINTER_PATH,
          signals: { select: '_onSwitch' },
        },
      },
      Busy: { type: BusyOverlay, y: 460, visible: false, label: 'Signing out…' },
      Panel: messagePanel(320),
    };
  }

  get phase(): AccountState['kind'] {
    return this._ctl.state.kind;
  }

  override _init(): void {
    // The list says what it is for when it takes focus (the focused sign-in follows).
    setAnnouncement(this.tag('Switch.List')!, { announce: [t('account.switchTitle'), t('account.switchHint')] });
    this._ctl.subscribe((state) => this._render(state));
  }

  override _active(): void {
    if (this._ctl.activate()) this.tag('Actions')!.index = 0;
  }

  override _inactive(): void {
    this._ctl.deactivate();
  }

  private _render(s: AccountState): void {
    const prev = this._shown;
    this._shown = s;
    const ready = s.kind === 'ready' || s.kind === 'idle';
    this.tag('Card')!.visible = ready;
    this.tag('Actions')!.visible = ready;
    this.tag('Title')!.visible = ready;
    if (s.kind === 'listing' || s.kind === 'signingOut')
      this.tag('Busy')!.label = s.kind === 'listing' ? t('account.switchLoading') : 'Signing out…';
    this.tag('Busy')!.visible = s.kind === 'signingOut' || s.kind === 'listing';
    this.tag('Switch')!.visible = s.kind === 'switching';
    if (s.kind === 'switching' && prev !== s) {
      const list = this.tag('Switch.List')!;
      list.items = s.choices.map((c, i) => ({ id: String(i), label: c.label }));
      list.index = s.index;
    }
    this.tag('Panel')!.visible = s.kind === 'failed';
    if (s.kind === 'ready' && prev !== s) this._showProfile(s);
    if (s.kind === 'failed' && prev !== s) this.tag('Panel')!.content = failureContent(s.failure, s.title, s.actions);
    this._refocus();
  }

  private _showProfile(s: Extract<AccountState, { kind: 'ready' }>): void {
    const { profile, provider } = s;
    const name = provider.displayName;
    this.tag('Card.Name')!.text!.text = name;
    this.tag('Card.Validity')!.text!.text = `Signed in  ·  ${formatValidity(profile.notAfter, s.now)}`;
    const logo = this.tag('Card.LogoPlate.Logo')!;
    if (provider.logoUrl) logo.patch({ texture: Img(provider.logoUrl).contain(360, 144) });
    else
      logo.patch({
        text: textStyle(36, COLORS.text, {
          text: name,
          fontStyle: 'bold',
          wordWrapWidth: 320,
          w: 320,
          maxLines: 2,
          textAlign: 'center',
        }),
      });
    // Card and buttons follow the amount of metadata.
    const cardH = 284 + Math.ceil(s.lines.length / 2) * 84 + 28;
    this.tag('Card')!.patch({ h: cardH, texture: roundFill(CARD.w, cardH, COLORS.surface, 24) });
    this.tag('Actions')!.y = 236 + cardH + 56;
    this.tag('Card.Meta')!.children = s.lines.map((e, i) => ({
      x: (i % 2) * (CARD.w / 2 - 24),
      y: Math.floor(i / 2) * 84,
      Label: { text: textStyle(FONT_SIZE.caption, COLORS.textMuted, { text: e.label }) },
      Value: {
        y: 32,
        text: textStyle(FONT_SIZE.body, e.value === ENCRYPTED ? COLORS.textMuted : COLORS.text, {
          text: e.value,
          fontStyle: e.value === ENCRYPTED ? 'italic' : 'normal',
          wordWrapWidth: CARD.w / 2 - 120,
          maxLines: 1,
          textOverflow: 'ellipsis',
        }),
      },
    }));
  }

  _onAction(id: string): void {
    void this._ctl.action(id);
  }

  _onSwitch(id: string): void {
    this._ctl.chooseProfile(Number(id));
  }

  _onPanelAction(id: string): void {
    this._ctl.panelAction(id);
  }

  override _handleBack(): boolean | void {
    this._ctl.back();
    return true;
  }

  _handleMenu(): boolean {
    this._ctl.back();
    return true;
  }

  override _getFocused(): Lightning.Component | undefined {
    const kind = this._ctl.state.kind;
    if (kind === 'ready') return this.tag('Actions');
    if (kind === 'switching') return this.tag('Switch.List');
    return kind === 'failed' ? this.tag('Panel') : undefined;
  }

  $pointerFocus(): void {
    // One focus group at a time; buttons follow the pointer themselves.
  }
}
