/**
 * Decisions (spec §17 D/E, checklist 16–25). Preauthorization decorates the catalogue only: batches of
 * ≤ N resources (the setting, or the MVPD's own smaller limit), sent one after the other at the scheduler's
 * lowest priority, permits cached in memory, per-item denial reasons, and only items whose error says
 * `retry` are resent (bounded). Answers are matched to what was asked tolerantly (resource-match.ts);
 * an answer that fits nothing leaves its resource unknown. A `signal` drops the batches still queued
 * (the viewer left the catalog). Authorization asks for exactly one resource on every play and never
 * looks at preauthorization results; the media token is handed over, never cached.
 */
import { DEFAULT_RETRY_BASE_MS, MAX_RETRIES, backoffMs, isPassError, reactToItem, type DecisionItem, type EnhancedError } from '../pass';
import type { Decision, Failure, PlaybackGrant, PreauthorizeOptions, Result } from './api';
import { forgetProfile, toSignedIn, type FlowContext } from './context';
import { isDegradedSource } from './degraded';
import { failed, failureFromItem, ok, toFailure } from './failure';
import { matchAnswers } from './resource-match';
import { isTempPassProfile, refreshTempPass, tempPassIdentity } from './temppass';

const DEFAULT_PERMIT_TTL_MS = 10 * 60_000;
const MEDIA_TOKEN_FALLBACK_MS = 7 * 60_000;

const CANCELLED: Failure = { kind: 'unknown', message: 'Preauthorization was cancelled.', retryable: true };

const NOT_SIGNED_IN: Failure = {
  kind: 'authentication',
  message: 'Please sign in with your TV provider.',
  retryable: false,
};

/** Item-level enhanced error → Failure + whether the item should be sent again (action `retry`). */
export function itemFailure(error: EnhancedError | undefined, fallback: string): { failure: Failure; retry: boolean } {
  if (!error) return { failure: failureFromItem('denied', undefined, fallback), retry: false };
  const reaction = reactToItem(error);
  if (reaction.type === 'retry')
    return { failure: failureFromItem(reaction.finalKind, error, fallback, true), retry: true };
  if (reaction.type === 'fail')
    return { failure: failureFromItem(reaction.kind, error, fallback, reaction.retryable), retry: false };
  return { failure: failureFromItem('registration', error, fallback), retry: false };
}

export class Entitlements {
  private permits = new Map<string, number>(); // `${mvpd}\n${resource}` → cached until

  constructor(private readonly ctx: FlowContext) {}

  clear(): void {
    this.permits.clear();
  }

  /** Resources per request for `mvpd`: the setting, lowered to the MVPD's own limit when one is configured. */
  batchSize(mvpd: string): number {
    const setting = this.ctx.config.preauthorizeBatchSize ?? 5;
    const limit = this.ctx.config.preauthorizeLimits?.[mvpd];
    return Math.max(1, Math.floor(Math.min(setting, limit !== undefined && limit > 0 ? limit : setting)));
  }

  async preauthorize(resources: string[], options: PreauthorizeOptions = {}): Promise<Result<Map<string, Decision>>> {
    const profile = this.ctx.state.profile;
    if (!profile) return failed(NOT_SIGNED_IN);
    const mvpd = profile.mvpd;
    const now = this.ctx.clock.now();
    const result = new Map<string, Decision>();
    const pending: string[] = [];
    for (const resource of resources) {
      if (result.has(resource) || pending.indexOf(resource) >= 0) continue;
      const until = this.permits.get(key(mvpd, resource));
      if (until !== undefined && until > now) result.set(resource, { resource, authorized: true });
      else pending.push(resource);
    }

    const size = this.batchSize(mvpd);
    let firstFailure: Failure | undefined;
    let anyAnswered = false;
    // Batches go one after the other: bursts are what trips throttling (§10).
    for (let i = 0; i < pending.length; i += size) {
      const answered = await this.preauthorizeBatch(mvpd, pending.slice(i, i + size), result, options);
      if (!answered.ok && answered.failure === CANCELLED) return failed(CANCELLED);
      // §9.5.2: an item-level "no profile" means the same as the top-level one — the user must sign in again.
      const signedOut = answered.ok
        ? this.itemLevelAuthenticationFailure(pending.slice(i, i + size), result)
        : undefined;
      if (signedOut) {
        await forgetProfile(this.ctx);
        return failed(signedOut);
      }
      if (answered.ok) anyAnswered = true;
      else {
        firstFailure = firstFailure ?? answered.failure;
        if (answered.failure.kind === 'authentication') {
          await forgetProfile(this.ctx);
          return failed(answered.failure);
        }
        // The service itself is failing: the remaining batches would fail the same way (each with its own
        // retries), so they are not sent — one catalog load stays at a handful of requests.
        const serviceDown = ['server', 'network', 'throttled'].indexOf(answered.failure.kind) >= 0;
        const skipped = serviceDown ? pending.slice(i) : pending.slice(i, i + size);
        for (const resource of skipped)
          result.set(resource, { resource, authorized: false, failure: answered.failure });
        if (serviceDown) break;
      }
    }
    if (firstFailure && !anyAnswered && result.size === pending.length) return failed(firstFailure);
    return ok(result);
  }

  private itemLevelAuthenticationFailure(batch: string[], decisions: Map<string, Decision>): Failure | undefined {
    for (const resource of batch) {
      const failure = decisions.get(resource)?.failure;
      if (failure && failure.kind === 'authentication') return failure;
    }
    return undefined;
  }

  /** One batch; items marked `retry` are resent alone, at most MAX_RETRIES times. */
  private async preauthorizeBatch(
    mvpd: string,
    batch: string[],
    into: Map<string, Decision>,
    options: PreauthorizeOptions,
  ): Promise<Result<true>> {
    let toSend = batch;
    for (let attempt = 0; toSend.length > 0; attempt++) {
      let items: DecisionItem[];
      try {
        items = await this.ctx.client.preauthorize(mvpd, toSend, { signal: options.signal });
      } catch (error) {
        if (isPassError(error) && error.cancelled) return failed(CANCELLED);
        return failed(toFailure(error));
      }
      const { matched, strays } = matchAnswers(toSend, items);
      const unmatched = toSend.length - matched.size;
      // Counts only: resources are not secret, but a log line per title would flood a large catalog.
      if (unmatched > 0)
        this.ctx.logger.warn('Preauthorization answers left resources unknown', { unmatched, strays: strays.length });
      const again: string[] = [];
      for (const resource of toSend) {
        const item = matched.get(resource);
        if (!item) {
          // Documented fallback: unknown (no entry) — neither locked nor unlocked; authorize decides on play.
          continue;
        } else if (item.authorized) {
          this.permits.set(
            key(mvpd, resource),
            this.ctx.clock.now() + (this.ctx.config.permitCacheTtlMs ?? DEFAULT_PERMIT_TTL_MS),
          );
          into.set(resource, { resource, authorized: true, ...(isDegradedSource(item.source) ? { degraded: true } : {}) });
        } else {
          const { failure, retry } = itemFailure(item.error, 'Not included in your TV package.');
          if (retry && attempt < MAX_RETRIES) again.push(resource);
          else into.set(resource, { resource, authorized: false, failure });
        }
      }
      if (again.length > 0) await this.ctx.sleep(backoffMs(attempt, this.ctx.config.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_MS));
      toSend = again;
    }
    return ok(true);
  }

  async authorize(resource: string): Promise<Result<PlaybackGrant>> {
    const profile = this.ctx.state.profile;
    if (!profile) return failed(NOT_SIGNED_IN);
    for (let attempt = 0; ; attempt++) {
      let item: DecisionItem;
      try {
        // Promotional TempPass: AP-TempPass-Identity (the email's hash) on every authorize (§6.5).
        item = await this.ctx.client.authorize(profile.mvpd, resource, await tempPassIdentity(this.ctx, profile.mvpd));
      } catch (error) {
        if (isPassError(error) && error.kind === 'authentication') await forgetProfile(this.ctx);
        return failed(toFailure(error));
      }
      if (item.authorized) {
        if (!item.token)
          return failed(failureFromItem('malformed', undefined, 'The permit carried no media token.', true));
        if (isTempPassProfile(profile)) await refreshTempPass(this.ctx, profile.mvpd, item);
        else await this.maybeRereadProfile(profile.mvpd);
        const notAfter = item.token.notAfter ?? this.ctx.clock.now() + MEDIA_TOKEN_FALLBACK_MS;
        const degraded = isDegradedSource(item.source) ? { degraded: true } : {};
        return ok({ resource, mediaToken: item.token.serializedToken, notAfter, ...degraded });
      }
      const { failure, retry } = itemFailure(item.error, 'Your TV provider does not allow access to this title.');
      if (retry && attempt < MAX_RETRIES) {
        await this.ctx.sleep(backoffMs(attempt, this.ctx.config.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_MS));
        continue;
      }
      if (failure.kind === 'authentication') await forgetProfile(this.ctx);
      return failed(failure);
    }
  }

  /** Optional (config.rereadProfileAfterAuthorize): metadata such as householdID may change on authorize. */
  private async maybeRereadProfile(mvpd: string): Promise<void> {
    if (!this.ctx.config.rereadProfileAfterAuthorize) return;
    try {
      const profiles = await this.ctx.client.profileForMvpd(mvpd);
      const fresh = profiles.filter((p) => p.mvpd === mvpd)[0];
      const current = this.ctx.state.profile;
      if (fresh && current && current.mvpd === mvpd) {
        const signedIn = toSignedIn(fresh, current.provider);
        this.ctx.state.profile = signedIn;
        await this.ctx.persistence.writeProfile(signedIn);
      }
    } catch (error) {
      this.ctx.logger.warn('Profile re-read after authorization failed', { reason: toFailure(error).kind });
    }
  }
}

function key(mvpd: string, resource: string): string {
  return `${mvpd}\n${resource}`;
}
