import { randomBytes } from 'node:crypto';
import { expect, test } from './fixtures.ts';
import { grantHostAccess, hook, openReplayFor, sendReplay } from './replay-support/replay.ts';
import { dumpExtensionPage, dumpInspectedPage, filesContaining, profileDir } from './replay-support/storage-dump.ts';

// Issue 5: credentials typed in the replay editor are never written anywhere: not to
// browser.storage, the panel's Web Storage or IndexedDB, the logs, the page, nor the profile.

test('a credential typed in the editor is found in no storage after replays', async ({ session }) => {
  const { panel, page, devtools, server } = session;
  const secret = `w4e2e${randomBytes(12).toString('hex')}`;
  const logs: string[] = [];
  for (const p of [devtools, page]) p.on('console', (m) => logs.push(m.text()));

  await openReplayFor(session, 'expired-jwt', { url: `${server.originA}/api/orders`, status: 401 });
  // The token input is masked by default.
  await expect(hook(panel, 'replay-token')).toHaveAttribute('type', 'password');
  await hook(panel, 'replay-token').fill(secret);
  server.reset();
  expect((await sendReplay(panel)).status).toBe(401);

  // Directly too, and once more as a cookie, which goes through a declarativeNetRequest rule.
  await grantHostAccess(session, `${server.originA}/*`);
  await hook(panel, 'replay-mode').selectOption('direct');
  expect((await sendReplay(panel)).status).toBe(401);
  await hook(panel, 'replay-auth-type').selectOption('cookie');
  await hook(panel, 'replay-cookie').fill(`sid=${secret}`);
  expect((await sendReplay(panel)).status).toBe(401);
  // The server did get it each time: the secret was really typed and sent.
  const sent = server.received('expired-jwt').map((r) => `${r.headers.authorization ?? ''} ${r.headers.cookie ?? ''}`);
  expect(sent.filter((v) => v.includes(secret))).toHaveLength(3);

  const panelDump = await dumpExtensionPage(panel);
  const pageDump = await dumpInspectedPage(page);
  for (const [where, text] of Object.entries({
    ...panelDump,
    ...Object.fromEntries(Object.entries(pageDump).map(([k, v]) => [`page.${k}`, v])),
  })) {
    expect(text, `${where} holds the typed credential`).not.toContain(secret);
  }
  expect(panelDump['dnr.session']).toBe('[]');
  expect(logs.filter((l) => l.includes(secret))).toEqual([]);

  // And nothing reached the disk: the whole profile, once Chrome has flushed what it keeps.
  const settings = await session.context.newPage();
  const dir = await profileDir(settings);
  await settings.close();
  await session.context.close();
  expect(await filesContaining(dir, secret)).toEqual([]);
  // The scan does find what Chrome did keep: the visited page's address, in its history.
  expect((await filesContaining(dir, server.originA)).length).toBeGreaterThan(0);
});
