// Verwijsgids map: progressive enhancement. The list works without this script; when
// Leaflet and a tile server are available, the results also appear on a map.
(function () {
  "use strict";
  function start() {
    var element = document.getElementById("provider-map");
    var source = document.getElementById("provider-map-data");
    if (!element || !source || !window.L) return;
    var data = JSON.parse(source.textContent);
    if (!data.tileUrl || !data.providers.length) return;
    element.hidden = false;
    var map = window.L.map(element, { scrollWheelZoom: false });
    window.L.tileLayer(data.tileUrl, { attribution: data.attribution, maxZoom: 18 }).addTo(map);
    var bounds = [data.centre];
    window.L.circleMarker(data.centre, { radius: 6, color: "#8a2c5f", fillOpacity: 0.9 }).addTo(map);
    data.providers.forEach(function (provider) {
      var point = [provider.lat, provider.lon];
      bounds.push(point);
      var link = document.createElement("a");
      link.href = provider.url;
      link.textContent = provider.name + " (" + provider.distance + " km)";
      var popup = link;
      var style = { radius: 8, color: "#00596b", fillOpacity: 0.7 };
      if (provider.demo) {
        // An invented demo entry says so on the map too, in words (not only a colour).
        popup = document.createElement("span");
        var badge = document.createElement("strong");
        badge.className = "badge badge--demo";
        badge.textContent = data.demoLabel;
        popup.appendChild(badge);
        popup.appendChild(document.createElement("br"));
        popup.appendChild(link);
        style = { radius: 8, color: "#8a2c5f", dashArray: "3 3", fillOpacity: 0.3 };
      }
      window.L.circleMarker(point, style).bindPopup(popup).addTo(map);
    });
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 });
    element.setAttribute("data-ready", "true");
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
