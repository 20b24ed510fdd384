// Merged by the Lightning CLI over its own rollup config (LNG_CUSTOM_ROLLUP=true in .env); arrays
// (plugins) are appended to the CLI's.
module.exports = {
  onwarn: require('./scripts/lib/rollup-onwarn'),
  plugins: [require('./scripts/lib/rollup-lighter')()],
};
