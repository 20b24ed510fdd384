/**
 * npm run test:legacy: the legacy-engine gate (test/legacy), timed. Node 5.12 (V8 4.6) compiles and runs
 * what dist/es5 ships; Chromium runs journey (a) without the APIs Chromium 47 lacks. Extra arguments go
 * to jest (e.g. a test file).
 */
import { runLane } from './lib/lane';

runLane('legacy', 'test/legacy/jest.config.js', process.argv.slice(2));
