// swift-tools-version: 6.0
import PackageDescription

// Arrows point down: opsdeck -> OpsCurses -> OpsUI -> OpsCore, and opsdeck -> OpsDemo -> OpsCore. Only
// OpsCurses imports CNcurses.
let package = Package(
    name: "opsdeck",
    products: [
        .executable(name: "opsdeck", targets: ["opsdeck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        // The HTTP client of the health probes: NIOSSL hands over the peer's certificate chain (for
        // certificate facts even when trust is skipped), which higher-level clients do not expose.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .target(
            name: "OpsCore",
            dependencies: [
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                // TLSUserEvent (the end of the handshake) lives here; NIOSSL depends on it anyway.
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Sources/OpsCore"
        ),
        // The demo fleet's service (`opsdeck demo-service`): HTTP on swift-nio, metrics, JSON logs.
        .target(
            name: "OpsDemo",
            dependencies: [
                "OpsCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Sources/OpsDemo"
        ),
        .target(
            name: "OpsUI",
            dependencies: ["OpsCore"],
            path: "Sources/OpsUI"
        ),
        .target(name: "OpsCurses", dependencies: ["OpsUI", "CNcurses"], path: "Sources/OpsCurses"),
        .executableTarget(
            name: "opsdeck",
            dependencies: [
                "OpsCurses", "OpsUI", "OpsCore", "OpsDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/opsdeck"
        ),
        .executableTarget(name: "opsdeck-bench", dependencies: ["OpsCore", "OpsUI", "OpsCurses"], path: "Sources/opsdeck-bench"),
        .testTarget(name: "OpsCoreTests", dependencies: ["OpsCore"], path: "Tests/OpsCoreTests",
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "OpsDemoTests", dependencies: ["OpsDemo", "OpsCore"], path: "Tests/OpsDemoTests"),
        .testTarget(name: "OpsUITests", dependencies: ["OpsUI"], path: "Tests/OpsUITests"),
        .testTarget(name: "OpsCursesTests", dependencies: ["OpsCurses"], path: "Tests/OpsCursesTests"),
        .testTarget(name: "EndToEndTests", dependencies: ["OpsCore"], path: "Tests/EndToEndTests"),
    ]
)
