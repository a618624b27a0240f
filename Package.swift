// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "redline",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "RedlineKit", targets: ["RedlineKit"]),
        .executable(name: "redline", targets: ["redline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .executableTarget(
            name: "EmbedGen",
            path: "Sources/EmbedGen"
        ),
        .plugin(
            name: "EmbedResources",
            capability: .buildTool(),
            dependencies: ["EmbedGen"],
            path: "Plugins/EmbedResources"
        ),
        .target(
            name: "RedlineXML",
            dependencies: ["CLibXML2"],
            path: "Sources/RedlineXML"
        ),
        .target(
            name: "RedlineKit",
            dependencies: ["RedlineXML"],
            path: "Sources/RedlineKit",
            plugins: ["EmbedResources"]
        ),
        .executableTarget(
            name: "redline",
            dependencies: [
                "RedlineKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/redline"
        ),
        .target(
            name: "RecordGenerator",
            path: "Sources/RecordGenerator"
        ),
        .executableTarget(
            name: "redline-corpus",
            dependencies: [
                "RecordGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/redline-corpus"
        ),
        .executableTarget(
            name: "redline-parse-bench",
            dependencies: ["RedlineKit"],
            path: "Sources/redline-parse-bench"
        ),
        .target(
            name: "RedlineTestSupport",
            dependencies: ["RedlineKit"],
            path: "Tests/RedlineTestSupport"
        ),
        .testTarget(
            name: "RecordGeneratorTests",
            dependencies: ["RecordGenerator", "RedlineKit", "RedlineTestSupport"],
            path: "Tests/RecordGeneratorTests"
        ),
        .testTarget(
            name: "RedlineKitTests",
            dependencies: ["RedlineKit", "RedlineTestSupport"],
            path: "Tests/RedlineKitTests"
        ),
        .testTarget(
            name: "RedlineCLITests",
            dependencies: ["RedlineKit", "RedlineTestSupport"],
            path: "Tests/RedlineCLITests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
