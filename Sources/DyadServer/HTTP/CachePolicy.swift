/// How long clients and proxies may reuse a response (`Cache-Control`).
enum CachePolicy: Sendable, Equatable {
  /// Figures from the store: they change only when a dataset is imported.
  case data
  /// Documents that change only with a new version of Dyad (the OpenAPI document).
  case versioned
  /// Never stored: health checks, errors.
  case noStore

  /// The `Cache-Control` header value.
  var header: String {
    switch self {
    case .data: "public, max-age=300"
    case .versioned: "public, max-age=3600"
    case .noStore: "no-store"
    }
  }
}
