// Legacy lane (npm run test:legacy): a real old V8 (Node 5.12) and Chromium with Chromium 47's missing APIs deleted.
const path = require('node:path');
module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  displayName: 'legacy',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/legacy/**/*.legacy.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  maxWorkers: 1,
  testTimeout: 180000,
};
