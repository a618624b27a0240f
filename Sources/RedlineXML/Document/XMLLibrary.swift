import CLibXML2

/// One-time, process-wide setup of libxml2: initialise the parser and install the refusing
/// external-entity loader, so nothing is ever loaded from a URL or a file by the XML layer.
public enum XMLLibrary {
    /// The version of the libxml2 the process runs with (`2.9.14`), from its `xmlParserVersion`.
    public static var version: String {
        guard let raw = __xmlParserVersion()?.pointee, let number = Int(String(cString: raw)) else { return "unknown" }
        return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }

    private static let initialized: Bool = {
        xmlInitParser()
        redline_install_refusing_loader()
        return true
    }()

    /// Ensures the setup ran; cheap after the first call, safe from any thread.
    package static func ensureInitialized() {
        _ = initialized
        // The generic error handler is per thread in threaded builds: keep every thread silent.
        redline_silence_generic()
    }
}

extension String {
    /// The text of a string libxml2 allocated for the caller, which is freed here; nil for none.
    init?(xmlOwned raw: UnsafeMutablePointer<xmlChar>?) {
        guard let raw else { return nil }
        defer { redline_xmlFree(raw) }
        self.init(cString: raw)
    }
}
