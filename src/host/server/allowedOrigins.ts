type Env = Record<string, string | undefined>

const originOf = (value: string, variable: string): string => {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`${variable}: ${JSON.stringify(value)} is not a URL (scheme://host[:port])`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${variable}: ${JSON.stringify(value)} is not an http(s) origin`)
  }
  return url.origin
}

/**
 * The origins whose pages may call this app with a signed-in user's cookie, and read its answers
 * (CSRF and CORS): `SERVER_URL`'s, and those `NEWSROOM_ALLOWED_ORIGINS` lists, comma-separated.
 * The origin a request itself arrived on is always allowed by the server (see originGuard).
 */
export const allowedOrigins = (env: Env = process.env): string[] => {
  const listed = (env.NEWSROOM_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => originOf(entry, 'NEWSROOM_ALLOWED_ORIGINS'))
  const own = env.SERVER_URL ? [originOf(env.SERVER_URL, 'SERVER_URL')] : []
  return [...new Set([...own, ...listed])]
}
