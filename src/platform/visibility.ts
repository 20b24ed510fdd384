/**
 * Firebolt lifecycle → page visibility. On RDK the page stays visible to the browser engine when the
 * box moves the app to `inactive` or `background`, yet playback must stop then. Rather than teach every
 * page a second signal, the platform layer makes `document.hidden` / `visibilityState` report hidden
 * for those states and fires `visibilitychange`: the player's existing visibility handling (the same
 * path Tizen and webOS use when they suspend an app) does the rest.
 */

type VisibilityDoc = Document & { hidden: boolean; visibilityState: DocumentVisibilityState };

export function bridgeVisibility(doc: VisibilityDoc): (hiddenByPlatform: boolean) => void {
  let forced = false;
  const proto = Object.getPrototypeOf(doc) as object;
  const find = (name: string): PropertyDescriptor | undefined => {
    // Document.prototype (or HTMLDocument.prototype on old engines) owns the native getters.
    for (let p: object | null = proto; p; p = Object.getPrototypeOf(p) as object | null) {
      const d = Object.getOwnPropertyDescriptor(p, name);
      if (d) return d;
    }
    return undefined;
  };
  const nativeHidden = find('hidden');
  const nativeState = find('visibilityState');
  try {
    Object.defineProperty(doc, 'hidden', {
      configurable: true,
      get: () => forced || Boolean(nativeHidden && nativeHidden.get ? nativeHidden.get.call(doc) : false),
    });
    Object.defineProperty(doc, 'visibilityState', {
      configurable: true,
      get: () => (forced ? 'hidden' : nativeState && nativeState.get ? nativeState.get.call(doc) : 'visible'),
    });
  } catch {
    // An engine that refuses the override still gets the event; handlers then see the native state.
  }
  return (hiddenByPlatform: boolean): void => {
    if (hiddenByPlatform === forced) return;
    forced = hiddenByPlatform;
    const event = doc.createEvent('Event');
    event.initEvent('visibilitychange', false, false);
    doc.dispatchEvent(event);
  };
}
