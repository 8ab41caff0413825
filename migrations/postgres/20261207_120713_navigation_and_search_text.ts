import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "sections" ADD COLUMN "navigation_position" numeric;
  ALTER TABLE "search" ADD COLUMN "text" varchar;
  CREATE INDEX "sections_navigation_position_idx" ON "sections" USING btree ("navigation_position");`)
  // Stories indexed before the search text existed get theirs at start-up, after the
  // migrations (carryOverSearchTextAtStart): the carry-over reads through Payload.
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "sections_navigation_position_idx";
  ALTER TABLE "sections" DROP COLUMN "navigation_position";
  ALTER TABLE "search" DROP COLUMN "text";`)
}
