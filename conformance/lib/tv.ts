/**
 * A simulated TV running the real client code: src/platform builds the device headers (as the app's
 * platform layer does on an LG webOS TV), src/flows runs the cookbook, and the configuration comes
 * from settings.json's emulator preset (resolved like src/services.ts, whose Lightning import keeps
 * it out of Node; its platform port is rebuilt here the same way). The TV's "localStorage" is an
 * in-memory map that outlives app restarts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import {
  createPassFlows,
  type LoggerPort,
  type PassFlows,
  type PassFlowsConfig,
  type StoragePort,
  type TimersPort,
} from '../../src/flows';
import { createPlatform, type Platform } from '../../src/platform';
import { createTrialPairingClient } from '../../src/catalog/trial-pairing';
import type { TempPassSettings } from '../../src/flows';
import type { KeyValueBackend } from '../../src/platform/storage';

export const SP = 'DEMOTV';

/** LG webOS 6 (Chromium 79) user agent, as the TV's browser engine reports it. */
export const WEBOS_UA =
  'Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.79 Safari/537.36 WebAppManager';

/** Samsung Tizen 6 TV user agent. */
export const TIZEN_UA =
  'Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 76.0.3809.146/6.0 TV Safari/537.36';

/** The TV's localStorage: survives app restarts, shared by the platform layer and the flows. */
export class MemoryBackend implements KeyValueBackend {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.has(key) ? (this.data.get(key) as string) : null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
  keys(): string[] {
    return Array.from(this.data.keys());
  }
}

/** The device clock: real time plus an offset the journeys may move forward (TV clock jumps). */
export class DeviceClock {
  offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

/**
 * Real timers that fire `earlyMs` before the requested delay. Browser and TV engines measure timers on a
 * monotonic clock while Date.now() is wall time (NTP slews it); the two disagree by milliseconds, and Node
 * itself fires a timer before Date.now() reaches the target now and then. Used where a flow's correctness
 * should not hinge on a timer landing exactly on an instant.
 */
export function earlyTimers(earlyMs: number): TimersPort {
  return {
    setTimeout: (callback, ms) => setTimeout(callback, Math.max(0, ms - earlyMs)),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

/** Every line the app would log, after the flows' own redaction (checklist 40). */
export const capturedLogs: string[] = [];

const captureLogger: LoggerPort = {
  debug: (m, d) => capturedLogs.push(`debug ${m} ${JSON.stringify(d ?? {})}`),
  info: (m, d) => capturedLogs.push(`info ${m} ${JSON.stringify(d ?? {})}`),
  warn: (m, d) => capturedLogs.push(`warn ${m} ${JSON.stringify(d ?? {})}`),
  error: (m, d) => capturedLogs.push(`error ${m} ${JSON.stringify(d ?? {})}`),
};

interface AdobePassSettings {
  preset: string;
  pollIntervalMs?: number;
  configCacheTtlMs?: number;
  preauthorizeBatchSize?: number;
  hiddenMvpdIds?: string[];
  tempPass?: TempPassSettings;
  presets: Record<string, Record<string, string>>;
}

function readAppSettings(): AdobePassSettings {
  const raw = JSON.parse(readFileSync(join(__dirname, '..', '..', 'settings.json'), 'utf8')) as {
    appSettings: { adobePass: AdobePassSettings };
  };
  return raw.appSettings.adobePass;
}

/** settings.json's emulator preset and tuning knobs, pointed at this run's emulator. */
export function appConfig(adobeUrl: string): PassFlowsConfig {
  const s = readAppSettings();
  const p = s.presets.emulator;
  return {
    restBaseUrl: adobeUrl,
    dcrBaseUrl: adobeUrl,
    serviceProvider: p.serviceProvider,
    softwareStatement: p.softwareStatement,
    domainName: p.domainName,
    redirectUrl: p.redirectUrl,
    secondScreenUrl: p.secondScreenUrl,
    secondScreenShortUrl: p.secondScreenShortUrl,
    pollIntervalMs: s.pollIntervalMs,
    configCacheTtlMs: s.configCacheTtlMs,
    preauthorizeBatchSize: s.preauthorizeBatchSize,
    hiddenMvpdIds: s.hiddenMvpdIds,
    // As shipped: the TempPass offer (src/settings.ts reads the same key).
    tempPass: s.tempPass,
  };
}

export function appSettingsSnapshot(): {
  pollIntervalMs?: number;
  configCacheTtlMs?: number;
  preauthorizeBatchSize?: number;
} {
  const s = readAppSettings();
  return {
    pollIntervalMs: s.pollIntervalMs,
    configCacheTtlMs: s.configCacheTtlMs,
    preauthorizeBatchSize: s.preauthorizeBatchSize,
  };
}

/** One physical TV: its storage and clock persist across app launches. */
export class Tv {
  readonly backend = new MemoryBackend();
  readonly clock = new DeviceClock();
  platform: Platform;
  readonly launches: PassFlows[] = [];
  /** The programmer backend, as src/services.ts wires it (promotional TempPass pairing); unset: no pairing port. */
  programmerUrl?: string;

  constructor(
    private readonly adobeUrl: string,
    private readonly userAgent = WEBOS_UA,
  ) {
    this.platform = this.bootPlatform();
  }

  private bootPlatform(): Platform {
    return createPlatform({
      env: {
        userAgent: this.userAgent,
        search: '',
        screen: { width: 1920, height: 1080 },
        connectionType: 'ethernet',
        getRandomValues: (bytes: Uint8Array) => webcrypto.getRandomValues(bytes),
      },
      backend: this.backend,
      applicationId: SP,
      appVersion: '0.1.0',
    });
  }

  /** The flows' storage port as src/services.ts builds it: the platform layer's storage. */
  private storagePort(platform: Platform): StoragePort {
    return platform.storage;
  }

  /** Start the app (again): a fresh platform instance and flows over the same storage. */
  launch(overrides: Partial<PassFlowsConfig> = {}, timers?: TimersPort): PassFlows {
    this.platform = this.bootPlatform();
    const platform = this.platform;
    const flows = createPassFlows(
      { ...appConfig(this.adobeUrl), ...overrides },
      {
        platform: {
          deviceIdentifierHeader: () => platform.deviceIdentifierHeader(),
          deviceInfoHeader: () => platform.deviceInfoHeader(),
          storage: this.storagePort(platform),
        },
        clock: this.clock,
        logger: captureLogger,
        ...(this.programmerUrl ? { trialPairing: createTrialPairingClient({ baseUrl: this.programmerUrl }) } : {}),
        ...(timers ? { timers } : {}),
      },
    );
    this.launches.push(flows);
    return flows;
  }

  deviceIdentifierHeader(): string {
    return this.platform.deviceIdentifierHeader();
  }

  /** Backend key of a flows entry: the platform namespace `tve.` + the flows' `adobePass.DEMOTV.<name>`. */
  static key(name: string): string {
    return `tve.adobePass.${SP}.${name}`;
  }

  /** A stored flows entry, as read through the platform's storage envelope. */
  stored(name: string): Record<string, unknown> | undefined {
    const data = this.platform.storage.get(`adobePass.${SP}.${name}`);
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined;
  }
}
