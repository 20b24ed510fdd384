/**
 * PassClient: one typed method per DCR / REST API V2 call the TV and the second screen make.
 * Each REST V2 request carries Authorization, AP-Device-Identifier and X-Device-Info (checklist 28–30)
 * plus only the headers and parameters the spec defines for it (checklist 32). Every response is
 * validated; failures become PassError through the single policy in error-policy.ts. Every exchange,
 * retries and DCR included, waits for a slot from one RequestScheduler (scheduler.ts), which keeps the
 * client inside Adobe's throttling budget and sends what the user waits for first (calls.ts).
 */
import { PassError, malformed, type EnhancedError, type PassErrorKind } from './errors';
import { CALL_PRIORITY, type CallKind } from './calls';
import { CALL_RULES, DEFAULT_RETRY_BASE_MS, MAX_RETRIES, THROTTLE_WAIT_MS, react, retryDelayMs, type Outcome } from './error-policy';
import { parseJson, sendHttp, type HttpOutcome, type HttpRequest } from './http';
import { TokenManager, memoryCredentialsStore, type CredentialsStore } from './registration';
import { RequestScheduler, cancelledError, type AbortLike, type BudgetOptions, type BudgetStore } from './scheduler';
import type {
  AccessToken,
  ClientCredentials,
  Configuration,
  DecisionItem,
  LogoutEntry,
  Profile,
  SessionAction,
  SessionInfo,
  SessionParameters,
} from './types';
import { formBody, joinUrl } from './url';
import * as v from './validate';

/** Builds the two device headers. Must describe the real streaming device (checklist 29–31). */
export interface DeviceHeaders {
  /** `fingerprint <base64 id>` (§6.2). */
  identifierHeader(): string;
  /** Base64 JSON (§6.3). */
  infoHeader(): string;
}

/** What the client reports about its own traffic; never contains tokens, secrets or bodies. */
export interface PassClientEvent {
  type: 'request' | 'retry' | 'token-refresh' | 'register' | 'failure';
  method?: string;
  path?: string;
  status?: number;
  detail?: string;
}

export interface PassClientOptions {
  restBaseUrl: string;
  dcrBaseUrl: string;
  serviceProvider: string;
  softwareStatement: string;
  /** Optional DCR `redirect_uri`. */
  redirectUri?: string;
  device: DeviceHeaders;
  /** Where credentials and the access token live; defaults to memory (fine for a web page). */
  credentials?: CredentialsStore;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** All waiting (throttling budget, retries); injectable so tests do not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** Device clock, used for token expiry and by the scheduler. */
  now?: () => number;
  /** First backoff step (default DEFAULT_RETRY_BASE_MS, 1 s; then doubled). The 1 s wait after a 429 or no status is not configurable. */
  retryBaseDelayMs?: number;
  tokenRefreshMarginMs?: number;
  /** Throttling budget of the scheduler (default: burst 10, then 1 request/s, +100 ms margin). */
  budget?: Partial<BudgetOptions>;
  /** Share one scheduler between clients that leave from the same IP (default: one per client). */
  scheduler?: RequestScheduler;
  /** Where the scheduler keeps the device's throttling budget between launches (default: nowhere, a full burst each launch). */
  budgetStore?: BudgetStore;
  onEvent?: (event: PassClientEvent) => void;
}

/** Per-call options; every one has a default, so callers may pass nothing. */
export interface CallOptions {
  /** Overrides the call's default priority (calls.ts PRIORITY; lower goes first). */
  priority?: number;
  /** Aborting removes the call from the queue (or stops its pending retry); a sent request is not recalled. */
  signal?: AbortLike;
  /** Asked before each send: false abandons the call (e.g. a poll for a code the user replaced). */
  shouldContinue?: () => boolean;
}

type Endpoint = 'rest' | 'register' | 'token';

interface Call extends CallOptions {
  kind: CallKind;
  endpoint: Endpoint;
  method: 'GET' | 'POST';
  url: string;
  /** Extra spec-defined headers (Content-Type, AP-TempPass-Identity). */
  headers?: Record<string, string>;
  body?: string;
}

const ACCEPT = 'application/json';
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json;charset=utf-8';

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class PassClient {
  readonly serviceProvider: string;
  private readonly tokens: TokenManager;
  /** Every exchange of this client waits here for a slot (throttling budget, priorities, retry delays). */
  readonly scheduler: RequestScheduler;

  constructor(private readonly options: PassClientOptions) {
    this.serviceProvider = options.serviceProvider;
    const now = options.now ?? Date.now;
    this.scheduler = options.scheduler ?? new RequestScheduler({ now, sleep: options.sleep ?? defaultSleep, budget: options.budget, store: options.budgetStore });
    this.tokens = new TokenManager({
      store: options.credentials ?? memoryCredentialsStore(),
      now,
      refreshMarginMs: options.tokenRefreshMarginMs,
      register: () => this.register(),
      requestToken: (credentials) => this.token(credentials),
    });
  }

  // ---------------------------------------------------------------- DCR (§4)

  /** POST /o/client/register. Prefer ensureToken(): it registers only when needed. */
  async register(): Promise<ClientCredentials> {
    const body: Record<string, string> = { software_statement: this.options.softwareStatement };
    if (this.options.redirectUri) body.redirect_uri = this.options.redirectUri;
    this.emit({ type: 'register' });
    const json = await this.execute({
      kind: 'register',
      endpoint: 'register',
      method: 'POST',
      url: joinUrl(this.options.dcrBaseUrl, 'o', 'client', 'register'),
      headers: { 'Content-Type': JSON_TYPE },
      body: JSON.stringify(body),
    });
    return v.parseRegister(json);
  }

  /** POST /o/client/token with the given credentials. Prefer ensureToken(). */
  async token(credentials: ClientCredentials): Promise<{ accessToken: string; expiresInS: number }> {
    this.emit({ type: 'token-refresh' });
    const json = await this.execute({
      kind: 'token',
      endpoint: 'token',
      method: 'POST',
      url: joinUrl(this.options.dcrBaseUrl, 'o', 'client', 'token'),
      headers: { 'Content-Type': FORM },
      body: formBody({ client_id: credentials.clientId, client_secret: credentials.clientSecret, grant_type: 'client_credentials' }),
    });
    return v.parseToken(json);
  }

  /** A valid access token, from storage when possible (registration phase, §17 A). */
  ensureToken(): Promise<AccessToken> {
    return this.tokens.current();
  }

  // ---------------------------------------------------------------- REST API V2 (§5)

  /** GET configuration (§5.1). */
  async configuration(options?: CallOptions): Promise<Configuration> {
    return v.parseConfiguration(await this.rest('configuration', 'GET', ['configuration'], options));
  }

  /**
   * POST sessions (§5.2), form-encoded. Never re-sent after a failure without an answer (a session may
   * already exist): that throws PassError { kind: 'network', outcomeUnknown: true, retryable: true }.
   */
  async createSession(params: SessionParameters, options?: CallOptions): Promise<SessionAction> {
    const body = formBody({ mvpd: params.mvpd, domainName: params.domainName, redirectUrl: params.redirectUrl });
    const json = await this.rest('session-create', 'POST', ['sessions'], options, { 'Content-Type': FORM }, body);
    return v.parseSessionAction(json, this.options.restBaseUrl);
  }

  /** POST sessions/{code} (§5.3): a second screen supplies what the session still misses. */
  async resumeSession(code: string, params: SessionParameters, options?: CallOptions): Promise<SessionAction> {
    const body = formBody({ mvpd: params.mvpd, domainName: params.domainName, redirectUrl: params.redirectUrl });
    const json = await this.rest('session-resume', 'POST', ['sessions', code], options, { 'Content-Type': FORM }, body);
    return v.parseSessionAction(json, this.options.restBaseUrl);
  }

  /** GET sessions/{code} (§5.4): validate a typed code; tells whether the MVPD was preselected. */
  async retrieveSession(code: string, options?: CallOptions): Promise<SessionInfo> {
    return v.parseSessionInfo(await this.rest('session-retrieve', 'GET', ['sessions', code], options));
  }

  /** GET profiles (§5.6). Empty array = not authenticated. */
  async profiles(options?: CallOptions): Promise<Profile[]> {
    return v.parseProfiles(await this.rest('profiles', 'GET', ['profiles'], options));
  }

  /** GET profiles/{mvpd} (§5.7). `tempPassIdentity` is the Base64 AP-TempPass-Identity (promotional TempPass). */
  async profileForMvpd(mvpd: string, tempPassIdentity?: string, options?: CallOptions): Promise<Profile[]> {
    return v.parseProfiles(await this.rest('profiles', 'GET', ['profiles', mvpd], options, tempPassHeader(tempPassIdentity)));
  }

  /**
   * GET profiles/code/{code} (§5.8): the polling target. Polls leave at least MIN_POLL_GAP_MS between them,
   * retries included. A `shouldContinue` function (or CallOptions) lets the poller abandon the call, queued
   * or between retries, the moment its code is replaced or stopped (checklist 10).
   */
  async profileForCode(code: string, options?: CallOptions | (() => boolean)): Promise<Profile[]> {
    const opts = typeof options === 'function' ? { shouldContinue: options } : options;
    return v.parseProfiles(await this.rest('poll', 'GET', ['profiles', 'code', code], opts));
  }

  /** POST decisions/preauthorize/{mvpd} (§5.9), JSON. Item-level errors are returned, not thrown. */
  async preauthorize(mvpd: string, resources: string[], options?: CallOptions): Promise<DecisionItem[]> {
    const body = JSON.stringify({ resources });
    const json = await this.rest('preauthorize', 'POST', ['decisions', 'preauthorize', mvpd], options, { 'Content-Type': JSON_TYPE }, body);
    return v.parseDecisions(json);
  }

  /** POST decisions/authorize/{mvpd} (§5.10), JSON, one resource. Item-level errors are returned, not thrown. */
  async authorize(mvpd: string, resource: string, tempPassIdentity?: string, options?: CallOptions): Promise<DecisionItem> {
    const headers = { 'Content-Type': JSON_TYPE, ...tempPassHeader(tempPassIdentity) };
    const body = JSON.stringify({ resources: [resource] });
    const decisions = v.parseDecisions(await this.rest('authorize', 'POST', ['decisions', 'authorize', mvpd], options, headers, body));
    const decision = decisions.filter((d) => d.resource === resource)[0] ?? decisions[0];
    if (!decision) throw malformed('decisions');
    return decision;
  }

  /** GET logout/{mvpd}?redirectUrl=… (§5.11). Relative `url`s come back resolved against the REST origin. */
  async logout(mvpd: string, redirectUrl: string, options?: CallOptions): Promise<LogoutEntry[]> {
    const query = `redirectUrl=${encodeURIComponent(redirectUrl)}`;
    return v.parseLogout(await this.rest('logout', 'GET', ['logout', mvpd], options, undefined, undefined, query), this.options.restBaseUrl);
  }

  /** The user-agent URL a browser opens to log in (§5.5); no request is made. */
  authenticateUrl(code: string): string {
    return joinUrl(this.options.restBaseUrl, 'api', 'v2', 'authenticate', this.options.serviceProvider, code);
  }

  // ---------------------------------------------------------------- execution

  private rest(
    kind: CallKind,
    method: 'GET' | 'POST',
    segments: string[],
    options: CallOptions | undefined,
    headers?: Record<string, string>,
    body?: string,
    query?: string,
  ): Promise<unknown> {
    const url = joinUrl(this.options.restBaseUrl, 'api', 'v2', this.options.serviceProvider, ...segments) + (query ? `?${query}` : '');
    return this.execute({ ...options, kind, endpoint: 'rest', method, url, headers, body });
  }

  /**
   * One logical call: at most MAX_RETRIES retries and at most one token refresh + repeat (401). Each
   * attempt waits for a scheduler slot; a retry waits there for its delay, keeping its place in line.
   * Returns the parsed JSON of a 2xx answer; throws PassError otherwise.
   */
  private async execute(call: Call): Promise<unknown> {
    const rule = CALL_RULES[call.kind];
    const priority = call.priority ?? CALL_PRIORITY[call.kind];
    const since = this.scheduler.time();
    const path = call.url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0];
    let retries = 0;
    let refreshed = false;
    let delayMs = 0;
    for (;;) {
      if (call.signal?.aborted) throw cancelledError();
      const token = call.endpoint === 'rest' ? await this.tokens.current() : undefined;
      const request = this.buildRequest(call, token);
      const outcome = await this.scheduler.run(
        () => {
          this.emit({ type: 'request', method: call.method, path });
          return sendHttp(request);
        },
        {
          priority,
          since,
          delayMs,
          signal: call.signal,
          shouldContinue: call.shouldContinue,
          spacing: rule.minGapMs ? { key: call.kind, minGapMs: rule.minGapMs } : undefined,
        },
      );

      if (outcome.type === 'response' && outcome.status >= 200 && outcome.status < 300) {
        const parsed = parseJson(outcome.text);
        if (!parsed.ok) throw malformed(`answer to ${call.method} ${path}`, outcome.status);
        return parsed.value;
      }

      const classified = classify(call.endpoint, outcome);
      const reaction = react(classified.outcome, call.kind);
      // A 429, or no status at all (how a web page sees Adobe's 429): nobody in this client sends for 1 s.
      if ((reaction.type === 'retry' || reaction.type === 'fail') && reaction.mayBeThrottled) this.scheduler.backOff(THROTTLE_WAIT_MS);
      if (reaction.type === 'retry') {
        if (retries < MAX_RETRIES) {
          delayMs = retryDelayMs(reaction, retries, this.options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_MS);
          retries += 1;
          this.emit({ type: 'retry', method: call.method, path, status: classified.status, detail: classified.outcome.type });
          continue;
        }
        throw this.failure(reaction.finalKind, classified, true);
      }
      delayMs = 0;
      if (reaction.type === 'refresh-token' && call.endpoint === 'rest' && token && !refreshed) {
        refreshed = true;
        await this.tokens.refresh(token.accessToken);
        continue;
      }
      if (reaction.type === 're-register') throw this.failure('registration', classified, false);
      if (reaction.type === 'refresh-token') throw this.failure('registration', classified, false);
      if (reaction.type === 'fail') throw this.failure(reaction.kind, classified, reaction.retryable, reaction.outcomeUnknown);
    }
  }

  private buildRequest(call: Call, token: AccessToken | undefined): HttpRequest {
    const headers: Record<string, string> = { Accept: ACCEPT, ...call.headers };
    if (call.endpoint === 'rest' && token) {
      headers.Authorization = `Bearer ${token.accessToken}`;
      headers['AP-Device-Identifier'] = this.options.device.identifierHeader();
    }
    // X-Device-Info: required on register/token (§4) and, per the checklist, on every REST V2 call.
    headers['X-Device-Info'] = this.options.device.infoHeader();
    return { method: call.method, url: call.url, headers, body: call.body, timeoutMs: this.options.timeoutMs ?? 10_000 };
  }

  private failure(kind: PassErrorKind, classified: Classified, retryable: boolean, outcomeUnknown = false): PassError {
    const { enhanced, oauthError, status } = classified;
    const message = enhanced?.message || defaultMessage(kind);
    this.emit({ type: 'failure', status, detail: enhanced?.code ?? oauthError ?? (outcomeUnknown ? 'no answer, not re-sent' : kind) });
    return new PassError({ kind, message, httpStatus: status, enhanced, oauthError, retryable, outcomeUnknown });
  }

  private emit(event: PassClientEvent): void {
    if (this.options.onEvent) this.options.onEvent(event);
  }
}

interface Classified {
  outcome: Outcome;
  status?: number;
  enhanced?: EnhancedError;
  oauthError?: string;
}

/** Reads whatever error information a non-2xx answer has; bodies may be empty or HTML (§3.4). */
function classify(endpoint: Endpoint, outcome: HttpOutcome): Classified {
  if (outcome.type === 'transport') return { outcome: { type: 'transport' } };
  const parsed = parseJson(outcome.text);
  const body = parsed.ok ? parsed.value : undefined;
  const enhanced = endpoint === 'rest' ? v.parseEnhancedError(body) : undefined;
  const oauthError = endpoint !== 'rest' && v.isRecord(body) && typeof body.error === 'string' ? body.error : undefined;
  return {
    outcome: { type: 'response', endpoint, status: outcome.status, enhanced, oauthError },
    status: outcome.status,
    enhanced,
    oauthError,
  };
}

function tempPassHeader(identity: string | undefined): Record<string, string> {
  return identity ? { 'AP-TempPass-Identity': identity } : {};
}

const DEFAULT_MESSAGES: Record<PassErrorKind, string> = {
  network: 'The TV provider service cannot be reached. Check the connection and try again.',
  throttled: 'Too many requests right now. Please wait a moment and try again.',
  server: 'The TV provider service is having trouble. Please try again.',
  malformed: 'The TV provider service sent an answer we could not read. Please try again.',
  registration: 'This app could not register with the TV provider service.',
  authentication: 'Please sign in with your TV provider.',
  denied: 'Your TV provider does not allow access to this content.',
  configuration: 'This TV provider is not available right now.',
  'expired-code': 'This activation code has expired. A new code is needed.',
  unknown: 'Something went wrong with the TV provider service.',
};

function defaultMessage(kind: PassErrorKind): string {
  return DEFAULT_MESSAGES[kind];
}
