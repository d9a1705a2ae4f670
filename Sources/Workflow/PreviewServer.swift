import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.0 file server for previewing a site: GET and HEAD of files under one
/// folder, on 127.0.0.1 only, one request per connection. A preview for the person at the
/// keyboard, not a web server to put online (publish the folder to a real one for that).
public final class PreviewServer: @unchecked Sendable {
    public let root: URL
    public let port: UInt16
    private let socket: Int32

    /// Binds 127.0.0.1:`port` (0 picks a free port: see `port`).
    public init(root: URL, port: UInt16) throws {
        self.root = root.standardizedFileURL
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw WorkflowError("无法创建网络套接字。") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw WorkflowError("无法监听 127.0.0.1:\(port)：端口可能已被占用。请用 --port 换一个端口。")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.socket = fd
        self.port = UInt16(bigEndian: actual.sin_port)
    }

    /// Serves requests until the process ends.
    public func run() -> Never {
        while true {
            let client = accept(socket, nil, nil)
            guard client >= 0 else { continue }
            Thread.detachNewThread { [self] in
                respond(on: client)
                close(client)
            }
        }
    }

    private func respond(on client: Int32) {
        var request = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.count < 65536, !request.suffix(4).elementsEqual([13, 10, 13, 10]) {
            let count = read(client, &buffer, buffer.count)
            guard count > 0 else { break }
            request += buffer[0..<count]
        }
        let line = String(decoding: request.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self).split(separator: " ")
        guard line.count >= 2, ["GET", "HEAD"].contains(line[0]) else { return send(client, 405, "text/plain", Data("405".utf8)) }
        guard let file = file(for: String(line[1])), let data = FileManager.default.contents(atPath: file.path) else {
            return send(client, 404, "text/html; charset=utf-8", Data("<!doctype html><meta charset=utf-8><title>404</title><p>找不到这个页面。".utf8))
        }
        send(client, 200, Self.contentType(file.pathExtension), line[0] == "HEAD" ? Data() : data, length: data.count)
    }

    /// The file a request path names, never outside `root`; a folder serves its `index.html`.
    func file(for target: String) -> URL? {
        let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
        guard let decoded = path.removingPercentEncoding else { return nil }
        var file = root.appendingPathComponent(decoded).standardizedFileURL
        guard file.path == root.path || file.path.hasPrefix(root.path + "/") else { return nil }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), isDirectory.boolValue {
            file = file.appendingPathComponent("index.html")
        }
        return file
    }

    private func send(_ client: Int32, _ status: Int, _ type: String, _ body: Data, length: Int? = nil) {
        let reason = [200: "OK", 404: "Not Found", 405: "Method Not Allowed"][status] ?? ""
        let head = "HTTP/1.0 \(status) \(reason)\r\nContent-Type: \(type)\r\nContent-Length: \(length ?? body.count)\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
        for data in [Data(head.utf8), body] {
            data.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = write(client, raw.baseAddress! + offset, raw.count - offset)
                    guard written > 0 else { return }
                    offset += written
                }
            }
        }
    }

    static func contentType(_ ext: String) -> String {
        switch ext.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        default: "application/octet-stream"
        }
    }
}
