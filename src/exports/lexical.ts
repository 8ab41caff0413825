// Reading and building article bodies: for seeds, imports and a host's own renderer.
export {
  citationMention,
  lexicalBlocksText,
  paragraphsToLexical,
  storyToLexical,
} from '../utilities/lexical'
export {
  caseCitationNode,
  elementNode,
  lexicalDocument,
  paragraphNode,
  pullQuoteNode,
  textNode,
} from '../utilities/lexicalNodes'
// The newsroom's converters for Payload's Lexical-to-HTML converter (ninjs, RSS), and the
// image helpers the site's pages share with them. The JSX converters are in `./rsc`.
export { bodyToHtml, newsroomHTMLConverters } from '../lexical/converters/html'
export {
  DEFAULT_IMAGE_SIZES,
  imageAttributes,
  shapeImage,
  uploadParts,
} from '../lexical/converters/images'
export type { ImageAttributes, UploadParts } from '../lexical/converters/images'
export type { BodyRenderOptions } from '../lexical/types'
