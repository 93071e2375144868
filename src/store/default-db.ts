/** The database a command uses when neither the caller (`db`) nor MEDDLE_DB names one. */
export const DEFAULT_DB = './meddle.db';
