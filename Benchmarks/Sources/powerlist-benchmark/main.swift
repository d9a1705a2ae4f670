import Foundation

// powerlist-benchmark: generates large realistic power-list workbooks, times the readers and
// the stages of an import.
//   powerlist-benchmark generate-xlsx [--items N] OUT.xlsx
//   powerlist-benchmark read [--repeat N] [--dump] FILE...
//   powerlist-benchmark import FILE
//   powerlist-benchmark generate-province [--items N] OUT

let usage = """
    用法：
      powerlist-benchmark generate-xlsx [--items 200000] OUT.xlsx
      powerlist-benchmark read [--repeat 3] [--dump] FILE...
      powerlist-benchmark import FILE
      powerlist-benchmark generate-province [--items 100000] OUT   （请用 Benchmarks/generate-province.sh）
    """

var arguments = Array(CommandLine.arguments.dropFirst())
guard !arguments.isEmpty else {
    print(usage)
    exit(2)
}
let command = arguments.removeFirst()
do {
    switch command {
    case "generate-xlsx":
        try GenerateCommand(arguments: arguments).run()
    case "read":
        try ReadCommand(arguments: arguments).run()
    case "generate-province":
        try ProvinceCommand(arguments: arguments).run()
    case "import":
        try ImportCommand(arguments: arguments).run()
    default:
        print(usage)
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("错误：\(error)\n".utf8))
    exit(1)
}
