// libFuzzer harness: any bytes as an XML document, read by PlainXMLScanner and by libxml2.
// Wherever the scanner accepts a document, libxml2 must read it too and report the same
// elements, attributes and text; a difference stops the run as a crash.
import Foundation
@testable import Sheets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let document = UnsafeBufferPointer(start: data, count: size)
    guard let scanned = XMLEventLog.scanned(document) else { return 0 }
    let parsed = XMLEventLog.parsed(document)
    guard parsed == scanned else {
        fatalError("PlainXMLScanner and libxml2 disagree:\nscanner \(scanned)\nlibxml2 \(parsed.map(\.description) ?? "rejects it")")
    }
    return 0
}
