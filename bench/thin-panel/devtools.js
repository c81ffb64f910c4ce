/* global chrome */
// Registered under the same title as Why403 so the benchmark harness shows it the same way.
chrome.devtools.panels.create('Why403', '', 'devtools-panel.html');
