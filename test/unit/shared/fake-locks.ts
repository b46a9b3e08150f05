import { vi } from 'vitest';

/** Web Locks as the browser gives every page of the extension one set: requests for a name run one after another. */
export function fakeLockManager() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, task: () => Promise<T>): Promise<T> {
      const run = (tails.get(name) ?? Promise.resolve()).then(task);
      tails.set(name, run.catch(() => undefined));
      return run;
    },
  };
}

/** Runs `test` with `navigator.locks` standing for the extension's shared Web Locks, then takes them away. */
export async function withFakeLocks(test: () => Promise<void>, locks: { request: ReturnType<typeof fakeLockManager>['request'] } = fakeLockManager()): Promise<void> {
  vi.stubGlobal('navigator', { locks });
  try {
    await test();
  } finally {
    vi.unstubAllGlobals();
  }
}
