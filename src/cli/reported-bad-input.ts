/**
 * Bad input whose details a command has already printed (each finding of `record lint`, say): the run ends
 * with exit code 2 and this one-line summary, without repeating them.
 */
export class ReportedBadInput extends Error {}
