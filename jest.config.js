// Two projects: browser-side code (jsdom + canvas mock) and Node services (emulator, scripts).
const tsTransform = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }];
const jsTransform = ['babel-jest', { presets: [['@babel/preset-env', { targets: { node: 'current' } }]] }];
const esmPackages = [
  '@lightningjs/sdk',
  '@lightningjs/core',
  '@metrological/sdk',
  'localcookies',
  '@michieljs/execute-as-promise',
  '@firebolt-js/sdk',
];
const shared = {
  transform: { '^.+\\.tsx?$': tsTransform, '^.+\\.m?js$': jsTransform },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'app',
      testEnvironment: 'jsdom',
      setupFiles: ['jest-canvas-mock', '<rootDir>/test/support/translations.ts'],
      testMatch: ['<rootDir>/test/{app,platform,pages,components,catalog}/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      // English translations loaded as at start-up (controllers say things through src/lib/language.ts).
      setupFiles: ['<rootDir>/test/support/translations.ts'],
      testMatch: [
        '<rootDir>/test/{emulator,scripts,integration,pass,flows,second-screen,controllers,architecture}/**/*.test.ts',
      ],
    },
  ],
};
