// Team page charts (Chart.js): top-5 realtors by revenue and by bookings, and the team's
// revenue by month, from the JSON the page embeds. The numbers are also on the page as text.
document.addEventListener('DOMContentLoaded', function () {
  var data = document.getElementById('team-data');
  if (!data || !window.Chart) {
    return;
  }
  var team = JSON.parse(data.textContent);
  // months and money as the page's language writes them: "дек. 2026", "1 161 100 ₸"
  // (month names from the page: browsers ship little Kazakh data and would write "2026 M12";
  // Kazakh groups digits as Russian does, "1 161 100", where a browser writes "1,161,100")
  var lang = document.documentElement.lang || 'ru';
  var names = (data.getAttribute('data-months') || '').split('|');
  var tenge = new Intl.NumberFormat(lang === 'kk' ? 'ru' : lang, { maximumFractionDigits: 0 });
  function money(value) { return tenge.format(value) + '\u00a0₸'; }
  function month(iso) { return (names[Number(iso.substring(5, 7)) - 1] || iso.substring(5, 7)) + ' ' + iso.substring(0, 4); }
  function bars(id, items, value, color, isMoney) {
    var canvas = document.getElementById(id);
    if (!canvas) {
      return;
    }
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: items.map(function (r) { return r.name; }),
        datasets: [{ data: items.map(value), backgroundColor: color }]
      },
      options: {
        indexAxis: 'y',
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (ctx) { return isMoney ? money(ctx.parsed.x) : String(ctx.parsed.x); } } }
        },
        scales: { x: { ticks: { maxTicksLimit: 4, callback: function (v) { return isMoney ? money(v) : v; } } } }
      }
    });
  }
  bars('chart-top-revenue', team.topByRevenue, function (r) { return Number(r.revenue); }, '#0d6efd', true);
  bars('chart-top-bookings', team.topByBookings, function (r) { return r.bookings; }, '#198754', false);
  var months = document.getElementById('chart-months');
  if (months) {
    new Chart(months, {
      type: 'line',
      data: {
        labels: team.revenueByMonth.map(function (m) { return month(m.month); }),
        datasets: [{ label: '₸', data: team.revenueByMonth.map(function (m) { return Number(m.revenue); }),
          borderColor: '#0d6efd', tension: 0.2, fill: false }]
      },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (ctx) { return money(ctx.parsed.y); } } }
        },
        scales: { y: { ticks: { callback: function (v) { return money(v); } } } }
      }
    });
  }
});
