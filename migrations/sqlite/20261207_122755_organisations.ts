import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  // A database that ran people_and_claims before this column existed lacks it; one that ran it
  // since has it already (its carry-over needs every column people have today).
  const existing = await db.all(
    sql`SELECT 1 FROM pragma_table_info('people') WHERE name = 'is_organization';`,
  )
  if (existing.length === 0) {
    await db.run(sql`ALTER TABLE \`people\` ADD \`is_organization\` integer DEFAULT false;`)
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`people\` DROP COLUMN \`is_organization\`;`)
}
