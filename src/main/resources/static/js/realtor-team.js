// Team page charts (Chart.js): top-5 realtors by revenue and by bookings, and the team's
// revenue by month, from the JSON the page embeds. The numbers are also on the page as text.
document.addEventListener('DOMContentLoaded', function () {
  var data = document.getElementById('team-data');
  if (!data || !window.Chart) {
    return;
  }
  var team = JSON.parse(data.textContent);
  function bars(id, items, value, color) {
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
      options: { indexAxis: 'y', plugins: { legend: { display: false } } }
    });
  }
  bars('chart-top-revenue', team.topByRevenue, function (r) { return Number(r.revenue); }, '#0d6efd');
  bars('chart-top-bookings', team.topByBookings, function (r) { return r.bookings; }, '#198754');
  var months = document.getElementById('chart-months');
  if (months) {
    new Chart(months, {
      type: 'line',
      data: {
        labels: team.revenueByMonth.map(function (m) { return m.month.substring(0, 7); }),
        datasets: [{ label: '₸', data: team.revenueByMonth.map(function (m) { return Number(m.revenue); }),
          borderColor: '#0d6efd', tension: 0.2, fill: false }]
      },
      options: { plugins: { legend: { display: false } } }
    });
  }
});
