/**
 * The details panel on a focus step (issue 17, input cost): only the texts that changed are set (each
 * set redraws a text texture), showing the same title again touches nothing, and a change is drawn one
 * frame after the focus move that caused it.
 */
import type { Lightning } from '@lightningjs/sdk';
import { CARDS, DetailsPanel } from '../../src/components/DetailsPanel';
import type { CatalogItem } from '../../src/catalog/types';
import { SAMPLE_CATALOG } from '../support/catalog';
import { largeCatalog } from '../support/largeCatalog';
import { mountComponent, type MountedComponent } from '../support/mountComponent';

const PARTS = ['Title', 'Meta', 'Lock.Reason', 'Description'] as const;

let m: MountedComponent<DetailsPanel> | undefined;
afterEach(() => {
  m?.destroy();
  m = undefined;
});

/** Count assignments to each part's `text.text` in a card (the one call that redraws its texture). */
function countTextSets(card: Lightning.Element): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const part of PARTS) {
    const text = card.tag(part)!.text as unknown as object;
    let proto: object | null = text;
    let desc: PropertyDescriptor | undefined;
    while (proto && !(desc = Object.getOwnPropertyDescriptor(proto, 'text'))) proto = Object.getPrototypeOf(proto);
    counts[part] = 0;
    Object.defineProperty(text, 'text', {
      configurable: true,
      get: () => desc!.get!.call(text),
      set: (v: unknown) => {
        counts[part]!++;
        desc!.set!.call(text, v);
      },
    });
  }
  return counts;
}

const NONE = { Title: 0, Meta: 0, 'Lock.Reason': 0, Description: 0 };

describe('DetailsPanel on a focus step', () => {
  const [a, b, c] = SAMPLE_CATALOG.rows[0]!.items as [CatalogItem, CatalogItem, CatalogItem];
  const items = largeCatalog(1, CARDS + 2).rows[0]!.items;
  const title = () => m!.component.current!.tag('Title')!.text!.text;
  const cards = () => m!.component.childList.length;

  it('sets only the texts that changed, and nothing for the same title again', async () => {
    m = await mountComponent(DetailsPanel);
    m.component.show(a, 'unknown');
    const countsA = countTextSets(m.component.current!);
    m.component.show(a, 'unknown');
    // Same title with a copy of the item (a re-render with equal values): no text redrawn either.
    m.component.show({ ...a }, 'unknown');
    m.app.stage.drawFrame();
    expect(countsA).toEqual(NONE);

    m.component.show(b, 'unknown');
    m.app.stage.drawFrame();
    const countsB = countTextSets(m.component.current!);
    // Same title now locked: only the lock line is drawn.
    m.component.show(b, 'locked', 'Not in your package');
    m.app.stage.drawFrame();
    expect(countsB).toEqual({ ...NONE, 'Lock.Reason': 1 });
    expect(m.component.current!.tag('Lock.Reason')!.text!.text).toBe('Not in your package');
  });

  it('shows the first title at once; a change waits for the end of the next frame, and only the last one is drawn', async () => {
    m = await mountComponent(DetailsPanel);
    m.component.show(a, 'unknown');
    expect(title()).toBe(a.title);
    m.component.show(b, 'unknown');
    m.component.show(c, 'unknown');
    expect(title()).toBe(a.title); // the key press's own frame draws the focus move only
    m.app.stage.drawFrame();
    expect(title()).toBe(c.title);
    expect(cards()).toBe(2); // b was never drawn
    m.app.stage.drawFrame();
    expect(title()).toBe(c.title);
  });

  it('coming back to a title shows its card again without drawing any text', async () => {
    m = await mountComponent(DetailsPanel);
    m.component.show(a, 'unknown');
    const cardA = m.component.current!;
    const countsA = countTextSets(cardA);
    m.component.show(b, 'unknown');
    m.app.stage.drawFrame();
    expect(cardA.visible).toBe(false);
    m.component.show(a, 'unknown');
    m.app.stage.drawFrame();
    expect(m.component.current).toBe(cardA);
    expect(cardA.visible).toBe(true);
    expect(countsA).toEqual(NONE);
    expect(m.component.children.filter((e) => e.visible)).toHaveLength(1);
  });

  it(`keeps at most ${CARDS} cards: the least recently shown one is refilled`, async () => {
    m = await mountComponent(DetailsPanel);
    expect(items.length).toBeGreaterThan(CARDS);
    m.component.show(items[0]!, 'unknown');
    const first = m.component.current!;
    for (const item of items.slice(1, CARDS + 1)) {
      m.component.show(item, 'unknown');
      m.app.stage.drawFrame();
    }
    expect(cards()).toBe(CARDS);
    expect(m.component.current).toBe(first);
    expect(title()).toBe(items[CARDS]!.title);
  });
});
