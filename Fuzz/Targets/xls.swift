// libFuzzer harness: any bytes, as an OLE2 compound file, through the XLS (BIFF8) reader.
@testable import Sheets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? XLSReader.sheets(in: Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
