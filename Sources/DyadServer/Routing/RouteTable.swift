import DyadAnswers
import DyadCore

/// Every route the server answers, in one table: the router registers these and the OpenAPI
/// document describes these.
struct RouteTable: Sendable {
  let routes: [Route]

  /// The route whose template matches a path, if any.
  func route(matching path: String) -> Route? { routes.first { $0.matches(path) } }

  static let standard = RouteTable(routes: pages + api)

  static let dyadParameters: [(name: String, description: String)] = [
    ("a", "The first state: any name or code (China, PRC, CHN, CN, cow:710)."),
    ("b", "The second state: any name or code."),
  ]

  // MARK: - Pages

  static let pages: [Route] = [
    Route(
      "homePage", "/", section: .pages, summary: "Home: pick two states",
      description:
        "A form to pick two states by any name or code. With `a` and `b` that both name a state, redirects (303) to the dyad page; otherwise lists the candidates for each.",
      query: [
        QueryParameter("a", "The first state, as typed.", kind: .text(maxLength: 80), example: "China"),
        QueryParameter("b", "The second state, as typed.", kind: .text(maxLength: 80), example: "Russia"),
      ], formats: [.html], handler: HomePage.handle),
    Route(
      "dyadPage", "/dyads/{a}/{b}", section: .pages, summary: "The dyad dashboard",
      description:
        "The report's sections and charts for two states, with a year-range and a compare-with control (GET forms), and links to the report downloads. Names are redirected (308) to the canonical ids.",
      pathParameters: dyadParameters, query: [.from, .to, .compare], formats: [.html], handler: DyadPage.handle),
    Route(
      "dyadReportDownload", "/dyads/{a}/{b}/report", section: .pages, summary: "The backgrounder report, for download",
      description:
        "The report as one self-contained HTML file, Markdown or JSON; choose with the suffix (`report.html`, `report.md`, `report.json`) or the Accept header.",
      pathParameters: dyadParameters, query: [.from, .to, .compare], formats: [.html, .markdown, .json],
      suffixes: [.html, .markdown, .json], handler: ReportAPI.download),
    Route(
      "statePage", "/states/{id}", section: .pages, summary: "A state: names, codes and strongest partners",
      pathParameters: [("id", "The state: any name or code.")], formats: [.html], handler: StatePage.handle),
    Route(
      "sourcesPage", "/sources", section: .pages, summary: "Datasets and sources",
      description: "Every dataset Dyad knows with what the store holds of it, and every source the store cites.",
      formats: [.html], handler: SourcesPage.handle),
  ]

  // MARK: - API

  static let api: [Route] = [
    Route(
      "apiIndex", "/api/v1", section: .meta, summary: "The API's resources, as links",
      schema: .object([("links", .map(.string()))]), handler: MetaAPI.index),
    Route(
      "openAPI", "/api/v1/openapi.json", section: .meta, summary: "This OpenAPI 3.1 document", cache: .versioned,
      schema: .any(description: "An OpenAPI 3.1 document."), handler: MetaAPI.openAPI),
    Route(
      "health", "/healthz", section: .meta, summary: "Liveness and store health", cache: .noStore, memoize: false,
      schema: .object([("status", .string()), ("datasets", .integer()), ("cachedResponses", .integer())]),
      handler: MetaAPI.health),
    Route(
      "searchStates", "/api/v1/states", section: .states, summary: "Search states by any name or code",
      description: "Without `q`, every state in the registry by name.", query: [.query], formats: [.json, .csv],
      suffixes: [.csv],
      schema: .object([
        ("query", .nullable(.string())), ("states", .array(.ref("StateMatch"))),
        ("suggestions", .array(.string(), description: "The nearest names when nothing matched.")),
      ]), table: StateAnswers.schema, handler: StatesAPI.search),
    Route(
      "getState", "/api/v1/states/{id}", section: .states, summary: "A state's names, codes and periods",
      pathParameters: [("id", "The state: any name or code.")],
      schema: .object([
        ("state", .ref("StateMatch")), ("aliases", .array(.string())), ("start", .nullable(.string(format: "date"))),
        ("end", .nullable(.string(format: "date"))), ("links", .map(.string())),
      ]), handler: StatesAPI.detail),
    Route(
      "listSources", "/api/v1/sources", section: .sources, summary: "Every source the store cites",
      formats: [.json, .csv], suffixes: [.csv], schema: .object([("sources", .array(.ref("StoredSource")))]),
      table: SourceAnswers.schema, handler: SourcesAPI.sources),
    Route(
      "listDatasets", "/api/v1/datasets", section: .sources,
      summary: "The datasets Dyad knows and what the store holds",
      formats: [.json, .csv], suffixes: [.csv],
      schema: .object([
        (
          "datasets",
          .array(
            .any(
              description:
                "A dataset: name, title, publisher, version, url, licence, coverage, files, and `imported` when in the store."
            ))
        )
      ]),
      table: DatasetAnswers.schema, handler: SourcesAPI.datasets),
    Route(
      "getDyad", "/api/v1/dyads/{a}/{b}", section: .dyads, summary: "A dyad's resources, as links",
      pathParameters: dyadParameters,
      schema: envelope(.object([("links", .map(.string())), ("datasets", .array(.string()))])),
      handler: DyadRecordAPI.summary),
    Route(
      "dyadEvents", "/api/v1/dyads/{a}/{b}/events", section: .dyads,
      summary: "The timeline: events and joint exercises, oldest first", pathParameters: dyadParameters,
      query: [.from, .to, .kind], formats: [.json, .csv], suffixes: [.csv], schema: envelope(.array(.ref("Event"))),
      table: TimelineAnswers.schema, handler: DyadRecordAPI.events),
    Route(
      "dyadFacts", "/api/v1/dyads/{a}/{b}/facts", section: .dyads,
      summary: "Sourced statements: treaties, institutions, meetings, trade, exercises", pathParameters: dyadParameters,
      query: [.dimension], formats: [.json, .csv], suffixes: [.csv], schema: envelope(.array(.ref("Fact"))),
      table: FactAnswers.schema, handler: DyadRecordAPI.facts),
    Route(
      "dyadTreaties", "/api/v1/dyads/{a}/{b}/treaties", section: .dyads, summary: "Treaties binding both states",
      pathParameters: dyadParameters, formats: [.json, .csv], suffixes: [.csv],
      schema: envelope(
        .array(.any(description: "A treaty: id, name, states, signed, inForce, ended, obligations, source."))),
      table: TreatyAnswers.schema, handler: DyadRecordAPI.treaties),
    Route(
      "dyadExercises", "/api/v1/dyads/{a}/{b}/exercises", section: .dyads,
      summary: "Joint military exercises (curated)", pathParameters: dyadParameters, query: [.from, .to],
      formats: [.json, .csv], suffixes: [.csv],
      schema: envelope(
        .array(.any(description: "An exercise: id, name, start, end, participants, isBilateral, domain, source."))),
      table: ExerciseAnswers.schema, handler: DyadRecordAPI.exercises),
    Route(
      "dyadMilitary", "/api/v1/dyads/{a}/{b}/military", section: .dyads,
      summary: "Military ties by year: alliances, arms transfers, spending, capabilities, exercises",
      description:
        "The years default to 2000 to this year. The CSV has one row per year, oriented to A and B as given.",
      pathParameters: dyadParameters, query: [.from, .to], formats: [.json, .csv], suffixes: [.csv],
      schema: envelope(.any(description: "A military profile: dyad, names, years, rows (one per year), notes.")),
      table: MilitaryAnswers.schema, handler: MilitaryAPI.military),
    Route(
      "dyadConflict", "/api/v1/dyads/{a}/{b}/conflict", section: .dyads,
      summary: "Conflicts, rivalries and geography by year: MIDs (COW and GML), wars, rivalries, UCDP conflicts, contiguity",
      description:
        "The years default to 1816 to this year. A year outside a dataset's coverage is null in the JSON and empty in the CSV (unknown, never none). The CSV has one row per year, oriented to A and B as given.",
      pathParameters: dyadParameters, query: [.from, .to], formats: [.json, .csv], suffixes: [.csv],
      schema: envelope(
        .any(description: "A conflict profile: dyad, names, years, rows (one per year), summary, coverage, notes.")),
      table: ConflictAnswers.schema, handler: ConflictAPI.conflict),
    Route(
      "dyadPolitics", "/api/v1/dyads/{a}/{b}/politics", section: .dyads,
      summary: "Political systems, leaders and demography by year: V-Dem, Freedom House, Polity2, leaders, UN WPP",
      description:
        "The years default to the last 25. A value a dataset lacks is null in the JSON and empty in the CSV (unknown, never zero); population is five-yearly, projections marked. The CSV has one row per year, oriented to A and B as given.",
      pathParameters: dyadParameters, query: [.from, .to], formats: [.json, .csv], suffixes: [.csv],
      schema: envelope(
        .any(description: "A politics profile: dyad, years, rows (one per year), sides (leaders, population, median age, last observed years), coverage, notes.")),
      table: PoliticsAnswers.schema, handler: PoliticsAPI.politics),
    Route(
      "dyadVerdict", "/api/v1/dyads/{a}/{b}/verdict", section: .dyads,
      summary: "Are they allies? The verdict for a year, every rule with its evidence",
      description:
        "Shown beside the same verdict for United States–United Kingdom and United States–Japan. The year defaults to this year. The CSV lists the rules.",
      pathParameters: dyadParameters, query: [.year], formats: [.json, .csv], suffixes: [.csv],
      schema: envelope(
        .object([
          (
            "verdict",
            .any(description: "The verdict: tie, summary, rules with findings and evidence, alliance, notes.")
          ),
          ("references", .array(.any(description: "The same verdict for a reference dyad."))),
        ])), table: VerdictAnswers.schema, handler: MilitaryAPI.verdict),
    Route(
      "dyadAlignment", "/api/v1/dyads/{a}/{b}/alignment", section: .dyads,
      summary: "UN General Assembly vote alignment by year, with percentiles among all dyads and a reference dyad",
      description:
        "Measures: agree, agreeHalf, s (Signorino–Ritter), pi (Scott), kappa (Cohen), ranked by `rank_by` (s by default), beside the reference dyads of `compare` (USA–GBR and USA–JPN by default), as `dyad alignment`. Needs the unga-votes dataset (404 problem otherwise).",
      pathParameters: dyadParameters,
      query: [
        .from, .to, DiplomaticAPI.issue, DiplomaticAPI.important, DiplomaticAPI.rankBy, DiplomaticAPI.source, .compare,
      ],
      formats: [.json, .csv], suffixes: [.csv],
      schema: envelope(
        .any(
          description:
            "The alignment: alignment (filter, years, coverage, rows of year, votes, measures, percentiles, medians, dyads; overall, references, source), rankedBy, windows, idealPoints."
        )),
      table: AlignmentAnswers.schema, handler: DiplomaticAPI.alignment),
    Route(
      "dyadVetoes", "/api/v1/dyads/{a}/{b}/vetoes", section: .dyads,
      summary: "UN Security Council vetoes: each side's, the joint ones, the last without the other",
      description: "Needs the unsc-vetoes dataset (404 problem otherwise).", pathParameters: dyadParameters,
      query: [.from, .to], formats: [.json, .csv], suffixes: [.csv],
      schema: envelope(.any(description: "A veto summary: sides, joint, permanentMembers, coverage, source, notes.")),
      table: VetoAnswers.schema, handler: DiplomaticAPI.vetoes),
    Route(
      "dyadInstitutions", "/api/v1/dyads/{a}/{b}/institutions", section: .dyads,
      summary: "Shared institutions: COW IGO counts by year and curated memberships", pathParameters: dyadParameters,
      query: [.from, .to], formats: [.json, .csv], suffixes: [.csv],
      schema: envelope(
        .any(
          description:
            "Shared institutions: years (shared and each side's IGO counts, curated), memberships, igoCoverage, igoSource."
        )),
      table: InstitutionAnswers.schema, handler: DiplomaticAPI.institutions),
    Route(
      "dyadTrade", "/api/v1/dyads/{a}/{b}/trade", section: .dyads,
      summary: "Trade by year from every series: flows, dependence, asymmetry, gaps between sources",
      description:
        "Money in current US$ millions; shares, growth and trade/GDP in percent. Directed figures are named from A's side. Without from and to, the years run from the later of the two states' current forms (Russia: 1992), at most 40 years back from the latest data, as `dyad trade`; a note says so.",
      pathParameters: dyadParameters, query: [.from, .to], formats: [.json, .csv], suffixes: [.csv],
      schema: envelope(
        .any(
          description:
            "A trade profile: rows (year, source, figures), comparisons, coverage, answer, notes, missingDatasets.")),
      table: TradeAnswers.schema, handler: EconomicAPI.trade),
    Route(
      "dyadReport", "/api/v1/dyads/{a}/{b}/report", section: .dyads,
      summary: "The backgrounder report: every section's text, figures, tables and notes",
      description:
        "The same report as `dyad report A B --format json`. The years default to 1946 to this year; the comparisons to USA–UK and USA–Japan.",
      pathParameters: dyadParameters, query: [.from, .to, .compare],
      schema: .any(
        description:
          "A report: title, subtitle, dyad, names, years, comparisons, generated, findings, sections (blocks), notes."),
      handler: ReportAPI.json),
    Route(
      "statePartners", "/api/v1/states/{id}/partners", section: .states,
      summary: "A state's strongest partners by each measure: trade share, UN vote agreement, shared institutions",
      pathParameters: [("id", "The state: any name or code.")], formats: [.json, .csv], suffixes: [.csv],
      schema: .object([
        ("state", .ref("State")),
        (
          "rankings",
          .array(
            .any(description: "A ranking: id, title, unit, year, source, partners (rank, state, value, label), note."))
        ),
      ]), table: PartnerRankingAnswers.schema, handler: PartnersAPI.partners),
  ]

  /// The schema of a dyad resource's JSON body around its data.
  static func envelope(_ data: JSONSchema) -> JSONSchema {
    .object(
      [
        ("states", .array(.ref("State"), description: "The two states, in the order asked.")),
        ("dyad", .string(description: "The two ids, as CHN–RUS.")),
        ("years", .nullable(.ref("Years"))),
        ("data", data),
        ("notes", .array(.string(), description: "Datasets not in the store and how to import them.")),
      ], optional: ["years", "notes"])
  }
}
