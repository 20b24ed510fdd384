/**
 * Base of the page controllers: plain TypeScript (no Lightning), one state value as a discriminated
 * union on `kind`, and subscribers (the Lightning view) told of every new state through `render`.
 * The view calls the controller's intents (keys, signals, lifecycle); the controller never touches
 * the view. Model: second-screen/src/flow.ts (logic) and view.ts (DOM).
 */
import type { Failure } from '../flows/api';
import type { PageTimers, Services } from '../services';

export type Render<S> = (state: S) => void;

export abstract class Controller<S extends { kind: string }> {
  private _state: S;
  private readonly renders: Array<Render<S>> = [];

  protected constructor(initial: S) {
    this._state = initial;
  }

  get state(): S {
    return this._state;
  }

  /** Subscribe a view; it is rendered with the current state at once. Returns the unsubscribe. */
  subscribe(render: Render<S>): () => void {
    this.renders.push(render);
    render(this._state);
    return () => {
      const i = this.renders.indexOf(render);
      if (i >= 0) this.renders.splice(i, 1);
    };
  }

  protected set(next: S): void {
    this._state = next;
    for (const render of this.renders.slice()) render(next);
  }
}

/** A button a failure or message offers: the view shows it, the controller acts on its id. */
export interface Action {
  id: string;
  label: string;
  /** Button width when the label is long (px at 1080p). */
  w?: number;
}

/** What a page shows when something failed: a title, the flows' failure and the ways forward. */
export interface FailureView {
  title: string;
  failure: Failure;
  actions: Action[];
}

/** The `failed` state of a page: what failed, why, and the buttons that lead on. */
export function failed(title: string, failure: Failure, ...actions: Action[]): { kind: 'failed' } & FailureView {
  return { kind: 'failed', title, failure, actions };
}

/** The collaborators a controller may receive (each takes the subset it needs). */
export type Deps = Pick<Services, 'flows' | 'catalog' | 'nav' | 'settings' | 'timers' | 'now' | 'session'>;
export type { PageTimers };
