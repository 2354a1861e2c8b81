// Platform analytics charts (Chart.js): top agencies by revenue, and revenue with paid
// bookings by month, from the JSON the page embeds. The numbers are also on the page as text.
document.addEventListener('DOMContentLoaded', function () {
  var data = document.getElementById('analytics-data');
  if (!data || !window.Chart) {
    return;
  }
  var s = JSON.parse(data.textContent);
  var agencies = document.getElementById('chart-agencies');
  if (agencies) {
    new Chart(agencies, {
      type: 'bar',
      data: {
        labels: s.topAgencies.map(function (a) { return a.name; }),
        datasets: [{ data: s.topAgencies.map(function (a) { return Number(a.revenue); }), backgroundColor: '#0d6efd' }]
      },
      options: { indexAxis: 'y', maintainAspectRatio: false, plugins: { legend: { display: false } } }
    });
  }
  var trends = document.getElementById('chart-trends');
  if (trends) {
    new Chart(trends, {
      type: 'line',
      data: {
        labels: s.trends.map(function (m) { return m.month.substring(0, 7); }),
        datasets: [
          { label: s.revenueLabel, data: s.trends.map(function (m) { return Number(m.revenue); }),
            borderColor: '#0d6efd', tension: 0.2, yAxisID: 'y' },
          { label: s.bookingsLabel, data: s.trends.map(function (m) { return m.bookings; }),
            borderColor: '#198754', tension: 0.2, yAxisID: 'y1' }
        ]
      },
      options: { maintainAspectRatio: false, scales: { y: { position: 'left' }, y1: { position: 'right', grid: { drawOnChartArea: false } } } }
    });
  }
  var compare = document.getElementById('compare-data');
  var compareChart = document.getElementById('chart-compare');
  if (compare && compareChart) {
    var c = JSON.parse(compare.textContent);
    var colors = ['#0d6efd', '#198754', '#dc3545', '#fd7e14', '#6f42c1', '#20c997', '#6c757d', '#0dcaf0', '#d63384', '#ffc107'];
    var first = c.agencies.length ? c.revenueByMonth[c.agencies[0].agencyId] : [];
    new Chart(compareChart, {
      type: 'line',
      data: {
        labels: first.map(function (m) { return m.month.substring(0, 7); }),
        datasets: c.agencies.map(function (a, i) {
          return { label: a.name, data: c.revenueByMonth[a.agencyId].map(function (m) { return Number(m.revenue); }),
            borderColor: colors[i % colors.length], tension: 0.2 };
        })
      },
      options: { maintainAspectRatio: false }
    });
  }
});
