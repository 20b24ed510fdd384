import { Activate, SUCCESS_MS } from '../../src/pages/Activate';
import { ACME, BLUE, FakeFlows, profileFor } from '../support/fakeFlows';
import { mountPage, type Mounted } from '../support/harness';

describe('Activate', () => {
  let m: Mounted<Activate> | undefined;
  afterEach(() => m?.destroy());

  const mount = async () => {
    const flows = new FakeFlows();
    m = await mountPage(Activate, { flows, session: { provider: ACME } });
    const activation = flows.activations[0]!;
    return { flows, activation, m: m! };
  };

  it('starts activation for the chosen provider and shows code, URL, QR and countdown', async () => {
    const { flows, activation, m } = await mount();
    expect(flows.calls.find((c) => c.name === 'startActivation')?.args[0]).toBe(ACME);
    expect(m.page.phase).toBe('starting');
    activation.remaining = 125_000;
    const code = activation.code('ABC1234');
    expect(m.page.phase).toBe('code');
    expect(m.page.tag('Main.CodePlate.Code')!.text!.text).toBe('ABC 1234');
    expect(m.page.tag('Main.Url')!.text!.text).toBe('localhost:4030');
    expect(m.page.tag('Main.QrPlate.Qr')!.content).toBe(code.activationUrl);
    expect(m.page.tag('Main.Countdown')!.text!.text).toContain('02:05');
    activation.remaining = 124_000;
    m.timers.advance(1000);
    expect(m.page.tag('Main.Countdown')!.text!.text).toContain('02:04');
  });

  it('shows "New code" feedback when flows replaces an expired code', async () => {
    const { activation, m } = await mount();
    const first = activation.code('ABC1234');
    expect(m.page.tag('Main.CodePlate.Badge')!.alpha).toBe(0);
    activation.listener.onExpired(first);
    expect(m.page.tag('Main.Countdown')!.text!.text).toContain('expired');
    activation.code('XYZ9876');
    expect(m.page.tag('Main.CodePlate.Code')!.text!.text).toBe('XYZ 9876');
    expect(m.page.tag('Main.CodePlate.Badge')!.alpha).toBe(1);
    expect(m.page.tag('Main.CodePlate.Badge.Label')!.text!.text).toBe('New code');
  });

  it('when the codes stop, the code and QR fade, the line says so and "Get a new code" takes focus', async () => {
    const { activation, m } = await mount();
    activation.listener.onExpired(activation.code('ABC1234'));
    activation.code('XYZ9876');
    m.press('Right');
    expect((m.focused() as unknown as { label: string }).label).toBe('Choose another provider');
    activation.listener.onExpired(activation.code('XYZ9876'));
    activation.listener.onFailure({ kind: 'expired-code', message: 'expired', retryable: true });
    expect(m.page.phase).toBe('code');
    expect(m.page.tag('Main.Countdown')!.text!.text).toBe('This code expired. Choose Get a new code to sign in.');
    expect(m.page.tag('Main.CodePlate')!.alpha).toBeLessThan(0.5);
    expect(m.page.tag('Main.QrPlate.Qr')!.alpha).toBeLessThan(0.5);
    expect((m.focused() as unknown as { label: string }).label).toBe('Get a new code');
    m.press('Enter');
    expect(activation.newCodes).toBe(1);
    activation.code('NEW5555');
    expect(m.page.tag('Main.CodePlate')!.alpha).toBe(1);
    expect(m.page.tag('Main.CodePlate.Code')!.text!.text).toBe('NEW 5555');
  });

  it('"Get a new code" asks flows; "Choose another provider" stops polling and goes back', async () => {
    const { activation, m } = await mount();
    activation.code('ABC1234');
    m.press('Enter');
    expect(activation.newCodes).toBe(1);
    m.press('Right');
    m.press('Enter');
    expect(activation.stopped).toBe(true);
    expect(m.routes).toEqual(['providers']);
  });

  it('Back stops polling and returns to the picker; leaving clears the countdown timer', async () => {
    const { activation, m } = await mount();
    activation.code('ABC1234');
    expect(m.timers.pending).toBeGreaterThan(0);
    m.press('Back');
    expect(activation.stopped).toBe(true);
    expect(m.routes).toEqual(['providers']);
    m.page.visible = false; // what the router does when the page is left → _inactive
    expect(m.timers.pending).toBe(0);
  });

  it('on success confirms with the provider, then opens the catalog after a moment (or on OK)', async () => {
    const { activation, m } = await mount();
    activation.code('ABC1234');
    activation.listener.onSignedIn(profileFor('AcmeCable'), ACME);
    expect(m.page.phase).toBe('success');
    expect(m.page.tag('Success.Title')!.text!.text).toBe('You’re signed in with Acme Cable');
    expect(m.routes).toEqual([]);
    m.timers.advance(SUCCESS_MS);
    expect(m.routes).toEqual(['catalog']);
  });

  it('a failure shows the message with Try again (new activation) and Choose another provider', async () => {
    const { flows, activation, m } = await mount();
    activation.listener.onFailure({
      kind: 'server',
      message: 'The sign-in service is not answering.',
      retryable: true,
    });
    expect(m.page.phase).toBe('failed');
    expect(m.page.tag('Panel')!.actionIds).toEqual(['retry', 'providers']);
    m.press('Enter');
    expect(flows.activations).toHaveLength(2);
    expect(activation.stopped).toBe(true);
  });

  it('lets the phone choose the provider: no provider sent, the flows name it', async () => {
    const flows = new FakeFlows();
    m = await mountPage(Activate, { flows, session: { chooseOnPhone: true } });
    const activation = flows.activations[0]!;
    expect(activation.provider).toBeUndefined();
    activation.code('PHN1234');
    expect(m.page.tag('Main.Title')!.text!.text).toBe('Sign in on your phone');
    activation.listener.onSignedIn(profileFor('BlueRiverTV'), BLUE);
    await m.settle();
    expect(m.services.session.provider).toBe(BLUE);
    expect(m.page.tag('Success.Title')!.text!.text).toBe('You’re signed in with Blue River TV');
  });

  it('without a chosen provider goes to the picker', async () => {
    m = await mountPage(Activate);
    expect(m.routes).toEqual(['providers']);
  });
});
