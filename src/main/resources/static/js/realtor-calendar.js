// Realtor calendar: FullCalendar shows bookings, blocks and per-date prices; selecting a range
// fills the block and price forms (which also work without JavaScript). Ranges are [start, end).
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('calendar');
  if (!el || !window.FullCalendar) {
    return;
  }
  function fill(prefix, start, end) {
    document.getElementById(prefix + '-from').value = start;
    document.getElementById(prefix + '-to').value = end;
  }
  var calendar = new FullCalendar.Calendar(el, {
    initialView: 'dayGridMonth',
    initialDate: el.dataset.initial,
    // the locale file (ru, kk) the page loads translates the buttons ("today") too
    locale: el.dataset.locale,
    firstDay: 1,
    height: 'auto',
    selectable: true,
    events: el.dataset.events,
    select: function (info) {
      fill('block', info.startStr, info.endStr);
      fill('price', info.startStr, info.endStr);
      document.getElementById('block-reason').focus();
    }
  });
  calendar.render();
});
