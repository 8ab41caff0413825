import type { Config } from 'payload'

import { acceptedLanguages } from '@payloadcms/translations'
import { deepMergeSimple } from 'payload/shared'

import { en } from './en'
import { es } from './es'

export type { NewsroomTranslationKey, NewsroomTranslationKeys, NewsroomTranslations } from './types'

/** The newsroom's admin text, by language. */
export const translations = { en, es }

/**
 * Adds the newsroom's namespace to `config.i18n.translations`, as Payload's official plugins do.
 * Every language Payload knows gets it (Spanish its own text, the others English), so a site's
 * admin in any language it enables, now or later, never shows a bare `newsroom:` key. The site's
 * own translations win over ours, and its `supportedLanguages` are left as they are.
 */
export const withTranslations = (config: Config): Config => {
  const ours = Object.fromEntries(
    acceptedLanguages.map((language) => [language, language === 'es' ? es : en]),
  )
  return {
    ...config,
    i18n: {
      ...config.i18n,
      translations: deepMergeSimple(ours, config.i18n?.translations ?? {}),
    },
  }
}
