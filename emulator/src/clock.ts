/** The emulator's notion of "now". Tests and the admin API advance it instead of sleeping. */
export interface Clock {
  now(): number;
  advance(ms: number): void;
}

export function createClock(start: () => number = Date.now): Clock {
  let offset = 0;
  return {
    now: () => start() + offset,
    advance: (ms: number) => {
      offset += ms;
    },
  };
}
