/*! cchc-widgets 0.1.0 | MIT | readable source: js/cchc-widgets.js */
(function () {
'use strict';
if (window.cchcWidgets) return;
var script = document.currentScript;
var base = new URL('.', script && script.src ? script.src : document.baseURI).href;
var KINDS = { 'tthc-search': 1, 'index-tracker': 1, 'feedback-form': 1 };
var VERSION = '0.1.0';
var corePromise = null;
var handles = new WeakMap();
function loadCore() {
if (!corePromise) {
corePromise = import(base + 'cchc_widgets.js').then(function (m) {
return m.default({ module_or_path: base + 'cchc_widgets_bg.wasm' }).then(function () {
m.set_base_url(base);
return m;
});
});
corePromise.catch(function () { corePromise = null; });
}
return corePromise;
}
function kindOf(host) {
var tag = host.localName;
if (tag.indexOf('cchc-') === 0) {
var k = tag.slice(5);
return k === 'tthc-search' || k === 'index-tracker' || k === 'feedback-form' ? k : null;
}
var d = host.getAttribute('data-cchc');
return d && KINDS[d] ? d : null;
}
function isVi(host) {
var l = host.closest('[lang]');
return !l || !/^en\b/i.test(l.getAttribute('lang') || '');
}
function fail(host, root, err) {
var vi = isVi(host);
while (root.firstChild) root.removeChild(root.firstChild);
var box = document.createElement('div');
box.setAttribute('role', 'alert');
box.setAttribute('part', 'error');
var p = document.createElement('p');
p.textContent = vi
? 'Không tải được chức năng này. Vui lòng kiểm tra kết nối mạng và thử lại.'
: 'This feature could not be loaded. Please check your connection and try again.';
var b = document.createElement('button');
b.type = 'button';
b.textContent = vi ? 'Thử lại' : 'Try again';
b.addEventListener('click', function () { start(host); });
var d = document.createElement('p');
d.textContent = (vi ? 'Chi tiết kỹ thuật: ' : 'Technical details: ') + String(err && err.message || err);
box.appendChild(p); box.appendChild(b); box.appendChild(d);
root.appendChild(box);
host.setAttribute('data-state', 'error');
host.dispatchEvent(new CustomEvent('cchc-error', { bubbles: true, detail: { stage: 'core', message: String(err) } }));
}
function start(host) {
var kind = kindOf(host);
if (!kind || handles.has(host)) return;
var root = host.shadowRoot;
try {
if (!root) root = host.attachShadow({ mode: 'open' });
} catch (e) {
return;
}
handles.set(host, null);
host.setAttribute('data-state', 'loading');
if (!root.firstChild) {
var s = document.createElement('p');
s.setAttribute('role', 'status');
s.textContent = isVi(host) ? 'Đang tải…' : 'Loading…';
root.appendChild(s);
}
loadCore().then(function (core) {
if (!host.isConnected || handles.get(host) !== null) return;
handles.set(host, core.mount(host, root, kind));
}, function (err) {
handles.delete(host);
if (host.isConnected) fail(host, root, err);
});
}
function stop(host) {
Promise.resolve().then(function () {
if (host.isConnected || !handles.has(host)) return;
var h = handles.get(host);
handles.delete(host);
if (h) { try { h.destroy(); } catch (e) { /* never break the host page */ } }
if (host.shadowRoot) while (host.shadowRoot.firstChild) host.shadowRoot.removeChild(host.shadowRoot.firstChild);
});
}
if (window.customElements) {
Object.keys(KINDS).forEach(function (k) {
var name = 'cchc-' + k;
if (customElements.get(name)) return;
customElements.define(name, class extends HTMLElement {
connectedCallback() { start(this); }
disconnectedCallback() { stop(this); }
});
});
}
function scan(node) {
if (node.nodeType !== 1) return;
if (node.hasAttribute('data-cchc')) start(node);
var list = node.querySelectorAll('[data-cchc]');
for (var i = 0; i < list.length; i++) start(list[i]);
}
function unscan(node) {
if (node.nodeType !== 1) return;
if (node.hasAttribute('data-cchc')) stop(node);
var list = node.querySelectorAll('[data-cchc]');
for (var i = 0; i < list.length; i++) stop(list[i]);
}
function boot() {
scan(document.documentElement);
new MutationObserver(function (records) {
records.forEach(function (r) {
r.addedNodes.forEach(scan);
r.removedNodes.forEach(unscan);
});
}).observe(document.documentElement, { childList: true, subtree: true });
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
window.cchcWidgets = { version: VERSION, base: base };
})();
