/**
 * What the shared components say to voice guidance, and their text in Spanish: each is mounted alone
 * (mountComponent), the announcer speaks into a recorder, and the focus path is handed to it as the App
 * shell does on every focus change. Also SettingsRow (the Account settings) and CaptionsView.
 */
import type { Lightning } from '@lightningjs/sdk';
import { BusyOverlay } from '../../src/components/BusyOverlay';
import { Button } from '../../src/components/Button';
import { CaptionsView } from '../../src/components/CaptionsView';
import { Dialog, exitDialogContent } from '../../src/components/Dialog';
import { failureContent, MessagePanel } from '../../src/components/MessagePanel';
import { SettingsRow } from '../../src/components/SettingsRow';
import { Toast } from '../../src/components/Toast';
import { formatValidity, groupCode, spellCode, spokenCountdown, codeCountdownLine } from '../../src/components/format';
import { announcer, type SpeechPort } from '../../src/lib/announcer';
import { registerShell } from '../../src/lib/events';
import { installTranslations } from '../../src/lib/language';
import { PreferencesStore, setPreferences } from '../../src/lib/preferences';
import { styleFrom } from '../../src/player/captions';
import { mountComponent, type MountedComponent } from '../support/mountComponent';
import { TRANSLATIONS } from '../support/translations';

const said: Array<{ phrases: string[]; lang: string; append: boolean }> = [];
const port: SpeechPort = {
  speak: (phrases, lang, append = false) => said.push({ phrases, lang, append }),
  cancel: () => undefined,
};

let m: MountedComponent<Lightning.Component> | undefined;

beforeAll(() => {
  announcer.usePort(port);
  announcer.setEnabled(true);
});
afterAll(() => announcer.setEnabled(false));
afterEach(() => {
  m?.destroy();
  m = undefined;
  said.length = 0;
  installTranslations(TRANSLATIONS, 'en');
  setPreferences(undefined);
  announcer.setEnabled(false);
  announcer.setEnabled(true);
});

async function mount<T extends Lightning.Component>(
  Type: new (...args: never[]) => T,
  props: Record<string, unknown> = {},
  signals: string[] = [],
): Promise<MountedComponent<T>> {
  const mounted = await mountComponent(Type, props, signals);
  m = mounted as unknown as MountedComponent<Lightning.Component>;
  return mounted;
}

/** As the App shell does: the focus path to the announcer, spoken at once. */
function focusSpeech(app: Lightning.Application): string[] {
  said.length = 0;
  announcer.focusChanged(() => app.focusPath);
  announcer.flush();
  return said.flatMap((s) => s.phrases);
}

describe('Button', () => {
  it('says its label and that it is a button, in the UI language', async () => {
    const b = await mount(Button, { label: 'Retry' });
    expect(focusSpeech(b.app)).toEqual(['Retry, button']);
    installTranslations(TRANSLATIONS, 'es');
    b.component.label = 'Reintentar';
    announcer.setEnabled(false);
    announcer.setEnabled(true);
    expect(focusSpeech(b.app)).toEqual(['Reintentar, botón']);
    expect(said[0]!.lang).toBe('es-US');
  });

  it('an owner’s announcement replaces the default', async () => {
    const b = await mount(Button, { label: 'Harbor Lights' });
    b.component.announce = ['Harbor Lights', 'Locked. Not included in your TV package.'];
    expect(focusSpeech(b.app)).toEqual(['Harbor Lights', 'Locked. Not included in your TV package.']);
  });
});

describe('Dialog', () => {
  it('reads its title, message and code, then the focused button', async () => {
    const d = await mount(Dialog);
    d.component.open({
      title: 'Sign out?',
      message: 'You will need to sign in again.',
      code: 'E42',
      actions: [{ id: 'a', label: 'Sign out' }],
    });
    d.app._refocus();
    expect(focusSpeech(d.app)).toEqual([
      'Sign out?',
      'You will need to sign in again.',
      'Code: E42',
      'Sign out, button',
    ]);
  });

  it('the exit dialog in Spanish', async () => {
    installTranslations(TRANSLATIONS, 'es');
    const d = await mount(Dialog);
    d.component.open(exitDialogContent('DemoTV'));
    d.app._refocus();
    expect(focusSpeech(d.app)).toEqual([
      '¿Salir de DemoTV?',
      'Puedes volver cuando quieras. Tu sesión seguirá iniciada.',
      'Cancelar, botón',
    ]);
    expect(d.component.tag('Panel.Title')!.text!.text).toBe('¿Salir de DemoTV?');
  });
});

describe('MessagePanel', () => {
  it('reads the failure; the app’s own message is translated, the MVPD’s is shown and said as given', async () => {
    installTranslations(TRANSLATIONS, 'es');
    const p = await mount(MessagePanel);
    p.component.content = failureContent(
      {
        kind: 'network',
        message: 'The catalog could not be reached. Check the connection and try again.',
        retryable: true,
        trace: 'abc',
      },
      'No pudimos cargar el catálogo',
      [{ id: 'retry', label: 'Reintentar' }],
    );
    p.app._refocus();
    expect(focusSpeech(p.app)).toEqual([
      'No pudimos cargar el catálogo',
      'No se puede conectar con el catálogo. Revisa la conexión e inténtalo de nuevo.',
      'Código: seguimiento abc',
      'Reintentar, botón',
    ]);
    p.component.content = failureContent(
      {
        kind: 'denied',
        message: 'Your TV package does not include this channel.',
        details: 'Upgrade to Premium.',
        code: 'authorization_denied_by_mvpd',
        retryable: false,
      },
      'No puedes ver “Derby Day”',
      [{ id: 'back', label: 'Volver' }],
    );
    expect(p.component.tag('Message')!.text!.text).toBe('Your TV package does not include this channel.');
    expect(p.component.tag('Details')!.text!.text).toBe('Upgrade to Premium.');
    expect(p.component.tag('Code')!.text!.text).toBe('Código: authorization_denied_by_mvpd');
  });
});

describe('things that take no focus', () => {
  it('BusyOverlay says its line when it appears and when the line changes, after what is being said', async () => {
    const b = await mount(BusyOverlay, { label: 'Registering this TV…' });
    expect(said).toEqual([{ phrases: ['Registering this TV…'], lang: 'en-US', append: true }]);
    b.component.label = 'Checking your TV provider…';
    b.component.label = 'Checking your TV provider…';
    expect(said.map((s) => s.phrases[0])).toEqual(['Registering this TV…', 'Checking your TV provider…']);
    b.component.visible = false;
    b.component.label = 'Hidden';
    expect(said).toHaveLength(2);
  });

  it('Toast says each message as it appears', async () => {
    const t = await mount(Toast);
    t.component.show('Captions off');
    t.component.show('Queued');
    expect(said.map((s) => [s.phrases[0], s.append])).toEqual([['Captions off', true]]);
    t.component.clear();
  });
});

describe('SettingsRow (Account)', () => {
  it('shows the settings, OK changes the focused one in the preferences, Left/Right move', async () => {
    const prefs = new PreferencesStore();
    setPreferences(prefs);
    const toasts: string[] = [];
    registerShell({ toast: (text) => toasts.push(text), ask: async () => null });
    const r = await mount(SettingsRow);
    const labels = () => r.component.ids.map((id) => r.component.button(id).label);
    expect(labels()).toEqual(['Voice guidance: Off', 'Captions: Off', 'Language: Automatic (English)']);
    expect(focusSpeech(r.app)).toEqual(['ACCESSIBILITY AND LANGUAGE', 'Voice guidance: Off, button']);
    r.press('Enter');
    expect(prefs.get().voiceGuidance).toBe(true);
    expect(labels()[0]).toBe('Voice guidance: On');
    r.press('Right');
    r.press('Enter');
    expect(prefs.get().captions).toEqual({ enabled: true });
    expect(labels()[1]).toBe('Captions: On');
    r.press('Right');
    r.press('Enter');
    expect(prefs.get().language).toBe('en');
    r.press('Enter');
    expect(prefs.get().language).toBe('es');
    expect(labels()[2]).toBe('Language: Español');
    r.press('Enter');
    expect(prefs.get().language).toBe('auto');
    // Where the platform decides voice guidance, the button says so and OK explains.
    prefs.setPlatformManaged({ voiceGuidance: true });
    prefs.set({ voiceGuidance: false });
    expect(labels()[0]).toBe('Voice guidance: TV setting');
    r.press('Left');
    r.press('Left');
    r.press('Enter');
    expect(prefs.get().voiceGuidance).toBe(false);
    expect(toasts).toEqual(['Voice guidance follows your TV’s accessibility settings.']);
    registerShell(null);
  });
});

describe('CaptionsView', () => {
  it('shows lines on a box at the bottom, above the controls when lifted, in the platform’s style', async () => {
    const v = await mount(CaptionsView);
    expect(v.component.visible).toBe(false);
    v.component.lines = ['[steady 392 Hz tone]', 'caption 1 of 3'];
    expect(v.component.visible).toBe(true);
    expect(v.component.tag('Text')!.text!.text).toBe('[steady 392 Hz tone]\ncaption 1 of 3');
    const box = v.component.tag('Box')!;
    const low = box.y + box.h;
    v.component.lifted = true;
    expect(box.y + box.h).toBeLessThan(low - 150);
    v.component.style = styleFrom({ fontSize: 1.5, fontColor: '#ffff00', backgroundOpacity: 0 });
    expect(v.component.tag('Text')!.text!.fontSize).toBe(69);
    expect(v.component.tag('Text')!.text!.textColor).toBe(0xffffff00);
    expect(box.color).toBe(0x00000000);
    v.component.lines = [];
    expect(v.component.visible).toBe(false);
  });
});

describe('format (spoken and Spanish)', () => {
  it('reads an activation code one character at a time and the time left in words', () => {
    expect(spellCode(groupCode('ABC1234'))).toBe('A, B, C, 1, 2, 3, 4');
    expect(spokenCountdown(245_000)).toBe('The code expires in 4 minutes and 5 seconds');
    expect(spokenCountdown(9_500)).toBe('The code expires in 10 seconds');
  });

  it('dates, countdown lines and spoken forms in Spanish', () => {
    installTranslations(TRANSLATIONS, 'es');
    const d = new Date(2027, 11, 4, 9, 5).getTime();
    expect(formatValidity(d, 0)).toBe('Válido hasta el 4 dic 2027, 09:05');
    expect(formatValidity(0, 1)).toBe('Vencido');
    expect(codeCountdownLine({ kind: 'running', remainingMs: 61_000 })).toBe(
      'El código vence en 01:01 · esperando que inicies sesión…',
    );
    expect(spokenCountdown(61_000)).toBe('El código vence en 1 minuto y 1 segundo');
    expect(spokenCountdown(120_000)).toBe('El código vence en 2 minutos');
  });
});
