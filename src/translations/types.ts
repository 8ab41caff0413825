import type { NestedKeysStripped, StripCountVariants } from '@payloadcms/translations'

import type { en } from './en'

/** The shape every language's text has: English's, key for key. */
export type NewsroomTranslations = typeof en

/** A key inside the `newsroom` namespace (`headline`), as the helpers in translate.ts take it. */
export type NewsroomTranslationKey = StripCountVariants<keyof NewsroomTranslations['newsroom']>

/** A full key (`newsroom:headline`), as Payload's `t` and `useTranslation` take it. */
export type NewsroomTranslationKeys = NestedKeysStripped<NewsroomTranslations>
