/**
 * `/trial?code=…`: the phone half of promotional TempPass (docs/pass-and-flows.md "Promotional TempPass").
 * The TV shows a pairing code from the programmer's backend; here the viewer types that code and an email
 * address, and the page sends both to the backend, which keeps only the address's SHA-256 hash for the TV.
 * The email stays between this page and the programmer: it is never shown on, sent to or stored by the TV,
 * and this page does not store it either.
 */
import { h, on } from './dom';

export type TrialOutcome = 'sent' | 'invalid-email' | 'unknown-code' | 'already-used' | 'unreachable';

const CODE = /^[A-Za-z0-9]{4,12}$/;

export function normaliseTrialCode(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}

/** POST {programmerUrl}/trial/pairings/{code} {email}; maps the backend's answers to what the page says. */
export async function submitTrialEmail(
  fetchFn: typeof fetch,
  programmerUrl: string,
  rawCode: string,
  email: string,
): Promise<TrialOutcome> {
  const code = normaliseTrialCode(rawCode);
  if (!CODE.test(code)) return 'unknown-code';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email.trim())) return 'invalid-email';
  let status: number;
  try {
    const res = await fetchFn(`${programmerUrl.replace(/\/+$/, '')}/trial/pairings/${encodeURIComponent(code)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: email.trim() }),
    });
    status = res.status;
  } catch {
    return 'unreachable';
  }
  if (status === 204 || status === 200) return 'sent';
  if (status === 400) return 'invalid-email';
  if (status === 404) return 'unknown-code';
  if (status === 409) return 'already-used';
  return 'unreachable';
}

const MESSAGES: Record<Exclude<TrialOutcome, 'sent'>, string> = {
  'invalid-email': 'Please enter a valid email address.',
  'unknown-code': 'That code is unknown or has expired. Check the code on your TV (the TV can show a new one).',
  'already-used': 'This code was already used. Ask the TV for a new code.',
  unreachable: 'The service cannot be reached right now. Please try again.',
};

/** Renders the trial form into `root` (plain DOM, no HTML strings). */
export function startTrialPage(
  root: HTMLElement,
  programmerUrl: string | undefined,
  presetCode: string | null,
  brand: string,
): void {
  const clear = () => {
    while (root.firstChild) root.removeChild(root.firstChild);
  };
  if (!programmerUrl) {
    clear();
    root.appendChild(h('p', {}, 'Free trials are not configured for this site.'));
    return;
  }
  const form = (message?: string, code = presetCode ?? '') => {
    clear();
    root.setAttribute('data-screen', 'trial-form');
    const title = h('h1', { tabindex: '-1' }, `Start your free trial of ${brand}`);
    const codeInput = h('input', {
      id: 'trial-code',
      name: 'code',
      autocomplete: 'off',
      autocapitalize: 'characters',
      inputmode: 'text',
      value: code,
      required: true,
    });
    const emailInput = h('input', {
      id: 'trial-email',
      name: 'email',
      type: 'email',
      autocomplete: 'email',
      inputmode: 'email',
      required: true,
    });
    const error = message ? h('p', { class: 'error', role: 'alert', id: 'trial-error' }, message) : null;
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Start free trial');
    const f = h(
      'form',
      { novalidate: true },
      h('label', { for: 'trial-code' }, 'Code shown on your TV'),
      codeInput,
      h('label', { for: 'trial-email' }, 'Your email address'),
      emailInput,
      h(
        'p',
        { class: 'hint' },
        'Your TV never sees this address: only a one-way fingerprint of it is used to count your free titles.',
      ),
      error,
      submit,
    );
    on(f, 'submit', (event) => {
      event.preventDefault();
      submit.disabled = true;
      submit.textContent = 'Please wait…';
      void submitTrialEmail(window.fetch.bind(window), programmerUrl, codeInput.value, emailInput.value).then(
        (outcome) => {
          if (outcome === 'sent') done();
          else form(MESSAGES[outcome], codeInput.value);
        },
      );
    });
    root.appendChild(h('section', {}, title, f));
    (message ? emailInput : code ? emailInput : codeInput).focus();
  };
  const done = () => {
    clear();
    root.setAttribute('data-screen', 'trial-sent');
    const title = h('h1', { tabindex: '-1' }, 'All set');
    root.appendChild(
      h(
        'section',
        {},
        title,
        h('p', { role: 'status' }, 'Your TV starts the free trial in a few seconds. You can close this page.'),
      ),
    );
    title.focus();
  };
  form();
}
