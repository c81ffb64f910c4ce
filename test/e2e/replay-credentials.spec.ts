import {
  AWS_API_KEY,
  BASIC_PASSWORD,
  BASIC_USER,
  KONG_API_KEY,
  VALID_JWT,
  basicHeader,
} from '../server/credentials.ts';
import { expect, test } from './fixtures.ts';
import { clickScenario } from './helpers.ts';
import { hook, openReplayFor, sendReplay } from './replay-support/replay.ts';

// Issue 5, "What it must show": fix the credential in the replay editor, send it as the page,
// and check both the panel's verdict and what the scenario server actually received.

test('expired token → paste a valid token → 200, shown as a success', async ({ session }) => {
  const { panel, server } = session;
  await openReplayFor(session, 'expired-jwt', { url: `${server.originA}/api/orders`, status: 401 });
  await expect(hook(panel, 'replay-auth-type')).toHaveValue('bearer');
  // The captured (expired) token is prefilled and decoded as expired.
  await expect(hook(panel, 'replay-jwt')).toContainText('expired');
  await hook(panel, 'replay-token').fill(VALID_JWT);
  await expect(hook(panel, 'replay-jwt')).toContainText('valid');
  server.reset();
  const result = await sendReplay(panel);
  expect(result).toMatchObject({ status: 200, topCause: '', mode: 'page' });
  const received = server.received('expired-jwt');
  expect(received).toHaveLength(1);
  expect(received[0]!.headers.authorization).toBe(`Bearer ${VALID_JWT}`);
});

test('missing API key → add it in a header → 200, then in the query → 200', async ({ session }) => {
  const { panel, server } = session;
  const url = `${server.originA}/kong/weather?city=Oslo`;
  await openReplayFor(session, 'missing-api-key', { url, status: 401 });
  await hook(panel, 'replay-auth-type').selectOption('api-key');
  await hook(panel, 'replay-key-name').fill('apikey');
  await hook(panel, 'replay-key-value').fill(KONG_API_KEY);
  await hook(panel, 'replay-key-in').selectOption('header');
  server.reset();
  const inHeader = await sendReplay(panel);
  expect(inHeader).toMatchObject({ status: 200, topCause: '' });
  let received = server.received('missing-api-key');
  expect(received).toHaveLength(1);
  expect(received[0]!.headers.apikey).toBe(KONG_API_KEY);
  expect(received[0]!.url).toBe('/kong/weather?city=Oslo');

  await hook(panel, 'replay-key-in').selectOption('query');
  server.reset();
  const inQuery = await sendReplay(panel);
  expect(inQuery).toMatchObject({ status: 200, topCause: '' });
  received = server.received('missing-api-key');
  expect(received).toHaveLength(1);
  expect(received[0]!.headers.apikey).toBeUndefined();
  expect(new URL(received[0]!.url, server.originA).searchParams.get('apikey')).toBe(KONG_API_KEY);
  expect(new URL(received[0]!.url, server.originA).searchParams.get('city')).toBe('Oslo');
});

test('invalid API key → the right key in the prefilled header → 200', async ({ session }) => {
  const { panel, server } = session;
  await openReplayFor(session, 'invalid-api-key', { url: `${server.originA}/aws/prod/pets`, status: 403 });
  await expect(hook(panel, 'replay-auth-type')).toHaveValue('api-key');
  await expect(hook(panel, 'replay-key-name')).toHaveValue('x-api-key');
  await hook(panel, 'replay-key-value').fill(AWS_API_KEY);
  server.reset();
  expect(await sendReplay(panel)).toMatchObject({ status: 200, topCause: '' });
  expect(server.received('invalid-api-key')[0]!.headers['x-api-key']).toBe(AWS_API_KEY);
});

test('Basic rejected → correct user and password → 200, without a login prompt', async ({ session }) => {
  const { panel, server } = session;
  await openReplayFor(session, 'basic-rejected', { url: `${server.originA}/admin/reports`, status: 401 });
  await expect(hook(panel, 'replay-auth-type')).toHaveValue('basic');
  await expect(hook(panel, 'replay-username')).toHaveValue(BASIC_USER);
  // First the captured wrong password again: a 401 with a Basic challenge must come back as a
  // result, not as Chromium's login prompt stalling the tab.
  server.reset();
  const again = await sendReplay(panel);
  expect(again).toMatchObject({ status: 401 });
  expect(again.topCause).not.toBe('');
  await hook(panel, 'replay-password').fill(BASIC_PASSWORD);
  const fixed = await sendReplay(panel);
  expect(fixed).toMatchObject({ status: 200, topCause: '' });
  const received = server.received('basic-rejected');
  expect(received).toHaveLength(2);
  expect(received[1]!.headers.authorization).toBe(basicHeader(BASIC_USER, BASIC_PASSWORD));
  // Mirrors the page's credentials: 'omit' (no cookie went out originally, none now)...
  expect(received.every((r) => r.headers.cookie === undefined)).toBe(true);
  // ...and no login prompt was left over the page: it still runs its own calls.
  expect(await clickScenario(session.page, 'success-basic-rejected')).toEqual({ status: 200 });
});
