/// A page template compiled once per site: its partials and layout put in place, so what is
/// left is a list of byte chunks and slots. Rendering appends bytes — constant chunks as they
/// are, values escaped byte by byte — with no parsing, casting or `String` building per page.
struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable {
        case bytes([UInt8])
        case variable(TemplatePath, escaped: Bool)
        case section(TemplatePath, inverted: Bool, [Node])
    }

    let nodes: [Node]

    /// Resolves `name` from parsed templates: partials inlined, layouts filled with the blocks
    /// the page gives. Templates that include each other without end are an error.
    init(_ name: String, library: [String: [TemplateParser.Syntax]]) throws(TemplateError) {
        guard let syntax = library[name] else { throw TemplateError("找不到模板 \(name)") }
        nodes = Self.merged(try Self.resolve(syntax, library: library, blocks: [:], depth: 0))
    }

    private static func resolve(_ syntax: [TemplateParser.Syntax], library: [String: [TemplateParser.Syntax]],
                                blocks: [String: [TemplateParser.Syntax]], depth: Int) throws(TemplateError) -> [Node] {
        guard depth < 32 else { throw TemplateError("模板互相引用，无法展开") }
        var nodes: [Node] = []
        for part in syntax {
            switch part {
            case .bytes(let bytes): nodes.append(.bytes(bytes))
            case .variable(let path, let escaped): nodes.append(.variable(path, escaped: escaped))
            case .section(let path, let inverted, let children):
                nodes.append(.section(path, inverted: inverted,
                                      merged(try resolve(children, library: library, blocks: blocks, depth: depth + 1))))
            case .block(let name, let fallback):
                nodes += try resolve(blocks[name] ?? fallback, library: library, blocks: blocks, depth: depth + 1)
            case .partial(let name), .parent(let name, blocks: _):
                guard let included = library[name] else { throw TemplateError("引用了不存在的模板 \(name).mustache") }
                var inner = blocks
                // The outermost page's blocks win over those of the layouts it extends.
                if case .parent(_, let own) = part { inner = own.merging(blocks) { _, outer in outer } }
                nodes += try resolve(included, library: library, blocks: inner, depth: depth + 1)
            }
        }
        return nodes
    }

    /// Adjacent constant chunks joined into one.
    private static func merged(_ nodes: [Node]) -> [Node] {
        var result: [Node] = []
        for node in nodes {
            if case .bytes(let next) = node, case .bytes(let previous)? = result.last {
                result[result.count - 1] = .bytes(previous + next)
            } else {
                result.append(node)
            }
        }
        return result
    }

    func render(_ context: TemplateObject) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        var stack: [TemplateValue] = [.object(context)]
        Self.render(nodes, &stack, into: &out)
        return out
    }

    private static func render(_ nodes: [Node], _ stack: inout [TemplateValue], into out: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .bytes(let bytes):
                out.append(contentsOf: bytes)
            case .variable(let path, let escaped):
                switch lookup(path, stack) {
                case .text(let text)?: HTMLBytes.append(text, escaped: escaped, to: &out)
                case .number(let number)?: out.append(contentsOf: String(number).utf8)
                case .flag(let flag)?: out.append(contentsOf: (flag ? "true" : "false").utf8)
                default: break
                }
            case .section(let path, let inverted, let children):
                let value = lookup(path, stack)
                let shown = value?.isTruthy ?? false
                if inverted {
                    if !shown { render(children, &stack, into: &out) }
                } else if let value, shown {
                    section(value, children, &stack, into: &out)
                }
            }
        }
    }

    /// A list repeats its children once per element; an object or a text is looked in first;
    /// `true` shows them once.
    private static func section(_ value: TemplateValue, _ children: [Node], _ stack: inout [TemplateValue], into out: inout [UInt8]) {
        switch value {
        case .list(let elements):
            for element in elements {
                stack.append(element)
                render(children, &stack, into: &out)
                stack.removeLast()
            }
        case .flag:
            render(children, &stack, into: &out)
        default:
            stack.append(value)
            render(children, &stack, into: &out)
            stack.removeLast()
        }
    }

    /// The first object on the stack (innermost first) holding the first name, then down the dots.
    private static func lookup(_ path: TemplatePath, _ stack: [TemplateValue]) -> TemplateValue? {
        guard let first = path.names.first else { return stack.last }
        var found: TemplateValue?
        for value in stack.reversed() {
            if case .object(let object) = value, let match = object[first] {
                found = match
                break
            }
        }
        for name in path.names.dropFirst() {
            guard case .object(let object)? = found else { return nil }
            found = object[name]
        }
        return found
    }
}

/// HTML escaping on UTF-8 bytes: `& < > " '` become entities, every other byte is copied,
/// runs of safe bytes in one append.
enum HTMLBytes {
    static func append(_ text: String, escaped: Bool, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard escaped else { return out.append(contentsOf: bytes) }
            var start = 0
            for index in 0..<bytes.count {
                let entity: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
    }
}
