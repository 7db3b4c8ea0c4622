/**
 * The value a map holds at `key`, made by `make` and stored first when there is none: the
 * "remember it per key" step of every cache (TC39's proposed `Map.prototype.getOrInsertComputed`,
 * which Node 20 does not have). Works on a Map and on a WeakMap.
 */
interface KeyedStore<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

export function getOrInsert<K, V>(store: KeyedStore<K, V>, key: K, make: (key: K) => V): V {
  let value = store.get(key);
  if (value === undefined) {
    value = make(key);
    store.set(key, value);
  }
  return value;
}
