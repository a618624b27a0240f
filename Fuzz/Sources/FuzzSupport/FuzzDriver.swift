import Foundation

/// libFuzzer's driver (from the `-sanitize=fuzzer` runtime). SwiftPM links executables with
/// their own entry point, so libFuzzer's `main` is not used; each target's `main` hands over to
/// the driver through ``runFuzzer(_:)``.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Runs libFuzzer with the process's arguments, calling `test` with each input; exits with the
/// driver's status.
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(runDriver(&argc, &argv, test))
}
