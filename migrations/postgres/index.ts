import * as migration_20261128_054829_initial from './20261128_054829_initial';
import * as migration_20261128_055946_delivery_state from './20261128_055946_delivery_state';
import * as migration_20261128_091440_value_tables_parent_index from './20261128_091440_value_tables_parent_index';
import * as migration_20261201_193631_live_story_records from './20261201_193631_live_story_records';
import * as migration_20261201_223154_media_object_storage from './20261201_223154_media_object_storage';
import * as migration_20261201_223226_taxonomy_records from './20261201_223226_taxonomy_records';
import * as migration_20261201_223804_front_page from './20261201_223804_front_page';
import * as migration_20261201_224955_redirects_search from './20261201_224955_redirects_search';
import * as migration_20261201_225008_site_metadata from './20261201_225008_site_metadata';
import * as migration_20261201_235800_body_images from './20261201_235800_body_images';
import * as migration_20261201_235900_people_and_claims from './20261201_235900_people_and_claims';
import * as migration_20261207_070000_body_images_carry_over from './20261207_070000_body_images_carry_over';
import * as migration_20261207_120713_navigation_and_search_text from './20261207_120713_navigation_and_search_text';
import * as migration_20261207_122804_organisations from './20261207_122804_organisations';
import * as migration_20261207_155817_assignments from './20261207_155817_assignments';
import * as migration_20261207_162654_newsroom_day from './20261207_162654_newsroom_day';
import * as migration_20261207_192344_notification_email_job from './20261207_192344_notification_email_job';
import * as migration_20261207_194528_change_log_records from './20261207_194528_change_log_records';
import * as migration_20261208_021714_admin_list_indexes from './20261208_021714_admin_list_indexes';

export const migrations = [
  {
    up: migration_20261128_054829_initial.up,
    down: migration_20261128_054829_initial.down,
    name: '20261128_054829_initial',
  },
  {
    up: migration_20261128_055946_delivery_state.up,
    down: migration_20261128_055946_delivery_state.down,
    name: '20261128_055946_delivery_state',
  },
  {
    up: migration_20261128_091440_value_tables_parent_index.up,
    down: migration_20261128_091440_value_tables_parent_index.down,
    name: '20261128_091440_value_tables_parent_index',
  },
  {
    up: migration_20261201_193631_live_story_records.up,
    down: migration_20261201_193631_live_story_records.down,
    name: '20261201_193631_live_story_records',
  },
  {
    up: migration_20261201_223154_media_object_storage.up,
    down: migration_20261201_223154_media_object_storage.down,
    name: '20261201_223154_media_object_storage',
  },
  {
    up: migration_20261201_223226_taxonomy_records.up,
    down: migration_20261201_223226_taxonomy_records.down,
    name: '20261201_223226_taxonomy_records',
  },
  {
    up: migration_20261201_223804_front_page.up,
    down: migration_20261201_223804_front_page.down,
    name: '20261201_223804_front_page',
  },
  {
    up: migration_20261201_224955_redirects_search.up,
    down: migration_20261201_224955_redirects_search.down,
    name: '20261201_224955_redirects_search',
  },
  {
    up: migration_20261201_225008_site_metadata.up,
    down: migration_20261201_225008_site_metadata.down,
    name: '20261201_225008_site_metadata',
  },
  {
    up: migration_20261201_235800_body_images.up,
    down: migration_20261201_235800_body_images.down,
    name: '20261201_235800_body_images',
  },
  {
    up: migration_20261201_235900_people_and_claims.up,
    down: migration_20261201_235900_people_and_claims.down,
    name: '20261201_235900_people_and_claims',
  },
  {
    up: migration_20261207_070000_body_images_carry_over.up,
    down: migration_20261207_070000_body_images_carry_over.down,
    name: '20261207_070000_body_images_carry_over',
  },
  {
    up: migration_20261207_120713_navigation_and_search_text.up,
    down: migration_20261207_120713_navigation_and_search_text.down,
    name: '20261207_120713_navigation_and_search_text',
  },
  {
    up: migration_20261207_122804_organisations.up,
    down: migration_20261207_122804_organisations.down,
    name: '20261207_122804_organisations',
  },
  {
    up: migration_20261207_155817_assignments.up,
    down: migration_20261207_155817_assignments.down,
    name: '20261207_155817_assignments',
  },
  {
    up: migration_20261207_162654_newsroom_day.up,
    down: migration_20261207_162654_newsroom_day.down,
    name: '20261207_162654_newsroom_day',
  },
  {
    up: migration_20261207_192344_notification_email_job.up,
    down: migration_20261207_192344_notification_email_job.down,
    name: '20261207_192344_notification_email_job',
  },
  {
    up: migration_20261207_194528_change_log_records.up,
    down: migration_20261207_194528_change_log_records.down,
    name: '20261207_194528_change_log_records',
  },
  {
    up: migration_20261208_021714_admin_list_indexes.up,
    down: migration_20261208_021714_admin_list_indexes.down,
    name: '20261208_021714_admin_list_indexes'
  },
];
