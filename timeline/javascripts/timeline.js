// Site scripts: an accessibility fix for the theme, and the timeline's filters.

// Material's search panel is a dialog without a name (axe-core: aria-dialog-name).
(function () {
  "use strict";
  var search = document.querySelector('.md-search[role="dialog"]');
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
})();

// Filters on /timeline/: by actor, place, tag and status. The state lives in the URL
// (/timeline/?actor=kim-jong-un&status=disputed), so a filtered view can be shared.
// Without JavaScript the form stays hidden and every facet has its own page.
(function () {
  "use strict";
  var form = document.querySelector("form.tl-filters");
  if (!form) return;
  var rail = document.querySelector(".tl-rail");
  var cards = Array.prototype.slice.call(rail.querySelectorAll("[data-event-id]"));
  var count = form.querySelector(".tl-filters__count");
  // Filter name → the card's data attribute holding its values, separated by spaces.
  var facets = { actor: "actors", place: "places", tag: "tags", status: "status" };

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    Object.keys(facets).forEach(function (name) {
      var select = form.elements[name];
      var wanted = params.get(name) || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
      select.value = known ? wanted : "";
    });
  }

  function matches(card) {
    return Object.keys(facets).every(function (name) {
      var wanted = form.elements[name].value;
      return !wanted || (card.dataset[facets[name]] || "").split(" ").indexOf(wanted) >= 0;
    });
  }

  function apply() {
    var shown = 0;
    cards.forEach(function (card) {
      card.hidden = !matches(card);
      if (!card.hidden) shown += 1;
    });
    // A year or month heading stays only while an event under it is shown.
    var headings = rail.querySelectorAll("h2, h3");
    Array.prototype.forEach.call(headings, function (heading) {
      var level = heading.tagName;
      var visible = false;
      for (var node = heading.nextElementSibling; node; node = node.nextElementSibling) {
        if (node.tagName === "H2" || (level === "H3" && node.tagName === "H3")) break;
        if (node.hasAttribute("data-event-id") && !node.hidden) { visible = true; break; }
      }
      heading.hidden = !visible;
    });
    count.textContent = shown === cards.length
      ? "Showing all " + shown + " events"
      : "Showing " + shown + " of " + cards.length + " events";
    var params = new URLSearchParams();
    Object.keys(facets).forEach(function (name) {
      if (form.elements[name].value) params.set(name, form.elements[name].value);
    });
    var query = params.toString();
    window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
  }

  form.hidden = false;
  readUrl();
  apply();
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply); });
  window.addEventListener("popstate", function () { readUrl(); apply(); });
})();
