/**
 * Provider picker data (spec §17 C.1, checklist 6–8): configuration fetched only when the user must
 * choose, cached in memory for a short TTL, filtered (TempPass, test MVPDs, hidden ids, a custom
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

  constructor(private readonly ctx: FlowContext) {}

  async list(): Promise<Result<Provider[]>> {
    const ttl = this.ctx.config.configCacheTtlMs ?? DEFAULT_TTL_MS;
    const now = this.ctx.clock.now();
    if (!this.cache || now - this.cache.at >= ttl) {
      try {
        const configuration = await this.ctx.client.configuration();
        this.cache = { at: now, mvpds: configuration.mvpds };
      } catch (error) {
        return failed(toFailure(error));
      }
    }
    const visible = this.cache.mvpds.map(toProvider).filter(visibleFilter(this.ctx.config));
    const lastId = (await lastUsed(this.ctx))?.id;
    const last = visible.filter((p) => p.id === lastId);
    return ok(last.concat(visible.filter((p) => p.id !== lastId)));
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
