import * as migration_20261128_054824_initial from './20261128_054824_initial';

export const migrations = [
  {
    up: migration_20261128_054824_initial.up,
    down: migration_20261128_054824_initial.down,
    name: '20261128_054824_initial'
  },
];
