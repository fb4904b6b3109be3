/// The frame of every page: head, inline style sheet, site header and footer. No scripts, no
/// external resources: pages work without JavaScript and without network access.
struct PageLayout {
  let title: String
  /// The main navigation entry to mark current.
  var current: String = ""

  func render(main: String, description: String = "") -> String {
    func nav(_ href: String, _ label: String) -> String {
      "<a href=\"\(href)\"\(current == label ? " aria-current=\"page\"" : "")>\(label)</a>"
    }
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(HTML.escape(title)) · Dyad</title>
      \(description.isEmpty ? "" : "<meta name=\"description\" content=\"\(HTML.escape(description))\">")
      <style>\(Self.css)</style>
      </head>
      <body>
      <a class="skip" href="#main">Skip to content</a>
      <header class="site"><div class="bar">
      <a class="brand" href="/">Dyad</a>
      <nav aria-label="Site">\(nav("/", "Compare"))\(nav("/sources", "Sources"))\(nav("/api/v1/openapi.json", "API"))</nav>
      </div></header>
      <main id="main">
      \(main)
      </main>
      <footer class="site"><p>Dyad answers questions about the ties between two countries from open data; every figure cites its source. Read-only. <a href="/api/v1">JSON API</a> · <a href="/api/v1/openapi.json">OpenAPI</a></p></footer>
      </body>
      </html>

      """
  }

  static let sans = "system-ui,-apple-system,\"Segoe UI\",Roboto,Helvetica,Arial,sans-serif"

  static let css = """
    :root{--ink:#1b1f24;--muted:#59626e;--rule:#d9dde3;--accent:#0b4f8a;--accent-soft:#e8f0f8;--soft:#f4f6f9;--warn:#8a4b0b;--bad:#9b1c1c}
    *{box-sizing:border-box}
    html{font-size:16px;-webkit-text-size-adjust:100%}
    body{margin:0;color:var(--ink);background:#fff;font-family:Charter,"Bitstream Charter","Source Serif Pro",Georgia,serif;line-height:1.55}
    a{color:var(--accent)}
    .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.3rem .6rem;z-index:2}
    header.site{background:var(--accent);color:#fff}
    header.site .bar{max-width:72rem;margin:0 auto;padding:.6rem 1.25rem;display:flex;align-items:center;gap:1.5rem;flex-wrap:wrap}
    .brand{color:#fff;font:700 1.25rem/1 \(sans);text-decoration:none;letter-spacing:.02em}
    header.site nav{display:flex;gap:1.1rem;font:500 .95rem/1 \(sans)}
    header.site nav a{color:#dce8f5;text-decoration:none;padding:.25rem 0;border-bottom:2px solid transparent}
    header.site nav a[aria-current]{color:#fff;border-bottom-color:#fff}
    main{max-width:72rem;margin:0 auto;padding:1.25rem 1.25rem 2.5rem}
    footer.site{max-width:72rem;margin:0 auto;padding:1rem 1.25rem 2rem;border-top:1px solid var(--rule);color:var(--muted);font:.82rem/1.5 \(sans)}
    h1{font:700 2rem/1.2 \(sans);margin:.6rem 0 .3rem}
    h1 a{color:inherit;text-decoration:none}h1 a:hover{text-decoration:underline}
    h2{font:700 1.35rem/1.3 \(sans);margin:2.2rem 0 .4rem;padding-top:.6rem;border-top:1px solid var(--rule)}
    h3{font:600 1.05rem/1.3 \(sans);margin:1.4rem 0 .3rem}
    .lede{font-size:1.1rem;color:var(--muted);margin:.2rem 0 1rem}
    .kicker{margin:0;font:600 .78rem/1.2 \(sans);letter-spacing:.12em;text-transform:uppercase;color:var(--accent)}
    .meta{font:.85rem/1.4 \(sans);color:var(--muted)}
    form.controls{display:flex;flex-wrap:wrap;gap:.8rem 1rem;align-items:flex-end;background:var(--soft);border:1px solid var(--rule);border-radius:8px;padding:.8rem 1rem;margin:1rem 0;font:.9rem/1.3 \(sans)}
    form.controls label{display:flex;flex-direction:column;gap:.25rem;font-weight:600;color:var(--muted)}
    form.controls input{font:1rem/1.2 \(sans);padding:.45rem .55rem;border:1px solid #b9c0c9;border-radius:5px;min-width:0;background:#fff;color:var(--ink)}
    form.controls input.year{width:6.5rem}
    form.controls input.state{width:16rem;max-width:100%}
    form.controls input.pair{width:11rem}
    form.controls button{font:600 1rem/1.2 \(sans);padding:.5rem 1.1rem;border:0;border-radius:5px;background:var(--accent);color:#fff;cursor:pointer}
    form.controls .hint{flex-basis:100%;font-weight:400;color:var(--muted);margin:0}
    .picker{max-width:44rem}
    .picker input.state{width:100%}
    .picker label{flex:1 1 14rem}
    .pairs{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none;font:.95rem \(sans)}
    .pairs a{display:inline-block;padding:.35rem .7rem;border:1px solid var(--rule);border-radius:999px;text-decoration:none;background:#fff}
    .pairs a:hover{background:var(--accent-soft)}
    .problem{border:1px solid #e6b3b3;background:#fdf3f3;border-radius:8px;padding:.6rem 1rem;margin:1rem 0;font:.95rem/1.5 \(sans)}
    .problem strong{color:var(--bad)}
    .layout{display:grid;grid-template-columns:minmax(0,1fr) 15rem;gap:2rem;align-items:start}
    .layout aside.side{position:sticky;top:1rem;font:.88rem/1.5 \(sans)}
    aside.side h2{font-size:.95rem;margin:0 0 .3rem;border:0;padding:0}
    aside.side ol,aside.side ul{margin:0 0 1rem;padding-left:1.2rem}
    aside.side a{text-decoration:none}
    aside.side details{margin:0 0 1rem}aside.side details ul{margin:.3rem 0 0}
    .downloads{display:flex;flex-wrap:wrap;gap:.4rem;margin:.4rem 0 1rem;padding:0;list-style:none}
    .downloads a{display:inline-block;padding:.3rem .65rem;border:1px solid var(--accent);border-radius:5px;text-decoration:none;font:600 .85rem \(sans)}
    .summary{background:var(--accent-soft);border-left:4px solid var(--accent);padding:.3rem 1.2rem .6rem;margin-top:1.2rem;border-radius:0 8px 8px 0}
    .summary h2{border:0;margin-top:.6rem}
    .question{margin:.1rem 0 1rem;font-style:italic;color:var(--muted)}
    .evidence{margin:-.6rem 0 1rem;font-size:.85rem;color:var(--muted)}
    .evidence .stale{color:#8a4b00}
    .evidence .missing{font-style:italic}
    .callout{border:1px solid var(--rule);border-left:4px solid var(--accent);background:var(--soft);padding:.6rem 1rem;margin:1rem 0;border-radius:0 6px 6px 0}
    .callout-title{margin:0 0 .2rem;font:700 .9rem/1.3 \(sans);text-transform:uppercase;letter-spacing:.04em;color:var(--accent)}
    .callout p{margin:.2rem 0}
    sup.ref{font:600 .68rem \(sans);margin-left:1px;overflow-wrap:anywhere}
    sup.ref a{text-decoration:none}
    figure.chart{margin:1.2rem 0;padding:.8rem;border:1px solid var(--rule);border-radius:8px}
    figure.chart svg{width:100%;height:auto;display:block}
    figcaption{font:.85rem/1.45 \(sans);color:var(--muted);margin-top:.4rem}
    details{margin-top:.4rem;font:.85rem \(sans)}
    summary{cursor:pointer;color:var(--accent)}
    .table-wrap{overflow-x:auto;margin:.8rem 0;-webkit-overflow-scrolling:touch}
    table{border-collapse:collapse;width:100%;font:.86rem/1.4 \(sans)}
    table.compact{width:auto;min-width:min(24rem,100%)}
    caption{text-align:left;font-weight:600;padding:.3rem 0}
    th,td{padding:.32rem .5rem;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
    thead th{border-bottom:2px solid var(--ink);white-space:nowrap}
    td.date,th.date,td.short,th.short{white-space:nowrap}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    .gap{background:#fff7ed;border:1px dashed #e0b27a;padding:.5rem .8rem;border-radius:6px;font:.9rem/1.45 \(sans)}
    .gap code,code{background:var(--soft);padding:0 .25rem;border-radius:3px;font-size:.88em;word-break:break-word}
    .notes ol{font:.82rem/1.45 \(sans);padding-left:1.6rem}
    .notes a{word-break:break-all}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:1rem;margin:1rem 0}
    .card{border:1px solid var(--rule);border-radius:8px;padding:.8rem 1rem;font:.9rem/1.5 \(sans)}
    .card h3{margin:0 0 .4rem}
    .card ol{margin:0;padding-left:1.3rem}
    .tag{display:inline-block;font:600 .72rem/1.6 \(sans);padding:0 .45rem;border-radius:4px;background:var(--soft);color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
    .tag.ok{background:#e6f4ea;color:#1e6b34}
    @media (max-width:900px){.layout{grid-template-columns:minmax(0,1fr);gap:.5rem}.layout aside.side{position:static;order:-1;border:1px solid var(--rule);border-radius:8px;padding:.6rem .9rem}aside.side .toc{columns:2;column-gap:1.5rem}}
    @media (max-width:640px){html{font-size:15px}h1{font-size:1.6rem}main{padding:1rem .9rem 2rem}header.site .bar{padding:.6rem .9rem;gap:.8rem}
      form.controls{padding:.7rem}form.controls input.state,form.controls input.pair{width:100%}form.controls label{flex:1 1 100%}
      form.controls label.year-field{flex:1 1 40%}.summary{padding:.2rem .8rem .4rem}.summary ul,.content ul{padding-left:1.1rem}form.controls input.year{width:100%}aside.side .toc{columns:1}th,td{padding:.28rem .35rem}
      table.stack thead{display:none}table.stack tr{display:block;border-bottom:1px solid var(--rule);padding:.45rem 0}table.stack th,table.stack td{display:block;border:0;padding:.08rem 0}table.stack td::before{content:attr(data-label) ": ";font-weight:600;color:var(--muted)}}
    @media print{header.site,footer.site,form.controls,aside.side,.downloads{display:none}.layout{display:block}}
    """
}
