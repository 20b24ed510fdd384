import { registerShell, showError, toast, ShellHandler } from '../../src/lib/events';

describe('shell event bus', () => {
  afterEach(() => registerShell(null));

  it('queues toasts until the shell registers, then delivers them in order', () => {
    toast('first');
    toast('second', 1000);
    const shell: ShellHandler = { toast: jest.fn(), showError: jest.fn() };
    registerShell(shell);
    expect(shell.toast).toHaveBeenNthCalledWith(1, 'first', undefined);
    expect(shell.toast).toHaveBeenNthCalledWith(2, 'second', 1000);
    toast('third');
    expect(shell.toast).toHaveBeenCalledTimes(3);
  });

  it('routes error dialogs to the shell and returns its choice', async () => {
    const shell: ShellHandler = { toast: jest.fn(), showError: jest.fn().mockResolvedValue('Retry') };
    registerShell(shell);
    await expect(showError({ message: 'Network down', actions: ['Retry', 'Back'] })).resolves.toBe('Retry');
    expect(shell.showError).toHaveBeenCalledWith({ message: 'Network down', actions: ['Retry', 'Back'] });
  });

  it('resolves an error as dismissed when no shell exists (tests, headless use)', async () => {
    await expect(showError({ message: 'x' })).resolves.toBeNull();
  });
});
