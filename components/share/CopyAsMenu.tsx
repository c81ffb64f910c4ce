import { useEffect, useId, useRef, useState } from 'react';
import { type HarEntry, EXPORTERS, exportEntry, type ExportFormat, learnEntries, redactHar, Vault } from '../../lib';
import { copyText, downloadText } from './clipboard';
import { nextMenuItem } from './menu-keys';

/** A vault that knows every secret of the log, the entry's own first (their names read best). */
function vaultFor(entry: HarEntry, log: readonly HarEntry[]): Vault {
  const vault = new Vault();
  learnEntries([entry, ...log], vault);
  return vault;
}

/**
 * "Copy as": every export format, redacted by default (secrets become environment-variable
 * references and the command lists what to set). The output is shown too, so it can be
 * checked before it is pasted anywhere.
 */
export function CopyAsMenu({ entry, index, log }: { entry: HarEntry; index: number; log: readonly HarEntry[] }) {
  const [open, setOpen] = useState(false);
  const [redact, setRedact] = useState(true);
  const [shown, setShown] = useState<{ format: ExportFormat; text: string; copied: boolean } | null>(null);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  // Opening the menu moves focus into it, as a menu button does.
  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const pick = (format: ExportFormat) => {
    const text = exportEntry(entry, format, { redact, index, log });
    setShown({ format, text, copied: false });
    void copyText(text).then((copied) => setShown({ format, text, copied }));
  };

  return (
    <div className="copy-as">
      <button
        ref={button}
        type="button"
        data-testid="copy-as"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        Copy as…
      </button>
      <button
        type="button"
        data-testid="download-har"
        title="A HAR with this request, secrets replaced by placeholders"
        onClick={() =>
          downloadText(
            `why403-entry-${index}.har`,
            JSON.stringify(
              redactHar(
                { log: { version: '1.2', creator: { name: 'why403', version: '1' }, entries: [entry] } },
                vaultFor(entry, log),
              ).har,
              null,
              2,
            ),
            'application/json',
          )
        }
      >
        Download HAR (redacted)
      </button>
      {open && (
        <div className="menu-wrap">
          {/* The redaction switch sits beside the menu, not in it: a menu holds only its items. */}
          <label className="toggle">
            <input
              type="checkbox"
              data-testid="copy-redact"
              checked={redact}
              onChange={(e) => setRedact(e.target.checked)}
            />
            Redact secrets
          </label>
          <div
            ref={menu}
            id={menuId}
            className="menu"
            role="menu"
            aria-label="Copy this request as"
            onKeyDown={(e) => {
              if (e.key === 'Escape' || e.key === 'Tab') {
                // DevTools forwards Escape from extension panels to toggle its console drawer,
                // which would take the focus we are about to give back: keep the key here.
                if (e.key === 'Escape') {
                  e.preventDefault();
                  e.stopPropagation();
                }
                close();
                return;
              }
              const next = nextMenuItem(items(), document.activeElement, e.key);
              if (next) {
                e.preventDefault();
                next.focus();
              }
            }}
          >
            {Object.values(EXPORTERS).map((t) => (
              <button
                key={t.id}
                type="button"
                role="menuitem"
                tabIndex={-1}
                data-testid="copy-format"
                data-format={t.id}
                onClick={() => pick(t.id)}
              >
                {t.label}
              </button>
            ))}
          </div>
        </div>
      )}
      {shown && (
        <div className="copy-output">
          <p className="muted" role="status">
            {shown.copied ? 'Copied' : 'Select and copy'} ({EXPORTERS[shown.format].label}
            {redact ? ', secrets redacted' : ', with secrets'}):
          </p>
          <pre data-testid="copy-output" data-format={shown.format} data-redacted={redact}>
            {shown.text}
          </pre>
        </div>
      )}
    </div>
  );
}
