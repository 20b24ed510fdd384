/**
 * Promotional TempPass pairing screen (view: src/pages/Trial.ts). The TV shows a short code and a QR that
 * opens the second screen's /trial page; the viewer types the email there, never on the TV. The flows poll
 * the programmer backend for the email's hash and start the pass with it (docs/pass-and-flows.md).
 */
import type { Failure, TrialPairing, TrialPairingCode } from '../flows/api';
import { t } from '../lib/language';
import { Controller, failed, type Deps, type FailureView } from './controller';
import { tempPassFailure } from './temppass';

export type TrialState =
  { kind: 'starting' } | { kind: 'code'; code: TrialPairingCode } | ({ kind: 'failed' } & FailureView);

export class TrialController extends Controller<TrialState> {
  private pairing?: TrialPairing;
  private generation = 0;

  constructor(private readonly deps: Pick<Deps, 'flows' | 'nav' | 'session'>) {
    super({ kind: 'starting' });
  }

  /** The page is shown: ask for a pairing code (a new one each time). */
  activate(): void {
    const offer = this.deps.session.tempPassOffer;
    if (!offer) return this.deps.nav.to('providers');
    this.stop();
    const gen = ++this.generation;
    const live = () => gen === this.generation;
    this.set({ kind: 'starting' });
    this.pairing = this.deps.flows.pairTempPass(offer, {
      onCode: (code) => {
        if (live()) this.set({ kind: 'code', code });
      },
      onSignedIn: () => {
        if (!live()) return;
        this.deps.session.tempPassOffer = undefined;
        this.deps.nav.to('catalog');
      },
      onFailure: (failure) => {
        if (live()) this.fail(failure);
      },
    });
  }

  /** The page was left: polling stops at once. */
  stop(): void {
    this.generation++;
    if (this.pairing) this.pairing.stop();
    this.pairing = undefined;
  }

  panelAction(id: string): void {
    if (id === 'retry') this.activate();
    else this.back();
  }

  back(): void {
    this.stop();
    this.deps.nav.to('providers');
  }

  private fail(failure: Failure): void {
    const plain = tempPassFailure(failure);
    const retry = { id: 'retry', label: t('temppass.newCode') };
    const signIn = { id: 'back', label: t('temppass.signIn') };
    // A used-up pass: the way on is a real provider; anything else: a new code.
    if (plain) this.set(failed(plain.title, plain.failure, signIn));
    else this.set(failed(t('temppass.pairTitle'), failure, retry, { id: 'back', label: t('common.back') }));
  }
}
