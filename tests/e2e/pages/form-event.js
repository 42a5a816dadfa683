// The host page takes the submission: preventDefault(), then confirm(reference) or fail(message).
// window.hostMode picks the answer: 'confirm' (default), 'fail', 'ignore' (no handler at all).
window.hostMode = 'confirm';
window.received = [];
document.addEventListener('cchc-submit', function (e) {
  if (window.hostMode === 'ignore') return;
  e.preventDefault();
  window.received.push({ values: e.detail.values, files: e.detail.files.length, lang: e.detail.lang });
  var mode = window.hostMode;
  setTimeout(function () {
    if (mode === 'fail') e.detail.fail('Hệ thống của cơ quan đang bảo trì.');
    else e.detail.confirm('HOST-2026-42');
  }, 50);
});
