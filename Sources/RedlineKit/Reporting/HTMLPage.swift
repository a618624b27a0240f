/// The frame of every HTML report: one self-contained page with no request of any kind (a
/// content-security policy allows only the page's own inline style and script, and images from
/// `data:`), readable without scripts, and printable on A4.
enum HTMLPage {
    /// The page up to the start of `<main>`.
    static func head(title: String) -> HTMLText {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
        script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>\(title)</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <main>

        """
    }

    /// The end of the page, with the inline script of `script` (nil: none).
    static func tail(script: HTMLText? = nil) -> HTMLText {
        var out: HTMLText =
            "</main>\n<footer><p>Made by redline. Every value from a record, a rule set or a list is shown as text.</p></footer>\n"
        if let script { out += "<script>\n\(script)</script>\n" }
        return out + "</body>\n</html>\n"
    }

    /// Opens every collapsed section before printing, so paper has everything.
    static let printScript: HTMLText = """
        window.addEventListener('beforeprint', function () {
          document.querySelectorAll('details').forEach(function (d) { d.open = true; });
        });

        """

    /// Sorting (click a heading) and filtering (the search box) of the records table; without
    /// scripts the table is complete and in path order.
    static let tableScript: HTMLText = """
        (function () {
          var table = document.getElementById('record-table');
          if (!table) { return; }
          var body = table.tBodies[0];
          var filter = document.getElementById('filter');
          filter.addEventListener('input', function () {
            var words = filter.value.toLowerCase();
            Array.prototype.forEach.call(body.rows, function (row) {
              row.hidden = words !== '' && row.textContent.toLowerCase().indexOf(words) < 0;
            });
          });
          Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, column) {
            var ascending = true;
            cell.addEventListener('click', function () {
              var rows = Array.prototype.slice.call(body.rows);
              var numeric = cell.classList.contains('num');
              rows.sort(function (a, b) {
                var x = a.cells[column].textContent, y = b.cells[column].textContent;
                var order = numeric ? (parseFloat(x) || -1) - (parseFloat(y) || -1) : x.localeCompare(y);
                return ascending ? order : -order;
              });
              ascending = !ascending;
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
        })();

        """

    /// The stylesheet: tones, findings, source excerpts, tables, and print rules (A4, no cut
    /// rows or excerpts, collapsed sections opened).
    static let style: HTMLText = """
        :root { --clean: #1a7f37; --attention: #9a6700; --severe: #cf222e; --inactive: #57606a; \
        --error: #8250df; --line: #d0d7de; --muted: #57606a; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; margin: 0; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; }
        h1 { font-size: 1.6rem; margin: .5rem 0; }
        h2 { font-size: 1.3rem; margin: 1.5rem 0 .3rem; overflow-wrap: anywhere; }
        h3 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
        h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
        .status, .where, footer, .muted { color: var(--muted); }
        .verdict { font-size: 1.25rem; margin: .3rem 0; }
        .badge { display: inline-block; padding: .1rem .6rem; border-radius: .3rem; color: #fff; font-weight: 700; \
        letter-spacing: .03em; }
        .tone-clean .badge, .badge.tone-clean { background: var(--clean); }
        .tone-attention .badge, .badge.tone-attention { background: var(--attention); }
        .tone-severe .badge, .badge.tone-severe { background: var(--severe); }
        .tone-inactive .badge, .badge.tone-inactive { background: var(--inactive); }
        .tone-error .badge, .badge.tone-error { background: var(--error); }
        section.record { border-top: 3px solid var(--line); margin-top: 1.5rem; }
        article.finding { border-left: 4px solid var(--line); padding: .2rem 0 .2rem .8rem; margin: .8rem 0; \
        break-inside: avoid; }
        article.sev-critical { border-left-color: var(--severe); }
        article.sev-major { border-left-color: #bc4c00; }
        article.sev-minor { border-left-color: var(--attention); }
        article.sev-info { border-left-color: var(--inactive); }
        h5 { font-size: 1rem; margin: 0 0 .2rem; }
        pre.source { background: #f6f8fa; border: 1px solid var(--line); padding: .4rem 0; overflow-x: auto; \
        font-size: 13px; line-height: 1.35; break-inside: avoid; }
        pre.source span.line { display: block; padding: 0 .6rem; white-space: pre; }
        pre.source span.line.hit { background: #fff8c5; border-left: 4px solid var(--attention); \
        padding-left: calc(.6rem - 4px); font-weight: 600; }
        pre.source .ln { display: inline-block; min-width: 3.5em; color: var(--muted); user-select: none; }
        blockquote { margin: .4rem 0; padding: .2rem .8rem; border-left: 3px solid #8c959f; color: #32383f; }
        blockquote footer { font-size: .9em; border: 0; margin: .2rem 0 0; padding: 0; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
        th, td { border-bottom: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; }
        td.num, th.num { text-align: right; }
        td code { white-space: nowrap; }
        tr { break-inside: avoid; }
        details { margin: .6rem 0; }
        summary { cursor: pointer; font-weight: 600; }
        code, .path { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; overflow-wrap: anywhere; }
        svg text { font: 13px system-ui, sans-serif; }
        footer { border-top: 1px solid var(--line); margin-top: 2rem; padding: .5rem 1.5rem; font-size: .85rem; }
        #filter { margin: .3rem 0; padding: .2rem .4rem; width: 20rem; max-width: 100%; }
        @media print {
          @page { size: A4; margin: 15mm; }
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          #filter, .noprint { display: none; }
          details > * { display: block; }
          section.record { break-before: page; }
          pre.source { white-space: pre-wrap; overflow: visible; }
          pre.source span.line { white-space: pre-wrap; }
          .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
