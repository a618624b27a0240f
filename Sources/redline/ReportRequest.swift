import ArgumentParser
import RedlineKit

/// `--report FORMAT[=FILE]`, the formats of the library's registry.
extension ReportRequest: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }

    public static var allValueStrings: [String] { ReportFormat.all.map(\.usage) }
}
