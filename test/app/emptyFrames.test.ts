import { Lightning } from '@lightningjs/sdk';
import { paintPageBackground, skipEmptyFrames } from '../../src/lib/emptyFrames';
import { COLORS, cssColor } from '../../src/theme';
import { mountComponent, type MountedComponent } from '../support/mountComponent';

/** A page-like component: a container that stays visible and one drawn rectangle. */
class Scene extends Lightning.Component {
  static override _template() {
    return { Box: { rect: true, w: 100, h: 100, color: COLORS.accent } };
  }
}

describe('skipEmptyFrames (a real Lightning stage, canvas2d)', () => {
  let m: MountedComponent<Scene> | undefined;
  afterEach(() => m?.destroy());

  it('draws an empty frame once to clear the screen, skips empty frames while it is clear, draws content again', async () => {
    m = await mountComponent(Scene);
    const stage = m.app.stage;
    const frames = skipEmptyFrames(stage, () => undefined);
    const box = m.component.tag('Box' as never) as unknown as Lightning.Element;
    const step = (change: () => void) => {
      change();
      stage.drawFrame();
      return frames.counts();
    };
    expect(step(() => (box.x = 10))).toEqual({ drawn: 1, skipped: 0 }); // content
    expect(step(() => (box.visible = false))).toEqual({ drawn: 2, skipped: 0 }); // clears what was there
    // Changes that draw nothing (the page's own container moves, a hidden child changes): no frame.
    expect(step(() => (m!.component.x = 5))).toEqual({ drawn: 2, skipped: 1 });
    expect(step(() => (box.w = 50))).toEqual({ drawn: 2, skipped: 2 });
    expect(step(() => (m!.component.y = 5))).toEqual({ drawn: 2, skipped: 3 });
    expect(step(() => (box.visible = true))).toEqual({ drawn: 3, skipped: 3 });
    expect(step(() => (box.x = 20))).toEqual({ drawn: 4, skipped: 3 });
  });

  it('skips the empty frames before anything is drawn (the canvas starts clear)', async () => {
    m = await mountComponent(Scene, { visible: false });
    const frames = skipEmptyFrames(m.app.stage, () => undefined);
    m.component.x = 1;
    m.app.stage.drawFrame();
    expect(frames.counts()).toEqual({ drawn: 0, skipped: 1 });
  });

  it('leaves rendering alone, and says so, when Lightning no longer has the render context it expects', () => {
    const warnings: string[] = [];
    const frames = skipEmptyFrames({ ctx: {} }, (w) => warnings.push(w));
    expect(warnings).toHaveLength(1);
    expect(frames.counts()).toEqual({ drawn: 0, skipped: 0 });
  });

  it('paints the page behind the canvas in the theme colour (what shows before the first frame)', () => {
    paintPageBackground(document);
    expect(document.documentElement.style.backgroundColor).toBe('rgb(11, 16, 32)');
    expect(cssColor(COLORS.background)).toBe('#0b1020');
  });
});
