/** Everything the Adobe-side handlers share. */
import type { MediaTokenService } from '../media-token';
import type { Faults } from './faults';
import type { Journal } from './journal';
import type { AdobeState } from './state';
import type { Throttle } from './throttle';

export interface AdobeContext {
  state: AdobeState;
  journal: Journal;
  throttle: Throttle;
  faults: Faults;
  mediaTokens: MediaTokenService;
  /** Base URL put into absolute URLs of responses (logos, logout pages). Known only after listen. */
  publicUrl(): string;
  /** Where the emulator was loaded from (fixtures reload on reset). */
  fixturesDir: string;
}
