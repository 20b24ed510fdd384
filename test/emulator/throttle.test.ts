/** Throttling in Adobe's model (Throttling mechanism page, spec §10), on a fake clock. */
import { Throttle } from '../../emulator/src/adobe/throttle';
import { createClock } from '../../emulator/src/clock';

function run(times: number[], key = '203.0.113.7'): boolean[] {
  let now = 1_000_000;
  const t = new Throttle(createClock(() => now));
  const start = now;
  return times.map((s) => {
    now = start + Math.round(s * 1000);
    return t.take(key, 1, 10);
  });
}

it("reproduces Adobe's walk-through row by row: 13 calls up to 2.2 s pass, 2.4/2.6/2.8 s get 429, 3.1 s passes", () => {
  const rows = [0, 0.3, 0.6, 0.9, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 2.1, 2.2, 2.4, 2.6, 2.8, 3.1];
  const expected = [...Array(13).fill(true), false, false, false, true];
  expect(run(rows)).toEqual(expected);
});

it('the burst is one-time: after it is spent, a minute of silence gives back one call per second, not the burst', () => {
  const burst = Array.from({ length: 11 }, () => 0); // first window + the 10-call burst
  const results = run([...burst, 0.1, 60, 60.1, 60.5, 61, 62, 62.2]);
  expect(results.slice(0, 11).every(Boolean)).toBe(true);
  expect(results.slice(11)).toEqual([false, true, false, false, true, true, false]);
});

it('a client is served again at most one second after its first 429; rejected calls neither consume nor extend', () => {
  const burst = Array.from({ length: 11 }, () => 0);
  const results = run([...burst, 0, 0.5, 0.9, 0.999, 1.0]);
  expect(results.slice(0, 11).every(Boolean)).toBe(true);
  expect(results.slice(11, 15)).toEqual([false, false, false, false]);
  expect(results[15]).toBe(true);
});

it('keeps one allowance per client, and reset forgets them all', () => {
  let now = 0;
  const t = new Throttle(createClock(() => now));
  for (let i = 0; i < 11; i++) expect(t.take('a', 1, 10)).toBe(true);
  expect(t.take('a', 1, 10)).toBe(false);
  expect(t.peek('a')).toEqual({ burstLeft: 0 });
  expect(t.take('b', 1, 10)).toBe(true);
  expect(t.peek('b')).toEqual({ burstLeft: 10 });
  t.reset();
  now += 10;
  for (let i = 0; i < 11; i++) expect(t.take('a', 1, 10)).toBe(true);
});
