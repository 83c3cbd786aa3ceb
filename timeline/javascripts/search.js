// The site's search: the header's box, answered by Pagefind in the browser.
//
// Pagefind's index is split into small chunks (javascripts and index under /pagefind/), so a
// search fetches only the parts it needs, and nothing before the reader starts typing. Results
// show as the reader types: title, date, status and an excerpt with the words found marked.
// Filters (status, actor, place, tag, year) and the order (relevance or date) sit above them.
// Pagefind searches the index of the page's own language (<html lang>: "en", or "id" on the
// Indonesian edition's pages), so each edition finds its own pages; the box's words are the
// edition's (data-words), and numbers and names are written and sorted the language's way.
(function () {
  "use strict";
  var box = document.querySelector("[data-tl-search]");
  if (!box) return;
  var words = JSON.parse(box.getAttribute("data-words") || "{}");
  var input = box.querySelector(".tl-search__input");
  var form = box.querySelector(".tl-search__form");
  var panel = box.querySelector(".tl-search__panel");
  var fieldset = box.querySelector(".tl-search__filters");
  var summary = box.querySelector(".tl-search__summary");
  var list = box.querySelector(".tl-search__results");
  var more = box.querySelector(".tl-search__more");
  var close = box.querySelector(".tl-search__close");
  var index = new URL(box.getAttribute("data-pagefind"), document.baseURI);
  var language = document.documentElement.lang || undefined;
  var FACETS = ["status", "actor", "place", "tag", "year"];
  var PAGE = 10;
  var pagefind = null;
  var selects = {};
  var sort = null;
  var found = [];
  var shown = 0;
  var asked = 0;

  function say(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind.js", index).href).then(function (module) {
        // Results link to pages under the site's root, wherever the site is published.
        return module.options({ baseUrl: new URL("..", index).pathname, excerptLength: 24 }).then(function () {
          // The filters' values come while the first search runs, not before it.
          module.filters().then(build);
          return module;
        });
      });
    }
    return pagefind;
  }

  // A select for each filter, with the values the index holds and how many pages have each.
  function build(values) {
    FACETS.forEach(function (name) {
      var options = values[name] || {};
      var keys = Object.keys(options);
      if (!keys.length) return;
      keys.sort(name === "year" ? function (a, b) { return a < b ? 1 : -1; } : function (a, b) { return a.localeCompare(b, language); });
      var label = element("label", "tl-search__filter");
      label.appendChild(element("span", "", words[name]));
      var select = element("select");
      select.name = name;
      select.appendChild(new Option(words.any, ""));
      keys.forEach(function (key) { select.appendChild(new Option(key + " (" + options[key].toLocaleString(language) + ")", key)); });
      label.appendChild(select);
      fieldset.appendChild(label);
      selects[name] = select;
    });
    var label = element("label", "tl-search__filter");
    label.appendChild(element("span", "", words.sort));
    sort = element("select");
    sort.name = "sort";
    [["", words.relevance], ["desc", words.newest], ["asc", words.oldest]].forEach(function (pair) {
      sort.appendChild(new Option(pair[1], pair[0]));
    });
    label.appendChild(sort);
    fieldset.appendChild(label);
  }

  function chosen() {
    var filters = {};
    Object.keys(selects).forEach(function (name) {
      if (selects[name].value) filters[name] = selects[name].value;
    });
    return filters;
  }

  function open() {
    panel.hidden = false;
  }

  function shut(focusInput) {
    panel.hidden = true;
    if (focusInput && input.value) input.focus();
    else box.classList.remove("tl-search--open");
  }

  function search() {
    var term = input.value.trim();
    var ask = ++asked;
    load().then(function (module) {
      var filters = chosen();
      if (!term && !Object.keys(filters).length) {
        list.textContent = "";
        summary.textContent = "";
        more.hidden = true;
        return null;
      }
      open();
      panel.setAttribute("aria-busy", "true");
      summary.textContent = words.loading;
      var options = { filters: filters };
      if (sort && sort.value) options.sort = { date: sort.value };
      return module.search(term || null, options).then(function (answer) {
        if (ask !== asked) return;  // a newer search has started
        found = answer.results;
        shown = 0;
        list.textContent = "";
        var n = found.length;
        var line = n === 0 ? words.none : n === 1 ? words.one : say(words.results, { n: n.toLocaleString(language) });
        summary.textContent = term ? line + " " + say(words["for"], { q: term }) : line;
        return show().then(function () { panel.setAttribute("aria-busy", "false"); });
      });
    }).catch(function () {
      open();
      summary.textContent = words.unavailable;
    });
  }

  // The next page of results, each with its title, date, status and excerpt.
  function show() {
    var next = found.slice(shown, shown + PAGE);
    shown += next.length;
    more.hidden = shown >= found.length;
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      pages.forEach(function (page) {
        var meta = page.meta || {};
        var item = element("li", "tl-search__result");
        var link = element("a", "tl-search__title", meta.title || page.url);
        link.href = page.url;
        item.appendChild(link);
        if (meta.date || meta.status) {
          var line = element("p", "tl-search__meta");
          if (meta.date) line.appendChild(element("span", "tl-date", meta.date));
          if (meta.status) {
            line.appendChild(document.createTextNode(" "));
            line.appendChild(element("span", "tl-status tl-status--" + (meta.statusid || ""), meta.status));
          }
          item.appendChild(line);
        }
        item.appendChild(excerptOf(page.excerpt));
        list.appendChild(item);
      });
    });
  }

  // The excerpt as text with only its <mark>s kept: parsed inert (a template runs and loads
  // nothing), then copied node by node, so no markup in a page's text can ever become HTML here.
  function excerptOf(html) {
    var parsed = document.createElement("template");
    parsed.innerHTML = html || "";
    var excerpt = element("p", "tl-search__excerpt");
    Array.prototype.forEach.call(parsed.content.childNodes, function (node) {
      if (node.nodeName === "MARK") excerpt.appendChild(element("mark", "", node.textContent));
      else excerpt.appendChild(document.createTextNode(node.textContent));
    });
    return excerpt;
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  input.addEventListener("input", function () { window.clearTimeout(input._timer); input._timer = window.setTimeout(search, 150); });
  // Pagefind's script loads when the box is first focused; a click brings earlier results back.
  input.addEventListener("focus", function () { load(); });
  input.addEventListener("click", function () { if (list.children.length) open(); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && links().length) { event.preventDefault(); links()[0].focus(); }
    if (event.key === "Escape") shut(true);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    // On a phone the box is hidden behind its button: the first press opens it.
    if (input.offsetParent === null) {
      box.classList.add("tl-search--open");
      input.focus();
      return;
    }
    search();
  });
  fieldset.addEventListener("change", search);
  more.addEventListener("click", function () {
    var first = shown;
    show().then(function () { var all = links(); if (all[first]) all[first].focus(); });
  });
  close.addEventListener("click", function () { shut(true); });
  panel.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape") { event.preventDefault(); shut(true); }
    if (at < 0) return;
    if (event.key === "ArrowDown" && at + 1 < all.length) { event.preventDefault(); all[at + 1].focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? all[at - 1] : input).focus(); }
  });
  document.addEventListener("click", function (event) {
    if (!panel.hidden && !box.contains(event.target)) shut(false);
  });

  // The search page (where the box leads without JavaScript) runs the search in its address.
  var asked_for = new URLSearchParams(window.location.search).get("q");
  if (asked_for && document.querySelector("[data-tl-search-page]")) {
    input.value = asked_for;
    search();
  }
})();
