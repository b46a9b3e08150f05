/**
 * A stand-in for webextension-polyfill's storage in Node: two areas (sync,
 * local) that behave like the browser's (values are copied in and out,
 * onChanged fires after every write), and a switch to make an area fail.
 */
type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

export class FakeArea {
  data: Record<string, unknown> = {};
  failing = false;
  /** Reads still work, set() fails (a full area); with `removals` false, remove() fails too. */
  refusing: { removals: boolean } | null = null;
  writes = 0;

  constructor(
    private readonly name: string,
    private readonly listeners: Set<Listener>,
  ) {}

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    if (this.failing) throw new Error(`${this.name} unavailable`);
    const wanted = keys === undefined || keys === null ? Object.keys(this.data) : typeof keys === 'string' ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const key of wanted) if (key in this.data) out[key] = structuredClone(this.data[key]);
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failing) throw new Error(`${this.name} unavailable`);
    if (this.refusing) throw new Error(`${this.name} is full`);
    this.writes++;
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: this.data[key], newValue: value };
      this.data[key] = structuredClone(value);
    }
    this.#emit(changes);
  }

  async remove(keys: string | string[]): Promise<void> {
    if (this.failing) throw new Error(`${this.name} unavailable`);
    if (this.refusing && !this.refusing.removals) throw new Error(`${this.name} takes no change`);
    const changes: Record<string, { oldValue?: unknown }> = {};
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      if (!(key in this.data)) continue;
      changes[key] = { oldValue: this.data[key] };
      delete this.data[key];
    }
    if (Object.keys(changes).length > 0) this.#emit(changes);
  }

  #emit(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>): void {
    for (const listener of this.listeners) listener(changes, this.name);
  }
}

export function fakeBrowser() {
  const listeners = new Set<Listener>();
  return {
    storage: {
      sync: new FakeArea('sync', listeners),
      local: new FakeArea('local', listeners),
      onChanged: {
        addListener: (l: Listener) => listeners.add(l),
        removeListener: (l: Listener) => listeners.delete(l),
        hasListener: (l: Listener) => listeners.has(l),
      },
    },
    listeners,
  };
}
