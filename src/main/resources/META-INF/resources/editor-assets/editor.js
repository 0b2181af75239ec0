// Stat Callouts editor: small progressive enhancements. Every page works without this script.
(function () {
  'use strict';
  var d = document;

  // Live preview: the form's own "Update preview" button, pressed for the editor after a pause
  // in typing. The preview answers with the card, or with the fields that are wrong, which are
  // shown beside the fields the editor has touched.
  var form = d.querySelector('form[data-preview-form]');
  var preview = d.getElementById('preview');
  var button = d.getElementById('preview-button');
  if (form && preview && button) {
    var touched = {};
    // Fields the server already refused count as touched: their messages update as they are fixed.
    form.querySelectorAll('.field-error[data-field]').forEach(function (slot) {
      if (slot.textContent.trim()) touched[slot.getAttribute('data-field')] = true;
    });
    var timer = null;
    var status = d.getElementById('preview-status');
    var refresh = function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (status) status.textContent = 'Updating preview…';
        form.requestSubmit(button);
      }, 250);
    };
    var fieldOf = function (el) {
      return el.name === 'previewTheme' || el.name === 'previewLang' ? null : el.name;
    };
    // The row of words in the figure's own language is hidden: its label is already in it.
    var locale = form.querySelector('[name="locale"]');
    var ownRow = function () {
      var own = ((locale && locale.value) || 'en').trim().toLowerCase().split(/[-_]/)[0];
      form.querySelectorAll('fieldset.translation[lang]').forEach(function (row) {
        row.hidden = row.getAttribute('lang') === own && !row.querySelector('[aria-invalid="true"]');
      });
    };
    if (locale) locale.addEventListener('input', ownRow);
    form.addEventListener('input', function (e) { var f = fieldOf(e.target); if (f) touched[f] = true; refresh(); });
    form.addEventListener('change', function (e) { var f = fieldOf(e.target); if (f) touched[f] = true; refresh(); });
    d.querySelectorAll('[form="figure-form"]').forEach(function (el) { el.addEventListener('change', refresh); });
    preview.addEventListener('load', function () {
      var doc;
      try { doc = preview.contentDocument; } catch (err) { return; }
      if (!doc) return;
      var problems = {};
      doc.querySelectorAll('#problems [data-field]').forEach(function (li) {
        var field = li.getAttribute('data-field');
        var message = li.querySelector('.message');
        if (!problems[field] && message) problems[field] = message.textContent;
      });
      form.querySelectorAll('.field-error[data-field]').forEach(function (slot) {
        var field = slot.getAttribute('data-field');
        var message = touched[field] ? (problems[field] || '') : '';
        slot.textContent = message;
        var input = form.querySelector('[name="' + field + '"]');
        if (input) {
          if (message) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
        }
      });
      // The exact value the typed one was read as ("920 Mrd." → 920,000,000,000), before saving.
      var understood = d.getElementById('f-value-understood');
      if (understood) {
        var exact = doc.body && doc.body.getAttribute('data-value');
        var lang = (form.querySelector('[name="locale"]') || {}).value || 'en';
        var shown = '';
        if (exact) {
          try { shown = new Intl.NumberFormat(lang, { maximumFractionDigits: 20 }).format(exact); } catch (err) { shown = exact; }
        }
        understood.textContent = exact ? 'Understood as ' + shown + ' (exactly ' + exact + ')' : '';
      }
      if (status) {
        status.textContent = doc.getElementById('stopped') ? 'Preview stopped'
          : Object.keys(problems).length ? 'Preview waits for valid fields' : 'Preview up to date';
      }
    });
  }

  // One more source row, numbered like the server's (without JavaScript, saving adds rows).
  var addSource = d.getElementById('add-source');
  if (addSource) {
    addSource.hidden = false;
    addSource.addEventListener('click', function () {
      var rows = d.querySelectorAll('fieldset.source');
      var last = rows[rows.length - 1];
      var n = rows.length;
      var row = last.cloneNode(true);
      row.querySelectorAll('[name],[id],[for],[aria-describedby],[data-field]').forEach(function (el) {
        ['name', 'id', 'for', 'aria-describedby', 'data-field'].forEach(function (a) {
          var v = el.getAttribute(a);
          if (v) el.setAttribute(a, v.replace(/sources\[\d+\]/g, 'sources[' + n + ']').replace(/source-\d+-/g, 'source-' + n + '-'));
        });
        if (el.tagName === 'INPUT') { el.value = ''; el.removeAttribute('aria-invalid'); }
        if (el.classList.contains('field-error')) el.textContent = '';
      });
      row.querySelector('legend').textContent = 'Source ' + (n + 1) + ' (optional)';
      last.parentNode.insertBefore(row, last.nextSibling);
      row.querySelector('input').focus();
      if (n + 1 >= Number(addSource.getAttribute('data-max'))) addSource.hidden = true;
    });
  }

  // Preview frames take the height their card reports (the card's own resize messages).
  window.addEventListener('message', function (e) {
    var data = e.data;
    if (!data || data.type !== 'statcallouts:height' || typeof data.height !== 'number') return;
    d.querySelectorAll('.preview-frame iframe').forEach(function (frame) {
      if (frame.contentWindow === e.source) frame.style.height = Math.ceil(data.height) + 'px';
    });
  });

  // Copy buttons for snippets (hidden without this script: the text areas can still be selected).
  var copyStatus = d.getElementById('copy-status');
  d.querySelectorAll('button[data-copy]').forEach(function (copy) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      var source = d.getElementById(copy.getAttribute('data-copy'));
      var done = function () {
        if (copyStatus) copyStatus.textContent = 'Copied: ' + d.querySelector('label[for="' + source.id + '"]').textContent;
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(source.value).then(done, function () { source.select(); d.execCommand('copy'); done(); });
      } else {
        source.select();
        d.execCommand('copy');
        done();
      }
    });
  });

  // Option forms apply themselves when changed.
  d.querySelectorAll('form[data-autosubmit]').forEach(function (f) {
    f.addEventListener('change', function () { f.requestSubmit(); });
  });

  // Destructive buttons ask first.
  d.querySelectorAll('form[data-confirm]').forEach(function (f) {
    f.addEventListener('submit', function (e) { if (!window.confirm(f.getAttribute('data-confirm'))) e.preventDefault(); });
  });
})();
