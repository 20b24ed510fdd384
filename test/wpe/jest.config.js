// WPE WebKit lane (npm run test:wpe): the TV journeys in cog under a headless weston, one at a time.
const path = require('node:path');
module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  displayName: 'wpe',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/wpe/**/*.wpe.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  maxWorkers: 1,
  testTimeout: 180000,
};
