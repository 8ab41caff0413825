import type { DeliveryArticle } from 'payload-plugin-newsroom/delivery'

import { articlePath, personPath } from './paths'

type ClaimReviewOptions = {
  /** The publication: the fact-check's `author`, as Google requires an organization there. */
  organization: { name: string; url: string }
  origin: string
}

/**
 * schema.org ClaimReview for a published fact-check, with what Google's fact-check markup
 * requires (claimReviewed, reviewRating with ratingValue, bestRating, worstRating and
 * alternateName, url, author, datePublished) and the itemReviewed Claim's author, date and
 * appearance. Null when the story rates no claim or gives no rating.
 */
export const claimReviewJsonLd = (
  { article, factCheck }: DeliveryArticle,
  { organization, origin }: ClaimReviewOptions,
) => {
  if (!factCheck?.rating) {
    return null
  }
  const { claim, rating } = factCheck
  const url = `${origin}${articlePath(article.slug)}`
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    author: { '@type': 'Organization', name: organization.name, url: organization.url },
    claimReviewed: claim.text,
    datePublished: (article.firstPublishedAt ?? article.publishedAt ?? '').slice(0, 10),
    itemReviewed: {
      '@type': 'Claim',
      ...(claim.appearance || claim.sourceUrl
        ? {
            appearance: {
              '@type': 'CreativeWork',
              ...(claim.appearance ? { name: claim.appearance } : {}),
              ...(claim.sourceUrl ? { url: claim.sourceUrl } : {}),
            },
          }
        : {}),
      ...(claim.claimant
        ? {
            author: {
              '@type': claim.claimant.isOrganization ? 'Organization' : 'Person',
              name: claim.claimant.name,
              url: `${origin}${personPath(claim.claimant.slug)}`,
            },
          }
        : {}),
      ...(claim.claimedAt ? { datePublished: claim.claimedAt.slice(0, 10) } : {}),
    },
    reviewRating: {
      '@type': 'Rating',
      alternateName: rating.label,
      bestRating: rating.bestRating,
      ratingValue: rating.ratingValue,
      worstRating: rating.worstRating,
    },
    url,
  }
}
