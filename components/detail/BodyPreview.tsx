import type { Exchange } from '../../lib';

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

export function BodyPreview({ x, onLoad }: { x: Exchange; onLoad(): void }) {
  const { body } = x;
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
