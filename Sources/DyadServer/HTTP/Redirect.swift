/// A redirect a handler asks for by throwing, before doing any work: to a page's canonical address
/// (`/dyads/China/Russia` → `/dyads/CHN/RUS`) or from a form to its result.
struct Redirect: Error, Sendable {
  let location: String
  /// 308 (permanent, canonical addresses) or 303 (see other, form results).
  let permanent: Bool
}
