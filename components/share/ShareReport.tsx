import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { buildReport, renderReport, REPORT_FORMATS, type ReportFormat } from '../../lib';
import type { CaptureEngine } from '../../panel/store/engine';
import { copyText, downloadText } from './clipboard';

const MIME: Record<ReportFormat, string> = { md: 'text/markdown', html: 'text/html', json: 'application/json' };

/**
 * The report dialog. The preview is exactly what will be shared: redacted by default, with a
 * toggle per secret for the rare case where a value must be shown (it is then visible here first).
 */
export function ShareReport({ engine, index, onClose }: { engine: CaptureEngine; index: number; onClose(): void }) {
  const [format, setFormat] = useState<ReportFormat>('md');
  const [reveal, setReveal] = useState<ReadonlySet<string>>(new Set());
  const [copied, setCopied] = useState(false);
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  // The dialog takes focus when it opens, so keyboard and screen-reader users land in it.
  useEffect(() => dialog.current?.focus(), []);
  const d = engine.diagnoses.get(index);
  const report = useMemo(
    () => (d ? buildReport(engine.logIndex, [d], { reveal, source: 'Why403 DevTools panel' }) : null),
    [engine, d, reveal],
  );
  // The list of secrets comes from the fully redacted build, so a revealed one keeps its toggle.
  const secrets = useMemo(() => (d ? buildReport(engine.logIndex, [d], {}).secrets : []), [engine, d]);
  if (!report) return null;
  const text = renderReport(report, format);
  const toggle = (name: string) => {
    const next = new Set(reveal);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    setReveal(next);
  };

  return (
    <div
      ref={dialog}
      className="dialog"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // Not forwarded to DevTools (it would open its console drawer and take the focus).
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h3 id={titleId} className="dialog-title">
        Share a diagnosis report
      </h3>
      <div className="line">
        <div className="segmented" role="group" aria-label="Format">
          {REPORT_FORMATS.map((f) => (
            <button
              key={f}
              type="button"
              data-testid="report-format"
              data-format={f}
              aria-pressed={format === f}
              onClick={() => setFormat(f)}
            >
              {f === 'md' ? 'Markdown' : f.toUpperCase()}
            </button>
          ))}
        </div>
        <button type="button" data-testid="report-copy" onClick={() => void copyText(text).then(setCopied)}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button
          type="button"
          data-testid="report-download"
          onClick={() => downloadText(`why403-report-${index}.${format}`, text, MIME[format])}
        >
          Download
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {secrets.length > 0 && (
        <fieldset className="reveal">
          <legend>Redacted ({secrets.length}); reveal only what the reader must see:</legend>
          {secrets.map((s) => (
            <label key={s.name} title={s.places.join('; ')}>
              <input
                type="checkbox"
                data-testid="report-reveal"
                data-secret={s.name}
                checked={reveal.has(s.name)}
                onChange={() => toggle(s.name)}
              />
              <code>{s.name}</code> {s.note}
            </label>
          ))}
        </fieldset>
      )}
      <pre
        className="report-preview"
        data-testid="report-preview"
        data-format={format}
        // Scrollable: reachable by keyboard, named for screen readers.
        tabIndex={0}
        aria-label="Report preview: exactly what will be shared"
      >
        {text}
      </pre>
    </div>
  );
}
