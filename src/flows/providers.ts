/**
 * Provider picker data (spec §17 C.1, checklist 6–8): configuration fetched only when the user must
 * choose (or, opted in, on a first launch together with the profiles: prefetch), cached in memory for a
 * short TTL with the request on its way shared, filtered (TempPass, test MVPDs, hidden ids, a custom
 * hook), last-used provider first.
 */
import type { ConfigurationMvpd } from '../pass';
import type { Provider, Result } from './api';
import { lastUsed, type FlowContext } from './context';
import { failed, ok, toFailure } from './failure';
import { visibleFilter } from './provider-filter';

const DEFAULT_TTL_MS = 3 * 60_000;

export class ProviderList {
  private cache?: { at: number; mvpds: ConfigurationMvpd[] };
  /** The configuration request on its way (a prefetch or a list() call): later callers share it. */
  private pending?: Promise<Result<ConfigurationMvpd[]>>;

  constructor(private readonly ctx: FlowContext) {}

  async list(): Promise<Result<Provider[]>> {
    const cached = this.fresh();
    const result = cached ? ok(cached) : await this.fetch();
    if (!result.ok) return failed(result.failure);
    const visible = result.value.map(toProvider).filter(visibleFilter(this.ctx.config));
    const lastId = (await lastUsed(this.ctx))?.id;
    const last = visible.filter((p) => p.id === lastId);
    return ok(last.concat(visible.filter((p) => p.id !== lastId)));
  }

  /** The configuration's TempPass MVPDs, with the picker's other filters (hidden ids, test pattern, custom rule). */
  async tempPasses(): Promise<Result<Provider[]>> {
    const cached = this.fresh();
    const result = cached ? ok(cached) : await this.fetch();
    if (!result.ok) return failed(result.failure);
    const keep = visibleFilter({ ...this.ctx.config, showTempPass: true });
    return ok(result.value.map(toProvider).filter((p) => p.isTempPass && keep(p)));
  }

  /** Ask for the configuration now (first launch, boot): list() then answers from this request. */
  prefetch(): void {
    if (!this.fresh()) void this.fetch();
  }

  private fresh(): ConfigurationMvpd[] | undefined {
    const ttl = this.ctx.config.configCacheTtlMs ?? DEFAULT_TTL_MS;
    return this.cache && this.ctx.clock.now() - this.cache.at < ttl ? this.cache.mvpds : undefined;
  }

  /** The shared configuration request; its age counts from when it was sent. A failure is not kept. */
  private fetch(): Promise<Result<ConfigurationMvpd[]>> {
    if (!this.pending) {
      const at = this.ctx.clock.now();
      this.pending = this.ctx.client.configuration().then(
        (configuration) => {
          this.cache = { at, mvpds: configuration.mvpds };
          return ok(configuration.mvpds);
        },
        (error: unknown) => failed<ConfigurationMvpd[]>(toFailure(error)),
      );
      const clear = (): void => {
        this.pending = undefined;
      };
      void this.pending.then(clear);
    }
    return this.pending;
  }

  /**
   * The provider a profile of `mvpd` is signed in with: the one chosen on the TV, else the persisted
   * one, else the picker's copy of the configuration (whatever its age: the "choose on your phone" tile
   * sits in the picker), else a provider named after the id. Never a configuration request: the user
   * is signed in, there is nothing to choose (checklist 6).
   */
  async providerFor(mvpd: string, chosen: Provider | undefined): Promise<Provider> {
    if (chosen && chosen.id === mvpd) return chosen;
    const last = await lastUsed(this.ctx);
    if (last && last.id === mvpd) return last;
    const entry = this.cache?.mvpds.filter((m) => m.id === mvpd)[0];
    if (entry) return toProvider(entry);
    this.ctx.logger.warn('Provider not in the configuration; named after its id', { mvpd });
    return { id: mvpd, displayName: mvpd, isTempPass: false, isProxy: false };
  }
}

function toProvider(m: ConfigurationMvpd): Provider {
  return { id: m.id, displayName: m.displayName, logoUrl: m.logoUrl, isTempPass: m.isTempPass, isProxy: m.isProxy };
}
