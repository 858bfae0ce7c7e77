// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ecsfleet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ecsfleet", targets: ["ecsfleet"]),
        .executable(name: "ecs-sim", targets: ["ecs-sim"]),
        .library(name: "ECSAPI", targets: ["ECSAPI"]),
        .library(name: "ECSSimulator", targets: ["ECSSimulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
    ],
    targets: [
        // Pure values: wire models, errors, parameter encoding, signing. No I/O.
        .target(
            name: "ECSAPI",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // The simulated ECS endpoint: fleet actor, semantics, auth, faults, HTTP front.
        .target(
            name: "ECSSimulator",
            dependencies: [
                "ECSAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The HTTP adapter: signing, endpoints, retries, paging.
        .target(
            name: "ECSClient",
            dependencies: [
                "ECSAPI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The system ncursesw library: a module map and one shim header.
        .systemLibrary(
            name: "CNCursesw",
            // No pkgConfig: SwiftPM would drop its cflags with a warning; the shim sets what is needed.
            providers: [.apt(["libncurses-dev"])]
        ),
        // The only code that calls ncurses.
        .target(
            name: "CursesTerminal",
            dependencies: ["TerminalUI", "CNCursesw"]
        ),
        // Pure drawing toolkit: display width, sanitising, grid, widgets, themes (TOML files read with TOMLKit).
        .target(
            name: "TerminalUI",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The engine: plans, preflight, execution, tracking, the journal, the safety policy.
        .target(
            name: "FleetCore",
            dependencies: ["ECSAPI"]
        ),
        // The screen's model: state as a value, actions, the pure reducer and its effects as data.
        .target(
            name: "FleetViewModel",
            dependencies: ["FleetCore", "ECSAPI"]
        ),
        // Screens, the key table, the app loop and the effect runner.
        .target(
            name: "FleetTUI",
            dependencies: ["FleetViewModel", "FleetCore", "TerminalUI", "ECSAPI"]
        ),
        // Composition root and command line.
        .executableTarget(
            name: "ecsfleet",
            dependencies: [
                "ECSAPI", "ECSClient", "ECSSimulator", "FleetCore", "FleetViewModel", "TerminalUI", "FleetTUI",
                "CursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Release-build benchmark of the client and the simulator (scripts/bench.sh runs it).
        .executableTarget(
            name: "ecsfleet-bench",
            dependencies: [
                "ECSAPI", "ECSClient", "FleetCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release-build benchmark of the screen: key press to rendered frame on 100,000 instances.
        .executableTarget(
            name: "ecsfleet-tui-bench",
            dependencies: ["FleetTUI", "FleetViewModel", "FleetCore", "TerminalUI", "ECSAPI", "ECSSimulator"]
        ),
        .executableTarget(
            name: "ecs-sim",
            dependencies: [
                "ECSSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ECSClientTests",
            dependencies: [
                "ECSClient", "ECSAPI", "ECSSimulator",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "FleetCoreTests",
            dependencies: [
                "FleetCore", "ECSAPI", "ECSClient", "ECSSimulator",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "FleetViewModelTests",
            dependencies: ["FleetViewModel", "FleetCore", "ECSAPI"]
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI"]
        ),
        .testTarget(
            name: "FleetTUITests",
            dependencies: ["FleetTUI", "FleetViewModel", "FleetCore", "TerminalUI", "ECSAPI"],
            // Golden frames, read by path (GoldenFrame.swift) so ECSFLEET_UPDATE_FRAMES=1 can rewrite them in place.
            exclude: ["Frames"]
        ),
        .testTarget(
            name: "CursesTerminalTests",
            dependencies: ["CursesTerminal", "TerminalUI"]
        ),
        .testTarget(
            name: "ECSAPITests",
            dependencies: ["ECSAPI"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ECSSimulatorTests",
            dependencies: [
                "ECSSimulator",
                "ECSAPI",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Missing imports are build errors, and existential types say `any`: what a file uses, it names.
for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("MemberImportVisibility"),
            .enableUpcomingFeature("ExistentialAny"),
        ]
}
