import ArgumentParser
import RedlineKit

/// `--fail-on LEVEL`: the levels by their raw values.
extension AuditFailLevel: ExpressibleByArgument {}
