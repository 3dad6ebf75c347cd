// swift-tools-version: 6.1
// libFuzzer targets for every parser a user can feed, one executable per parser. A package of
// its own, so that the main package's tests are never built with the fuzzer's instrumentation;
// build and run them with `scripts/fuzz TARGET [SECONDS]` (docs/reliability.md).
import PackageDescription

/// One fuzz target: `Sources/fuzz-NAME/FuzzTarget.swift` defines `LLVMFuzzerTestOneInput`.
func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
  .executableTarget(
    name: "fuzz-\(name)",
    dependencies: ["FuzzSupport"] + dependencies,
    swiftSettings: [.unsafeFlags(["-parse-as-library"])],
    linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
  )
}

let kit: Target.Dependency = .product(name: "MaturityKit", package: "DigitalMaturity")
let csv: Target.Dependency = .product(name: "CSV", package: "DigitalMaturity")
let web: Target.Dependency = .product(name: "MaturityWeb", package: "DigitalMaturity")
let store: Target.Dependency = .product(name: "MaturityStore", package: "DigitalMaturity")
let nio: Target.Dependency = .product(name: "NIOCore", package: "swift-nio")

let package = Package(
  name: "DigitalMaturityFuzz",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(name: "DigitalMaturity", path: ".."),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
  ],
  targets: [
    .target(name: "FuzzSupport", dependencies: [kit, csv]),
    fuzzTarget("csv", [csv]),
    fuzzTarget("questionnaire", [kit]),
    fuzzTarget("response", [kit, csv]),
    fuzzTarget("relevance", [kit]),
    fuzzTarget("import", [kit, csv]),
    fuzzTarget("peers", [kit, csv]),
    fuzzTarget("migration", [kit]),
    fuzzTarget("form", [web, store, kit, nio]),
  ]
)
