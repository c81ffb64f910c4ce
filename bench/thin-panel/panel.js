/* global chrome, document */
// The baseline for "does capture keep up": one <li> per finished request, nothing else.
const list = document.getElementById('list');
const status = document.querySelector('[data-testid="capture-status"]');
let total = 0;
chrome.devtools.network.onRequestFinished.addListener((request) => {
  const li = document.createElement('li');
  li.textContent = `${request.request.method} ${request.request.url} ${request.response.status}`;
  list.append(li);
  status.dataset.total = String(++total);
  status.textContent = status.dataset.total;
});
