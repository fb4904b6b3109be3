import Foundation
import Hummingbird

/// A response body ready to send: its bytes, media type and strong entity tag.
///
/// Payloads are immutable and shared between requests through ``ResponseCache``.
struct Payload: Sendable {
  let body: ByteBuffer
  let format: Format
  let etag: String
  /// `Content-Disposition` for downloads, such as the report files.
  let filename: String?

  init(_ data: Data, format: Format, filename: String? = nil) {
    self.body = ByteBuffer(bytes: data)
    self.format = format
    self.etag = EntityTag.strong(for: data)
    self.filename = filename
  }

  init(_ text: String, format: Format, filename: String? = nil) {
    self.init(Data(text.utf8), format: format, filename: filename)
  }

  var byteCount: Int { body.readableBytes }

  /// The response for a request: 304 when `If-None-Match` matches the tag, else 200 with the body.
  func response(to request: Request, cache: CachePolicy, vary: Bool) -> Response {
    var headers = HTTPFields()
    headers[.eTag] = etag
    headers[.cacheControl] = cache.header
    if vary { headers[.vary] = "Accept" }
    if let match = request.headers[.ifNoneMatch], EntityTag.matches(ifNoneMatch: match, tag: etag) {
      return Response(status: .notModified, headers: headers)
    }
    headers[.contentType] = format.contentType
    if let filename {
      headers[.contentDisposition] = "attachment; filename=\"\(filename)\""
    }
    if format == .html {
      headers[.contentSecurityPolicy] =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }
    headers[.xContentTypeOptions] = "nosniff"
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
  }
}
