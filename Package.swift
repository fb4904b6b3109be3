// swift-tools-version: 6.2
import PackageDescription

let package = Package(
  name: "Dyad",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "dyad", targets: ["dyad"]),
    .library(name: "DyadCore", targets: ["DyadCore"]),
    .library(name: "DyadData", targets: ["DyadData"]),
    .library(name: "DyadStore", targets: ["DyadStore"]),
    .library(name: "DyadAnalysis", targets: ["DyadAnalysis"]),
    .library(name: "DyadReport", targets: ["DyadReport"]),
    .library(name: "DyadAnswers", targets: ["DyadAnswers"]),
    .library(name: "DyadServer", targets: ["DyadServer"]),
    // Shared-data paths and temporary folders, for the tests and the benchmarks package.
    .library(name: "DyadTestSupport", targets: ["DyadTestSupport"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
  ],
  targets: [
    // Domain values: states, dyads, years, indicators, provenance. No I/O.
    .target(name: "DyadCore"),
    // Pure computations over domain values.
    .target(name: "DyadAnalysis", dependencies: ["DyadCore"]),
    // Readers (CSV), curated resources and dataset importers.
    .target(
      name: "DyadData",
      dependencies: ["DyadCore", "DyadAnalysis"],
      resources: [.copy("Resources/registry"), .copy("Resources/curated")]
    ),
    // SQLite storage through GRDB.
    .target(
      name: "DyadStore",
      dependencies: ["DyadCore", "DyadData", "DyadAnalysis", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    // The backgrounder: sections, charts (inline SVG), HTML/Markdown/JSON rendering.
    .target(name: "DyadReport", dependencies: ["DyadCore", "DyadData", "DyadAnalysis", "DyadStore"]),
    // One answer per resource for the CLI, the server and the report: payload, table, defaults.
    .target(name: "DyadAnswers", dependencies: ["DyadCore", "DyadData", "DyadAnalysis", "DyadStore", "DyadReport"]),
    // `dyad serve`: dashboard pages and the JSON API.
    .target(
      name: "DyadServer",
      dependencies: [
        "DyadCore", "DyadData", "DyadAnalysis", "DyadStore", "DyadReport", "DyadAnswers",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .executableTarget(
      name: "dyad",
      dependencies: [
        "DyadCore", "DyadData", "DyadStore", "DyadAnalysis", "DyadReport", "DyadAnswers", "DyadServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Helpers shared by the test targets: shared-data paths, temporary folders, running the binary.
    .target(name: "DyadTestSupport", path: "Sources/DyadTestSupport"),
    .testTarget(name: "DyadCoreTests", dependencies: ["DyadCore", "DyadData", "DyadTestSupport"]),
    .testTarget(name: "DyadDataTests", dependencies: ["DyadCore", "DyadData", "DyadTestSupport"]),
    .testTarget(name: "DyadStoreTests", dependencies: ["DyadCore", "DyadData", "DyadStore", "DyadAnalysis", "DyadTestSupport"]),
    .testTarget(name: "DyadAnalysisTests", dependencies: ["DyadCore", "DyadAnalysis", "DyadTestSupport"]),
    .testTarget(
      name: "DyadReportTests",
      dependencies: ["DyadCore", "DyadData", "DyadStore", "DyadAnalysis", "DyadReport", "DyadTestSupport"],
      exclude: ["__Snapshots__"]
    ),
    .testTarget(
      name: "DyadServerTests",
      dependencies: [
        "DyadServer", "DyadAnswers", "DyadTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]
    ),
    .testTarget(name: "DyadCLITests", dependencies: ["dyad", "DyadTestSupport"]),
    .testTarget(
      name: "DyadAnswersTests",
      dependencies: [
        "dyad", "DyadAnswers", "DyadServer", "DyadTestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]),
  ]
)
