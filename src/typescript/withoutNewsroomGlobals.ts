import type { Config } from 'payload'

type SchemaStep = NonNullable<NonNullable<Config['typescript']>['schema']>[number]

type JsonObject = { [key: string]: unknown; properties?: Record<string, unknown> }

/**
 * A site's generated `Config['globals']` stays the site's own: its code typed over `GlobalSlug`
 * (Payload's website template clears every global's `navItems` in one loop) breaks as soon as
 * another global, with other fields, joins the union. The newsroom's globals keep their
 * interfaces (`FrontPage`, generated all the same); only their slugs stay out of the site's
 * `globals` and `globalsSelect` maps. The plugin reads them by slug, untyped.
 */
export const withoutNewsroomGlobals =
  (slugs: readonly string[]): SchemaStep =>
  ({ jsonSchema }) => {
    const properties = (jsonSchema as JsonObject).properties ?? {}
    for (const key of ['globals', 'globalsSelect']) {
      const map = properties[key] as JsonObject | undefined
      if (!map?.properties) continue
      for (const slug of slugs) {
        delete map.properties[slug]
      }
      if (Array.isArray(map.required)) {
        map.required = map.required.filter((name) => !slugs.includes(name as string))
      }
    }
    return jsonSchema
  }
