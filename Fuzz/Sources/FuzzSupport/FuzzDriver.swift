/// Starts libFuzzer. SwiftPM links an executable with its entry point renamed `<module>_main`
/// (`main` is defined as that symbol), so libFuzzer's own `main` is never used: each target
/// defines `<module>_main` and hands its `LLVMFuzzerTestOneInput` to libFuzzer's driver here.
public enum FuzzDriver {
  public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

  /// Runs libFuzzer with the program's arguments on `test`; returns its exit status.
  public static func run(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, _ test: TestOneInput
  ) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return llvmFuzzerRunDriver(&count, &arguments, test)
  }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ test: FuzzDriver.TestOneInput
) -> CInt
