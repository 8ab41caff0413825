const entities: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
}

/**
 * Characters XML 1.0 forbids even escaped (control characters, lone surrogates): one pasted
 * into a headline would otherwise make the whole document unreadable to every feed reader.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Safe in element content and in quoted attribute values. */
export const escapeXml = (text: string): string =>
  text.replace(NOT_XML, '').replace(/["&'<>]/g, (char) => entities[char])

/** `<name>text</name>`, escaped. */
export const xmlElement = (name: string, text: string): string =>
  `<${name}>${escapeXml(text)}</${name}>`

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
