// ЖильеGO forms: a field with data-limit shows how much of its limit is used, and says so
// before the form is sent; nothing is ever cut off. The server checks the same limits.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[data-limit], textarea[data-limit]').forEach(function (field) {
      var limit = parseInt(field.getAttribute('data-limit'), 10);
      if (!limit) { return; }
      var counter = document.createElement('div');
      counter.className = 'form-text text-end zg-counter';
      counter.id = field.id + '-count';
      counter.setAttribute('aria-live', 'polite');
      field.parentNode.insertBefore(counter, field.nextSibling);
      function update() {
        var length = field.value.length;
        // only near the limit: a counter under every field is noise
        counter.hidden = length < limit * 0.8;
        counter.textContent = length + ' / ' + limit;
        counter.classList.toggle('text-danger', length > limit);
        field.classList.toggle('zg-over-limit', length > limit);
      }
      field.addEventListener('input', update);
      update();
    });
  });
})();
