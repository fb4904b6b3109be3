import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A loopback HTTP server that serves dataset folders in the mirror layout `dyad sync --mirror`
/// reads (`/NAME/FILE`, and `/NAME/SHA256SUMS` when given), with the faults a real network has:
/// a connection dropped mid-file, a slow body, an error status, an HTML page for the file, a file
/// replaced by a newer release. It honours `Range` (with `If-Range`), `If-None-Match` and
/// `If-Modified-Since`, answers `HEAD`, serves as its own HTTP proxy (it answers `CONNECT` and
/// serves what comes through the tunnel), and records every request.
///
/// ```swift
/// let server = try MirrorServer(datasets: ["unsc-vetoes": SharedData.folder("unsc-vetoes")])
/// server.inject(.drop(afterBytes: 10_000), at: "/unsc-vetoes/unsc_vetoes_1946_sept2022.csv")
/// let base = server.baseURL  // http://127.0.0.1:PORT
/// ```
public final class MirrorServer: Sendable {
  /// What goes wrong with a request.
  public enum Fault: Sendable {
    /// The full length is announced, then the connection closes after this many body bytes.
    case drop(afterBytes: Int)
    /// The body arrives in chunks of `chunk` bytes, `delay` apart.
    case slow(chunk: Int, delay: Duration)
    /// The server answers with this status and a short HTML body.
    case status(Int)
    /// The server answers 200 with these bytes instead of the file.
    case body([UInt8], contentType: String)
  }

  /// A request the server saw.
  public struct Request: Sendable, Equatable {
    public let method: String
    public let path: String
    public let range: String?
    public let ifRange: String?
    public let ifNoneMatch: String?
  }

  private struct Content: Sendable {
    var bytes: [UInt8]
    var etag: String
    var lastModified: String
  }

  private struct State: Sendable {
    var datasets: [String: URL]
    var faults: [String: [Fault]] = [:]
    var overrides: [String: Content] = [:]
    var checksumLists: [String: String] = [:]
    var requests: [Request] = []
    var tunnels: [String] = []
    var cache: [String: Content] = [:]
  }

  private let state: Mutex<State>
  private let group: MultiThreadedEventLoopGroup
  private let channel: Mutex<(any Channel)?> = Mutex(nil)
  /// The port it listens on, on 127.0.0.1.
  public let port: Int

  /// Starts serving each dataset NAME's folder at `/NAME/`.
  public init(datasets: [String: URL]) throws {
    state = Mutex(State(datasets: datasets))
    group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let box = UncheckedBox(value: nil as MirrorServer?)
    let bootstrap = ServerBootstrap(group: group)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture { try MirrorHandler.install(on: channel, server: box) }
      }
    let channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
    port = channel.localAddress?.port ?? 0
    self.channel.withLock { $0 = channel }
    box.value = self
  }

  /// `http://127.0.0.1:PORT`.
  public var baseURL: String { "http://127.0.0.1:\(port)" }

  /// The next `times` requests for `path` meet `fault`, in turn after any faults already queued.
  public func inject(_ fault: Fault, at path: String, times: Int = 1) {
    state.withLock { $0.faults[path, default: []] += Array(repeating: fault, count: times) }
  }

  /// Drops the faults still queued.
  public func clearFaults() { state.withLock { $0.faults = [:] } }

  /// Serves these bytes at `path` from now on, as a new release (new ETag and date).
  public func replace(_ path: String, with bytes: [UInt8], lastModified: Date = Date()) {
    state.withLock {
      $0.overrides[path] = Content(
        bytes: bytes, etag: "\"r\(bytes.count)-\(Int(lastModified.timeIntervalSince1970))\"",
        lastModified: Self.httpDate(lastModified))
    }
  }

  /// Serves a checksum list at `/NAME/SHA256SUMS`.
  public func setChecksumList(_ text: String, for dataset: String) {
    state.withLock { $0.checksumLists[dataset] = text }
  }

  /// The requests so far, oldest first.
  public var requests: [Request] { state.withLock { $0.requests } }

  /// The `CONNECT` lines of proxy tunnels opened so far.
  public var tunnels: [String] { state.withLock { $0.tunnels } }

  fileprivate func recordTunnel(_ line: String) { state.withLock { $0.tunnels.append(line) } }

  /// Stops the server.
  public func shutdown() {
    let channel = self.channel.withLock { channel in
      defer { channel = nil }
      return channel
    }
    try? channel?.close().wait()
    try? group.syncShutdownGracefully()
  }

  deinit { shutdown() }

  // MARK: Answering

  fileprivate enum Answer {
    case respond(status: HTTPResponseStatus, headers: HTTPHeaders, body: [UInt8], fault: Fault?)
  }

  fileprivate func answer(_ head: HTTPRequestHead) -> Answer {
    let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
    let request = Request(
      method: head.method.rawValue, path: path, range: head.headers.first(name: "Range"),
      ifRange: head.headers.first(name: "If-Range"), ifNoneMatch: head.headers.first(name: "If-None-Match"))
    let (fault, content) = state.withLock { state -> (Fault?, Content?) in
      state.requests.append(request)
      var fault: Fault?
      if var queued = state.faults[path], !queued.isEmpty {
        fault = queued.removeFirst()
        state.faults[path] = queued
      }
      return (fault, Self.content(at: path, in: &state))
    }
    var headers = HTTPHeaders()
    switch fault {
    case .status(let code)?:
      headers.add(name: "Content-Type", value: "text/html")
      return .respond(
        status: HTTPResponseStatus(statusCode: code), headers: headers,
        body: Array("<html><body>error \(code)</body></html>".utf8), fault: nil)
    case .body(let bytes, let type)?:
      headers.add(name: "Content-Type", value: type)
      return .respond(status: .ok, headers: headers, body: bytes, fault: nil)
    default: break
    }
    guard let content else {
      headers.add(name: "Content-Type", value: "text/html")
      return .respond(
        status: .notFound, headers: headers, body: Array("<html><body>not found</body></html>".utf8), fault: nil)
    }
    headers.add(name: "ETag", value: content.etag)
    headers.add(name: "Last-Modified", value: content.lastModified)
    headers.add(name: "Accept-Ranges", value: "bytes")
    headers.add(name: "Content-Type", value: path.hasSuffix("SHA256SUMS") ? "text/plain" : "text/csv")
    if let tags = request.ifNoneMatch,
      tags.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == content.etag })
    {
      return .respond(status: .notModified, headers: headers, body: [], fault: nil)
    }
    if request.ifNoneMatch == nil, let since = head.headers.first(name: "If-Modified-Since"),
      since == content.lastModified
    {
      return .respond(status: .notModified, headers: headers, body: [], fault: nil)
    }
    if let range = request.range,
      request.ifRange == nil || request.ifRange == content.etag || request.ifRange == content.lastModified,
      range.hasPrefix("bytes="), let start = Int(range.dropFirst(6).split(separator: "-").first ?? "")
    {
      guard start < content.bytes.count else {
        headers.add(name: "Content-Range", value: "bytes */\(content.bytes.count)")
        return .respond(status: .rangeNotSatisfiable, headers: headers, body: [], fault: nil)
      }
      headers.add(name: "Content-Range", value: "bytes \(start)-\(content.bytes.count - 1)/\(content.bytes.count)")
      return .respond(status: .partialContent, headers: headers, body: Array(content.bytes[start...]), fault: fault)
    }
    return .respond(status: .ok, headers: headers, body: content.bytes, fault: fault)
  }

  private static func content(at path: String, in state: inout State) -> Content? {
    if let override = state.overrides[path] { return override }
    if let cached = state.cache[path] { return cached }
    let parts = path.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
    guard parts.count == 2, let folder = state.datasets[parts[0]] else { return nil }
    if parts[1] == "SHA256SUMS" {
      guard let list = state.checksumLists[parts[0]] else { return nil }
      return Content(
        bytes: Array(list.utf8), etag: "\"sums-\(list.utf8.count)\"",
        lastModified: httpDate(Date(timeIntervalSince1970: 0)))
    }
    let file = folder.appendingPathComponent(parts[1])
    guard !parts[1].hasPrefix("."), let data = try? Data(contentsOf: file),
      let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
    else { return nil }
    let modified = attributes[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0)
    let content = Content(
      bytes: Array(data), etag: "\"\(data.count)-\(Int(modified.timeIntervalSince1970))\"",
      lastModified: httpDate(modified))
    state.cache[path] = content
    return content
  }

  static func httpDate(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    return formatter.string(from: date)
  }
}

/// Lets the channel initializer reach the server once it exists.
private final class UncheckedBox<Value>: @unchecked Sendable {
  var value: Value
  init(value: Value) { self.value = value }
}

private final class MirrorHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let server: UncheckedBox<MirrorServer?>
  private var head: HTTPRequestHead?

  init(server: UncheckedBox<MirrorServer?>) { self.server = server }

  /// The pipeline of a connection: a proxy's `CONNECT` answered first, then HTTP/1.1 and the
  /// mirror's handler.
  static func install(on channel: any Channel, server: UncheckedBox<MirrorServer?>) throws {
    let operations = channel.pipeline.syncOperations
    try operations.addHandler(ProxyTunnel(server: server))
    try operations.configureHTTPServerPipeline()
    try operations.addHandler(MirrorHandler(server: server))
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head): self.head = head
    case .body: break
    case .end:
      guard let head, let server = server.value else { return }
      self.head = nil
      respond(to: head, with: server.answer(head), context: context)
    }
  }

  private func respond(to request: HTTPRequestHead, with answer: MirrorServer.Answer, context: ChannelHandlerContext) {
    guard case .respond(let status, var headers, let body, let fault) = answer else { return }
    headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
    let head = HTTPResponseHead(version: request.version, status: status, headers: headers)
    context.write(wrapOutboundOut(.head(head)), promise: nil)
    if request.method == .HEAD || body.isEmpty {
      context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
      return
    }
    switch fault {
    case .drop(let count)?:
      let part = Array(body.prefix(count))
      context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: part)))))
        .assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    case .slow(let chunk, let delay)?:
      sendSlowly(body[...], chunk: chunk, delay: delay, context: context)
    default:
      var offset = 0
      while offset < body.count {
        let end = min(offset + (1 << 20), body.count)
        context.write(
          wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body[offset..<end])))), promise: nil
        )
        offset = end
      }
      context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
  }

  private func sendSlowly(_ rest: ArraySlice<UInt8>, chunk: Int, delay: Duration, context: ChannelHandlerContext) {
    guard !rest.isEmpty else {
      context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
      return
    }
    let part = rest.prefix(chunk)
    context.writeAndFlush(
      wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: part)))), promise: nil)
    context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(delay)) {
      self.sendSlowly(rest.dropFirst(chunk), chunk: chunk, delay: delay, context: context)
    }
  }
}

/// Answers a proxy's `CONNECT HOST:PORT` (what an HTTP client sends to a proxy) with 200 and then
/// lets the connection's bytes through to the HTTP server behind it, as if the tunnel reached the
/// host: the mirror serves as its own proxy.
private final class ProxyTunnel: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  typealias InboundOut = ByteBuffer
  typealias OutboundOut = ByteBuffer

  private let server: UncheckedBox<MirrorServer?>
  private var preface: ByteBuffer?
  private var passing = false

  init(server: UncheckedBox<MirrorServer?>) { self.server = server }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    var bytes = unwrapInboundIn(data)
    if passing {
      context.fireChannelRead(wrapInboundOut(bytes))
      return
    }
    if var held = preface {
      held.writeBuffer(&bytes)
      bytes = held
    }
    let text = String(decoding: bytes.readableBytesView.prefix(8), as: UTF8.self)
    guard "CONNECT ".hasPrefix(text) else {
      passing = true
      preface = nil
      context.fireChannelRead(wrapInboundOut(bytes))
      return
    }
    let view = Array(bytes.readableBytesView)
    guard text == "CONNECT ",
      let end = view.indices.dropLast(3).first(where: { view[$0..<($0 + 4)] == [13, 10, 13, 10] })
    else {
      preface = bytes
      return
    }
    let line = String(decoding: view[..<end], as: UTF8.self).split(separator: "\r\n").first.map(String.init) ?? ""
    server.value?.recordTunnel(line)
    passing = true
    preface = nil
    context.writeAndFlush(
      wrapOutboundOut(context.channel.allocator.buffer(string: "HTTP/1.1 200 Connection established\r\n\r\n")),
      promise: nil)
    if end + 4 < view.count {
      context.fireChannelRead(wrapInboundOut(context.channel.allocator.buffer(bytes: view[(end + 4)...])))
    }
  }
}
