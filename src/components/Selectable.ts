/**
 * Base of every focusable item that can be chosen (Button, PosterTile, ProviderTile, the rail's
 * letters): OK on the remote, or a pointer click, reports `select(this)`; hovering asks the nearest
 * container to move focus here (`$pointerFocus`, src/lib/pointer.ts). Subclasses draw their own focus
 * style. Clicks outside the pointer scope (behind a modal) are ignored.
 *
 * Voice guidance: what the item says when it gets focus is `announce` (src/lib/announcer.ts reads it
 * from the focus path). By default its `label`; subclasses override `_speech()` (a tile: title and lock
 * reason), owners may set `announce` outright.
 */
import { Lightning } from '@lightningjs/sdk';
import type { SpeechValue } from '../lib/announcer';
import { inPointerScope, requestPointerFocus } from '../lib/pointer';
import { FOCUS } from '../theme';

/** Signals of a selectable item: `select` with the item itself. */
export interface SelectableSignals<T> {
  select(item: T): void;
}

/** Type config for a selectable item of type T (add your own signals by extending it). */
export interface SelectableTypeConfig<T> extends Lightning.Component.TypeConfig {
  SignalMapType: SelectableSignals<T>;
}

type Emitter = { signal(event: 'select', item: unknown): void };

export abstract class Selectable<
  Spec extends Lightning.Component.TemplateSpec = Lightning.Component.TemplateSpec,
  Config extends Lightning.Component.TypeConfig = Lightning.Component.TypeConfig,
> extends Lightning.Component<Spec, Config> {
  private _announce: SpeechValue = undefined;

  /** What voice guidance says when this item gets focus (set by the owner, else `_speech()`). */
  get announce(): SpeechValue {
    return this._announce !== undefined ? this._announce : () => this._speech();
  }

  set announce(value: SpeechValue) {
    this._announce = value;
  }

  /** The default announcement: the item's label, when it has one. */
  protected _speech(): SpeechValue {
    const label = (this as unknown as { label?: unknown }).label;
    return typeof label === 'string' && label ? label : undefined;
  }

  /** Report this item as chosen. */
  protected _select(): void {
    (this as unknown as Emitter).signal('select', this);
  }

  override _handleEnter(): boolean | void {
    this._select();
  }

  /** Pointer hover: ask the container to move focus here (and let the hover reach the page too). */
  _handleHover(): boolean {
    requestPointerFocus(this._component());
    return false;
  }

  /** Pointer click: focus, then select (the same as OK on the remote). */
  _handleClick(): boolean | void {
    if (!inPointerScope(this._component())) return;
    requestPointerFocus(this._component());
    this._select();
  }

  /** The app's focus lift: scale up and show the `Ring` child (every selectable item has one). */
  protected _lift(on: boolean): void {
    const self = this._component();
    self.setSmooth('scale', on ? FOCUS.scale : 1, FOCUS.transition);
    self.tag('Ring')?.setSmooth('alpha', on ? 1 : 0, FOCUS.transition);
  }

  /** This item as the plain component the pointer helpers take (the generic spec hides that it is one). */
  private _component(): Lightning.Component {
    return this as unknown as Lightning.Component;
  }
}
