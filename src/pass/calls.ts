/**
 * Every kind of call the client makes, and how much the person in front of the screen is waiting for it.
 * The scheduler sends lower numbers first when requests compete for the throttling budget (spec §10).
 */
export type CallKind =
  | 'register'
  | 'token'
  | 'configuration'
  | 'session-create'
  | 'session-resume'
  | 'session-retrieve'
  | 'profiles'
  | 'poll'
  | 'preauthorize'
  | 'authorize'
  | 'logout';

export const PRIORITY = {
  /** Pressing play: the viewer stares at a spinner. */
  play: 0,
  /** Signing in: the code screen and its polls, the second screen's session calls. */
  signIn: 1,
  /** Anything else a person asked for and waits on: start-up profile check, provider list, sign-out. */
  user: 2,
  /** Decorating the catalogue (preauthorization): nobody waits on it. */
  background: 3,
} as const;

export const CALL_PRIORITY: Record<CallKind, number> = {
  authorize: PRIORITY.play,
  // DCR calls run only when some waiting call needs a token; that call cannot go before them.
  register: PRIORITY.play,
  token: PRIORITY.play,
  'session-create': PRIORITY.signIn,
  'session-resume': PRIORITY.signIn,
  'session-retrieve': PRIORITY.signIn,
  poll: PRIORITY.signIn,
  profiles: PRIORITY.user,
  configuration: PRIORITY.user,
  logout: PRIORITY.user,
  preauthorize: PRIORITY.background,
};
