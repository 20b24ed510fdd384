/**
 * Promotional TempPass pairing view: the code the viewer types on the phone's /trial page (or the QR that
 * opens it with the code filled in) and a line saying the email is never typed on or sent to this TV.
 * The logic is src/controllers/trial.ts; this page draws its state and passes Back and the panel on.
 */
import { Lightning } from '@lightningjs/sdk';
import { BusyOverlay } from '../components/BusyOverlay';
import { spellCode } from '../components/format';
import { failureContent } from '../components/MessagePanel';
import { messagePanel, pageFrame, type FramedPageSpec, type PageTypeConfig } from '../components/PageFrame';
import { QrCode } from '../components/qr/QrCode';
import { roundFill } from '../components/surfaces';
import { TrialController, type TrialState } from '../controllers/trial';
import type { Speech } from '../lib/announcer';
import { t } from '../lib/language';
import { services } from '../services';
import { COLORS, FONT_SIZE, SAFE, textStyle } from '../theme';
import { setJourneyInfo } from './hooks';

const QR_SIZE = 400;
const LEFT_W = 1000;
const INK = 0xff0b1020;
const PAPER = 0xfff4f6fb;

interface Spec extends FramedPageSpec {
  Main: { Title: object; Body: object; CodePlate: { Code: object }; Waiting: object; Qr: typeof QrCode };
  Busy: typeof BusyOverlay;
}

export class Trial
  extends Lightning.Component<Spec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _ctl = new TrialController(services());
  private _shown: TrialState = this._ctl.state;

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      ...pageFrame(),
      Main: {
        x: SAFE.x,
        y: 160,
        visible: false,
        Title: { text: textStyle(FONT_SIZE.headline, COLORS.text, { fontStyle: 'bold', wordWrapWidth: LEFT_W }) },
        Body: { y: 110, text: textStyle(FONT_SIZE.body, COLORS.textMuted, { wordWrapWidth: LEFT_W, lineHeight: 44 }) },
        CodePlate: {
          y: 320,
          w: 640,
          h: 170,
          texture: roundFill(640, 170, PAPER, 20),
          Code: {
            x: 320,
            y: 90,
            mount: 0.5,
            text: textStyle(FONT_SIZE.code, INK, { fontStyle: 'bold', letterSpacing: 10 }),
          },
        },
        Waiting: { y: 530, text: textStyle(FONT_SIZE.body, COLORS.textMuted) },
        Qr: { type: QrCode, x: SAFE.w - QR_SIZE - 24, y: 0, size: QR_SIZE },
      },
      Busy: { type: BusyOverlay, y: 480, label: '' },
      Panel: messagePanel(300),
    };
  }

  /** The pairing code on screen (tests, hooks). */
  get code(): string | undefined {
    return this._ctl.state.kind === 'code' ? this._ctl.state.code.code : undefined;
  }

  /** Voice guidance: the instructions and the code, spelled. */
  get announce(): Speech {
    const s = this._ctl.state;
    if (s.kind !== 'code') return t('temppass.pairTitle');
    return [
      t('temppass.pairTitle'),
      t('temppass.pairBody', { url: s.code.shortUrl }),
      t('temppass.pairCode', { code: spellCode(s.code.code) }),
    ];
  }

  override _init(): void {
    this._ctl.subscribe((state) => this._render(state));
  }

  override _active(): void {
    this._ctl.activate();
  }

  override _inactive(): void {
    this._ctl.stop();
    setJourneyInfo({ trialCode: null });
  }

  private _render(s: TrialState): void {
    const prev = this._shown;
    this._shown = s;
    this.tag('Main')!.visible = s.kind === 'code';
    this.tag('Busy')!.visible = s.kind === 'starting';
    this.tag('Panel')!.visible = s.kind === 'failed';
    if (s.kind === 'code' && (prev.kind !== 'code' || prev.code !== s.code)) {
      this.tag('Main.Title')!.text!.text = t('temppass.pairTitle');
      this.tag('Main.Body')!.text!.text = t('temppass.pairBody', { url: s.code.shortUrl });
      this.tag('Main.CodePlate.Code')!.text!.text = `${s.code.code.slice(0, 3)} ${s.code.code.slice(3)}`;
      this.tag('Main.Waiting')!.text!.text = t('temppass.pairWaiting');
      this.tag('Main.Qr')!.content = s.code.activationUrl;
      setJourneyInfo({ trialCode: s.code.code });
    }
    if (s.kind === 'failed' && prev !== s) this.tag('Panel')!.content = failureContent(s.failure, s.title, s.actions);
    this._refocus();
  }

  _onPanelAction(id: string): void {
    this._ctl.panelAction(id);
  }

  override _handleBack(): boolean | void {
    this._ctl.back();
    return true;
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._ctl.state.kind === 'failed' ? this.tag('Panel') : undefined;
  }
}
