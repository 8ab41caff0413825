export { collectionSlugs } from './collectionSlugs'
export { newsroomPlugin } from './plugin'
export type {
  CollectionOverride,
  FieldsOverride,
  NewsroomPluginOptions,
  NewsroomSiteOptions,
} from './types'
