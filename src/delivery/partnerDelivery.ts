import type { Payload, TypedUser } from 'payload'

import type { DeliveryFormat, DeliveryRepresentation } from './encodeRepresentation'

import { hasRole, isPartner, roles } from '../access/roles'
import { siteSettings } from '../siteSettings'
import { encodeRepresentation } from './encodeRepresentation'
import { loadDeliveryArticle } from './renderDeliveryArticle'
import { renderNinjs } from './renderNinjs'

/**
 * A partner's answer is theirs alone: an embargoed story must never sit in a cache that readers
 * (or another partner's CDN) are served from.
 */
export const PARTNER_CACHE_CONTROL = 'private, no-store'

/** Who reads stories before their embargo lifts: partner accounts and staff. */
export const readsEmbargoed = (user: unknown): user is TypedUser =>
  isPartner(user) || hasRole(user, ...roles)

/**
 * The live story as a partner gets it, embargoed or not, rendered for this request only (never
 * through the shared delivery cache, which holds what readers get); null for anyone else, or
 * when no published story has the slug.
 */
export const partnerRepresentation = async ({
  format,
  payload,
  slug,
  user,
}: {
  format: DeliveryFormat
  payload: Payload
  slug: string
  user: unknown
}): Promise<DeliveryRepresentation | null> => {
  if (!readsEmbargoed(user)) {
    return null
  }
  const loaded = await loadDeliveryArticle({ partner: user, payload, slug })
  if (!loaded) {
    return null
  }
  const value =
    format === 'ninjs'
      ? renderNinjs(loaded.delivery, {
          baseUrl: payload.config.serverURL ?? '',
          lastModified: loaded.lastModified,
          paths: siteSettings(payload.config),
        })
      : loaded.delivery
  return encodeRepresentation(value, format, loaded.lastModified)
}

/**
 * The account behind a request's `Authorization` header (a partner's API key, or a staff JWT),
 * for the doors that answer before Payload has read it; null without one.
 */
export const userFromAuthorization = async (
  payload: Payload,
  authorization: null | string | undefined,
): Promise<unknown> => {
  if (!authorization) {
    return null
  }
  const { user } = await payload.auth({ headers: new Headers({ authorization }) })
  return user ?? null
}
