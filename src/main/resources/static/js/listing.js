// ЖильеGO listing page: pick the stay on the availability calendar, keep the price box and
// the phone's sticky bar in step, and open the dates from the bar. The page works without
// this file: every free day is a link that chooses it.
(function () {
  'use strict';

  function iso(date) { return date.toISOString().slice(0, 10); }
  function nextDay(value) {
    var d = new Date(value + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + 1);
    return iso(d);
  }

  function setUp() {
    var calendar = document.getElementById('calendar');
    var form = document.getElementById('book-form');
    if (!calendar || !form) { return; }
    var checkInInput = form.querySelector('input[name="checkIn"]');
    var checkOutInput = form.querySelector('input[name="checkOut"]');
    var hint = document.getElementById('calendar-hint');
    var cells = Array.prototype.slice.call(calendar.querySelectorAll('td[data-date]'));
    var busy = {};
    cells.forEach(function (td) {
      if (td.classList.contains('zg-busy')) { busy[td.getAttribute('data-date')] = true; }
    });
    var state = {
      checkIn: calendar.getAttribute('data-check-in') || null,
      checkOut: calendar.getAttribute('data-check-out') || null
    };

    // every night from check-in up to (not including) the day is free
    function freeUntil(checkIn, day) {
      for (var d = checkIn; d < day; d = nextDay(d)) {
        if (busy[d]) { return false; }
      }
      return true;
    }

    function pickOf(td) {
      var date = td.getAttribute('data-date');
      if (td.classList.contains('zg-past')) { return null; }
      if (state.checkIn && !state.checkOut && date > state.checkIn && freeUntil(state.checkIn, date)) {
        return 'check-out';
      }
      return busy[date] ? null : 'check-in';
    }

    function render() {
      cells.forEach(function (td) {
        var date = td.getAttribute('data-date');
        var chosen = state.checkIn && state.checkOut && date >= state.checkIn && date < state.checkOut;
        td.classList.toggle('zg-chosen', !!chosen);
        td.classList.toggle('zg-start', date === state.checkIn);
        td.classList.toggle('zg-end', date === state.checkOut);
        var pick = pickOf(td);
        var link = td.querySelector('a.zg-day');
        var text = td.querySelector('span:not(.visually-hidden)');
        if (pick && !link) {
          link = document.createElement('a');
          link.className = 'zg-day';
          link.href = '#availability';
          link.textContent = text ? text.textContent : String(parseInt(date.slice(8), 10));
          if (text) { text.remove(); }
          td.insertBefore(link, td.firstChild);
        } else if (!pick && link) {
          var span = document.createElement('span');
          span.textContent = link.textContent;
          link.replaceWith(span);
          link = null;
        }
        if (link) {
          link.setAttribute('data-pick', pick);
          var label = calendar.getAttribute('data-label-' + pick);
          if (label) { link.setAttribute('aria-label', label.replace('{0}', td.getAttribute('data-label') || date)); }
        }
      });
      if (hint) {
        hint.textContent = hint.getAttribute(state.checkIn && !state.checkOut ? 'data-check-out' : 'data-check-in');
      }
    }

    function remember() {
      var url = new URL(window.location.href);
      ['checkIn', 'checkOut'].forEach(function (name) {
        if (state[name]) { url.searchParams.set(name, state[name]); } else { url.searchParams.delete(name); }
      });
      url.hash = '';
      window.history.replaceState(null, '', url.toString());
    }

    function apply() {
      checkInInput.value = state.checkIn || '';
      checkOutInput.value = state.checkOut || '';
      if (state.checkIn) { checkOutInput.min = nextDay(state.checkIn); }
      render();
      remember();
      if (state.checkIn && state.checkOut) {
        checkOutInput.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }

    calendar.addEventListener('click', function (e) {
      var td = e.target.closest('td[data-date]');
      if (!td) { return; }
      var pick = pickOf(td);
      if (!pick) { return; }
      e.preventDefault();
      var date = td.getAttribute('data-date');
      if (pick === 'check-out') {
        state.checkOut = date;
      } else {
        state.checkIn = date;
        state.checkOut = null;
      }
      apply();
    });

    form.addEventListener('change', function (e) {
      if (e.target === checkInInput || e.target === checkOutInput) {
        state.checkIn = checkInInput.value || null;
        state.checkOut = checkOutInput.value && checkOutInput.value > (state.checkIn || '') ? checkOutInput.value : null;
        render();
        remember();
      }
    });
    render();
  }

  // The sticky bar's button without dates: go to the booking card and open the check-in date.
  function bookBar() {
    document.addEventListener('click', function (e) {
      var button = e.target.closest('#book-bar-button');
      if (!button || button.getAttribute('href') !== '#book') { return; }
      e.preventDefault();
      var card = document.getElementById('book');
      var input = document.getElementById('b-checkIn');
      card.scrollIntoView({ block: 'start', behavior: 'smooth' });
      if (input) {
        input.focus({ preventScroll: true });
        try { if (input.showPicker) { input.showPicker(); } } catch (ignored) { /* not allowed here */ }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    setUp();
    bookBar();
  });
})();
