import Foundation

/// Facts about this build of redline.
public enum Redline {
    /// The version of redline.
    public static let version = "0.1.0"

    /// The number of active processor cores (the default `--jobs`).
    public static var coreCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
