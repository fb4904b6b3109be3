import Foundation

/// The OpenAPI 3.1 document of the server, built from ``RouteTable`` — the same values the router
/// registers — so that the document and the routes cannot drift apart.
enum OpenAPIDocument {
  static let version = "0.1.0"

  static func build(_ table: RouteTable = .standard) -> JSONValue {
    var paths: [(String, JSONValue)] = []
    for route in table.routes {
      for (path, suffix) in route.allPaths {
        paths.append((path, ["get": operation(route, suffix: suffix)]))
      }
    }
    return [
      "openapi": "3.1.0",
      "info": [
        "title": "Dyad",
        "version": .string(version),
        "description": """
        The ties between two countries, from open data, with provenance on every figure. Read-only. \
        States are named by any name or code (China, PRC, CHN, CN, cow:710, imf:924). Every table is also \
        CSV: send `Accept: text/csv` or add `.csv` to the path. Errors are RFC 9457 problem documents. \
        Responses carry a strong ETag; send it back in If-None-Match for a 304.
        """,
        "license": ["name": "Each figure carries its source's licence; see /api/v1/datasets."],
      ],
      "servers": [["url": "/"]],
      "tags": .array(Route.Section.allCases.map { ["name": .string($0.rawValue)] }),
      "paths": .object(paths),
      "components": ["schemas": schemas, "responses": responses],
    ]
  }

  /// The document as JSON bytes.
  static func data(_ table: RouteTable = .standard) throws -> Data {
    try JSONCoding.encode(build(table))
  }

  static func operation(_ route: Route, suffix: Format?) -> JSONValue {
    var parameters: [JSONValue] = route.pathParameters.map { parameter in
      [
        "name": .string(parameter.name), "in": "path", "required": true, "description": .string(parameter.description),
        "schema": ["type": "string"],
      ]
    }
    parameters += route.query.map(queryParameter)
    let formats = suffix.map { [$0] } ?? route.formats
    var content: [(String, JSONValue)] = []
    for format in formats {
      let schema: JSONValue
      switch format {
      case .json: schema = route.schema?.json ?? ["type": "object"]
      case .csv:
        schema = [
          "type": "string",
          "description": .string(route.table?.documentation ?? "RFC 4180 CSV with a header row; missing values are empty."),
        ]
      case .html: schema = ["type": "string", "description": "A server-rendered HTML page."]
      case .markdown: schema = ["type": "string", "description": "Markdown."]
      }
      content.append((format.mediaType, ["schema": schema]))
    }
    var responses: [(String, JSONValue)] = [
      ("200", ["description": "OK", "headers": validatorHeaders, "content": .object(content)]),
      ("304", ["description": "Not modified: the If-None-Match header matches the ETag."]),
    ]
    if !route.query.isEmpty || !route.pathParameters.isEmpty || route.isStrict {
      responses.append(("400", ["$ref": "#/components/responses/BadRequest"]))
    }
    if !route.pathParameters.isEmpty { responses.append(("404", ["$ref": "#/components/responses/NotFound"])) }
    responses.append(("405", ["$ref": "#/components/responses/MethodNotAllowed"]))
    if suffix == nil { responses.append(("406", ["$ref": "#/components/responses/NotAcceptable"])) }
    responses.append(("414", ["$ref": "#/components/responses/URITooLong"]))
    var operationID = route.id
    if let suffix { operationID += "As" + suffix.rawValue.prefix(1).uppercased() + suffix.rawValue.dropFirst() }
    var members: [(String, JSONValue)] = [
      ("operationId", .string(operationID)),
      ("tags", [.string(route.section.rawValue)]),
      ("summary", .string(route.summary)),
    ]
    if !route.description.isEmpty || route.table != nil {
      let text = [route.description, route.table?.documentation ?? ""].filter { !$0.isEmpty }.joined(separator: "\n\n")
      members.append(("description", .string(text)))
    }
    if let table = route.table {
      members.append(
        (
          "x-dyad-columns",
          .array(table.columns.map { ["name": .string($0.name), "description": .string($0.summary)] })
        ))
    }
    if !parameters.isEmpty { members.append(("parameters", .array(parameters))) }
    members.append(("responses", .object(responses)))
    return .object(members)
  }

  static func queryParameter(_ parameter: QueryParameter) -> JSONValue {
    var schema: JSONValue
    switch parameter.kind {
    case .year:
      schema = [
        "type": "integer", "minimum": .integer(QueryParameter.yearBounds.lowerBound),
        "maximum": .integer(QueryParameter.yearBounds.upperBound),
      ]
    case .text(let maxLength): schema = ["type": "string", "maxLength": .integer(maxLength)]
    case .choice(let options): schema = ["type": "string", "enum": .array(options.map { .string($0) })]
    case .choices(let options):
      schema = [
        "type": "string",
        "pattern": .string("^(\(options.joined(separator: "|")))(,(\(options.joined(separator: "|"))))*$"),
      ]
    case .dyad: schema = ["type": "string", "pattern": "^[^/]+/[^/]+$"]
    }
    if parameter.repeatable { schema = ["type": "array", "items": schema, "maxItems": 4] }
    var members: [(String, JSONValue)] = [
      ("name", .string(parameter.name)), ("in", "query"), ("required", false),
      ("description", .string(parameter.description)), ("schema", schema),
    ]
    if parameter.repeatable { members += [("style", "form"), ("explode", true)] }
    if let example = parameter.example { members.append(("example", .string(example))) }
    return .object(members)
  }

  static let validatorHeaders: JSONValue = [
    "ETag": ["description": "A strong validator of the body.", "schema": ["type": "string"]],
    "Cache-Control": ["description": "How long the response may be reused.", "schema": ["type": "string"]],
  ]

  static func problemResponse(_ description: String) -> JSONValue {
    [
      "description": .string(description),
      "content": ["application/problem+json": ["schema": ["$ref": "#/components/schemas/Problem"]]],
    ]
  }

  static let responses: JSONValue = [
    "BadRequest": problemResponse(
      "A malformed or unknown query parameter, a bad year or an inverted range, a malformed path or query string, the same state twice, a name that means several states in the years asked (ambiguous-state, with the candidates), or years in which a state did not exist (state-did-not-exist)."
    ),
    "NotFound": problemResponse(
      "No state answers to a name or code (with suggestions), or a dataset is not in the store."),
    "MethodNotAllowed": problemResponse("The API is read-only: only GET and HEAD."),
    "NotAcceptable": problemResponse("The Accept header matches none of the resource's media types."),
    "URITooLong": problemResponse("The request target is longer than 2048 bytes."),
  ]

  static let schemas: JSONValue = .object(
    [
      ("State", JSONSchema.object([("id", .string()), ("name", .string())])),
      ("Years", .object([("from", .integer()), ("to", .integer())])),
      (
        "Source",
        .object(
          [
            ("publisher", .string()), ("title", .string()), ("date", .string()), ("url", .string(format: "uri")),
            ("licence", .string()),
          ],
          optional: ["licence"])
      ),
      (
        "StoredSource",
        .object(
          [
            ("id", .integer()), ("publisher", .string()), ("title", .string()), ("date", .string()), ("url", .string()),
            ("licence", .nullable(.string())),
          ], optional: ["licence"])
      ),
      (
        "StateMatch",
        .object(
          [
            ("id", .string()), ("name", .string()), ("years", .string()), ("matchedBy", .string()),
            ("matchedName", .string()),
            ("from", .string(description: "When the matched name or code came into use, if it did.", format: "date")),
            ("to", .string(description: "When the matched name or code went out of use, if it did.", format: "date")),
            ("codes", .map(.string(), description: "Codes by scheme: cow, cowc, gw, gwc, iso2, iso3, m49, imf.")),
            (
              "periods",
              .array(
                .object(
                  [("from", .nullable(.string(format: "date"))), ("to", .string(format: "date")), ("name", .string())],
                  optional: ["from"]))
            ),
          ],
          optional: ["matchedBy", "matchedName", "from", "to"])
      ),
      (
        "Event",
        .object(
          [
            ("id", .string()), ("date", .string(format: "date")), ("precision", .string()), ("kind", .string()),
            ("states", .array(.string())), ("title", .string()), ("description", .string()),
            ("place", .nullable(.string())),
            ("source", .ref("Source")),
          ], optional: ["place"])
      ),
      (
        "Fact",
        .object(
          [
            ("dimension", .string()), ("topic", .string()), ("statement", .string()),
            ("date", .nullable(.string(format: "date"))),
            ("sources", .array(.ref("Source"))),
          ], optional: ["date"])
      ),
      (
        "Problem",
        .object(
          [
            ("type", .string(format: "uri")), ("title", .string()), ("status", .integer()), ("detail", .string()),
            ("instance", .string()), ("suggestions", .array(.string())), ("parameter", .string()),
            ("allowed", .array(.string())),
            (
              "candidates",
              .array(
                .object(
                  [
                    ("id", .string()), ("name", .string()), ("cow", .string()), ("years", .string()),
                    ("existed", .string()), ("say", .string()),
                  ], optional: ["cow"],
                  description: "A state an ambiguous name could mean, with what to say to mean it alone."))
            ),
          ],
          optional: ["suggestions", "parameter", "allowed", "candidates"], description: "An RFC 9457 problem document.")
      ),
    ].map { ($0.0, $0.1.json) })
}
