import * as migration_20261128_054824_initial from './20261128_054824_initial';
import * as migration_20261128_055931_delivery_state from './20261128_055931_delivery_state';

export const migrations = [
  {
    up: migration_20261128_054824_initial.up,
    down: migration_20261128_054824_initial.down,
    name: '20261128_054824_initial',
  },
  {
    up: migration_20261128_055931_delivery_state.up,
    down: migration_20261128_055931_delivery_state.down,
    name: '20261128_055931_delivery_state'
  },
];
