/** The token bucket against the documented walk-through (spec §10), on a fake clock. */
import { Throttle } from '../../emulator/src/adobe/throttle';
import { createClock } from '../../emulator/src/clock';

function at(times: number[]): boolean[] {
  let now = 1_000_000;
  const clock = createClock(() => now);
  const t = new Throttle(clock);
  const start = now;
  return times.map((s) => {
    now = start + s * 1000;
    return t.take('203.0.113.7', 1, 10);
  });
}

it('13 quick calls within 2.2 s pass, calls at 2.4/2.6/2.8 s get 429, the call at 3.1 s passes', () => {
  const quick = Array.from({ length: 13 }, (_, i) => (i * 2.2) / 12);
  const results = at([...quick, 2.4, 2.6, 2.8, 3.1]);
  expect(results.slice(0, 13).every(Boolean)).toBe(true);
  expect(results.slice(13, 16)).toEqual([false, false, false]);
  expect(results[16]).toBe(true);
});

it('a client is served again at most one second after its first 429, and rejected calls do not extend the wait', () => {
  const burst = Array.from({ length: 11 }, () => 0);
  const results = at([...burst, 0, 0.5, 0.9, 1.0]);
  expect(results.slice(0, 11).every(Boolean)).toBe(true);
  expect(results.slice(11, 14)).toEqual([false, false, false]);
  expect(results[14]).toBe(true);
});

it('keeps one bucket per client', () => {
  let now = 0;
  const t = new Throttle(createClock(() => now));
  for (let i = 0; i < 11; i++) expect(t.take('a', 1, 10)).toBe(true);
  expect(t.take('a', 1, 10)).toBe(false);
  expect(t.take('b', 1, 10)).toBe(true);
  now += 60_000;
  expect(t.take('a', 1, 10)).toBe(true);
});
