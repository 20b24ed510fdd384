/**
 * Placeholder home page: a title and one focusable row. The UI helper replaces it with the real
 * journey; it stays useful as the smallest page that exercises focus, pointer and the exit dialog.
 */
import { Lightning, Router } from '@lightningjs/sdk';
import { ButtonRow } from '../components/ButtonRow';
import { COLORS, FONT_FACE, FONT_SIZE, SAFE, SCREEN, SPACE } from '../theme';
import { toast } from '../lib/events';

export interface HomeTemplateSpec extends Lightning.Component.TemplateSpec {
  Background: object;
  Title: object;
  Subtitle: object;
  Row: typeof ButtonRow;
}

export interface HomeTypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true;
}

export const HOME_ITEMS = [
  { id: 'watch', label: 'Watch' },
  { id: 'providers', label: 'TV Provider' },
  { id: 'settings', label: 'Settings' },
  { id: 'help', label: 'Help' },
];

export class Home
  extends Lightning.Component<HomeTemplateSpec, HomeTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<HomeTemplateSpec>
{
  static override _template(): Lightning.Component.Template<HomeTemplateSpec> {
    return {
      w: SCREEN.w,
      h: SCREEN.h,
      Background: { rect: true, w: SCREEN.w, h: SCREEN.h, color: COLORS.background },
      Title: {
        x: SAFE.x,
        y: SAFE.y + SPACE.xl,
        text: { text: 'TV Everywhere', fontFace: FONT_FACE, fontSize: FONT_SIZE.headline, textColor: COLORS.text },
      },
      Subtitle: {
        x: SAFE.x,
        y: SAFE.y + SPACE.xl + FONT_SIZE.headline * 1.4,
        text: {
          text: 'Reference app - placeholder home',
          fontFace: FONT_FACE,
          fontSize: FONT_SIZE.body,
          textColor: COLORS.textMuted,
        },
      },
      Row: {
        type: ButtonRow,
        x: SAFE.x,
        y: 480,
        items: HOME_ITEMS,
        signals: { select: '_onSelect' },
      },
    };
  }

  _onSelect(id: string): void {
    const item = HOME_ITEMS.find((i) => i.id === id);
    toast(`${item ? item.label : id}: coming soon`);
  }

  override _getFocused(): Lightning.Component {
    return this.tag('Row')!;
  }

  /** Pointer focus from the row: nothing else is focusable here. */
  $pointerFocus(): void {
    this._refocus();
  }

  /** Current route, for tests that want to prove Router state (no-op otherwise). */
  get routeName(): string {
    return Router.getActiveRoute() ?? '';
  }
}

export default Home;
