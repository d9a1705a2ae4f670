import Foundation

/// One revision of the example region imported into a fresh workspace, then checked three
/// times by `powerlist check` — writing the JSON, HTML and XLSX reports in turn. Done once per
/// revision for all the tests that read it. The workspace is kept for the tests that look inside.
struct CheckedExample: Sendable {
    /// One object of the JSON report.
    struct Finding: Decodable, Sendable {
        var code: String
        var severity: String
        var unit: String
        var item: String
        var field: String?
        var file: String
        var sheet: String?
        var cell: String?
    }

    var workspace: URL
    var runs: [PowerlistCLI.Result]
    var findings: [Finding]
    var reports: [String: URL]

    private static let revision2023 = Result { try checking("2023") }
    private static let revision2024 = Result { try checking("2024") }

    static func revision(_ label: String) throws -> CheckedExample {
        try (label == "2023" ? revision2023 : revision2024).get()
    }

    private static func checking(_ label: String) throws -> CheckedExample {
        let revision = try ExampleManifest.load().revision(label)
        let workspace = try SeededWorkspace.temporaryFolder()
        let folder = ExampleManifest.folder.appendingPathComponent(revision.folder)
        _ = try PowerlistCLI.run(["import", "--workspace", workspace.path, "--revision", label, folder.path])
        var runs: [PowerlistCLI.Result] = []
        var reports: [String: URL] = [:]
        for format in ["json", "html", "xlsx"] {
            let report = workspace.appendingPathComponent("检查报告.\(format)")
            reports[format] = report
            runs.append(try PowerlistCLI.run(["check", "--workspace", workspace.path, "--revision", label,
                                              "--output", report.path]))
        }
        let findings = try JSONDecoder().decode([Finding].self, from: Data(contentsOf: reports["json"]!))
        return CheckedExample(workspace: workspace, runs: runs, findings: findings, reports: reports)
    }
}
