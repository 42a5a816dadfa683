/* cchc-widgets loader: finds the widgets on the page and starts them as fast as a slow phone allows.
 *
 * Classic script, no dependencies: <script src=".../cchc-widgets.js" defer></script>
 * Widgets: <cchc-tthc-search src="tthc.json">, <cchc-index-tracker src="chi-tieu.json">,
 * <cchc-feedback-form schema="phan-anh.json">, <cchc-feedback-answers src="phan-anh-da-tra-loi.json">
 * (its own module only, never the combined one), or <div data-cchc="tthc-search" data-src="...">.
 *
 * What happens, for each widget kind on the page and nothing else (a page with no widget downloads
 * no wasm):
 * - at once: its data (`src`, `schema`, the province list) is requested, the widget's own wasm is
 *   fetched and compiled while it streams, its glue module is inserted with `integrity`, and the
 *   catalogue of a non-Vietnamese `lang` is fetched: all in parallel, no waterfall;
 * - the search box is drawn at once and accepts typing; the core takes over what was typed;
 * - nothing runs before its hash matches the one recorded at build time (FILES, I18N below): the
 *   wasm is hashed from a teed stream (or fetched with `integrity` outside secure contexts), the
 *   glue is a module script with `integrity`, built-in catalogues are fetched with `integrity`;
 * - any failure shows a message with a retry inside the widget, never an exception in the page.
 * Everything else (parsing, rendering, errors with their details) happens in the core.
 */
(function () {
  'use strict';
  if (window.cchcWidgets) return; // loaded twice: the first copy keeps working
  var script = document.currentScript;
  var base = new URL('.', script && script.src ? script.src : document.baseURI).href;
  var VERSION = '__CCHC_VERSION__';
  // Written by `cargo xtask build`: kind -> [file stem, SHA-256 of the glue, gzip bytes of glue
  // and wasm], with '*' for the module that has all three kinds (the SHA-256 of the wasm is the
  // glue's export `W`: one hash per module here, checked in a chain; the print module is not
  // here: the search glues carry its glue's hash, see `data.p`); and the built-in
  // catalogues: language tag -> SHA-256. A catalogue not listed here was added by the portal: it
  // is data (shown as text only), fetched without a hash.
  var FILES = { /*__CCHC_FILES__*/ };
  var I18N = { /*__CCHC_I18N__*/ };
  // The built-in form (Nghị định 20/2008) for a feedback form without `schema`: data, checked.
  var FORM = 'phan-anh-mac-dinh.json', FORM_HASH = '__CCHC_FORM_HASH__';
  // The search's words (abbreviations, life situations, question words): data, checked, asked for
  // by the core once the widget is ready (not on the startup path).
  // Its hash is the search glue's export `T` (only a page with a search downloads it).
  var WORDS = 'tinh-huong.tsv', words;
  var cores = {};
  var contacts = {};
  var catalogues = {};
  var added = {};
  var attempt = 0;
  var combine = null;
  var SELECTOR = 'cchc-tthc-search,cchc-index-tracker,cchc-feedback-form,[data-cchc]';
  var handles = new WeakMap(), waiting = 0;
  // Widgets given data only the combined module reads (the national portal's records).
  var whole = new WeakMap();

  function attr(host, name) {
    var v = host.getAttribute(name);
    if (v == null) v = host.getAttribute('data-' + name);
    v = v && v.trim();
    return v || null;
  }

  function abs(url, against) {
    try { return new URL(url, against).href; } catch (e) { return null; }
  }

  function ok(r) {
    if (!r.ok) throw new Error('HTTP ' + r.status + ' ' + r.url);
    return r;
  }

  function b64(buf) {
    var a = new Uint8Array(buf), s = '';
    for (var i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);
    return btoa(s);
  }

  // The wasm, compiled while it downloads and checked, before anything runs, against the hash its
  // glue `g` (a promise, checked by its own hash) exports.
  function compile(url, g) {
    var subtle = window.crypto && crypto.subtle;
    if (!subtle || !WebAssembly.compileStreaming || !window.ReadableStream) {
      // http:// (no crypto.subtle) or an old browser: the browser checks the whole body itself,
      // once the glue has said what to expect.
      return g.then(function (m) { return fetch(url, { integrity: m.W }); }).then(ok)
        .then(function (r) { return r.arrayBuffer(); })
        .then(function (b) { return WebAssembly.compile(b); });
    }
    return fetch(url).then(ok).then(function (r) {
      var two = r.body.tee();
      // Our own Response, so a server sending the wrong MIME type does not stop streaming.
      var mod = WebAssembly.compileStreaming(new Response(two[0], { headers: { 'Content-Type': 'application/wasm' } }))
        .then(null, function (e) { return e; });
      return Promise.all([new Response(two[1]).arrayBuffer().then(function (b) { return subtle.digest('SHA-256', b); }), g])
        .then(function (d) {
          if ('sha256-' + b64(d[0]) !== d[1].W) throw new Error('integrity check failed: ' + url);
          return mod;
        })
        .then(function (m) { if (m instanceof Error) throw m; return m; });
    });
  }

  // The glue as a module script with `integrity` (import() cannot be checked); once it has run,
  // import() of the same URL returns it from the page's module map without fetching it again.
  function glue(url, hash) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.type = 'module';
      s.crossOrigin = 'anonymous';
      s.integrity = hash;
      s.src = url;
      s.onload = function () { import(url).then(resolve, reject); };
      s.onerror = function () { s.remove(); reject(new Error('not loaded or integrity check failed: ' + url)); };
      document.head.appendChild(s);
    });
  }

  // Which module serves `kind`: its own, or, decided once for the page, the one with all kinds
  // when the kinds on the page weigh more apart than together.
  function moduleFor(kind) {
    if (combine === null) {
      var all = FILES['*'], seen = {}, sum = 0, n = 0, list = document.querySelectorAll(SELECTOR);
      for (var i = 0; i < list.length; i++) {
        var k = kindOf(list[i]);
        if (k && !seen[k]) { seen[k] = 1; sum += FILES[k][2]; n++; }
      }
      combine = !!all && n > 1 && sum > all[2];
    }
    return combine && kind != 'feedback-answers' ? '*' : kind;
  }

  // The URL of a file of pkg/ with its hash in the query: a new build of a file is a new URL, so
  // a browser or proxy cache never serves the old bytes against the new hash (a portal that
  // updates pkg/ in place, or adds ?v= to the script tag only). A failed module URL stays failed
  // for the page's lifetime: a retry asks for a new one.
  function file(name, hash) {
    return base + name + '?h=' + hash.slice(7, 17).replace(/\W/g, '') + (attempt ? '&retry=' + attempt : '');
  }

  function loadCore(kind) {
    if (!cores[kind]) {
      // A module of the table, or one a core names by [stem, glue hash] (the print module,
      // whose glue's hash the search glue carries).
      var f = FILES[kind] || kind, g = glue(file(f[0] + '.js', f[1]), f[1]);
      // The wasm's URL changes with its glue's hash, which changes with the wasm's.
      cores[kind] = Promise.all([g, compile(file(f[0] + '_bg.wasm', f[1]), g)]).then(function (r) {
        var m = r[0];
        words = words || m.T;
        return m.default({ module_or_path: r[1] }).then(function () {
          m.set_base_url(base);
          return m;
        });
      });
      cores[kind].catch(function () { delete cores[kind]; attempt++; });
    }
    return cores[kind];
  }

  function langOf(host) {
    var l = host.closest('[lang]');
    var tag = ((l && l.getAttribute('lang')) || '').trim().split(/[-_]/)[0].toLowerCase();
    return /^[a-z]{2,8}$/.test(tag) ? tag : 'vi';
  }

  // The catalogue of `tag` as text, or null for Vietnamese and for a language nobody added.
  function catalogue(tag) {
    if (tag === 'vi') return Promise.resolve(null);
    if (!catalogues[tag]) {
      var hash = I18N[tag];
      var name = 'i18n/' + tag + '.json';
      catalogues[tag] = fetch(hash ? file(name, hash) : base + name, hash ? { integrity: hash } : {})
        .then(function (r) {
          if (r.ok) return r.text();
          if (hash) ok(r);
          return null; // no catalogue for this language: Vietnamese
        }, function (e) {
          if (hash) throw e; // a built-in catalogue is checked like code
          return null;
        });
      catalogues[tag].catch(function () { delete catalogues[tag]; });
    }
    return catalogues[tag];
  }

  function text(vi, cat) {
    try {
      var t = cat && JSON.parse(cat).messages[vi];
      return typeof t === 'string' && t ? t : vi;
    } catch (e) {
      return vi;
    }
  }

  function timeoutOf(host) {
    var t = attr(host, 'timeout');
    return t && /^\d+$/.test(t) && +t >= 1 && +t <= 300 ? +t : 20;
  }

  // GET with a time limit, as the core does it; resolves to {s: status, b: the body's bytes} or
  // {e: 1 (time limit) | 2 (network)}, never rejects. The core maps it to its error panels. Bytes,
  // not text: the core reads UTF-8 itself (a 1.4 MB list decoded to a JS string and encoded back
  // costs a cheap phone ~50 ms).
  function get(url, seconds, hash) {
    var ctl = window.AbortController && new AbortController(), o = {};
    if (ctl) o.signal = ctl.signal;
    if (hash) o.integrity = hash;
    return new Promise(function (done) {
      // The time limit answers even where a request cannot be aborted.
      var timer = setTimeout(function () { if (ctl) ctl.abort(); done({ e: 1 }); }, seconds * 1000);
      fetch(url, o)
        .then(function (r) { return r.arrayBuffer().then(function (b) { return { s: r.status, b: b }; }); })
        .then(function (v) { clearTimeout(timer); done(v); },
          function () { clearTimeout(timer); done({ e: 2 }); });
    });
  }

  // Requests the widget's data now, keyed by absolute URL; the core takes each answer once
  // (a retry fetches again). `p` loads a module the core asks for later (the print module),
  // checked like its own.
  function prefetch(host, kind) {
    var page = document.baseURI, out = { p: loadCore }, t = timeoutOf(host), urls = [];
    if (kind === 'feedback-form') {
      var schema = attr(host, 'schema'), dvhc = attr(host, 'dvhc');
      // The key is the file's plain URL, as the core asks for it; the request carries the hash.
      urls.push(schema ? [abs(schema, page), t] : [base + FORM, t, FORM_HASH, file(FORM, FORM_HASH)]);
      // The province list: only where it is known to be needed (the built-in form has an
      // address) or named; a custom schema without `dvhc` may have no address field at all.
      var dir = dvhc ? abs(dvhc, page) : schema ? null : abs('data/dvhc/', page);
      if (dir) urls.push([dir.replace(/\/?$/, '/') + 'tinh.json', 20]);
    } else if (attr(host, 'src')) {
      urls.push([abs(attr(host, 'src'), page), t]);
      // Requested when the core reads the key (a getter), once the widget is ready.
      if (kind === 'tthc-search') Object.defineProperty(out, base + WORDS, { configurable: true, enumerable: true, get: function () { return get(file(WORDS, words), t, words); } });
    }
    for (var i = 0; i < urls.length; i++) {
      var u = urls[i];
      if (u[0]) out[u[0]] = get(u[3] || u[0], u[1], u[2]);
    }
    return out;
  }

  // The agency's contact points from the host's `contacts` file (docs/lien-he-format.md),
  // requested with the widget's data; the function returned draws them into a slot wherever a
  // citizen may be stuck: its hotlines in the core's error panels, the form's intro and outcome
  // panels (src/web/contacts.rs) and this loader's own failure panel; given a procedure
  // (`[field, ...agencies]`), everything for it in its detail: the handling unit's and the
  // agency's hotlines, one-stop centres, e-mail and feedback page, as the printed sheet picks
  // them. Drawn here rather than in the core so that they show even when the code cannot load,
  // and no widget's wasm carries a copy (~2 KB gzip each). Text and `tel:`/`mailto:` links only.
  function hotlines(host, t, cat) {
    var u = attr(host, 'contacts'), got;
    // One request per file for the page (its widgets usually name the same one), until one
    // fails: a widget's retry then asks again.
    if (u && !contacts[u = abs(u, document.baseURI)]) {
      contacts[u] = get(u, t);
      contacts[u].then(function (r) { if (!(r.s < 300)) delete contacts[u]; });
    }
    got = u && contacts[u].then(function (r) {
      var c, ok;
      try {
        if (!(r.s < 300)) throw 0;
        c = JSON.parse(new TextDecoder().decode(r.b));
        ok = c.format === 'cchc-lien-he';
        // The agency's points and each unit's: usable hotlines as `l`, office phones as `d`.
        [c].concat(c.units || []).forEach(function (p) {
          p.l = [];
          (p.hotlines || []).forEach(function (x) {
            var n = dial(x);
            if (n) p.l.push(n.concat(trim(x.label), trim(x.hours)));
            else ok = 0;
          });
          (p.offices || []).forEach(function (o) {
            if (!trim(o.name) || o.phone != null && !(o.d = dial(o.phone))) ok = 0;
          });
        });
      } catch (e) {
        ok = 0;
      }
      host.setAttribute('data-contacts-state', ok ? 'ready' : 'error');
      return c;
    });
    // Without its catalogue, Vietnamese (the failure panel needs the hotlines most).
    cat = cat.then(null, function () {});
    return function (slot, proc) {
      if (got) Promise.all([got, cat]).then(function (r) {
        var c = r[0], p = c, list = c.l.slice(), units = c.units || [], box = el('div'), ul = el('ul'), mail, link;
        // The unit that handles the procedure (src/contacts `for_procedure`): the first that
        // names one of its agencies, else its field (without diacritics); its points first.
        function names(key, of) {
          return function (u) {
            return (u[key] || []).some(function (x) { return of.some(function (n) { return fold(n) == fold(x); }); });
          };
        }
        if (proc) {
          p = units.filter(names('agencies', proc.slice(1)))[0] || units.filter(names('fields', proc.slice(0, proc[0] ? 1 : 0)))[0] || c;
          list = p.l.concat(list.filter(function (h) { return !p.l.some(function (x) { return x[1] == h[1]; }); }));
        }
        // A place that left the page meanwhile (a retry, another procedure) gets nothing.
        if (!list.length || !slot.isConnected) return;
        box.setAttribute('part', 'contacts');
        box.appendChild(el('p', text(proc ? 'Liên hệ, hỗ trợ' : 'Cần hỗ trợ? Gọi đường dây nóng:', r[1])));
        list.forEach(function (h) {
          item(ul, h[2], 'tel:' + h[1], h[0], h[3]);
        });
        if (proc) {
          // "Name. Address. Giờ làm việc: hours. Điện thoại: <a>phone</a>"
          ((p.offices || []).length ? p.offices : c.offices || []).forEach(function (o) {
            var h = trim(o.hours), parts = [trim(o.name), trim(o.address), h && text('Giờ làm việc', r[1]) + ': ' + h];
            item(ul, parts.filter(String).join('. ') + (o.d ? '. ' + text('Điện thoại', r[1]) : ''), o.d && 'tel:' + o.d[1], o.d && o.d[0]);
          });
          mail = trim(p.email) || trim(c.email);
          if (/^[^\s@:]+@[^\s@]+$/.test(mail)) item(ul, '', 'mailto:' + mail, mail);
          link = trim(p.feedback_url) || trim(c.feedback_url);
          if (/^(https?:\/\/|\/)/.test(link)) item(ul, '', link, text('Gửi phản ánh, kiến nghị', r[1]));
        }
        box.appendChild(ul);
        if (c.example === true) box.appendChild(el('p', text('Số điện thoại ví dụ (dữ liệu mẫu), không gọi được.', r[1])));
        slot.appendChild(box);
      })['catch'](function () {});
    };
  }

  // "label: <a href>shown</a> (note)" as a list item, from text only.
  function item(ul, label, href, shown, note) {
    var li = el('li'), a = el('a', shown);
    a.href = href;
    li.append(label ? label + (shown ? ': ' : '') : '', href ? a : '', note ? ' (' + note + ')' : '');
    ul.appendChild(li);
  }

  function fold(s) {
    return trim(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
  }

  // A hotline (a string or `{number}`) as [shown, digits to dial], or nothing where the core's
  // `read_hotline` (src/feedback/hotline.rs) refuses it; tests/fixtures/contacts/hotlines.json
  // holds both to the same answers. Digits with spaces, `.`, `-` and brackets, and a leading `+84` (read as 0):
  // 1800/1900 and 4 or 6 digits, a service number (111–116, 10xx), or a landline or mobile number.
  function dial(x) {
    var s = trim(typeof x == 'string' ? x : x && x.number).replace(/\s+/g, ' ');
    var d = s.replace(/[ .()-]/g, '').replace(/^\+84/, '0');
    if (s.indexOf('+', 1) < 0 && /^(1[89]00(\d{4}|\d{6})|11[1-6]|10\d\d|0\d{9,10})$/.test(d)) return [s, d];
  }

  function trim(v) {
    return typeof v == 'string' ? v.trim() : '';
  }

  function el(tag, txt) {
    var e = document.createElement(tag);
    if (txt) { e.textContent = txt; e.setAttribute('data-t', txt); }
    return e;
  }

  // What the citizen sees before the core arrives: a status line and, for search, a working box.
  function early(root, kind) {
    if (kind === 'tthc-search') {
      var form = el('form');
      form.setAttribute('role', 'search');
      form.setAttribute('data-early', '');
      form.addEventListener('submit', function (e) { e.preventDefault(); });
      var label = el('label', 'Tìm thủ tục hành chính');
      label.setAttribute('for', 'cchc-q');
      // The same hint as the core's, so the box does not jump when the core takes over.
      var hint = el('p', 'Gõ có dấu hoặc không dấu, ví dụ: cấp lại cccd, dang ky khai sinh, sổ đỏ, 1.001193');
      hint.id = 'cchc-q-hint';
      hint.className = 'cchc-hint';
      var input = el('input');
      input.id = 'cchc-q';
      input.type = 'search';
      input.autocomplete = 'off';
      input.setAttribute('enterkeyhint', 'search');
      input.setAttribute('aria-describedby', 'cchc-q-hint');
      try { input.value = new URLSearchParams(location.search).get('tthc-q') || ''; } catch (e) { /* old browser */ }
      // CSSOM, which a strict CSP allows (a style attribute in markup it would not).
      input.style.cssText = 'display:block;box-sizing:border-box;width:100%;font-size:1.1rem;padding:.6rem;margin-top:.3rem;border:2px solid #5f6368';
      form.appendChild(label);
      form.appendChild(hint);
      form.appendChild(input);
      root.appendChild(form);
    }
    var p = el('p', 'Đang tải…');
    p.setAttribute('role', 'status');
    root.appendChild(p);
  }

  function relabel(root, cat) {
    var list = root.querySelectorAll('[data-t]');
    for (var i = 0; i < list.length; i++) list[i].textContent = text(list[i].getAttribute('data-t'), cat);
  }

  function fail(host, root, err, cat, h) {
    // The core could not be loaded: say so in plain words, offer a retry, tell the webmaster why.
    while (root.firstChild) root.removeChild(root.firstChild);
    // The look of the core's own panel (src/web/style.css `.cchc-error`, with its theme
    // colours), set through the CSSOM, which a strict CSP allows: the stylesheet is in the core,
    // which did not load, and the host page's fonts and alignment must not leak in.
    var P = 'var(--cchc-primary,#0b4f8a)', D = 'var(--cchc-danger,#b3261e)';
    var box = el('div'), b = el('button', text('Thử lại', cat)), d = el('details');
    box.setAttribute('role', 'alert');
    box.setAttribute('part', 'error');
    box.style.cssText = 'margin:.5em 0;padding:1em;border:3px solid ' + D + ';border-radius:4px;background:#fff;color:#0b0c0c;font:16px/1.5 sans-serif;text-align:left';
    b.type = 'button';
    b.style.cssText = 'font:inherit;font-weight:700;min-height:44px;padding:.5em 1em;color:#fff;border:0;border-radius:4px;background:' + P;
    b.addEventListener('click', function () { start(host); });
    box.appendChild(el('p', text('Không tải được chức năng này. Vui lòng kiểm tra kết nối mạng và thử lại.', cat)));
    box.firstChild.style.cssText = 'font-weight:700;color:' + D;
    box.appendChild(b);
    d.appendChild(el('summary', text('Thông tin kỹ thuật cho quản trị trang', cat)));
    d.appendChild(el('p', String(err && err.message || err)));
    d.style.cssText = 'margin-top:1em;color:#505a5f;overflow-wrap:anywhere';
    box.appendChild(d);
    root.appendChild(box);
    if (h) h(box);
    host.setAttribute('data-state', 'error');
    host.dispatchEvent(new CustomEvent('cchc-error', { bubbles: true, detail: { stage: 'core', message: String(err) } }));
  }

  function kindOf(host) {
    var tag = host.localName;
    var k = tag.indexOf('cchc-') === 0 ? tag.slice(5) : host.getAttribute('data-cchc');
    // `*` and `+` name modules, not kinds.
    return /^[a-z]/.test(k) && FILES.hasOwnProperty(k) ? k : null;
  }

  function start(host) {
    var kind = kindOf(host);
    if (!kind || handles.has(host)) return;
    var root = host.shadowRoot;
    try {
      if (!root) root = host.attachShadow({ mode: 'open' });
    } catch (e) {
      return; // element cannot host a shadow root (wrong tag): leave the webmaster's fallback visible
    }
    // No widget form is ever sent by the browser itself: the core handles every submit, and
    // where its handler could not run (a failed load), the fields must not end up in a URL.
    root.addEventListener('submit', unsent);
    handles.set(host, null);
    host.setAttribute('data-state', 'loading');
    var tag = langOf(host);
    // Every request first (the data, then the code, the catalogue and the contacts), the drawing
    // after: on a slow phone the early box costs the main thread tens of milliseconds.
    var data = prefetch(host, kind);
    var key = whole.has(host) ? '+' : moduleFor(kind);
    var core = loadCore(key);
    var cat = catalogue(tag);
    data.h = hotlines(host, timeoutOf(host), cat);
    if (!root.firstChild) early(root, kind);
    cat.then(function (c) { if (c && handles.get(host) === null) relabel(root, c); }, function () {});
    // The search's own module (and the combined one) do not read the national portal's records:
    // given such a file, the core asks for the module that does, and the widget starts again.
    if (key !== '+') data.upgrade = function () {
      setTimeout(function () {
        reset(host);
        whole.set(host, 1);
        start(host);
      }, 0);
    };
    Promise.all([core, cat]).then(function (r) {
      if (!host.isConnected || handles.get(host) !== null) return;
      var core = r[0];
      if (r[1] && !added[key + ' ' + tag] && core.add_catalogue) {
        core.add_catalogue(tag, r[1]);
        added[key + ' ' + tag] = 1;
      }
      if (core.rest) later(host, core, function (err) {
        if (!host.isConnected) return;
        reset(host);
        cat.then(function (c) { fail(host, root, err, c, data.h); }, function () { fail(host, root, err, null, data.h); });
      });
      handles.set(host, core.mount(host, root, kind, data));
      // The widget's stylesheet is in place now: the early box's own look gives way to it.
      var box = root.querySelector('[data-early] input');
      if (box) box.removeAttribute('style');
    }).then(null, function (err) {
      handles.delete(host);
      if (host.isConnected) cat.then(function (c) { fail(host, root, err, c, data.h); }, function () { fail(host, root, err, null, data.h); });
    });
  }

  // The combined module leaves what no page runs while it starts in a second wasm (its rest,
  // xtask/src/split.rs): asked for once every widget it serves is ready or has failed, so that it
  // never competes with their code and data. A function of it called sooner fetches it at once;
  // if that fails (a tampered copy, no network), `broke` puts the failure panel in the widget.
  function later(host, core, broke) {
    waiting++;
    core.rest(broke);
    var done = function () {
      host.removeEventListener('cchc-ready', done);
      host.removeEventListener('cchc-error', done);
      if (!--waiting) core.rest(null, 1);
    };
    host.addEventListener('cchc-ready', done);
    host.addEventListener('cchc-error', done);
  }

  function unsent(e) {
    e.preventDefault();
  }

  // Destroys the widget in `host` and empties its shadow root.
  function reset(host) {
    var h = handles.get(host), root = host.shadowRoot;
    handles.delete(host);
    try { if (h) h.destroy(); } catch (e) { /* never break the host page */ }
    if (root) while (root.firstChild) root.removeChild(root.firstChild);
  }

  function stop(host) {
    // Deferred: an element moved within the page is disconnected and reconnected at once.
    Promise.resolve().then(function () {
      if (!host.isConnected && handles.has(host)) reset(host);
    });
  }

  if (window.customElements) {
    Object.keys(FILES).forEach(function (k) {
      var name = 'cchc-' + k;
      if (!/^[a-z]/.test(k) || customElements.get(name)) return;
      customElements.define(name, class extends HTMLElement {
        connectedCallback() { start(this); }
        disconnectedCallback() { stop(this); }
      });
    });
  }

  // CMS editors strip unknown tags: <div data-cchc="..."> is the same widget.
  function scan(node, f) {
    if (node.nodeType !== 1) return;
    if (node.hasAttribute('data-cchc')) f(node);
    var list = node.querySelectorAll('[data-cchc]');
    for (var i = 0; i < list.length; i++) f(list[i]);
  }
  function boot() {
    scan(document.documentElement, start);
    new MutationObserver(function (records) {
      records.forEach(function (r) {
        r.addedNodes.forEach(function (n) { scan(n, start); });
        r.removedNodes.forEach(function (n) { scan(n, stop); });
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();

  window.cchcWidgets = {
    version: VERSION,
    base: base,
  };
})();
