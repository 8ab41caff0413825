import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`assignment_budget_line\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`assignment_editor_id\` integer REFERENCES users(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`assignment_due_at\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`assignment_planned_length\` numeric;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`assignment_art_needed\` text DEFAULT 'none';`)
  await db.run(sql`CREATE INDEX \`articles_assignment_assignment_editor_idx\` ON \`articles\` (\`assignment_editor_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_assignment_assignment_due_at_idx\` ON \`articles\` (\`assignment_due_at\`);`)
  await db.run(sql`ALTER TABLE \`articles_rels\` ADD \`users_id\` integer REFERENCES users(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`articles_rels_users_id_idx\` ON \`articles_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_assignment_budget_line\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_assignment_editor_id\` integer REFERENCES users(id) ON UPDATE no action ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_assignment_due_at\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_assignment_planned_length\` numeric;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_assignment_art_needed\` text DEFAULT 'none';`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_assignment_version_assignment_editor_idx\` ON \`_articles_v\` (\`version_assignment_editor_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_assignment_version_assignment_due_at_idx\` ON \`_articles_v\` (\`version_assignment_due_at\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v_rels\` ADD \`users_id\` integer REFERENCES users(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_users_id_idx\` ON \`_articles_v_rels\` (\`users_id\`);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  // Hand-written: SQLite drops a column that references another table once its index is gone,
  // so no table is rebuilt (a rebuild from this migration's snapshot would lose the columns
  // later migrations add).
  const dropColumns: [table: string, indexes: string[], columns: string[]][] = [
    [
      'articles',
      ['articles_assignment_assignment_editor_idx', 'articles_assignment_assignment_due_at_idx'],
      [
        'assignment_budget_line',
        'assignment_editor_id',
        'assignment_due_at',
        'assignment_planned_length',
        'assignment_art_needed',
      ],
    ],
    ['articles_rels', ['articles_rels_users_id_idx'], ['users_id']],
    [
      '_articles_v',
      [
        '_articles_v_version_assignment_version_assignment_editor_idx',
        '_articles_v_version_assignment_version_assignment_due_at_idx',
      ],
      [
        'version_assignment_budget_line',
        'version_assignment_editor_id',
        'version_assignment_due_at',
        'version_assignment_planned_length',
        'version_assignment_art_needed',
      ],
    ],
    ['_articles_v_rels', ['_articles_v_rels_users_id_idx'], ['users_id']],
  ]
  for (const [table, indexes, columns] of dropColumns) {
    for (const index of indexes) {
      await db.run(sql.raw(`DROP INDEX IF EXISTS \`${index}\`;`))
    }
    for (const column of columns) {
      await db.run(sql.raw(`ALTER TABLE \`${table}\` DROP COLUMN \`${column}\`;`))
    }
  }
}
