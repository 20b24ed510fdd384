/**
 * Bench baseline: a bare Lightning 2 app (SDK Launch, no router, no services, no network) built by the
 * same CLI as the real app, so `npm run bench` can print our figures as ratios over it.
 */
import { Launch, type PlatformSettings } from '@lightningjs/sdk';
import { App } from './App';

export default function (appSettings: Record<string, unknown>, platformSettings: PlatformSettings, appData?: unknown) {
  return Launch(App, appSettings as never, platformSettings, appData as Record<string, unknown> | undefined);
}
