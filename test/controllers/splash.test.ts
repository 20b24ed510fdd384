import { installTranslations } from '../../src/lib/language';
import { TRANSLATIONS } from '../support/translations';
import { BOOT_STEPS, SplashController, type SplashState } from '../../src/controllers/splash';
import { flush, recorder, testDeps } from '../support/deps';
import { ACME, FakeFlows, fail, ok, profileFor } from '../support/fakeFlows';

function setup(flows = new FakeFlows()) {
  const deps = testDeps({ flows });
  let exits = 0;
  const ctl = new SplashController(deps, () => exits++);
  const seen = recorder<SplashState>();
  ctl.subscribe(seen.render);
  return { deps, flows, ctl, seen, exits: () => exits };
}

describe('SplashController', () => {
  it("the progress line follows the flows' boot steps, not a timer", async () => {
    const flows = new FakeFlows();
    let release!: () => void;
    flows.holdBoot = new Promise<void>((r) => (release = r));
    const { ctl, deps } = setup(flows);
    void ctl.boot();
    expect(ctl.state).toEqual({ kind: 'booting', step: 'Registering this TV…' });
    deps.timers.advance(5000);
    expect(ctl.state).toEqual({ kind: 'booting', step: 'Registering this TV…' });
    flows.bootStep!('registering');
    expect(ctl.state).toEqual({ kind: 'booting', step: 'Registering this TV…' });
    flows.bootStep!('confirming-provider');
    expect(ctl.state).toEqual({ kind: 'booting', step: 'Checking your TV provider…' });
    expect(BOOT_STEPS).toEqual(['splash.registering', 'splash.checkingProvider']);
    release();
    await flush();
    expect(deps.session.booted).toBe(true);
    expect(deps.routes).toEqual(['providers']);
  });

  it('signed in → catalog; one valid profile → adopted, catalog; several → chooser of every profile (provider, type, validity)', async () => {
    const flows = new FakeFlows();
    flows.bootResult = ok({ signedIn: true, profile: profileFor('AcmeCable'), provider: ACME });
    const { ctl, deps } = setup(flows);
    await ctl.boot();
    expect(deps.routes).toEqual(['catalog']);
    const one = profileFor('AcmeCable');
    flows.bootResult = ok({ signedIn: false, profiles: [one] });
    await ctl.boot();
    expect(flows.calls.find((c) => c.name === 'chooseProfile')?.args[0]).toBe(one);
    expect(deps.routes).toEqual(['catalog', 'catalog']);
    const many = ['A', 'B', 'C', 'D'].map((id) => profileFor(id));
    flows.bootResult = ok({ signedIn: false, profiles: many });
    await ctl.boot();
    const s = ctl.state;
    expect(s.kind === 'choosing' && s.profiles).toEqual(many);
    expect(s.kind === 'choosing' && s.choices.map((c) => c.label)).toEqual(
      ['A', 'B', 'C', 'D'].map((id) => `${id} · Signed in · until 1 Jan`),
    );
    ctl.choose(2);
    expect(flows.calls.filter((c) => c.name === 'chooseProfile').map((c) => c.args[0])).toEqual([one, many[2]]);
  });

  it('a failure offers Retry (boots again) and Exit', async () => {
    const flows = new FakeFlows();
    flows.bootResult = fail('Registration failed');
    const { ctl, exits } = setup(flows);
    await ctl.boot();
    const s = ctl.state;
    expect(s.kind === 'failed' && s.actions.map((a) => a.id)).toEqual(['retry', 'exit']);
    flows.bootResult = ok({ signedIn: false, profiles: [] });
    ctl.panelAction('retry');
    await flush();
    expect(flows.count('boot')).toBe(2);
    ctl.panelAction('exit');
    expect(exits()).toBe(1);
  });

  it('a boot answer after the page was left changes nothing', async () => {
    const { ctl, deps } = setup();
    const running = ctl.boot();
    ctl.stop();
    await running;
    expect(deps.routes).toEqual([]);
    expect(deps.session.booted).toBeUndefined();
  });

  it('speaks the UI language: progress, failure title and buttons in Spanish', async () => {
    installTranslations(TRANSLATIONS, 'es');
    try {
      const flows = new FakeFlows();
      flows.bootResult = fail('Registration failed');
      const { ctl } = setup(flows);
      expect(ctl.state).toEqual({ kind: 'booting', step: 'Registrando este televisor…' });
      await ctl.boot();
      const s = ctl.state;
      expect(s.kind === 'failed' && [s.title, ...s.actions.map((a) => a.label)]).toEqual([
        'No pudimos iniciar la aplicación',
        'Reintentar',
        'Salir',
      ]);
    } finally {
      installTranslations(TRANSLATIONS, 'en');
    }
  });
});
