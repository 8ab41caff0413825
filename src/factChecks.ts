import type { Config } from 'payload'

import type { NewsroomFactCheckOptions, NewsroomRating } from './types'

/** The ratings a fact-check may give, with the scale's ends worked out. */
export type FactCheckSettings = {
  /** The best rating's `ratingValue` (schema.org `bestRating`). */
  bestRating: number
  ratings: NewsroomRating[]
  /** The worst rating's `ratingValue` (schema.org `worstRating`). */
  worstRating: number
}

/** A five-step scale from true to false, for a newsroom that has not defined its own. */
export const DEFAULT_RATINGS: NewsroomRating[] = [
  { label: 'True', ratingValue: 5, value: 'accurate' },
  { label: 'Mostly true', ratingValue: 4, value: 'mostly-accurate' },
  { label: 'Half true', ratingValue: 3, value: 'half-accurate' },
  { label: 'Mostly false', ratingValue: 2, value: 'mostly-inaccurate' },
  { label: 'False', ratingValue: 1, value: 'inaccurate' },
]

const FACT_CHECKS_KEY = 'newsroomFactChecks'

export const resolveFactCheckSettings = ({
  ratings,
}: NewsroomFactCheckOptions = {}): FactCheckSettings => {
  const scale = ratings && ratings.length > 0 ? ratings : DEFAULT_RATINGS
  const values = new Set(scale.map((rating) => rating.value))
  if (values.size !== scale.length) {
    throw new Error('newsroomPlugin factChecks.ratings: each rating needs its own `value`.')
  }
  // Stored values become GraphQL enum names, which cannot be true, false or null.
  const unnameable = scale.find(
    (rating) =>
      !/^[a-z][a-z0-9-]*$/i.test(rating.value) || ['true', 'false', 'null'].includes(rating.value),
  )
  if (unnameable) {
    throw new Error(
      `newsroomPlugin factChecks.ratings: "${unnameable.value}" cannot be a value: use letters, digits and hyphens, starting with a letter, and not true, false or null.`,
    )
  }
  if (!scale.every((rating) => Number.isFinite(rating.ratingValue))) {
    throw new Error('newsroomPlugin factChecks.ratings: each `ratingValue` must be a number.')
  }
  const numbers = scale.map((rating) => rating.ratingValue)
  return { bestRating: Math.max(...numbers), ratings: scale, worstRating: Math.min(...numbers) }
}

/** What the plugin adds to `config.custom`. */
export const factCheckSettingsCustom = (options?: NewsroomFactCheckOptions) => ({
  [FACT_CHECKS_KEY]: resolveFactCheckSettings(options),
})

/** The scale as the plugin was given it, for a host's pages (ClaimReview JSON-LD). */
export const factCheckSettings = (config: Pick<Config, 'custom'>): FactCheckSettings =>
  (config.custom?.[FACT_CHECKS_KEY] as FactCheckSettings | undefined) ?? resolveFactCheckSettings()
