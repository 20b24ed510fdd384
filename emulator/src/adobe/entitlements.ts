/** Mock MVPD authorization: entitlements by channel, parental control by MRSS rating, deny messages (spec §12). */
import { normaliseResource } from '../media-token';
import type { Denial, SubscriberFixture } from './fixtures';

const SCALES: Record<string, { key: string; order: string[] }> = {
  'urn:v-chip': { key: 'VCHIP', order: ['tv-y', 'tv-y7', 'tv-y7-fv', 'tv-g', 'tv-pg', 'tv-14', 'tv-ma'] },
  'urn:mpaa': { key: 'MPAA', order: ['g', 'pg', 'pg-13', 'r', 'nc-17'] },
};

export type Verdict =
  | { permit: true }
  | { permit: false; code: 'denied' | 'parental' | 'unparseable'; denial?: Denial };

/** True when the resource's rating is above the subscriber's maxRating for that scheme. */
function exceedsRating(sub: SubscriberFixture, scheme: string, value: string): boolean {
  const scale = SCALES[scheme.toLowerCase()];
  const max = (sub.attributes.maxRating as Record<string, unknown> | undefined)?.[scale?.key ?? ''];
  if (!scale || typeof max !== 'string') return false;
  const have = scale.order.indexOf(value.trim().toLowerCase());
  const limit = scale.order.indexOf(max.trim().toLowerCase());
  return have >= 0 && limit >= 0 && have > limit;
}

export function evaluate(sub: SubscriberFixture, resource: string): Verdict {
  const n = normaliseResource(resource);
  if (!n) return { permit: false, code: 'unparseable' };
  const entitled = sub.entitlements.includes('*') || sub.entitlements.includes(n.channel);
  if (!entitled) return { permit: false, code: 'denied', denial: sub.denials?.[n.channel] ?? sub.denials?.['*'] };
  if (n.rating && exceedsRating(sub, n.rating.scheme, n.rating.value)) return { permit: false, code: 'parental' };
  return { permit: true };
}
