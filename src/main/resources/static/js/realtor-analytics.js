// Realtor analytics charts (Chart.js): revenue by check-in day and cancellation reasons, from the
// summary the page embeds as JSON. The numbers are also on the page as text.
document.addEventListener('DOMContentLoaded', function () {
  var data = document.getElementById('analytics-data');
  if (!data || !window.Chart) {
    return;
  }
  var summary = JSON.parse(data.textContent);
  var revenue = document.getElementById('chart-revenue');
  if (revenue) {
    new Chart(revenue, {
      type: 'bar',
      data: {
        labels: summary.revenueByDay.map(function (p) { return p.date; }),
        datasets: [{ label: '₸', data: summary.revenueByDay.map(function (p) { return Number(p.revenue); }),
          backgroundColor: '#0d6efd' }]
      },
      options: { plugins: { legend: { display: false } } }
    });
  }
  var reasons = document.getElementById('chart-reasons');
  if (reasons) {
    // the reasons in the page's language (codes only in the data)
    var words = JSON.parse(reasons.getAttribute('data-labels') || '{}');
    new Chart(reasons, {
      type: 'doughnut',
      data: {
        labels: summary.cancellationReasons.map(function (r) { return words[r.reason] || words.OTHER || ''; }),
        datasets: [{ data: summary.cancellationReasons.map(function (r) { return r.count; }) }]
      }
    });
  }
});
