import { browser } from 'wxt/browser';

// The devtools page only registers the panel; everything else lives in the panel itself.
// The title "Why403" is a contract: DevTools names the panel chrome-extension://<id>Why403.
browser.devtools.panels.create('Why403', '/icon/32.png', '/devtools-panel.html');
