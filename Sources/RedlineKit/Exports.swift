// RedlineKit's public API includes the XML layer's values (documents, errors, positions, dates,
// reference lists): clients import RedlineKit alone.
@_exported import RedlineXML
