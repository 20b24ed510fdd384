// Shared by rollup.es5/es6.config.js (merged over the Lightning CLI's config, LNG_CUSTOM_ROLLUP=true):
// modules of npm packages the app ships but can never run, replaced at load time by what their
// importers need, so the app bundle does not carry them. Measured with `npm run sizes`.
const path = require('path');

const STUBS = [
  {
    // axios picks the first adapter the engine supports from ['xhr', 'http', 'fetch']: every TV engine
    // has XMLHttpRequest, so the fetch adapter (~9 KB minified, plus its stream helpers) never runs.
    // adapters.js reads `getFetch` only when XHR is missing; `false` then means "not supported".
    file: path.join('node_modules', 'axios', 'lib', 'adapters', 'fetch.js'),
    code: 'export const getFetch = () => false;\nexport default false;\n',
  },
];

module.exports = function lighter() {
  return {
    name: 'tve-lighter',
    load(id) {
      const file = path.normalize(id);
      const stub = STUBS.find((s) => file.endsWith(path.sep + s.file));
      return stub ? stub.code : null;
    },
  };
};

module.exports.STUBS = STUBS;
