/// Encodes `Encodable` values as pretty-printed JSON with sorted keys, byte for byte as
/// Foundation's `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`
/// writes them (``JSONWriter/Style/encoder``), several times faster: the audit's JSON report
/// encodes every rule result of every record, and Foundation's encoder cost more than
/// evaluating the rules. `PrettyJSONEncoderTests` holds the two to the same output. Value type,
/// no shared state: safe to use from many threads.
struct PrettyJSONEncoder {
    /// The JSON text of `value`, every line after the first indented by `depth` levels.
    func encode(_ value: some Encodable, depth: Int = 0) throws -> String {
        let root = JSONSlot()
        try value.encode(to: SlotEncoder(slot: root))
        var out = ""
        out.reserveCapacity(4096)
        root.write(into: &out, depth: depth, with: JSONWriter(style: .encoder))
        return out
    }

    /// The JSON text of `value` followed by a newline, or `{}` and a newline when it cannot be
    /// encoded: a whole document.
    func document(_ value: some Encodable) -> String {
        ((try? encode(value)) ?? "{}") + "\n"
    }
}

/// One value of the document being built: a scalar already in JSON, an object or an array.
private final class JSONSlot {
    enum Kind { case unset, scalar, object, array }
    var kind = Kind.unset
    var scalar = ""
    var pairs: [(key: String, value: JSONSlot)] = []
    var items: [JSONSlot] = []

    func write(into out: inout String, depth: Int, with writer: JSONWriter) {
        switch kind {
        case .unset: writer.object([(key: String, value: JSONSlot)](), depth: depth, into: &out) { _, _, _ in }
        case .scalar: out += scalar
        case .object:
            let sorted = pairs.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            writer.object(sorted, depth: depth, into: &out) { value, depth, out in
                value.write(into: &out, depth: depth, with: writer)
            }
        case .array:
            writer.array(items, depth: depth, into: &out) { item, depth, out in
                item.write(into: &out, depth: depth, with: writer)
            }
        }
    }

    func set(_ json: String) {
        kind = .scalar
        scalar = json
    }

    func set(_ text: String, quoted: Bool) {
        kind = .scalar
        scalar = ""
        JSONWriter(style: .encoder).quote(text, into: &scalar)
    }
}

private struct SlotEncoder: Encoder {
    let slot: JSONSlot
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.kind != .object {
            slot.kind = .object
            slot.pairs = []
        }
        return KeyedEncodingContainer(KeyedSlotContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.kind != .array {
            slot.kind = .array
            slot.items = []
        }
        return UnkeyedSlotContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleSlotContainer(slot: slot, codingPath: codingPath)
    }
}

private struct KeyedSlotContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: JSONSlot
    var codingPath: [any CodingKey]

    private func child(_ key: Key) -> JSONSlot {
        let child = JSONSlot()
        slot.pairs.append((key.stringValue, child))
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).set("null") }
    mutating func encode(_ value: Bool, forKey key: Key) throws { child(key).set(value ? "true" : "false") }
    mutating func encode(_ value: String, forKey key: Key) throws { child(key).set(value, quoted: true) }
    mutating func encode(_ value: Double, forKey key: Key) throws { child(key).set(JSONWriter.number(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { child(key).set(String(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try value.encode(to: SlotEncoder(slot: child(key), codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        SlotEncoder(slot: child(key), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: child(key), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        SlotEncoder(slot: child(Key(stringValue: "super")!), codingPath: codingPath)
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder { SlotEncoder(slot: child(key), codingPath: codingPath) }
}

private struct UnkeyedSlotContainer: UnkeyedEncodingContainer {
    let slot: JSONSlot
    var codingPath: [any CodingKey]
    var count: Int { slot.items.count }

    private func child() -> JSONSlot {
        let child = JSONSlot()
        slot.items.append(child)
        return child
    }

    mutating func encodeNil() throws { child().set("null") }
    mutating func encode(_ value: Bool) throws { child().set(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { child().set(value, quoted: true) }
    mutating func encode(_ value: Double) throws { child().set(JSONWriter.number(value)) }
    mutating func encode(_ value: Int) throws { child().set(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: SlotEncoder(slot: child(), codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        SlotEncoder(slot: child(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: child(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: child(), codingPath: codingPath) }
}

private struct SingleSlotContainer: SingleValueEncodingContainer {
    let slot: JSONSlot
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.set("null") }
    mutating func encode(_ value: Bool) throws { slot.set(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { slot.set(value, quoted: true) }
    mutating func encode(_ value: Double) throws { slot.set(JSONWriter.number(value)) }
    mutating func encode(_ value: Int) throws { slot.set(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: SlotEncoder(slot: slot, codingPath: codingPath))
    }
}
