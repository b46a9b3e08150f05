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
