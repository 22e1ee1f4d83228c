/**
 * Reference data held in memory and reloaded when older than `maxAgeMs` (units, agencies): read on
 * every request, changed a few times a year. One load at a time; readers during a reload share it.
 */
export class RefreshingCache<T> {
  readonly #load: () => Promise<T>;
  readonly #maxAgeMs: number;
  #value: { at: number; data: T } | null = null;
  #loading: Promise<T> | null = null;

  constructor(load: () => Promise<T>, maxAgeMs: number) {
    this.#load = load;
    this.#maxAgeMs = maxAgeMs;
  }

  /** The cached data, loading it first when missing or stale. */
  async get(): Promise<T> {
    if (this.#value && Date.now() - this.#value.at < this.#maxAgeMs) return this.#value.data;
    this.#loading ??= this.#load()
      .then((data) => {
        this.#value = { at: Date.now(), data };
        return data;
      })
      .finally(() => {
        this.#loading = null;
      });
    return this.#loading;
  }
}
