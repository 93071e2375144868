/** Shows a failure the way the API reports it: the message, then one line per issue with its place and hint. */
import { ApiFailure } from './api.js';

export function ErrorBox({ error }: { error: unknown }) {
  if (error === undefined || error === null) return null;
  const failure = error instanceof ApiFailure ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div class="error" role="alert">
      <strong>
        {failure !== undefined && failure.issues.length > 0 ? 'The request was refused' : message}
      </strong>
      {failure !== undefined && failure.issues.length > 0 && (
        <ul>
          {failure.issues.map((issue, i) => (
            <li key={i}>
              {issue.field !== undefined && <code>{issue.field}</code>} {issue.message}
              {issue.value !== undefined && <> (got “{issue.value}”)</>}
              {issue.hint !== undefined && <span class="hint"> — {issue.hint}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
