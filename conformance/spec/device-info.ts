/** Spec §6.2 / §6.3: what a valid AP-Device-Identifier and X-Device-Info look like. */
const RESTRICTED: Record<string, string[]> = {
  primaryHardwareType: [
    'Camera',
    'DataCollectionTerminal',
    'Desktop',
    'EmbeddedNetworkModule',
    'eReader',
    'GamesConsole',
    'GeolocationTracker',
    'Glasses',
    'MediaPlayer',
    'MobilePhone',
    'PaymentTerminal',
    'PluginModem',
    'SetTopBox',
    'TV',
    'Tablet',
    'WirelessHotspot',
    'Wristwatch',
    'Unknown',
  ],
  osName: ['Android', 'Chrome OS', 'Linux', 'Mac OS', 'OS X', 'OpenBSD', 'Roku OS', 'Windows', 'iOS', 'tvOS', 'webOS'],
  osFamily: [
    'Android',
    'BSD',
    'Linux',
    'PlayStation OS',
    'Roku OS',
    'Symbian',
    'Tizen',
    'Windows',
    'iOS',
    'tvOS',
    'macOS',
    'webOS',
  ],
  osVendor: [
    'Amazon',
    'Apple',
    'Google',
    'LG',
    'Microsoft',
    'Mozilla',
    'Nintendo',
    'Nokia',
    'Roku',
    'Samsung',
    'Sony',
    'Tizen Project',
  ],
  browserName: [
    'Android Browser',
    'Chrome',
    'Edge',
    'Firefox',
    'Internet Explorer',
    'Opera',
    'Safari',
    'SeaMonkey',
    'Symbian Browser',
  ],
  browserVendor: [
    'Amazon',
    'Apple',
    'Google',
    'Microsoft',
    'Motorola',
    'Mozilla',
    'Netscape',
    'Nintendo',
    'Nokia',
    'Samsung',
    'Sony Ericsson',
  ],
};
const REQUIRED = ['model', 'version', 'osName', 'osVersion', 'connectionType'];
const NUMBERS = ['displayWidth', 'displayHeight', 'displayPpi', 'diagonalScreenSize', 'connectionPort'];
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function fromBase64(text: string): string | undefined {
  if (!BASE64.test(text) || text.length % 4 !== 0) return undefined;
  return Buffer.from(text, 'base64').toString('utf8');
}

/** Problem with an AP-Device-Identifier value, or undefined when it is `fingerprint <base64>`. */
export function deviceIdentifierProblem(value: string | undefined): string | undefined {
  if (!value) return 'missing';
  const m = /^fingerprint ([^ ]+)$/.exec(value);
  if (!m) return `not "fingerprint <base64>": ${value.slice(0, 40)}`;
  const decoded = fromBase64(m[1]);
  if (!decoded || decoded.trim() === '') return 'identifier is not Base64 of a non-empty string';
  return undefined;
}

export function decodeDeviceIdentifier(value: string): string {
  return Buffer.from(value.replace(/^fingerprint /, ''), 'base64').toString('utf8');
}

/** Problems with an X-Device-Info value (Base64 JSON with the required keys and documented values). */
export function deviceInfoProblems(value: string | undefined): string[] {
  if (!value) return ['missing'];
  const text = fromBase64(value);
  if (text === undefined) return ['not Base64'];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return ['not JSON'];
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return ['not a JSON object'];
  const info = json as Record<string, unknown>;
  const problems: string[] = [];
  for (const k of REQUIRED)
    if (typeof info[k] !== 'string' || (info[k] as string).trim() === '') problems.push(`missing ${k}`);
  for (const [k, allowed] of Object.entries(RESTRICTED)) {
    if (info[k] !== undefined && allowed.indexOf(String(info[k])) < 0)
      problems.push(`${k}=${String(info[k])} not documented`);
  }
  for (const k of NUMBERS) if (info[k] !== undefined && typeof info[k] !== 'number') problems.push(`${k} not a number`);
  if (info.connectionSecure !== undefined && typeof info.connectionSecure !== 'boolean')
    problems.push('connectionSecure not boolean');
  return problems;
}

export function decodeDeviceInfo(value: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as Record<string, unknown>;
}
