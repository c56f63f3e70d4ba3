import Hummingbird
import NIOCore

/// The console's stylesheet and script, served from memory: no CDN, nothing read from disk.
enum Assets {
    static func response(for name: String) throws -> Response {
        let (type, text): (String, String)
        switch name {
        case "winnow.css": (type, text) = ("text/css; charset=utf-8", stylesheet)
        case "winnow.js": (type, text) = ("text/javascript; charset=utf-8", script)
        default: throw APIError(.notFound, "no asset named '\(name)'")
        }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600", .xContentTypeOptions: "nosniff"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Progressive enhancement only: every page works without it.
    /// - `data-poll` on the body: every 2 s, fetch the page again and swap the `[data-live]` parts,
    ///   until the page says nothing is running any more.
    /// - `data-toggle`, `data-confirm`, `data-select-all`: show filtering fields, confirm deletions, select all.
    /// - a thumbnail or image that fails to load is replaced by an "image unavailable" placeholder.
    static let script = #"""
        (function () {
          "use strict";
          function swapLive(doc) {
            document.querySelectorAll("[data-live][id]").forEach(function (el) {
              var fresh = doc.getElementById(el.id);
              if (fresh) { el.replaceWith(fresh); }
            });
          }
          function poll() {
            fetch(location.href, { credentials: "same-origin", headers: { "X-Winnow-Poll": "1" } })
              .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
              .then(function (text) {
                var doc = new DOMParser().parseFromString(text, "text/html");
                swapLive(doc);
                if (doc.body.hasAttribute("data-poll")) { setTimeout(poll, 2000); } else { document.body.removeAttribute("data-poll"); }
              })
              .catch(function () { setTimeout(poll, 5000); });
          }
          // A thumbnail the server could not render (missing or corrupt file) becomes a placeholder.
          function markBroken(img) {
            if (img.parentElement) { img.parentElement.classList.add("broken"); img.parentElement.setAttribute("data-broken", "image unavailable"); }
          }
          document.addEventListener("error", function (event) {
            if (event.target && event.target.tagName === "IMG") { markBroken(event.target); }
          }, true);
          document.addEventListener("DOMContentLoaded", function () {
            document.querySelectorAll(".thumb img, .frame img").forEach(function (img) {
              if (img.complete && img.naturalWidth === 0 && img.getAttribute("loading") !== "lazy") { markBroken(img); }
            });
            if (document.body.hasAttribute("data-poll")) { setTimeout(poll, 2000); }
            document.querySelectorAll("[data-toggle]").forEach(function (box) {
              var target = document.getElementById(box.getAttribute("data-toggle"));
              var sync = function () { if (target) { target.hidden = !box.checked; } };
              box.addEventListener("change", sync); sync();
            });
            document.querySelectorAll("form[data-confirm]").forEach(function (form) {
              form.addEventListener("submit", function (event) {
                if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
              });
            });
            document.querySelectorAll("[data-select-all]").forEach(function (all) {
              all.addEventListener("change", function () {
                document.querySelectorAll("input[name=ids]").forEach(function (box) { box.checked = all.checked; });
              });
            });
          });
        })();
        """#

    static let stylesheet = #"""
        :root { --ink: #1d2433; --muted: #677086; --line: #dfe3ea; --bg: #f5f7fa; --card: #fff; --accent: #1f6feb; --hard: #c2410c; --ok: #15803d; --bad: #b91c1c; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: var(--bg); }
        a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; background: #eef1f5; padding: 1px 4px; border-radius: 3px; overflow-wrap: anywhere; }
        header.top { display: flex; align-items: center; gap: 24px; padding: 0 24px; height: 48px; background: #18202f; color: #fff; }
        header.top .brand { color: #fff; font-weight: 700; font-size: 16px; letter-spacing: .5px; }
        header.top nav { display: flex; gap: 4px; flex: 1; }
        header.top nav a { color: #c9d1e0; padding: 13px 12px; } header.top nav a.active { color: #fff; box-shadow: inset 0 -3px 0 var(--accent); }
        header.top button.link { background: none; border: 0; color: #c9d1e0; cursor: pointer; }
        main { max-width: 1240px; margin: 0 auto; padding: 20px 24px 48px; }
        h1 { font-size: 22px; margin: 8px 0 16px; } h2 { font-size: 16px; margin: 0 0 10px; } h3 { font-size: 14px; margin: 0 0 8px; }
        .heading { display: flex; align-items: center; justify-content: space-between; gap: 16px; }
        .crumbs { margin: 0; color: var(--muted); }
        .muted { color: var(--muted); } .small { font-size: 12px; } .num { text-align: right; font-variant-numeric: tabular-nums; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; margin: 0 0 16px; }
        .card.narrow { max-width: 420px; margin: 40px auto; }
        details.card summary { cursor: pointer; font-weight: 600; }
        details.mining { margin: 4px 0 10px; } details.mining summary { cursor: pointer; font-weight: 600; margin-bottom: 6px; }
        .form textarea { display: block; width: 100%; max-width: 520px; margin-top: 4px; padding: 7px 9px; border: 1px solid #c6ccd8; border-radius: 6px; font: 12px ui-monospace, monospace; }
        table.list { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
        table.list th, table.list td { text-align: left; padding: 9px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
        table.list th { background: #f0f3f7; font-weight: 600; font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .3px; }
        table.fields th { text-align: left; color: var(--muted); font-weight: 500; padding: 5px 18px 5px 0; white-space: nowrap; vertical-align: top; }
        table.fields td { padding: 5px 0; }
        .progress-cell { min-width: 180px; }
        progress { width: 140px; height: 10px; vertical-align: middle; accent-color: var(--accent); }
        .pill { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px; font-weight: 600; background: #e8ecf2; color: #3b4456; }
        .pill.on, .status-finished, .status-completed { background: #dcfce7; color: var(--ok); }
        .status-running, .status-importing, .status-deploying, .status-queued { background: #dbeafe; color: #1d4ed8; }
        .status-failed { background: #fee2e2; color: var(--bad); } .status-stopped, .pill.off { background: #eef0f3; color: #59627a; }
        .tabs { display: flex; gap: 2px; border-bottom: 1px solid var(--line); margin: 8px 0 16px; }
        .tabs a { padding: 8px 14px; color: var(--muted); border-bottom: 2px solid transparent; margin-bottom: -1px; }
        .tabs a.active { color: var(--ink); border-color: var(--accent); font-weight: 600; }
        .tabs .count { display: inline-block; min-width: 20px; padding: 0 6px; border-radius: 10px; background: #e8ecf2; font-size: 11px; text-align: center; }
        button, .button { display: inline-block; font: inherit; padding: 6px 14px; border-radius: 6px; border: 1px solid #c6ccd8; background: #fff; color: var(--ink); cursor: pointer; }
        button.primary, .button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
        button.danger { color: var(--bad); border-color: #f1b4b4; } button[disabled] { opacity: .5; cursor: not-allowed; }
        form.inline { display: inline; } .actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 8px; }
        .form label { display: block; margin: 0 0 12px; font-weight: 500; }
        .form input:not([type=checkbox]), .form select { display: block; width: 100%; max-width: 520px; margin-top: 4px; padding: 7px 9px; border: 1px solid #c6ccd8; border-radius: 6px; font: inherit; }
        .form .row { display: flex; gap: 16px; } .form .row label { flex: 1; }
        .form fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 14px; padding: 10px 14px; }
        .hint { display: block; color: var(--muted); font-size: 12px; font-weight: 400; margin-top: 3px; }
        .notice { background: #eef6ff; border: 1px solid #bfdbfe; padding: 8px 12px; border-radius: 6px; }
        .error { color: var(--bad); } .empty { color: var(--muted); padding: 24px; text-align: center; background: var(--card); border: 1px dashed var(--line); border-radius: 8px; }
        .hint-box { background: #fff7ed; border: 1px solid #fed7aa; padding: 10px 12px; border-radius: 6px; margin: 8px 0; }
        .filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 0 0 14px; }
        .filters input, .filters select { padding: 4px 6px; border: 1px solid #c6ccd8; border-radius: 5px; font: inherit; }
        .charts { display: flex; gap: 16px; flex-wrap: wrap; } .charts .card { flex: 1; min-width: 320px; } .charts .card.wide { flex-basis: 100%; } img.chart { max-width: 100%; }
        svg.chart .bar { fill: #3b82f6; } svg.chart .axis, svg.chart .value { font-size: 11px; fill: var(--muted); } svg.chart .axis-line { stroke: var(--line); }
        svg.chart .bar.drift { fill: var(--hard); } svg.chart .band { fill: #bbf7d0; } svg.chart .median { stroke: var(--ok); stroke-width: 2; }
        .batchbar { display: flex; align-items: center; gap: 12px; margin-bottom: 10px; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 12px; }
        .sample { position: relative; background: var(--card); border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
        .sample.state-to_be_confirmed { border-color: #fdba74; }
        .sample > input[type=checkbox] { position: absolute; top: 8px; left: 8px; z-index: 2; width: 18px; height: 18px; }
        .thumb { position: relative; display: block; aspect-ratio: 4 / 3; background: #e9edf3; }
        .thumb img, .frame img { width: 100%; height: 100%; object-fit: contain; display: block; }
        .thumb.broken img, .frame.broken img { visibility: hidden; }
        .thumb.broken::after, .frame.broken::after { content: attr(data-broken); position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; color: var(--muted); font-size: 12px; }
        svg.overlay { position: absolute; inset: 0; width: 100%; height: 100%; pointer-events: none; }
        svg.overlay rect { fill: none; stroke: #f97316; stroke-width: 2; } svg.overlay .confirmed rect { stroke: #22c55e; }
        svg.overlay text { fill: #f97316; font-weight: 700; paint-order: stroke; stroke: #fff; } svg.overlay .confirmed text { fill: #16a34a; }
        .sample .meta { padding: 8px 10px; } .sample .labels { font-weight: 600; margin: 2px 0; }
        .sample .state { font-size: 11px; color: var(--muted); margin-left: 6px; } .source { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .badge { display: inline-block; padding: 0 7px; border-radius: 4px; font-size: 11px; font-weight: 700; background: #e8ecf2; }
        .badge.hard { background: #ffedd5; color: var(--hard); }
        .chip { display: inline-block; margin: 2px 3px 0 0; padding: 0 7px; border-radius: 10px; font-size: 11px; background: #f1f5f9; border: 1px solid #e2e8f0; color: #334155; white-space: nowrap; }
        .pager { display: flex; gap: 10px; align-items: center; justify-content: flex-end; margin-top: 14px; }
        .sample-page { display: flex; gap: 18px; align-items: flex-start; } .viewer { flex: 3; min-width: 0; } .side { flex: 2; }
        .frame { position: relative; background: #e9edf3; border-radius: 8px; overflow: hidden; aspect-ratio: 4 / 3; }
        ul.boxes { list-style: none; padding: 0; } ul.boxes li { margin: 4px 0; }
        table.reasons td { font-size: 13px; }
        """#
}
