// The daily metrics chart on /admin (Chart.js): revenue, paid bookings and occupancy by day,
// drawn when htmx has loaded the section. The numbers are also in the table below it.
(function () {
  function draw(root) {
    var data = root.querySelector ? root.querySelector('#daily-metrics-data') : null;
    var canvas = root.querySelector ? root.querySelector('#chart-daily') : null;
    if (!data || !canvas || !window.Chart) {
      return;
    }
    var s = JSON.parse(data.textContent);
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: s.days.map(function (d) { return d.day; }),
        datasets: [
          { label: s.revenueLabel, data: s.days.map(function (d) { return Number(d.revenue); }),
            borderColor: '#0d6efd', tension: 0.2, yAxisID: 'y' },
          { label: s.bookingsLabel, data: s.days.map(function (d) { return d.paidBookings; }),
            borderColor: '#198754', tension: 0.2, yAxisID: 'y1' },
          { label: s.occupancyLabel, data: s.days.map(function (d) { return Number(d.occupancyPercent); }),
            borderColor: '#fd7e14', tension: 0.2, yAxisID: 'y1' }
        ]
      },
      options: { maintainAspectRatio: false, scales: { y: { position: 'left' }, y1: { position: 'right', grid: { drawOnChartArea: false } } } }
    });
  }
  document.addEventListener('htmx:load', function (event) { draw(event.target); });
})();
