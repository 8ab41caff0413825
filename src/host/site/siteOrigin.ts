/**
 * The origin absolute URLs start with: `SERVER_URL` when set (it knows the public scheme and
 * host behind a proxy), otherwise the host the request came in on, as every site page does.
 */
export const siteOrigin = (host: null | string, serverUrl = process.env.SERVER_URL): string => {
  if (serverUrl) {
    return serverUrl.replace(/\/+$/, '')
  }
  try {
    // Only the origin is kept: a Host header carrying a path or credentials cannot reach a URL.
    return new URL(`http://${host || 'localhost'}`).origin
  } catch {
    return 'http://localhost'
  }
}
