/**
 * In-page probe, installed before any app script runs: captures the Lightning stage (by wrapping
 * `Stage.prototype.updateFrame` when `window.lng` appears), records `frameStart` times while asked to,
 * and stamps `readyAt` (ms since navigation) on the first animation frame where `readyExpr` (or the
 * expression in sessionStorage `__probeReady`) holds.
 */
export interface ProbeState {
  readyAt: number | null;
  frames: number[];
  recording: boolean;
}

/** Returns the source of an init script; `readyExpr` is a JS expression evaluated in the page. */
export function probeScript(readyExpr: string): string {
  return `(() => {
  const w = window;
  const probe = (w.__probe = { readyAt: null, frames: [], recording: false, stage: null });
  const attach = (stage) => {
    if (probe.stage) return;
    probe.stage = stage;
    stage.on('frameStart', () => { if (probe.recording) probe.frames.push(performance.now()); });
  };
  const patch = (lng) => {
    const S = lng && lng.Stage;
    if (!S || S.prototype.__probed) return;
    S.prototype.__probed = true;
    const orig = S.prototype.updateFrame;
    S.prototype.updateFrame = function () { attach(this); return orig.apply(this, arguments); };
  };
  let current;
  Object.defineProperty(w, 'lng', {
    configurable: true,
    get: () => current,
    set: (v) => { current = v; Promise.resolve().then(() => patch(current)); },
  });
  // The page's own sessionStorage may override the expression (kept across reloads: warm launches).
  let expr = ${JSON.stringify(readyExpr)};
  try { expr = sessionStorage.getItem('__probeReady') || expr; } catch (e) {}
  const test = new Function('return (' + expr + ');');
  const ready = () => { try { return !!test(); } catch (e) { return false; } };
  const check = () => { if (ready()) probe.readyAt = performance.now(); else requestAnimationFrame(check); };
  requestAnimationFrame(check);
})();`;
}

/** Page function: focused component identity (deepest on the focus path) for input-latency probes. */
export const FOCUS_SIG = `(() => { const s = window.__probe && window.__probe.stage; const p = s && s.application && s.application.focusPath; return p && p.length ? p[p.length - 1] : null; })()`;
