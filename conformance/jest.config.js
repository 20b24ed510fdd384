// Unit tests of the conformance checkers themselves (the runner is `npm run conformance`).
module.exports = {
  rootDir: '..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/conformance/**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
    '^.+\\.m?js$': ['babel-jest', { presets: [['@babel/preset-env', { targets: { node: 'current' } }]] }],
  },
  // The checkers import src/platform, which imports the Firebolt SDK (ES modules only).
  transformIgnorePatterns: ['/node_modules/(?!(@firebolt-js/sdk)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
