import { createSignal } from 'solid-js';

/**
 * A form's busy state and last error: `run` clears the error, marks the form busy while the work runs, keeps what went
 * wrong for the form to show (ErrorNotice, Field) and answers the work's result, or undefined when it failed.
 */
export function usePending() {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(undefined);
    try {
      return await work();
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
