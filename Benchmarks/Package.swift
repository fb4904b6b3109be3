// swift-tools-version: 6.2
// Benchmarks live in their own package so that `swift test` on Dyad does not build them.
// Run from this folder: swift package --allow-writing-to-package-directory benchmark
import PackageDescription

let benchmarkDependencies: [Target.Dependency] = [
  .product(name: "Benchmark", package: "benchmark"),
  .product(name: "DyadCore", package: "Dyad"),
  .product(name: "DyadData", package: "Dyad"),
  .product(name: "DyadStore", package: "Dyad"),
  .product(name: "DyadImport", package: "Dyad"),
  .product(name: "DyadAnalysis", package: "Dyad"),
  .product(name: "DyadReport", package: "Dyad"),
  .product(name: "DyadSync", package: "Dyad"),
  .product(name: "DyadTestSupport", package: "Dyad"),
]

let package = Package(
  name: "DyadBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "Dyad", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "CSVBenchmarks", dependencies: benchmarkDependencies, path: "Benchmarks/CSVBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    .executableTarget(
      name: "DiplomaticBenchmarks", dependencies: benchmarkDependencies, path: "Benchmarks/DiplomaticBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    .executableTarget(
      name: "EconomicBenchmarks", dependencies: benchmarkDependencies, path: "Benchmarks/EconomicBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    .executableTarget(
      name: "SyncBenchmarks", dependencies: benchmarkDependencies, path: "Benchmarks/SyncBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    .executableTarget(
      name: "ReportBenchmarks", dependencies: benchmarkDependencies, path: "Benchmarks/ReportBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
  ]
)
