// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "tavus-browse",
    products: [
        .executable(name: "tavus-browse", targets: ["tavus-browse"]),
        .executable(name: "tavus-sandbox", targets: ["tavus-sandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CTerminalSignals"),
        .target(name: "CProcessMemory"),
        .target(name: "CICUData"),
        .target(name: "TavusModels"),
        .target(
            name: "TavusAPI",
            dependencies: [
                "TavusModels",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "TavusSandbox",
            dependencies: [
                "TavusAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(name: "BrowserCore", dependencies: ["TavusModels"]),
        .target(name: "TerminalUI", dependencies: ["CNCurses", "CTerminalSignals", "BrowserCore"]),
        .target(name: "BrowserRuntime", dependencies: ["BrowserCore", "TavusAPI"]),
        .target(name: "BrowseConfiguration", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),
        .target(
            name: "AccountIndex",
            dependencies: [
                "TavusAPI", "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "tavus-browse",
            dependencies: [
                "TavusAPI", "BrowserCore", "BrowserRuntime", "TerminalUI", "BrowseConfiguration", "AccountIndex", "CProcessMemory", "CICUData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "tavus-sandbox",
            dependencies: [
                "TavusSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "tavus-bench", dependencies: ["AccountIndex", "BrowserCore", "TavusAPI"]),
        .executableTarget(name: "tavus-man", dependencies: ["BrowserCore"]),
        .testTarget(
            name: "TavusAPITests",
            dependencies: ["TavusAPI", "TavusSandbox"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "BrowserCoreTests",
            dependencies: ["BrowserCore", "TavusAPI"],
            resources: [.copy("Snapshots"), .copy("Fixtures")]
        ),
        .testTarget(name: "BrowserRuntimeTests", dependencies: ["BrowserRuntime", "BrowserCore", "TavusAPI", "TavusSandbox"]),
        .testTarget(name: "BrowseConfigurationTests", dependencies: ["BrowseConfiguration"]),
        .testTarget(name: "AccountIndexTests", dependencies: ["AccountIndex", "TavusAPI", "TavusSandbox"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TavusAPI", "TavusSandbox"]),
    ],
    swiftLanguageModes: [.v6]
)
