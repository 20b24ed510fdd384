/**
 * Activation: a large code, the short URL and a QR code that opens the second-screen page with the
 * code filled in; a live countdown to the code's expiry; new codes when it expires (flows renews,
 * the page says so); "Get a new code" / "Choose another provider"; on success the provider's logo and
 * a confirmation, then the catalog. Polling stops whenever the page is left.
 */
import { Img, Lightning } from '@lightningjs/sdk';
import type { Activation, ActivationCode, Failure, Provider } from '../flows/api';
import { backdrop, wordmark } from '../components/Backdrop';
import { ButtonRow } from '../components/ButtonRow';
import { formatCountdown, groupCode } from '../components/format';
import { failureContent, MessagePanel } from '../components/MessagePanel';
import { QrCode } from '../components/qr/QrCode';
import { Spinner } from '../components/Spinner';
import { roundFill } from '../components/surfaces';
import { POINTER_PATH } from '../lib/pointer';
import { setJourneyInfo } from './hooks';
import { services } from '../services';
import type { TimerId } from '../lib/registry';
import { COLORS, FONT_FACE, FONT_SIZE, SAFE, SCREEN } from '../theme';

/** How long the success confirmation stays before the catalog opens by itself. */
export const SUCCESS_MS = 2000;
const QR_SIZE = 400;
const LEFT_W = 1040;

interface Spec extends Lightning.Component.TemplateSpec {
  Background: object;
  Brand: object;
  Main: {
    Title: object;
    Step1: object;
    Url: object;
    Step2: object;
    CodePlate: { Code: object; Badge: { Label: object } };
    Countdown: object;
    Actions: typeof ButtonRow;
    QrPlate: { Qr: typeof QrCode; Caption: object; LogoPlate: { Logo: object } };
  };
  Waiting: { Spinner: typeof Spinner; Label: object };
  Success: { LogoPlate: { Logo: object }; Title: object; Hint: object; Continue: typeof ButtonRow };
  Panel: typeof MessagePanel;
}
interface TypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true;
}

type Phase = 'starting' | 'code' | 'success' | 'failed';

export class Activate
  extends Lightning.Component<Spec, TypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _phase: Phase = 'starting';
  private _activation?: Activation;
  private _code?: ActivationCode;
  private _provider?: Provider;
  private _tick?: TimerId;
  private _successTimer?: TimerId;
  private _badgeTimer?: TimerId;
  private _codesShown = 0;

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
      Main: {
        x: SAFE.x,
        y: 140,
        visible: false,
        collision: POINTER_PATH,
        Title: {
          ...text(FONT_SIZE.headline, COLORS.text, {
            fontStyle: 'bold',
            wordWrapWidth: LEFT_W,
            maxLines: 1,
            textOverflow: 'ellipsis',
          }),
        },
        Step1: { y: 120, ...text(FONT_SIZE.body, COLORS.textMuted) },
        Url: { y: 164, ...text(52, COLORS.text, { fontStyle: 'bold' }) },
        Step2: { y: 270, ...text(FONT_SIZE.body, COLORS.textMuted) },
        CodePlate: {
          y: 318,
          w: 760,
          h: 180,
          texture: roundFill(760, 180, 0xfff4f6fb, 20),
          Code: {
            x: 380,
            y: 96,
            mount: 0.5,
            ...text(FONT_SIZE.code + 16, 0xff0b1020, { fontStyle: 'bold', letterSpacing: 14 }),
          },
          Badge: {
            x: 760 - 16,
            y: -20,
            mountX: 1,
            alpha: 0,
            texture: roundFill(190, 44, COLORS.success, 22),
            Label: { x: 95, y: 24, mount: 0.5, ...text(26, 0xff0b1020, { fontStyle: 'bold' }) },
          },
        },
        Countdown: { y: 522, ...text(FONT_SIZE.body, COLORS.textMuted) },
        Actions: {
          type: ButtonRow,
          y: 620,
          collision: POINTER_PATH,
          items: [
            { id: 'new', label: 'Get a new code', w: 400 },
            { id: 'providers', label: 'Choose another provider', w: 500 },
          ],
          signals: { select: '_onAction' },
        },
        QrPlate: {
          x: SAFE.w - QR_SIZE - 48,
          y: 0,
          w: QR_SIZE + 48,
          h: 752,
          texture: roundFill(QR_SIZE + 48, 752, COLORS.surface, 24),
          LogoPlate: {
            x: 24,
            y: 24,
            w: QR_SIZE,
            h: 140,
            texture: roundFill(QR_SIZE, 140, 0xfff4f6fb, 16),
            Logo: { x: QR_SIZE / 2, y: 70, mount: 0.5 },
          },
          Qr: { type: QrCode, x: 24, y: 190, size: QR_SIZE },
          Caption: {
            x: 24,
            y: 614,
            text: {
              text: 'Or scan this code with your phone’s camera to open the sign-in page with the code filled in.',
              fontFace: FONT_FACE,
              fontSize: FONT_SIZE.caption + 2,
              textColor: COLORS.textMuted,
              wordWrapWidth: QR_SIZE,
              lineHeight: 36,
              maxLines: 4,
            },
          },
        },
      },
      Waiting: {
        y: 480,
        w: SCREEN.w,
        Spinner: { type: Spinner, x: SCREEN.w / 2, mountX: 0.5 },
        Label: {
          y: 110,
          w: SCREEN.w,
          text: {
            text: 'Getting your activation code…',
            fontFace: FONT_FACE,
            fontSize: FONT_SIZE.body,
            textColor: COLORS.textMuted,
            textAlign: 'center',
            wordWrapWidth: SCREEN.w,
            w: SCREEN.w,
          },
        },
      },
      Success: {
        y: 260,
        w: SCREEN.w,
        visible: false,
        collision: POINTER_PATH,
        LogoPlate: {
          x: SCREEN.w / 2,
          mountX: 0.5,
          w: 440,
          h: 180,
          texture: roundFill(440, 180, 0xfff4f6fb, 20),
          Logo: { x: 220, y: 90, mount: 0.5 },
        },
        Title: {
          y: 240,
          w: SCREEN.w,
          ...text(FONT_SIZE.headline, COLORS.text, {
            fontStyle: 'bold',
            textAlign: 'center',
            wordWrapWidth: SCREEN.w,
            w: SCREEN.w,
          }),
        },
        Hint: {
          y: 340,
          w: SCREEN.w,
          ...text(FONT_SIZE.body, COLORS.textMuted, { textAlign: 'center', wordWrapWidth: SCREEN.w, w: SCREEN.w }),
        },
        Continue: {
          type: ButtonRow,
          x: (SCREEN.w - 360) / 2,
          y: 440,
          collision: POINTER_PATH,
          items: [{ id: 'continue', label: 'Start watching' }],
          signals: { select: '_onContinue' },
        },
      },
      Panel: {
        type: MessagePanel,
        y: 300,
        visible: false,
        collision: POINTER_PATH,
        signals: { action: '_onPanelAction' },
      },
    };
  }

  get phase(): Phase {
    return this._phase;
  }

  get code(): ActivationCode | undefined {
    return this._code;
  }

  override _active(): void {
    const { session, nav } = services();
    const provider = session.provider;
    if (!provider && !session.chooseOnPhone) return nav.to('providers');
    this._provider = provider;
    this._setLogo(provider);
    this.tag('Main.Title')!.text!.text = provider ? `Sign in with ${provider.displayName}` : 'Sign in on your phone';
    this._start();
  }

  override _inactive(): void {
    this._stop();
  }

  private _stop(): void {
    const { timers } = services();
    this._activation?.stop();
    this._activation = undefined;
    timers.clearInterval(this._tick);
    timers.clearTimeout(this._successTimer);
    timers.clearTimeout(this._badgeTimer);
    this._tick = this._successTimer = this._badgeTimer = undefined;
    setJourneyInfo({ activationCode: null, activationUrl: null });
  }

  private _setPhase(phase: Phase): void {
    this._phase = phase;
    this.tag('Main')!.visible = phase === 'code';
    this.tag('Waiting')!.visible = phase === 'starting';
    this.tag('Success')!.visible = phase === 'success';
    this.tag('Panel')!.visible = phase === 'failed';
    this.tag('Brand')!.visible = phase !== 'success';
    this._refocus();
  }

  /** The provider's logo (or name) on the QR card and the confirmation; a hint when the phone chooses. */
  private _setLogo(provider: Provider | undefined): void {
    for (const path of ['Main.QrPlate.LogoPlate.Logo', 'Success.LogoPlate.Logo'] as const) {
      const el = this.tag(path)!;
      const main = path.startsWith('Main');
      const label = provider ? provider.displayName : 'You’ll choose your provider on your phone';
      if (provider?.logoUrl)
        el.patch({ texture: Img(provider.logoUrl).contain(main ? QR_SIZE - 24 : 416, main ? 116 : 156) });
      else
        el.patch({
          text: {
            text: label,
            fontFace: FONT_FACE,
            fontSize: provider ? 40 : 28,
            fontStyle: 'bold',
            textColor: 0xff0b1020,
            wordWrapWidth: main ? QR_SIZE - 32 : 400,
            w: main ? QR_SIZE - 32 : 400,
            textAlign: 'center',
            maxLines: 2,
          },
        });
    }
  }

  private _start(): void {
    const provider = this._provider;
    this._stop();
    this._codesShown = 0;
    this._setPhase('starting');
    const { flows } = services();
    const activation = flows.startActivation(provider, {
      onCode: (code) => activation === this._activation && this._showCode(code),
      onSignedIn: (_profile, provider) => activation === this._activation && this._signedIn(provider),
      onExpired: () => activation === this._activation && this._expired(),
      onFailure: (failure) => activation === this._activation && this._fail(failure),
    });
    this._activation = activation;
  }

  private _showCode(code: ActivationCode): void {
    const isNew = this._codesShown++ > 0;
    this._code = code;
    setJourneyInfo({ activationCode: code.code, activationUrl: code.activationUrl });
    this.tag('Main.Step1')!.text!.text = 'On your phone or computer, go to';
    this.tag('Main.Url')!.text!.text = code.shortUrl;
    this.tag('Main.Step2')!.text!.text = 'and enter this code:';
    this.tag('Main.CodePlate.Code')!.text!.text = groupCode(code.code);
    this.tag('Main.QrPlate.Qr')!.content = code.activationUrl;
    if (isNew) this._flashBadge('New code');
    const { timers } = services();
    timers.clearInterval(this._tick);
    this._updateCountdown();
    this._tick = timers.setInterval(() => this._updateCountdown(), 1000);
    if (this._phase !== 'code') this._setPhase('code');
  }

  private _updateCountdown(): void {
    const ms = this._activation?.remainingMs() ?? 0;
    this.tag('Main.Countdown')!.text!.text =
      ms > 0 ? `Code expires in ${formatCountdown(ms)} · waiting for you to sign in…` : 'Getting a new code…';
  }

  private _flashBadge(label: string): void {
    const badge = this.tag('Main.CodePlate.Badge')!;
    badge.tag('Label')!.text!.text = label;
    badge.alpha = 1;
    const { timers } = services();
    timers.clearTimeout(this._badgeTimer);
    this._badgeTimer = timers.setTimeout(() => badge.setSmooth('alpha', 0, { duration: 0.4 }), 4000);
  }

  private _expired(): void {
    this.tag('Main.Countdown')!.text!.text = 'That code expired. Getting a new code…';
  }

  private _signedIn(provider: Provider): void {
    const { timers, session } = services();
    timers.clearInterval(this._tick);
    this._activation = undefined; // done: flows stopped polling by itself
    setJourneyInfo({ activationCode: null, activationUrl: null });
    if (!this._provider) {
      // The phone chose the provider: the flows resolved it from the profile (and persisted it).
      session.provider = provider;
      this._provider = provider;
      this._setLogo(provider);
    }
    const name = provider.displayName;
    this.tag('Success.Title')!.text!.text = `You’re signed in with ${name}`;
    this.tag('Success.Hint')!.text!.text = 'Enjoy your shows. Opening the catalog…';
    this._setPhase('success');
    this._successTimer = timers.setTimeout(() => this._onContinue(), SUCCESS_MS);
  }

  private _fail(failure: Failure): void {
    services().timers.clearInterval(this._tick);
    this._activation?.stop();
    this._activation = undefined;
    setJourneyInfo({ activationCode: null, activationUrl: null });
    const actions = failure.retryable || failure.kind === 'expired-code' ? [{ id: 'retry', label: 'Try again' }] : [];
    this.tag('Panel')!.content = failureContent(failure, 'Sign-in did not complete', [
      ...actions,
      { id: 'providers', label: 'Choose another provider', w: 500 },
    ]);
    this._setPhase('failed');
  }

  _onAction(id: string): void {
    if (id === 'new') {
      this.tag('Main.Countdown')!.text!.text = 'Getting a new code…';
      void this._activation?.newCode();
    } else this._toProviders();
  }

  _onPanelAction(id: string): void {
    if (id === 'retry') this._start();
    else this._toProviders();
  }

  _onContinue(): void {
    if (this._phase !== 'success') return;
    this._phase = 'starting';
    services().nav.to('catalog');
  }

  private _toProviders(): void {
    this._stop();
    services().nav.to('providers');
  }

  override _handleBack(): boolean | void {
    if (this._phase === 'success') {
      this._onContinue();
      return true;
    }
    this._toProviders();
    return true;
  }

  override _getFocused(): Lightning.Component | undefined {
    switch (this._phase) {
      case 'code':
        return this.tag('Main.Actions');
      case 'success':
        return this.tag('Success.Continue');
      case 'failed':
        return this.tag('Panel');
      default:
        return undefined;
    }
  }

  $pointerFocus(): void {
    // Only one focusable group is shown at a time; it follows the pointer itself.
  }
}
