import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import type { DeliveryImage, DeliveryImageSize } from '../../delivery/types'

import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

import { isPopulated, numberOrNull, recordOf, textOrNull } from '../../delivery/readers'

/**
 * The column a story's images fill on the site (its `main` is 44rem wide): the browser picks
 * the smallest stored size that covers it at the screen's density.
 */
export const DEFAULT_IMAGE_SIZES = '(max-width: 44rem) 100vw, 44rem'

/** Payload's stored sizes of an image, smallest first, each with its own width. */
export const shapeImageSizes = (sizes: unknown): DeliveryImageSize[] =>
  Object.entries(recordOf(sizes))
    .flatMap(([name, size]) => {
      const { height, url, width } = recordOf(size)
      const href = textOrNull(url)
      const w = numberOrNull(width)
      return href && w ? [{ name, height: numberOrNull(height), url: href, width: w }] : []
    })
    .sort((a, b) => a.width - b.width)

/**
 * A media caption as plain text: the newsroom's is a text field, but a site's own `media` may
 * keep its caption as rich text (Payload's website template does), which readers still get.
 */
const captionText = (value: unknown): null | string => {
  if (value && typeof value === 'object' && 'root' in value) {
    const text = convertLexicalToPlaintext({ data: value as SerializedEditorState }).trim()
    return text === '' ? null : text
  }
  return textOrNull(value)
}

/** A media document, populated, as readers get it: text, stored sizes and focal point. */
export const shapeImage = (value: unknown): DeliveryImage | null => {
  if (!isPopulated(value)) {
    return null
  }
  const focalX = numberOrNull(value.focalX)
  const focalY = numberOrNull(value.focalY)
  return {
    id: value.id,
    alt: textOrNull(value.alt),
    caption: captionText(value.caption),
    credit: textOrNull(value.credit),
    focalPoint: focalX !== null && focalY !== null ? { x: focalX, y: focalY } : null,
    height: numberOrNull(value.height),
    mimeType: textOrNull(value.mimeType),
    sizes: shapeImageSizes(value.sizes),
    url: textOrNull(value.url),
    width: numberOrNull(value.width),
  }
}

export type ImageAttributes = {
  alt: string
  height?: number
  sizes?: string
  src: string
  srcSet?: string
  /** The focal point as CSS `object-position`, so a crop keeps what the editor marked. */
  objectPosition?: string
  width?: number
}

// A space or comma would split a `srcset` candidate; Payload's URLs are otherwise encoded.
const srcsetUrl = (url: string) => url.replace(/ /g, '%20').replace(/,/g, '%2C')

const absolute = (url: string, baseUrl: string) =>
  baseUrl && url.startsWith('/') && !url.startsWith('//') ? `${baseUrl}${url}` : url

/**
 * An `<img>`'s attributes for a stored image: every stored size (and the original) in
 * `srcset`, so no reader downloads the 2,400-pixel original for a phone screen.
 */
export const imageAttributes = (
  image: DeliveryImage,
  { baseUrl = '', sizes = DEFAULT_IMAGE_SIZES }: { baseUrl?: string; sizes?: string } = {},
): ImageAttributes | null => {
  if (!image.url || !image.mimeType?.startsWith('image/')) {
    return image.url ? { alt: image.alt ?? '', src: absolute(image.url, baseUrl) } : null
  }
  const candidates = [
    ...image.sizes.filter((size) => !image.width || size.width < image.width),
    ...(image.width ? [{ url: image.url, width: image.width }] : []),
  ]
  return {
    alt: image.alt ?? '',
    height: image.height ?? undefined,
    src: absolute(image.url, baseUrl),
    width: image.width ?? undefined,
    ...(candidates.length > 1
      ? {
          sizes,
          srcSet: candidates
            .map((size) => `${srcsetUrl(absolute(size.url, baseUrl))} ${size.width}w`)
            .join(', '),
        }
      : {}),
    ...(image.focalPoint
      ? { objectPosition: `${image.focalPoint.x}% ${image.focalPoint.y}%` }
      : {}),
  }
}

export type UploadParts = {
  caption: null | string
  credit: null | string
  image: DeliveryImage
}

/**
 * An in-body upload node: the populated media document, and the caption and credit the story
 * gives it, else those stored with the image (as for the hero).
 */
export const uploadParts = (node: unknown): UploadParts | null => {
  const { fields, value } = recordOf(node)
  const image = shapeImage(value)
  if (!image) {
    return null
  }
  const own = recordOf(fields)
  return {
    caption: textOrNull(own.caption) ?? image.caption,
    credit: textOrNull(own.credit) ?? image.credit,
    image,
  }
}
