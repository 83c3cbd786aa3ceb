// The timeline's filters and its as-of view (search is javascripts/search.js).

// Filters on /timeline/: by actor, place, tag and status, and the timeline as it was known on
// any day (?as-of=2024-10-21). The state lives in the URL (/timeline/?actor=kim-jong-un&status=disputed),
// so a view can be shared. Without JavaScript the form stays hidden, the whole timeline shows,
// and every facet has its own page.
(function () {
  "use strict";
  var form = document.querySelector("form.tl-filters");
  if (!form) return;
  var rail = document.querySelector(".tl-rail");
  var words = JSON.parse(form.getAttribute("data-words") || "{}");
  var cards = Array.prototype.slice.call(rail.querySelectorAll("[data-event-id]")).map(function (element) {
    var badge = element.querySelector(".tl-status");
    return {
      element: element,
      status: element.dataset.status,
      known: element.dataset.known || "",
      // "2024-10-18:claimed 2024-10-21:disputed": how the status changed, oldest first.
      steps: (element.dataset.steps || "").split(" ").filter(Boolean).map(function (step) { return step.split(":"); }),
      badge: badge,
      label: badge ? badge.textContent : ""
    };
  });
  // The overview's marks: each event's, dimmed like its card; counts per period, by their lane and day.
  var marks = Array.prototype.slice.call(document.querySelectorAll(".tl-ov a[data-event-id]")).map(function (element) {
    return {
      element: element,
      status: element.dataset.status,
      known: element.dataset.known || "",
      steps: (element.dataset.steps || "").split(" ").filter(Boolean).map(function (step) { return step.split(":"); })
    };
  });
  var counts = Array.prototype.slice.call(document.querySelectorAll(".tl-ov a[data-count]"));
  var count = form.querySelector(".tl-filters__count");
  var asOf = form.elements["as-of"];
  // Filter name → the card's data attribute holding its values, separated by spaces.
  var facets = { actor: "actors", place: "places", tag: "tags", status: "status" };
  var DAY = /^\d{4}-\d{2}-\d{2}$/;

  function say(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function showDay(day) {
    var parts = day.split("-");
    var months = words.months || [];
    return Number(parts[2]) + " " + (months[Number(parts[1]) - 1] || parts[1]) + " " + parts[0];
  }

  // The card's status on a day, or null when the event was not yet known then.
  function statusOn(card, day) {
    if (!day) return card.status;
    if (card.known && day < card.known) return null;
    var status = card.status;
    if (card.steps.length) {
      card.steps.forEach(function (step) { if (step[0] <= day) status = step[1]; });
    }
    return status;
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    Object.keys(facets).forEach(function (name) {
      var select = form.elements[name];
      var wanted = params.get(name) || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
      select.value = known ? wanted : "";
    });
    var day = params.get("as-of") || "";
    asOf.value = DAY.test(day) ? day : "";
  }

  function apply() {
    var day = DAY.test(asOf.value) ? asOf.value : "";
    rail.classList.toggle("tl-rail--as-of", Boolean(day));
    var shown = 0;
    cards.forEach(function (card) {
      var status = statusOn(card, day);
      var element = card.element;
      if (status !== null) {
        element.dataset.status = status;
        element.className = element.className.replace(/tl-event--(confirmed|reported|claimed|disputed)/, "tl-event--" + status);
        if (card.badge) {
          card.badge.className = "tl-status tl-status--" + status;
          card.badge.textContent = day ? (words.statuses || {})[status] || status : card.label;
        }
      }
      element.hidden = status === null || !Object.keys(facets).every(function (name) {
        var wanted = form.elements[name].value;
        return !wanted || (element.dataset[facets[name]] || "").split(" ").indexOf(wanted) >= 0;
      });
      if (!element.hidden) shown += 1;
    });
    marks.forEach(function (mark) {
      var status = statusOn(mark, day);
      var out = status === null || !Object.keys(facets).every(function (name) {
        var wanted = form.elements[name].value;
        var values = name === "status" ? status : mark.element.dataset[facets[name]] || "";
        return !wanted || values.split(" ").indexOf(wanted) >= 0;
      });
      mark.element.classList.toggle("tl-ov__mark--left-out", out);
    });
    counts.forEach(function (bar) {
      var wanted = form.elements.status.value;
      var lane = bar.dataset.lane;
      var out = (day && bar.dataset.date > day) || (wanted && lane in (words.statuses || {}) && lane !== wanted);
      bar.classList.toggle("tl-ov__mark--left-out", Boolean(out));
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
    var total = cards.length;
    var line = shown === total ? say(total === 1 ? words.one : words.all, { n: shown })
      : say(words.some, { n: shown, total: total });
    if (day) {
      line = shown === 0 ? say(words.none, { day: showDay(day) })
        : line + ", " + say(words.asOf, { day: showDay(day) });
    }
    count.textContent = line;
    var params = new URLSearchParams();
    Object.keys(facets).forEach(function (name) {
      if (form.elements[name].value) params.set(name, form.elements[name].value);
    });
    if (day) params.set("as-of", day);
    var query = params.toString();
    window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
  }

  form.hidden = false;
  readUrl();
  apply();
  form.addEventListener("change", apply);
  form.addEventListener("input", function (event) { if (event.target === asOf) apply(); });
  form.addEventListener("reset", function () { window.setTimeout(apply); });
  window.addEventListener("popstate", function () { readUrl(); apply(); });
})();
