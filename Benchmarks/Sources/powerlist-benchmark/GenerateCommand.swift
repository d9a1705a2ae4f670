import Foundation

struct GenerateCommand {
    init(arguments: [String]) throws(UsageError) {}
    func run() throws {}
}
