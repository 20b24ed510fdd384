/**
 * The details panel on a focus step (issue 17, input cost): only the texts that changed are set (each
 * set redraws a text texture), showing the same title again touches nothing, and a change is drawn one
 * frame after the focus move that caused it.
 */
import type { Lightning } from '@lightningjs/sdk';
import { DetailsPanel } from '../../src/components/DetailsPanel';
import type { CatalogItem } from '../../src/catalog/types';
import { SAMPLE_CATALOG } from '../support/catalog';
import { mountComponent, type MountedComponent } from '../support/mountComponent';

const PARTS = ['Title', 'Meta', 'Lock.Reason', 'Description'] as const;

let m: MountedComponent<DetailsPanel> | undefined;
afterEach(() => {
  m?.destroy();
  m = undefined;
});

/** Count assignments to each part's `text.text` (the one call that redraws its texture). */
function countTextSets(panel: DetailsPanel): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const part of PARTS) {
    const texture = panel.tag(part as never) as unknown as Lightning.Element;
    const text = texture.text as unknown as object;
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

describe('DetailsPanel on a focus step', () => {
  const [a, b] = SAMPLE_CATALOG.rows[0]!.items as [CatalogItem, CatalogItem];

  it('sets only the texts that changed, and nothing for the same title again', async () => {
    m = await mountComponent(DetailsPanel);
    m.component.show(a, 'unknown');
    const counts = countTextSets(m.component);

    m.component.show(a, 'unknown');
    expect(counts).toEqual({ Title: 0, Meta: 0, 'Lock.Reason': 0, Description: 0 });

    // Same title with a copy of the item (a re-render with equal values): no text redrawn either.
    m.component.show({ ...a }, 'unknown');
    expect(counts).toEqual({ Title: 0, Meta: 0, 'Lock.Reason': 0, Description: 0 });

    m.component.show(b, 'unknown');
    m.app.stage.drawFrame();
    expect(counts).toEqual({ Title: 1, Meta: 1, 'Lock.Reason': 0, Description: 1 });

    // Same title now locked: only the lock line is drawn.
    m.component.show(b, 'locked', 'Not in your package');
    m.app.stage.drawFrame();
    expect(counts).toEqual({ Title: 1, Meta: 1, 'Lock.Reason': 1, Description: 1 });
    expect((m.component.tag('Lock.Reason' as never) as unknown as Lightning.Element).text!.text).toBe(
      'Not in your package',
    );
  });

  it('shows the first title at once; a change waits for the end of the next frame, and only the last one is drawn', async () => {
    const [, , c] = SAMPLE_CATALOG.rows[0]!.items as [CatalogItem, CatalogItem, CatalogItem];
    m = await mountComponent(DetailsPanel);
    const title = () => (m!.component.tag('Title' as never) as unknown as Lightning.Element).text!.text;
    m.component.show(a, 'unknown');
    expect(title()).toBe(a.title);

    const counts = countTextSets(m.component);
    m.component.show(b, 'unknown');
    m.component.show(c, 'unknown');
    expect(title()).toBe(a.title); // the key press's own frame draws the focus move only
    m.app.stage.drawFrame();
    expect(title()).toBe(c.title);
    expect(counts).toEqual({ Title: 1, Meta: 1, 'Lock.Reason': 0, Description: 1 });
    m.app.stage.drawFrame();
    expect(counts).toEqual({ Title: 1, Meta: 1, 'Lock.Reason': 0, Description: 1 });
  });
});
