// Realtor analytics charts (Chart.js): revenue by check-in day and cancellation reasons, from the
// summary the page embeds as JSON. The numbers are also on the page as text.
document.addEventListener('DOMContentLoaded', function () {
  var data = document.getElementById('analytics-data');
  if (!data || !window.Chart) {
    return;
  }
  var summary = JSON.parse(data.textContent);
  // dates and money as the page's language writes them: "20 дек.", "1 161 100 ₸"
  // (month names from the page: browsers ship little Kazakh data and would write "M12";
  // Kazakh groups digits as Russian does, "1 161 100", where a browser writes "1,161,100")
  var lang = document.documentElement.lang || 'ru';
  var names = (data.getAttribute('data-months') || '').split('|');
  function dayLabel(iso) { return Number(iso.substring(8, 10)) + ' ' + (names[Number(iso.substring(5, 7)) - 1] || iso.substring(5, 7)); }
  var tenge = new Intl.NumberFormat(lang === 'kk' ? 'ru' : lang, { maximumFractionDigits: 0 });
  function money(value) { return tenge.format(value) + '\u00a0₸'; }
  // charts fill their boxes (.realtor-chart sets the height) instead of growing with the width
  Chart.defaults.maintainAspectRatio = false;
  var revenue = document.getElementById('chart-revenue');
  if (revenue) {
    new Chart(revenue, {
      type: 'bar',
      data: {
        labels: summary.revenueByDay.map(function (p) { return dayLabel(p.date); }),
        datasets: [{ label: '₸', data: summary.revenueByDay.map(function (p) { return Number(p.revenue); }),
          backgroundColor: '#0d6efd' }]
      },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (ctx) { return money(ctx.parsed.y); } } }
        },
        scales: { y: { ticks: { callback: function (value) { return money(value); } } } }
      }
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
