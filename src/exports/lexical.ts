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
