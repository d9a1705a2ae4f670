/// Parses the mustache the site templates use: `{{name}}` (escaped), `{{{name}}}` and
/// `{{&name}}` (raw), sections `{{#name}}…{{/name}}` and inverted sections `{{^name}}`,
/// comments `{{! }}`, partials `{{>name}}`, layouts `{{<name}}` with blocks `{{$name}}`, and
/// dotted names. Tags alone on their line take the line with them, as the mustache spec says.
/// Anything else (delimiter changes) is an error naming the line, not silently wrong output.
struct TemplateParser {
    /// A template as written, before partials and layouts are put in place.
    indirect enum Syntax {
        case bytes([UInt8])
        case variable(TemplatePath, escaped: Bool)
        case section(TemplatePath, inverted: Bool, [Syntax])
        case partial(String)
        case parent(String, blocks: [String: [Syntax]])
        case block(String, [Syntax])
    }

    private enum Token {
        case text([UInt8])
        case tag(sigil: UInt8?, name: String, line: Int)
    }

    static func parse(_ source: String) throws(TemplateError) -> [Syntax] {
        var tokens = try tokens(Array(source.utf8))
        stripStandaloneLines(&tokens)
        var position = 0
        let syntax = try tree(tokens, &position, closing: nil)
        return syntax
    }

    private static let open = Array("{{".utf8), close = Array("}}".utf8), rawClose = Array("}}}".utf8)
    private static let standalone = Set("#^/!><$".utf8)

    private static func tokens(_ bytes: [UInt8]) throws(TemplateError) -> [Token] {
        var tokens: [Token] = []
        var start = 0, line = 1
        while let tagStart = find(open, in: bytes, from: start) {
            tokens.append(.text(Array(bytes[start..<tagStart])))
            line += bytes[start..<tagStart].count { $0 == 10 }
            let raw = tagStart + 2 < bytes.count && bytes[tagStart + 2] == UInt8(ascii: "{")
            let bodyStart = tagStart + (raw ? 3 : 2)
            guard let bodyEnd = find(raw ? rawClose : close, in: bytes, from: bodyStart) else {
                throw TemplateError("第 \(line) 行的标签没有结束（缺少 \(raw ? "}}}" : "}}")）")
            }
            var body = String(decoding: bytes[bodyStart..<bodyEnd], as: UTF8.self).trimmingWhitespace
            var sigil: UInt8? = raw ? UInt8(ascii: "&") : nil
            if !raw, let first = body.utf8.first, Self.standalone.contains(first) || first == UInt8(ascii: "&") || first == UInt8(ascii: "=") {
                guard first != UInt8(ascii: "=") else { throw TemplateError("第 \(line) 行：不支持更改分隔符（{{=…=}}）") }
                sigil = first
                body = String(body.dropFirst()).trimmingWhitespace
            }
            guard sigil == UInt8(ascii: "!") || !body.isEmpty else { throw TemplateError("第 \(line) 行有空标签") }
            tokens.append(.tag(sigil: sigil, name: body, line: line))
            line += bytes[bodyStart..<bodyEnd].count { $0 == 10 }
            start = bodyEnd + (raw ? 3 : 2)
        }
        tokens.append(.text(Array(bytes[start...])))
        return tokens
    }

    /// A section, comment, partial or block tag alone on its line removes the line's
    /// indentation and its line break.
    private static func stripStandaloneLines(_ tokens: inout [Token]) {
        // Texts that begin a line: the first, and each one after a line taken away.
        var startsLine = [Bool](repeating: false, count: tokens.count)
        startsLine[0] = true
        for index in tokens.indices {
            guard case .tag(let sigil?, _, _) = tokens[index], standalone.contains(sigil),
                  index > 0, index + 1 < tokens.count,
                  case .text(let before) = tokens[index - 1], case .text(let after) = tokens[index + 1] else { continue }
            let lineStart = (before.lastIndex(of: 10).map { $0 + 1 }) ?? 0
            let atStart = before.lastIndex(of: 10) != nil || startsLine[index - 1]
            guard atStart, before[lineStart...].allSatisfy(isBlank) else { continue }
            let lineEnd = after.firstIndex(of: 10)
            guard after[..<(lineEnd ?? after.count)].allSatisfy(isBlank) else { continue }
            guard lineEnd != nil || index + 1 == tokens.count - 1 else { continue }
            tokens[index - 1] = .text(Array(before[..<lineStart]))
            tokens[index + 1] = .text(Array(after[(lineEnd.map { $0 + 1 } ?? after.count)...]))
            startsLine[index + 1] = true
        }
    }

    private static func tree(_ tokens: [Token], _ position: inout Int, closing: (name: String, line: Int)?) throws(TemplateError) -> [Syntax] {
        var nodes: [Syntax] = []
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token {
            case .text(let bytes):
                if !bytes.isEmpty { nodes.append(.bytes(bytes)) }
            case .tag(let sigil, let name, let line):
                switch sigil {
                case nil, UInt8(ascii: "&"):
                    nodes.append(.variable(TemplatePath(name), escaped: sigil == nil))
                case UInt8(ascii: "!"):
                    break
                case UInt8(ascii: ">"):
                    nodes.append(.partial(name))
                case UInt8(ascii: "/"):
                    guard let closing, closing.name == name else {
                        throw TemplateError("第 \(line) 行的 {{/\(name)}} 没有对应的开始标签" + (closing.map { "（应为 {{/\($0.name)}}）" } ?? ""))
                    }
                    return nodes
                default:
                    let children = try tree(tokens, &position, closing: (name, line))
                    switch sigil {
                    case UInt8(ascii: "#"), UInt8(ascii: "^"):
                        nodes.append(.section(TemplatePath(name), inverted: sigil == UInt8(ascii: "^"), children))
                    case UInt8(ascii: "$"):
                        nodes.append(.block(name, children))
                    default:
                        var blocks: [String: [Syntax]] = [:]
                        for case .block(let block, let content) in children { blocks[block] = content }
                        nodes.append(.parent(name, blocks: blocks))
                    }
                }
            }
        }
        if let closing { throw TemplateError("第 \(closing.line) 行的 {{\(closing.name)}} 没有结束标签 {{/\(closing.name)}}") }
        return nodes
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 13 }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0] && bytes[index + 1] == needle[1] && (needle.count < 3 || bytes[index + 2] == needle[2]) {
                return index
            }
            index += 1
        }
        return nil
    }
}

/// A name a template looks up: `name`, `a.b`, or `.` for the current value.
struct TemplatePath: Sendable, Hashable {
    let names: [String]

    init(_ text: String) { names = text == "." ? [] : text.split(separator: ".").map(String.init) }
}

/// What is wrong with a template, in Chinese, with the line.
struct TemplateError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
