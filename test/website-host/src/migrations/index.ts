import * as migration_20261207_025157_initial from './20261207_025157_initial';

export const migrations = [
  {
    up: migration_20261207_025157_initial.up,
    down: migration_20261207_025157_initial.down,
    name: '20261207_025157_initial'
  },
];
