// swift-tools-version: 6.1
// libFuzzer targets for redline. A separate package so that the fuzzer flags never reach the
// normal `swift build` / `swift test` of the root package. Build and run with `Fuzz/run.sh`.
import PackageDescription

let package = Package(
    name: "RedlineFuzz",
    dependencies: [
        .package(name: "redline", path: "..")
    ],
    targets: [
        // libFuzzer's driver, shared by the targets.
        .target(name: "FuzzSupport", path: "Sources/FuzzSupport"),
        // Each target has one source file that is not main.swift, so SwiftPM compiles it as a
        // library (-parse-as-library) and libFuzzer provides `main`.
        .executableTarget(
            name: "FuzzRecord",
            dependencies: ["FuzzSupport", .product(name: "RedlineKit", package: "redline")],
            path: "Sources/FuzzRecord"
        ),
        .executableTarget(
            name: "FuzzRuleSet",
            dependencies: ["FuzzSupport", .product(name: "RedlineKit", package: "redline")],
            path: "Sources/FuzzRuleSet"
        ),
        .executableTarget(
            name: "FuzzLists",
            dependencies: ["FuzzSupport", .product(name: "RedlineKit", package: "redline")],
            path: "Sources/FuzzLists"
        ),
    ],
    swiftLanguageModes: [.v6]
)
