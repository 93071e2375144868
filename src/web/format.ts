/** The pages print numbers as the CLI does: the one number-formatting module, re-exported for the web app. */
export { fixed, interval, percent, pValue } from '../domain/number-format.js';
