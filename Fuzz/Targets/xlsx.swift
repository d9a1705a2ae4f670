// libFuzzer harness: any bytes, as an .xlsx file, through the XLSX reader.
import Foundation
@testable import Sheets

/// The reader takes a file: each input is written to one scratch file in memory-backed /dev/shm.
let scratch = URL(fileURLWithPath: (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
                  + "/powerlist-fuzz-\(getpid()).xlsx")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    // A ZIP's central directory must be found for anything to happen: give it the best chance.
    FileManager.default.createFile(atPath: scratch.path, contents: Data(bytes: data, count: size))
    _ = try? XLSXReader(file: scratch, limits: FuzzLimits.limits).read()
    return 0
}
