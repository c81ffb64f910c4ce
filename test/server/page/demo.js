/* global window, document */
// The demo page's only script: one row per scenario, each button making the real fetch the
// server described in window.__WHY403_DEMO__. Buttons record their outcome in data-* so tests
// can wait for it: data-runs counts finished runs, data-status is the status the page saw
// (0 when the browser blocked the call), data-error the error message, if any.
const config = window.__WHY403_DEMO__;

async function run(button, spec, output) {
  button.dataset.state = 'pending';
  let text;
  try {
    const response = await fetch(spec.url, {
      method: spec.method,
      headers: spec.headers || {},
      body: spec.body,
      credentials: spec.credentials || 'same-origin',
      mode: spec.mode || 'cors',
      cache: 'no-store',
    });
    await response.text();
    button.dataset.status = String(response.status);
    delete button.dataset.error;
    text = `${response.status} ${response.statusText}`;
  } catch (error) {
    button.dataset.status = '0';
    button.dataset.error = String(error);
    text = `${error} (see the console: the browser blocked it)`;
  }
  output.textContent = `${button.dataset.kind}: ${text}`;
  output.dataset.status = button.dataset.status;
  button.dataset.runs = String(Number(button.dataset.runs || 0) + 1);
  button.dataset.state = 'done';
}

function makeButton(kind, scenario, spec, output) {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = `${kind}-${scenario.id}`;
  button.className = kind === 'scenario' ? 'fail' : 'success';
  button.textContent = kind === 'scenario' ? 'Fail' : 'Succeed';
  button.dataset.kind = kind === 'scenario' ? 'fail' : 'success';
  button.dataset.runs = '0';
  button.addEventListener('click', () => run(button, spec, output));
  return button;
}

const body = document.getElementById('scenarios');
for (const scenario of config.scenarios) {
  const row = document.createElement('tr');
  const title = document.createElement('td');
  title.textContent = scenario.title;
  const output = document.createElement('output');
  output.id = `result-${scenario.id}`;
  const fail = document.createElement('td');
  fail.append(makeButton('scenario', scenario, scenario.fail, output));
  const success = document.createElement('td');
  if (scenario.success) success.append(makeButton('success', scenario, scenario.success, output));
  const result = document.createElement('td');
  result.append(output);
  row.append(title, fail, success, result);
  body.append(row);
}

document.getElementById('run-all').addEventListener('click', async () => {
  for (const scenario of config.scenarios) {
    const button = document.getElementById(`scenario-${scenario.id}`);
    const before = button.dataset.runs;
    button.click();
    while (button.dataset.runs === before) await new Promise((resolve) => setTimeout(resolve, 20));
  }
});
