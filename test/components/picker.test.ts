/**
 * The provider picker's components, each mounted alone (mountComponent): the virtualized grid (how many
 * tiles exist, which rows are made and dropped while scrolling), the on-screen keyboard, the search
 * field, tiles without logos or with failed ones (no request, no error per tile), and the letter rail's
 * marks. The windowing arithmetic is tested on its own.
 */
import type { Lightning } from '@lightningjs/sdk';
import { Keyboard, typedChar, type KeyAction } from '../../src/components/Keyboard';
import { LetterRail } from '../../src/components/LetterRail';
import { logoFailed, quietLoader, resetLogoFailures } from '../../src/components/logoTexture';
import { ProviderGrid, ROW_H } from '../../src/components/ProviderGrid';
import { ProviderTile } from '../../src/components/ProviderTile';
import { SearchField } from '../../src/components/SearchField';
import { liveRange, rowTops, scrollFor } from '../../src/components/virtual-window';
import type { PickerRow } from '../../src/controllers/providers';
import type { Provider } from '../../src/flows/api';
import { setLogSink, type LogLevel } from '../../src/lib/log';
import { COLORS } from '../../src/theme';
import { mountComponent, type MountedComponent } from '../support/mountComponent';

type Clickable = { _handleClick(): void; _handleHover(): void };
const label = (c: Lightning.Component | undefined) => (c as unknown as { label?: string } | undefined)?.label;

let m: MountedComponent<Lightning.Component> | undefined;
afterEach(() => {
  m?.destroy();
  m = undefined;
  resetLogoFailures();
  setLogSink(null);
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

const provider = (i: number, logo = true): Provider => ({
  id: `m${i}`,
  displayName: `Provider ${String(i).padStart(4, '0')}`,
  logoUrl: logo ? `http://logos.test/m${i}.png` : undefined,
  isTempPass: false,
  isProxy: false,
});

/** A header, then `n` providers in rows of five (like the picker's A–Z section). */
function rowsOf(n: number): PickerRow[] {
  const rows: PickerRow[] = [{ kind: 'header', title: 'All providers A–Z' }];
  for (let i = 0; i < n; i += 5) {
    const tiles = [];
    for (let j = i; j < Math.min(n, i + 5); j++) tiles.push({ provider: provider(j, j % 8 !== 0), lastUsed: false });
    rows.push({ kind: 'tiles', tiles });
  }
  return rows;
}

describe('virtual window arithmetic', () => {
  const tops = rowTops([68, 224, 224, 224, 224, 224]);

  it('keeps the focused row in view with one row of context above, clamped to the list', () => {
    expect(tops).toEqual([0, 68, 292, 516, 740, 964, 1188]);
    expect(scrollFor(tops, 1, 600)).toBe(0);
    expect(scrollFor(tops, 3, 600)).toBe(292);
    expect(scrollFor(tops, 5, 600)).toBe(1188 - 600); // not past the end
    expect(scrollFor(rowTops([]), 0, 600)).toBe(0);
  });

  it('lists the rows intersecting the viewport plus the margin', () => {
    expect(liveRange(tops, 0, 300, 100)).toEqual([0, 3]); // 0..400
    expect(liveRange(tops, 600, 300, 100)).toEqual([2, 6]); // 500..1000
    expect(liveRange(rowTops([]), 0, 300, 100)).toEqual([0, 0]);
  });
});

describe('ProviderGrid (virtualized)', () => {
  const VIEWPORT = 654;

  it('keeps only the visible rows and a margin alive, making and dropping rows while scrolling', async () => {
    const g = await mount(ProviderGrid, { viewportH: VIEWPORT }, ['select', 'pointTile']);
    const grid = g.component;
    const rows = rowsOf(1000);
    grid.update(rows, 1, 0, false);
    await g.settle();
    const alive = () => grid.tag('Rows')!.children.length;
    // 654 px of view + 224 px margin below = 4 tile rows and the header.
    expect(grid.liveRows).toEqual([0, 5]);
    expect(grid.liveTiles).toBe(20);
    expect(label(g.focused())).toBe('Provider 0000');
    let most = 0;
    for (let row = 2; row <= 60; row++) {
      grid.update(rows, row, 2, true);
      most = Math.max(most, alive());
    }
    await g.settle();
    expect(most).toBeLessThanOrEqual(8); // never more than the window, however far it scrolled
    expect(grid.liveRows).toEqual([57, 63]); // made up to one row past the view, kept up to two
    expect(label(g.focused())).toBe(`Provider ${String((60 - 1) * 5 + 2).padStart(4, '0')}`);
    // Back and forth over a row boundary makes no row anew.
    const below = grid.tileAt(62, 0);
    grid.update(rows, 59, 2, true);
    grid.update(rows, 60, 2, true);
    expect(grid.tileAt(62, 0)).toBe(below);
    // A jump (letter rail) moves at once: no animation through 140 rows.
    grid.update(rows, 200, 4, true);
    expect(grid.tag('Rows')!.y).toBe(-scrollFor(rowTops(rows.map((r) => ROW_H[r.kind])), 200, VIEWPORT));
    expect(grid.liveRows[1]).toBe(201);
    expect(label(g.focused())).toBe('Provider 0999');
  });

  it('OK on a tile signals its provider; hovering a tile reports its cell', async () => {
    const g = await mount(ProviderGrid, { viewportH: VIEWPORT }, ['select', 'pointTile']);
    g.component.update(rowsOf(12), 2, 1, false);
    await g.settle();
    g.press('Enter');
    expect((g.signals[0]!.args[0] as Provider).id).toBe('m6');
    (g.component.tileAt(3, 1) as unknown as Clickable)._handleHover();
    expect(g.signals[1]).toEqual({ name: 'pointTile', args: [3, 1] });
  });

  it('other rows (a search) replace every row element', async () => {
    const g = await mount(ProviderGrid, { viewportH: VIEWPORT }, []);
    g.component.update(rowsOf(50), 3, 0, false);
    const before = g.component.tileAt(3, 0);
    g.component.update([{ kind: 'empty', query: 'xq' }, ...rowsOf(1).slice(1)], 1, 0, true);
    expect(g.component.tileAt(1, 0)).not.toBe(before);
    expect(g.component.liveTiles).toBe(1);
    expect(g.component.tag('Rows')!.children[0]!.tag('Title')!.text!.text).toBe('No provider matches “xq”');
  });
});

describe('ProviderTile', () => {
  it('without a logo shows the name on the plate and requests nothing', async () => {
    const t = await mount(ProviderTile, { provider: provider(3, false) });
    expect(t.component.showsName).toBe(true);
    expect(t.component.tag('Plate.Fallback')!.text!.text).toBe('Provider 0003');
    expect(t.component.tag('Plate.Logo')!.texture).toBeFalsy();
  });

  it('with a logo asks for it (quietly) and leaves the plate empty while it loads', async () => {
    const t = await mount(ProviderTile, { provider: provider(4) });
    expect(t.component.showsName).toBe(false);
    const texture = t.component.tag('Plate.Logo')!.texture as unknown as { src: string; constructor: { name: string } };
    expect(texture.src).toBe('http://logos.test/m4.png');
    expect(texture.constructor.name).toBe('LogoTexture');
  });

  it('a logo that failed shows the name, and later tiles of it never ask again', async () => {
    const logs: Array<[LogLevel, unknown[]]> = [];
    setLogSink((level, args) => logs.push([level, args]));
    const url = 'http://logos.test/m5.png';
    // Lightning's loader fails; the quiet loader reports a loaded blank image instead of an error.
    const loaded: unknown[] = [];
    const failing: Parameters<typeof quietLoader>[0] = (cb) => cb('Image load error');
    quietLoader(failing, url)((err, options) => loaded.push(err, options));
    quietLoader(failing, 'http://logos.test/m6.png')(() => undefined);
    expect(loaded[0]).toBeNull();
    expect(loaded[1]).toMatchObject({ w: 1, h: 1 });
    expect(logoFailed(url)).toBe(true);
    expect(logs.map(([level]) => level)).toEqual(['warn']); // one warning for any number of logos
    const t = await mount(ProviderTile, { provider: provider(5) });
    expect(t.component.showsName).toBe(true);
    expect(t.component.tag('Plate.Logo')!.texture).toBeFalsy();
  });

  it('a loaded logo hides the name; a long name takes two smaller lines', async () => {
    const t = await mount(ProviderTile, {
      provider: { ...provider(7), displayName: 'Mesa Verde Telephone Cooperative' },
    });
    const logo = t.component.tag('Plate.Logo')!;
    logo.emit('txLoaded', logo.texture!);
    expect(t.component.showsName).toBe(false);
    expect(t.component.tag('Name')!.text!.maxLines).toBe(2);
  });
});

describe('Keyboard', () => {
  it('moves over the keys (Up/Down to the nearest key) and signals what a key does', async () => {
    const k = await mount(Keyboard, {}, ['key']);
    expect(label(k.focused())).toBe('A');
    k.press('Right');
    k.press('Down');
    expect(label(k.focused())).toBe('O');
    k.press('Enter');
    k.press('Down');
    expect(label(k.focused())).toBe('1');
    k.press('Right', 10);
    expect(label(k.focused())).toBe('Delete');
    k.press('Enter');
    k.press('Right', 5); // stops at the last key
    k.press('Enter');
    k.press('Left', 2);
    k.press('Enter');
    k.press('Up'); // from Space to the nearest key above it
    expect(label(k.focused())).toBe('X');
    k.press('Down');
    k.press('Right');
    k.press('Up'); // from the wide Delete key: Z is nearer than Y, the key in the same column
    expect(label(k.focused())).toBe('Z');
    const actions = k.signals.map((s) => s.args[0] as KeyAction);
    expect(actions).toEqual([
      { kind: 'char', char: 'O' },
      { kind: 'erase' },
      { kind: 'clear' },
      { kind: 'char', char: ' ' },
    ]);
  });

  it('at the top and bottom edges the arrow is left to the page', async () => {
    const k = await mount(Keyboard, {}, ['key']);
    expect((k.component as unknown as { _handleUp(): unknown })._handleUp()).toBe(false);
    k.press('Down', 2);
    expect((k.component as unknown as { _handleDown(): unknown })._handleDown()).toBe(false);
    k.component.reset();
    expect(k.component.focusedKey).toBe('A');
  });

  it('a click on a key focuses and presses it', async () => {
    const k = await mount(Keyboard, {}, ['key']);
    const row = k.component.tag('Rows')!.children[1]!;
    (row.children[3] as unknown as Clickable)._handleClick();
    expect(k.component.focusedKey).toBe('Q');
    expect(k.signals[0]!.args[0]).toEqual({ kind: 'char', char: 'Q' });
  });
});

describe('typedChar', () => {
  it('reads letters, digits, keypad digits and space; not control keys or shortcuts', () => {
    expect(typedChar({ keyCode: 71 })).toBe('G');
    expect(typedChar({ keyCode: 55 })).toBe('7');
    expect(typedChar({ keyCode: 99 })).toBe('3');
    expect(typedChar({ keyCode: 32 })).toBe(' ');
    expect(typedChar({ key: 'é', keyCode: 0 })).toBe('é');
    expect(typedChar({ key: 'ArrowLeft', keyCode: 37 })).toBeUndefined();
    expect(typedChar({ keyCode: 13 })).toBeUndefined();
    expect(typedChar({ key: 'r', keyCode: 82, ctrlKey: true })).toBeUndefined();
  });
});

describe('SearchField', () => {
  it('shows the placeholder, then what was typed with a caret while searching', async () => {
    const f = await mount(SearchField, {}, ['select']);
    const text = () => f.component.tag('Text')!.text!;
    expect(text().text).toBe('Search providers');
    expect(f.component.tag('Caret')!.visible).toBe(false);
    f.component.show('', true);
    expect(text().text).toBe('Type a name');
    f.component.show('GRA', true);
    expect([text().text, text().textColor]).toEqual(['GRA', COLORS.text]);
    expect(f.component.tag('Caret')!.visible).toBe(true);
    f.press('Enter');
    expect(f.signals.map((s) => s.name)).toEqual(['select']);
    expect(label(f.focused())).toBe('Search');
  });
});

describe('LetterRail drawing', () => {
  it('draws the letters in one canvas (dimmed where no provider starts); a key draws its letter only focused or marked', async () => {
    const r = await mount(LetterRail, {}, ['jump']);
    r.component.letters = new Set(['A', 'C', 'S']);
    const letters = r.component.tag('Letters')!;
    const lookupId = (letters.texture as unknown as { _lookupId: string })._lookupId;
    expect(lookupId).toBe(
      'tve-letter-rail-' +
        '#ABCDEFGHIJKLMNOPQRSTUVWXYZ'
          .split('')
          .map((l) => ('ACS'.includes(l) ? 1 : 0))
          .join(''),
    );
    const labels = () =>
      r.component
        .tag('Keys')!
        .children.filter((k) => k.tag('Label')!.visible)
        .map((k) => k.tag('Label')!.text!.text);
    (r.component as unknown as { _refocus(): void })._refocus();
    expect(labels()).toEqual(['A']);
    r.component.current = 'S';
    expect(labels()).toEqual(['A', 'S']);
    r.press('Right');
    expect(labels()).toEqual(['C', 'S']);
  });
});

describe('LetterRail marks', () => {
  it('marks the letter of the focused provider and can take focus on a letter', async () => {
    const r = await mount(LetterRail, {}, ['jump']);
    r.component.letters = new Set(['A', 'C', 'S']);
    r.component.current = 'C';
    const keys = r.component.tag('Keys')!.children;
    expect(keys[3]!.tag('Bg')!.color).toBe(COLORS.surfaceRaised);
    r.component.current = 'S';
    expect(keys[3]!.tag('Bg')!.color).toBe(COLORS.transparent);
    r.component.letter = 'S';
    r.component.letter = 'B'; // no providers under B: stays
    expect(r.component.letter).toBe('S');
  });
});
