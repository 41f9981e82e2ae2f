// Get-or-create for the caches kept per model (and per route, leg or load inside a model): models, routes and
// legs are never changed once made, so an entry made once serves every later call.

/** A map the caches use: a Map, or a WeakMap when the keys are objects that may be dropped. */
interface KeyedStore<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value kept under `key`, made by `make` and kept on first use. */
export function entry<K, V>(store: KeyedStore<K, V>, key: K, make: () => NoInfer<V>): V {
  let value = store.get(key);
  if (value === undefined) {
    value = make();
    store.set(key, value);
  }
  return value;
}
