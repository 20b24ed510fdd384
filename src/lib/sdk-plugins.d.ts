// The SDK plugins the app wraps, imported by their own module so that plain-TypeScript code (controllers,
// src/lib) does not load Lightning core with them. The SDK's index re-exports these very modules (one
// instance each). Shapes: @lightningjs/sdk 5.5.7 src/Language/index.js and src/Accessibility/Announcer/Speech.js.
declare module '@lightningjs/sdk/src/Language/index.js' {
  const Language: {
    /** The current dictionary's text for `key` (the key itself when missing), `{name}` placeholders filled. */
    translate(key: string, params?: Record<string, string>): string;
    /** Replace all translations (`{ meta?, en: {...}, es: {...} }`; `meta` is removed from the object). */
    translations(all: Record<string, unknown>): void;
    /** Switch dictionaries (synchronous for inline dictionaries; the promise rejects for an unknown language). */
    set(language: string): Promise<void>;
    get(): string | null;
    available(): Array<{ code: string; name: string }>;
  };
  export default Language;
}

declare module '@lightningjs/sdk/src/Accessibility/Announcer/Speech.js' {
  /** One spoken series: strings (and nested arrays) in order, 'PAUSE-<seconds>' waits. */
  export interface SpeechSeries {
    readonly series: Promise<void>;
    readonly active: boolean;
    append(next: unknown): void;
    cancel(): void;
  }
  /** Cancels the previous series and speaks `toSpeak` with window.speechSynthesis in `lang`. */
  export default function speak(toSpeak: unknown, lang?: string): SpeechSeries;
}
