// ЖильеGO: character counters for free-text fields. A hint under the field states the limit
// without JavaScript ("Up to 1000 characters"); with it, the hint also counts what is used:
// <textarea id="c" maxlength="1000"></textarea>
// <div data-counter-for="c" data-counter="{0} / {1}">Up to 1000 characters.</div>
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  document.querySelectorAll('[data-counter-for]').forEach(function (hint) {
    var field = document.getElementById(hint.getAttribute('data-counter-for'));
    var template = hint.getAttribute('data-counter');
    var max = field && field.getAttribute('maxlength');
    if (!field || !template || !max) { return; }
    var out = document.createElement('span');
    out.className = 'zg-counter ms-1';
    out.setAttribute('aria-live', 'polite');
    hint.appendChild(out);
    function update() {
      out.textContent = template.replace('{0}', field.value.length).replace('{1}', max);
      out.classList.toggle('text-danger', field.value.length >= Number(max));
    }
    field.addEventListener('input', update);
    update();
  });
});
