/** Anything that holds delivered articles and can drop them. */
export type Invalidatable = { invalidate: () => void }

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

/** Drops every delivery cache in this process at once, after a write made here. */
export const invalidateLocalCaches = (): void => {
  for (const ref of registry()) {
    const cache = ref.deref()
    if (cache) {
      cache.invalidate()
    } else {
      registry().delete(ref)
    }
  }
}
