/**
 * How a profile is offered in the chooser (Splash at launch, Account → Switch provider): its provider, its
 * type in words (signed in, free preview, limited service, single sign-on) and how long it is valid.
 * Plain TypeScript shared by both controllers; the views draw `label`.
 */
import type { SignedInProfile } from '../flows/api';
import { formatDayMonth } from '../components/format';
import { t, type MessageKey } from '../lib/language';

export interface ProfileChoice {
  /** The profile's MVPD (unique within a list). */
  id: string;
  /** "Acme Cable · Signed in · until 31 Dec" (" · in use" for the adopted one). */
  label: string;
  current: boolean;
}

const KIND: Record<string, MessageKey> = {
  regular: 'profiles.kindRegular',
  temporary: 'profiles.kindTemporary',
  degraded: 'profiles.kindDegraded',
  appleSSO: 'profiles.kindSso',
  platformSSO: 'profiles.kindSso',
  serviceTokenSSO: 'profiles.kindSso',
};

/** The profile's type in words; an unknown type (a future addition) reads as a sign-in. */
export function profileKind(type: string): string {
  return t(KIND[type] ?? 'profiles.kindRegular');
}

export function profileChoice(p: SignedInProfile, currentMvpd?: string): ProfileChoice {
  const current = p.mvpd === currentMvpd;
  const label = t('profiles.choiceLabel', {
    provider: p.provider.displayName,
    kind: profileKind(p.type),
    date: formatDayMonth(p.notAfter),
  });
  return { id: p.mvpd, label: current ? `${label} · ${t('profiles.inUse')}` : label, current };
}
