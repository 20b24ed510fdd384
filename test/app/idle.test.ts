import { IDLE_FALLBACK_MS, whenIdle } from '../../src/lib/idle';

describe('whenIdle', () => {
  it('hands the task to requestIdleCallback with a bound on the wait', () => {
    const asked: Array<{ task: () => void; timeout?: number }> = [];
    const setTimeout = jest.fn();
    const task = jest.fn();
    whenIdle(task, 1500, { requestIdleCallback: (t, o) => asked.push({ task: t, timeout: o?.timeout }), setTimeout });
    expect(task).not.toHaveBeenCalled();
    expect(setTimeout).not.toHaveBeenCalled();
    expect(asked).toHaveLength(1);
    expect(asked[0]!.timeout).toBe(1500);
    asked[0]!.task();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('without requestIdleCallback the task runs after a fixed pause, not at once', () => {
    const task = jest.fn();
    const setTimeout = jest.fn();
    whenIdle(task, 2000, { setTimeout });
    expect(task).not.toHaveBeenCalled();
    expect(setTimeout).toHaveBeenCalledWith(task, IDLE_FALLBACK_MS);
  });
});
