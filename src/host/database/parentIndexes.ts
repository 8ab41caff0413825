type IndexBuilder = (name: string) => { on: (column: never) => unknown }

/** What the SQLite and Postgres adapters' schema hooks share, and all these hooks use. */
export type SchemaHookArgs = {
  extendTable: (args: {
    extraConfig: (columns: Record<string, unknown>) => Record<string, unknown>
    table: never
  }) => void
  schema: { tables: Record<string, object> }
}

/**
 * Payload indexes the tables behind `hasMany` text and number fields (`articles_texts`, …) on
 * (`order`, `parent_id`), order first, so reading one document's topics scans every row of every
 * document: at 100,000 stories each article read paid for it. An index on the parent alone makes
 * it a lookup. A schema hook, so migrations and development pushes both carry it.
 */
export const indexValueTablesByParent =
  (index: IndexBuilder) =>
  <Args extends { schema: unknown }>(args: Args): Args['schema'] => {
    const { extendTable, schema } = args as unknown as SchemaHookArgs
    for (const [name, table] of Object.entries(schema.tables)) {
      if (/_(texts|numbers)$/.test(name) && 'parent' in table) {
        extendTable({
          extraConfig: (columns) => ({
            parentIdx: index(`${name}_parent_idx`).on(columns.parent as never),
          }),
          table: table as never,
        })
      }
    }
    return args.schema
  }
