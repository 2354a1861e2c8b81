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
  // month and weekday names from the page (the browser's own may lack Kazakh)
  var months = el.dataset.months ? el.dataset.months.split(',') : null;
  var days = el.dataset.days ? el.dataset.days.split(',') : null;
  var calendar = new FullCalendar.Calendar(el, {
    initialView: 'dayGridMonth',
    initialDate: el.dataset.initial,
    // the locale file (ru, kk) the page loads translates the buttons ("today") too
    locale: el.dataset.locale,
    firstDay: 1,
    titleFormat: months ? function (arg) {
      var name = months[arg.date.month];
      return name.charAt(0).toUpperCase() + name.slice(1) + ' ' + arg.date.year;
    } : { year: 'numeric', month: 'long' },
    dayHeaderContent: days ? function (arg) { return days[(arg.dow + 6) % 7]; } : undefined,
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
