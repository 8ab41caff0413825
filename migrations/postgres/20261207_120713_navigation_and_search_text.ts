import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'
import { carryOverSearchText } from 'payload-plugin-newsroom'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "sections" ADD COLUMN "navigation_position" numeric;
  ALTER TABLE "search" ADD COLUMN "text" varchar;
  CREATE INDEX "sections_navigation_position_idx" ON "sections" USING btree ("navigation_position");`)
  // Stories indexed before the search text existed get theirs, so readers find them by it.
  await carryOverSearchText({ payload, req })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "sections_navigation_position_idx";
  ALTER TABLE "sections" DROP COLUMN "navigation_position";
  ALTER TABLE "search" DROP COLUMN "text";`)
}
