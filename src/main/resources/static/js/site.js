// ЖильеGO: small progressive enhancements. Every page works without this file.
(function () {
  'use strict';
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  // Hold countdown: <span data-countdown="899">15:00</span>; reloads the page at zero so the
  // server shows what happened (expired hold).
  function startCountdowns() {
    document.querySelectorAll('[data-countdown]').forEach(function (el) {
      var left = parseInt(el.getAttribute('data-countdown'), 10);
      if (isNaN(left)) { return; }
      var end = Date.now() + left * 1000;
      function tick() {
        var s = Math.max(0, Math.round((end - Date.now()) / 1000));
        el.textContent = pad(Math.floor(s / 60)) + ':' + pad(s % 60);
        if (s <= 0) { window.location.reload(); return; }
        window.setTimeout(tick, 1000);
      }
      tick();
    });
  }
  // Check-out is at least the day after check-in.
  function linkDates() {
    document.querySelectorAll('input[name="checkIn"]').forEach(function (checkIn) {
      var form = checkIn.form;
      var checkOut = form && form.querySelector('input[name="checkOut"]');
      if (!checkOut) { return; }
      checkIn.addEventListener('change', function () {
        if (!checkIn.value) { return; }
        var next = new Date(checkIn.value + 'T00:00:00Z');
        next.setUTCDate(next.getUTCDate() + 1);
        var min = next.toISOString().slice(0, 10);
        checkOut.min = min;
        if (!checkOut.value || checkOut.value < min) { checkOut.value = min; }
        checkOut.dispatchEvent(new Event('change', { bubbles: true }));
      });
    });
  }
  // A tab bar that scrolls sideways on a phone shows its current tab.
  function showCurrentTabs() {
    document.querySelectorAll('.nav.overflow-auto .nav-link.active').forEach(function (tab) {
      var bar = tab.closest('.nav');
      var at = tab.getBoundingClientRect();
      var box = bar.getBoundingClientRect();
      bar.scrollLeft += at.left - box.left - (box.width - at.width) / 2;
    });
  }
  // The phone menu: the toggler shows and hides the navigation it controls (the one
  // behaviour of Bootstrap's 80 KB script the site used).
  function menuToggles() {
    document.querySelectorAll('[data-collapse]').forEach(function (button) {
      var target = document.getElementById(button.getAttribute('aria-controls'));
      if (!target) { return; }
      button.addEventListener('click', function () {
        var open = target.classList.toggle('show');
        button.setAttribute('aria-expanded', open ? 'true' : 'false');
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    menuToggles();
    startCountdowns();
    linkDates();
    showCurrentTabs();
  });
})();
