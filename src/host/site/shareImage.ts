import type { DeliveryArticle, DeliveryImage } from 'payload-plugin-newsroom/delivery'

/** Search engines and partners need absolute URLs; Payload stores site paths. */
export const absoluteUrl = (url: string, origin: string): string =>
  url.startsWith('/') && !url.startsWith('//') ? `${origin}${url}` : url

export type ShareImage = { alt: string; height?: number; url: string; width?: number }

/** Social networks want about 1,200 pixels wide: the largest stored size up to 1,600. */
const SHARE_WIDTH = 1600

/**
 * The image a share card and search result show: the editor's share image (plugin-seo's
 * `meta.image`), else the hero, at the largest stored size up to 1,600 pixels, with its size.
 */
export const shareImageOf = (image: DeliveryImage | null, origin: string): null | ShareImage => {
  if (!image?.url) {
    return null
  }
  const size = [...image.sizes].reverse().find((candidate) => candidate.width <= SHARE_WIDTH)
  const useSize = size && (!image.width || image.width > SHARE_WIDTH)
  return {
    alt: image.alt ?? '',
    height: (useSize ? size.height : image.height) ?? undefined,
    url: absoluteUrl(useSize ? size.url : image.url, origin),
    width: (useSize ? size.width : image.width) ?? undefined,
  }
}

export const articleShareImage = ({ article }: DeliveryArticle, origin: string) =>
  shareImageOf(article.meta.image ?? article.hero?.image ?? null, origin)
