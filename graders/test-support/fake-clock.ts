/**
 * A clock for tests of anything that polls (the runner's Clock has this shape): time moves only
 * when someone sleeps, or when a test moves `t` itself to stand for a slow call.
 */
export interface FakeClock {
  t: number;
  /** Every sleep asked for, in order. */
  sleeps: number[];
  now(): number;
  sleep(ms: number): Promise<void>;
}

export function fakeClock(start = 1_000_000): FakeClock {
  const clock: FakeClock = {
    t: start,
    sleeps: [],
    now: () => clock.t,
    sleep: async (ms) => {
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}
