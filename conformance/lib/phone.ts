/**
 * The second-screen activation app on a phone, minus the DOM: its real api module (src/pass inside),
 * its real flow logic, its device headers and its own registered application, as second-screen/src/main.ts
 * wires them. `navigate` records where the page would send the browser instead of going there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPassApi, webCredentialsStore, type SecondScreenApi } from '../../second-screen/src/api';
import { activeConfig, type ActiveConfig, type SecondScreenConfig } from '../../second-screen/src/config';
import { describeDevice, deviceId, deviceIdentifierHeader, deviceInfoHeader } from '../../second-screen/src/device';
import { ActivationFlow, DoneFlow, type FlowDeps, type Screen } from '../../second-screen/src/flow';
import { memoryStore, type KeyValueStore } from '../../second-screen/src/storage';

const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

export class Phone {
  readonly localStore: KeyValueStore = memoryStore();
  readonly tabStore: KeyValueStore = memoryStore();
  readonly config: ActiveConfig;
  readonly api: SecondScreenApi;
  readonly navigations: string[] = [];
  readonly screens: Screen[] = [];
  readonly identifier: string;

  constructor(adobeUrl: string) {
    const raw = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'second-screen', 'config.json'), 'utf8'),
    ) as SecondScreenConfig;
    const preset = raw.presets[raw.preset];
    raw.presets[raw.preset] = { ...preset, restBaseUrl: adobeUrl, dcrBaseUrl: adobeUrl };
    this.config = activeConfig(raw, 'http://localhost:4030/', raw.preset);
    const id = deviceId(this.localStore);
    this.identifier = deviceIdentifierHeader(id);
    const info = deviceInfoHeader(
      describeDevice(
        { userAgent: IPHONE_UA, screenWidth: 390, screenHeight: 844, devicePixelRatio: 3 },
        this.config.serviceProvider,
      ),
    );
    const identifier = this.identifier;
    this.api = createPassApi({
      config: this.config,
      device: { identifierHeader: () => identifier, infoHeader: () => info },
      credentials: webCredentialsStore(this.localStore, this.config.presetName),
    });
  }

  private deps(): FlowDeps {
    return {
      api: this.api,
      config: this.config,
      tabStore: this.tabStore,
      navigate: (url) => void this.navigations.push(url),
      render: (screen) => void this.screens.push(screen),
    };
  }

  activationFlow(): ActivationFlow {
    return new ActivationFlow(this.deps());
  }

  doneFlow(): DoneFlow {
    return new DoneFlow(this.deps());
  }
}
