// Bounded memo for pure functions of a small recurring key set (quantity texts, glob patterns, …):
// one Map, emptied when full. Per call it costs a Map get (and a set on a miss), nothing allocated.

/** `fn` memoised by key, keeping at most `limit` results (all dropped when full). `fn` must be pure
 * and never return undefined, which marks a miss. Results are shared between callers: never mutate one. */
export function boundedMemo<K, V extends NonNullable<unknown> | null>(limit: number, fn: (key: K) => V): (key: K) => V {
  const memo = new Map<K, V>();
  return (key) => {
    let v = memo.get(key);
    if (v === undefined) {
      v = fn(key);
      if (memo.size >= limit) memo.clear();
      memo.set(key, v);
    }
    return v;
  };
}
