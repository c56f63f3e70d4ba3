// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode plus the strictness
/// flags the Hummingbird and GRDB codebases use.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Winnow",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "winnow", targets: ["winnow"]),
        .library(name: "WinnowCore", targets: ["WinnowCore"]),
        .library(name: "WinnowStore", targets: ["WinnowStore"]),
        .library(name: "WinnowStoreSQLite", targets: ["WinnowStoreSQLite"]),
        .library(name: "WinnowStorePostgres", targets: ["WinnowStorePostgres"]),
        .library(name: "WinnowObjects", targets: ["WinnowObjects"]),
        .library(name: "WinnowEngine", targets: ["WinnowEngine"]),
        .library(name: "WinnowServer", targets: ["WinnowServer"]),
        .library(name: "WinnowTesting", targets: ["WinnowTesting"]),
        .library(name: "WinnowImaging", targets: ["WinnowImaging"]),
        .library(name: "WinnowObjectsS3", targets: ["WinnowObjectsS3"]),
        .library(name: "WinnowReport", targets: ["WinnowReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Already in the graph through Hummingbird; named because the server uses their types directly.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        // SHA-256 and HMAC for S3's Signature Version 4.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
        // Already in the graph through AsyncHTTPClient and PostgresNIO; named for the store's TLS settings.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
    ],
    targets: [
        // Pure domain: types, reason catalogue, manifest and VOC codecs. No I/O, nothing of ours.
        .target(name: "WinnowCore", swiftSettings: strictSettings),
        // Metadata-store port and its in-memory implementation.
        .target(name: "WinnowStore", dependencies: ["WinnowCore"], swiftSettings: strictSettings),
        // SQLite (GRDB) metadata store: the embedded default.
        .target(
            name: "WinnowStoreSQLite",
            dependencies: [
                "WinnowStore", .product(name: "GRDB", package: "GRDB.swift"),
                // The C API itself, for binding import rows without boxing each value (SampleRowBinder).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // PostgreSQL (PostgresNIO) metadata store: the scale-out choice.
        .target(
            name: "WinnowStorePostgres",
            dependencies: [
                "WinnowCore", "WinnowStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Object-store port and the local-folder implementation.
        .target(name: "WinnowObjects", dependencies: ["WinnowCore"], swiftSettings: strictSettings),
        // S3-compatible object store (AWS S3, Huawei OBS, SeaweedFS, MinIO): SigV4 over AsyncHTTPClient.
        .target(
            name: "WinnowObjectsS3",
            dependencies: [
                "WinnowCore", "WinnowObjects",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // System libraries the image pipeline decodes and encodes with (Debian packages in scripts/install-deps).
        .systemLibrary(
            name: "CTurboJPEG", pkgConfig: "libturbojpeg",
            providers: [.apt(["libturbojpeg0-dev"]), .brew(["jpeg-turbo"])]
        ),
        .systemLibrary(name: "CLibPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"]), .brew(["libpng"])]),
        .systemLibrary(name: "CLibWebP", pkgConfig: "libwebp", providers: [.apt(["libwebp-dev"]), .brew(["webp"])]),
        // libpng reports errors with longjmp: this C shim keeps the setjmp on the C side and returns codes.
        .target(name: "CWinnowPNG", dependencies: ["CLibPNG"]),
        // Pixels: decoding, image and box features, augmentations, encoding, a built-in embedding.
        // Knows nothing of datasets, stores or HTTP.
        .target(
            name: "WinnowImaging",
            dependencies: ["WinnowCore", "CTurboJPEG", "CWinnowPNG", "CLibWebP"],
            swiftSettings: strictSettings
        ),
        // Use cases on top of the ports: validate, import, export.
        .target(
            name: "WinnowEngine",
            dependencies: [
                "WinnowCore", "WinnowStore", "WinnowObjects", "WinnowImaging",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // Pure HTML and SVG: the charts, thumbnails and the self-contained hard-example report that the
        // console and the CLI share. Knows nothing of stores or HTTP.
        .target(name: "WinnowReport", dependencies: ["WinnowCore", "WinnowImaging"], swiftSettings: strictSettings),
        // REST API, OpenAPI document and web console over the engine's use cases. Sees only store protocols.
        .target(
            name: "WinnowServer",
            dependencies: [
                "WinnowCore", "WinnowStore", "WinnowObjects", "WinnowEngine", "WinnowImaging", "WinnowReport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        // Conformance suites every store implementation runs, shipped for driver authors.
        .target(
            name: "WinnowTesting",
            dependencies: ["WinnowCore", "WinnowStore", "WinnowObjects"],
            swiftSettings: strictSettings
        ),
        // The command-line tool: the only place concrete drivers are chosen.
        .executableTarget(
            name: "winnow",
            dependencies: [
                "WinnowCore", "WinnowStore", "WinnowStoreSQLite", "WinnowStorePostgres", "WinnowObjects", "WinnowObjectsS3", "WinnowEngine",
                "WinnowImaging", "WinnowServer", "WinnowReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Times WinnowCore's scoring of already-parsed predictions for bench/mining/run.
        .executableTarget(name: "winnow-bench", dependencies: ["WinnowCore"], swiftSettings: strictSettings),
        .testTarget(name: "WinnowCoreTests", dependencies: ["WinnowCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "WinnowStoreTests",
            dependencies: ["WinnowStore", "WinnowStoreSQLite", "WinnowTesting", "WinnowObjects", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WinnowStorePostgresTests",
            dependencies: [
                "WinnowStore", "WinnowStorePostgres", "WinnowTesting", "WinnowCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WinnowEngineTests",
            dependencies: ["WinnowEngine", "WinnowStore", "WinnowStoreSQLite", "WinnowObjects", "WinnowImaging"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "WinnowReportTests", dependencies: ["WinnowReport", "WinnowCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "WinnowImagingTests",
            dependencies: ["WinnowImaging", "WinnowCore"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WinnowServerTests",
            dependencies: [
                "WinnowServer", "WinnowCore", "WinnowStore", "WinnowObjects", "WinnowEngine", "WinnowImaging", "WinnowReport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WinnowObjectsS3Tests",
            dependencies: [
                "WinnowObjectsS3", "WinnowObjects", "WinnowCore", "WinnowEngine", "WinnowStore", "WinnowTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WinnowCLITests",
            dependencies: ["winnow", "WinnowCore", "WinnowObjects", "WinnowObjectsS3"],
            swiftSettings: strictSettings
        ),
    ]
)
