// The accuracy gate (issue 17): the real-world corpus is scored in `npm run eval`; here the same
// figures (scripts/eval-corpus.ts) must stay at or above the floors recorded when the corpus and
// the engine last moved. A change that loses a refusal, flags a quiet look-alike or rejects a
// file fails here. Raise a floor when the engine improves; lower one only with the reason in
// test/fixtures/realworld/MISSES.md.
import { describe, expect, it } from 'vitest';
import { evaluateCorpus, top1Rate } from '../../../scripts/eval-corpus';

/**
 * Recorded floors (top-1 as a fraction of the labelled refusals), and the refusals left unflagged
 * at most. Lowered on 2026-12-05 from 0.98/0 (open) and 0.92/1 (sealed) when the third corpus pass
 * added 9 refusals from 4 new organisations: the engine did not change, the corpus grew, and its
 * new misses (refusals stated only in words in a 400: LeanCloud's wrong password and master-key
 * answers, and one sealed) are written up in MISSES.md, "Third pass". The sealed split was scored
 * once and is not tuned against. Raised for the open split on 2026-12-05 to 0.96/0 when a 4xx's
 * refusal stated in words was read (lib/vendors/codes/refusal-wording.ts): 112/116, none unflagged;
 * 113/116 when Polly's gzip chunk bodies were read (lib/model/content-bytes.ts). The fourth corpus pass
 * (140 open and 16 sealed refusals) read 136/140 open and 14/16 sealed once the 400 class and failed
 * preflights were read: floors 0.97/0 (open) and 0.87/2 (sealed). The fifth pass (146 open and 23
 * sealed refusals, 7 of the new ones sealed) read 143/146 open and 20/23 sealed (86.96 %): the
 * sealed floor goes to 0.86 because the split grew, not because a reading was lost (its 14/16 of
 * before still hold; MISSES.md, "Fifth pass"). The sixth pass (branch corpus6) added refusals from
 * organisations other than JupiterOne with the engine unchanged: the open floor goes to 0.94 and one
 * unflagged because new open refusals are misread (a token refused in the status text, "Malformed
 * security token", read as no token; Saleor's OIDC callback refused in a 200 with "Bad signature"
 * not flagged; MISSES.md, "Sixth pass"), not because a reading was lost: the 143/146 of before still
 * hold. The sealed split (23 -> 63 refusals; its misses not looked at) goes to 0.85 and 4 unflagged.
 * Raised the same day when the sixth pass's open misses were fixed as classes (hex-chunk bodies, a
 * credential the server quotes back, "HTTPS required" over http, a key-only call, a refused OAuth
 * state): open 168/170 (0.988), none unflagged; sealed 57/63 (0.905), 2 unflagged. Two of the three
 * sealed gains come from the OAuth-state class, which the helper labelling the sealed files saw
 * there too (MISSES.md, "After the sixth pass"): not independent evidence. The seventh pass
 * (branch corpus7; engine unchanged) added 2 open refusals, both read (170/172), and 2 sealed ones,
 * neither flagged: sealed 57/65 (0.877), 4 unflagged. The sealed floor goes to 0.87 and 4 because
 * the split grew, not because a reading was lost; its misses were not looked at. The eighth pass
 * (branch corpus8) added 6 open refusals (4 of them a Raygun 403 to a key the capture kept no body for,
 * read once Raygun's documented 403 became a vendor row: lib/vendors/saas-dev.ts) and 5 sealed ones,
 * all 5 read: open 176/178, sealed 62/70 (0.886), unflagged 0 and 4 as before. Floors raised: the
 * open size to 178, the sealed floor to 0.88 and its size to 70. The lab's seventh Debian set
 * (branch lab7deb: classes from Transmission, Prometheus, Syncthing and InfluxDB, written from their
 * recordings and documentation; the sealed split was not looked at) moved sealed to 63/70 (0.90),
 * open unchanged at 176/178: the sealed floor goes to 0.90.
 */
const FLOORS = {
  open: { top1: 0.98, refusals: 178, unflagged: 0 },
  sealed: { top1: 0.9, refusals: 70, unflagged: 4 },
} as const;

const figures = evaluateCorpus();
// The figures, every run (issue 22): a floor that holds says nothing of how far above it we are.
for (const split of ['open', 'sealed'] as const) {
  const t = figures[split].total;
  console.info(
    `accuracy: ${split} corpus top-1 ${t.top1}/${t.refusals}, acceptable ${t.acceptable}/${t.refusals}, ` +
      `false flags ${t.falseFlags}/${t.quiet}, rejected ${t.rejected}/${t.files} (floor ${FLOORS[split].top1 * 100}%)`,
  );
}

describe.each(['open', 'sealed'] as const)('real-world corpus, %s split', (split) => {
  const f = figures[split];
  // A failing gate must not show the sealed split's misses either: whoever reads them while
  // changing rules has tuned against the split (the eval hides them the same way).
  const shown = (misses: readonly string[]) =>
    split === 'open'
      ? misses.join('\n')
      : `${misses.length} sealed entries (not shown; npm run eval -- --show-sealed-misses)`;

  it('keeps its size (no refusal silently dropped from the labels)', () => {
    expect(f.total.refusals).toBeGreaterThanOrEqual(FLOORS[split].refusals);
  });

  it(`names the labelled first cause at least ${FLOORS[split].top1 * 100}% of the time`, () => {
    expect(top1Rate(f.total), shown(f.misses)).toBeGreaterThanOrEqual(FLOORS[split].top1);
  });

  it('flags no quiet entry and rejects no file', () => {
    expect(f.total.falseFlags, shown(f.misses.filter((m) => m.startsWith('FALSE FLAG')))).toBe(0);
    expect(f.total.rejected, shown(f.misses.filter((m) => m.startsWith('REJECTED')))).toBe(0);
    expect(f.total.unflagged, shown(f.misses)).toBeLessThanOrEqual(FLOORS[split].unflagged);
  });
});
