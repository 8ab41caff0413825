/**
 * The fuzzer's route table and its generators (test/fuzz.test.ts). The table is read from the
 * app's sanitized config and its source tree, never listed by hand: every collection's and
 * global's endpoints (Payload's defaults, auth and upload doors, the official plugins', the
 * newsroom's own, delivery included), the root endpoints, GraphQL, and every page and route
 * handler under src/app/(site). A new collection, endpoint or page is covered as it lands.
 */

import type { Endpoint, FlattenedField, SanitizedConfig } from 'payload'

import fc from 'fast-check'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export type FuzzRequest = {
  body?: string
  /** Which door of the table, as `GET /api/articles/:id`. */
  door: string
  headers: Record<string, string>
  method: string
  /** Path and query exactly as sent: escapes, malformed ones included, are not re-encoded. */
  path: string
}

type Door = {
  /** Collection or global the door belongs to: bodies and `where` come from its fields. */
  fields?: FlattenedField[]
  graphQL?: true
  method: string
  /** `/api/articles/:id`: `:name` segments are filled in, `*` too. */
  template: string
}

/** Existing ids per collection slug, read from the running app, so requests reach real records. */
export type KnownIds = Record<string, string[]>

const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']
// Not CONNECT: node hands it to a 'connect' listener, not to the app, and closes the socket.
const ODD_METHODS = ['TRACE', 'PROPFIND', 'MKCOL', 'get', 'FOO', 'PURGE']

const endpointDoors = (base: string, endpoints: Endpoint[] | false, fields?: FlattenedField[]) =>
  (endpoints || []).map((endpoint) => ({
    fields,
    method: endpoint.method.toUpperCase(),
    template: `${base}${endpoint.path === '/' ? '' : endpoint.path}`,
  }))

/** Each page.tsx and route.ts under src/app/(site), as a URL template (`/news/:slug`). */
const siteDoors = (root: string): Door[] => {
  const doors: Door[] = []
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const name = entry.name
        const segment = /^\(.*\)$/.test(name)
          ? null
          : name.replace(/^\[\.\.\.(.+)\]$/, '*').replace(/^\[(.+)\]$/, ':$1')
        walk(path.join(dir, name), segment === null ? segments : [...segments, segment])
        continue
      }
      const template = `/${segments.join('/')}`
      if (entry.name === 'page.tsx') {
        doors.push({ method: 'GET', template })
      } else if (entry.name === 'route.ts') {
        const source = readFileSync(path.join(dir, entry.name), 'utf8')
        for (const [, method] of source.matchAll(
          /export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g,
        )) {
          doors.push({ method, template })
        }
      }
    }
  }
  walk(root, [])
  return doors
}

/** The whole table, from the app's config and its site routes. */
export const routeTable = (config: SanitizedConfig, siteRoot: string): Door[] => {
  const api = config.routes.api
  const doors: Door[] = []
  for (const collection of config.collections) {
    // A collection without REST endpoints still has its URLs: they must be a 4xx too.
    if (collection.endpoints === false) {
      doors.push(
        { method: 'GET', template: `${api}/${collection.slug}` },
        { method: 'GET', template: `${api}/${collection.slug}/:id` },
        { method: 'POST', template: `${api}/${collection.slug}` },
      )
    }
    doors.push(
      ...endpointDoors(
        `${api}/${collection.slug}`,
        collection.endpoints,
        collection.flattenedFields,
      ),
    )
  }
  for (const global of config.globals) {
    doors.push(
      ...endpointDoors(`${api}/globals/${global.slug}`, global.endpoints, global.flattenedFields),
    )
  }
  doors.push(...endpointDoors(api, config.endpoints))
  doors.push({ graphQL: true, method: 'POST', template: `${api}${config.routes.graphQL}` })
  // GraphQL over HTTP's GET: the document and its variables in the query string.
  doors.push({ graphQL: true, method: 'GET', template: `${api}${config.routes.graphQL}` })
  doors.push(...siteDoors(siteRoot))
  // The admin is Next's too: its catch-all segment gets the same encodings.
  doors.push({ method: 'GET', template: `${config.routes.admin}/*` })
  return doors
}

// ---------------------------------------------------------------------------------------------
// Values

const MALFORMED_ESCAPES = ['%ZZ', '%', '%E0%A4%A', '%C0%AF', '%ff', '%00', '%%', '%2', '%G1']

/** Text as a client may put it in a path segment or a query value, escaped or not. */
const wireText = (known: string[] = []): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...(known.length ? known : ['1'])), weight: 4 },
    { arbitrary: fc.string({ maxLength: 12 }).map(encodeURIComponent), weight: 3 },
    { arbitrary: fc.string({ maxLength: 8, unit: 'grapheme' }).map(encodeURIComponent), weight: 1 },
    {
      arbitrary: fc
        .tuple(
          fc.string({ maxLength: 4 }).map(encodeURIComponent),
          fc.constantFrom(...MALFORMED_ESCAPES),
        )
        .map(([text, escape]) => `${text}${escape}`),
      weight: 2,
    },
    {
      arbitrary: fc.constantFrom(
        '0',
        '-1',
        '1.5',
        '%201',
        '1abc',
        '99999999999999999999',
        '1e309',
        'null',
        'undefined',
        'NaN',
        '..',
        '%2e%2e',
        '..%2f..%2fetc%2fpasswd',
        '507f1f77bcf86cd799439011',
        '00000000-0000-0000-0000-000000000000',
        'a'.repeat(300),
        encodeURIComponent('<script>'),
        encodeURIComponent("' OR 1=1 --"),
      ),
      weight: 2,
    },
  )

const fillTemplate = (template: string, params: fc.Arbitrary<string>): fc.Arbitrary<string> => {
  const slots = template.split('/').filter((segment) => segment.startsWith(':') || segment === '*')
  return fc.array(params, { maxLength: slots.length, minLength: slots.length }).map((values) => {
    let index = 0
    return template
      .split('/')
      .map((segment) =>
        segment.startsWith(':') || segment === '*' ? values[index++] || 'x' : segment,
      )
      .join('/')
  })
}

const OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
  '$where',
  'regex',
]

const words = (count: number) => Array.from({ length: count }, (_, i) => `w${i}`).join(' ')

/** A value in a query string, raw (escaped where it is sent). */
const queryValue = (ids: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.integer().map(String),
    fc.constantFrom(...ids, 'true', 'false', 'null', '', '2020-02-30', '2020-01-01T00:00:00Z'),
    fc.constantFrom('1,2', 'a,b,c', '1,2,3,4', '10,20,1000', words(600), 'x'.repeat(5000)),
    fc.double().map(String),
  )

const fieldPaths = (fields: FlattenedField[] = [], prefix = '', depth = 0): string[] =>
  fields.flatMap((field) => {
    if (!('name' in field)) {
      return []
    }
    const name = `${prefix}${field.name}`
    const nested =
      depth < 2 && 'flattenedFields' in field && Array.isArray(field.flattenedFields)
        ? fieldPaths(field.flattenedFields as FlattenedField[], `${name}.`, depth + 1)
        : []
    const through =
      field.type === 'relationship' || field.type === 'upload' || field.type === 'join'
        ? [`${name}.id`, `${name}.value`, `${name}.relationTo`, `${name}.title`]
        : []
    return [name, ...nested, ...through]
  })

const queryPair = (key: string, value: string) =>
  `${encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(value)}`

/** `where`, `sort`, `select`, `populate`, `depth`, `limit`, `page`, `draft`, … for one door. */
const queryString = (door: Door, ids: KnownIds): fc.Arbitrary<string> => {
  const paths = [
    'id',
    'createdAt',
    'updatedAt',
    '_status',
    'x',
    '__proto__',
    'a.b.c',
    ...fieldPaths(door.fields),
  ]
  const allIds = Object.values(ids).flat()
  const number = fc.oneof(
    fc.integer({ max: 200, min: -5 }).map(String),
    fc.constantFrom('99999999999999999999', '1e309', '1.5', 'abc', '', '-0', '0x10', ' 1'),
  )
  const where = fc
    .tuple(
      fc.constantFrom('where', 'where[or][0]', 'where[and][1]', 'where[or][0][and][0]'),
      fc.constantFrom(...paths),
      fc.constantFrom(...OPERATORS),
      queryValue(allIds),
    )
    .map(([base, field, operator, value]) => queryPair(`${base}[${field}][${operator}]`, value))
  const pair = fc.oneof(
    { arbitrary: where, weight: 5 },
    { arbitrary: number.map((value) => queryPair('limit', value)), weight: 1 },
    { arbitrary: number.map((value) => queryPair('page', value)), weight: 1 },
    { arbitrary: number.map((value) => queryPair('depth', value)), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom('', '-', '+'), fc.constantFrom(...paths, 'a,b,,c'))
        .map(([sign, field]) => queryPair('sort', `${sign}${field}`)),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...paths), fc.constantFrom('true', 'false', 'x', '1'))
        .map(([field, value]) => queryPair(`select[${field}]`, value)),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...Object.keys(ids), 'x'), fc.constantFrom(...paths))
        .map(([slug, field]) => queryPair(`populate[${slug}][${field}]`, 'true')),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'draft',
            'trash',
            'locale',
            'fallback-locale',
            'pagination',
            'joins',
            'q',
            'format',
          ),
          fc.string({ maxLength: 8 }),
        )
        .map(([key, value]) => queryPair(key, value)),
      weight: 1,
    },
    {
      arbitrary: fc.constantFrom(
        'where=x',
        'where[]=1',
        'where[a]=1',
        'limit[]=1',
        'sort[$gt]=1',
        'where[id][in][]=1&where[id][in][]=x',
        '%ZZ=1',
        'a=%ZZ',
      ),
      weight: 1,
    },
  )
  return fc
    .array(pair, { maxLength: 4 })
    .map((pairs) => (pairs.length ? `?${pairs.join('&')}` : ''))
}

// ---------------------------------------------------------------------------------------------
// Bodies

const idValue = (ids: KnownIds, relationTo: unknown): fc.Arbitrary<unknown> => {
  const targets = Array.isArray(relationTo) ? relationTo : [relationTo]
  const real = targets.flatMap((slug) => ids[String(slug)] ?? [])
  const id = fc.oneof(
    fc
      .constantFrom(...(real.length ? real : ['1']))
      .map((value) => (/^\d+$/.test(value) ? Number(value) : value)),
    fc.integer(),
    fc.string({ maxLength: 10 }),
  )
  return Array.isArray(relationTo)
    ? fc.oneof(
        fc.record({ relationTo: fc.constantFrom(...targets.map(String), 'x'), value: id }),
        id,
      )
    : id
}

/** A value for one field: mostly of its type, sometimes anything at all. */
const fieldValue = (field: FlattenedField, ids: KnownIds, depth: number): fc.Arbitrary<unknown> => {
  const typed = ((): fc.Arbitrary<unknown> => {
    switch (field.type) {
      case 'text':
      case 'textarea':
      case 'code':
        return fc.oneof(fc.string({ maxLength: 40 }), fc.constant(''), fc.constant(words(600)))
      case 'email':
        return fc.oneof(fc.emailAddress(), fc.string({ maxLength: 20 }))
      case 'number':
        return fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 6 }), fc.constant(1e308))
      case 'checkbox':
        return fc.oneof(fc.boolean(), fc.constantFrom('true', 'yes', 1, null))
      case 'date':
        return fc.oneof(
          fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
          fc.constantFrom('2020-02-30', '1', 'yesterday', '2020-13-01', 0, -1e15),
        )
      case 'select':
      case 'radio': {
        const options = field.options.map((option) =>
          typeof option === 'string' ? option : option.value,
        )
        const one = fc.oneof(fc.constantFrom(...options), fc.string({ maxLength: 8 }))
        return 'hasMany' in field && field.hasMany ? fc.array(one, { maxLength: 3 }) : one
      }
      case 'relationship':
      case 'upload': {
        const one = idValue(ids, field.relationTo)
        return 'hasMany' in field && field.hasMany ? fc.array(one, { maxLength: 3 }) : one
      }
      case 'array':
        return depth > 2
          ? fc.constant([])
          : fc.array(fieldsObject(field.flattenedFields, ids, depth + 1), { maxLength: 2 })
      case 'group':
      case 'tab':
        return depth > 2 ? fc.constant({}) : fieldsObject(field.flattenedFields, ids, depth + 1)
      case 'blocks': {
        const blocks = (field.blocks ?? []).filter((block) => typeof block === 'object')
        if (!blocks.length || depth > 2) {
          return fc.constant([])
        }
        return fc.array(
          fc.oneof(
            ...blocks.map((block) =>
              fieldsObject(block.flattenedFields, ids, depth + 1).map((fields) => ({
                ...fields,
                blockType: block.slug,
              })),
            ),
          ),
          { maxLength: 2 },
        )
      }
      case 'richText':
        return fc.oneof(
          fc.string({ maxLength: 10 }).map((text) => ({
            root: {
              children: [
                {
                  children: [
                    {
                      detail: 0,
                      format: 0,
                      mode: 'normal',
                      style: '',
                      text,
                      type: 'text',
                      version: 1,
                    },
                  ],
                  direction: 'ltr',
                  format: '',
                  indent: 0,
                  type: 'paragraph',
                  version: 1,
                },
              ],
              direction: 'ltr',
              format: '',
              indent: 0,
              type: 'root',
              version: 1,
            },
          })),
          fc.jsonValue({ maxDepth: 3 }),
        )
      case 'json':
        return fc.jsonValue({ maxDepth: 3 })
      case 'point':
        return fc.oneof(fc.tuple(fc.double(), fc.double()), fc.string())
      default:
        return fc.jsonValue({ maxDepth: 2 })
    }
  })()
  return fc.oneof(
    { arbitrary: typed, weight: 5 },
    { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
  )
}

const fieldsObject = (
  fields: FlattenedField[] = [],
  ids: KnownIds,
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> => {
  const named = fields.filter((field) => 'name' in field && field.type !== 'join')
  const shape: Record<string, fc.Arbitrary<unknown>> = {}
  for (const field of named) {
    shape[field.name] = fieldValue(field, ids, depth)
  }
  return fc.record(shape, { requiredKeys: [] })
}

/** A JSON body for a write: the door's fields, valid-ish, plus Payload's own keys. */
const jsonBody = (door: Door, ids: KnownIds): fc.Arbitrary<string> =>
  fc.oneof(
    {
      arbitrary: fc
        .tuple(
          fieldsObject(door.fields, ids),
          fc.record(
            {
              _status: fc.constantFrom('draft', 'published', 'x'),
              createdAt: fc.constantFrom('2000-01-01T00:00:00.000Z', 'x'),
              email: fc.oneof(fc.emailAddress(), fc.constant('x@newsroom.test')),
              id: fc.oneof(fc.integer(), fc.string({ maxLength: 6 })),
              password: fc.string({ maxLength: 12 }),
              roles: fc.constantFrom(['admin'], 'admin', ['editor']),
              token: fc.string({ maxLength: 12 }),
            },
            { requiredKeys: [] },
          ),
        )
        .map(([fields, extra]) => JSON.stringify({ ...fields, ...extra })),
      weight: 6,
    },
    {
      arbitrary: fc.constantFrom(
        '',
        '{',
        'null',
        '[]',
        '"text"',
        '42',
        '{"__proto__":{"admin":true}}',
        `${'['.repeat(5000)}${']'.repeat(5000)}`,
        '{"a":1e400}',
        '{"headline":"\\u0000"}',
      ),
      weight: 1,
    },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)), weight: 1 },
  )

const BOUNDARY = 'fuzzBoundary7MA4YWxkTrZu0gW'

const multipartOf = (json: string, cut: boolean) => {
  const body = [
    `--${BOUNDARY}`,
    'Content-Disposition: form-data; name="_payload"',
    '',
    json,
    `--${BOUNDARY}`,
    'Content-Disposition: form-data; name="file"; filename="x.png"',
    'Content-Type: image/png',
    '',
    '\u0089PNG garbage',
    `--${BOUNDARY}--`,
    '',
  ].join('\r\n')
  return cut ? body.slice(0, Math.floor(body.length / 2)) : body
}

/** Content type and body together, as they belong together on the wire. */
const payloadOf = (door: Door, ids: KnownIds): fc.Arbitrary<{ body?: string; type?: string }> =>
  fc.oneof(
    {
      arbitrary: jsonBody(door, ids).map((body) => ({ body, type: 'application/json' })),
      weight: 6,
    },
    {
      arbitrary: fc.tuple(jsonBody(door, ids), fc.boolean()).map(([json, cut]) => ({
        body: multipartOf(json, cut),
        type: `multipart/form-data; boundary=${BOUNDARY}`,
      })),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'multipart/form-data',
            'multipart/form-data; boundary=',
            'multipart/mixed; boundary=x',
            'multipart/form-data; boundary=other',
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/xml',
            'application/graphql',
            'application/json; charset=utf-16',
            'application/vnd.api+json',
          ),
          fc.oneof(jsonBody(door, ids), fc.string({ maxLength: 30 })),
        )
        .map(([type, body]) => ({ body, type })),
      weight: 2,
    },
    { arbitrary: fc.constant({}), weight: 1 },
  )

// ---------------------------------------------------------------------------------------------
// GraphQL

const gqlLiteral = (value: unknown): string =>
  value === null || value === undefined
    ? 'null'
    : Array.isArray(value)
      ? `[${value.map(gqlLiteral).join(', ')}]`
      : typeof value === 'object'
        ? `{ ${Object.entries(value)
            .filter(([key]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(key))
            .map(([key, inner]) => `${key}: ${gqlLiteral(inner)}`)
            .join(', ')} }`
        : typeof value === 'number'
          ? Number.isFinite(value)
            ? String(value)
            : '1'
          : JSON.stringify(value)

/** Documents on the schema's own names (from the config), valid-ish and broken. */
const graphQLBody = (config: SanitizedConfig, ids: KnownIds): fc.Arbitrary<string> => {
  const named = config.collections.filter(
    (collection) => collection.graphQL && collection.graphQL.pluralName,
  )
  const collection = fc.constantFrom(...named)
  const read = fc
    .tuple(
      collection,
      fc.constantFrom(...OPERATORS.filter((operator) => !operator.startsWith('$'))),
      fc.jsonValue({ maxDepth: 1 }),
      fc.integer({ max: 200, min: -2 }),
      fc.integer({ max: 1e6, min: -2 }),
    )
    .map(([c, operator, value, limit, page]) => {
      const field = fieldPaths(c.flattenedFields).find((name) => !name.includes('.')) ?? 'id'
      const plural = (c.graphQL as { pluralName: string }).pluralName
      return `query { ${plural}(where: { ${field}: { ${operator}: ${gqlLiteral(value)} } }, limit: ${limit}, page: ${page}) { docs { id } totalDocs } }`
    })
  const byId = fc
    .tuple(collection, fc.constantFrom(...Object.values(ids).flat(), '1', 'x'))
    .map(([c, id]) => {
      const single = (c.graphQL as { singularName: string }).singularName
      return `query { ${single}(id: ${/^\d+$/.test(id) ? id : JSON.stringify(id)}) { id } }`
    })
  const write = collection.chain((c) =>
    fc
      .tuple(fc.constantFrom('create', 'update', 'delete'), fieldsObject(c.flattenedFields, ids))
      .map(([verb, data]) => {
        const single = (c.graphQL as { singularName: string }).singularName
        const args =
          verb === 'create'
            ? `data: ${gqlLiteral(data)}`
            : verb === 'update'
              ? `id: 1, data: ${gqlLiteral(data)}`
              : 'id: 1'
        return `mutation { ${verb}${single}(${args}) { id } }`
      }),
  )
  const broken = fc.constantFrom(
    'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
    'query { Articles @include(if: "x") { totalDocs } }',
    'query($v: Boolean!) { Articles @skip(if: $v) { totalDocs } }',
    'subscription { Articles { totalDocs } }',
    `{ ${Array.from({ length: 400 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    `{ Articles(where: ${'{ and: ['.repeat(150)}${'] }'.repeat(150)}) { totalDocs } }`,
    '{ __schema { types { name fields { name } } } }',
    '{',
    '',
    'query A { __typename } query A { __typename }',
  )
  return fc.oneof(read, byId, write, broken, fc.string({ maxLength: 30 }))
}

// ---------------------------------------------------------------------------------------------
// Requests

/** One request on one door of the table, with everything a client controls generated. */
export const fuzzRequest = (
  config: SanitizedConfig,
  doors: Door[],
  ids: KnownIds,
): fc.Arbitrary<FuzzRequest> =>
  fc.constantFrom(...doors).chain((door) => {
    const method = fc.oneof(
      { arbitrary: fc.constant(door.method), weight: 8 },
      { arbitrary: fc.constantFrom(...METHODS), weight: 2 },
      { arbitrary: fc.constantFrom(...ODD_METHODS), weight: 1 },
    )
    const overrides = fc.oneof(
      { arbitrary: fc.constant({}), weight: 8 },
      {
        arbitrary: fc
          .constantFrom('GET', 'DELETE', 'PATCH', 'x')
          .map((value): Record<string, string> => ({ 'x-http-method-override': value })),
        weight: 1,
      },
      {
        arbitrary: fc.constantFrom<Record<string, string>>(
          { 'accept-language': 'xx-YY,*;q=abc' },
          { accept: 'application/xml' },
          { 'x-payload-http-method-override': 'GET' },
          { origin: 'https://evil.example' },
          { cookie: 'payload-token=garbage' },
        ),
        weight: 1,
      },
    )
    const params = wireText(Object.values(ids).flat())
    const body = door.graphQL
      ? fc.oneof(
          {
            arbitrary: fc
              .tuple(
                graphQLBody(config, ids),
                fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 })),
              )
              .map(([query, variables]) => ({
                body: JSON.stringify({ query, variables }),
                type: 'application/json',
              })),
            weight: 6,
          },
          { arbitrary: payloadOf(door, ids), weight: 1 },
        )
      : payloadOf(door, ids)
    const search =
      door.graphQL && door.method === 'GET'
        ? fc.oneof(
            {
              arbitrary: fc
                .tuple(
                  graphQLBody(config, ids),
                  fc.oneof(
                    fc.constant(undefined),
                    fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
                    fc.string({ maxLength: 20 }),
                  ),
                )
                .map(([query, variables]) => {
                  const search = new URLSearchParams({ query })
                  if (variables !== undefined) search.set('variables', variables)
                  return `?${search}`
                }),
              weight: 6,
            },
            { arbitrary: queryString(door, ids), weight: 1 },
          )
        : queryString(door, ids)
    return fc
      .record({
        body,
        extra: overrides,
        method,
        path: fillTemplate(door.template, params),
        query: search,
      })
      .map(({ body: sent, extra, method: verb, path: filled, query }): FuzzRequest => {
        const hasBody = !['GET', 'HEAD'].includes(verb.toUpperCase()) && sent.body !== undefined
        return {
          body: hasBody ? sent.body : undefined,
          door: `${door.method} ${door.template}`,
          headers: {
            ...(hasBody && sent.type ? { 'content-type': sent.type } : {}),
            ...extra,
          },
          method: verb,
          path: `${filled}${query}`,
        }
      })
  })
