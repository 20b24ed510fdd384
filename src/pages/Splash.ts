/**
 * Boot screen view: branded splash with progress while the app registers and checks the profile, a
 * profile chooser (several valid profiles: a scrolling list of any length), or the failure with a focused Retry (and Exit).
 * The logic is src/controllers/splash.ts. Voice guidance: the app's name when the splash appears, the
 * progress line (BusyOverlay), the chooser's title and hint with the focused profile, the failure panel.
 */
import { Lightning } from '@lightningjs/sdk';
import { BusyOverlay } from '../components/BusyOverlay';
import { Reveal } from '../components/reveal';
import { failureContent } from '../components/MessagePanel';
import { messagePanel, pageFrame, type FramedPageSpec, type PageTypeConfig } from '../components/PageFrame';
import { listBleed, ProfileList } from '../components/ProfileList';
import { BOOT_STEPS, SplashController, type SplashState } from '../controllers/splash';
import { setAnnouncement, type Speech } from '../lib/announcer';
import { t } from '../lib/language';
import { POINTER_PATH } from '../lib/pointer';
import { appName } from '../lib/settings';
import { platform } from '../platform';
import { services } from '../services';
import { COLORS, FONT_SIZE, SAFE, SCREEN, textStyle } from '../theme';

export { BOOT_STEPS };

interface Spec extends FramedPageSpec {
  Progress: typeof BusyOverlay;
  Chooser: { Title: object; Hint: object; List: typeof ProfileList };
}

export class Splash
  extends Lightning.Component<Spec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _ctl = new SplashController(services(), () => platform.exit());
  private _shown: SplashState = this._ctl.state;
  private _reveal = new Reveal(
    () => services().timers,
    () => this._render(this._ctl.state),
  );

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      ...pageFrame({ x: SCREEN.w / 2, y: 330, mountX: 0.5 }, 128),
      Progress: { type: BusyOverlay, y: 600 },
      Chooser: {
        visible: false,
        x: SAFE.x,
        y: 320,
        collision: POINTER_PATH,
        Title: { text: textStyle(FONT_SIZE.title, COLORS.text, { fontStyle: 'bold' }) },
        Hint: {
          y: 76,
          text: textStyle(FONT_SIZE.body, COLORS.textMuted, { wordWrapWidth: SAFE.w, maxLines: 2 }),
        },
        List: {
          type: ProfileList,
          x: -listBleed(1200),
          y: 150,
          rowWidth: 1200,
          visibleRows: 4,
          collision: POINTER_PATH,
          signals: { select: '_onChoose' },
        },
      },
      Panel: messagePanel(330, '_onAction'),
    };
  }

  get phase(): SplashState['kind'] {
    return this._ctl.state.kind;
  }

  /** Said when the splash takes focus (app start): the app's name; the progress line follows. */
  get announce(): Speech {
    return appName();
  }

  override _init(): void {
    this.tag('Chooser.Title')!.text!.text = t('splash.chooserTitle');
    this.tag('Chooser.Hint')!.text!.text = t('splash.chooserHint');
    // The chooser's row says what it is for when it takes focus (the focused profile follows).
    setAnnouncement(this.tag('Chooser.List')!, { announce: [t('splash.chooserTitle'), t('splash.chooserHint')] });
    this.tag('Progress')!.label = t(BOOT_STEPS[0]);
    this._ctl.subscribe((state) => this._render(state));
  }

  /** Whether the splash draws anything yet (see REVEAL_DELAY_MS). */
  get revealed(): boolean {
    return this._reveal.revealed;
  }

  override _active(): void {
    this._reveal.hold();
    this._render(this._ctl.state);
    void this._ctl.boot();
  }

  override _inactive(): void {
    this._reveal.cancel();
    this._ctl.stop();
  }

  private _render(s: SplashState): void {
    const drawn = this._reveal.drawn(s.kind === 'booting');
    const prev = this._shown;
    this._shown = s;
    this.tag('Background')!.visible = drawn;
    this.tag('Progress')!.visible = drawn && s.kind === 'booting';
    this.tag('Brand')!.visible = drawn && s.kind !== 'failed';
    this.tag('Brand')!.y = s.kind === 'choosing' ? 150 : 330;
    this.tag('Chooser')!.visible = s.kind === 'choosing';
    this.tag('Panel')!.visible = s.kind === 'failed';
    if (s.kind === 'booting') this.tag('Progress')!.label = s.step;
    if (s.kind === 'choosing' && prev !== s) {
      // "Acme Cable · Signed in · until 31 Dec": provider, type and validity, every profile (the list scrolls).
      this.tag('Chooser.List')!.items = s.choices.map((c, i) => ({ id: String(i), label: c.label }));
    }
    if (s.kind === 'failed' && prev !== s) this.tag('Panel')!.content = failureContent(s.failure, s.title, s.actions);
    this._refocus();
  }

  _onChoose(id: string): void {
    this._ctl.choose(Number(id));
  }

  _onAction(id: string): void {
    this._ctl.panelAction(id);
  }

  override _getFocused(): Lightning.Component | undefined {
    if (this._ctl.state.kind === 'choosing') return this.tag('Chooser.List');
    if (this._ctl.state.kind === 'failed') return this.tag('Panel');
    return undefined;
  }

  $pointerFocus(): void {
    // Focus already follows the hovered button inside the row/panel.
  }
}
