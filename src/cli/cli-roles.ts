import type { RoleWording } from '../domain/index.js';

/** Roles as the CLI names them: by its options (`--db`, `--where kind=electoral`). */
export const cliRoles: RoleWording = (role, example) =>
  example === undefined ? `--${role}` : `--${role} ${example}`;
