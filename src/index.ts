export { hasRole, roles } from './access/roles'
export { collectionSlugs } from './collectionSlugs'
export { embargoEnd, isEmbargoed, notEmbargoed } from './embargo/embargo'
export { PRESERVE_PUBLISHING_DATES } from '../fields/publishingDates'
export { DEFAULT_RATINGS, factCheckSettings } from './factChecks'
export type { FactCheckSettings } from './factChecks'
export { carryOverBodyImages } from './migrations/carryOverBodyImages'
export { carryOverPeople, personKey } from './migrations/carryOverPeople'
export { carryOverSearchText } from './migrations/carryOverSearchText'
export type { CarryOverPeopleResult } from './migrations/carryOverPeople'
export { positionAt } from '../collections/People/hooks/currentPosition'
export { DEFAULT_LIMITS } from './limits/resolveLimits'
export { FRONT_PAGE_SLUG } from './globals/FrontPage'
export { PACKAGE_NAME } from './packageName'
export { newsroomPlugin } from './plugin'
export {
  carryOverLegacySeoMongo,
  carryOverLegacySeoSql,
  legacySeoStatements,
} from './seo/legacySeo'
export type { LegacySeoResult } from './seo/legacySeo'
export { resolveSiteSettings, siteSettings } from './siteSettings'
export type { SitePaths, SiteSettings } from './siteSettings'
export type {
  CollectionOverride,
  FieldsOverride,
  NewsroomGraphQLLimits,
  NewsroomLimitsOptions,
  NewsroomCacheOptions,
  NewsroomFactCheckOptions,
  NewsroomNotificationsOptions,
  NewsroomRating,
  NewsroomPluginOptions,
  NewsroomLogo,
  NewsroomSeoOptions,
  NewsroomSiteOptions,
} from './types'
export { relationId, relationIds, sameId } from './utilities/ids'
export { slugify, SLUG_PATTERN } from './utilities/slugify'
export { httpUrlProblem } from './utilities/validateHttpUrl'
