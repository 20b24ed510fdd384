/**
 * `window.__tve`: a read-only window into app state for browser journeys (assert on route and focus,
 * not pixels). Harmless in production: it exposes no secrets and changes nothing.
 */
import { Lightning, Router } from '@lightningjs/sdk';

export interface TestHook {
  /** Active route path, e.g. "home" ('' before the router navigated). */
  route(): string;
  /** Refs (or constructor names) along the focus path, root first. */
  focusPath(): string[];
  /** The `label` of the deepest focused component that has one (e.g. a Button), else null. */
  focusedLabel(): string | null;
  /** Which global dialog is open: "exit", "error" or null. */
  dialog(): string | null;
  /** Toast text on screen now, or null. */
  toast(): string | null;
  /** The platform name the app detected. */
  platform(): string;
  /** True once the first page is routed and focused. */
  ready(): boolean;
  /** The renderer Lightning uses: "webgl" or "canvas2d". */
  renderer(): string;
  /** Screen box (stage px, after scaling) of the deepest focused component, or null. */
  focusedBounds(): Bounds | null;
  /**
   * Names of the drawn elements that cover (nearly) the whole screen, back to front. Each costs a
   * full-screen fill on every frame, which a software-rendered GPU feels (issue 17): one is enough.
   */
  fullScreenLayers(): string[];
}

export interface Bounds {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface CoreWithWorld {
  core?: { _worldContext?: { px: number; py: number; ta: number; td: number } };
  finalW?: number;
  finalH?: number;
  visible?: boolean;
  alpha?: number;
  displayedTexture?: unknown;
  childList?: { length: number; getAt(i: number): unknown };
}

function boundsOf(c: Lightning.Element): Bounds | null {
  const el = c as unknown as CoreWithWorld;
  const ctx = el.core && el.core._worldContext;
  if (!ctx) return null;
  return { x: ctx.px, y: ctx.py, w: (el.finalW ?? 0) * ctx.ta, h: (el.finalH ?? 0) * ctx.td };
}

/** Drawn elements at least 90 % of the root's width and height, in drawing order (visible branches only). */
function fullScreenLayers(root: Lightning.Element): string[] {
  const out: string[] = [];
  const screen = boundsOf(root);
  if (!screen) return out;
  const walk = (el: CoreWithWorld): void => {
    if (el.visible === false || el.alpha === 0) return;
    const b = boundsOf(el as unknown as Lightning.Element);
    if (el.displayedTexture && b && b.w >= 0.9 * screen.w && b.h >= 0.9 * screen.h)
      out.push(nameOf(el as unknown as Lightning.Component));
    const kids = el.childList;
    if (kids) for (let i = 0; i < kids.length; i++) walk(kids.getAt(i) as CoreWithWorld);
  };
  walk(root as unknown as CoreWithWorld);
  return out;
}

export interface TestHookSource {
  application: Lightning.Application;
  dialog(): string | null;
  toast(): string | null;
  platform(): string;
}

function nameOf(c: Lightning.Component): string {
  if (c.ref) return c.ref;
  const ctor = (c as { constructor?: { name?: string } }).constructor;
  return ctor && ctor.name ? ctor.name : 'Component';
}

function labelOf(c: Lightning.Component): string | null {
  const label = (c as { label?: unknown }).label;
  return typeof label === 'string' ? label : null;
}

export function installTestHook(source: TestHookSource): TestHook {
  const path = (): Lightning.Component[] => source.application.focusPath ?? [];
  const hook: TestHook = {
    route: () => Router.getActiveRoute() ?? '',
    focusPath: () => path().map(nameOf),
    focusedLabel: () => {
      const p = path();
      for (let i = p.length - 1; i >= 0; i--) {
        const l = labelOf(p[i] as Lightning.Component);
        if (l !== null) return l;
      }
      return null;
    },
    dialog: source.dialog,
    toast: source.toast,
    platform: source.platform,
    ready: () => !!Router.getActiveRoute() && path().length > 2,
    focusedBounds: () => {
      const p = path();
      const last = p[p.length - 1];
      return last ? boundsOf(last) : null;
    },
    renderer: () => ((source.application.stage as unknown as { gl?: unknown }).gl ? 'webgl' : 'canvas2d'),
    fullScreenLayers: () => fullScreenLayers((source.application.stage as unknown as { root: Lightning.Element }).root),
  };
  if (typeof window !== 'undefined') (window as unknown as { __tve?: TestHook }).__tve = hook;
  return hook;
}
