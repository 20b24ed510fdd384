/**
 * Root component: router outlet, global overlay (toasts, question dialog, exit dialog) and Back policy.
 * Back on a home route (routes.ts HOME_ROUTES) or with no history opens the exit dialog (Cancel
 * focused); the SDK never closes the app by itself. Confirming exits the platform's way.
 *
 * Also the viewer's settings: the start-up language (SDK `language()` hook, before any page exists),
 * voice guidance (every focus change goes to the announcer; on or off as the platform or the app's
 * setting says), the platform's caption settings, and a restart when the viewer changes the language.
 */
import { Lightning, Router, Utils } from '@lightningjs/sdk';
import { ROUTES, HOME_ROUTES } from './routes';
import { Dialog, DialogContent, EXIT_ACTIONS, exitDialogContent } from './components/Dialog';
import { Toast } from './components/Toast';
import { COLORS, SCREEN } from './theme';
import { AskChoice, AskOptions, registerShell } from './lib/events';
import { POINTER_PATH, setPointerScope } from './lib/pointer';
import { installTestHook } from './lib/testHook';
import { platform, setCloseApp } from './platform';
import { Log } from './lib/log';
import { appName } from './lib/settings';
import { Registry } from './lib/registry';
import { announcer, followVoiceGuidance } from './lib/announcer';
import { chooseLanguage, currentLanguage, t, TRANSLATIONS_FILE } from './lib/language';
import { preferences, type Preferences } from './lib/preferences';
import type { PlatformCaptions } from './player/captions';
import { platformUserSettings, type PlatformUserSettings } from './platform/userSettings';

export interface AppTemplateSpec extends Router.App.TemplateSpecLoose {
  Overlay: {
    Toast: typeof Toast;
    Dialog: typeof Dialog;
  };
}

/** The SDK's Application adds closeApp() to Lightning's. */
interface SdkApplication {
  closeApp(): void;
}

/** The exit confirmation, or a page's question (reported as "error" to the test hook, as before). */
type OpenDialog = { kind: 'exit' } | { kind: 'error'; resolve: (choice: AskChoice) => void };

let userSettings: PlatformUserSettings | undefined;
let preferencesAttached = false;

/**
 * The platform's view of the viewer's settings. RDK: Firebolt's language, voice guidance and caption
 * settings (src/platform/firebolt.ts; none without a real Firebolt transport).
 */
function settingsSource(): PlatformUserSettings {
  if (!userSettings) userSettings = platformUserSettings(platform.name, platform.fireboltUserSettings());
  return userSettings;
}

/** The viewer's stored settings (once per run, before the language is chosen). */
function attachPreferences(): void {
  if (preferencesAttached) return;
  preferencesAttached = true;
  preferences().attach(platform.storage);
}

/** How the UI restarts in another language (templates are built once per class): a reload. */
let restart = (): void => window.location.reload();

/** Replace the restart (tests). */
export function setRestart(fn: () => void): void {
  restart = fn;
}

/** How long the "Changing the language…" notice shows before the restart. */
export const RESTART_DELAY_MS = 800;

export class App extends Router.App<AppTemplateSpec> {
  private _dialog: OpenDialog | null = null;
  private _homeRoutes: readonly string[] = HOME_ROUTES;
  private _stops: Array<() => void> = [];

  /**
   * SDK start-up hook, awaited before the App is created: static/translations.json in the language to
   * start in (the viewer's choice in Account, else the platform's; chooseLanguage never rejects).
   */
  static language(): { file: string; language: Promise<string> } {
    attachPreferences();
    const language = chooseLanguage({ preference: preferences().get().language, platform: settingsSource().language });
    return { file: Utils.asset(TRANSLATIONS_FILE), language };
  }

  static override _template(): Lightning.Component.Template<AppTemplateSpec> {
    return {
      w: SCREEN.w,
      h: SCREEN.h,
      // Nothing full-screen behind the pages: each page draws its own background (the player none, so
      // the video shows through), and an invisible full-screen quad still costs a blend on every frame.
      Pages: { forceZIndexContext: true },
      Widgets: {},
      Loading: {
        rect: true,
        w: SCREEN.w,
        h: SCREEN.h,
        color: COLORS.background,
        visible: false,
        zIndex: 99,
        Label: {
          mount: 0.5,
          x: SCREEN.w / 2,
          y: SCREEN.h / 2,
          text: { text: t('common.loading'), textColor: COLORS.text },
        },
      },
      Overlay: {
        zIndex: 200,
        Toast: { type: Toast },
        Dialog: { type: Dialog, signals: { choose: '_onDialogChoose' } },
      },
    };
  }

  override _setup(): void {
    Router.startRouter(ROUTES, this);
    // The router installs its own _handleBack (history step, then closeApp): replace it with ours.
    this._handleBack = (e?: KeyboardEvent): boolean | void => this._onBack(e);
    setCloseApp(() => (this.application as unknown as SdkApplication).closeApp());
    registerShell({
      toast: (text, ms) => this.tag('Overlay.Toast')!.show(text, ms),
      ask: (options) => this.ask(options),
    });
    installTestHook({
      application: this.application,
      dialog: () => (this._dialog ? this._dialog.kind : null),
      toast: () => this.tag('Overlay.Toast')!.current,
      platform: () => platform.name,
    });
    this._followSettings();
  }

  override _detach(): void {
    registerShell(null);
    for (const stop of this._stops.splice(0)) stop();
  }

  /** Voice guidance, captions and the language follow the platform's settings or the viewer's. */
  private _followSettings(): void {
    attachPreferences();
    const source = settingsSource();
    const prefs = preferences();
    prefs.setPlatformManaged({ voiceGuidance: !!source.voiceGuidance, captions: !!source.closedCaptions });
    this._stops.push(
      followVoiceGuidance(announcer, {
        platform: source.voiceGuidance,
        app: {
          get: () => prefs.get().voiceGuidance,
          subscribe: (cb) =>
            prefs.subscribe((next, prev) => next.voiceGuidance !== prev.voiceGuidance && cb(next.voiceGuidance)),
        },
        confirmation: () => t('a11y.voiceOn'),
      }),
      prefs.subscribe((next, prev) => {
        if (next.language !== prev.language) void this._languageChosen(next.language);
      }),
    );
    const cc = source.closedCaptions;
    if (cc) {
      // The captions module comes with the player's chunk: only a platform that manages captions loads it
      // this early. Every call waits on the same module load, so the settings apply in the order they came.
      const follow = (settings: PlatformCaptions): void =>
        void import('./player/captions').then((m) => m.captions.followPlatform(settings)).catch(() => undefined);
      cc.get()
        .then(follow)
        .catch(() => undefined);
      this._stops.push(cc.listen(follow));
    }
  }

  /** The viewer changed the language setting: restart when that changes the language on screen. */
  private async _languageChosen(choice: Preferences['language']): Promise<void> {
    const code = await chooseLanguage({ preference: choice, platform: settingsSource().language });
    if (code !== currentLanguage()) this._changeLanguage();
  }

  /** Say so, then restart the UI in the new language. */
  private _changeLanguage(): void {
    this.tag('Overlay.Toast')!.show(t('settings.changingLanguage'), RESTART_DELAY_MS + 1000);
    Registry.setTimeout(() => restart(), RESTART_DELAY_MS);
  }

  // --- voice guidance: every focus change goes to the announcer (what is said comes from the path) ---
  private _path = (): readonly unknown[] | undefined => this.application?.focusPath;

  override _focus(): void {
    announcer.focusChanged(this._path);
  }

  override _focusChange(): void {
    announcer.focusChanged(this._path);
  }

  /** Routes on which Back opens the exit dialog (the UI can change the home set at run time). */
  set homeRoutes(routes: readonly string[]) {
    this._homeRoutes = routes;
  }

  get homeRoutes(): readonly string[] {
    return this._homeRoutes;
  }

  private _isHome(): boolean {
    const route = Router.getActiveRoute();
    return route !== undefined && this._homeRoutes.indexOf(route) >= 0;
  }

  private _onBack(e?: KeyboardEvent): boolean | void {
    if (e && typeof e.preventDefault === 'function') e.preventDefault();
    if (this._dialog) return; // the dialog has focus and handles Back itself
    if (this._isHome() || Router.getHistory().length === 0) {
      this.openExitDialog();
      return;
    }
    Router.back();
  }

  /** Called by the router when Back runs out of history. */
  override _handleAppClose(): void {
    this.openExitDialog();
  }

  openExitDialog(): void {
    this._openDialog({ kind: 'exit' }, exitDialogContent(appName()));
  }

  ask(options: AskOptions): Promise<AskChoice> {
    // A newer question replaces an open one (the older one resolves as dismissed).
    if (this._dialog && this._dialog.kind === 'error') this._dialog.resolve(null);
    return new Promise<AskChoice>((resolve) => {
      const labels = options.actions && options.actions.length ? options.actions : [t('common.ok')];
      const content: DialogContent = {
        title: options.title ?? t('common.somethingWrong'),
        message: options.message,
        code: options.code,
        actions: labels.map((label) => ({ id: label, label })),
        focusIndex: 0,
      };
      this._openDialog({ kind: 'error', resolve }, content);
    });
  }

  private _openDialog(dialog: OpenDialog, content: DialogContent): void {
    this._dialog = dialog;
    const view = this.tag('Overlay.Dialog')!;
    view.open(content);
    setPointerScope(view);
    // Stop the pointer reaching pages behind the modal (restored on close).
    this.tag('Pages')!.collision = false;
    this._setState('Modal');
  }

  private _closeDialog(): void {
    this.tag('Overlay.Dialog')!.close();
    setPointerScope(null);
    // Searched for pointer targets again, but not a target itself.
    this.tag('Pages')!.collision = POINTER_PATH;
    this._dialog = null;
    this._setState('');
  }

  _onDialogChoose(id: string | null): void {
    const dialog = this._dialog;
    if (!dialog) return;
    this._closeDialog();
    if (dialog.kind === 'exit') {
      if (id === EXIT_ACTIONS.exit) {
        Log.info('Exit confirmed', { platform: platform.name });
        platform.exit();
      }
    } else {
      dialog.resolve(id);
    }
  }

  static override _states(): Lightning.Component.Constructor[] {
    return [
      ...super._states(),
      class Modal extends this {
        override _getFocused(): Lightning.Component {
          return this.tag('Overlay.Dialog')!;
        }
      },
    ];
  }
}

export default App;
