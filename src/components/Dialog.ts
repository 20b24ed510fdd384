/**
 * Modal dialog: scrim over the whole screen, a centred panel with title, message, optional support
 * code and a row of action buttons. Reports `choose(id)` for a button and `choose(null)` for Back.
 * The App shell hosts it above the pages; pages never need to instantiate one themselves.
 * Voice guidance reads the title, message and code when the dialog takes focus, then the button.
 */
import { Lightning } from '@lightningjs/sdk';
import type { Speech } from '../lib/announcer';
import { t } from '../lib/language';
import { ButtonRow, ButtonRowItem } from './ButtonRow';
import { COLORS, FONT_FACE, FONT_SIZE, SCREEN, SPACE, FOCUS } from '../theme';

export interface DialogContent {
  title: string;
  message: string;
  code?: string;
  actions: ButtonRowItem[];
  /** Index of the button focused when the dialog opens. */
  focusIndex?: number;
}

export interface DialogTemplateSpec extends Lightning.Component.TemplateSpec {
  Scrim: object;
  Panel: {
    Title: object;
    Message: object;
    Code: object;
    Actions: typeof ButtonRow;
  };
}

export interface DialogSignals {
  choose(id: string | null): void;
}

export interface DialogTypeConfig extends Lightning.Component.TypeConfig {
  SignalMapType: DialogSignals;
}

const PANEL_W = 1080;
const PAD = SPACE.xl;

export class Dialog
  extends Lightning.Component<DialogTemplateSpec, DialogTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<DialogTemplateSpec>
{
  static override _template(): Lightning.Component.Template<DialogTemplateSpec> {
    return {
      w: SCREEN.w,
      h: SCREEN.h,
      visible: false,
      Scrim: { rect: true, w: SCREEN.w, h: SCREEN.h, color: COLORS.scrim, collision: true },
      Panel: {
        x: (SCREEN.w - PANEL_W) / 2,
        w: PANEL_W,
        rect: true,
        color: COLORS.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: 16 },
        Title: {
          x: PAD,
          y: PAD,
          text: {
            text: '',
            fontFace: FONT_FACE,
            fontSize: FONT_SIZE.title,
            textColor: COLORS.text,
            wordWrapWidth: PANEL_W - 2 * PAD,
            maxLines: 2,
          },
        },
        Message: {
          x: PAD,
          text: {
            text: '',
            fontFace: FONT_FACE,
            fontSize: FONT_SIZE.body,
            lineHeight: FONT_SIZE.body * 1.4,
            textColor: COLORS.textMuted,
            wordWrapWidth: PANEL_W - 2 * PAD,
            maxLines: 6,
          },
        },
        Code: {
          x: PAD,
          text: { text: '', fontFace: FONT_FACE, fontSize: FONT_SIZE.caption, textColor: COLORS.textMuted },
        },
        Actions: { type: ButtonRow, signals: { select: '_onSelect' } },
      },
    };
  }

  private _content: DialogContent | null = null;

  get content(): DialogContent | null {
    return this._content;
  }

  /** Fill and show; focus goes to `focusIndex` (0 by default). */
  open(content: DialogContent): void {
    this._content = content;
    this.tag('Panel.Title')!.patch({ text: { text: content.title } });
    this.tag('Panel.Message')!.patch({ text: { text: content.message } });
    this.tag('Panel.Code')!.patch({ text: { text: content.code ? t('common.code', { code: content.code }) : '' } });
    const actions = this.tag('Panel.Actions')!;
    actions.items = content.actions;
    actions.index = content.focusIndex ?? 0;
    // Estimate first so the panel appears at once; _init re-lays out when text is measured.
    this._layout();
    this.visible = true;
  }

  close(): void {
    this.visible = false;
    this._content = null;
  }

  get isOpen(): boolean {
    return this.visible && this._content !== null;
  }

  /** What voice guidance says when the dialog takes focus (the focused button follows). */
  get announce(): Speech {
    const c = this._content;
    return c ? [c.title, c.message, c.code ? t('common.code', { code: c.code }) : ''] : undefined;
  }

  override _init(): void {
    const relayout = (): void => this._layout();
    this.tag('Panel.Title')!.on('txLoaded', relayout);
    this.tag('Panel.Message')!.on('txLoaded', relayout);
  }

  private _layout(): void {
    const panel = this.tag('Panel')!;
    const actions = this.tag('Panel.Actions')!;
    const title = this.tag('Panel.Title')!;
    const message = this.tag('Panel.Message')!;
    const code = this.tag('Panel.Code')!;
    {
      const titleH = title.renderHeight || FONT_SIZE.title * 1.3;
      const messageY = PAD + titleH + SPACE.m;
      message.y = messageY;
      const messageH = message.renderHeight || FONT_SIZE.body * 1.4;
      const codeY = messageY + messageH + SPACE.s;
      code.y = codeY;
      const codeH = this._content?.code ? FONT_SIZE.caption * 1.4 : 0;
      const actionsY = codeY + codeH + SPACE.l + FOCUS.ringWidth;
      actions.y = actionsY;
      actions.x = (PANEL_W - actions.rowWidth) / 2;
      const h = actionsY + actions.h + PAD;
      panel.h = h;
      panel.y = (SCREEN.h - h) / 2;
    }
  }

  _onSelect(id: string): void {
    this.signal('choose', id);
  }

  override _getFocused(): Lightning.Component {
    return this.tag('Panel.Actions')!;
  }

  override _handleBack(): boolean | void {
    this.signal('choose', null);
  }

  /** Swallow pointer clicks on the scrim so nothing underneath reacts. */
  _handleClick(): void {}
}

export const EXIT_ACTIONS = { cancel: 'cancel', exit: 'exit' } as const;

/** The exit confirmation: Cancel first and focused by default, so a double Back never exits. */
export function exitDialogContent(appName: string): DialogContent {
  return {
    title: t('exit.title', { app: appName }),
    message: t('exit.message'),
    actions: [
      { id: EXIT_ACTIONS.cancel, label: t('common.cancel') },
      { id: EXIT_ACTIONS.exit, label: t('common.exit') },
    ],
    focusIndex: 0,
  };
}

export default Dialog;
