import { Lightning } from '@lightningjs/sdk';
import type { Failure } from '../flows/api';
import type { Speech } from '../lib/announcer';
import { serviceMessage, t } from '../lib/language';
import { COLORS, FONT_SIZE, SCREEN, SPACE, textStyle } from '../theme';
import { ButtonRow, type ButtonRowItem } from './ButtonRow';
import { Spinner } from './Spinner';
import { POINTER_PATH } from '../lib/pointer';
import { reportUserError } from '../lib/events';

/**
 * The centred message block every screen uses for its waiting, error and success states:
 * optional spinner, a title, a message, small details/code, and a row of actions (first focused).
 * Voice guidance reads all of it when its actions take focus.
 */
export interface PanelContent {
  title: string;
  message?: string;
  details?: string;
  code?: string;
  busy?: boolean;
  tone?: 'neutral' | 'error' | 'success';
  actions?: ButtonRowItem[];
}

interface Spec extends Lightning.Component.TemplateSpec {
  Spinner: typeof Spinner;
  Title: object;
  Message: object;
  Details: object;
  Code: object;
  Actions: typeof ButtonRow;
}

export interface MessagePanelSignals {
  action(id: string): void;
}
interface TypeConfig extends Lightning.Component.TypeConfig {
  SignalMapType: MessagePanelSignals;
}

const WIDTH = 1200;

export class MessagePanel
  extends Lightning.Component<Spec, TypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<Spec>
{
  private _content: PanelContent = { title: '' };

  static override _template(): Lightning.Component.Template<Spec> {
    const centred = { textAlign: 'center', wordWrapWidth: WIDTH, w: WIDTH } as const;
    const text = <E extends object>(fontSize: number, textColor: number, extra?: E) => ({
      text: textStyle(fontSize, textColor, { ...centred, ...extra }),
    });
    return {
      w: WIDTH,
      x: (SCREEN.w - WIDTH) / 2,
      Spinner: { type: Spinner, x: WIDTH / 2, mountX: 0.5, visible: false },
      Title: text(FONT_SIZE.title, COLORS.text, { fontStyle: 'bold', maxLines: 2 }),
      Message: text(FONT_SIZE.body + 2, COLORS.text, { maxLines: 4, lineHeight: 44 }),
      Details: text(FONT_SIZE.body, COLORS.textMuted, { maxLines: 3, lineHeight: 40 }),
      Code: text(FONT_SIZE.caption, COLORS.textMuted),
      Actions: { type: ButtonRow, collision: POINTER_PATH, signals: { select: '_onAction' } },
    };
  }

  get content(): PanelContent {
    return this._content;
  }

  set content(c: PanelContent) {
    this._content = c;
    const spinner = this.tag('Spinner')!;
    spinner.visible = Boolean(c.busy);
    const titleColor = c.tone === 'error' ? COLORS.error : c.tone === 'success' ? COLORS.success : COLORS.text;
    this.tag('Title')!.patch({ text: { text: c.title, textColor: titleColor } });
    this.tag('Message')!.patch({ visible: Boolean(c.message), text: { text: c.message ?? '' } });
    this.tag('Details')!.patch({ visible: Boolean(c.details), text: { text: c.details ?? '' } });
    this.tag('Code')!.patch({
      visible: Boolean(c.code),
      text: { text: c.code ? t('common.code', { code: c.code }) : '' },
    });
    const actions = this.tag('Actions')!;
    actions.items = c.actions ?? [];
    actions.index = 0;
    actions.visible = (c.actions ?? []).length > 0;
    this._layout();
  }

  /** What voice guidance says when the panel's actions take focus (the focused button follows). */
  get announce(): Speech {
    const c = this._content;
    return [c.title, c.message, c.details, c.code ? t('common.code', { code: c.code }) : ''];
  }

  /** Action ids in order (tests, hooks). */
  get actionIds(): string[] {
    return this.tag('Actions')!.ids;
  }

  get focusedAction(): string | undefined {
    const row = this.tag('Actions')!;
    return row.ids[row.index];
  }

  override _init(): void {
    // Text is measured when its texture is ready; stack again then.
    for (const ref of ['Title', 'Message', 'Details', 'Code'] as const)
      this.tag(ref)!.on('txLoaded', () => this._layout());
  }

  /** Stack the visible parts vertically: measured heights once rendered, estimates before that. */
  private _layout(): void {
    let y = 0;
    const place = (ref: 'Spinner' | 'Title' | 'Message' | 'Details' | 'Code', estimate: number, gap: number) => {
      const el = this.tag(ref)!;
      if (!el.visible) return;
      el.y = y;
      y += (el.renderHeight > 0 && ref !== 'Spinner' ? el.renderHeight : estimate) + gap;
    };
    const lines = (s: string | undefined, perLine: number) => Math.max(1, Math.ceil((s ?? '').length / perLine));
    place('Spinner', 72, SPACE.l);
    place('Title', 60 * lines(this._content.title, 44), SPACE.m);
    place('Message', 44 * Math.min(4, lines(this._content.message, 62)), SPACE.s);
    place('Details', 40 * Math.min(3, lines(this._content.details, 70)), SPACE.s);
    place('Code', 32, SPACE.s);
    const actions = this.tag('Actions')!;
    actions.y = y + SPACE.l;
    actions.x = (WIDTH - actions.rowWidth) / 2;
    this.h = actions.visible ? actions.y + 84 : y;
  }

  _onAction(id: string): void {
    this.signal('action', id);
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._content.actions?.length ? this.tag('Actions') : undefined;
  }
}

/**
 * Panel content for a Failure: its message, details and code, with the given actions. The app's own
 * messages are shown in the UI language; Adobe's and the MVPD's as given.
 */
export function failureContent(failure: Failure, title: string, actions: ButtonRowItem[]): PanelContent {
  // Every failure panel is built here right before it is shown: the one place to report it.
  reportUserError({ kind: failure.kind, message: failure.message, code: failure.code });
  return {
    title,
    message: serviceMessage(failure.message),
    details: failure.details ? serviceMessage(failure.details) : undefined,
    code: failure.code ?? (failure.trace ? t('common.trace', { trace: failure.trace }) : undefined),
    tone: 'error',
    actions,
  };
}
