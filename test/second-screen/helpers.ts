/** Shared test helpers: a fake TV that creates sessions with the TV's own registered application. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassClient, type SessionAction } from '../../src/pass';

const FIXTURES = join(__dirname, '..', '..', 'emulator', 'fixtures');

export function statement(softwareId: string): string {
  const file = JSON.parse(readFileSync(join(FIXTURES, 'software-statements.json'), 'utf8')) as { statements: Record<string, string> };
  const s = file.statements[softwareId];
  if (!s) throw new Error(`no software statement ${softwareId} in emulator fixtures`);
  return s;
}

export interface Subscriber {
  username: string;
  password: string;
  mvpds: string | string[];
}

export function subscribers(): Subscriber[] {
  return (JSON.parse(readFileSync(join(FIXTURES, 'subscribers.json'), 'utf8')) as { subscribers: Subscriber[] }).subscribers;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** The TV side of the activation: its own client, its own device, creating sessions. */
export function fakeTv(adobeUrl: string, deviceId = `tv-${Math.random().toString(16).slice(2)}`): PassClient {
  const info = { primaryHardwareType: 'TV', model: 'OLED55', version: '2023', osName: 'webOS', osVersion: '6.0', connectionType: 'LAN', manufacturer: 'LG' };
  return new PassClient({
    restBaseUrl: adobeUrl,
    dcrBaseUrl: adobeUrl,
    serviceProvider: 'DEMOTV',
    softwareStatement: statement('demotv-lightning-tv'),
    device: { identifierHeader: () => `fingerprint ${b64(deviceId)}`, infoHeader: () => b64(JSON.stringify(info)) },
  });
}

export async function tvSession(tv: PassClient, params: { mvpd?: string; redirectUrl: string }): Promise<SessionAction & { code: string }> {
  const action = await tv.createSession({ mvpd: params.mvpd, domainName: 'demotv.example', redirectUrl: params.redirectUrl });
  if (!action.code) throw new Error(`TV session has no code (action ${action.actionName})`);
  return action as SessionAction & { code: string };
}
