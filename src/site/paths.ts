export { articlePath } from '../delivery/shapeDeliveryArticle'

/** Where the site shows a case. */
export const casePath = (slug: string): string => `/cases/${slug}`
