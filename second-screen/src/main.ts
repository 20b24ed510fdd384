/**
 * Browser entry. The server injects the config as JSON into the page; the path decides the page:
 * `/` (code entry; `?code=` pre-fills), `/done` (the MVPD login's redirectUrl landing page) or `/trial`
 * (promotional TempPass: pairing code + email, src/trial.ts).
 */
import { createPassApi, webCredentialsStore } from './api';
import { activeConfig, isSecondScreenConfig } from './config';
import { browserFacts, describeDevice, deviceId, deviceIdentifierHeader, deviceInfoHeader } from './device';
import { ActivationFlow, DoneFlow, type FlowDeps } from './flow';
import { pendingLogin } from './pending';
import { webStore } from './storage';
import { startTrialPage } from './trial';
import { createView } from './view';

function readInjectedConfig(): unknown {
  const el = document.getElementById('ss-config');
  try {
    return el && el.textContent ? (JSON.parse(el.textContent) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function boot(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const raw = readInjectedConfig();
  if (!isSecondScreenConfig(raw)) {
    root.textContent = 'This activation page is not configured.';
    return;
  }
  const localStore = webStore(() => window.localStorage);
  const tabStore = webStore(() => window.sessionStorage);
  const params = new URLSearchParams(location.search);
  if (/\/trial\/?$/.test(location.pathname)) {
    // Promotional TempPass: no Adobe call from this page, only the programmer's pairing endpoint.
    const trialConfig = activeConfig(raw, location.href, params.get('preset'));
    startTrialPage(root, trialConfig.programmerUrl, params.get('code'), trialConfig.brandName);
    return;
  }
  const onDone = /\/done\/?$/.test(location.pathname);
  // The MVPD's redirect to /done carries no query: the preset chosen on "/" travels with the pending login.
  const wantedPreset = params.get('preset') || (onDone ? pendingLogin.read(tabStore)?.preset : undefined);
  const config = activeConfig(raw, location.href, wantedPreset);

  const id = deviceId(localStore);
  const info = deviceInfoHeader(describeDevice(browserFacts(), config.serviceProvider));
  const api = createPassApi({
    config,
    device: { identifierHeader: () => deviceIdentifierHeader(id), infoHeader: () => info },
    credentials: webCredentialsStore(localStore, config.presetName),
  });

  const presetQuery = config.presetName === raw.preset ? '' : `?preset=${encodeURIComponent(config.presetName)}`;
  let render: FlowDeps['render'] = () => undefined;
  const deps: FlowDeps = {
    api,
    config,
    tabStore,
    navigate: (url) => location.assign(url),
    render: (screen) => {
      // Before leaving for the MVPD, put the code in this page's URL: Back (or a reload) then returns
      // to the same code instead of an empty field.
      if (screen.name === 'leaving' && !onDone && window.history && history.replaceState) {
        const query = new URLSearchParams(location.search);
        query.set('code', screen.code);
        history.replaceState(null, '', `${location.pathname}?${query.toString()}`);
      }
      render(screen);
    },
  };

  if (onDone) {
    const flow = new DoneFlow(deps);
    render = createView(root, {
      submitCode: () => undefined,
      continueLogin: () => undefined,
      chooseProvider: () => undefined,
      retry: () => void flow.retry(),
      retryWaitMs: () => flow.retryWaitMs(),
      startOver: () => {
        pendingLogin.clear(tabStore);
        location.assign(`/${presetQuery}`);
      },
      recheck: () => void flow.recheck(),
    });
    void flow.start(params.get('code'));
  } else {
    const flow = new ActivationFlow(deps);
    render = createView(root, {
      submitCode: (code) => void flow.submitCode(code),
      continueLogin: () => void flow.continueLogin(),
      chooseProvider: (mvpd) => void flow.chooseProvider(mvpd),
      retry: () => void flow.retry(),
      retryWaitMs: () => flow.retryWaitMs(),
      startOver: () => flow.startOver(),
      recheck: () => undefined,
    });
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) flow.returnedFromProvider();
    });
    void flow.start(params.get('code'));
  }
}

boot();
