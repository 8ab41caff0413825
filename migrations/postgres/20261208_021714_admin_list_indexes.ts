import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "_articles_v_latest_updated_at_idx" ON "_articles_v" USING btree ("latest","version_updated_at","created_at");
  CREATE INDEX "_articles_v_latest_published_at_idx" ON "_articles_v" USING btree ("latest","version_published_at","created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "_articles_v_latest_updated_at_idx";
  DROP INDEX "_articles_v_latest_published_at_idx";`)
}
