import { escapeXml, XML_DECLARATION, xmlElement } from './xml'

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8'

const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9'

export type SitemapUrl = {
  lastmod?: string
  loc: string
  /** Extra, already escaped elements inside `<url>`, such as a `<news:news>` block. */
  extra?: string
}

/** A sitemaps.org 0.9 `urlset`; `namespaces` declares prefixes the entries' extras use. */
export const urlsetXml = (urls: SitemapUrl[], namespaces: Record<string, string> = {}): string =>
  [
    XML_DECLARATION,
    `<urlset xmlns="${SITEMAP_NAMESPACE}"${Object.entries(namespaces)
      .map(([prefix, uri]) => ` xmlns:${prefix}="${escapeXml(uri)}"`)
      .join('')}>`,
    ...urls.map(({ extra, lastmod, loc }) =>
      [
        '<url>',
        xmlElement('loc', loc),
        ...(lastmod ? [xmlElement('lastmod', lastmod)] : []),
        ...(extra ? [extra] : []),
        '</url>',
      ].join(''),
    ),
    '</urlset>',
    '',
  ].join('\n')

/** A sitemaps.org 0.9 `sitemapindex` listing the given sitemaps. */
export const sitemapIndexXml = (locations: string[]): string =>
  [
    XML_DECLARATION,
    `<sitemapindex xmlns="${SITEMAP_NAMESPACE}">`,
    ...locations.map((loc) => `<sitemap>${xmlElement('loc', loc)}</sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n')
