/**
 * The plugin's `cache.onPurge` for Varnish with the xkey vmod (varnish/newsroom.vcl): one
 * `PURGE` per Varnish, naming the keys in `xkey-purge`. `NEWSROOM_PURGE_URLS` lists them,
 * comma-separated (`http://127.0.0.1:6081/`).
 */
export const varnishPurge =
  (urls: readonly string[]) =>
  async (keys: string[]): Promise<void> => {
    const results = await Promise.allSettled(
      urls.map(async (url) => {
        const response = await fetch(url, {
          headers: { 'xkey-purge': keys.join(' ') },
          method: 'PURGE',
          signal: AbortSignal.timeout(5000),
        })
        await response.arrayBuffer()
        if (!response.ok) {
          throw new Error(`${url} answered ${response.status} to PURGE`)
        }
      }),
    )
    const failed = results.find((result) => result.status === 'rejected')
    if (failed) {
      throw failed.reason
    }
  }

/** The Varnish instances to purge, from the environment. */
export const purgeUrls = (env: Record<string, string | undefined> = process.env): string[] =>
  (env.NEWSROOM_PURGE_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)
