/**
 * The one place the packages take the app's name, id and version from: metadata.json (which the
 * Lightning CLI also reads). Tizen's config.xml, webOS's appinfo.json and the RDK/Metrological tgz all
 * derive from it; the platform-only extras (Tizen's 10-character package id, the vendor) live there too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/paths';

export interface AppIdentity {
  /** Display name (metadata `name`). */
  name: string;
  /** Reverse-domain id (metadata `identifier`): the webOS app id, the Metrological identifier. */
  identifier: string;
  /** x.y.z (metadata `version`). */
  version: string;
  /** Vendor shown by the TV stores (webOS `vendor`, Tizen `author`). */
  vendor: string;
  tizen: {
    /** 10 alphanumeric characters (Samsung Seller Office assigns it for store apps). */
    packageId: string;
    /** `<packageId>.<name>`: Tizen's application id. */
    applicationId: string;
    /** The W3C widget id (an IRI derived from the identifier). */
    widgetId: string;
  };
}

export class IdentityError extends Error {
  constructor(message: string) {
    super(`metadata.json: ${message}`);
    this.name = 'IdentityError';
  }
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Validate metadata.json's content (pure; tested). */
export function appIdentity(raw: unknown): AppIdentity {
  if (!isObj(raw)) throw new IdentityError('not a JSON object');
  const problems: string[] = [];
  const str = (key: string): string => {
    const v = raw[key];
    if (typeof v !== 'string' || !v.trim()) {
      problems.push(`"${key}" is missing`);
      return '';
    }
    return v.trim();
  };
  const name = str('name');
  const identifier = str('identifier');
  const version = str('version');
  const vendor = typeof raw.vendor === 'string' && raw.vendor.trim() ? raw.vendor.trim() : name;
  if (identifier && !/^[a-z0-9]+(\.[a-z0-9][a-z0-9-]*)+$/.test(identifier))
    problems.push(`"identifier" must be a lowercase reverse-domain id (e.g. com.example.app), got "${identifier}"`);
  // webOS and Tizen both want three numeric parts, each without leading zeros.
  if (version && !/^(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})\.(0|[1-9]\d{0,4})$/.test(version))
    problems.push(`"version" must be x.y.z with numbers only, got "${version}"`);
  const tizen = isObj(raw.tizen) ? raw.tizen : {};
  const packageId = typeof tizen.packageId === 'string' ? tizen.packageId : '';
  if (!/^[0-9A-Za-z]{10}$/.test(packageId))
    problems.push(`"tizen.packageId" must be 10 letters or digits, got "${packageId}"`);
  const shortName = name.replace(/[^0-9A-Za-z]/g, '');
  if (name && !shortName) problems.push('"name" needs at least one letter or digit (Tizen application id)');
  if (problems.length) throw new IdentityError(problems.join('; '));
  const host = identifier.split('.').reverse().join('.');
  return {
    name,
    identifier,
    version,
    vendor,
    tizen: { packageId, applicationId: `${packageId}.${shortName}`, widgetId: `http://${host}/${shortName}` },
  };
}

export function readAppIdentity(root = ROOT): AppIdentity {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(root, 'metadata.json'), 'utf8'));
  } catch (e) {
    throw new IdentityError(`cannot be read (${(e as Error).message})`);
  }
  return appIdentity(raw);
}

/** File-name-safe form of the app name for package files. */
export function packageBaseName(identity: AppIdentity): string {
  return identity.name.replace(/[^0-9A-Za-z._-]+/g, '-');
}
