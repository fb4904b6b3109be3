import HTTPTypes

extension HTTPField.Name {
  /// Tells browsers not to guess a response's media type.
  static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
  /// The request id of the log line that records the request.
  static let xRequestID = HTTPField.Name("X-Request-ID")!
}
