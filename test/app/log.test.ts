import { Log, redact, redactString, REDACTED, setLogSink, LogLevel } from '../../src/lib/log';

describe('redacting log wrapper', () => {
  const lines: Array<[LogLevel, unknown[]]> = [];
  beforeAll(() => setLogSink((level, args) => lines.push([level, args])));
  afterAll(() => setLogSink(null));
  beforeEach(() => (lines.length = 0));

  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

  it('removes values under secret-looking keys at any depth', () => {
    const out = redact({
      access_token: 'abc',
      client_secret: 'shh',
      nested: { softwareStatement: 'x', Authorization: 'Bearer abc', mvpd: 'Acme' },
      list: [{ password: 'p' }],
    }) as Record<string, unknown>;
    expect(out).toEqual({
      access_token: REDACTED,
      client_secret: REDACTED,
      nested: { softwareStatement: REDACTED, Authorization: REDACTED, mvpd: 'Acme' },
      list: [{ password: REDACTED }],
    });
  });

  it('scrubs bearer tokens, JWTs and token query parameters inside strings', () => {
    expect(redactString('Authorization: Bearer abc.def-123')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactString(`statement ${jwt} end`)).toBe(`statement ${REDACTED} end`);
    expect(redactString('GET /media/t01/index.m3u8?mediaToken=QUJD&x=1')).toBe(
      `GET /media/t01/index.m3u8?mediaToken=${REDACTED}&x=1`,
    );
  });

  it('never passes a secret to the sink, whatever the caller logs', () => {
    Log.info(`got token ${jwt}`, { accessToken: jwt, headers: { authorization: `Bearer ${jwt}` }, ok: 1 });
    Log.error('failed', new Error(`bad Bearer ${jwt}`));
    const text = JSON.stringify(lines);
    expect(text).not.toContain(jwt);
    expect(lines[0]![0]).toBe('info');
    expect(lines[0]![1][1]).toMatchObject({ ok: 1 });
  });

  it('survives cycles and a throwing sink', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(() => Log.debug('cycle', a)).not.toThrow();
    setLogSink(() => {
      throw new Error('console gone');
    });
    expect(() => Log.warn('x')).not.toThrow();
    setLogSink((level, args) => lines.push([level, args]));
  });
});

describe('where lines go without a test sink', () => {
  // The SDK's settings store, as Launch fills it from index.html (this entry has no typings).
  const { initSettings } = jest.requireActual('@lightningjs/sdk/src/Settings') as {
    initSettings(app: object, platform: object): void;
  };
  let warn: jest.SpyInstance;
  let log: jest.SpyInstance;
  beforeEach(() => {
    setLogSink(null);
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('with the platform log off (device builds) info is silent, warnings still reach the console, redacted', () => {
    initSettings({}, { log: false });
    Log.info('Signed in', { mvpd: 'Acme' });
    Log.warn('lost', { access_token: 'abc' });
    expect(log).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls[0])).toContain(REDACTED);
    expect(JSON.stringify(warn.mock.calls[0])).not.toContain('abc');
  });

  it('with the platform log on (dev build) info goes through the SDK logger', () => {
    initSettings({}, { log: true });
    Log.info('Signed in', { mvpd: 'Acme' });
    expect(log).toHaveBeenCalledTimes(1);
  });
});
