// Admin panel: forms with data-confirm ask before they are sent (refunds, cancellations).
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form && form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
