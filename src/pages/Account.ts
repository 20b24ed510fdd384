/**
 * Account view (catalog header button, or the Menu key): the provider's logo and name, the user
 * metadata the MVPD shared (plain values shown, encrypted ones marked), how long the sign-in is
 * valid, "Sign out", and under the buttons the viewer's settings (voice guidance, captions, language:
 * src/components/SettingsRow.ts); Down/Up move between the two. The logic is src/controllers/account.ts.
 */
import { Img, Lightning } from '@lightningjs/sdk';
import { BusyOverlay } from '../components/BusyOverlay';
import { BUTTON_SIZE } from '../components/Button';
import { ButtonRow } from '../components/ButtonRow';
import { formatValidity } from '../components/format';
import { failureContent } from '../components/MessagePanel';
import { metadataCells } from '../components/MetadataCells';
import {
  messagePanel,
  pageFrame,
  pageSpeech,
  pageTitle,
  type FramedPageSpec,
  type PageTypeConfig,
} from '../components/PageFrame';
import { switchPanel, type SwitchPanelSpec } from '../components/ProfileList';
import { SettingsRow } from '../components/SettingsRow';
import { roundFill } from '../components/surfaces';
import { AccountController, describeAttribute, readableUrl, type AccountState } from '../controllers/account';
import { setAnnouncement } from '../lib/announcer';
import { t } from '../lib/language';
import { POINTER_PATH } from '../lib/pointer';
import { services } from '../services';
import { COLORS, FONT_SIZE, SAFE, textStyle } from '../theme';

export { describeAttribute, readableUrl };
const CARD = { w: SAFE.w, h: 640, y: 220 };
/** Metadata: three columns of label + value lines. */
const META = { cols: 3, lineH: 80, y: 256 };
/** Gaps between the card, the actions and the settings row. */
const GAP = { actions: 40, settings: 32 };

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
  Settings: typeof SettingsRow;
  Switch: SwitchPanelSpec;
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
      Title: pageTitle(t('account.title')),
      Card: {
        x: SAFE.x,
        y: CARD.y,
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
          y: META.y - 44,
          text: textStyle(FONT_SIZE.caption, COLORS.textMuted, { fontStyle: 'bold', text: t('account.shared') }),
        },
        Meta: { x: 48, y: META.y },
      },
      Actions: {
        type: ButtonRow,
        x: SAFE.x,
        y: 920,
        collision: POINTER_PATH,
        items: [
          { id: 'signout', label: t('account.signOut') },
          { id: 'switch', label: t('account.switchProvider'), w: 380 },
          { id: 'another', label: t('account.addProvider'), w: 340 },
          { id: 'back', label: t('account.backToCatalog'), w: 420 },
        ],
        signals: { select: '_onAction' },
      },
      Settings: { type: SettingsRow, x: SAFE.x, collision: POINTER_PATH },
      // "Switch provider": every sign-in on this TV, the one in use marked; nobody is signed out.
      Switch: switchPanel('_onSwitch'),
      Busy: { type: BusyOverlay, y: 460, visible: false, label: t('account.signingOut') },
      Panel: messagePanel(320),
    };
  }

  get phase(): AccountState['kind'] {
    return this._ctl.state.kind;
  }

  override _init(): void {
    // Voice guidance when the page opens: the title, who is signed in and until when.
    setAnnouncement(this, {
      announce: () => [
        pageSpeech(this),
        ...(['Card.Name', 'Card.Validity'] as const).map((p) => this.tag(p)!.text!.text),
      ],
    });
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
    this.tag('Settings')!.visible = ready;
    this.tag('Title')!.visible = ready;
    if (s.kind === 'listing' || s.kind === 'signingOut')
      this.tag('Busy')!.label = s.kind === 'listing' ? t('account.switchLoading') : t('account.signingOut');
    this.tag('Busy')!.visible = s.kind === 'signingOut' || s.kind === 'listing';
    this.tag('Switch')!.visible = s.kind === 'switching';
    if (s.kind === 'switching' && prev !== s) {
      const list = this.tag('Switch.List')!;
      list.items = s.choices.map((c, i) => ({ id: String(i), label: c.label }));
      list.index = s.index;
    }
    this.tag('Panel')!.visible = s.kind === 'failed';
    if (s.kind === 'ready' && (prev.kind !== 'ready' || prev.profile !== s.profile)) this._showProfile(s);
    if (s.kind === 'failed' && prev !== s) this.tag('Panel')!.content = failureContent(s.failure, s.title, s.actions);
    this._refocus();
  }

  private _showProfile(s: Extract<AccountState, { kind: 'ready' }>): void {
    const { profile, provider } = s;
    const name = provider.displayName;
    this.tag('Card.Name')!.text!.text = name;
    this.tag('Card.Validity')!.text!.text = t('account.signedIn', {
      validity: formatValidity(profile.notAfter, s.now),
    });
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
    const cardH = META.y + Math.ceil(s.lines.length / META.cols) * META.lineH + 16;
    const colW = (CARD.w - 96) / META.cols;
    this.tag('Card')!.patch({ h: cardH, texture: roundFill(CARD.w, cardH, COLORS.surface, 24) });
    const actionsY = CARD.y + cardH + GAP.actions;
    this.tag('Actions')!.y = actionsY;
    this.tag('Settings')!.y = actionsY + BUTTON_SIZE.h + GAP.settings;
    this.tag('Card.Meta')!.children = metadataCells(s.lines, META.cols, colW, META.lineH);
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

  override _handleDown(): boolean | void {
    this._ctl.focus('settings');
  }

  override _handleUp(): boolean | void {
    this._ctl.focus('actions');
  }

  override _getFocused(): Lightning.Component | undefined {
    const s = this._ctl.state;
    if (s.kind === 'ready') return this.tag(s.zone === 'settings' ? 'Settings' : 'Actions');
    if (s.kind === 'switching') return this.tag('Switch.List');
    return s.kind === 'failed' ? this.tag('Panel') : undefined;
  }

  /** The pointer is over the actions or the settings (the buttons follow it themselves). */
  $pointerFocus(child: Lightning.Component): void {
    if (child === this.tag('Settings')) this._ctl.focus('settings');
    else if (child === this.tag('Actions')) this._ctl.focus('actions');
  }
}
