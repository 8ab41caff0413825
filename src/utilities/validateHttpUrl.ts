/** Returns an error message, or null when the value is an absolute http(s) URL. */
export const httpUrlProblem = (value: unknown): null | string => {
  if (typeof value !== 'string' || value.trim() === '') {
    return 'Enter a URL.'
  }
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return 'Enter a full URL, starting with https:// or http://.'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `Only http(s) links can reach a reader; "${url.protocol}" URLs are refused.`
  }
  if (!url.hostname) {
    return 'The URL needs a host name.'
  }
  return null
}
