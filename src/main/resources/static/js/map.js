// ЖильеGO maps: Leaflet (from its WebJar) on any element with data-tiles and data-markers
// ([{lat, lng, title, url, price}]) and data-images (Leaflet's marker images: it cannot
// find them itself behind content-hashed CSS URLs and asked for them next to the page).
// The address and coordinates are always on the page as text; the map shows only once a
// tile has loaded, and stays hidden (with a note) when Leaflet or the tile server cannot
// be reached — offline, blocked, or down.
(function () {
  'use strict';
  var WAIT_MS = 10000;

  function degrade(el) {
    if (el.getAttribute('data-state') === 'ready') { return; }
    el.hidden = true;
    el.setAttribute('data-state', 'unavailable');
    var note = document.createElement('p');
    note.className = 'small text-muted zg-map-note';
    note.id = el.id + '-unavailable';
    note.textContent = el.getAttribute('data-unavailable') || '';
    el.parentNode.insertBefore(note, el.nextSibling);
  }

  function link(marker) {
    var box = document.createElement('div');
    var title = document.createElement(marker.url ? 'a' : 'strong');
    title.textContent = marker.title || '';
    if (marker.url) { title.href = marker.url; }
    box.appendChild(title);
    if (marker.price) {
      var price = document.createElement('div');
      price.textContent = marker.price;
      box.appendChild(price);
    }
    return box;
  }

  function show(el) {
    var markers = [];
    try { markers = JSON.parse(el.getAttribute('data-markers') || '[]'); } catch (ignored) { markers = []; }
    if (!markers.length) { return; }
    if (!window.L) { degrade(el); return; }
    el.hidden = false;
    el.setAttribute('data-state', 'loading');
    if (el.getAttribute('data-images')) { L.Icon.Default.imagePath = el.getAttribute('data-images'); }
    var map = L.map(el, {
      crs: el.getAttribute('data-crs') === 'EPSG3395' ? L.CRS.EPSG3395 : L.CRS.EPSG3857,
      scrollWheelZoom: false
    });
    var started = 0, failed = 0, loaded = false;
    var tiles = L.tileLayer(el.getAttribute('data-tiles'), {
      subdomains: el.getAttribute('data-subdomains') || 'abc',
      maxZoom: parseInt(el.getAttribute('data-max-zoom'), 10) || 19,
      attribution: el.getAttribute('data-attribution') || ''
    });
    tiles.on('tileloadstart', function () { started++; });
    tiles.on('tileload', function () {
      loaded = true;
      el.setAttribute('data-state', 'ready');
    });
    tiles.on('tileerror', function () {
      failed++;
      if (!loaded && failed >= started) { degrade(el); }
    });
    tiles.addTo(map);
    var points = markers.map(function (m) {
      var marker = L.marker([m.lat, m.lng], { title: m.title || '', alt: m.title || '' }).addTo(map);
      marker.bindPopup(link(m));
      return [m.lat, m.lng];
    });
    if (points.length === 1) {
      map.setView(points[0], 16);
    } else {
      map.fitBounds(points, { padding: [24, 24], maxZoom: 16 });
    }
    window.setTimeout(function () { if (!loaded) { degrade(el); } }, WAIT_MS);
  }

  // Leaflet (data-leaflet-js, data-leaflet-css: 45 KB of script) is fetched only for a map
  // that is about to be seen, not with every page that has one below the fold or in a
  // closed <details>; once, for every map of the page. Without it (offline, blocked) the
  // map degrades as before.
  var leaflet = null;

  function withLeaflet(el, then) {
    var src = el.getAttribute('data-leaflet-js');
    if (window.L || !src) { then(); return; }
    if (!leaflet) {
      // the map is drawn once both the script and its style sheet have arrived (or failed)
      var href = el.getAttribute('data-leaflet-css');
      leaflet = { done: false, pending: href ? 2 : 1, waiting: [] };
      var arrived = function () {
        if (--leaflet.pending > 0) { return; }
        leaflet.done = true;
        leaflet.waiting.splice(0).forEach(function (f) { f(); });
      };
      if (href) {
        var link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        link.onload = link.onerror = arrived;
        document.head.appendChild(link);
      }
      var script = document.createElement('script');
      script.src = src;
      script.onload = script.onerror = arrived;
      document.head.appendChild(script);
    }
    if (leaflet.done) { then(); } else { leaflet.waiting.push(then); }
  }

  function draw(el) {
    withLeaflet(el, function () { show(el); });
  }

  // the map element itself is hidden until its tiles load: watch what holds it
  function whenNear(el, then) {
    if (!('IntersectionObserver' in window)) { then(); return; }
    var seen = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { seen.disconnect(); then(); }
    }, { rootMargin: '400px 0px' });
    seen.observe(el.parentNode);
  }

  function start() {
    document.querySelectorAll('[data-tiles][data-markers]').forEach(function (el) {
      var details = el.closest('details');
      if (details && !details.open) {
        // a map in a closed <details> is drawn when it opens (Leaflet needs its size)
        details.addEventListener('toggle', function once() {
          if (details.open) { details.removeEventListener('toggle', once); draw(el); }
        });
      } else {
        whenNear(el, function () { draw(el); });
      }
    });
  }

  // for scripts and tests that add a map later
  window.ZhilyeGoMap = { show: draw };
  document.addEventListener('DOMContentLoaded', start);
})();
