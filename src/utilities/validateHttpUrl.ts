import type { TFunction } from '@payloadcms/translations'

import { translate } from '../translations/translate'

/**
 * Returns an error message, or null when the value is an absolute http(s) URL. The message is in
 * the language of `t` (a request's), English without one.
 */
export const httpUrlProblem = (value: unknown, t?: TFunction<never>): null | string => {
  if (typeof value !== 'string' || value.trim() === '') {
    return translate(t, 'urlRequired')
  }
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return translate(t, 'urlNotAbsolute')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return translate(t, 'urlProtocolRefused', { protocol: url.protocol })
  }
  if (!url.hostname) {
    return translate(t, 'urlNeedsHost')
  }
  return null
}
