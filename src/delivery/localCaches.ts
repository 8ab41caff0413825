/**
 * Anything that holds rendered content and can drop it: everything (no keys) or only what shows
 * one of the given surrogate keys.
 */
export type Invalidatable = {
  invalidate: (keys?: readonly string[]) => void
  /** What it holds, for an operator (or the benchmark) asking where the memory went. */
  stats?: () => LocalCacheStats
}

/** One cache's size: its kind, how many entries, and the bytes it counts against its bound. */
export type LocalCacheStats = { bytes: number; entries: number; kind: string }

// On globalThis so every copy of this module in the process shares it: the express server's
// and the one Next bundles for the admin and REST routes, each with its own Payload instance.
const REGISTRY = Symbol.for('newsroom.delivery.localCaches')

type GlobalWithRegistry = typeof globalThis & { [REGISTRY]?: Set<WeakRef<Invalidatable>> }

const registry = (): Set<WeakRef<Invalidatable>> => {
  const holder = globalThis as GlobalWithRegistry
  holder[REGISTRY] ??= new Set()
  return holder[REGISTRY]
}

/** Held weakly: a cache goes away with its Payload instance. */
export const registerLocalCache = (cache: Invalidatable): void => {
  registry().add(new WeakRef(cache))
}

/** Drops what shows any of `keys` (everything without them) from every cache in this process. */
export const invalidateLocalCaches = (keys?: readonly string[]): void => {
  for (const ref of registry()) {
    const cache = ref.deref()
    if (cache) {
      cache.invalidate(keys)
    } else {
      registry().delete(ref)
    }
  }
}

/** The size of every cache in this process that reports one (each copy of this module's too). */
export const localCacheStats = (): LocalCacheStats[] => {
  const stats: LocalCacheStats[] = []
  for (const ref of registry()) {
    const cache = ref.deref()
    if (cache?.stats) {
      stats.push(cache.stats())
    }
  }
  return stats
}
