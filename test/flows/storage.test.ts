/** The flows' persistence over the storage port: shape checks on read, refused writes reported once. */
import { Persistence } from '../../src/flows/storage';
import { CapturingLogger, MemoryStorage } from './helpers';

const TOKEN = { accessToken: 'tok-secret', expiresAt: 2e12, refreshAt: 1.9e12 };

function setup() {
  const storage = new MemoryStorage();
  const logger = new CapturingLogger();
  const p = new Persistence(storage, 'adobePass.SP.', 'http://dcr', logger);
  const warnings = () => logger.lines.filter((l) => l.includes('Could not persist entry'));
  return { storage, logger, p, warnings };
}

describe('flows persistence', () => {
  it('stores plain values through the port (the port owns the envelope)', async () => {
    const { storage, p } = setup();
    await p.writeToken(TOKEN);
    expect(storage.data.get('adobePass.SP.token')).toEqual(TOKEN);
    expect(await p.readToken()).toEqual(TOKEN);
  });

  it('a refused write is logged once per entry until a write succeeds, then again on the next failure', async () => {
    const { storage, p, warnings } = setup();
    storage.refuseWrites = true;
    await p.writeToken(TOKEN);
    await p.writeToken(TOKEN); // every token refresh on a full store: still one warning
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('adobePass.SP.token');
    expect(warnings()[0]).not.toContain('tok-secret');

    await p.writeProvider({ id: 'Acme', displayName: 'Acme' } as never);
    expect(warnings()).toHaveLength(2); // another entry, its own warning

    storage.refuseWrites = false;
    await p.writeToken(TOKEN);
    storage.refuseWrites = true;
    await p.writeToken(TOKEN);
    expect(warnings()).toHaveLength(3);
  });

  it('an unreadable entry or one of the wrong shape reads as absent and is removed', async () => {
    const { storage, p, logger } = setup();
    storage.unreadable('adobePass.SP.token');
    expect(await p.readToken()).toBeUndefined();
    expect(storage.data.has('adobePass.SP.token')).toBe(false);
    storage.set('adobePass.SP.token', { accessToken: 7 });
    expect(await p.readToken()).toBeUndefined();
    expect(storage.data.has('adobePass.SP.token')).toBe(false);
    expect(logger.lines.filter((l) => l.includes('Ignoring unreadable stored entry'))).toHaveLength(2);
  });

  it('client credentials of another DCR host are not used', async () => {
    const { storage, p } = setup();
    storage.set('adobePass.SP.client', { clientId: 'c', clientSecret: 's', dcrBaseUrl: 'http://other' });
    expect(await p.readClient()).toBeUndefined();
  });
});
