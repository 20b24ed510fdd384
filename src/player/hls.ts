/**
 * hls.js, loaded only when the engine cannot play HLS natively: a <script> tag for the light build
 * shipped as a static asset (never part of appBundle). The build copies
 * node_modules/hls.js/dist/hls.light.min.js to build/static/vendor/ (see docs/tv-journeys.md).
 */
export interface HlsInstance {
  loadSource(url: string): void;
  attachMedia(el: HTMLMediaElement): void;
  on(event: string, cb: (event: string, data: { fatal?: boolean; type?: string; details?: string }) => void): void;
  destroy(): void;
}

export interface HlsConstructor {
  new (config?: Record<string, unknown>): HlsInstance;
  isSupported(): boolean;
  Events: { ERROR: string };
}

let loading: Promise<HlsConstructor> | undefined;

export function loadHlsJs(src: string, doc: Document = document): Promise<HlsConstructor> {
  const existing = (window as unknown as { Hls?: HlsConstructor }).Hls;
  if (existing) return Promise.resolve(existing);
  if (!loading) {
    loading = new Promise<HlsConstructor>((resolve, reject) => {
      const script = doc.createElement('script');
      script.src = src;
      script.async = true;
      script.onload = () => {
        const Hls = (window as unknown as { Hls?: HlsConstructor }).Hls;
        if (Hls) resolve(Hls);
        else reject(new Error('hls.js did not load'));
      };
      script.onerror = () => {
        loading = undefined;
        reject(new Error('hls.js could not be loaded'));
      };
      doc.head.appendChild(script);
    });
  }
  return loading;
}

/** Native HLS when the engine says it can (webOS, Safari, Debian Chromium, most RDK stacks). */
export function canPlayHlsNatively(el: HTMLMediaElement): boolean {
  return el.canPlayType('application/vnd.apple.mpegurl') !== '' || el.canPlayType('application/x-mpegURL') !== '';
}
