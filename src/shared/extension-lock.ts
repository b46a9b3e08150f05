/**
 * Read-modify-write cycles on storage shared by the popup, the options page
 * (in any number of tabs) and the background. Each page queues its own
 * changes, but two pages would still read the same value and the later
 * write would undo the earlier one. A Web Lock is held across every
 * extension page and the service worker of the extension (they share its
 * origin), so the cycles of all of them run one after another.
 *
 * Content scripts never write these values: there, `navigator.locks` is
 * the page's and must not be used for them.
 */

/** Runs `task` holding the lock `name`; without Web Locks (Node, in tests), runs it at once. */
export function withExtensionLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? locks.request(name, task) : task();
}
