// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "DigitalMaturity",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "maturity", targets: ["maturity"]),
    .library(name: "MaturityKit", targets: ["MaturityKit"]),
    .library(name: "CSV", targets: ["CSV"]),
    // For the fuzz targets in Fuzz/ (a package of its own, built with libFuzzer).
    .library(name: "MaturityStore", targets: ["MaturityStore"]),
    .library(name: "MaturityWeb", targets: ["MaturityWeb"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibCSV",
      path: "Sources/CLibCSV",
      providers: [.apt(["libcsv-dev"])]
    ),
    .target(name: "InterfaceText", plugins: ["EmbedFiles"]),
    .target(name: "Parallel"),
    .target(name: "CSV", dependencies: ["CLibCSV", "InterfaceText", "Parallel"]),
    .target(
      name: "MaturityKit",
      dependencies: [
        "CSV", "InterfaceText", "Parallel", .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      plugins: ["EmbedFiles"]
    ),
    .target(
      name: "Accounts",
      dependencies: [
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ],
      plugins: ["EmbedFiles"]
    ),
    .target(
      name: "MaturityStore",
      dependencies: [
        "MaturityKit", "InterfaceText", "Accounts", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
      ]
    ),
    .target(
      name: "MaturityWeb",
      dependencies: [
        "MaturityKit", "MaturityStore", "CSV", "InterfaceText",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "MultipartKit", package: "multipart-kit"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
      ],
      plugins: ["EmbedFiles"]
    ),
    .executableTarget(
      name: "maturity",
      dependencies: [
        "MaturityKit", "MaturityStore", "MaturityWeb", "CSV", "InterfaceText", "Accounts",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      plugins: ["BuildInfo"]
    ),
    // Data files (catalogues, templates, page assets) are built into the binary, so that it runs
    // from any folder; the commit it was built from is recorded for `maturity --version`.
    .executableTarget(name: "embed-files"),
    .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["embed-files"]),
    .plugin(name: "BuildInfo", capability: .buildTool()),
    .executableTarget(
      name: "csv-benchmark",
      dependencies: ["CSV", "CLibCSV"],
      path: "Benchmarks/CSVBenchmark"
    ),
    .executableTarget(
      name: "network-benchmark",
      dependencies: ["MaturityKit", "MaturityStore", "Accounts"],
      path: "Benchmarks/NetworkBenchmark"
    ),
    .testTarget(name: "InterfaceTextTests", dependencies: ["InterfaceText"]),
    .testTarget(name: "AccountsTests", dependencies: ["Accounts"]),
    .testTarget(name: "CSVTests", dependencies: ["CSV"], resources: [.copy("Fixtures")]),
    .target(
      name: "TestSupport",
      dependencies: [
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
      ],
      path: "Tests/TestSupport"
    ),
    .testTarget(name: "MaturityKitTests", dependencies: ["MaturityKit", "CSV", "TestSupport"]),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["maturity", "TestSupport", "MaturityStore", "Accounts"],
      // Helpers the tests run with python3, and the help of every command, read from the source folder.
      exclude: ["fill_in_pty.py", "check_xlsform.py", "serve_kill.py", "serve_operations.py", "Help"]
    ),
    .testTarget(
      name: "MaturityStoreTests",
      dependencies: [
        "MaturityStore", "MaturityKit", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "MaturityWebTests",
      dependencies: [
        "MaturityWeb", "MaturityStore", "MaturityKit", "TestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ]
    ),
  ]
)
