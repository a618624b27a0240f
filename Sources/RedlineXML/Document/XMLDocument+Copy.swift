import CLibXML2

extension XMLDocument {
    /// A deep copy of the tree (line numbers kept), which the copy frees: for evaluating one
    /// parsed record at several dates, since an evaluation prunes what is dated after its date.
    /// Nil when libxml2 runs out of memory.
    public func copy() -> XMLDocument? {
        guard let tree = xmlCopyDoc(pointer, 1) else { return nil }
        let copy = XMLDocument(borrowing: tree, path: path)
        copy.owned = true
        return copy
    }
}
