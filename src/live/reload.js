// Injected by `statusrapport serve` into the HTML it sends, never written to out/.
// Reloads the page when a rebuild changed a file it shows (the page itself, what an element
// loads with `src`, its stylesheets), shows a failed build's problems over the page, and opens
// PDF links in the viewer page that reloads too.
(() => {
  "use strict";
  const ID = "statusrapport-overlay";
  const shown = () => {
    const paths = new Set();
    const add = (url) => {
      const u = new URL(url, location.href);
      if (u.origin !== location.origin) return;
      let p = decodeURIComponent(u.pathname);
      if (p.endsWith("/")) p += "index.html";
      paths.add(p);
    };
    add(location.href);
    document.querySelectorAll("[src]").forEach((e) => add(e.src));
    document.querySelectorAll('link[rel="stylesheet"]').forEach((e) => add(e.href));
    return paths;
  };
  const overlay = (text) => {
    let o = document.getElementById(ID);
    if (!o) {
      o = document.createElement("div");
      o.id = ID;
      o.setAttribute("role", "alert");
      const h = document.createElement("p");
      h.textContent = "The build failed; the last good outputs stay. Fix the content and save.";
      o.append(h, document.createElement("pre"));
      document.body.append(o);
    }
    o.querySelector("pre").textContent = text;
  };
  const viewPdfs = () => document.querySelectorAll("a[href]").forEach((a) => {
    if (a.origin === location.origin && a.pathname.endsWith(".pdf") && !a.search) {
      a.search = "?view";
    }
  });
  const events = new EventSource("/__statusrapport/events");
  events.addEventListener("built", (e) => {
    const changed = JSON.parse(e.data);
    const here = shown();
    if (document.getElementById(ID) || changed.some((p) => here.has(p))) location.reload();
  });
  events.addEventListener("failed", (e) => overlay(JSON.parse(e.data)));
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", viewPdfs);
  } else {
    viewPdfs();
  }
})();
