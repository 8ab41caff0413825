import type { TFunction } from '@payloadcms/translations'

import { t as translateWith } from '@payloadcms/translations'

import type { NewsroomTranslationKey, NewsroomTranslationKeys } from './types'

import { en } from './en'
import { es } from './es'

/**
 * Any `t` Payload hands over, whatever keys it is typed with (Payload's own, by default): the
 * newsroom's keys live in their own namespace.
 */
type AnyT = TFunction<never>

export const NAMESPACE = 'newsroom'

const fullKey = (key: NewsroomTranslationKey): NewsroomTranslationKeys => `${NAMESPACE}:${key}`

/**
 * Text in the request's language: what a field's `validate` or a hook returns or throws. Without
 * a `t` (a caller outside a request), English.
 */
export const translate = (
  t: AnyT | undefined,
  key: NewsroomTranslationKey,
  vars?: Record<string, unknown>,
): string =>
  t
    ? (t as TFunction<NewsroomTranslationKeys>)(fullKey(key), vars)
    : translateWith({ key: fullKey(key), translations: en, vars })

/**
 * A label or description Payload resolves in the reader's language, as the official plugins'
 * `({ t }) => t('plugin-seo:…')`: a field's, a tab's, an option's, a collection's or a global's.
 */
export const translated =
  (key: NewsroomTranslationKey, vars?: Record<string, unknown>) =>
  ({ t }: { t: AnyT }): string =>
    translate(t, key, vars)

/**
 * For the few settings Payload takes only as a string or a per-language record (a sidebar
 * group): the record, built from the same translations.
 */
export const perLanguage = (key: NewsroomTranslationKey): Record<string, string> => ({
  en: translateWith({ key: fullKey(key), translations: en }),
  es: translateWith({ key: fullKey(key), translations: es }),
})
