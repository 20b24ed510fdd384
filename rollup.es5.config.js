// Merged by the Lightning CLI over its own rollup config (LNG_CUSTOM_ROLLUP=true in .env).
module.exports = { onwarn: require('./scripts/lib/rollup-onwarn') };
