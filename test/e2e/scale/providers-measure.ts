/**
 * In-page measurements for the provider picker at scale (providers-scale.e2e.test.ts), on the bench's
 * browser (bench/lib/browser.ts: fresh profile, the probe that captures the Lightning stage, CDP).
 *
 * Per key press two figures: `work` — the CPU the press costs: the synchronous key handling plus the
 * Lightning frames (frameStart → frameEnd) in the 300 ms after it, which covers the scroll animation
 * and the new rows' textures; and `latency` — key down to the first frame drawn after focus moved
 * (frame-quantized: ~33 ms steps under SwiftShader). Page code is passed as strings: tsx's helpers do
 * not exist in the page.
 */
import type { BenchBrowser } from '../../../bench/lib/browser';
import { FOCUS_SIG } from '../../../bench/lib/probe';
import type { PickerInfo } from '../../../src/pages/hooks';

export const KEY = { left: 37, up: 38, right: 39, down: 40, back: 8 } as const;

export interface PressCost {
  work: number;
  latency: number;
}

/** Ready: the picker is shown with a provider tile focused. */
export const PICKER_READY = `window.__tve && window.__tve.route() === 'providers' && /ProviderTile$/.test(window.__tve.focusPath().join('/'))`;

/**
 * Init script: stamps when the picker route is first shown (`routeAt`) and when it is first interactive
 * (`readyAt`), ms since navigation, checked every animation frame — so the picker's own time (its
 * configuration request, sorting, first rows) can be told from the boot before it.
 */
export const MILESTONES = `(() => {
  const m = (window.__pickerMilestones = { routeAt: null, readyAt: null });
  const tick = () => {
    try {
      const h = window.__tve;
      if (h && m.routeAt === null && h.route() === 'providers') m.routeAt = performance.now();
      if (m.routeAt !== null && (${PICKER_READY})) {
        m.readyAt = performance.now();
        return;
      }
    } catch (e) {}
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

export async function milestones(b: BenchBrowser): Promise<{ routeAt: number; readyAt: number }> {
  await b.page.waitForFunction('window.__pickerMilestones && window.__pickerMilestones.readyAt !== null', undefined, {
    timeout: 60000,
  });
  return (await b.page.evaluate('window.__pickerMilestones')) as { routeAt: number; readyAt: number };
}

/** Press each key code in turn, `gapMs` apart, and report what each press cost. */
export async function pressCosts(b: BenchBrowser, codes: number[], gapMs = 350): Promise<PressCost[]> {
  return (await b.page.evaluate(`(async () => {
    const stage = window.__probe.stage;
    const focused = () => ${FOCUS_SIG};
    let recording = false, work = 0, started = 0;
    const onStart = () => { started = performance.now(); };
    const onEnd = () => { if (recording) work += performance.now() - started; };
    stage.on('frameStart', onStart);
    stage.on('frameEnd', onEnd);
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const out = [];
    for (const code of ${JSON.stringify(codes)}) {
      const before = focused();
      work = 0;
      recording = true;
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { keyCode: code, which: code, bubbles: true }));
      window.dispatchEvent(new KeyboardEvent('keyup', { keyCode: code, which: code, bubbles: true }));
      const sync = performance.now() - t0;
      const latency = await new Promise((resolve) => {
        const tick = () => {
          if (focused() !== before) requestAnimationFrame(() => resolve(performance.now() - t0));
          else if (performance.now() - t0 > 1000) resolve(NaN);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await sleep(Math.max(0, t0 + 300 - performance.now()));
      recording = false;
      out.push({ work: sync + work, latency });
      await sleep(${gapMs} - 300);
    }
    stage.off('frameStart', onStart);
    stage.off('frameEnd', onEnd);
    return out;
  })()`)) as PressCost[];
}

/** Used JS heap after a forced garbage collection, in MB. */
export async function heapMb(b: BenchBrowser): Promise<number> {
  await b.cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  await b.cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const { metrics } = (await b.cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1048576;
}

/** The picker as the journey hook reports it. */
export async function picker(b: BenchBrowser): Promise<PickerInfo> {
  const info = (await b.page.evaluate(`(() => {
    const j = window.__tveJourney;
    return j && j.picker ? j.picker() : null;
  })()`)) as PickerInfo | null;
  if (!info) throw new Error('the provider picker is not shown');
  return info;
}

export async function focusedLabel(b: BenchBrowser): Promise<string | null> {
  return (await b.page.evaluate(`window.__tve.focusedLabel()`)) as string | null;
}

/** Press keys as a remote does: keydown + keyup, then two frames. */
export async function press(b: BenchBrowser, code: number, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    await b.page.evaluate(`(async () => {
      const init = { keyCode: ${code}, which: ${code}, bubbles: true };
      window.dispatchEvent(new KeyboardEvent('keydown', init));
      window.dispatchEvent(new KeyboardEvent('keyup', init));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    })()`);
  }
}

/** Type text the way a keyboard without `key` (an old engine, a remote with letters) does: key codes. */
export async function typeKeys(b: BenchBrowser, text: string): Promise<void> {
  for (const c of text.toUpperCase()) await press(b, c === ' ' ? 32 : c.charCodeAt(0));
}

/** True when `names` is in order for the page's own collator (the app's rule: base sensitivity, numeric). */
export async function inCollatorOrder(b: BenchBrowser, names: string[]): Promise<{ ok: boolean; at: number }> {
  return (await b.page.evaluate(`(() => {
    const names = ${JSON.stringify(names)};
    const c = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    for (let i = 1; i < names.length; i++) if (c.compare(names[i - 1], names[i]) > 0) return { ok: false, at: i };
    return { ok: true, at: -1 };
  })()`)) as { ok: boolean; at: number };
}
