/// A tiny argument reader: `--name value` options, `--flag`s and positional arguments.
struct Options {
    private(set) var positional: [String] = []
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    init(_ arguments: [String], valued: Set<String>) throws(UsageError) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if valued.contains(argument) {
                guard let value = rest.popFirst() else { throw UsageError("\(argument) 需要一个值") }
                values[argument] = value
            } else if argument.hasPrefix("--") {
                flags.insert(argument)
            } else {
                positional.append(argument)
            }
        }
    }

    func integer(_ name: String, default fallback: Int) throws(UsageError) -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), value > 0 else { throw UsageError("\(name) 需要正整数，而不是 \(text)") }
        return value
    }

    func has(_ flag: String) -> Bool { flags.contains(flag) }
}

struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
