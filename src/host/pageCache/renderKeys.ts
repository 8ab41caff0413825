/**
 * A page rendered for the page cache names the documents it showed here, by the render id the
 * cache put in a request header: Next's server components cannot set response headers, and the
 * render runs in this process, so a registry on globalThis (shared by the server's modules and
 * the copy Next bundles) carries the keys back.
 */
export const RENDER_HEADER = 'x-newsroom-render'

const REGISTRY = Symbol.for('newsroom.pageCache.renderKeys')

type GlobalWithRegistry = typeof globalThis & { [REGISTRY]?: Map<string, Set<string>> }

const registry = (): Map<string, Set<string>> => {
  const holder = globalThis as GlobalWithRegistry
  holder[REGISTRY] ??= new Map()
  return holder[REGISTRY]
}

type HeaderSource = { get: (name: string) => null | string }

/** Called by a page with the keys of what it read; a no-op outside a page-cache render. */
export const recordPageKeys = (headers: HeaderSource, keys: readonly string[]): void => {
  const id = headers.get(RENDER_HEADER)
  const recorded = id ? registry().get(id) : undefined
  for (const key of keys) {
    recorded?.add(key)
  }
}

/** Whether the request is a render the page cache opened (a client's header is not one). */
export const isPageCacheRender = (headers: HeaderSource): boolean => {
  const id = headers.get(RENDER_HEADER)
  return id ? registry().has(id) : false
}

/** Opens a render: only ids opened here collect keys, so a client's header collects nothing. */
export const beginRender = (id: string): void => {
  registry().set(id, new Set())
}

/** Closes a render and returns what its page recorded. */
export const endRender = (id: string): string[] => {
  const keys = registry().get(id)
  registry().delete(id)
  return [...(keys ?? [])]
}
