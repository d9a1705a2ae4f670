// libFuzzer harness: any bytes through text decoding, separator detection and CSV parsing.
import Foundation
@testable import Sheets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let text = try? TextDecoder.decode(Data(bytes: data, count: size), forcedEncoding: nil, file: "fuzz.csv") else {
        return 0
    }
    text.utf8.withUnsafeBytes { buffer in
        let separator = CSVSeparator.detect(in: buffer)
        _ = try? CSVParser(separator: separator, limits: FuzzLimits.limits).rows(in: buffer)
    }
    return 0
}
