/** Addresses a server listens on that no browser can be sent to. */
const WILDCARDS = new Set(['', '0.0.0.0', '::', '[::]'])

/**
 * The origin absolute URLs start with (canonical links, feeds, sitemaps, share images): the
 * configured public URL, `SERVER_URL`, or without it this server as it listens (`HOST`, `PORT`).
 * Never the request's `Host` header: anyone can send any host, and a page that echoed it would
 * hand a forged origin to search engines and caches, and make every new host a new cache entry
 * and a new render. The first argument (the Host callers once passed) is ignored.
 */
export const siteOrigin = (
  _requestHost?: null | string,
  serverUrl = process.env.SERVER_URL,
  { host = process.env.HOST, port = process.env.PORT } = {},
): string => {
  if (serverUrl) {
    return serverUrl.replace(/\/+$/, '')
  }
  const name = !host || WILDCARDS.has(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host
  return `http://${name}:${Number(port) > 0 ? Number(port) : 3000}`
}
