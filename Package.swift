// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "powerlist",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "powerlist", targets: ["powerlist"]),
        .library(name: "Sheets", targets: ["Sheets"]),
        .library(name: "Catalogue", targets: ["Catalogue"]),
        .library(name: "Concurrency", targets: ["Concurrency"]),
        .library(name: "Schemas", targets: ["Schemas"]),
        .library(name: "Importer", targets: ["Importer"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Cleanup", targets: ["Cleanup"]),
        .library(name: "Publisher", targets: ["Publisher"]),
        .library(name: "Workflow", targets: ["Workflow"]),
        .library(name: "Revisions", targets: ["Revisions"]),
        .library(name: "Reconcile", targets: ["Reconcile"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Tests only: the reference the site's own compiled renderer is checked against.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // libxml2 from the system (Debian: libxml2-dev), used for streaming XLSX parsing.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // zlib from the system (Debian: zlib1g-dev): the XLSX reader inflates parts itself.
        .systemLibrary(name: "CLibZ", providers: [.apt(["zlib1g-dev"])]),
        // SQLite's process-wide settings (`sqlite3_config`), made before the first connection.
        .systemLibrary(name: "CSQLiteSetup", providers: [.apt(["libsqlite3-dev"])]),
        // Workbook/Sheet/Cell model and the readers of every spreadsheet format.
        .target(
            name: "Sheets",
            dependencies: ["CLibXML2", "CLibZ", "Concurrency", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Work split over the cores with its results in order (`Concurrent`): the bottom of the
        // layout, so the readers and writers of Sheets share it with the modules above.
        .target(name: "Concurrency"),
        // The domain model: plain Sendable values.
        .target(name: "Catalogue", dependencies: ["Concurrency"]),
        // Loading and validating Catalogues/schemas and the workspace config (YAML), shared by
        // Importer and Cleanup.
        .target(name: "Schemas", dependencies: ["Catalogue", .product(name: "Yams", package: "Yams")]),
        // Grids → raw power items with provenance.
        .target(name: "Importer", dependencies: ["Sheets", "Catalogue", "Concurrency", "Schemas"]),
        // Normalization, citation parsing, the law registry and the legal checks: RawItem → PowerItem + findings.
        .target(name: "Cleanup", dependencies: ["Catalogue", "Concurrency", "Schemas", .product(name: "Yams", package: "Yams")]),
        // The workspace database.
        .target(
            name: "Store",
            dependencies: [
                "Catalogue", "Concurrency", "CSQLiteSetup",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite C API, for binding bulk inserts directly (`BoundStatement`).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Two revisions compared: matching, change classification, decisions, summaries, reports.
        .target(name: "Revisions", dependencies: ["Catalogue", "Concurrency", "Sheets"]),
        // A local list reconciled against a guidance catalogue, across levels, and against licence lists.
        .target(name: "Reconcile", dependencies: ["Catalogue", "Revisions", "Sheets", "Schemas", .product(name: "Yams", package: "Yams")]),
        // Exports (CSV / JSON / XLSX), check reports (HTML / XLSX / JSON), and the published site (Site/):
        // page model, Mustache templates from Templates/site, the client-side search index, SVG charts.
        .target(name: "Publisher", dependencies: ["Catalogue", "Concurrency", "Store", "Sheets"]),
        // The orchestrations (import files or folders, later check, diff, publish, demo) as a
        // library: the CLI, the benchmarks and the tests call it.
        .target(name: "Workflow", dependencies: ["Sheets", "Catalogue", "Concurrency", "Schemas", "Importer", "Cleanup", "Store", "Publisher",
                                                "Revisions", "Reconcile"]),
        // The command-line tool: argument parsing and rendering only, work happens in the modules.
        .executableTarget(
            name: "powerlist",
            dependencies: [
                "Sheets", "Catalogue", "Concurrency", "Schemas", "Importer", "Store", "Publisher", "Workflow", "Revisions",
                "Reconcile", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmarks: a deterministic generator of large power-list workbooks, and timers of
        // reading and of the whole import (read → importer → workspace).
        .executableTarget(
            name: "powerlist-benchmark",
            dependencies: ["Sheets", "Importer", "Store", "Catalogue", "Workflow",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Benchmarks/Sources/powerlist-benchmark"
        ),
        // Benchmark of cleaning and checking 200,000 generated items.
        .executableTarget(
            name: "check-benchmark",
            dependencies: ["Cleanup", "Schemas", "Catalogue"],
            path: "Benchmarks/Sources/check-benchmark"
        ),
        // Benchmark of the revision diff core on two large fabricated revisions.
        .executableTarget(
            name: "diff-benchmark",
            dependencies: ["Revisions", "Catalogue"],
            path: "Benchmarks/Sources/diff-benchmark"
        ),
        // Benchmark of reconciling a guidance catalogue against a large workspace.
        .executableTarget(
            name: "reconcile-benchmark",
            dependencies: ["Reconcile", "Catalogue"],
            path: "Benchmarks/Sources/reconcile-benchmark"
        ),
        // Benchmark of the workspace database and the exports on a large fabricated revision.
        .executableTarget(
            name: "store-benchmark",
            dependencies: ["Store", "Sheets", "Catalogue", "Publisher"],
            path: "Benchmarks/Sources/store-benchmark"
        ),
        // Benchmark of the site builder on a synthetic catalogue, against Hugo (Benchmarks/site-vs-hugo.sh).
        .executableTarget(
            name: "site-benchmark",
            dependencies: ["Publisher", "Catalogue"],
            path: "Benchmarks/Sources/site-benchmark"
        ),

        // What several test targets share: a seeded generator, the headless browser.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "SheetsTests",
            dependencies: ["Sheets", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                           .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "CatalogueTests", dependencies: ["Catalogue"]),
        .testTarget(name: "ImporterTests", dependencies: ["Importer", "Schemas", "Sheets", "Catalogue"]),
        .testTarget(name: "CleanupTests", dependencies: ["Cleanup", "Schemas", "Catalogue", "Importer", "Sheets"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Catalogue", "Sheets", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "RevisionsTests", dependencies: ["Revisions", "TestSupport", "Catalogue", "Sheets",
                                                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "ReconcileTests", dependencies: ["Reconcile", "Catalogue", "Sheets"]),
        .testTarget(name: "PublisherTests", dependencies: ["Publisher", "TestSupport", "Store", "Catalogue", "Sheets",
                                                          .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "WorkflowTests", dependencies: ["Workflow", "Cleanup", "Importer", "Schemas", "Store", "Catalogue", "Sheets", "Reconcile",
                                                           .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "PowerlistTests", dependencies: ["powerlist", "TestSupport", "Sheets", "Store", "Catalogue", "Workflow",
                                                           .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                                                           .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
