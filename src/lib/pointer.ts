/**
 * Pointer (LG Magic Remote, mouse) support. Lightning delivers hover/click to any element with
 * `collision: true`, including elements hidden behind a modal dialog. The app therefore keeps one
 * "pointer scope": while a modal is open only components inside it react to the pointer.
 */
import { Lightning } from '@lightningjs/sdk';

let scope: Lightning.Component | null = null;

/** Restrict pointer input to `component`'s subtree (null = whole app). */
export function setPointerScope(component: Lightning.Component | null): void {
  scope = component;
}

export function pointerScope(): Lightning.Component | null {
  return scope;
}

/** True when `component` may react to the pointer now. */
export function inPointerScope(component: Lightning.Component): boolean {
  if (!scope) return true;
  let node: Lightning.Component | null = component;
  while (node) {
    if (node === scope) return true;
    node = node.cparent;
  }
  return false;
}

/**
 * Containers that hold focusable children implement this (through `fireAncestors('$pointerFocus', child)`)
 * to move their focus index to the hovered child.
 */
export interface PointerFocusHandler {
  $pointerFocus(child: Lightning.Component): void;
}

function isPointerFocusHandler(c: unknown): c is PointerFocusHandler {
  return typeof (c as Partial<PointerFocusHandler>).$pointerFocus === 'function';
}

/**
 * Walk up from `child` to the nearest ancestor that handles `$pointerFocus` and hand it the direct
 * child on the path, so nested containers (row inside page) each only deal with their own children.
 */
export function requestPointerFocus(child: Lightning.Component): void {
  if (!inPointerScope(child)) return;
  let node: Lightning.Component = child;
  let parent = node.cparent;
  while (parent) {
    if (isPointerFocusHandler(parent)) {
      parent.$pointerFocus(node);
      return;
    }
    node = parent;
    parent = node.cparent;
  }
}

/**
 * Lightning only searches for pointer targets below elements whose `collision` is truthy; 2 marks a
 * container as "search inside, but not a target itself" (the value Lightning uses for such parents).
 * Templates put it on every container that holds pointer targets.
 */
export const POINTER_PATH = 2 as unknown as boolean;

/**
 * Make `element` reachable by the pointer. Lightning only searches below ancestors whose `collision`
 * is truthy, and marks just the direct parent when a collision element is attached — children added at
 * run time (e.g. `this.children = [...]` in a row) leave the grandparents unmarked. Call from `_attach()`
 * of every pointer-enabled component. Ancestors set to `false` on purpose (a page behind a modal) stay so.
 */
export function markPointerPath(element: Lightning.Element): void {
  let node = element.parent;
  while (node) {
    if (node.collision === undefined) node.collision = POINTER_PATH;
    node = node.parent;
  }
}
