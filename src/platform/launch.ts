/**
 * The Application options handed to Launch: settings.json's appSettings plus the platform's key map,
 * the canvas2d switch, pointer support and the font face. Pure, so it is unit-tested.
 */
import type { Platform } from './index';
import { isTruthyParam, queryParam } from '../query';

export type AppSettings = Record<string, unknown> & { stage?: Record<string, unknown> };

export interface LaunchOptions extends Record<string, unknown> {
  stage: Record<string, unknown>;
  keys: Record<string, string>;
  defaultFontFace: string;
  enablePointer: boolean;
}

export function launchOptions(
  appSettings: AppSettings,
  platform: Pick<Platform, 'keys'>,
  search: string,
  fontFace: string,
): LaunchOptions {
  const stage: Record<string, unknown> = { ...(appSettings.stage || {}) };
  // Lightning does not fall back to canvas2d when WebGL is unusable: offer a switch.
  if (isTruthyParam(queryParam(search, 'canvas2d'))) stage.canvas2d = true;
  return {
    ...appSettings,
    stage,
    keys: platform.keys(),
    // The SDK defaults to "RobotoRegular", which the app does not ship.
    defaultFontFace: fontFace,
    // LG Magic Remote / mouse: hover focuses, click selects (Button, collision: true).
    enablePointer: true,
  };
}
