/**
 * npm run test:wpe: the TV journeys in WPE WebKit (the RDK engine) under a headless weston (test/wpe),
 * timed. Extra arguments go to jest.
 */
import { runLane } from './lib/lane';

runLane('wpe', 'test/wpe/jest.config.js', process.argv.slice(2));
