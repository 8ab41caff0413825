import { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-sqlite'

/**
 * Stories saved before \`bodyImages\` existed get the images their bodies show, and those images
 * their live flags, at start-up now (carryOverBodyImagesAtStart): the carry-over reads through
 * Payload, which asks for every column today's config has, and later migrations add some. Kept,
 * empty, because databases have it in their migration record.
 */
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // Nothing to undo: the column goes with the body_images migration.
}
