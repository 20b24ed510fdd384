/**
 * Activation view: a large code, the short URL, a QR code opening the second-screen page with the code
 * filled in; a live countdown; "New code" when flows replaced an expired one; "Get a new code" / "Choose
 * another provider" (when the codes stopped, code and QR fade and "Get a new code" takes focus); on
 * success the provider's logo and a confirmation. Logic and spoken text: src/controllers/activate.ts.
 */
import { Lightning } from '@lightningjs/sdk';
import type { Provider } from '../flows/api';
import { BusyOverlay } from '../components/BusyOverlay';
import { ButtonRow } from '../components/ButtonRow';
import { codeCountdownLine, groupCode } from '../components/format';
import { LogoPlate } from '../components/LogoPlate';
import { failureContent } from '../components/MessagePanel';
import { messagePanel, pageFrame, type FramedPageSpec, type PageTypeConfig } from '../components/PageFrame';
import { QrCode } from '../components/qr/QrCode';
import { roundFill } from '../components/surfaces';
import { ActivateController, activateTitle, codeSpeech, SUCCESS_MS, successSpeech } from '../controllers/activate';
import type { ActivateState } from '../controllers/activate';
import { announcer, setAnnouncement } from '../lib/announcer';
import { t } from '../lib/language';
import { POINTER_PATH } from '../lib/pointer';
import { services } from '../services';
import { COLORS, FONT_SIZE, SAFE, SCREEN, textStyle } from '../theme';
import { setJourneyInfo } from './hooks';

export { SUCCESS_MS };
const QR_SIZE = 400;
const LEFT_W = 1040;
const INK = 0xff0b1020;
const PAPER = 0xfff4f6fb;
const QR_LOGO = { w: QR_SIZE, h: 140, radius: 16, logoW: QR_SIZE - 24, logoH: 116, textW: QR_SIZE - 32 };
const SUCCESS_LOGO = { w: 440, h: 180, radius: 20, logoW: 416, logoH: 156, textW: 400 };

interface Spec extends FramedPageSpec {
  Main: {
    Title: object;
    Step1: object;
    Url: object;
    Step2: object;
    CodePlate: { Code: object; Badge: { Label: object } };
    Countdown: object;
    Actions: typeof ButtonRow;
    QrPlate: { Qr: typeof QrCode; Caption: object; LogoPlate: typeof LogoPlate };
  };
  Waiting: typeof BusyOverlay;
  Success: { LogoPlate: typeof LogoPlate; Title: object; Hint: object; Continue: typeof ButtonRow };
}

const centred = { textAlign: 'center', wordWrapWidth: SCREEN.w, w: SCREEN.w } as const;
const bold = { fontStyle: 'bold' } as const;
const oneLine = { wordWrapWidth: LEFT_W, maxLines: 1, textOverflow: 'ellipsis' } as const;

export class Activate
  extends Lightning.Component<Spec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _ctl = new ActivateController(services());
  private _shown: ActivateState = this._ctl.state;

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      ...pageFrame(),
      Main: {
        x: SAFE.x,
        y: 140,
        visible: false,
        collision: POINTER_PATH,
        Title: { text: textStyle(FONT_SIZE.headline, COLORS.text, { ...bold, ...oneLine }) },
        Step1: { y: 120, text: textStyle(FONT_SIZE.body, COLORS.textMuted, { text: t('activate.step1') }) },
        Url: { y: 164, text: textStyle(52, COLORS.text, bold) },
        Step2: { y: 270, text: textStyle(FONT_SIZE.body, COLORS.textMuted, { text: t('activate.step2') }) },
        CodePlate: {
          y: 318,
          w: 760,
          h: 180,
          texture: roundFill(760, 180, PAPER, 20),
          Code: {
            x: 380,
            y: 96,
            mount: 0.5,
            text: textStyle(FONT_SIZE.code + 16, INK, { ...bold, letterSpacing: 8 }),
          },
          Badge: {
            x: 760 - 16,
            y: -20,
            mountX: 1,
            alpha: 0,
            texture: roundFill(190, 44, COLORS.success, 22),
            Label: { x: 95, y: 24, mount: 0.5, text: textStyle(26, INK, { ...bold, text: t('activate.newCode') }) },
          },
        },
        Countdown: { y: 522, text: textStyle(FONT_SIZE.body, COLORS.textMuted) },
        Actions: {
          type: ButtonRow,
          y: 620,
          collision: POINTER_PATH,
          items: [
            { id: 'new', label: t('activate.getNewCode'), w: 400 },
            { id: 'providers', label: t('activate.chooseAnother'), w: 500 },
          ],
          signals: { select: '_onAction' },
        },
        QrPlate: {
          x: SAFE.w - QR_SIZE - 48,
          y: 0,
          w: QR_SIZE + 48,
          h: 752,
          texture: roundFill(QR_SIZE + 48, 752, COLORS.surface, 24),
          LogoPlate: { type: LogoPlate, x: 24, y: 24, box: QR_LOGO },
          Qr: { type: QrCode, x: 24, y: 190, size: QR_SIZE },
          Caption: {
            x: 24,
            y: 614,
            text: textStyle(FONT_SIZE.caption + 2, COLORS.textMuted, {
              text: t('activate.qrCaption'),
              wordWrapWidth: QR_SIZE,
              lineHeight: 36,
              maxLines: 4,
            }),
          },
        },
      },
      Waiting: { type: BusyOverlay, y: 480, label: t('activate.waiting') },
      Success: {
        y: 260,
        w: SCREEN.w,
        visible: false,
        collision: POINTER_PATH,
        LogoPlate: { type: LogoPlate, x: SCREEN.w / 2, mountX: 0.5, box: SUCCESS_LOGO },
        Title: { y: 240, w: SCREEN.w, text: textStyle(FONT_SIZE.headline, COLORS.text, { ...bold, ...centred }) },
        Hint: {
          y: 340,
          w: SCREEN.w,
          text: textStyle(FONT_SIZE.body, COLORS.textMuted, { ...centred, text: t('activate.successHint') }),
        },
        Continue: {
          type: ButtonRow,
          x: (SCREEN.w - 360) / 2,
          y: 440,
          collision: POINTER_PATH,
          items: [{ id: 'continue', label: t('activate.startWatching') }],
          signals: { select: '_onAction' },
        },
      },
      Panel: messagePanel(300),
    };
  }

  get phase(): ActivateState['kind'] {
    return this._ctl.state.kind;
  }

  /** The code on screen (tests, hooks). */
  get code(): string | undefined {
    return this._ctl.state.kind === 'code' ? this._ctl.state.code.code : undefined;
  }

  override _init(): void {
    // Voice guidance: the code screen and the confirmation, said when their buttons take focus.
    setAnnouncement(this.tag('Main.Actions')!, { announce: () => codeSpeech(this._ctl.state) });
    setAnnouncement(this.tag('Success.Continue')!, { announce: () => successSpeech(this._ctl.state) });
    this._ctl.subscribe((state) => this._render(state));
  }

  override _active(): void {
    this._ctl.activate();
  }

  override _inactive(): void {
    this._ctl.stop();
    setJourneyInfo({ activationCode: null, activationUrl: null });
  }

  private _render(s: ActivateState): void {
    const prev = this._shown;
    this._shown = s;
    this.tag('Main')!.visible = s.kind === 'code';
    this.tag('Waiting')!.visible = s.kind === 'starting';
    this.tag('Success')!.visible = s.kind === 'success';
    this.tag('Panel')!.visible = s.kind === 'failed';
    this.tag('Brand')!.visible = s.kind !== 'success';
    const chosen = s.chosen;
    if (prev === s || chosen !== prev.chosen) {
      this.tag('Main.Title')!.text!.text = activateTitle(chosen);
      this._setLogo(chosen);
    }
    if (s.kind === 'code') {
      if (prev.kind !== 'code' || prev.code !== s.code) this._showCode(s);
      this.tag('Main.Countdown')!.text!.text = codeCountdownLine(s.countdown);
      const stopped = s.countdown.kind === 'stopped';
      if (stopped !== (prev.kind === 'code' && prev.countdown.kind === 'stopped')) {
        // An expired code must not be typed or scanned: faded, and the way on focused.
        for (const path of ['Main.CodePlate', 'Main.QrPlate.Qr'] as const) this.tag(path)!.alpha = stopped ? 0.25 : 1;
        if (stopped) this.tag('Main.Actions')!.index = 0;
      }
      const badge = this.tag('Main.CodePlate.Badge')!;
      if (s.newCode) badge.alpha = 1;
      else if (prev.kind === 'code' && prev.newCode) badge.setSmooth('alpha', 0, { duration: 0.4 });
    } else setJourneyInfo({ activationCode: null, activationUrl: null });
    if (s.kind === 'success' && prev.kind !== 'success') {
      if (!chosen) this._setLogo(s.provider);
      this.tag('Success.Title')!.text!.text = t('activate.successTitle', { provider: s.provider.displayName });
    }
    if (s.kind === 'failed' && prev !== s) this.tag('Panel')!.content = failureContent(s.failure, s.title, s.actions);
    this._refocus();
  }

  private _showCode(s: Extract<ActivateState, { kind: 'code' }>): void {
    const { code } = s;
    setJourneyInfo({ activationCode: code.code, activationUrl: code.activationUrl });
    this.tag('Main.Url')!.text!.text = code.shortUrl;
    this.tag('Main.CodePlate.Code')!.text!.text = groupCode(code.code);
    this.tag('Main.QrPlate.Qr')!.content = code.activationUrl;
    if (s.newCode) announcer.speak([t('activate.newCode'), ...codeSpeech(s).slice(1)], { polite: true });
  }

  /** The provider's logo (or name) on the QR card and the confirmation; a hint when the phone chooses. */
  private _setLogo(provider: Provider | undefined): void {
    for (const path of ['Main.QrPlate.LogoPlate', 'Success.LogoPlate'] as const)
      this.tag(path)!.show(provider, t('activate.phoneHint'));
  }

  _onAction(id: string): void {
    this._ctl.action(id);
  }

  _onPanelAction(id: string): void {
    this._ctl.panelAction(id);
  }

  override _handleBack(): boolean | void {
    this._ctl.back();
    return true;
  }

  /** Up (nothing above the buttons): the code, the address and the time left, said again. */
  override _handleUp(): boolean | void {
    announcer.speak(codeSpeech(this._ctl.state));
  }

  override _getFocused(): Lightning.Component | undefined {
    const kind = this._ctl.state.kind;
    if (kind === 'code') return this.tag('Main.Actions');
    if (kind === 'success') return this.tag('Success.Continue');
    return kind === 'failed' ? this.tag('Panel') : undefined;
  }

  /** Only one focusable group is shown at a time; it follows the pointer itself. */
  $pointerFocus(): void {}
}
