/**
 * The journey screens' voice guidance in Spanish (the English cases: screens-a11y.test.ts). A file of
 * its own: page templates are compiled once per class, in the language of the first mount.
 */
import { Account } from '../../src/pages/Account';
import { Activate } from '../../src/pages/Activate';
import { Catalog } from '../../src/pages/Catalog';
import { Providers } from '../../src/pages/Providers';
import { ACME, BLUE, FakeFlows, SUMMIT, ok } from '../support/fakeFlows';
import { signedIn, useScreenSpeech } from '../support/screenSpeech';

const { mount, heard, after, take } = useScreenSpeech('es');

it('Providers: the page, the provider and "Last used"; the search field', async () => {
  const flows = new FakeFlows();
  flows.providersResult = ok([SUMMIT, ACME, BLUE]);
  flows.lastUsed = SUMMIT;
  const p = await mount(Providers, { flows });
  await p.settle();
  expect(heard(p.app)).toEqual([
    'Elige tu proveedor de TV',
    'Inicia sesión con tu suscripción de TV para empezar a ver.',
    'Summit Satellite',
    'Último usado',
  ]);
  expect(after(p, 'Up')).toEqual(['Buscar proveedores, botón']);
  expect(p.page.tag('Field')!.tag('Text')!.text!.text).toBe('Buscar proveedores');
});

it('Activate: the headline, the address, the code one character at a time, the time left, the button', async () => {
  const flows = new FakeFlows();
  const page = await mount(Activate, { flows, session: { provider: ACME } });
  const activation = flows.activations[0]!;
  activation.remaining = 125_000;
  activation.code('ABC1234');
  take();
  expect(heard(page.app)).toEqual([
    'Accede con Acme Cable',
    'Ve a localhost:4030',
    'Tu código es A, B, C, 1, 2, 3, 4',
    'El código vence en 2 minutos y 5 segundos',
    'Pedir otro código, botón',
  ]);
  expect(page.page.tag('Main.Step1')!.text!.text).toBe('En tu teléfono o computadora, ve a');
});

it('Catalog: the lock is said in Spanish, the MVPD’s reason as given', async () => {
  const flows = signedIn();
  flows.decisions.set('DEMOTV-SPORTS', {
    resource: 'DEMOTV-SPORTS',
    authorized: false,
    failure: { kind: 'denied', message: 'Not included in your package.', retryable: false },
  });
  const page = await mount(Catalog, { flows });
  heard(page.app);
  expect(after(page, 'Right')).toEqual(['Derby Day', 'Bloqueado. Not included in your package.']);
  page.press('Up');
  expect(after(page, 'Up')).toEqual(['Cuenta, botón']);
});

it('Account: the page, who is signed in, the button; the settings row', async () => {
  const page = await mount(Account, { flows: signedIn() });
  const said = heard(page.app);
  expect(said.slice(0, 2)).toEqual(['Cuenta', 'Acme Cable']);
  expect(said[2]).toMatch(/^Sesión iniciada · Válido hasta /);
  expect(said.slice(3)).toEqual(['Cerrar sesión, botón']);
  expect(after(page, 'Down')).toEqual(['ACCESIBILIDAD E IDIOMA', 'Guía por voz: desactivada, botón']);
  expect(after(page, 'Right')).toEqual(['Subtítulos: desactivados, botón']);
  expect(after(page, 'Right')).toEqual(['Idioma: automático (Español), botón']);
});
