// Shared by rollup.es5.config.js / rollup.es6.config.js (picked up by the Lightning CLI when
// LNG_CUSTOM_ROLLUP=true and deep-merged over its own config).
//
// The CLI's @rollup/plugin-typescript type-checks every file tsconfig.json includes (emulator, tests,
// second-screen...), and LNG_BUILD_FAIL_ON_WARNINGS turns any diagnostic into a failed build. The app
// build should fail only on problems in what it ships (src/); `npm run typecheck` gates the rest.
const path = require('path');

const srcDir = path.join(process.cwd(), 'src') + path.sep;

module.exports = function onwarn(warning, warn) {
  if (warning.code === 'CIRCULAR_DEPENDENCY') return;
  const file = warning.loc && warning.loc.file ? path.resolve(warning.loc.file) : undefined;
  if (warning.pluginCode && /^TS\d+$/.test(warning.pluginCode) && file && file.indexOf(srcDir) !== 0) return;
  warn(warning);
};
