/**
 * The viewer's accessibility and language settings as a row of buttons (Account places it): voice
 * guidance on/off, captions on/off and the language (Automatic → English → Español). OK changes the
 * focused setting at once in src/lib/preferences.ts — no controller needed; the App shell turns voice
 * guidance on or off and restarts the UI in another language, the player follows the caption choice.
 * Where the platform decides voice guidance or captions (Firebolt on RDK) the button says so and OK
 * explains where to change it. Left/Right move between the buttons.
 */
import { Lightning } from '@lightningjs/sdk';
import { setAnnouncement } from '../lib/announcer';
import { toast } from '../lib/events';
import { currentLanguage, languageName, LANGUAGES, t, type LanguageCode } from '../lib/language';
import { requestPointerFocus } from '../lib/pointer';
import { preferences, type Preferences } from '../lib/preferences';
import { COLORS, FONT_SIZE, SPACE, textStyle } from '../theme';
import { Button, BUTTON_SIZE } from './Button';

export type SettingId = 'voice' | 'captions' | 'language';

interface Spec extends Lightning.Component.TemplateSpec {
  Heading: object;
  Buttons: object;
}

/** Setting ids in display order. */
const IDS: readonly SettingId[] = ['voice', 'captions', 'language'];
/** Button widths: within the safe area with room for the focus scale; long enough for "Idioma: automático (English)". */
export const SETTING_W: Readonly<Record<SettingId, number>> = { voice: 500, captions: 460, language: 620 };
const HEADING_H = 52;

/** Lightning refs start with a capital. */
const refOf = (id: SettingId): string => id.charAt(0).toUpperCase() + id.slice(1);

/** Language choices in the order OK steps through them. */
const CHOICES: ReadonlyArray<Preferences['language']> = ['auto', ...LANGUAGES];

export class SettingsRow extends Lightning.Component<Spec> implements Lightning.Component.ImplementTemplateSpec<Spec> {
  private _index = 0;
  private _stop?: () => void;

  static override _template(): Lightning.Component.Template<Spec> {
    return {
      h: HEADING_H + BUTTON_SIZE.h,
      Heading: { text: textStyle(FONT_SIZE.caption, COLORS.textMuted, { fontStyle: 'bold' }) },
      Buttons: { y: HEADING_H },
    };
  }

  /** Setting ids in display order (tests, hooks). */
  get ids(): SettingId[] {
    return IDS.slice();
  }

  get index(): number {
    return this._index;
  }

  override _init(): void {
    const heading = t('settings.heading');
    this.tag('Heading')!.text!.text = heading;
    let x = 0;
    this.tag('Buttons')!.children = IDS.map((id) => {
      const at = x;
      x += SETTING_W[id] + SPACE.l;
      return {
        type: Button,
        ref: refOf(id),
        x: at,
        w: SETTING_W[id],
        h: BUTTON_SIZE.h,
        signals: { select: '_onSelect' },
      };
    });
    this.w = x - SPACE.l;
    // Said before the focused button when the row takes focus.
    setAnnouncement(this, { announce: heading });
    this._labels();
  }

  override _attach(): void {
    this._stop = preferences().subscribe(() => this._labels());
    this._labels();
  }

  override _detach(): void {
    this._stop?.();
    this._stop = undefined;
  }

  /** The button labels from the current settings. */
  private _labels(): void {
    const prefs = preferences();
    const p = prefs.get();
    const voice = prefs.platformManaged.voiceGuidance
      ? t('settings.voicePlatform')
      : t(p.voiceGuidance ? 'settings.voiceOn' : 'settings.voiceOff');
    const language =
      p.language === 'auto'
        ? t('settings.languageAuto', { language: languageName(currentLanguage()) })
        : t('settings.language', { language: languageName(p.language as LanguageCode) });
    const captions = prefs.platformManaged.captions
      ? t('settings.captionsPlatform')
      : t(p.captions.enabled ? 'settings.captionsOn' : 'settings.captionsOff');
    this._button('voice').label = voice;
    this._button('captions').label = captions;
    this._button('language').label = language;
  }

  /** The button of a setting (tests, hooks). */
  button(id: SettingId): Button {
    return this._button(id);
  }

  private _button(id: SettingId): Button {
    return this.tag('Buttons')!.childList.getByRef(refOf(id)) as unknown as Button;
  }

  /** OK (or a click) on a setting: change it. */
  _onSelect(button: Button): void {
    const i = this.tag('Buttons')!.children.indexOf(button as unknown as Lightning.Element);
    if (i >= 0) this._index = i;
    this.change(this.ids[this._index]!);
  }

  /** Voice guidance and captions on ↔ off; language Automatic → English → Español → Automatic. */
  change(id: SettingId): void {
    const prefs = preferences();
    const p = prefs.get();
    if (id === 'voice') {
      if (prefs.platformManaged.voiceGuidance) toast(t('settings.voicePlatformHint'));
      else prefs.set({ voiceGuidance: !p.voiceGuidance });
    } else if (id === 'captions') {
      if (prefs.platformManaged.captions) toast(t('settings.captionsPlatformHint'));
      else prefs.set({ captions: { ...p.captions, enabled: !p.captions.enabled } });
    } else {
      const next = CHOICES[(CHOICES.indexOf(p.language) + 1) % CHOICES.length]!;
      prefs.set({ language: next });
    }
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._button(this.ids[this._index]!) as unknown as Lightning.Component;
  }

  override _handleLeft(): boolean | void {
    if (this._index === 0) return false;
    this._index--;
    this._refocus();
  }

  override _handleRight(): boolean | void {
    if (this._index >= this.ids.length - 1) return false;
    this._index++;
    this._refocus();
  }

  $pointerFocus(child: Lightning.Component): void {
    const i = this.tag('Buttons')!.children.indexOf(child);
    if (i >= 0) this._index = i;
    this._refocus();
    requestPointerFocus(this);
  }
}
