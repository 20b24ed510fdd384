/** What the TV phase observed in Chromium: screens, media requests, storage. The journal is the emulator's. */
import type { JournalEntry } from '../lib/emulator';
import type { Recorder } from '../lib/recorder';
import type { AtRest, BuildDir, MediaRequest } from './browser';

/** One press of OK on a catalog title. */
export interface PlayFacts {
  journey: string;
  step: string;
  title: string;
  /** Catalog id of the title OK was pressed on (its stream is /media/{id}/…). */
  id: string;
  /** 'play' = an entitled title; 'no-play' = the authorization must refuse it. */
  expect: 'play' | 'no-play';
  /** Player phase when the step ended ('playing', 'denied', 'error'…). */
  phase: string | null;
  message: string | null;
  media: MediaRequest[];
}

/** Watching while the media token expires (item 21). */
export interface WatchFacts {
  /** The verifier's answer for the token the stream was opened with, once it lapsed. */
  verifier: string;
  /** ms from the play's authorize answer to the verifier saying the token lapsed. */
  lapsedAfterMs: number;
  /** Samples taken after the lapse. */
  samples: Array<{ at: number; phase: string | null; currentTime: number }>;
  /** Media requests sent after the lapse, and their answers. */
  mediaAfter: MediaRequest[];
  /** The verifier's answer when the backend was asked to accept the played token a second time. */
  reuseStatus?: number;
}

export interface LogoutFacts {
  journey: string;
  step: string;
  mvpd: string;
  hasLogoutPage: boolean;
  route: string;
  toast: string | null;
  /** localStorage profile entry after the sign-out (null = removed). */
  profileAfter: string | null;
}

export interface LaunchFacts {
  journey: string;
  /** first launch, relaunch, update… */
  label: string;
  build: BuildDir;
  /** localStorage `tve.deviceId` right after this launch reached its first screen. */
  storedDeviceId: string | null;
  /** The recorder step that covers the launch. */
  step: string;
}

export class TvFacts {
  plays: PlayFacts[] = [];
  watch?: WatchFacts;
  logouts: LogoutFacts[] = [];
  launches: LaunchFacts[] = [];
  /** Activation codes shown on the TVs. */
  codes: Array<{ journey: string; code: string }> = [];
  /** Storage of the first-launch TV after its plays, relaunch and update (before signing out). */
  atRest?: AtRest;
  /** Media tokens the TVs received (compared with what is stored; never printed). */
  tokens: string[] = [];
  /** Labels of the profile chooser (several sign-ins on one TV). */
  chooser: string[] = [];
  /** The provider the TV learned after the phone chose it. */
  phoneChosen?: string;
  /** A setting changed for one TV (stated in the evidence). */
  notes: string[] = [];
}

/** Everything the TV checks read. */
export interface TvEvidence {
  rec: Recorder;
  journal: JournalEntry[];
  facts: TvFacts;
  /** Seconds the phase took, and why it did not run (when it did not). */
  seconds: number;
  skipped?: string;
}
