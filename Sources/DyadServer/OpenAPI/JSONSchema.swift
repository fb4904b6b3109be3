/// The JSON Schema (2020-12, as OpenAPI 3.1 uses it) of a response, written in code beside its
/// route.
indirect enum JSONSchema: Sendable {
  case string(description: String? = nil, format: String? = nil)
  case integer(description: String? = nil)
  case number(description: String? = nil)
  case boolean(description: String? = nil)
  case array(JSONSchema, description: String? = nil)
  /// An object with its properties (all required unless listed as optional).
  case object(_ properties: [(String, JSONSchema)], optional: [String] = [], description: String? = nil)
  /// An object whose property values share a schema (a map).
  case map(JSONSchema, description: String? = nil)
  /// A component schema of the document (`#/components/schemas/Name`).
  case ref(String)
  /// A value or null.
  case nullable(JSONSchema)
  /// Any JSON value, described in words (the analyses' nested records).
  case any(description: String)

  var json: JSONValue {
    switch self {
    case .string(let description, let format):
      var members: [(String, JSONValue)] = [("type", "string")]
      if let format { members.append(("format", .string(format))) }
      if let description { members.append(("description", .string(description))) }
      return .object(members)
    case .integer(let description):
      return .object([("type", "integer")] + (description.map { [("description", .string($0))] } ?? []))
    case .number(let description):
      return .object([("type", "number")] + (description.map { [("description", .string($0))] } ?? []))
    case .boolean(let description):
      return .object([("type", "boolean")] + (description.map { [("description", .string($0))] } ?? []))
    case .array(let items, let description):
      return .object(
        [("type", "array"), ("items", items.json)] + (description.map { [("description", .string($0))] } ?? []))
    case .object(let properties, let optional, let description):
      var members: [(String, JSONValue)] = [("type", "object")]
      members.append(("properties", .object(properties.map { ($0.0, $0.1.json) })))
      let required = properties.map(\.0).filter { !optional.contains($0) }
      if !required.isEmpty { members.append(("required", .array(required.map { .string($0) }))) }
      if let description { members.append(("description", .string(description))) }
      return .object(members)
    case .map(let values, let description):
      return .object(
        [("type", "object"), ("additionalProperties", values.json)]
          + (description.map { [("description", .string($0))] } ?? []))
    case .ref(let name):
      return ["$ref": .string("#/components/schemas/\(name)")]
    case .nullable(let schema):
      return ["oneOf": [schema.json, ["type": "null"]]]
    case .any(let description):
      return ["description": .string(description)]
    }
  }
}
