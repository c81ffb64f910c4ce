import type { Exchange } from '../../lib';
import type { BodyState } from '../../panel/store/body-shelf';

const SHOW = 64 * 1024;

function pretty(text: string, mime: string): string {
  if (/json/.test(mime) || /^\s*[[{]/.test(text)) {
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return text; // Malformed JSON is shown as it came: that can be the clue.
    }
  }
  if (/xml/.test(mime) && !/html/.test(mime)) return text.replace(/>\s*</g, '>\n<');
  return text;
}

/** Where the panel's copy of a body is (issue 19: rows stay, bodies may be let go). */
function BodyAway({ held, onLoad }: { held: BodyState; onLoad(): void }) {
  if (held.kind === 'gone')
    return (
      <p className="muted" data-testid="body-gone">
        The panel let this body go to save memory, and it cannot be read again: {held.why}.
      </p>
    );
  return (
    <p className="muted" data-testid="body-away">
      The panel let this body go to save memory (every request stays listed); it is read again on demand.{' '}
      <button type="button" onClick={onLoad}>
        Load body
      </button>
    </p>
  );
}

export function BodyPreview({ x, onLoad, held }: { x: Exchange; onLoad(): void; held?: BodyState }) {
  const { body } = x;
  if (body.text === null && (held?.kind === 'away' || held?.kind === 'gone'))
    return <BodyAway held={held} onLoad={onLoad} />;
  if (body.binary)
    return (
      <p className="muted">
        {body.note ?? 'Binary body'} ({body.mimeType || 'unknown type'}): not shown.
      </p>
    );
  if (body.text === null) {
    return (
      <p className="muted">
        {x.netError
          ? 'The browser withheld this response from the page, so DevTools has no body for it.'
          : (body.note ?? 'No body.')}{' '}
        {!x.netError && body.note === 'body not captured' ? (
          <button type="button" onClick={onLoad}>
            Load body
          </button>
        ) : null}
      </p>
    );
  }
  if (body.text === '') return <p className="muted">Empty body.</p>;
  const shown = pretty(body.text.length > SHOW ? body.text.slice(0, SHOW) : body.text, body.mimeType);
  return (
    <>
      <pre className="body">{shown}</pre>
      {body.text.length > SHOW || body.truncated ? <p className="muted">Body cut for display.</p> : null}
    </>
  );
}
