/** The lines of the InputError a call throws (one issue a line), or none when it does not throw. */
import { InputError } from '../../src/domain/index.js';

export function issueLines(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.message.split('\n');
    throw error;
  }
  return [];
}
