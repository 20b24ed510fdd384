/**
 * Renders flow screens with plain DOM. Each screen puts focus on its heading (or the code field) so
 * screen-reader and keyboard users land where the content changed.
 */
import { CODE_MAX_LENGTH } from './code';
import { h, on } from './dom';
import type { ProviderView, Screen } from './flow';

export interface ViewActions {
  submitCode(raw: string): void;
  continueLogin(): void;
  chooseProvider(id: string): void;
  retry(): void;
  retryWaitMs(): number;
  startOver(): void;
  recheck(): void;
}

export function createView(root: HTMLElement, actions: ViewActions): (screen: Screen) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (screen) => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const { body, focus } = build(screen, actions, (t) => (timer = t));
    root.setAttribute('data-screen', screen.name);
    root.setAttribute('aria-busy', String(isBusy(screen)));
    while (root.firstChild) root.removeChild(root.firstChild); // replaceChildren() is too new for old phones
    root.appendChild(body);
    if (focus) focus.focus();
  };
}

function isBusy(screen: Screen): boolean {
  return screen.name === 'checking' || screen.name === 'leaving' || ('busy' in screen && screen.busy);
}

interface Built {
  body: HTMLElement;
  focus?: HTMLElement;
}

function heading(text: string): HTMLElement {
  // tabindex -1: focusable by script (announces the new screen) but not a tab stop.
  return h('h1', { tabindex: '-1' }, text);
}

function spinner(label: string): HTMLElement {
  return h('p', { class: 'status', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), label);
}

function secondary(label: string, action: () => void): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'link' }, label);
  on(b, 'click', action);
  return b;
}

function primary(label: string, action: () => void, busy = false, busyLabel = 'Please wait…'): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'primary', disabled: busy, 'aria-disabled': busy ? 'true' : undefined }, busy ? busyLabel : label);
  on(b, 'click', () => {
    if (!b.disabled) action();
  });
  return b;
}

function logo(provider: ProviderView, size: 'small' | 'large'): HTMLElement {
  const initials = provider.displayName
    .split(/\s+/)
    .map((w) => w.charAt(0))
    .join('')
    .slice(0, 2)
    .toUpperCase();
  const box = h('span', { class: `logo logo-${size === 'small' ? 's' : 'l'}`, 'aria-hidden': 'true' }, h('span', { class: 'initials' }, initials));
  if (provider.logoUrl) {
    const img = h('img', { src: provider.logoUrl, alt: '', loading: 'lazy', decoding: 'async' });
    // A missing logo must not leave a broken-image icon: keep the initials instead.
    on(img, 'error', () => img.remove());
    on(img, 'load', () => box.classList.add('has-image'));
    box.appendChild(img);
  }
  return box;
}

function codeBadge(code: string): HTMLElement {
  return h('p', { class: 'code-line' }, 'Code ', h('strong', { class: 'code' }, code));
}

function build(screen: Screen, a: ViewActions, setTimer: (t: ReturnType<typeof setTimeout>) => void): Built {
  switch (screen.name) {
    case 'enter': {
      const input = h('input', {
        id: 'code',
        name: 'code',
        class: 'code-input',
        type: 'text',
        inputmode: 'text',
        autocomplete: 'one-time-code',
        autocapitalize: 'characters',
        autocorrect: 'off',
        spellcheck: 'false',
        maxlength: String(CODE_MAX_LENGTH + 6), // room for spaces and dashes people type
        placeholder: 'ABC1234',
        'aria-describedby': screen.error ? 'code-hint code-error' : 'code-hint',
        'aria-invalid': screen.error ? 'true' : undefined,
        readonly: screen.busy,
      });
      input.value = screen.code;
      on(input, 'input', () => {
        // Show capitals as the user types; keep the caret where it was.
        const start = input.selectionStart;
        const end = input.selectionEnd;
        input.value = input.value.toUpperCase();
        if (start !== null && end !== null) input.setSelectionRange(start, end);
      });
      const submit = h('button', { type: 'submit', class: 'primary', disabled: screen.busy }, screen.busy ? 'Checking…' : 'Continue');
      const form = h(
        'form',
        { novalidate: true, autocomplete: 'off' },
        h('label', { for: 'code' }, 'Activation code'),
        h('p', { id: 'code-hint', class: 'hint' }, 'Letters and numbers, as shown on your TV.'),
        input,
        screen.error ? h('p', { id: 'code-error', class: 'error', role: 'alert' }, screen.error) : null,
        submit,
      );
      on(form, 'submit', (event) => {
        event.preventDefault();
        if (!screen.busy) a.submitCode(input.value);
      });
      const body = h(
        'section',
        {},
        heading('Sign in to watch on your TV'),
        h('p', { class: 'lead' }, 'Enter the code shown on your TV screen.'),
        form,
        screen.busy ? spinner('Checking your code…') : null,
      );
      return { body, focus: screen.busy ? undefined : input };
    }
    case 'confirm': {
      const title = heading(`Continue with ${screen.provider.displayName}`);
      const body = h(
        'section',
        {},
        title,
        codeBadge(screen.code),
        h('div', { class: 'provider-card' }, logo(screen.provider, 'large'), h('span', { class: 'provider-name' }, screen.provider.displayName)),
        h(
          'p',
          { class: 'lead' },
          `Your TV chose ${screen.provider.displayName}. Next, sign in on ${screen.provider.displayName}'s page with your TV provider account.`,
        ),
        primary(`Continue with ${screen.provider.displayName}`, a.continueLogin, screen.busy, 'Opening…'),
        h('p', { class: 'small' }, 'Wrong provider? Choose another one on your TV and enter the new code.'),
        secondary('Use a different code', a.startOver),
      );
      return { body, focus: title };
    }
    case 'choose': {
      const title = heading('Choose your TV provider');
      const list = h('ul', { class: 'providers', role: 'list' });
      for (const p of screen.providers) {
        const b = h(
          'button',
          { type: 'button', class: 'provider', disabled: screen.busy },
          logo(p, 'small'),
          h('span', { class: 'provider-name' }, p.displayName),
        );
        on(b, 'click', () => a.chooseProvider(p.id));
        list.appendChild(h('li', {}, b));
      }
      const body = h(
        'section',
        {},
        title,
        codeBadge(screen.code),
        h('p', { class: 'lead' }, 'Pick the company you pay for TV. You will sign in on its page.'),
        screen.error ? h('p', { class: 'error', role: 'alert' }, screen.error) : null,
        screen.busy ? spinner('Starting sign-in…') : null,
        screen.providers.length ? list : h('p', { class: 'error', role: 'alert' }, 'No TV providers are available right now. Please try again later.'),
        secondary('Use a different code', a.startOver),
      );
      return { body, focus: title };
    }
    case 'leaving': {
      const title = heading(`Opening ${screen.provider.displayName}…`);
      return { body: h('section', {}, title, spinner('Taking you to the sign-in page')), focus: title };
    }
    case 'signed-in': {
      const title = heading(screen.already ? "You're already signed in" : "You're signed in");
      const body = h(
        'section',
        { class: 'success' },
        h('div', { class: 'check', 'aria-hidden': 'true' }),
        title,
        h('div', { class: 'provider-card' }, logo(screen.provider, 'large'), h('span', { class: 'provider-name' }, screen.provider.displayName)),
        h(
          'p',
          { class: 'lead' },
          screen.already ? 'No need to sign in again. Your TV will continue in a few seconds.' : 'Your TV will continue in a few seconds.',
        ),
        h('p', { class: 'small' }, 'You can close this page.'),
      );
      return { body, focus: title };
    }
    case 'problem': {
      const p = screen.problem;
      const title = heading(p.title);
      const children: (HTMLElement | null)[] = [title, h('p', { class: 'lead', role: 'alert' }, p.message)];
      if (p.retryable) {
        const retry = primary('Try again', a.retry);
        const wait = a.retryWaitMs();
        if (wait > 0) {
          // Spec §10: nothing may be sent for at least a second after a 429.
          retry.disabled = true;
          setTimer(
            setTimeout(() => {
              retry.disabled = false;
            }, wait),
          );
        }
        children.push(retry);
      }
      if (screen.canStartOver) children.push(secondary(p.retryable ? 'Enter a different code' : 'Enter a new code', a.startOver));
      if (p.trace) children.push(h('p', { class: 'trace' }, `Reference: ${p.trace}`));
      return { body: h('section', { class: 'problem' }, ...children), focus: title };
    }
    case 'unconfirmed': {
      const title = heading(screen.reason === 'no-code' ? 'Finish on your TV' : "We couldn't confirm your sign-in");
      const body =
        screen.reason === 'no-code'
          ? h(
              'section',
              {},
              title,
              h('p', { class: 'lead' }, 'If you just signed in, look at your TV: it will continue in a few seconds.'),
              primary('Enter a code', a.startOver),
            )
          : h(
              'section',
              {},
              title,
              screen.code ? codeBadge(screen.code) : null,
              h(
                'p',
                { class: 'lead', role: 'alert' },
                "The sign-in didn't finish. If your TV has already continued, you're all set. Otherwise check again, or get a new code on your TV.",
              ),
              primary('Check again', a.recheck),
              secondary('Enter a new code', a.startOver),
            );
      return { body, focus: title };
    }
    case 'checking':
      return { body: h('section', {}, heading('One moment…'), spinner('Checking')) };
  }
}
