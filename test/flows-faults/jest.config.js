// Node-level fault matrix (npm run test:faults): the real flows against the real emulator, one worker.
const path = require('node:path');
module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  displayName: 'faults',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/flows-faults/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  maxWorkers: 1,
  testTimeout: 240000,
};
