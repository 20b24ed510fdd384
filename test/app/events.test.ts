import { registerShell, ask, toast, ShellHandler } from '../../src/lib/events';

describe('shell event bus', () => {
  afterEach(() => registerShell(null));

  it('queues toasts until the shell registers, then delivers them in order', () => {
    toast('first');
    toast('second', 1000);
    const shell: ShellHandler = { toast: jest.fn(), ask: jest.fn() };
    registerShell(shell);
    expect(shell.toast).toHaveBeenNthCalledWith(1, 'first', undefined);
    expect(shell.toast).toHaveBeenNthCalledWith(2, 'second', 1000);
    toast('third');
    expect(shell.toast).toHaveBeenCalledTimes(3);
  });

  it('routes error dialogs to the shell and returns its choice', async () => {
    const shell: ShellHandler = { toast: jest.fn(), ask: jest.fn().mockResolvedValue('Retry') };
    registerShell(shell);
    await expect(ask({ message: 'Network down', actions: ['Retry', 'Back'] })).resolves.toBe('Retry');
    expect(shell.ask).toHaveBeenCalledWith({ message: 'Network down', actions: ['Retry', 'Back'] });
  });

  it('resolves an error as dismissed when no shell exists (tests, headless use)', async () => {
    await expect(ask({ message: 'x' })).resolves.toBeNull();
  });
});
