// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "powerlist",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "powerlist", targets: ["powerlist"]),
        .library(name: "Sheets", targets: ["Sheets"]),
        .library(name: "Catalogue", targets: ["Catalogue"]),
        .library(name: "Importer", targets: ["Importer"]),
        .library(name: "Store", targets: ["Store"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libxml2 from the system (Debian: libxml2-dev), used for streaming XLSX parsing.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Workbook/Sheet/Cell model and the readers of every spreadsheet format.
        .target(
            name: "Sheets",
            dependencies: ["CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The domain model: plain Sendable values.
        .target(name: "Catalogue"),
        // Grids → raw power items with provenance.
        .target(name: "Importer", dependencies: ["Sheets", "Catalogue", .product(name: "Yams", package: "Yams")]),
        // The workspace database.
        .target(
            name: "Store",
            dependencies: [
                "Catalogue", "Sheets",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The command-line tool: argument parsing only, work happens in the modules.
        .executableTarget(
            name: "powerlist",
            dependencies: [
                "Sheets", "Catalogue", "Importer", "Store",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmarks: a deterministic generator of large power-list workbooks, and timers of
        // reading and of the whole import (read → importer → workspace).
        .executableTarget(
            name: "powerlist-benchmark",
            dependencies: ["Sheets", "Importer", "Store", "Catalogue",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Benchmarks/Sources/powerlist-benchmark"
        ),
        // Benchmark of the workspace database and the exports on a large fabricated revision.
        .executableTarget(
            name: "store-benchmark",
            dependencies: ["Store", "Sheets", "Catalogue"],
            path: "Benchmarks/Sources/store-benchmark"
        ),

        .testTarget(
            name: "SheetsTests",
            dependencies: ["Sheets", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                           .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "CatalogueTests", dependencies: ["Catalogue"]),
        .testTarget(name: "ImporterTests", dependencies: ["Importer", "Sheets", "Catalogue"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Catalogue", "Sheets", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "PowerlistTests", dependencies: ["powerlist", "Sheets", "Store", "Catalogue",
                                                           .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                                                           .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
