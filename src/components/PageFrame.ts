/**
 * The template blocks every journey page shares: the full-screen frame (backdrop + wordmark, pointer
 * path), the page title and subtitle, and the centred message panel for failures. Pages spread these
 * into their `_template()` so the screens stay alike without copies. `pageSpeech()` is what voice
 * guidance says when such a page takes focus: its visible title and subtitle.
 */
import { Lightning } from '@lightningjs/sdk';
import type { Speech } from '../lib/announcer';
import { POINTER_PATH } from '../lib/pointer';
import { COLORS, FONT_SIZE, SAFE, SCREEN, textStyle } from '../theme';
import { backdrop, wordmark } from './Backdrop';
import { MessagePanel } from './MessagePanel';

/** Type config of a routed page. */
export interface PageTypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true;
}

/** The refs `pageFrame()` and `messagePanel()` add to a page's template spec. */
export interface FramedPageSpec extends Lightning.Component.TemplateSpec {
  Background: object;
  Brand: object;
  Panel: typeof MessagePanel;
}

/** Screen-sized, pointer-searchable, with the backdrop and the wordmark (top left by default). */
export function pageFrame(brand: { x: number; y: number; mountX?: number } = { x: SAFE.x, y: SAFE.y }, size = 40) {
  return {
    w: SCREEN.w,
    h: SCREEN.h,
    collision: POINTER_PATH,
    Background: backdrop(),
    Brand: { ...brand, ...wordmark(size) },
  };
}

/** The page's headline under the wordmark. */
export function pageTitle(text = '') {
  return { x: SAFE.x, y: 128, text: textStyle(FONT_SIZE.headline, COLORS.text, { fontStyle: 'bold', text }) };
}

/** One line of explanation under the headline. */
export function pageSubtitle(text: string) {
  return { x: SAFE.x, y: 214, text: textStyle(FONT_SIZE.body, COLORS.textMuted, { text }) };
}

/** The failure panel (hidden until a failure), its buttons reported to `handler`. */
export function messagePanel(y: number, handler = '_onPanelAction') {
  return {
    type: MessagePanel,
    y,
    visible: false,
    collision: POINTER_PATH,
    signals: { action: handler },
  };
}

/** The visible `Title` and `Subtitle` of a framed page, for its `announce` (read when spoken). */
export function pageSpeech(page: Lightning.Component): Speech {
  const said: string[] = [];
  for (const ref of ['Title', 'Subtitle']) {
    const el = page.childList.getByRef(ref) as Lightning.Element | undefined;
    const text = el && el.visible && el.text ? el.text.text : '';
    if (text) said.push(text);
  }
  return said;
}
