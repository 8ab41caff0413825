import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  // A database that ran people_and_claims before this column existed lacks it; one that ran it
  // since has it already (its carry-over needs every column people have today).
  await db.execute(sql`
   ALTER TABLE "people" ADD COLUMN IF NOT EXISTS "is_organization" boolean DEFAULT false;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "people" DROP COLUMN "is_organization";`)
}
