/** ProfileList (the profile chooser's list) and the degraded NoticeLine: keys, virtualization, voice guidance. */
import type { Lightning } from '@lightningjs/sdk';
import { NoticeLine } from '../../src/components/NoticeLine';
import { ProfileList } from '../../src/components/ProfileList';
import { announcer, type SpeechPort } from '../../src/lib/announcer';
import { mountComponent, type MountedComponent } from '../support/mountComponent';

const said: string[][] = [];
const port: SpeechPort = { speak: (phrases) => said.push(phrases), cancel: () => undefined };
let m: MountedComponent<Lightning.Component> | undefined;

beforeAll(() => {
  announcer.usePort(port);
  announcer.setEnabled(true);
});
afterAll(() => announcer.setEnabled(false));
afterEach(() => {
  m?.destroy();
  m = undefined;
  said.length = 0;
});

function focusSpeech(app: Lightning.Application): string[] {
  said.length = 0;
  announcer.focusChanged(() => app.focusPath);
  announcer.flush();
  return said.flat();
}

const items = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `p${i}`, label: `Provider ${i} · Signed in · until 1 Jan` }));

describe('ProfileList', () => {
  it('Up/Down move focus without wrapping; OK selects; each row says its label and its place', async () => {
    const mounted = await mountComponent(ProfileList, { items: items(3) }, ['select']);
    m = mounted as unknown as MountedComponent<Lightning.Component>;
    expect(focusSpeech(mounted.app)).toEqual(['Provider 0 · Signed in · until 1 Jan, button', '1 of 3']);
    mounted.press('Up');
    expect(mounted.component.index).toBe(0);
    mounted.press('Down', 5);
    expect(mounted.component.index).toBe(2);
    expect(focusSpeech(mounted.app)).toEqual(['Provider 2 · Signed in · until 1 Jan, button', '3 of 3']);
    mounted.press('Enter');
    expect(mounted.signals).toEqual([{ name: 'select', args: ['p2', 2] }]);
  });

  it('a long list keeps only the rows near view as elements', async () => {
    const mounted = await mountComponent(ProfileList, { items: items(60), visibleRows: 4 });
    m = mounted as unknown as MountedComponent<Lightning.Component>;
    expect(mounted.component.liveCount).toBeLessThanOrEqual(6);
    mounted.press('Down', 45);
    expect(mounted.component.index).toBe(45);
    expect(mounted.component.liveCount).toBeLessThanOrEqual(7);
    expect((mounted.focused() as unknown as { label: string }).label).toBe('Provider 45 · Signed in · until 1 Jan');
  });
});

describe('NoticeLine', () => {
  it('hidden when empty; says a new line once', async () => {
    const mounted = await mountComponent(NoticeLine, { w: 800 });
    m = mounted as unknown as MountedComponent<Lightning.Component>;
    const line = mounted.component;
    expect(line.visible).toBe(false);
    line.line = 'Limited service: titles are allowed for now.';
    line.line = 'Limited service: titles are allowed for now.';
    announcer.flush();
    expect(line.visible).toBe(true);
    expect(said.flat()).toEqual(['Limited service: titles are allowed for now.']);
    line.line = '';
    expect(line.visible).toBe(false);
  });
});
