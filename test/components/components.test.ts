/**
 * The shared components on a real (canvas2d) stage, each mounted alone with mountComponent():
 * focus style, keys, the signals they send, and pointer hover/click through Selectable.
 */
import type { Lightning } from '@lightningjs/sdk';
import { Button } from '../../src/components/Button';
import { ButtonRow } from '../../src/components/ButtonRow';
import { Dialog, exitDialogContent } from '../../src/components/Dialog';
import { LetterRail } from '../../src/components/LetterRail';
import { PosterRow } from '../../src/components/PosterRow';
import type { PosterTile } from '../../src/components/PosterTile';
import { setPointerScope } from '../../src/lib/pointer';
import { COLORS } from '../../src/theme';
import { SAMPLE_CATALOG } from '../support/catalog';
import { mountComponent, type MountedComponent } from '../support/mountComponent';

type Clickable = { _handleClick(): void; _handleHover(): void };
const label = (c: Lightning.Component | undefined) => (c as unknown as { label?: string } | undefined)?.label;

let m: MountedComponent<Lightning.Component> | undefined;
afterEach(() => {
  setPointerScope(null);
  m?.destroy();
  m = undefined;
});
async function mount<T extends Lightning.Component>(
  Type: new (...args: never[]) => T,
  props: Record<string, unknown>,
  signals: string[],
): Promise<MountedComponent<T>> {
  const mounted = await mountComponent(Type, props, signals);
  m = mounted as unknown as MountedComponent<Lightning.Component>;
  return mounted;
}

describe('Button', () => {
  it('shows its label, takes the focus style, and signals select on OK and on click', async () => {
    const b = await mount(Button, { label: 'Watch', w: 300 }, ['select']);
    const button = b.component;
    expect(button.tag('Body.Label')!.text!.text).toBe('Watch');
    expect(button.tag('Body')!.w).toBe(300);
    // Focused: inverted colours (light body, dark label).
    expect(button.tag('Body')!.color).toBe(COLORS.text);
    expect(button.tag('Body.Label')!.text!.textColor).toBe(COLORS.focusText);
    b.press('Enter');
    (button as unknown as Clickable)._handleClick();
    expect(b.signals.map((s) => [s.name, s.args[0] === button])).toEqual([
      ['select', true],
      ['select', true],
    ]);
  });

  it('ignores clicks outside the pointer scope (a modal is open)', async () => {
    const b = await mount(Button, { label: 'Behind' }, ['select']);
    setPointerScope({} as Lightning.Component); // a modal elsewhere
    (b.component as unknown as Clickable)._handleClick();
    expect(b.signals).toEqual([]);
  });
});

describe('ButtonRow', () => {
  const items = [{ label: 'One' }, { label: 'Two', id: 'two' }, { label: 'Three', w: 500 }];

  it('moves focus with Left/Right without wrapping and reports select(id, index)', async () => {
    const r = await mount(ButtonRow, { items }, ['select']);
    expect(label(r.focused())).toBe('One');
    r.press('Left');
    expect(label(r.focused())).toBe('One');
    r.press('Right', 3);
    expect(label(r.focused())).toBe('Three');
    r.press('Left');
    r.press('Enter');
    expect(r.signals).toEqual([{ name: 'select', args: ['two', 1] }]);
    expect(r.component.ids).toEqual(['One', 'two', 'Three']);
    expect(r.component.rowWidth).toBe(360 + 40 + 360 + 40 + 500);
  });

  it('hover moves focus to the hovered button; click selects it', async () => {
    const r = await mount(ButtonRow, { items }, ['select']);
    (r.component.children[2] as unknown as Clickable)._handleHover();
    expect(r.component.index).toBe(2);
    (r.component.children[0] as unknown as Clickable)._handleClick();
    expect(r.component.index).toBe(0);
    expect(r.signals).toEqual([{ name: 'select', args: ['One', 0] }]);
  });
});

describe('PosterRow', () => {
  const row = SAMPLE_CATALOG.rows[0]!;

  it('shows the row title and posters; Left/Right move focus and report focusItem; OK selects the item', async () => {
    const p = await mount(PosterRow, { row }, ['select', 'focusItem']);
    expect(p.component.tag('Title')!.text!.text).toBe('Featured');
    expect(label(p.focused())).toBe('Harbor Lights');
    p.press('Right', 5);
    expect(p.component.index).toBe(2);
    expect(p.signals.filter((s) => s.name === 'focusItem').map((s) => (s.args[0] as { id: string }).id)).toEqual([
      't02',
      't03',
    ]);
    p.press('Enter');
    const select = p.signals.filter((s) => s.name === 'select');
    expect(select.map((s) => (s.args[0] as { id: string }).id)).toEqual(['t03']);
  });

  it('applies access: locked posters get the lock; clicking a poster focuses and selects it', async () => {
    const p = await mount(PosterRow, { row }, ['select']);
    p.component.applyAccess((item) => (item.id === 't02' ? 'locked' : 'unlocked'));
    const tile = p.component.tileFor('t02') as PosterTile;
    expect(tile.access).toBe('locked');
    expect(tile.tag('Lock')!.visible).toBe(true);
    expect(p.component.tileFor('t01')!.tag('Lock')!.visible).toBe(false);
    (tile as unknown as Clickable)._handleClick();
    expect(p.component.index).toBe(1);
    expect((p.signals[0]!.args[0] as { id: string }).id).toBe('t02');
  });
});

describe('LetterRail', () => {
  it('skips letters without providers, and jumps on OK', async () => {
    const r = await mount(LetterRail, {}, ['jump']);
    r.component.letters = new Set(['A', 'C', 'S']);
    (r.component as unknown as { _refocus(): void })._refocus();
    expect(r.component.letter).toBe('A');
    expect(label(r.focused())).toBe('A');
    r.press('Right');
    expect(r.component.letter).toBe('C');
    r.press('Right', 3);
    expect(r.component.letter).toBe('S');
    r.press('Enter');
    expect(r.signals).toEqual([{ name: 'jump', args: ['S'] }]);
  });

  it('a click on a disabled letter does nothing; on an enabled one it jumps', async () => {
    const r = await mount(LetterRail, {}, ['jump']);
    r.component.letters = new Set(['B']);
    const keys = r.component.tag('Keys')!.children;
    (keys[1] as unknown as Clickable)._handleClick(); // "A" (index 0 is "#")
    expect(r.signals).toEqual([]);
    (keys[2] as unknown as Clickable)._handleClick();
    expect(r.signals).toEqual([{ name: 'jump', args: ['B'] }]);
  });
});

describe('Dialog', () => {
  it('opens with title, message and code, focuses focusIndex, and reports the choice or null for Back', async () => {
    const d = await mount(Dialog, {}, ['choose']);
    d.component.open({
      title: 'Sign out?',
      message: 'You will need to sign in again.',
      code: 'E42',
      actions: [
        { id: 'yes', label: 'Sign out' },
        { id: 'no', label: 'Cancel' },
      ],
      focusIndex: 1,
    });
    (d.app as unknown as { _refocus(): void })._refocus();
    expect(d.component.isOpen).toBe(true);
    expect(d.component.tag('Panel.Code')!.text!.text).toBe('Code: E42');
    expect(label(d.focused())).toBe('Cancel');
    d.press('Back');
    d.press('Left');
    d.press('Enter');
    expect(d.signals.map((s) => s.args[0])).toEqual([null, 'yes']);
    d.component.close();
    expect(d.component.isOpen).toBe(false);
  });

  it('the exit confirmation focuses Cancel, so a double Back never exits', () => {
    const content = exitDialogContent('DemoTV');
    expect(content.title).toBe('Exit DemoTV?');
    expect(content.actions[content.focusIndex ?? 0]!.id).toBe('cancel');
  });
});
