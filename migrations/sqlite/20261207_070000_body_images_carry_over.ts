import { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-sqlite'
import { carryOverBodyImages } from 'payload-plugin-newsroom'

/**
 * Stories saved before \`bodyImages\` existed: the images their bodies show, and those images'
 * live flags. Last, because the carry-over reads stories with the whole schema.
 */
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  await carryOverBodyImages({ payload, req })
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // Nothing to undo: the column goes with the body_images migration.
}
