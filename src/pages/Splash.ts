/**
 * Boot screen: branded splash with progress while `flows.boot()` registers the app and checks the
 * profile; then the catalog (signed in), a small profile chooser (several valid profiles), or the
 * provider picker. A failure shows its message with a focused Retry (and Exit).
 */
import { Lightning } from '@lightningjs/sdk';
import type { BootOutcome, Failure, Provider, SignedInProfile } from '../flows/api';
import { backdrop, wordmark } from '../components/Backdrop';
import { ButtonRow } from '../components/ButtonRow';
import { formatValidity } from '../components/format';
import { failureContent, MessagePanel } from '../components/MessagePanel';
import { Spinner } from '../components/Spinner';
import { POINTER_PATH } from '../lib/pointer';
import { platform } from '../platform';
import { services } from '../services';
import { COLORS, FONT_FACE, FONT_SIZE, SAFE, SCREEN } from '../theme';

interface Spec extends Lightning.Component.TemplateSpec {
  Background: object;
  Brand: object;
  Progress: { Spinner: typeof Spinner; Status: object };
  Chooser: { Title: object; Hint: object; List: typeof ButtonRow };
  Panel: typeof MessagePanel;
}
interface TypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true;
}

type State = 'booting' | 'choosing' | 'failed';

/** Progress copy; the second line shows once registration has had time to finish. */
export const BOOT_STEPS = ['Registering this TV…', 'Checking your TV provider…'];
const STEP_MS = 700;

export class Splash
  extends Lightning.Component<Spec, TypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _phase: State = 'booting';
  private _run = 0;
  private _stepTimer?: ReturnType<typeof setTimeout>;
  private _profiles: SignedInProfile[] = [];

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      w: SCREEN.w,
      h: SCREEN.h,
      collision: POINTER_PATH,
      Background: backdrop(),
      Brand: { x: SCREEN.w / 2, y: 330, mountX: 0.5, ...wordmark(128) },
      Progress: {
        y: 600,
        w: SCREEN.w,
        Spinner: { type: Spinner, x: SCREEN.w / 2, mountX: 0.5 },
        Status: {
          y: 110,
          w: SCREEN.w,
          text: {
            text: BOOT_STEPS[0]!,
            fontFace: FONT_FACE,
            fontSize: FONT_SIZE.body,
            textColor: COLORS.textMuted,
            textAlign: 'center',
            wordWrapWidth: SCREEN.w,
            w: SCREEN.w,
          },
        },
      },
      Chooser: {
        visible: false,
        x: SAFE.x,
        y: 560,
        collision: POINTER_PATH,
        Title: {
          text: {
            text: 'Choose a sign-in',
            fontFace: FONT_FACE,
            fontSize: FONT_SIZE.title,
            fontStyle: 'bold',
            textColor: COLORS.text,
          },
        },
        Hint: {
          y: 76,
          text: {
            text: 'You are signed in with more than one TV provider on this device.',
            fontFace: FONT_FACE,
            fontSize: FONT_SIZE.body,
            textColor: COLORS.textMuted,
          },
        },
        List: { type: ButtonRow, y: 170, collision: POINTER_PATH, signals: { select: '_onChoose' } },
      },
      Panel: { type: MessagePanel, y: 330, visible: false, collision: POINTER_PATH, signals: { action: '_onAction' } },
    };
  }

  get phase(): State {
    return this._phase;
  }

  override _active(): void {
    void this._boot();
  }

  override _inactive(): void {
    this._run++;
    services().timers.clearTimeout(this._stepTimer);
  }

  private _show(state: State): void {
    this._phase = state;
    this.tag('Progress')!.visible = state === 'booting';
    this.tag('Brand')!.visible = state !== 'failed';
    this.tag('Brand')!.y = state === 'choosing' ? 200 : 330;
    this.tag('Chooser')!.visible = state === 'choosing';
    this.tag('Panel')!.visible = state === 'failed';
    this._refocus();
  }

  private async _boot(): Promise<void> {
    const run = ++this._run;
    const { flows, timers, nav } = services();
    this._show('booting');
    this.tag('Progress.Status')!.text!.text = BOOT_STEPS[0]!;
    timers.clearTimeout(this._stepTimer);
    this._stepTimer = timers.setTimeout(() => {
      if (run === this._run) this.tag('Progress.Status')!.text!.text = BOOT_STEPS[1]!;
    }, STEP_MS);
    const result = await flows.boot();
    if (run !== this._run) return;
    timers.clearTimeout(this._stepTimer);
    if (!result.ok) return this._fail(result.failure);
    services().session.booted = true;
    const outcome: BootOutcome = result.value;
    if (outcome.signedIn) return nav.to('catalog');
    if (outcome.profiles.length > 1) return this._choose(outcome.profiles);
    if (outcome.profiles.length === 1) {
      flows.chooseProfile(outcome.profiles[0]!);
      return nav.to('catalog');
    }
    nav.to('providers');
  }

  private async _choose(profiles: SignedInProfile[]): Promise<void> {
    this._profiles = profiles;
    const names = new Map<string, string>();
    const list = await services().flows.providers();
    if (list.ok) list.value.forEach((p: Provider) => names.set(p.id, p.displayName));
    const now = services().now();
    // Up to three (longest validity first) fit the row: "Acme Cable · until 31 Dec".
    this.tag('Chooser.List')!.patch({
      items: profiles.slice(0, 3).map((p, i) => ({
        id: String(i),
        label: `${names.get(p.mvpd) ?? p.mvpd} · ${formatValidity(p.notAfter, now)
          .replace('Valid until ', 'until ')
          .replace(/ \d{4},.*$/, '')}`,
        w: 540,
      })),
    });
    this._show('choosing');
  }

  private _fail(failure: Failure): void {
    this.tag('Panel')!.content = failureContent(failure, 'We could not start the app', [
      { id: 'retry', label: 'Retry' },
      { id: 'exit', label: 'Exit' },
    ]);
    this._show('failed');
  }

  _onChoose(id: string): void {
    const profile = this._profiles[Number(id)];
    if (!profile) return;
    services().flows.chooseProfile(profile);
    services().nav.to('catalog');
  }

  _onAction(id: string): void {
    if (id === 'retry') void this._boot();
    else platform.exit();
  }

  override _getFocused(): Lightning.Component | undefined {
    if (this._phase === 'choosing') return this.tag('Chooser.List');
    if (this._phase === 'failed') return this.tag('Panel');
    return undefined;
  }

  $pointerFocus(): void {
    // Focus already follows the hovered button inside the row/panel.
  }
}
