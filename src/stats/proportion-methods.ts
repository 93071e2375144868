/** The names of the interval methods for a proportion, alone, so that the web app can list them without the code. */
export const PROPORTION_METHODS = [
  'wilson',
  'jeffreys',
  'clopper-pearson',
  'agresti-coull',
  'wilson-cc',
] as const;
export type ProportionMethod = (typeof PROPORTION_METHODS)[number];
