// swift-tools-version: 6.2
import PackageDescription

let package = Package(
  name: "Dyad",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "dyad", targets: ["dyad"]),
    .library(name: "DyadCore", targets: ["DyadCore"]),
    .library(name: "DyadData", targets: ["DyadData"]),
    .library(name: "DyadImport", targets: ["DyadImport"]),
    .library(name: "DyadStore", targets: ["DyadStore"]),
    .library(name: "DyadAnalysis", targets: ["DyadAnalysis"]),
    .library(name: "DyadReport", targets: ["DyadReport"]),
    .library(name: "DyadAnswers", targets: ["DyadAnswers"]),
    .library(name: "DyadServer", targets: ["DyadServer"]),
    .library(name: "DyadSync", targets: ["DyadSync"]),
    // Shared-data paths and temporary folders, for the tests and the benchmarks package.
    .library(name: "DyadTestSupport", targets: ["DyadTestSupport"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
  ],
  targets: [
    // Domain values: states, dyads, years, figures, provenance, the dataset catalogue. No I/O.
    .target(name: "DyadCore"),
    // The fast paths, behind a small `package` interface: the program's one worker pool, mapped
    // files, file digests, radix sort, flat tables. Platform calls are guarded here and only here.
    .target(name: "DyadFast", dependencies: ["DyadCore"]),
    // Pure computations over domain values.
    .target(name: "DyadAnalysis", dependencies: ["DyadCore", "DyadFast"]),
    // Readers: the import kit (CSV and .xlsx readers, field reader, state resolver), the registry and the
    // curated resources. Knows neither the store nor the analyses.
    .target(
      name: "DyadData",
      dependencies: ["DyadCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      resources: [.copy("Resources/registry"), .copy("Resources/curated")]
    ),
    // SQLite storage through GRDB: the schema (migrations, tables), the binary storage formats,
    // the writer an import goes through, and the queries. Knows no readers.
    .target(
      name: "DyadStore",
      dependencies: ["DyadCore", "DyadFast", "DyadAnalysis", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    // Imports, orchestrated above the readers and the store: each dataset's importer reads with
    // the kit, computes derived tables with the analyses, and writes through the store; the
    // curated facts are loaded the same way.
    .target(name: "DyadImport", dependencies: ["DyadCore", "DyadFast", "DyadData", "DyadAnalysis", "DyadStore"]),
    // The backgrounder: sections, charts (inline SVG), HTML/Markdown/JSON rendering.
    .target(name: "DyadReport", dependencies: ["DyadCore", "DyadAnalysis", "DyadStore"]),
    // One answer per resource for the CLI, the server and the report: payload, table, defaults.
    .target(name: "DyadAnswers", dependencies: ["DyadCore", "DyadAnalysis", "DyadStore", "DyadImport", "DyadReport"]),
    // `dyad serve`: dashboard pages and the JSON API.
    .target(
      name: "DyadServer",
      dependencies: [
        "DyadCore", "DyadFast", "DyadAnalysis", "DyadStore", "DyadImport", "DyadReport", "DyadAnswers",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // `dyad sync`: fetches each dataset's release from its publisher or a mirror over HTTP
    // (resumed, retried, verified), unpacks archives, and imports through DyadImport.
    .target(
      name: "DyadSync",
      dependencies: [
        "DyadCore", "DyadFast", "DyadStore", "DyadImport",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
    .executableTarget(
      name: "dyad",
      dependencies: [
        "DyadCore", "DyadFast", "DyadData", "DyadStore", "DyadImport", "DyadAnalysis", "DyadReport", "DyadAnswers",
        "DyadServer", "DyadSync", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Helpers shared by the test targets: shared-data paths, temporary folders, running the binary.
    // Also the loopback mirror server (with faults) that the sync tests and benchmarks fetch from.
    .target(
      name: "DyadTestSupport",
      dependencies: [
        "DyadCore", "DyadStore",
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ],
      path: "Sources/DyadTestSupport"),
    .testTarget(name: "DyadCoreTests", dependencies: ["DyadCore", "DyadData", "DyadTestSupport"]),
    .testTarget(name: "DyadFastTests", dependencies: ["DyadFast", "DyadTestSupport"]),
    .testTarget(name: "DyadDataTests", dependencies: ["DyadCore", "DyadData", "DyadAnalysis", "DyadTestSupport"]),
    .testTarget(
      name: "DyadImportTests",
      dependencies: [
        "DyadCore", "DyadFast", "DyadData", "DyadStore", "DyadImport", "DyadAnalysis", "DyadTestSupport",
        .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .testTarget(
      name: "DyadStoreTests",
      dependencies: ["DyadCore", "DyadData", "DyadStore", "DyadImport", "DyadAnalysis", "DyadTestSupport"]),
    .testTarget(name: "DyadAnalysisTests", dependencies: ["DyadCore", "DyadAnalysis", "DyadTestSupport"]),
    .testTarget(
      name: "DyadReportTests",
      dependencies: ["DyadCore", "DyadData", "DyadStore", "DyadImport", "DyadAnalysis", "DyadReport", "DyadTestSupport"],
      exclude: ["__Snapshots__"]
    ),
    .testTarget(
      name: "DyadServerTests",
      dependencies: [
        "DyadServer", "DyadImport", "DyadAnswers", "DyadTestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]
    ),
    .testTarget(
      name: "DyadSyncTests",
      dependencies: [
        "DyadCore", "DyadStore", "DyadImport", "DyadSync", "DyadTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    .testTarget(name: "DyadCLITests", dependencies: ["dyad", "DyadTestSupport"]),
    .testTarget(
      name: "DyadAnswersTests",
      dependencies: [
        "dyad", "DyadAnswers", "DyadServer", "DyadTestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]),
  ]
)
