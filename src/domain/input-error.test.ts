import { describe, expect, it } from 'vitest';
import { formatIssue, formatIssueAs, InputError, type RoleWording, wordIssue } from './input-error.js';

const flags: RoleWording = (role, example) => (example === undefined ? `--${role}` : `--${role} ${example}`);

describe('issues that name roles', () => {
  const issue = {
    code: 'database-exists',
    role: 'db',
    value: 'x.db',
    message: 'a database is already there',
    hint: 'add {force} to replace it, or try {where kind=electoral}',
  } as const;

  it('are worded by the edge that shows them: the role in field, the roles in the hint', () => {
    expect(wordIssue(issue, flags)).toMatchObject({
      code: 'database-exists',
      role: 'db',
      field: '--db',
      hint: 'add --force to replace it, or try --where kind=electoral',
    });
    expect(formatIssueAs(issue, flags)).toBe(
      '--db: a database is already there (got "x.db"; add --force to replace it, or try --where kind=electoral)',
    );
  });

  it('read with bare role names where no edge words them, as a query string names its parameters', () => {
    expect(formatIssue(issue)).toBe(
      'db: a database is already there (got "x.db"; add force to replace it, or try where=kind=electoral)',
    );
    expect(new InputError(issue).message).toBe(formatIssue(issue));
  });

  it('keep a field of the data as it is, and leave hints without marks alone', () => {
    const data = {
      role: 'where',
      field: 'kind',
      value: 'x',
      message: 'not a value',
      hint: 'allowed: {a}, b',
    } as const;
    expect(wordIssue(data, flags)).toMatchObject({ field: 'kind', hint: 'allowed: {a}, b' });
    expect(wordIssue({ message: 'm', hint: 'e.g. {"a": 1}' }, flags).hint).toBe('e.g. {"a": 1}');
  });
});
